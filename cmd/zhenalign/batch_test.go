package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

const mixedDoc = "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n"

// batchFolder writes files (slash-separated names) into a new folder and
// returns it.
func batchFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func TestSplitNames(t *testing.T) {
	for _, tc := range []struct {
		desc string
		ext  string
		docs []string
		want []string
	}{
		{"distinct", ".jsonl", []string{"a.txt", "b.txt"}, []string{"a.jsonl", "b.jsonl"}},
		{"same stem", ".jsonl", []string{"x.md", "x.txt", "x"}, []string{"x.jsonl", "x-2.jsonl", "x-3.jsonl"}},
		{"folders joined", ".tmx", []string{filepath.Join("a", "x.txt"), "a_x.txt"}, []string{"a_x.tmx", "a_x-2.tmx"}},
		{"suffix taken by a document", ".tsv", []string{"x.txt", "x-2.txt", "x.md"}, []string{"x.tsv", "x-2.tsv", "x-3.tsv"}},
		{"suffixed name taken later", ".tsv", []string{"x.txt", "x.md", "x-2.txt"}, []string{"x.tsv", "x-2.tsv", "x-2-2.tsv"}},
		{"case", ".align", []string{"Memo.txt", "memo.txt"}, []string{"Memo.align", "memo-2.align"}},
		{"moses: no extension", "", []string{"x.txt", "x.md"}, []string{"x", "x-2"}},
		{"colon", ".jsonl", []string{"a:b.txt", "a_b.txt"}, []string{"a_b.jsonl", "a_b-2.jsonl"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			names := newSplitNames(tc.ext)
			var got []string
			for _, d := range tc.docs {
				got = append(got, names.next(d))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestBatchSplitCollisions checks that documents whose output names
// collide are all written, each to its own file.
func TestBatchSplitCollisions(t *testing.T) {
	in := batchFolder(t, map[string]string{
		"a/x.txt": mixedDoc,
		"a_x.txt": mixedDoc,
		"x.txt":   mixedDoc,
		"x.md":    mixedDoc,
	})
	out := filepath.Join(t.TempDir(), "split")
	code, _, stderr := runCmd(t, "", "batch", in, "-f", "jsonl", "-o", out, "--split", "-j", "2")
	require.Equal(t, 0, code, stderr)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	docs := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		require.NoError(t, err)
		r := corpus.NewJSONLReader(bytes.NewReader(data), e.Name())
		require.True(t, r.Next(), e.Name())
		docs[e.Name()] = r.Unit().Doc
	}
	assert.Equal(t, map[string]string{
		"a_x.jsonl":   filepath.Join("a", "x.txt"),
		"a_x-2.jsonl": "a_x.txt",
		"x.jsonl":     "x.md",
		"x-2.jsonl":   "x.txt",
	}, docs)
}

// TestBatchUsageErrors checks the flag combinations batch refuses, and
// their neighbours that it accepts.
func TestBatchUsageErrors(t *testing.T) {
	pair := map[string]string{
		"forum.en.txt": "On November 15th, 2022, Chongqing held a forum.\n",
		"forum.zh.txt": "2022年11月15日，重庆举行论坛。\n",
	}
	two := map[string]string{"a.txt": mixedDoc, "b.txt": mixedDoc}
	for _, tc := range []struct {
		desc     string
		files    map[string]string
		args     []string // after the folder; $IN stands for it, $OUT for a new folder
		wantCode int
		wantErr  string
	}{
		{"ladder, two documents combined", two, []string{"-f", "ladder"}, 2, "a ladder has no document column, so -f ladder cannot combine 2 documents: use --split"},
		{"ladder, two documents to a file", two, []string{"-f", "ladder", "-o", "$OUT/all.align"}, 2, "cannot combine 2 documents"},
		{"ladder, one document", pair, []string{"-f", "ladder"}, 0, ""},
		{"ladder, two documents split", two, []string{"-f", "ladder", "--split", "-o", "$OUT"}, 0, ""},
		{"tsv, two documents combined", two, []string{"-f", "tsv"}, 0, ""},
		{"presplit, paragraphs", pair, []string{"--presplit", "--level", "para"}, 2, "--level para cannot be used with --presplit"},
		{"presplit, sentences", pair, []string{"--presplit", "--level", "sent"}, 0, ""},
		{"paragraphs", map[string]string{
			"forum.en.txt": "Chongqing held a forum.\nWang Wen chaired it.\n",
			"forum.zh.txt": "重庆举行论坛。\n王雯主持论坛。\n",
		}, []string{"--level", "para"}, 0, ""},
		{"split into an existing folder", two, []string{"--split", "-o", "$OUT"}, 0, ""},
		{"split into a file", two, []string{"--split", "-o", "$IN/a.txt"}, 2, "-o " + filepath.Join("$IN", "a.txt") + " is a file: with --split, -o names a folder"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			in := batchFolder(t, tc.files)
			out := t.TempDir()
			args := []string{"batch", in}
			paths := strings.NewReplacer("$IN", in, "$OUT", out)
			for _, a := range tc.args {
				args = append(args, paths.Replace(a))
			}
			code, _, stderr := runCmd(t, "", args...)
			assert.Equal(t, tc.wantCode, code, stderr)
			if tc.wantErr != "" {
				assert.Contains(t, stderr, "zhenalign batch: usage: ")
				assert.Contains(t, stderr, paths.Replace(tc.wantErr))
			}
		})
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestBatchWriteError checks that a failed write stops the run and is
// reported with the document being written.
func TestBatchWriteError(t *testing.T) {
	t.Run("split", func(t *testing.T) {
		in := batchFolder(t, map[string]string{"a.txt": mixedDoc, "b.txt": mixedDoc, "c.txt": mixedDoc})
		out := t.TempDir()
		// A folder where b's output should go makes its write fail.
		require.NoError(t, os.Mkdir(filepath.Join(out, "b.jsonl"), 0o755))
		code, _, stderr := runCmd(t, "", "batch", in, "-f", "jsonl", "-o", out, "--split", "-j", "1")
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr, "zhenalign batch: b.txt: -o ")
		assert.Contains(t, stderr, "aligned 1 document, 0 failed (stopped by an output error: 2 not written)")
		assert.FileExists(t, filepath.Join(out, "a.jsonl"))
		assert.NoFileExists(t, filepath.Join(out, "c.jsonl"), "the run stops at the failed write")
	})
	t.Run("combined", func(t *testing.T) {
		seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
		require.NoError(t, err)
		require.NotEmpty(t, seeds)
		var stderr bytes.Buffer
		code := run(append([]string{"batch", "-f", "jsonl", "-j", "1"}, seeds...), strings.NewReader(""), failingWriter{}, &stderr)
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr.String(), "zhenalign batch: 000_24194bebda09ca34.txt: ")
		assert.Contains(t, stderr.String(), "aligned 0 documents, 0 failed (stopped by an output error: 5 not written)")
		assert.Contains(t, stderr.String(), "disk full")
	})
}

// TestBatchInputFormats checks that batch pairs and aligns documents in
// other formats than text: a subtitle pair and a mixed DOCX page, and says
// how it read them.
func TestBatchInputFormats(t *testing.T) {
	dir := t.TempDir()
	for src, dst := range map[string]string{
		"../../input/testdata/subs/film.en.srt":         "film.en.srt",
		"../../input/testdata/subs/film.zh.gb18030.srt": "film.zh.srt",
		"../../input/testdata/seeds/001.docx":           "page.docx",
	} {
		b, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, dst), b, 0o644))
	}
	code, stdout, stderr := runCmd(t, "", "batch", dir, "-f", "jsonl", "-j", "1")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "found 2 documents (1 mixed, 1 pair)")
	assert.Contains(t, stderr, "files read as: docx UTF-8 1, srt GB18030 1, srt UTF-8 1")
	assert.Contains(t, stdout, `"doc":"film.srt","en_time":"00:00:01.000 --> 00:00:03.200","zh_time":"00:00:01.000 --> 00:00:03.200"`)
	assert.Contains(t, stdout, `"doc":"page.docx"`)
}
