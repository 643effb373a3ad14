package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "train")
	var log bytes.Buffer
	n, err := run("../../testdata/seeds", prefix, 0.8, &log)
	require.NoError(t, err)
	en, err := os.ReadFile(prefix + ".en")
	require.NoError(t, err)
	zh, err := os.ReadFile(prefix + ".zh")
	require.NoError(t, err)
	assert.Equal(t, n, strings.Count(string(en), "\n"))
	assert.Equal(t, n, strings.Count(string(zh), "\n"))
	assert.Greater(t, n, 50)
	assert.NotContains(t, string(zh), "論壇", "Chinese is converted to simplified")
	assert.Contains(t, string(zh), "论坛")
}
