package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	out := buf.String()
	assert.Contains(t, out, "Nearly 50 business representatives attended it.\n      双方近50家企业代表出席论坛。")
	assert.Contains(t, out, "She said the two sides would deepen cooperation in trade and investment.\n      她表示，双方将深化经贸和投资合作。")
	assert.Equal(t, 4, strings.Count(out, "\n      "))
}
