package cedict_test

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/cedict"
)

func defaultDict(t testing.TB) *cedict.Dict {
	t.Helper()
	d, err := cedict.Default()
	require.NoError(t, err)
	return d
}

func TestDefault(t *testing.T) {
	d := defaultDict(t)
	d2, err := cedict.Default()
	require.NoError(t, err)
	assert.Same(t, d, d2, "Default parses once")
	assert.Greater(t, d.Len(), 100000)
	assert.NotEmpty(t, cedict.DataSource)
	assert.NotEmpty(t, cedict.DataDate)
}

func TestLookup(t *testing.T) {
	d := defaultDict(t)
	tests := []struct {
		desc, word       string
		trad, simp, py   string // of the entry searched for among the results
		wantGloss        string // a gloss it must have ("" for none)
		wantNoEntryFound bool
	}{
		{desc: "simplified", word: "经济", trad: "經濟", simp: "经济", py: "jing1 ji4", wantGloss: "economy"},
		{desc: "traditional", word: "經濟", trad: "經濟", simp: "经济", py: "jing1 ji4", wantGloss: "economic"},
		{desc: "place name", word: "重庆", trad: "重慶", simp: "重庆", py: "Chong2 qing4", wantGloss: "chongqing municipality"},
		{desc: "parenthesis removed", word: "头发", trad: "頭髮", simp: "头发", py: "tou2 fa5", wantGloss: "hair"},
		{desc: "traditional-only headword", word: "頭髮", trad: "頭髮", simp: "头发", py: "tou2 fa5", wantGloss: "hair"},
		{desc: "traditional form of a single character", word: "龍", trad: "龍", simp: "龙", py: "long2", wantGloss: "dragon"},
		{desc: "to-infinitive", word: "爱", trad: "愛", simp: "爱", py: "ai4", wantGloss: "love"},
		{desc: "not a headword", word: "经济经济", wantNoEntryFound: true},
		{desc: "empty", word: "", wantNoEntryFound: true},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := d.Lookup(tc.word)
			if tc.wantNoEntryFound {
				assert.Nil(t, got)
				return
			}
			require.NotEmpty(t, got)
			i := slices.IndexFunc(got, func(e cedict.Entry) bool {
				return e.Trad == tc.trad && e.Simp == tc.simp && e.Pinyin == tc.py
			})
			require.GreaterOrEqual(t, i, 0, "no entry %s %s [%s] in %v", tc.trad, tc.simp, tc.py, got)
			e := got[i]
			assert.Contains(t, e.Glosses, tc.wantGloss)
			assert.NotEmpty(t, e.Senses)
			for _, g := range e.Glosses {
				assert.Equal(t, strings.ToLower(g), g, "glosses are lower-case")
				assert.NotContains(t, g, "(")
				assert.NotContains(t, g, "[")
			}
		})
	}
}

func TestLookupReturnsCopies(t *testing.T) {
	d := defaultDict(t)
	got := d.Lookup("经济")
	require.NotEmpty(t, got)
	got[0].Glosses[0] = "changed"
	got[0].Words[0] = "changed"
	again := d.Lookup("经济")
	assert.NotEqual(t, "changed", again[0].Glosses[0])
	assert.NotEqual(t, "changed", again[0].Words[0])
}

func TestWords(t *testing.T) {
	d := defaultDict(t)
	tests := []struct {
		desc, word string
		anyOf      []string // at least one of these
		none       []string // none of these
	}{
		{desc: "economy", word: "经济", anyOf: []string{"economy", "economic"}},
		{desc: "traditional", word: "經濟", anyOf: []string{"economy", "economic"}},
		{desc: "function words dropped", word: "经贸", anyOf: []string{"economy", "economic", "trade"}, none: []string{"and"}},
		{desc: "infinitive marker dropped", word: "推进", anyOf: []string{"advance", "push"}, none: []string{"to"}},
		{desc: "classifier note dropped", word: "上午", anyOf: []string{"morning"}, none: []string{"cl"}},
		{desc: "surname dropped", word: "龙", anyOf: []string{"dragon"}, none: []string{"surname", "long"}},
		{desc: "variant followed", word: "昰", anyOf: []string{"right", "correct", "true"}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := d.Words(tc.word)
			require.NotEmpty(t, got)
			assert.True(t, slices.ContainsFunc(tc.anyOf, func(w string) bool { return slices.Contains(got, w) }),
				"%v has none of %v", got, tc.anyOf)
			for _, w := range tc.none {
				assert.NotContains(t, got, w)
			}
			seen := map[string]bool{}
			for _, w := range got {
				assert.False(t, seen[w], "duplicate %q", w)
				seen[w] = true
				assert.Equal(t, strings.ToLower(w), w)
			}
		})
	}
	assert.Nil(t, d.Words("不是一个词"))
}

func TestAppendWords(t *testing.T) {
	d := defaultDict(t)
	dst := []string{"keep"}
	dst = d.AppendWords(dst, "经济")
	assert.Equal(t, "keep", dst[0])
	assert.Equal(t, d.Words("经济"), dst[1:])
	// A word already in dst before the call is not a duplicate.
	assert.Equal(t, []string{"economy", "economy", "economic"}, d.AppendWords([]string{"economy"}, "经济"))
}

func TestReadings(t *testing.T) {
	d := defaultDict(t)
	tests := []struct {
		desc string
		r    rune
		want []string // all must be present
		none []string
	}{
		{desc: "two readings", r: '重', want: []string{"chong2", "zhong4"}},
		{desc: "neutral tone", r: '了', want: []string{"le5", "liao3"}},
		{desc: "proper noun capital lower-cased", r: '京', want: []string{"jing1"}, none: []string{"Jing1"}},
		{desc: "traditional character", r: '龍', want: []string{"long2"}},
		{desc: "u colon", r: '女', want: []string{"nu:3"}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := d.Readings(tc.r)
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tc.none {
				assert.NotContains(t, got, w)
			}
			assert.Len(t, got, len(slices.Compact(slices.Sorted(slices.Values(got)))), "deduplicated")
		})
	}
	assert.Nil(t, d.Readings('x'))
	assert.Nil(t, d.Readings('\uFFFD'))
}

func TestHeadwords(t *testing.T) {
	d := defaultDict(t)
	var hw []string
	for w := range d.Headwords() {
		hw = append(hw, w)
	}
	assert.Contains(t, hw, "经济")
	assert.NotContains(t, hw, "經濟", "simplified only")
	assert.True(t, slices.IsSorted(hw), "embedded headwords are sorted")
	assert.Len(t, hw, len(slices.Compact(slices.Clone(hw))), "distinct")
	assert.Less(t, len(hw), d.Len())

	n := 0
	for range d.Headwords() {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n, "early break")
}

func TestZeroDict(t *testing.T) {
	var d cedict.Dict
	assert.Zero(t, d.Len())
	assert.Nil(t, d.Lookup("经济"))
	assert.Nil(t, d.Words("经济"))
	assert.Nil(t, d.Readings('经'))
	for range d.All() {
		t.Fatal("zero Dict has entries")
	}
	for range d.Headwords() {
		t.Fatal("zero Dict has headwords")
	}
}

const sample = `# A small CEDICT file
#! date=2026-01-04

經濟 经济 [jing1 ji4] /economy/economic/
經貿 经贸 [jing1 mao4] /economy and trade; economic and trade/
推進 推进 [tui1 jin4] /to push forward; to promote; to advance/CL:個|个[ge4]/
昰 是 [shi4] /variant of 是[shi4]/
是 是 [shi4] /is; are; am/yes/to be/correct; right; true/
重 重 [chong2] /to repeat/again/
重 重 [zhong4] /heavy/serious/
`

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		desc string
		in   string
	}{
		{desc: "LF", in: sample},
		{desc: "CRLF and BOM", in: "\uFEFF" + strings.ReplaceAll(sample, "\n", "\r\n")},
		{desc: "no final newline", in: strings.TrimSuffix(sample, "\n")},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			d, err := cedict.Parse(iotest.OneByteReader(strings.NewReader(tc.in)), "sample.u8")
			require.NoError(t, err)
			assert.Equal(t, 7, d.Len())
			got := d.Lookup("推進")
			require.Len(t, got, 1)
			assert.Equal(t, cedict.Entry{
				Trad: "推進", Simp: "推进", Pinyin: "tui1 jin4",
				Senses:  []string{"to push forward; to promote; to advance", "CL:個|个[ge4]"},
				Glosses: []string{"push forward", "promote", "advance"},
				Words:   []string{"push", "forward", "promote", "advance"},
			}, got[0])
			assert.Equal(t, "推進 推进 [tui1 jin4] /to push forward; to promote; to advance/CL:個|个[ge4]/", got[0].String())
			assert.Equal(t, []string{"economy", "trade", "economic"}, d.Words("经贸"))
			assert.Equal(t, []string{"chong2", "zhong4"}, d.Readings('重'))
			// 是 is both the simplified form of 昰 and a headword of its own.
			assert.Len(t, d.Lookup("是"), 2)
			assert.Len(t, d.Lookup("昰"), 1)
			assert.Equal(t, "是", d.Lookup("昰")[0].VariantOf)
			assert.Equal(t, []string{"yes", "correct", "right", "true"}, d.Words("昰"))
			assert.Equal(t, []string{"经济", "经贸", "推进", "是", "重"}, slices.Collect(d.Headwords()))
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		desc     string
		in       string
		line     int
		sentinel error
	}{
		{desc: "empty", in: "", line: 0, sentinel: cedict.ErrNoEntries},
		{desc: "comments only", in: "# x\n\n#! y\n", line: 0, sentinel: cedict.ErrNoEntries},
		{desc: "missing pinyin", in: "經濟 经济 [jing1 ji4] /economy/\n經濟 经济 /economy/\n", line: 2, sentinel: cedict.ErrSyntax},
		{desc: "missing simplified", in: "# c\n經濟 [jing1 ji4] /economy/\n", line: 2, sentinel: cedict.ErrSyntax},
		{desc: "unclosed pinyin", in: "\n\n經濟 经济 [jing1 ji4 /economy/\n", line: 3, sentinel: cedict.ErrSyntax},
		{desc: "no senses", in: "經濟 经济 [jing1 ji4] //\n", line: 1, sentinel: cedict.ErrSyntax},
		{desc: "no slashes", in: "經濟 经济 [jing1 ji4] economy\n", line: 1, sentinel: cedict.ErrSyntax},
		{desc: "unterminated senses", in: "經濟 经济 [jing1 ji4] /economy\n", line: 1, sentinel: cedict.ErrSyntax},
		{desc: "headword only", in: "經濟\n", line: 1, sentinel: cedict.ErrSyntax},
		{desc: "invalid UTF-8", in: "經濟 经济 [jing1 ji4] /econ\xffomy/\n", line: 1, sentinel: cedict.ErrSyntax},
		{desc: "CRLF line count", in: "a a [a1] /x/\r\n\r\nbad\r\n", line: 3, sentinel: cedict.ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			d, err := cedict.Parse(strings.NewReader(tc.in), "test.u8")
			assert.Nil(t, d)
			var pe *cedict.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "test.u8", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.sentinel)
			if tc.line > 0 {
				assert.Contains(t, err.Error(), "test.u8:"+strconv.Itoa(tc.line)+": ")
			}
		})
	}
}

func TestParseReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := cedict.Parse(io.MultiReader(strings.NewReader(sample), iotest.ErrReader(boom)), "r.u8")
	var pe *cedict.ParseError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, 0, pe.Line)
}

// TestParseLarge covers inputs big enough to be parsed in several pieces
// at once: entries keep their order and errors their line numbers.
func TestParseLarge(t *testing.T) {
	var sb strings.Builder
	const n = 60000 // about 3 MB
	for i := range n {
		sb.WriteString("經濟 经济 [jing1 ji4] /economy/economic/number " + strconv.Itoa(i) + "/\n")
	}
	big := sb.String()
	d, err := cedict.Parse(strings.NewReader(big), "big.u8")
	require.NoError(t, err)
	assert.Equal(t, n, d.Len())
	got := d.Lookup("经济")
	require.Len(t, got, n)
	for i, e := range got {
		if !assert.Equal(t, "number "+strconv.Itoa(i), e.Glosses[2]) {
			break
		}
	}
	assert.Equal(t, []string{"economy", "economic", "number", "0"}, d.Words("经济")[:4])

	for _, at := range []int{1, n / 3, n/2 + 1, n} {
		lines := strings.SplitAfter(big, "\n")
		lines[at-1] = "bad line\n"
		_, err := cedict.Parse(strings.NewReader(strings.Join(lines, "")), "big.u8")
		var pe *cedict.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, at, pe.Line)
	}
}

func TestAllRoundTrip(t *testing.T) {
	d, err := cedict.Parse(strings.NewReader(sample), "sample.u8")
	require.NoError(t, err)
	var sb strings.Builder
	for e := range d.All() {
		sb.WriteString(e.String() + "\n")
	}
	d2, err := cedict.Parse(strings.NewReader(sb.String()), "again.u8")
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(d.All()), slices.Collect(d2.All()))
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("經濟 经济 [jing1 ji4] /economy/economic/\n")
	f.Add("a b [] / x / (y) /\r\n")
	f.Add("\uFEFF# only a comment")
	f.Add("重 重 [zhong4] /variant of 重[zhong4]/see 重[chong2]/CL:個|个[ge4]/")
	f.Add("x x [x] /(((/)))/;;;/'s/-/")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := cedict.Parse(strings.NewReader(in), "fuzz")
		if err != nil {
			var pe *cedict.ParseError
			require.ErrorAs(t, err, &pe)
			require.Nil(t, d)
			return
		}
		require.Positive(t, d.Len())
		var lines []string
		for e := range d.All() {
			// Every entry is found by both headwords (checked for the
			// first entries only: the check is quadratic).
			if len(lines) < 50 {
				require.Contains(t, d.Lookup(e.Simp), e)
				require.Contains(t, d.Lookup(e.Trad), e)
				for _, r := range e.Simp {
					d.Readings(r)
				}
				d.Words(e.Simp)
			}
			lines = append(lines, e.String())
		}
		// Entries round-trip through their CEDICT form.
		d2, err := cedict.Parse(strings.NewReader(strings.Join(lines, "\n")), "again")
		require.NoError(t, err)
		require.Equal(t, slices.Collect(d.All()), slices.Collect(d2.All()))
	})
}

func TestConcurrentUse(t *testing.T) {
	done := make(chan []string)
	for range 4 {
		go func() {
			d, err := cedict.Default()
			if err != nil {
				done <- nil
				return
			}
			var got []string
			for _, w := range []string{"经济", "經濟", "推进", "昰"} {
				got = d.AppendWords(got, w)
				d.Lookup(w)
			}
			done <- got
		}()
	}
	first := <-done
	require.NotEmpty(t, first)
	for range 3 {
		assert.Equal(t, first, <-done)
	}
}
