package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

func TestRun(t *testing.T) {
	var tmx, log bytes.Buffer
	require.NoError(t, run(&tmx, &log, "../../testdata/seeds", 0.5))
	r := corpus.NewTMXReader(&tmx, "memory.tmx")
	n := 0
	for r.Next() {
		u := r.Unit()
		assert.GreaterOrEqual(t, u.Score, 0.5)
		assert.NotEmpty(t, u.EN)
		assert.NotEmpty(t, u.ZH)
		n++
	}
	require.NoError(t, r.Err())
	assert.Greater(t, n, 100)
	assert.Contains(t, log.String(), "001_04ade73db5640df0.txt:")
}

func TestRunTo(t *testing.T) {
	var log bytes.Buffer
	out := filepath.Join(t.TempDir(), "memory.tmx")
	require.NoError(t, runTo(out, &log, "../../testdata/seeds", 0.5))
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(strings.TrimSpace(string(data)), "</tmx>"), "the file is complete")

	err = runTo(filepath.Join(t.TempDir(), "nope", "memory.tmx"), &log, "../../testdata/seeds", 0.5)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
