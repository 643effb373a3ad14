package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadLadder(t *testing.T) {
	l := func(src, tgt []int) Link { return Link{Src: src, Tgt: tgt} }
	tests := []struct {
		desc, src string
		want      []Link
	}{
		{"one to one", "[0]:[0]\n", []Link{l([]int{0}, []int{0})}},
		{"many", "[0,1]:[2]\n[2]:[3,4,5]", []Link{l([]int{0, 1}, []int{2}), l([]int{2}, []int{3, 4, 5})}},
		{"null links", "[5]:[]\n[]:[6]\n[]:[]", []Link{l([]int{5}, []int{}), l([]int{}, []int{6}), l([]int{}, []int{})}},
		{"score ignored", "[1]:[2]:0.75", []Link{l([]int{1}, []int{2})}},
		{"blank lines", "\n  \n[1]:[2]\n\t\n", []Link{l([]int{1}, []int{2})}},
		{"crlf and cr", "[0]:[0]\r\n[1]:[1]\r[2]:[2]", []Link{l([]int{0}, []int{0}), l([]int{1}, []int{1}), l([]int{2}, []int{2})}},
		{"spaces in lists", " [ 1 , 2 ]:[ 3 ] ", []Link{l([]int{1, 2}, []int{3})}},
		{"empty items skipped", "[1,,2,]:[,3]", []Link{l([]int{1, 2}, []int{3})}},
		{"order and repeats kept", "[2,1,1]:[0]", []Link{l([]int{2, 1, 1}, []int{0})}},
		// Python's int() accepts these; so does ReadLadder.
		{"python int forms", "[+1,-2,1_0,007]:[٣,５,\u30004]", []Link{l([]int{1, -2, 10, 7}, []int{3, 5, 4})}},
		{"extra brackets", "[[1]:[2]]]", []Link{l([]int{1}, []int{2})}},
		{"missing outer brackets", "1]:[2", []Link{l([]int{1}, []int{2})}},
		{"empty input", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := ReadLadder(strings.NewReader(tc.src), "x.align")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			slow, err := ReadLadder(iotest.OneByteReader(strings.NewReader(tc.src)), "x.align")
			require.NoError(t, err)
			assert.Equal(t, tc.want, slow)
		})
	}
}

func TestReadLadderErrors(t *testing.T) {
	tests := []struct {
		desc, src string
		line      int
		want      error
	}{
		{"no separator", "[0]:[0]\n[1] [2]\n", 2, ErrBadLink},
		{"two separators", "[0]:[1]:[2]", 1, ErrBadLink},
		{"letters", "\n\n[a]:[1]", 3, ErrBadLink},
		{"float", "[1.5]:[1]", 1, ErrBadLink},
		{"inner space", "[1 2]:[1]", 1, ErrBadLink},
		{"double underscore", "[1__2]:[1]", 1, ErrBadLink},
		{"superscript digit", "[²]:[1]", 1, ErrBadLink},
		{"information separator is not int space", "[\x1c1]:[1]", 1, ErrBadLink},
		{"byte order mark inside", "[0]:[0]\n\ufeff[0]:[0]", 2, ErrBadLink},
		{"overflow", "[99999999999999999999]:[0]", 1, ErrBadLink},
		{"invalid utf-8", "[0]:[0]\r\n[\xff]:[0]", 2, ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := ReadLadder(strings.NewReader(tc.src), "x.align")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "x.align", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "x.align:"), err.Error())
		})
	}
}

func TestLinkString(t *testing.T) {
	assert.Equal(t, "[0,1]:[2]", Link{Src: []int{0, 1}, Tgt: []int{2}}.String())
	assert.Equal(t, "[]:[]", Link{}.String())
	assert.Equal(t, "[-1]:[]", Link{Src: []int{-1}}.String())
}

func TestScoreLadders(t *testing.T) {
	tests := []struct {
		desc string
		docs []DocPair
		want LadderScore
	}{
		// Generated with python3 3.11.7: score() of /work/shared/tools/score_ladder.py
		// on the same documents, written as (tuple, tuple) links.
		{"empty", []DocPair{}, LadderScore{0, 0, 0, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}}},
		{"one empty doc", []DocPair{{Gold: nil, Pred: nil}}, LadderScore{1, 0, 0, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}}},
		{"perfect", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1, 2}, Tgt: []int{1}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1, 2}, Tgt: []int{1}}}}}, LadderScore{1, 2, 2, PRF{1.0, 1.0, 1.0}, PRF{1.0, 1.0, 1.0}, PRF{1.0, 1.0, 1.0}}},
		{"split prediction", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0, 1}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{}, Tgt: []int{1}}}}}, LadderScore{1, 1, 2, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}, PRF{0.5, 1.0, 0.6667}}},
		{"merged prediction", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}}, Pred: []Link{{Src: []int{0, 1}, Tgt: []int{0, 1}}}}}, LadderScore{1, 2, 1, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}, PRF{1.0, 1.0, 1.0}}},
		{"duplicates in gold", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}}}}, LadderScore{1, 3, 1, PRF{2.0, 0.6667, 1.0}, PRF{1.0, 0.5, 0.6667}, PRF{1.0, 0.5, 0.6667}}},
		{"duplicates in pred", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}}}}, LadderScore{1, 1, 3, PRF{0.3333, 1.0, 0.5}, PRF{0.5, 1.0, 0.6667}, PRF{0.5, 1.0, 0.6667}}},
		{"null links only", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{}}, {Src: []int{}, Tgt: []int{0}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{}}, {Src: []int{}, Tgt: []int{0}}}}}, LadderScore{1, 2, 2, PRF{1.0, 1.0, 1.0}, PRF{1.0, 0.0, 0.0}, PRF{1.0, 0.0, 0.0}}},
		{"empty links", []DocPair{{Gold: []Link{{Src: []int{}, Tgt: []int{}}, {Src: []int{0}, Tgt: []int{0}}}, Pred: []Link{{Src: []int{}, Tgt: []int{}}, {Src: []int{0}, Tgt: []int{1}}}}}, LadderScore{1, 2, 2, PRF{0.5, 0.5, 0.5}, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}}},
		{"two docs", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1, 2}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}, {Src: []int{}, Tgt: []int{2}}}}, {Gold: []Link{{Src: []int{0, 1}, Tgt: []int{0}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{}}}}}, LadderScore{2, 3, 5, PRF{0.2, 0.3333, 0.25}, PRF{0.2, 0.3333, 0.25}, PRF{0.6, 1.0, 0.75}}},
		{"ties to even", []DocPair{{Gold: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}, {Src: []int{2}, Tgt: []int{2}}, {Src: []int{3}, Tgt: []int{3}}, {Src: []int{4}, Tgt: []int{4}}, {Src: []int{5}, Tgt: []int{5}}, {Src: []int{6}, Tgt: []int{6}}, {Src: []int{7}, Tgt: []int{7}}, {Src: []int{8}, Tgt: []int{8}}, {Src: []int{9}, Tgt: []int{9}}, {Src: []int{10}, Tgt: []int{10}}, {Src: []int{11}, Tgt: []int{11}}, {Src: []int{12}, Tgt: []int{12}}, {Src: []int{13}, Tgt: []int{13}}, {Src: []int{14}, Tgt: []int{14}}, {Src: []int{15}, Tgt: []int{15}}, {Src: []int{16}, Tgt: []int{16}}, {Src: []int{17}, Tgt: []int{17}}, {Src: []int{18}, Tgt: []int{18}}, {Src: []int{19}, Tgt: []int{19}}, {Src: []int{20}, Tgt: []int{20}}, {Src: []int{21}, Tgt: []int{21}}, {Src: []int{22}, Tgt: []int{22}}, {Src: []int{23}, Tgt: []int{23}}, {Src: []int{24}, Tgt: []int{24}}, {Src: []int{25}, Tgt: []int{25}}, {Src: []int{26}, Tgt: []int{26}}, {Src: []int{27}, Tgt: []int{27}}, {Src: []int{28}, Tgt: []int{28}}, {Src: []int{29}, Tgt: []int{29}}, {Src: []int{30}, Tgt: []int{30}}, {Src: []int{31}, Tgt: []int{31}}}, Pred: []Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{2}}, {Src: []int{2}, Tgt: []int{3}}, {Src: []int{3}, Tgt: []int{4}}, {Src: []int{4}, Tgt: []int{5}}, {Src: []int{5}, Tgt: []int{6}}, {Src: []int{6}, Tgt: []int{7}}, {Src: []int{7}, Tgt: []int{8}}, {Src: []int{8}, Tgt: []int{9}}, {Src: []int{9}, Tgt: []int{10}}, {Src: []int{10}, Tgt: []int{11}}, {Src: []int{11}, Tgt: []int{12}}, {Src: []int{12}, Tgt: []int{13}}, {Src: []int{13}, Tgt: []int{14}}, {Src: []int{14}, Tgt: []int{15}}, {Src: []int{15}, Tgt: []int{16}}, {Src: []int{16}, Tgt: []int{17}}, {Src: []int{17}, Tgt: []int{18}}, {Src: []int{18}, Tgt: []int{19}}, {Src: []int{19}, Tgt: []int{20}}, {Src: []int{20}, Tgt: []int{21}}, {Src: []int{21}, Tgt: []int{22}}, {Src: []int{22}, Tgt: []int{23}}, {Src: []int{23}, Tgt: []int{24}}, {Src: []int{24}, Tgt: []int{25}}, {Src: []int{25}, Tgt: []int{26}}, {Src: []int{26}, Tgt: []int{27}}, {Src: []int{27}, Tgt: []int{28}}, {Src: []int{28}, Tgt: []int{29}}, {Src: []int{29}, Tgt: []int{30}}, {Src: []int{30}, Tgt: []int{31}}, {Src: []int{31}, Tgt: []int{32}}}}}, LadderScore{1, 32, 32, PRF{0.0312, 0.0312, 0.0312}, PRF{0.0312, 0.0312, 0.0312}, PRF{0.0312, 0.0312, 0.0312}}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, ScoreLadders(tc.docs))
		})
	}
}

func TestReadLadderDirs(t *testing.T) {
	docs, err := ReadLadderDirs("testdata/ladder/gold", "testdata/ladder/pred")
	require.NoError(t, err)
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	assert.Equal(t, []string{"a", "b", "c"}, names) // notes.txt is not a ladder
	assert.Len(t, docs[0].Gold, 10)
	assert.Len(t, docs[0].Pred, 13)
	assert.Nil(t, docs[2].Pred) // no testdata/ladder/pred/c.align

	_, err = ReadLadderDirs("testdata/no-such-dir", "testdata/ladder/pred")
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestScoreLadderPathsErrors(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold")
	require.NoError(t, os.Mkdir(gold, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(gold, "001.align"), []byte("[0]:[0]\n[0]-[1]\n"), 0o644))
	_, err := ScoreLadderPaths(gold, filepath.Join(dir, "pred"))
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, filepath.Join(gold, "001.align"), pe.File)
	assert.Equal(t, 2, pe.Line)
	assert.True(t, errors.Is(err, ErrBadLink))

	// Missing files score as empty documents, as in Python.
	s, err := ScoreLadderPaths(filepath.Join(dir, "a.align"), filepath.Join(dir, "b.align"))
	require.NoError(t, err)
	assert.Equal(t, LadderScore{Docs: 1}, s)
}

func TestPyInt(t *testing.T) {
	// Python 3.11: int(s) for each s (ok=false: ValueError).
	tests := []struct {
		s    string
		want int
		ok   bool
	}{
		{"\x1c5", 0, false}, {"\u30005", 5, true}, {"5\u0085", 5, true}, {"١٢", 12, true},
		{"1_0", 10, true}, {"+5", 5, true}, {" -5 ", -5, true}, {"0x10", 0, false},
		{"00", 0, true}, {"0_0", 0, true}, {"_1", 0, false}, {"1_", 0, false},
		{"1__0", 0, false}, {"+_1", 0, false}, {"- 5", 0, false}, {"-", 0, false},
		{"+", 0, false}, {"١_٢", 12, true}, {"５", 5, true}, {"\u00a05\u2028", 5, true},
		{"𝟓", 5, true}, {"²", 0, false}, {"1 0", 0, false}, {"\t5\n", 5, true},
		{"\x0b5", 5, true}, {"0b1", 0, false}, {"\x7f1", 0, false},
	}
	for _, tc := range tests {
		got, err := pyInt(tc.s)
		if tc.ok {
			assert.NoError(t, err, "%q", tc.s)
			assert.Equal(t, tc.want, got, "%q", tc.s)
		} else {
			assert.Error(t, err, "%q", tc.s)
		}
	}
}

// TestByteOrderMark checks that a UTF-8 byte order mark at the start of a
// ladder or a pair file is skipped.
func TestByteOrderMark(t *testing.T) {
	links, err := ReadLadder(strings.NewReader("\ufeff[0]:[0]\n[1]:[1,2]\n"), "x.align")
	require.NoError(t, err)
	assert.Len(t, links, 2)
	pairs, err := ReadPairs(strings.NewReader("\ufeff{\"en\":\"a\",\"zh\":\"b\"}\n"), "x.jsonl")
	require.NoError(t, err)
	assert.Len(t, pairs, 1)
}
