package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOutputFlagErrors(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "en.txt", "One sentence.\n")
	zh := writeFile(t, dir, "zh.txt", "一句话。\n")
	for _, tc := range []struct {
		desc string
		args []string
		msg  string
	}{
		{"output is a directory", []string{"-o", dir}, "-o " + dir + ": is a directory"},
		{"no such directory", []string{"-o", filepath.Join(dir, "nope", "out.jsonl")}, "does not exist"},
		{"moses prefix in no directory", []string{"-f", "moses", "-o", filepath.Join(dir, "nope", "x")}, "x.en: directory"},
		{"score above 1", []string{"--min-score", "1.5"}, "--min-score must be in [0,1]"},
		{"score below 0", []string{"--min-score", "-0.1"}, "--min-score must be in [0,1]"},
		{"bad type", []string{"--types", "1-1,one-two"}, `bad link type "one-two"`},
		{"bad ratio", []string{"--min-ratio", "3", "--max-ratio", "2"}, "bad length ratio bounds"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", append([]string{"align", en, zh}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tc.msg)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line, no usage dump: %s", stderr)
		})
	}
}

func TestBadFlagIsOneLine(t *testing.T) {
	code, _, stderr := runCmd(t, "", "convert", "--nope", "x.tmx")
	assert.Equal(t, 2, code)
	assert.Equal(t, "zhenalign convert: usage: flag provided but not defined: -nope (run 'zhenalign convert -h' for help)\n", stderr)
	code, _, stderr = runCmd(t, "", "convert", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "usage: zhenalign convert")
	assert.Contains(t, stderr, "-min-score", "-h lists the flags")
}

func TestTypesTolerateSpaces(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "en.txt", "One sentence.\nTwo sentences.\n")
	zh := writeFile(t, dir, "zh.txt", "一句话。\n两句话。\n")
	code, stdout, stderr := runCmd(t, "", "align", "--presplit", en, zh, "-f", "ladder", "--types", " 1-1 , 2-1")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "[0]:[0]:", stdout[:8])
}

func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	en := writeFile(t, dir, "en.txt", "One sentence.\nTwo sentences.\n")
	zh := writeFile(t, dir, "zh.txt", "一句话。\n两句话。\n")

	// An existing output keeps its permissions.
	out := writeFile(t, dir, "out.jsonl", "old\n")
	require.NoError(t, os.Chmod(out, 0o600))
	code, _, stderr := runCmd(t, "", "align", "--presplit", en, zh, "-o", out)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 2, strings.Count(string(b), "\n"))

	// Moses writes both files; a new file is readable by all.
	prefix := filepath.Join(dir, "corpus")
	code, _, stderr = runCmd(t, "", "align", "--presplit", en, zh, "-f", "moses", "-o", prefix)
	require.Equal(t, 0, code, stderr)
	for ext, want := range map[string]string{".en": "One sentence.\nTwo sentences.\n", ".zh": "一句话。\n两句话。\n"} {
		b, err := os.ReadFile(prefix + ext)
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
		fi, err := os.Stat(prefix + ext)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	}

	noTemps(t, dir)
}

// noTemps asserts that no temporary output file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), "."), "temporary file left: %s", e.Name())
	}
}

func TestWriteFiles(t *testing.T) {
	e := &env{}
	dir := t.TempDir()
	old := writeFile(t, dir, "a.txt", "old a\n")
	b := filepath.Join(dir, "b.txt")
	hello := func(ws []io.Writer) error {
		for _, w := range ws {
			if _, err := io.WriteString(w, "new\n"); err != nil {
				return err
			}
		}
		return nil
	}

	// A failed write replaces nothing, creates nothing, leaves no
	// temporary file.
	err := e.writeFiles([]string{old, b}, func(ws []io.Writer) error {
		io.WriteString(ws[0], "half")
		return errors.New("boom")
	})
	require.EqualError(t, err, "boom")
	got, err := os.ReadFile(old)
	require.NoError(t, err)
	assert.Equal(t, "old a\n", string(got))
	assert.NoFileExists(t, b)
	noTemps(t, dir)

	// Success replaces both.
	require.NoError(t, e.writeFiles([]string{old, b}, hello))
	for _, name := range []string{old, b} {
		got, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.Equal(t, "new\n", string(got))
	}
	noTemps(t, dir)

	// A symbolic link is followed: the file it points to is replaced.
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.Symlink(old, link))
	require.NoError(t, e.writeFiles([]string{link}, func(ws []io.Writer) error {
		_, err := io.WriteString(ws[0], "via link\n")
		return err
	}))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link stays a link")
	got, err = os.ReadFile(old)
	require.NoError(t, err)
	assert.Equal(t, "via link\n", string(got))

	// A device is written directly, not replaced.
	require.NoError(t, e.writeFiles([]string{os.DevNull}, hello))
	fi, err = os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.False(t, fi.Mode().IsRegular())
}
