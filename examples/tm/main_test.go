package main

import (
	"bytes"
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
