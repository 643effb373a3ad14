package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/internal/consumer"
)

// seedsDir holds the five seed documents.
const seedsDir = "../../testdata/seeds"

// batchSeeds runs batch on the seeds, writing format f to a new file, and
// returns its path.
func batchSeeds(t *testing.T, f string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "seeds."+f)
	code, _, stderr := runCmd(t, "", append([]string{"batch", seedsDir, "-f", f, "-o", out, "-j", "2"}, args...)...)
	require.Equal(t, 0, code, stderr)
	return out
}

// pairs is a unit with two sides, as a consumer read it.
type pair struct{ EN, ZH string }

// TestBatchFormatsConsumers writes the seeds in every format in one batch
// run each, and reads each file with the program its users read it with:
// translate-toolkit for TMX and XLIFF, openpyxl for XLSX, hyparquet for
// Parquet and Python's json for JSONL and Hugging Face JSONL. Every
// consumer finds the same units with two sides, in the same order. The
// test skips when a consumer is missing (.ci/run installs them).
func TestBatchFormatsConsumers(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	jsonl := batchSeeds(t, "jsonl", "--hash")
	var want []pair
	var wantHashes []string
	f, err := os.Open(jsonl)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r corpus.Row
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		if r.EN != "" && r.ZH != "" {
			want = append(want, pair{r.EN, r.ZH})
			wantHashes = append(wantHashes, r.Hash)
		}
	}
	require.Greater(t, len(want), 100, "the seeds give over a hundred units with two sides")

	pyjson := `
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
if rows and "translation" in rows[0]:
    rows = [r["translation"] for r in rows]
json.dump([[r["en"], r["zh"]] for r in rows if r["en"] and r["zh"]], sys.stdout, ensure_ascii=False)
`
	for _, tc := range []struct {
		format  string
		consume func(t *testing.T, path string) [][2]string
	}{
		{"jsonl", func(t *testing.T, path string) [][2]string {
			return pairsOf(t, consumer.Run(t, consumer.Python(t, "python3", "json"), consumer.Script(t, "j.py", pyjson), path))
		}},
		{"hf", func(t *testing.T, path string) [][2]string {
			return pairsOf(t, consumer.Run(t, consumer.Python(t, "python3", "json"), consumer.Script(t, "j.py", pyjson), path))
		}},
		{"tmx", func(t *testing.T, path string) [][2]string {
			py := consumer.Python(t, "python3-translate", "translate.storage.tmx")
			var units []struct{ Source, Target string }
			require.NoError(t, json.Unmarshal(consumer.Run(t, py, consumer.Script(t, "t.py", consumer.TMXScript), path), &units))
			var out [][2]string
			for _, u := range units {
				out = append(out, [2]string{u.Source, u.Target})
			}
			return out
		}},
		{"xliff", func(t *testing.T, path string) [][2]string {
			py := consumer.Python(t, "python3-translate", "translate.storage.xliff")
			var got struct {
				Units []struct{ Source, Target string }
			}
			require.NoError(t, json.Unmarshal(consumer.Run(t, py, consumer.Script(t, "x.py", consumer.XLIFFScript), path), &got))
			var out [][2]string
			for _, u := range got.Units {
				out = append(out, [2]string{u.Source, u.Target})
			}
			return out
		}},
		{"xlsx", func(t *testing.T, path string) [][2]string {
			py := consumer.Python(t, "python3-openpyxl", "openpyxl")
			var got struct{ Rows [][]any }
			require.NoError(t, json.Unmarshal(consumer.Run(t, py, consumer.Script(t, "s.py", consumer.XLSXScript), path), &got))
			require.NotEmpty(t, got.Rows)
			assert.Equal(t, []any{"en", "zh", "score", "type", "doc", "ids"}, got.Rows[0])
			var out [][2]string
			for _, r := range got.Rows[1:] {
				en, _ := r[0].(string)
				zh, _ := r[1].(string)
				if en != "" && zh != "" {
					out = append(out, [2]string{en, zh})
				}
			}
			return out
		}},
		{"parquet", func(t *testing.T, path string) [][2]string {
			node, dir := consumer.Node(t, "hyparquet")
			var got struct{ Rows []struct{ EN, ZH string } }
			require.NoError(t, json.Unmarshal(consumer.Run(t, node, consumer.Script(t, "p.mjs", consumer.ParquetScript), dir, path), &got))
			var out [][2]string
			for _, r := range got.Rows {
				if r.EN != "" && r.ZH != "" {
					out = append(out, [2]string{r.EN, r.ZH})
				}
			}
			return out
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			path := jsonl
			if tc.format != "jsonl" {
				path = batchSeeds(t, tc.format)
			}
			got := tc.consume(t, path)
			require.Len(t, got, len(want), "units with two sides")
			for i, w := range want {
				assert.Equal(t, [2]string{w.EN, w.ZH}, got[i], "unit %d", i)
			}
		})
	}

	// The hashes are stable: a second run gives the same.
	again := batchSeeds(t, "tsv", "--hash")
	data, err := os.ReadFile(again)
	require.NoError(t, err)
	var hashes []string
	for line := range strings.Lines(string(data)) {
		cols := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		require.Len(t, cols, 4)
		if cols[0] != "" && cols[1] != "" {
			hashes = append(hashes, cols[3])
		}
	}
	assert.Equal(t, wantHashes, hashes)
}

// pairsOf decodes [[en, zh], ...].
func pairsOf(t *testing.T, data []byte) [][2]string {
	t.Helper()
	var out [][2]string
	require.NoError(t, json.Unmarshal(data, &out))
	return out
}

// TestReproducibleOutput checks that two runs with the same date
// (SOURCE_DATE_EPOCH or --date) write the same bytes in every format, and
// that --date wins over SOURCE_DATE_EPOCH.
func TestReproducibleOutput(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"tmx", "xliff", "xlsx", "parquet"} {
		t.Run(f, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
			var outs [2][]byte
			for k := range outs {
				out := filepath.Join(dir, f+string(rune('a'+k)))
				code, _, stderr := runCmd(t, "", "align", seed001, "-f", f, "-o", out)
				require.Equal(t, 0, code, stderr)
				data, err := os.ReadFile(out)
				require.NoError(t, err)
				outs[k] = data
			}
			assert.Equal(t, outs[0], outs[1])
		})
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	code, stdout, stderr := runCmd(t, "", "align", seed001, "-f", "tmx")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `creationdate="20231114T221320Z"`)
	code, stdout, stderr = runCmd(t, "", "align", seed001, "-f", "tmx", "--date", "2024-05-06", "--creation-id", "me")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `creationdate="20240506T000000Z" creationid="me"`)
	assert.Contains(t, stdout, `<tu tuid="001_04ade73db5640df0.txt#[0,1]:[0,1]" creationdate="20240506T000000Z">`)
	code, stdout, stderr = runCmd(t, "", "align", seed001, "-f", "xliff", "--date", "20240506T070809Z", "--src-lang", "zh", "--review-below", "0.99")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `source-language="zh-TW" target-language="en" datatype="plaintext" date="2024-05-06T07:08:09Z"`)
	assert.Contains(t, stdout, `needs-review-translation`)
}

// TestOutputFlags checks the flags of the new formats and their errors.
func TestOutputFlags(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	for _, tc := range []struct {
		desc string
		args []string
		msg  string
	}{
		{"dedup side without dedup", []string{"--dedup-side", "en"}, "--dedup-side en says how to deduplicate: add --dedup"},
		{"bad dedup side", []string{"--dedup", "--dedup-side", "left"}, `--dedup-side must be en, zh or both, not "left"`},
		{"near dup alone", []string{"--near-dup"}, "--near-dup changes what --dedup and --hash compare"},
		{"hash in moses", []string{"-f", "moses", "-o", "/tmp/x", "--hash"}, "-f moses has no place for --hash"},
		{"hash in a ladder", []string{"-f", "ladder", "--hash"}, "-f ladder has no place for --hash"},
		{"bad source", []string{"--src-lang", "fr"}, "--src-lang must be en or zh"},
		{"bad date", []string{"--date", "yesterday"}, `--date "yesterday"`},
		{"bad review", []string{"--review-below", "2"}, "--review-below must be in [0,1]"},
		{"bad zh-lang", []string{"--zh-lang", "fr-FR"}, "not a Chinese language tag"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", append([]string{"align", seed001}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, tc.msg)
		})
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	code, _, stderr := runCmd(t, "", "align", seed001, "-f", "tmx")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `SOURCE_DATE_EPOCH="soon"`)
	t.Setenv("SOURCE_DATE_EPOCH", "")

	// Dedup by side and near duplicates drop units; --hash adds a column.
	units := `{"en":"Hello.","zh":"你好。"}
{"en":"hello","zh":"你好"}
{"en":"Hello.","zh":"您好。"}
{"en":"","zh":"只有中文。"}
{"en":"","zh":"也只有中文。"}
`
	for _, tc := range []struct {
		args []string
		want int
	}{
		{nil, 5},
		{[]string{"--dedup"}, 5},
		{[]string{"--dedup", "--dedup-side", "en"}, 4}, // the empty English sides are not duplicates
		{[]string{"--dedup", "--dedup-side", "zh"}, 5},
		{[]string{"--dedup", "--near-dup"}, 4},
		{[]string{"--dedup", "--near-dup", "--dedup-side", "en"}, 3},
		{[]string{"--dedup", "--near-dup", "--dedup-side", "zh"}, 4},
	} {
		code, out, stderr := runCmd(t, units, append([]string{"convert", "-", "-f", "tsv", "--hash"}, tc.args...)...)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, tc.want, strings.Count(out, "\n"), "%v", tc.args)
		for line := range strings.Lines(out) {
			assert.Equal(t, 3, strings.Count(line, "\t"), line)
		}
	}
	_, exact, _ := runCmd(t, units, "convert", "-", "-f", "jsonl", "--hash")
	_, near, _ := runCmd(t, units, "convert", "-", "-f", "jsonl", "--hash", "--near-dup")
	assert.Contains(t, exact, `"hash":"`+corpus.HashString(corpus.Hash("Hello.", "你好。"))+`"`)
	assert.Contains(t, near, `"hash":"`+corpus.HashString(corpus.NearHash("Hello.", "你好。"))+`"`)

	// Per-unit tags, and binary formats to a pipe.
	code, stdout, stderr := runCmd(t, "", "align", seed001, "-f", "tmx", "--zh-lang", "per-unit")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `xml:lang="zh-TW"`)
	code, stdout, stderr = runCmd(t, "", "align", seed001, "-f", "xlsx")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "PK"), "an XLSX is a zip file")
	code, stdout, stderr = runCmd(t, "", "align", seed001, "-f", "parquet")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "PAR1"))
}

// TestConvertReadsWhatItWrites converts the seed's units to TMX, XLIFF,
// TSV, JSONL and hf, and each back to JSONL: the texts survive (and the
// scores, ids and documents where the format keeps them).
func TestConvertReadsWhatItWrites(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	dir := t.TempDir()
	src := filepath.Join(dir, "seed.jsonl")
	code, _, stderr := runCmd(t, "", "align", seed001, "-f", "jsonl", "-o", src, "--drop-omissions")
	require.Equal(t, 0, code, stderr)
	want, err := os.ReadFile(src)
	require.NoError(t, err)
	for _, tc := range []struct {
		format, ext string
		full        bool // the format keeps ids, score and document
	}{
		{"tmx", ".tmx", true}, {"xliff", ".xlf", true}, {"jsonl", ".jsonl", true}, {"tsv", ".tsv", false}, {"hf", ".hf", false},
	} {
		t.Run(tc.format, func(t *testing.T) {
			mid := filepath.Join(dir, "mid"+tc.ext)
			code, _, stderr := runCmd(t, "", "convert", src, "-f", tc.format, "-o", mid)
			require.Equal(t, 0, code, stderr)
			code, back, stderr := runCmd(t, "", "convert", mid, "-f", "jsonl")
			require.Equal(t, 0, code, stderr)
			if tc.full {
				assert.Equal(t, string(want), back)
				return
			}
			wr := corpus.NewJSONLReader(bytes.NewReader(want), "want")
			br := corpus.NewJSONLReader(strings.NewReader(back), "back")
			n := 0
			for wr.Next() {
				require.True(t, br.Next(), br.Err())
				assert.Equal(t, wr.Unit().EN, br.Unit().EN)
				assert.Equal(t, wr.Unit().ZH, br.Unit().ZH)
				n++
			}
			assert.False(t, br.Next())
			assert.Positive(t, n)
		})
	}
}
