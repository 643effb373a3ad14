package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/beam/pipeline"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// runCmd runs the command with a flag set of its own.
func runCmd(args ...string) (int, string) {
	var stderr bytes.Buffer
	code := run(context.Background(), flag.NewFlagSet("zhenalign-beam", flag.ContinueOnError), args, &stderr)
	return code, stderr.String()
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--output", "x"}, "give the documents with --input"},
		{[]string{"--input", dir}, "give the prefix of the output files with --output"},
		{[]string{"--input", dir, "--output", "x", "--shards", "0"}, "--shards must be at least 1"},
		{[]string{"--input", dir, "--output", "out/"}, "--output: the output prefix out/ names a folder"},
		{[]string{"--input", dir, "--output", "x", "--format", "ladder"}, "-f ladder cannot be sharded"},
		{[]string{"--input", dir, "--output", "x", "--min-score", "3"}, "--min-score must be in [0,1]"},
		{[]string{"--input", dir, "--output", "x", "extra"}, `unexpected argument "extra"`},
		{[]string{"--nope"}, "flag provided but not defined: -nope"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			code, stderr := runCmd(tc.args...)
			assert.Equal(t, 2, code)
			assert.Contains(t, stderr, tc.msg)
		})
	}
	// On the command line of the program, with Beam's flags: no name is
	// declared twice (once per test binary: flags cannot be declared again).
	if flag.CommandLine.Lookup("input") == nil {
		var b bytes.Buffer
		assert.Equal(t, 2, run(context.Background(), flag.CommandLine, []string{"--output", "x"}, &b))
		assert.Contains(t, b.String(), "give the documents with --input")
		assert.NotNil(t, flag.CommandLine.Lookup("runner"), "Beam's flags are there too")
	}

	code, stderr := runCmd("-h")
	assert.Equal(t, 0, code)
	for _, f := range []string{"-input", "-output", "-format", "-shards", "-types", "-glossary", "-dedup"} {
		assert.Contains(t, stderr, f)
	}
}

// TestRun runs the command on Prism over a folder given as a glob, then
// as a manifest: the documents are aligned, the empty file reported, the
// exit status 1.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.en.txt": "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired it.\n",
		"a.zh.txt": "2022年11月15日，重庆举行论坛。\n王雯主持论坛。\n",
		"b.txt":    "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n",
		"c.txt":    "",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	manifest := filepath.Join(t.TempDir(), "docs.tsv")
	require.NoError(t, os.WriteFile(manifest, []byte("# the documents\n"+
		filepath.Join(dir, "a.en.txt")+"\t"+filepath.Join(dir, "a.zh.txt")+"\tforum\n"+
		filepath.Join(dir, "b.txt")+"\n"+filepath.Join(dir, "c.txt")+"\n"), 0o644))
	for _, tc := range []struct {
		desc, input string
		docs        []string
	}{
		{"glob", filepath.Join(dir, "*.txt"), []string{"a.txt", "b.txt"}},
		{"manifest", manifest, []string{"forum", "b.txt"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "corpus")
			code, stderr := runCmd("--input", tc.input, "--output", out, "--format", "tsv", "--shards", "2", "--date", "2024-01-02")
			assert.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, "found 3 documents (2 mixed, 1 pair)")
			assert.Contains(t, stderr, "aligned 2 documents, 1 failed; 3 units (1-1 3), 3 written")
			assert.Contains(t, stderr, "1 of 3 documents failed: see "+pipeline.FailuresFile(out))
			units := 0
			for i := range 2 {
				b, err := os.ReadFile(pipeline.ShardName(out, i, 2, ".tsv"))
				require.NoError(t, err)
				units += strings.Count(string(b), "\n")
			}
			assert.Equal(t, 3, units)
			b, err := os.ReadFile(pipeline.FailuresFile(out))
			require.NoError(t, err)
			assert.Contains(t, string(b), `"doc":"c.txt"`)
			b, err = os.ReadFile(pipeline.JobsFile(out))
			require.NoError(t, err)
			for _, d := range tc.docs {
				assert.Contains(t, string(b), `"Name":"`+d+`"`)
			}
		})
	}
}
