package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

const seed001 = "../../testdata/seeds/001_04ade73db5640df0.txt"

// runCmd runs the command line and returns the exit status, standard
// output and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestUsage(t *testing.T) {
	code, _, stderr := runCmd(t, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage: zhenalign")
	code, _, stderr = runCmd(t, "", "frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "frobnicate"`)
	code, _, _ = runCmd(t, "", "align", "-h")
	assert.Equal(t, 0, code)
	code, _, stderr = runCmd(t, "", "align", "--bogus", seed001)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "bogus")
}

func TestSegmentCommand(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "segment", seed001)
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	assert.Len(t, lines, 146)
	var row segmentRow
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &row))
	assert.Equal(t, segmentRow{Para: 0, Sent: 0, Lang: "en", Text: row.Text, Norm: row.Norm, Start: 0, End: 269}, row)

	code, stdout, _ = runCmd(t, "他来了。She left.", "segment", "-f", "text", "-")
	require.Equal(t, 0, code)
	assert.Equal(t, "0.0\tzh\t他来了。\n1.0\ten\tShe left.\n", stdout)
}

func TestAlignCommandMixed(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"jsonl", "ladder", "text"} {
		t.Run(f, func(t *testing.T) {
			out := filepath.Join(dir, "out."+f)
			code, stdout, stderr := runCmd(t, "", "align", seed001, "-f", f, "-o", out)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stdout)
			data, err := os.ReadFile(out)
			require.NoError(t, err)
			assert.NotEmpty(t, data)
		})
	}
	code, stdout, _ := runCmd(t, "", "align", seed001, "--level", "para", "-f", "jsonl")
	require.Equal(t, 0, code)
	pairs := 0
	for line := range strings.Lines(stdout) {
		var r struct {
			EN, ZH string
			Type   string
			Score  float64
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		assert.GreaterOrEqual(t, r.Score, 0.0)
		assert.LessOrEqual(t, r.Score, 1.0)
		if r.EN != "" && r.ZH != "" {
			pairs++
		}
	}
	assert.Greater(t, pairs, 30)

	// --min-score drops links.
	_, all, _ := runCmd(t, "", "align", seed001, "-f", "ladder")
	_, some, _ := runCmd(t, "", "align", seed001, "-f", "ladder", "--min-score", "0.9")
	assert.Less(t, strings.Count(some, "\n"), strings.Count(all, "\n"))
}

func TestAlignCommandTwoFiles(t *testing.T) {
	dir := t.TempDir()
	zh := writeFile(t, dir, "zh.txt", "2022年11月15日，重庆举行论坛。\n王雯主持会议。\n")
	en := writeFile(t, dir, "en.txt", "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired the meeting.\n")
	code, stdout, stderr := runCmd(t, "", "align", "--presplit", zh, en, "-f", "ladder")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "[0]:[0]", strings.Join(strings.Split(strings.Split(stdout, "\n")[0], ":")[:2], ":"))
	// Order of the files decides the order of the ids.
	code, stdout, _ = runCmd(t, "", "align", "--presplit", en, zh, "-f", "jsonl")
	require.Equal(t, 0, code)
	assert.Contains(t, stdout, `"en":"On November 15th, 2022, Chongqing held a forum.","zh":"2022年11月15日，重庆举行论坛。","en_ids":[0],"zh_ids":[0],"type":"1-1"`)
}

func TestAlignCommandBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", "")
	blank := writeFile(t, dir, "blank.txt", "\n  \n")
	en := writeFile(t, dir, "en.txt", "One sentence.\nAnother one.\n")
	en2 := writeFile(t, dir, "en2.txt", "Something else.\n")
	bin := writeFile(t, dir, "bin.dat", "\x00\x01\x02binary")
	zh := writeFile(t, dir, "zh.txt", "一句话。\n")
	for _, tc := range []struct {
		desc string
		args []string
		code int
		msg  string
	}{
		{"missing file", []string{"align", filepath.Join(dir, "nope.txt"), en}, 1, "no such file"},
		{"empty file", []string{"align", empty, en}, 1, "empty.txt: align: no text to align"},
		{"blank file", []string{"align", "--presplit", zh, blank}, 1, "blank.txt: align: no text to align"},
		{"same language", []string{"align", en, en2}, 1, "both sides are in the same language"},
		{"binary", []string{"align", bin, en}, 1, "bin.dat: input: unsupported format: binary data"},
		{"three files", []string{"align", en, en2, zh}, 2, "want one mixed file or two files"},
		{"stdin twice", []string{"align", "-", "-"}, 2, "standard input (-) can be only one of the two files"},
		{"presplit mixed", []string{"align", "--presplit", en}, 2, "--presplit needs two files"},
		{"bad level", []string{"align", "--level", "word", en, zh}, 2, "--level must be sent or para"},
		{"bad format", []string{"align", "-f", "xml", en, zh}, 2, `unknown format "xml"`},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, stderr, tc.msg)
		})
	}
	// One language only in a mixed document: a warning, and omissions.
	code, stdout, stderr := runCmd(t, "", "align", en, "-f", "ladder")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "en.txt: align: only one language: every sentence is an omission (English text only)")
	assert.Equal(t, "[0]:[]:", stdout[:7])
}

// TestEvalCommandMatchesPython runs every command recorded in
// eval/testdata/python.golden (the outputs of the reference Python
// scorers on the eval fixtures) through "zhenalign eval" and compares the
// first line printed: the line of score_ladder.py or score_pairs.py, or
// their JSON once the "calibration" member is taken out. For calib.py
// --json it compares that member, without its bins, with calib.py's JSON.
// (calib.py without --json prints Python dictionaries; the calibration
// table shows the same numbers, see TestEvalCalibrationTable.)
func TestEvalCommandMatchesPython(t *testing.T) {
	data, err := os.ReadFile("../../eval/testdata/python.golden")
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	n, calib := 0, 0
	for i, l := range lines {
		cmd, ok := strings.CutPrefix(l, "$ ")
		if !ok || i+1 >= len(lines) {
			continue
		}
		fields := strings.Fields(cmd)
		tool, asJSON := fields[0], slices.Contains(fields, "--json")
		if tool == "calib.py" && !asJSON {
			continue
		}
		args := []string{"eval"}
		for _, f := range fields[1:] {
			if strings.HasPrefix(f, "testdata/") {
				f = "../../eval/" + f
			}
			args = append(args, f)
		}
		want := lines[i+1]
		t.Run(cmd, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", args...)
			require.Equal(t, 0, code, stderr)
			first, _, _ := strings.Cut(stdout, "\n")
			score, cal, hasCal := strings.Cut(first, `, "calibration": `)
			switch {
			case tool == "calib.py":
				require.True(t, hasCal, first)
				var tables map[string]map[string]any
				require.NoError(t, json.Unmarshal([]byte(strings.TrimSuffix(cal, "}")), &tables))
				for _, tb := range tables {
					delete(tb, "bins")
				}
				got, err := json.Marshal(tables)
				require.NoError(t, err)
				assert.JSONEq(t, want, string(got))
				calib++
			case hasCal:
				assert.Equal(t, want, score+"}")
			default:
				assert.Equal(t, want, first)
			}
		})
		n++
	}
	assert.Greater(t, n, 5)
	assert.Positive(t, calib)
}

// TestEvalCalibrationTable checks the calibration table printed after the
// scores of a scored prediction, and that a prediction without scores
// gets the scores alone and a note.
func TestEvalCalibrationTable(t *testing.T) {
	const gold, scored, unscored = "../../eval/testdata/ladder/gold", "../../eval/testdata/ladder/scored", "../../eval/testdata/ladder/pred"
	// The numbers of "all" and "null" and the ECEs are those calib.py
	// prints (eval/testdata/python.golden).
	want := `docs=3 gold=17 pred=18  paper P=0.444 R=0.471 F1=0.457  strict F1=0.338  lax F1=0.795
calibration (right = exactly a gold link)
score     links    mean   right   null links    mean   right
0.0-0.1       2  0.0250  0.5000            2  0.0250  0.5000
0.1-0.2       2  0.1250  0.0000            0       -       -
0.2-0.3       1  0.2000  0.0000            0       -       -
0.3-0.4       2  0.3250  0.0000            1  0.3500  0.0000
0.4-0.5       2  0.4250  0.0000            0       -       -
0.5-0.6       1  0.5000  0.0000            0       -       -
0.6-0.7       1  0.6000  1.0000            1  0.6000  1.0000
0.7-0.8       1  0.7000  0.0000            1  0.7000  0.0000
0.8-0.9       2  0.8500  0.5000            0       -       -
0.9-1.0       4  0.9825  1.0000            1  1.0000  1.0000
all          18  0.5239  0.3889            6  0.4500  0.5000
ECE              0.2928                       0.4000
`
	code, stdout, stderr := runCmd(t, "", "eval", gold, scored)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, want, stdout)
	assert.Empty(t, stderr)

	code, stdout, stderr = runCmd(t, "", "eval", gold, scored, "--json")
	require.Equal(t, 0, code, stderr)
	var v struct {
		Docs        int
		Calibration struct {
			All, Null struct {
				Links int
				ECE   float64
				Bins  []struct{ Links int }
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &v))
	assert.Equal(t, 3, v.Docs)
	assert.Equal(t, 18, v.Calibration.All.Links)
	assert.Equal(t, 0.4, v.Calibration.Null.ECE)
	assert.Len(t, v.Calibration.All.Bins, 10)

	for _, args := range [][]string{{"eval", gold, unscored}, {"eval", gold, unscored, "--json"}} {
		code, stdout, stderr = runCmd(t, "", args...)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, 1, strings.Count(stdout, "\n"), stdout)
		assert.NotContains(t, stdout, "calibration")
		assert.Equal(t, "zhenalign eval: no calibration table: ../../eval/testdata/ladder/pred/a.align:3: eval: link without a score\n", stderr)
	}

	// No predicted links: nothing to calibrate, no table and no note.
	code, stdout, stderr = runCmd(t, "", "eval", gold, t.TempDir())
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 1, strings.Count(stdout, "\n"), stdout)
	assert.Empty(t, stderr)

	// A score outside [0,1].
	pred := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(pred, "a.align"), []byte("[0]:[0]:1.5\n"), 0o644))
	code, stdout, stderr = runCmd(t, "", "eval", gold, pred)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 1, strings.Count(stdout, "\n"), stdout)
	assert.Contains(t, stderr, "a.align:1: eval: score not a number in [0,1]: 1.5")
}

func TestFormatsAndConvert(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // the TMX files are created at the same date
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "seed.jsonl")
	code, _, stderr := runCmd(t, "", "align", seed001, "-f", "jsonl", "-o", jsonl)
	require.Equal(t, 0, code, stderr)

	// Every format from the JSONL, and TMX back to JSONL.
	for _, f := range []string{"tmx", "xliff", "tsv", "jsonl", "hf", "parquet", "xlsx", "ladder", "text"} {
		out := filepath.Join(dir, "out."+f)
		code, _, stderr := runCmd(t, "", "convert", jsonl, "-f", f, "-o", out)
		require.Equal(t, 0, code, "%s: %s", f, stderr)
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.NotEmpty(t, data, f)
	}
	tmx := filepath.Join(dir, "out.tmx")
	back := filepath.Join(dir, "back.jsonl")
	code, _, stderr = runCmd(t, "", "convert", tmx, "-f", "jsonl", "-o", back)
	require.Equal(t, 0, code, stderr)
	again := filepath.Join(dir, "again.tmx")
	code, _, stderr = runCmd(t, "", "convert", back, "-f", "tmx", "-o", again)
	require.Equal(t, 0, code, stderr)
	a, _ := os.ReadFile(tmx)
	b, _ := os.ReadFile(again)
	assert.Equal(t, string(a), string(b), "TMX → JSONL → TMX gives the same bytes")

	// Moses: two files with the same number of lines.
	prefix := filepath.Join(dir, "train")
	code, _, stderr = runCmd(t, "", "align", seed001, "-f", "moses", "-o", prefix, "--min-score", "0.5", "--dedup")
	require.Equal(t, 0, code, stderr)
	en, err := os.ReadFile(prefix + ".en")
	require.NoError(t, err)
	zh, err := os.ReadFile(prefix + ".zh")
	require.NoError(t, err)
	assert.Equal(t, strings.Count(string(en), "\n"), strings.Count(string(zh), "\n"))
	assert.Positive(t, strings.Count(string(en), "\n"))
	code, _, stderr = runCmd(t, "", "align", seed001, "-f", "moses")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "give their prefix with -o")

	// Filters and script conversion through convert.
	code, stdout, stderr := runCmd(t, "", "convert", jsonl, "-f", "tsv", "--types", "1-1", "--zh-script", "simplified")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "论坛由重庆市政府外办主任王雯")
	for line := range strings.Lines(stdout) {
		assert.Equal(t, 2, strings.Count(line, "\t"), "three columns: %q", line)
	}
	code, _, stderr = runCmd(t, "", "convert", jsonl, "--types", "one-one")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "bad link type")
	code, _, stderr = runCmd(t, "", "convert", jsonl, "--zh-script", "klingon")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--zh-script")

	// Bad input files.
	notTMX := writeFile(t, dir, "x.txt", "hello\n")
	code, _, stderr = runCmd(t, "", "convert", notTMX)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "neither TMX, XLIFF, JSONL nor TSV")
	broken := writeFile(t, dir, "broken.tmx", "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>x</tuv></tu>")
	code, _, stderr = runCmd(t, "", "convert", broken, "-f", "jsonl")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "broken.tmx:2:")
}

// TestBatchCommand runs batch on a folder holding the five seeds, a pair of
// two-file documents, an empty file and a binary file: the good ones are
// aligned, the bad ones reported by path, the exit status is 1, and the
// outputs are valid.
func TestBatchCommand(t *testing.T) {
	in := t.TempDir()
	seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.Len(t, seeds, 5)
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		require.NoError(t, err)
		writeFile(t, in, filepath.Base(s), string(data))
	}
	writeFile(t, in, "forum.en.txt", "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired the meeting.\n")
	writeFile(t, in, "forum.zh.txt", "2022年11月15日，重庆举行论坛。\n王雯主持会议。\n")
	writeFile(t, in, "empty.txt", "")
	writeFile(t, in, "image.dat", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

	out := t.TempDir()
	combined := filepath.Join(out, "all.tmx")
	code, _, stderr := runCmd(t, "", "batch", in, "-f", "tmx", "-o", combined, "-j", "2")
	assert.Equal(t, 1, code, "some documents failed")
	assert.Contains(t, stderr, "empty.txt: align: no text to align")
	assert.Contains(t, stderr, "image.dat: input: unsupported format: binary data")
	assert.Contains(t, stderr, "aligned 6 documents, 2 failed")
	assert.Contains(t, stderr, "found 8 documents (7 mixed, 1 pair)")

	// The combined TMX is valid, and names each unit's document.
	f, err := os.Open(combined)
	require.NoError(t, err)
	defer f.Close()
	r := corpus.NewTMXReader(f, combined)
	docs := map[string]int{}
	for r.Next() {
		docs[r.Unit().Doc]++
	}
	require.NoError(t, r.Err())
	assert.Positive(t, docs["001_04ade73db5640df0.txt"])
	assert.Positive(t, docs["forum.txt"])
	assert.Zero(t, docs["000_24194bebda09ca34.txt"], "000's Chinese translates nothing")

	// One file per document.
	dir := filepath.Join(out, "split")
	code, _, _ = runCmd(t, "", "batch", in, "-f", "jsonl", "-o", dir, "--split")
	assert.Equal(t, 1, code)
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	require.NoError(t, err)
	assert.Len(t, files, 6)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		jr := corpus.NewJSONLReader(strings.NewReader(string(data)), f)
		n := 0
		for jr.Next() {
			n++
		}
		require.NoError(t, jr.Err())
		assert.Positive(t, n, f)
	}

	// Without failures the exit status is 0.
	good := t.TempDir()
	writeFile(t, good, "forum.en.txt", "On November 15th, 2022, Chongqing held a forum.\n")
	writeFile(t, good, "forum.zh.txt", "2022年11月15日，重庆举行论坛。\n")
	code, stdout, stderr := runCmd(t, "", "batch", good, "-f", "tsv")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "On November 15th, 2022, Chongqing held a forum.\t2022年11月15日，重庆举行论坛。\t")

	code, _, stderr = runCmd(t, "", "batch", in, "--split", "-f", "jsonl")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-o must name a folder")
}

// TestREADMEDocumentsEveryFlag checks that every flag a command's -h lists
// is named in the README.
func TestREADMEDocumentsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	for _, c := range commands() {
		code, _, stderr := runCmd(t, "", c.name, "-h")
		require.Equal(t, 0, code, c.name)
		for line := range strings.Lines(stderr) {
			f, ok := strings.CutPrefix(line, "  -")
			if !ok {
				continue
			}
			name := strings.Fields(f)[0]
			assert.True(t, strings.Contains(string(readme), "`-"+name) || strings.Contains(string(readme), "`--"+name),
				"README does not document %s -%s", c.name, name)
		}
		section := false
		for line := range strings.Lines(string(readme)) {
			if strings.HasPrefix(line, "### ") && strings.Contains(line, c.name) {
				section = true
			}
		}
		assert.True(t, section, "README has no section on %s", c.name)
	}
}
