package lexdict

import (
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/english"
)

// oldTranslations is how package align computed the stems of a word from
// the parsed dictionary before the compact index: the reference the index
// must agree with.
func oldTranslations(d *cedict.Dict, w string) []string {
	var out []string
	for _, g := range d.Words(w) {
		if english.IsStopWord(g) || !english.IsLowerASCII(g) || len(g) < 2 {
			continue
		}
		out = append(out, english.Stem(g))
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// oldKnown is how package align computed the set of known stems.
func oldKnown(d *cedict.Dict) map[string]bool {
	m := map[string]bool{}
	for e := range d.All() {
		for _, w := range e.Words {
			if english.IsLowerASCII(w) && !english.IsStopWord(w) {
				m[english.Stem(w)] = true
			}
		}
	}
	return m
}

// checkSame checks that ld answers as cd did before the compact index:
// the same translations for every word Cut can give (every word of the
// segmenter, every headword of one character, and words not in the
// dictionary), and the same known stems.
func checkSame(t *testing.T, cd *cedict.Dict, ld *Dict) {
	t.Helper()
	assert.Equal(t, cd.Len(), ld.Len())
	seg := ld.Segmenter()
	n := 0
	for w := range seg.Words() {
		if !assert.Equal(t, oldTranslations(cd, w), ld.Translations(w), "%q", w) {
			if n++; n > 10 {
				t.FailNow()
			}
		}
	}
	heads := 0
	for e := range cd.All() {
		for _, h := range []string{e.Simp, e.Trad} {
			if _, ok := seg.Index(h); ok || utf8.RuneCountInString(h) != 1 {
				continue
			}
			heads++
			if !assert.Equal(t, oldTranslations(cd, h), ld.Translations(h), "%q", h) {
				if n++; n > 10 {
					t.FailNow()
				}
			}
		}
	}
	require.Positive(t, heads, "single-character headwords outside the segmenter")
	for _, w := range []string{"", "x", "not a headword", "中國人民共和國万岁万岁"} {
		assert.Nil(t, ld.Translations(w), "%q", w)
	}
	known := oldKnown(cd)
	assert.Equal(t, len(known), ld.Stats().Stems)
	for s := range known {
		if !ld.Known(s) {
			assert.Fail(t, "not known", "%q", s)
			break
		}
	}
	assert.False(t, ld.Known("zzzzzz"))
}

func TestDefaultMatchesCedict(t *testing.T) {
	if testing.Short() {
		t.Skip("compares with all of CC-CEDICT")
	}
	cd, err := cedict.Default()
	require.NoError(t, err)
	ld, err := Default()
	require.NoError(t, err)
	checkSame(t, cd, ld)
}

// TestEmbeddedIsGenerated checks that the embedded data is what gen.go
// writes from the embedded CC-CEDICT (so go generate leaves no diff).
func TestEmbeddedIsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the index of all of CC-CEDICT")
	}
	assert.Equal(t, cedict.DataSource, DataSource)
	assert.Equal(t, cedict.DataDate, DataDate)
	cd, err := cedict.Default()
	require.NoError(t, err)
	ld, err := Build(cd)
	require.NoError(t, err)
	want, err := ld.AppendBinary(nil)
	require.NoError(t, err)

	zr, err := gzip.NewReader(strings.NewReader(embedded)) // reads both members
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.True(t, string(want) == string(got), "embedded data is stale: run go generate in internal/lexdict")
	assert.Equal(t, embeddedSize, len(got))
	assert.Equal(t, embeddedHeadSize, ld.HeadSize())
}

// tinyDict is a user dictionary with the cases that matter: a variant
// reference, a traditional character, a headword with ASCII letters, stop
// words and one-letter words among the glosses.
const tinyDict = `# a tiny dictionary
重慶 重庆 [Chong2 qing4] /Chongqing, city in Sichuan/
論壇 论坛 [lun4 tan2] /forum/
經 经 [jing1] /classics/sacred book/to pass through/
經濟 经济 [jing1 ji4] /economy/economic/
T恤 T恤 [T xu4] /T-shirt/
的 的 [de5] /of/~'s (possessive particle)/
牠 它 [ta1] /it/
衞 卫 [wei4] /variant of 衛|卫[wei4]/
衛 卫 [wei4] /to guard/to protect/
X X [X] /x/
`

func TestBuildMatchesCedict(t *testing.T) {
	cd, err := cedict.Parse(strings.NewReader(tinyDict), "tiny.u8")
	require.NoError(t, err)
	ld, err := Build(cd)
	require.NoError(t, err)
	checkSame(t, cd, ld)

	assert.Equal(t, []string{"book", "classic", "pass", "sacr"}, ld.Translations("经"))
	assert.Equal(t, []string{"book", "classic", "pass", "sacr"}, ld.Translations("經"), "traditional character")
	assert.Equal(t, []string{"guard", "protect"}, ld.Translations("卫"))
	assert.Nil(t, ld.Translations("的"), "stop words only")
	assert.Nil(t, ld.Translations("經濟"), "Cut never gives traditional words")
	assert.Nil(t, ld.Translations("t恤"), "the headword is T恤")
	assert.Equal(t, []string{"t恤"}, ld.Segmenter().Cut("T恤"))
	st := ld.Stats()
	assert.Equal(t, Stats{Words: 8, Others: 3, Refs: 20, Stems: 15}, st)

	b, err := ld.AppendBinary(nil)
	require.NoError(t, err)
	got, err := Decode(string(b))
	require.NoError(t, err)
	checkSame(t, cd, got)
	b2, err := got.AppendBinary(nil)
	require.NoError(t, err)
	assert.Equal(t, b, b2)
	head, err := decodeHead(string(b[:ld.HeadSize()]))
	require.NoError(t, err)
	assert.Equal(t, ld.Segmenter().Len(), head.Segmenter().Len())
}

func TestDecodeErrors(t *testing.T) {
	cd, err := cedict.Parse(strings.NewReader(tinyDict), "tiny.u8")
	require.NoError(t, err)
	ld, err := Build(cd)
	require.NoError(t, err)
	b, err := ld.AppendBinary(nil)
	require.NoError(t, err)
	good := string(b)
	for _, tc := range []struct{ desc, data string }{
		{"empty", ""},
		{"other magic", "lexdict 1\n" + good[len(magic):]},
		{"truncated", good[:len(good)-1]},
		{"trailing byte", good + "\x00"},
		{"head only", good[:ld.HeadSize()]},
		{"no segmenter", magic + "\x05\x00"},
		{"word without stems", good[:ld.HeadSize()] + "\x01\x01\x00\x01a\x00\x00\x01\x00\x00"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := Decode(tc.data)
			assert.ErrorIs(t, err, ErrFormat)
		})
	}
	_, err = decodeHead(good)
	assert.ErrorIs(t, err, ErrFormat, "more than the head")
}

// TestPinned pins the segmentation of a sample text and the translations
// of some words of the embedded dictionary, so that a change of the
// generator or of the data that alters them is seen.
func TestPinned(t *testing.T) {
	ld, err := Default()
	require.NoError(t, err)
	text := "为深入贯彻落实中白两国元首达成的系列共识，促进重庆与白俄罗斯在经贸、投资等领域合作。" +
		"2022年11月15日，中国（重庆）—白俄罗斯经贸投资论坛以线上形式成功举行。他穿着T恤用iPhone打卡拉OK。經"
	// Values from package align before the compact index (with gse).
	assert.Equal(t, []string{
		"为", "深入", "贯彻", "落实", "中", "白", "两国", "元首", "达成", "的", "系列", "共识", "，",
		"促进", "重庆", "与", "白俄罗斯", "在", "经贸", "、", "投资", "等", "领域", "合作", "。",
		"2022", "年", "11", "月", "15", "日", "，", "中国", "（", "重庆", "）", "—", "白俄罗斯",
		"经贸", "投资", "论坛", "以", "线上", "形式", "成功", "举行", "。",
		"他", "穿着", "t恤", "用", "iphone", "打", "卡拉ok", "。", "經",
	}, ld.Segmenter().Cut(text))

	jing := []string{"bear", "book", "channel", "classic", "economic", "endur", "longitud", "menstruation", "pass", "sacr", "scriptur", "undergo", "warp"}
	wei := []string{"defend", "guard", "health", "hygien", "protect", "toilet"}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"经济", []string{"economic", "economy"}},
		{"论坛", []string{"forum"}},
		{"促进", []string{"advanc", "boost", "promot"}},
		{"重庆", []string{"chongq", "municipality"}},
		{"經", jing},
		{"经", jing},
		{"的", []string{"cab", "eye", "really", "target", "taxi", "truly"}},
		{"t恤", nil},
		{"白俄罗斯", []string{"belarus"}},
		{"卫", wei},
		{"衞", wei},
		{"經濟", nil}, // [economic economy] before; Cut never gives it
	} {
		assert.Equal(t, tc.want, ld.Translations(tc.word), tc.word)
	}
	assert.True(t, ld.Known("promot"))
	assert.False(t, ld.Known("promote"))
	assert.Equal(t, 124260, ld.Len())
}

func FuzzDecode(f *testing.F) {
	cd, err := cedict.Parse(strings.NewReader(tinyDict), "tiny.u8")
	require.NoError(f, err)
	ld, err := Build(cd)
	require.NoError(f, err)
	b, err := ld.AppendBinary(nil)
	require.NoError(f, err)
	f.Add(string(b))
	f.Add(string(b[:ld.HeadSize()]))
	f.Fuzz(func(t *testing.T, data string) {
		d, err := Decode(data)
		if err != nil {
			require.ErrorIs(t, err, ErrFormat)
			return
		}
		// Whatever decodes can be used, and encodes to data that
		// decodes to the same (the front coding of the input may
		// share less than it could).
		for w := range d.Segmenter().Words() {
			d.Translations(w)
		}
		d.Segmenter().Cut(data)
		b1, err := d.AppendBinary(nil)
		require.NoError(t, err)
		d2, err := Decode(string(b1))
		require.NoError(t, err)
		b2, err := d2.AppendBinary(nil)
		require.NoError(t, err)
		require.Equal(t, b1, b2)
	})
}

// TestConcurrent uses one Dict from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	ld, err := Default()
	require.NoError(t, err)
	text := "促进重庆与白俄罗斯在经贸、投资等领域合作。經"
	want := ld.Segmenter().Cut(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				d, err := Default()
				if !assert.NoError(t, err) || !assert.Same(t, ld, d) {
					return
				}
				got := d.Segmenter().Cut(text)
				assert.Equal(t, want, got)
				for _, w := range got {
					d.Translations(w)
				}
				d.Known("promot")
			}
		})
	}
	wg.Wait()
}
