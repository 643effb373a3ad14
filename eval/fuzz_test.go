package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func addFileSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(string(b))
	}
}

// FuzzReadLadder checks that ReadLadder never panics, that errors are
// *ParseError with a line within the input, and that accepted input
// formats back to lines that read as the same links.
func FuzzReadLadder(f *testing.F) {
	for _, s := range []string{"[0]:[0]", "[0,1]:[2]:0.5\n\n[]:[3]\r[4]:[]", " [ 1 , 2 ]:[ 3 ] ", "[+1,-2,1_0]:[٣,５]",
		"[[1]:[2]]]", "1]:[2", "[1] [2]", "[1__2]:[1]", "\ufeff[0]:[0]", "[\xff]:[0]"} {
		f.Add(s)
	}
	addFileSeeds(f, "testdata/ladder/gold/a.align", "testdata/ladder/pred/a.align", "testdata/ladder/gold/b.align")
	f.Fuzz(func(t *testing.T, s string) {
		links, err := ReadLadder(strings.NewReader(s), "f")
		lines := strings.Count(s, "\n") + strings.Count(s, "\r") + 1
		if err != nil {
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.True(t, pe.Line >= 1 && pe.Line <= lines, "line %d of %d", pe.Line, lines)
			return
		}
		assert.LessOrEqual(t, len(links), lines)
		var b strings.Builder
		for _, l := range links {
			b.WriteString(l.String())
			b.WriteByte('\n')
		}
		again, err := ReadLadder(strings.NewReader(b.String()), "f")
		require.NoError(t, err, b.String())
		assert.Equal(t, links, again)
	})
}

// FuzzReadScoredLadder checks that ReadScoredLadder never panics, that
// errors are *ParseError, that scores lie in [0,1] and that accepted
// input formats back to lines that read as the same links.
func FuzzReadScoredLadder(f *testing.F) {
	for _, s := range []string{"[0]:[0]:0.9990", "[0,1]:[2]:1\n\n[]:[3]: .5 \r[4]:[]:0:x", "[1]:[2]:1e-1", "[1]:[2]:0_5",
		"[1]:[2]:", "[1]:[2]", "[1]:[2]:nan", "[1]:[2]:-0", "[1]:[2]:١", "[1]:[2]:0x1p-1"} {
		f.Add(s)
	}
	addFileSeeds(f, "testdata/ladder/scored/a.align", "testdata/ladder/scored/b.align")
	f.Fuzz(func(t *testing.T, s string) {
		links, err := ReadScoredLadder(strings.NewReader(s), "f")
		if err != nil {
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			return
		}
		var b strings.Builder
		for _, l := range links {
			require.True(t, l.Score >= 0 && l.Score <= 1, "%v", l.Score)
			b.WriteString(l.String())
			b.WriteByte(':')
			b.WriteString(strconv.FormatFloat(l.Score, 'g', -1, 64))
			b.WriteByte('\n')
		}
		again, err := ReadScoredLadder(strings.NewReader(b.String()), "f")
		require.NoError(t, err, b.String())
		assert.Equal(t, links, again)
	})
}

// FuzzReadPairs checks that ReadPairs never panics and that accepted
// pairs survive a round trip through encoding/json.
func FuzzReadPairs(f *testing.F) {
	for _, s := range []string{`{"en": "A", "zh": "乙"}`, `{"en": ["A", "B"], "zh": ["甲", "乙"]}`, `{"en": null, "zh": 0}`,
		`{"en": "\ud800", "zh": "\ud83d\ude42", "s": NaN}`, `{"en": "A", "zh": "B", "s": -0.0e-5}`, `[1, 2]`, `{"en": 1e999}`, `{"a": [[[{}]]]}`} {
		f.Add(s)
	}
	addFileSeeds(f, "testdata/pairs/gold.jsonl", "testdata/pairs/pred.jsonl")
	f.Fuzz(func(t *testing.T, s string) {
		pairs, err := ReadPairs(strings.NewReader(s), "f")
		if err != nil {
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			return
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		for _, p := range pairs {
			require.True(t, utf8.ValidString(p.EN) && utf8.ValidString(p.ZH))
			require.NoError(t, enc.Encode(map[string]string{"en": p.EN, "zh": p.ZH}))
		}
		again, err := ReadPairs(&b, "f")
		require.NoError(t, err)
		assert.Equal(t, pairs, again)
	})
}

// FuzzNormalize checks Normalize's output shape: no whitespace, and
// letters or numbers at both ends.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"經(jīng)貿(mào)", "中(a)(b)", " Straße! ", "abc\u0308", "\u13a0\uab70", "「你好。」", "\x1c", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		require.True(t, utf8.ValidString(n))
		assert.False(t, strings.ContainsFunc(n, isPySpace), "%+q", n)
		if n != "" {
			first, _ := utf8.DecodeRuneInString(n)
			last, _ := utf8.DecodeLastRuneInString(n)
			assert.True(t, isAlnum(first) && isAlnum(last), "%+q", n)
		}
	})
}

// FuzzRatio checks the matcher against bounds that hold for difflib:
// 0 <= ratio <= quick_ratio <= real_quick_ratio, and ratio(a, a) = 1.
func FuzzRatio(f *testing.F) {
	f.Add("abbb", "bbab")
	f.Add("中华人民共和国", "中华民国")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, tb := newText(a), newText(b)
		length := len(ta.rs) + len(tb.rs)
		r := ratio(a, b)
		quick := pyRatio(sortedCommon(ta.sorted, tb.sorted), length)
		realQuick := pyRatio(min(len(ta.rs), len(tb.rs)), length)
		assert.True(t, 0 <= r && r <= quick && quick <= realQuick && realQuick <= 1, "%v %v %v", r, quick, realQuick)
		assert.Equal(t, 1.0, ratio(a, a))
	})
}
