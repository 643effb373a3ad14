package main

// Tests of the command line against bad input and misuse: each case was a
// defect once (issue "every bad input gets a clear answer").

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputIsInput checks that an output file that is one of the inputs
// is refused, also through a symbolic link, and the input left alone.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	doc := writeFile(t, dir, "doc.txt", mixedDoc)
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink(doc, link))
	en := writeFile(t, dir, "en.txt", "Wang Wen chaired the forum.\n")
	zh := writeFile(t, dir, "zh.txt", "王雯主持论坛。\n")
	tmx := filepath.Join(dir, "tm.tmx")
	require.Equal(t, 0, run([]string{"align", en, zh, "-f", "tmx", "-o", tmx}, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	tmxBefore, err := os.ReadFile(tmx)
	require.NoError(t, err)
	for _, tc := range []struct {
		desc string
		args []string
	}{
		{"same file", []string{"align", doc, "-o", doc}},
		{"input through a link", []string{"align", link, "-o", doc}},
		{"output through a link", []string{"align", doc, "-o", link}},
		{"second of two", []string{"align", en, zh, "-o", zh}},
		{"segment", []string{"segment", doc, "-o", link}},
		{"convert", []string{"convert", tmx, "-f", "tmx", "-o", tmx}},
		{"batch", []string{"batch", doc, "-o", doc}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, "the output would replace it")
		})
	}
	got, err := os.ReadFile(doc)
	require.NoError(t, err)
	assert.Equal(t, mixedDoc, string(got))
	got, err = os.ReadFile(tmx)
	require.NoError(t, err)
	assert.Equal(t, string(tmxBefore), string(got))
}

// TestNumericFlags checks that NaN and infinities are command-line
// mistakes in every numeric flag.
func TestNumericFlags(t *testing.T) {
	for _, cmd := range []string{"align", "convert", "batch"} {
		for _, flag := range []string{"--min-score", "--min-ratio", "--max-ratio"} {
			for _, v := range []string{"NaN", "nan", "Inf", "-Inf", "+Inf", "x"} {
				t.Run(cmd+flag+v, func(t *testing.T) {
					code, _, stderr := runCmd(t, "", cmd, flag, v, seed001)
					assert.Equal(t, 2, code)
					assert.Contains(t, stderr, "invalid value")
					assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %s", stderr)
				})
			}
		}
	}
	code, _, stderr := runCmd(t, "", "align", "--min-score", "1.5", seed001)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--min-score must be in [0,1]")
	code, _, stderr = runCmd(t, "", "align", "--min-ratio", "5", "--max-ratio", "1", seed001)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "bad length ratio bounds 5..1")
	code, _, stderr = runCmd(t, "", "align", "--types", "1-x", seed001)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `bad link type "1-x"`)
}

// TestPresplitBlankLines checks that blank lines of presplit files become
// omissions at most: no text format carries a unit with two empty sides,
// and the ladder keeps every line id.
func TestPresplitBlankLines(t *testing.T) {
	dir := t.TempDir()
	zh := writeFile(t, dir, "zh.txt", "王雯主持论坛。\n\n近50家企业出席论坛。\n\n")
	en := writeFile(t, dir, "en.txt", "Wang Wen chaired the forum.\n\nNearly 50 businesses attended the forum.\n\n")
	code, stdout, stderr := runCmd(t, "", "align", "--presplit", zh, en, "-f", "ladder")
	require.Equal(t, 0, code, stderr)
	var zhIDs, enIDs []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		parts := strings.Split(l, ":")
		require.Len(t, parts, 3, l)
		assert.False(t, parts[0] != "[]" && parts[1] != "[]" && (strings.Contains(l, "[1]") || strings.Contains(l, "[3]")),
			"a blank line is never linked to another: %s", l)
		for _, id := range strings.Split(strings.Trim(parts[0], "[]"), ",") {
			if id != "" {
				zhIDs = append(zhIDs, id)
			}
		}
		for _, id := range strings.Split(strings.Trim(parts[1], "[]"), ",") {
			if id != "" {
				enIDs = append(enIDs, id)
			}
		}
	}
	assert.Equal(t, []string{"0", "1", "2", "3"}, zhIDs, "every Chinese line is in the ladder")
	assert.Equal(t, []string{"0", "1", "2", "3"}, enIDs, "every English line is in the ladder")

	for _, f := range []string{"jsonl", "tsv", "tmx", "text"} {
		code, stdout, stderr := runCmd(t, "", "align", "--presplit", zh, en, "-f", f)
		require.Equal(t, 0, code, stderr)
		assert.NotContains(t, stdout, `"en":"","zh":""`, f)
		assert.NotContains(t, stdout, "\t\t", f)
		assert.NotContains(t, stdout, "<seg></seg>", f)
		if f == "jsonl" {
			assert.Equal(t, 2, strings.Count(stdout, "\n"), "two units with text: %s", stdout)
		}
	}
	prefix := filepath.Join(dir, "out")
	code, _, stderr = runCmd(t, "", "align", "--presplit", zh, en, "-f", "moses", "-o", prefix)
	require.Equal(t, 0, code, stderr)
	for _, ext := range []string{".en", ".zh"} {
		b, err := os.ReadFile(prefix + ext)
		require.NoError(t, err)
		assert.Equal(t, 2, strings.Count(string(b), "\n"))
		assert.NotContains(t, string(b), "\n\n")
	}
}

// TestConvertBadInput checks convert's answers to malformed JSONL and TMX.
func TestConvertBadInput(t *testing.T) {
	dir := t.TempDir()
	bom := writeFile(t, dir, "bom.jsonl", "\xEF\xBB\xBF"+`{"en":"Hello.","zh":"你好。","score":0.9}`+"\n")
	code, stdout, stderr := runCmd(t, "", "convert", bom, "-f", "tsv")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "Hello.\t你好。\t0.9000\n", stdout)

	// A ladder from pairs whose ids skip sentences (the omissions a TMX
	// does not hold) says so; one from pairs without ids is refused.
	gaps := writeFile(t, dir, "gaps.jsonl", `{"en":"A.","zh":"甲。","en_ids":[0],"zh_ids":[0],"score":0.9}`+"\n"+
		`{"en":"C.","zh":"丙。","en_ids":[2],"zh_ids":[1],"score":0.9}`+"\n")
	code, stdout, stderr = runCmd(t, "", "convert", gaps, "-f", "ladder")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "[0]:[0]:0.9000\n[2]:[1]:0.9000\n", stdout, "English first")
	assert.Contains(t, stderr, "1 English and 0 Chinese sentence ids below the largest are in no unit")
	code, _, stderr = runCmd(t, "", "convert", bom, "-f", "ladder")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "bom.jsonl: unit 1 has no sentence ids to write a ladder with (written by another tool, or without ids?)")

	tmxUnit := func(score string, langs ...string) string {
		var b strings.Builder
		b.WriteString(`<tu><prop type="x-AlignScore">` + score + `</prop>`)
		for _, l := range langs {
			fmt.Fprintf(&b, `<tuv xml:lang="%s"><seg>text %s</seg></tuv>`, l, l)
		}
		return b.String() + "</tu>\n"
	}
	tmx := func(units ...string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>` + "\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n" + strings.Join(units, "") + "</body></tmx>\n"
	}
	other := writeFile(t, dir, "other.tmx", tmx(tmxUnit("0.9", "en", "zh-CN"), tmxUnit("0.9", "fr", "de"), tmxUnit("0.8", "fr")))
	code, stdout, stderr = runCmd(t, "", "convert", other, "-f", "jsonl")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 1, strings.Count(stdout, "\n"), "only the English–Chinese unit: %s", stdout)
	assert.NotContains(t, stdout, `"type":"0-0"`)
	assert.Contains(t, stderr, "2 units have no English or Chinese text")

	for _, tc := range []struct {
		desc, file, content, msg string
	}{
		{"not an object", "array.jsonl", "[1,2]\n", "array.jsonl:1: corpus: line is not a JSON object"},
		{"wrong type", "type.jsonl", `{"en":5,"zh":"x"}` + "\n", `type.jsonl:1: field "en": want a string, not number`},
		{"score above 1", "big.jsonl", `{"en":"a","zh":"b","score":7}` + "\n", "big.jsonl:1: score: corpus: score not in [0,1]: 7"},
		{"TMX NaN", "nan.tmx", tmx(tmxUnit("1", "en", "zh"), tmxUnit("NaN", "en", "zh")), "nan.tmx:4: x-AlignScore: corpus: score not in [0,1]: NaN"},
		{"TMX Inf", "inf.tmx", tmx(tmxUnit("Inf", "en", "zh")), "inf.tmx:3: x-AlignScore"},
		{"TMX 7", "seven.tmx", tmx(tmxUnit("7", "en", "zh")), "seven.tmx:3: x-AlignScore: corpus: score not in [0,1]: 7"},
		{"TMX -3", "neg.tmx", tmx(tmxUnit("-3", "en", "zh")), "neg.tmx:3: x-AlignScore: corpus: score not in [0,1]: -3"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			p := writeFile(t, dir, tc.file, tc.content)
			for _, f := range []string{"jsonl", "tsv"} {
				code, _, stderr := runCmd(t, "", "convert", p, "-f", f, "--min-score", "1")
				assert.Equal(t, 1, code)
				assert.Contains(t, stderr, tc.msg)
				assert.NotContains(t, stderr, "Go ")
			}
		})
	}

	code, _, stderr = runCmd(t, "", "convert", bom, "-f", "tmx", "--zh-lang", "fr-FR")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `--zh-lang "fr-FR" is not a Chinese language tag`)
	code, _, stderr = runCmd(t, "", "convert", bom, "-f", "tmx", "--zh-lang", "zh_?")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "not a BCP 47 language tag")
	code, stdout, stderr = runCmd(t, "", "convert", bom, "-f", "tmx", "--zh-lang", "zh-Hant-HK")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, `xml:lang="zh-Hant-HK"`)
}

// TestInvalidUTF8Warning checks that invalid bytes inside a good file give
// one warning per file, with their count and the first offset.
func TestInvalidUTF8Warning(t *testing.T) {
	dir := t.TempDir()
	doc := writeFile(t, dir, "bad.txt", "Wang Wen chaired the forum.\xff\n王雯主持论坛\xfe\xfe。\n")
	code, _, stderr := runCmd(t, "", "align", doc, "-f", "jsonl")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 1, strings.Count(stderr, "warning"), stderr)
	assert.Contains(t, stderr, "bad.txt: segment: invalid UTF-8: 3 bytes replaced by U+FFFD, the first at offset 27")
	code, _, stderr = runCmd(t, "", "segment", doc, "-f", "jsonl")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "zhenalign segment: warning: "+doc+": segment: invalid UTF-8: 3 bytes replaced")
	code, _, stderr = runCmd(t, "", "batch", doc, "-f", "jsonl", "-o", filepath.Join(dir, "out.jsonl"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "invalid UTF-8: 3 bytes replaced")
}

// TestBrokenPipe checks that a closed pipe ends the command quietly with
// the status of SIGPIPE, whether the output is standard output or a device
// written directly (-o /dev/stdout).
func TestBrokenPipe(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer w.Close()
	require.NoError(t, r.Close())
	dev := fmt.Sprintf("/dev/fd/%d", w.Fd())
	if _, err := os.Stat(dev); err != nil {
		t.Skip("no /dev/fd here")
	}
	code, _, stderr := runCmd(t, "", "align", seed001, "-f", "jsonl", "-o", dev)
	assert.Equal(t, 141, code)
	assert.Empty(t, stderr)

	var errb bytes.Buffer
	code = run([]string{"align", seed001, "-f", "jsonl"}, strings.NewReader(""), epipeWriter{}, &errb)
	assert.Equal(t, 141, code)
	assert.Empty(t, errb.String())
}

type epipeWriter struct{}

func (epipeWriter) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

// TestMosesPrefixFolder checks that a Moses prefix naming a folder is
// refused instead of writing hidden files in it.
func TestMosesPrefixFolder(t *testing.T) {
	dir := t.TempDir()
	for _, out := range []string{dir, dir + "/"} {
		code, _, stderr := runCmd(t, "", "align", seed001, "-f", "moses", "-o", out)
		assert.Equal(t, 2, code)
		assert.Contains(t, stderr, "is a folder: -f moses needs a file prefix")
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// TestTerminal checks that a character device that is not a terminal
// (/dev/null) is not taken for one, and the width of a non-terminal.
func TestTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f))
	assert.Equal(t, 100, terminalWidth(f))
	assert.False(t, isTerminal(&bytes.Buffer{}))
}

// TestSegmentAgreesWithAlign checks that segment answers like align: the
// same default format off a terminal, and a refusal of empty input.
func TestSegmentAgreesWithAlign(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", "\n \n")
	code, _, stderr := runCmd(t, "", "segment", empty)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "empty.txt: no text to segment (the file is empty or blank)")
	code, stdout, _ := runCmd(t, "", "segment", seed001)
	require.Equal(t, 0, code)
	var row map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &row), "JSONL when not on a terminal")

	code, _, stderr = runCmd(t, "", "eval", "-h")
	assert.Equal(t, 0, code)
	assert.NotContains(t, stderr, "../shared")
	assert.NotContains(t, stderr, ".py")
}

// TestSignals checks that SIGTERM and SIGHUP stop a batch as Ctrl-C does.
func TestSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			var errb bytes.Buffer
			e := &env{stderr: &errb}
			ctx, interrupted, stop := e.watchSignals()
			defer stop()
			require.NoError(t, syscall.Kill(os.Getpid(), sig))
			select {
			case <-ctx.Done():
			case <-time.After(10 * time.Second):
				t.Fatal("the signal did not cancel the run")
			}
			assert.True(t, interrupted.Load())
			assert.Contains(t, errb.String(), "interrupted")
		})
	}
}

// TestBatchSummary checks the summary's grammar and that tied counts come
// in the same order every time.
func TestBatchSummary(t *testing.T) {
	st := &batchStats{types: map[string]int{"1-1": 3, "0-1": 1, "2-1": 1, "1-0": 1, "1-2": 1}, docs: 1, sentences: 1, units: 7, start: time.Now()}
	for range 20 {
		var errb bytes.Buffer
		st.report(&env{stderr: &errb}, "", 1)
		assert.Contains(t, errb.String(), "aligned 1 document, 0 failed; 1 sentence, 7 units (1-1 3, 0-1 1, 1-0 1, 1-2 1, 2-1 1)")
	}
}

// TestSplitOutputIsInput checks that --split refuses to write over an
// input, and that the output may not be the file standard input comes from.
func TestSplitOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "x.en", "Wang Wen chaired the forum.\n")
	zh := writeFile(t, dir, "x.zh", "王雯主持论坛。\n")
	code, _, stderr := runCmd(t, "", "batch", dir, "--split", "-f", "moses", "-o", dir)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "the output would replace it")
	for f, want := range map[string]string{en: "Wang Wen chaired the forum.\n", zh: "王雯主持论坛。\n"} {
		got, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Equal(t, want, string(got))
	}

	doc := writeFile(t, dir, "doc.txt", mixedDoc)
	in, err := os.Open(doc)
	require.NoError(t, err)
	defer in.Close()
	var out, errb bytes.Buffer
	code = run([]string{"align", "-", "-o", doc}, in, &out, &errb)
	assert.Equal(t, 2, code)
	assert.Contains(t, errb.String(), "-o "+doc+" is the input -")
}

// TestBatchLabels checks that every document is named by its own path:
// pairs whose language is a folder given itself, and files whose base
// names clash.
func TestBatchLabels(t *testing.T) {
	dir := batchFolder(t, map[string]string{
		"lay/en/a.txt": "Wang Wen chaired the forum.\n", "lay/zh/a.txt": "王雯主持论坛。\n",
		"a/x.txt": mixedDoc, "b/x.txt": "The forum was held online.论坛以线上形式举行。\n",
	})
	docs := func(args ...string) map[string]string {
		code, stdout, stderr := runCmd(t, "", append([]string{"batch", "-f", "jsonl"}, args...)...)
		require.Equal(t, 0, code, stderr)
		got := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			var row struct{ EN, Doc string }
			require.NoError(t, json.Unmarshal([]byte(l), &row))
			if row.EN != "" {
				got[row.Doc] = row.EN
			}
		}
		return got
	}
	assert.Equal(t, map[string]string{"a.txt": "Wang Wen chaired the forum."},
		docs(filepath.Join(dir, "lay", "en"), filepath.Join(dir, "lay", "zh")))
	assert.Equal(t, map[string]string{"a.txt": "Wang Wen chaired the forum."},
		docs(filepath.Join(dir, "lay", "en", "a.txt"), filepath.Join(dir, "lay", "zh", "a.txt")))
	ax, bx := filepath.Join(dir, "a", "x.txt"), filepath.Join(dir, "b", "x.txt")
	assert.Equal(t, map[string]string{ax: "Nearly 50 businesses attended the forum.", bx: "The forum was held online."}, docs(ax, bx))
	assert.Equal(t, map[string]string{ax: "Nearly 50 businesses attended the forum.", bx: "The forum was held online."}, docs(bx, ax))
}

// TestPresplitBlankInsideLink checks that a blank line may join a link
// (between two halves of a sentence) though it never makes one.
func TestPresplitBlankInsideLink(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "q.en", "The forest covers the hills,\n\nand the rivers run clean to the sea.\nGoodbye.\n")
	zh := writeFile(t, dir, "q.zh", "森林覆盖着山丘，河流清澈地流向大海。\n再见。\n")
	code, stdout, stderr := runCmd(t, "", "align", "--presplit", en, zh, "-f", "ladder")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "[0,1,2]:[0]:"), stdout)
}

// TestZhLangCanonical checks that --zh-lang is written in its canonical
// form.
func TestZhLangCanonical(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", `{"en":"Hello.","zh":"你好。"}`+"\n")
	for tag, want := range map[string]string{"zh_CN": "zh-CN", "ZH-tw": "zh-TW", "cmn-Hans": "cmn-Hans"} {
		code, stdout, stderr := runCmd(t, "", "convert", in, "-f", "tmx", "--zh-lang", tag)
		require.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, `xml:lang="`+want+`"`)
	}
}
