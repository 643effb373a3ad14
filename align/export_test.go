package align

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// SeedPages returns the seed pages of testdata/seeds joined with a blank
// line between them, for the tests of both this package and align_test.
func SeedPages(t *testing.T) string {
	t.Helper()
	seeds, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	require.NoError(t, err)
	var pages []string
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		require.NoError(t, err)
		pages = append(pages, strings.Trim(string(b), "\n"))
	}
	return strings.Join(pages, "\n\n")
}
