package zhenalign_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLicence checks that the module carries its licence (Apache-2.0) and
// a NOTICE naming every embedded data set with its licence file, and every
// module the command is built from.
func TestLicence(t *testing.T) {
	lic, err := os.ReadFile("LICENSE")
	require.NoError(t, err, "a module without a LICENSE may not be imported")
	assert.Contains(t, string(lic), "Apache License\n                           Version 2.0, January 2004")
	assert.Contains(t, string(lic), "END OF TERMS AND CONDITIONS")

	notice, err := os.ReadFile("NOTICE")
	require.NoError(t, err)
	for _, want := range []string{"CC BY-SA 4.0", "CC-CEDICT", "OpenCC", "Apache License 2.0", "go-pinyin", "MIT"} {
		assert.Contains(t, string(notice), want)
	}
	// Every licence file beside embedded data is named in NOTICE.
	files, err := filepath.Glob("internal/*/LICENSE*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.Contains(t, string(notice), filepath.ToSlash(f))
	}
	// Every module required by go.mod is named in NOTICE, but the test-only
	// ones.
	mod, err := os.ReadFile("go.mod")
	require.NoError(t, err)
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || !strings.Contains(f[0], ".") || strings.Contains(f[0], "testify") || strings.Contains(f[0], "yaml") {
			continue
		}
		assert.Contains(t, string(notice), f[0], "go.mod requires it")
	}
}
