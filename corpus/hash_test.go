package corpus_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/internal/consumer"
)

func TestHash(t *testing.T) {
	for _, tc := range []struct {
		desc, en, zh, want string
	}{
		// xxh64 of "\t", seed 0, as Python's xxhash gives it.
		{"empty sides", "", "", "669e741f161d1d56"},
		{"ascii", "Hello.", "你好。", ""},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			h := corpus.HashString(corpus.Hash(tc.en, tc.zh))
			assert.Len(t, h, 16)
			assert.Equal(t, strings.ToLower(h), h)
			if tc.want != "" {
				assert.Equal(t, tc.want, h)
			}
			assert.Equal(t, corpus.Hash(tc.en, tc.zh), corpus.Hash(tc.en, tc.zh), "stable")
		})
	}
	assert.Equal(t, "0000000000000001", corpus.HashString(1))
	assert.Equal(t, corpus.Hash("a\tb", ""), corpus.Hash("a", "b\t"), "the texts are joined by a tab, as bifixer joins them, not escaped")
}

func TestNearDupText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hello, World! 2022", "helloworld"},
		{"Café  CAFÉ", "cafecafe"},
		{"ＡＢＣ１２３", "abc"},
		{"2022年11月15日，重庆举行论坛。", "年月日重庆举行论坛"},
		{"“引號”與＆", "引號與"},
		{"", ""},
		{"123 ... !!!", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, corpus.NearDupText(tc.in))
		})
	}
	assert.Equal(t, corpus.NearHash("Hello, world!", "你好，世界！"), corpus.NearHash("hello world", "你好世界"))
	assert.NotEqual(t, corpus.NearHash("Hello", "你好"), corpus.NearHash("Hello", "妳好"))
}

// TestHashPython checks Hash against another implementation of xxh64:
// Python's xxhash (Debian python3-xxhash), the one bifixer uses, on the
// units of seed 001 and on tricky texts; and NearHash against the same
// normalisation written in Python with unicodedata.
func TestHashPython(t *testing.T) {
	py := consumer.Python(t, "python3-xxhash", "xxhash")
	units := append(seedUnits(t), tricky...)
	units = append(units, tmxTricky...)
	units = append(units, corpus.Unit{EN: "Ĳssel ǅemal İstanbul ß ﬁ", ZH: "𠀀 𪚥 ㊀ ⑩ 〇"})
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, u := range units {
		require.NoError(t, enc.Encode([2]string{strings.ToValidUTF8(u.EN, "\uFFFD"), strings.ToValidUTF8(u.ZH, "\uFFFD")}))
	}
	data := writeTemp(t, "pairs.jsonl", in.Bytes())
	script := consumer.Script(t, "hash.py", `
import json, sys, unicodedata
from xxhash import xxh64
def near(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if unicodedata.category(c).startswith("L")).lower()
for line in open(sys.argv[1], encoding="utf-8"):
    en, zh = json.loads(line)
    print(xxh64(en + "\t" + zh).hexdigest(), xxh64(near(en) + "\t" + near(zh)).hexdigest())
`)
	out := consumer.Run(t, py, script, data)
	sc := bufio.NewScanner(bytes.NewReader(out))
	n := 0
	for _, u := range units {
		require.True(t, sc.Scan())
		en, zh := strings.ToValidUTF8(u.EN, "\uFFFD"), strings.ToValidUTF8(u.ZH, "\uFFFD")
		want := strings.Fields(sc.Text())
		require.Len(t, want, 2)
		assert.Equal(t, want[0], corpus.HashString(corpus.Hash(en, zh)), "%q %q", en, zh)
		assert.Equal(t, want[1], corpus.HashString(corpus.NearHash(en, zh)), "near %q %q", en, zh)
		n++
	}
	assert.Greater(t, n, 60)
}

// writeTemp writes data to a file of a temporary folder and returns its
// path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

func TestFilterDedup(t *testing.T) {
	units := []corpus.Unit{
		{EN: "Hello, world.", ZH: "你好，世界。", Score: 1},
		{EN: "hello world", ZH: "你好世界", Score: 1},       // near duplicate of the first
		{EN: "Hello, world.", ZH: "世界，你好。", Score: 1},   // same English
		{EN: "Another one.", ZH: "你好，世界。", Score: 1},    // same Chinese
		{EN: "Hello, world.", ZH: "你好，世界。", Score: 0.5}, // exact duplicate
		{EN: "", ZH: "只有中文。", Score: 1},
		{EN: "", ZH: "也只有中文。", Score: 1}, // empty English: never an English duplicate
		{EN: "2022.", ZH: "2022年。", Score: 1},
		{EN: "2023.", ZH: "2023年。", Score: 1}, // near duplicate: digits ignored
		{EN: "...", ZH: "……", Score: 1},
		{EN: "!!!", ZH: "！！", Score: 1}, // nothing left after normalising: kept
	}
	keep := func(opts ...corpus.FilterOption) []int {
		t.Helper()
		f, err := corpus.NewFilter(opts...)
		require.NoError(t, err)
		var kept []int
		for i, u := range units {
			if f.Keep(&u) {
				kept = append(kept, i)
			}
		}
		return kept
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, tc := range []struct {
		desc string
		opts []corpus.FilterOption
		want []int
	}{
		{"none", nil, all},
		{"exact", []corpus.FilterOption{corpus.Dedup()}, []int{0, 1, 2, 3, 5, 6, 7, 8, 9, 10}},
		{"exact, both", []corpus.FilterOption{corpus.DedupSide(corpus.BothSides)}, []int{0, 1, 2, 3, 5, 6, 7, 8, 9, 10}},
		{"english", []corpus.FilterOption{corpus.DedupSide(corpus.EnglishSide)}, []int{0, 1, 3, 5, 6, 7, 8, 9, 10}},
		{"chinese", []corpus.FilterOption{corpus.Dedup(), corpus.DedupSide(corpus.ChineseSide)}, []int{0, 1, 2, 5, 6, 7, 8, 9, 10}},
		{"near", []corpus.FilterOption{corpus.DedupNear()}, []int{0, 2, 3, 5, 6, 7, 9, 10}},
		{"near english", []corpus.FilterOption{corpus.DedupNear(), corpus.DedupSide(corpus.EnglishSide)}, []int{0, 3, 5, 6, 7, 8, 9, 10}},
		{"near chinese", []corpus.FilterOption{corpus.DedupNear(), corpus.DedupSide(corpus.ChineseSide)}, []int{0, 2, 5, 6, 7, 9, 10}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, keep(tc.opts...))
			assert.Equal(t, tc.want, keep(tc.opts...), "two filters agree")
		})
	}
	_, err := corpus.NewFilter(corpus.DedupSide(9))
	assert.ErrorIs(t, err, corpus.ErrFilterOption)
}

// TestHashColumns checks that WithHash adds the same hash to every format
// that has a place for it.
func TestHashColumns(t *testing.T) {
	u := corpus.Unit{EN: "Hello, world.", ZH: "你好，世界。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.9}
	exact := corpus.HashString(corpus.Hash(u.EN, u.ZH))
	near := corpus.HashString(corpus.NearHash(u.EN, u.ZH))
	require.NotEqual(t, exact, near)
	for _, mode := range []corpus.HashMode{corpus.ExactHash, corpus.NearDup} {
		want := map[corpus.HashMode]string{corpus.ExactHash: exact, corpus.NearDup: near}[mode]
		for name, tc := range map[string]struct {
			mk   func(*bytes.Buffer, ...corpus.WriterOption) corpus.Writer
			want string
		}{
			"tsv":   {func(b *bytes.Buffer, o ...corpus.WriterOption) corpus.Writer { return corpus.NewTSVWriter(b, o...) }, "\t0.9000\t" + want + "\n"},
			"jsonl": {func(b *bytes.Buffer, o ...corpus.WriterOption) corpus.Writer { return corpus.NewJSONLWriter(b, o...) }, `"score":0.9,"hash":"` + want + `"}`},
			"hf":    {func(b *bytes.Buffer, o ...corpus.WriterOption) corpus.Writer { return corpus.NewHFWriter(b, o...) }, `"zh":"你好，世界。"},"hash":"` + want + `"}`},
			"tmx":   {func(b *bytes.Buffer, o ...corpus.WriterOption) corpus.Writer { return corpus.NewTMXWriter(b, o...) }, `<prop type="x-Hash">` + want + `</prop>`},
			"xliff": {func(b *bytes.Buffer, o ...corpus.WriterOption) corpus.Writer { return corpus.NewXLIFFWriter(b, o...) }, `zhenalign:hash="` + want + `"`},
		} {
			t.Run(name, func(t *testing.T) {
				var with, without bytes.Buffer
				write(t, tc.mk(&with, corpus.WithHash(mode)), []corpus.Unit{u})
				write(t, tc.mk(&without), []corpus.Unit{u})
				assert.Contains(t, with.String(), tc.want)
				assert.NotContains(t, without.String(), want)
				assert.NotContains(t, without.String(), "hash")
			})
		}
	}
}
