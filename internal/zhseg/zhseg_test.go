package zhseg_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/zhseg"
)

// smallWords is a word list with the traps of gse's matching: words
// with ASCII letters ("T恤", lower-cased when loaded), words that are
// prefixes of others, a single character that only starts longer words
// (白俄), repeated words and words that are skipped.
var smallWords = []string{
	"重庆", "白俄罗斯", "经贸", "投资", "领域", "合作", "促进", "与", "在", "等", "深化", "地方", "中", "白",
	"hello", "T恤", "AA制", "卡拉OK", "3C", "Ｕ盘", "Ω", "中国", "中国人", "国人", "人民", "中国人民",
	"白俄", "重庆", "a b中", "中\t国", "", "ＯＫ吧", "ΑΒ中", "ＡＢ中", "·中", "中·",
}

func TestCut(t *testing.T) {
	seg, err := zhseg.Load(slices.Values(smallWords))
	require.NoError(t, err)
	for _, tc := range []struct {
		desc, text string
		want       []string
	}{
		{"words", "促进重庆与白俄罗斯在经贸、投资等领域合作",
			[]string{"促进", "重庆", "与", "白俄罗斯", "在", "经贸", "、", "投资", "等", "领域", "合作"}},
		{"lower-cased", "T恤和AA制 Hello", []string{"t恤", "和", "aa制", " ", "hello"}},
		{"ascii runs", "在2022年用iPhone 13", []string{"在", "2022", "年", "用", "iphone", " ", "13"}},
		{"empty", "", []string{}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			got := seg.Cut(tc.text)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, strings.ToLower(tc.text), strings.Join(got, ""))
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	_, err := zhseg.Load(slices.Values([]string{"", "abc", "中 国"}))
	assert.ErrorIs(t, err, zhseg.ErrNoWords)
}

func TestBinary(t *testing.T) {
	seg, err := zhseg.Load(slices.Values(smallWords))
	require.NoError(t, err)
	b, err := seg.AppendBinary([]byte("x"))
	require.NoError(t, err)
	require.Equal(t, byte('x'), b[0])
	got, err := zhseg.Decode(string(b[1:]))
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(seg.Words()), slices.Collect(got.Words()))
	assert.Equal(t, seg.Len(), got.Len())
	assert.Contains(t, slices.Collect(got.Words()), "t恤")
	text := "促进重庆与白俄罗斯在经贸、投资等领域合作T恤"
	assert.Equal(t, seg.Cut(text), got.Cut(text))

	for _, bad := range []string{"", "\x00", "\x02\x00\x03中", string(b[1 : len(b)-1]), string(b[1:]) + "x",
		"\x02\x00\x03中\x00\x03中", // not sorted
		"\x02\x00\x03中\x04\x01x", // shares more than the previous word has
	} {
		_, err := zhseg.Decode(bad)
		assert.ErrorIs(t, err, zhseg.ErrFormat, "%q", bad)
	}
}

// newGse loads gse the way zhenalign did before Segmenter replaced it.
func newGse(t testing.TB, words []string) *gse.Segmenter {
	t.Helper()
	g := &gse.Segmenter{NotLoadHMM: true, Dict: gse.NewDict()}
	g.Init()
	for _, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n") || !han.In(w) {
			continue
		}
		freq := 100.0
		if utf8.RuneCountInString(w) == 1 {
			freq = 20
		}
		require.NoError(t, g.Dict.AddToken(g.ToToken(w, freq)))
	}
	return g
}

// trickyTexts mix Han with what gse treats specially.
var trickyTexts = []string{
	"促进重庆与白俄罗斯在经贸、投资等领域合作",
	"中国人民在T恤上写AA制，卡拉OK和3C产品、Ｕ盘。",
	"白俄白俄罗斯白白俄中国人中国人民国人",
	"hello世界HELLO中国 abc123中",
	"Ｈｅｌｌｏ，ＯＫ吧！ΑΒ中αβ中 Ω中 ω",
	"K\u212a中国İ中\u0130国",
	"\xff中国\xfe\xfd人民",
	"a", "中", "。", " ", "1中2国3", "白\x00", "中国\x00人\x00\x00", "\x00",
	"2022年11月15日，由重庆市政府外办和白俄罗斯驻重庆总领事馆联合主办的中国（重庆）—白俄罗斯经贸投资论坛以线上形式成功举行。",
}

func TestCutMatchesGseSmall(t *testing.T) {
	seg, err := zhseg.Load(slices.Values(smallWords))
	require.NoError(t, err)
	g := newGse(t, smallWords)
	for _, text := range trickyTexts {
		assert.Equal(t, g.Cut(text, false), seg.Cut(text), "%q", text)
	}
}

// TestCutMatchesGse checks Cut against gse with the CC-CEDICT headwords
// on the seed documents, the development sets and the tricky texts.
func TestCutMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse with all of CC-CEDICT")
	}
	d, err := cedict.Default()
	require.NoError(t, err)
	words := slices.Collect(d.Headwords())
	seg, err := zhseg.Load(slices.Values(words))
	require.NoError(t, err)
	g := newGse(t, words)

	texts := slices.Clone(trickyTexts)
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, set := range []string{"mac-dev", "champollion", "bible"} {
		if dir := devdata.Dir(set); dir != "" {
			more, err := filepath.Glob(filepath.Join(dir, "zh", "*"))
			require.NoError(t, err)
			files = append(files, more...)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	n := 0
	for _, text := range texts {
		want := g.Cut(text, false)
		got := seg.Cut(text)
		for _, w := range got {
			assert.True(t, canGive(seg, w), "%q", w)
		}
		if !slices.Equal(want, got) {
			assert.Equal(t, want, got, "%q", text)
			n++
			if n > 5 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d texts from %d files", len(texts), len(files))
}

func FuzzCut(f *testing.F) {
	for _, text := range trickyTexts {
		f.Add(text)
	}
	seg, err := zhseg.Load(slices.Values(smallWords))
	require.NoError(f, err)
	g := newGse(f, smallWords)
	f.Fuzz(func(t *testing.T, text string) {
		got := seg.Cut(text)
		require.Equal(t, g.Cut(text, false), got)
		if utf8.ValidString(text) {
			require.Equal(t, strings.ToLower(text), strings.Join(got, ""))
		}
		for _, w := range got {
			require.True(t, canGive(seg, w), "%q", w)
		}
	})
}

// canGive reports whether w is what Cut may give: a word, a single rune,
// a run of ASCII letters and digits, or a word followed by a NUL byte
// (package lexdict relies on this).
func canGive(seg *zhseg.Segmenter, w string) bool {
	if _, ok := seg.Index(w); ok || utf8.RuneCountInString(w) == 1 {
		return true
	}
	if p, ok := strings.CutSuffix(w, "\x00"); ok {
		_, ok := seg.Index(p)
		return ok
	}
	return strings.Trim(w, "0123456789abcdefghijklmnopqrstuvwxyz") == ""
}

func BenchmarkCut(b *testing.B) {
	d, err := cedict.Default()
	require.NoError(b, err)
	seg, err := zhseg.Load(d.Headwords())
	require.NoError(b, err)
	text, err := os.ReadFile("../../testdata/seeds/001_04ade73db5640df0.txt")
	require.NoError(b, err)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		seg.Cut(string(text))
	}
}
