package corpus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// seedUnits returns fixed units for the writers' golden files:
// testdata/seed001.units.jsonl holds the sentence units of seed 001 as the
// aligner once gave them, one corpus.Unit in Go's JSON form per line. The
// goldens test the writers, so they do not follow changes of the aligner.
func seedUnits(t *testing.T) []corpus.Unit {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "seed001.units.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	var units []corpus.Unit
	dec := json.NewDecoder(f)
	for dec.More() {
		var u corpus.Unit
		require.NoError(t, dec.Decode(&u))
		units = append(units, u)
	}
	require.NotEmpty(t, units)
	return units
}

// tricky are units whose texts need escaping in some format.
var tricky = []corpus.Unit{
	{EN: "Tabs\tand\nnewlines \\ backslash", ZH: "制表符\t与\n换行", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.5, Doc: "a.txt", Script: segment.Simplified},
	{EN: "Only English.", ENIDs: []int{1}, ZHIDs: []int{}, Score: 0.25},
	{ZH: "只有中文。", ENIDs: []int{}, ZHIDs: []int{1}, Score: 1, Script: segment.Simplified},
	{EN: `Quotes "and" <tags> & ampersands`, ZH: "「引號」與＆", ENIDs: []int{2, 3}, ZHIDs: []int{2}, Score: 0.9999, Script: segment.Traditional},
}

func write(t testing.TB, w corpus.Writer, units []corpus.Unit) {
	t.Helper()
	for _, u := range units {
		require.NoError(t, w.Write(u))
	}
	require.NoError(t, w.Close())
}

// TestGoldenWriters compares each writer's output on seed 001 with
// testdata/seed001.*; go test ./corpus -update rewrites them.
func TestGoldenWriters(t *testing.T) {
	units := seedUnits(t)
	for _, tc := range []struct {
		name string
		make func(w io.Writer) corpus.Writer
	}{
		{"seed001.jsonl", func(w io.Writer) corpus.Writer { return corpus.NewJSONLWriter(w) }},
		{"seed001.tsv", func(w io.Writer) corpus.Writer { return corpus.NewTSVWriter(w) }},
		{"seed001.ladder", func(w io.Writer) corpus.Writer { return corpus.NewLadderWriter(w, false) }},
		{"seed001.txt", func(w io.Writer) corpus.Writer { return corpus.NewTextWriter(w, 100) }},
		{"seed001.hf.jsonl", func(w io.Writer) corpus.Writer { return corpus.NewHFWriter(w) }},
		{"seed001.hash.tsv", func(w io.Writer) corpus.Writer { return corpus.NewTSVWriter(w, corpus.WithHash(corpus.ExactHash)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			write(t, tc.make(&buf), units)
			golden(t, tc.name, buf.Bytes())
		})
	}
	t.Run("seed001.moses", func(t *testing.T) {
		var en, zh bytes.Buffer
		write(t, corpus.NewMosesWriter(&en, &zh), units)
		assert.Equal(t, strings.Count(en.String(), "\n"), strings.Count(zh.String(), "\n"), "same line count")
		golden(t, "seed001.moses.en", en.Bytes())
		golden(t, "seed001.moses.zh", zh.Bytes())
	})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./corpus -update to create it")
	assert.Equal(t, string(want), string(got))
}

func TestTSV(t *testing.T) {
	var buf bytes.Buffer
	write(t, corpus.NewTSVWriter(&buf), tricky)
	assert.Equal(t, "Tabs\\tand\\nnewlines \\\\ backslash\t制表符\\t与\\n换行\t0.5000\n"+
		"Only English.\t\t0.2500\n"+
		"\t只有中文。\t1.0000\n"+
		"Quotes \"and\" <tags> & ampersands\t「引號」與＆\t0.9999\n", buf.String())
}

func TestMoses(t *testing.T) {
	var en, zh bytes.Buffer
	write(t, corpus.NewMosesWriter(&en, &zh), tricky)
	assert.Equal(t, "Tabs\tand newlines \\ backslash\nQuotes \"and\" <tags> & ampersands\n", en.String())
	assert.Equal(t, "制表符\t与 换行\n「引號」與＆\n", zh.String())
}

// TestJSONLRoundTrip writes units, reads them back and writes them again:
// the bytes must be the same.
func TestJSONLRoundTrip(t *testing.T) {
	for _, units := range [][]corpus.Unit{tricky, seedUnits(t)} {
		var first bytes.Buffer
		write(t, corpus.NewJSONLWriter(&first), units)
		r := corpus.NewJSONLReader(bytes.NewReader(first.Bytes()), "first.jsonl")
		var back []corpus.Unit
		for r.Next() {
			back = append(back, r.Unit())
		}
		require.NoError(t, r.Err())
		require.Len(t, back, len(units))
		var second bytes.Buffer
		write(t, corpus.NewJSONLWriter(&second), back)
		assert.Equal(t, first.String(), second.String())
		for i := range units {
			assert.Equal(t, units[i].EN, back[i].EN)
			assert.Equal(t, units[i].ZH, back[i].ZH)
			assert.Equal(t, units[i].Doc, back[i].Doc)
		}
	}
}

func TestJSONLReaderErrors(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		line      int
	}{
		{"not json", "{\"en\":\"a\",\"zh\":\"b\"}\n\nnot json\n", 3},
		{"no text", "{\"score\":1}\n", 1},
		{"line too long", "{\"en\":\"a\",\"zh\":\"b\"}\n{\"en\":\"" + strings.Repeat("x", 65<<20) + "\"}\n", 2},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			r := corpus.NewJSONLReader(strings.NewReader(tc.src), "x.jsonl")
			for r.Next() {
			}
			var pe *corpus.ParseError
			require.True(t, errors.As(r.Err(), &pe), "got %v", r.Err())
			assert.Equal(t, tc.line, pe.Line)
			assert.Equal(t, "x.jsonl", pe.File)
		})
	}
	r := corpus.NewJSONLReader(strings.NewReader("{\"en\":\"Hi\",\"zh\":\"你好\"}"), "s.jsonl")
	require.True(t, r.Next())
	assert.Equal(t, 1.0, r.Unit().Score, "a missing score counts as 1")
	assert.False(t, r.Next())
	assert.NoError(t, r.Err())
}

func TestUnitType(t *testing.T) {
	for _, tc := range []struct {
		desc string
		u    corpus.Unit
		want string
	}{
		{"ids", corpus.Unit{EN: "A. B.", ZH: "甲。", ENIDs: []int{0, 1}, ZHIDs: []int{0}}, "2-1"},
		{"omission", corpus.Unit{EN: "A.", ENIDs: []int{3}}, "1-0"},
		{"no ids", corpus.Unit{EN: "A. B.", ZH: "甲。"}, "1-1"},
		{"no ids, zh only", corpus.Unit{ZH: "甲。"}, "0-1"},
		{"nothing", corpus.Unit{}, "0-0"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.u.Type())
		})
	}
}

func TestFilter(t *testing.T) {
	units := []corpus.Unit{
		{EN: "Hello world.", ZH: "你好，世界。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.9},
		{EN: "Low score.", ZH: "低分。", ENIDs: []int{1}, ZHIDs: []int{1}, Score: 0.2},
		{EN: "Two sentences. Here.", ZH: "两句。", ENIDs: []int{2, 3}, ZHIDs: []int{2}, Score: 0.95},
		{EN: "Hello world.", ZH: "你好，世界。", ENIDs: []int{4}, ZHIDs: []int{3}, Score: 0.9},
		{EN: "ABC", ZH: "ABC", ENIDs: []int{5}, ZHIDs: []int{4}, Score: 0.9},
		{EN: "Omitted.", ENIDs: []int{6}, ZHIDs: []int{}, Score: 0.9},
		{EN: "A very long English sentence for a tiny Chinese one.", ZH: "短。", ENIDs: []int{7}, ZHIDs: []int{5}, Score: 0.9},
		{EN: "Traditional.", ZH: "頭髮乾淨。", ENIDs: []int{8}, ZHIDs: []int{6}, Score: 0.9, Script: segment.Traditional},
	}
	keep := func(t *testing.T, opts ...corpus.FilterOption) []string {
		t.Helper()
		f, err := corpus.NewFilter(opts...)
		require.NoError(t, err)
		var out []string
		for _, u := range units {
			if f.Keep(&u) {
				out = append(out, u.EN+"|"+u.ZH)
			}
		}
		return out
	}
	assert.Len(t, keep(t), len(units), "no option keeps everything")
	assert.NotContains(t, keep(t, corpus.MinScore(0.5)), "Low score.|低分。")
	assert.Equal(t, []string{"Two sentences. Here.|两句。"}, keep(t, corpus.Types("2-1")))
	assert.Len(t, keep(t, corpus.Dedup()), len(units)-1)
	assert.NotContains(t, keep(t, corpus.DropIdentical()), "ABC|ABC")
	assert.NotContains(t, keep(t, corpus.DropNoHan()), "ABC|ABC")
	assert.NotContains(t, keep(t, corpus.DropOmissions()), "Omitted.|")
	assert.NotContains(t, keep(t, corpus.LengthRatio(1, 8)), "A very long English sentence for a tiny Chinese one.|短。")
	assert.Contains(t, keep(t, corpus.ConvertScript(corpus.ToSimplified)), "Traditional.|头发干净。")
	assert.Contains(t, keep(t, corpus.ConvertScript(corpus.ToTraditional)), "Hello world.|你好，世界。")
	assert.Contains(t, keep(t, corpus.ConvertScript(corpus.ToTraditional)), "Two sentences. Here.|兩句。")

	// Through a Writer.
	f, err := corpus.NewFilter(corpus.Types("1-1"), corpus.Dedup())
	require.NoError(t, err)
	var buf bytes.Buffer
	write(t, f.Writer(corpus.NewTSVWriter(&buf)), units)
	assert.Equal(t, 5, strings.Count(buf.String(), "\n"))
}
