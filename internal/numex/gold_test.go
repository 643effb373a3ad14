package numex_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/internal/numex"
)

// dataDir holds the shared parallel corpora (champollion/, bible/), each
// with zh/NAME, en/NAME and gold/NAME.align; set ZHENALIGN_DATA to point
// elsewhere. Tests on it are skipped when it is absent.
func dataDir() string {
	return devdata.Dir("")
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// parseIndices reads "[1,2,3]".
func parseIndices(t *testing.T, s string) []int {
	t.Helper()
	s = strings.Trim(strings.TrimSpace(s), "[]")
	if s == "" {
		return nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}

func join(lines []string, idx []int, sep string) string {
	parts := make([]string, 0, len(idx))
	for _, i := range idx {
		if i < len(lines) {
			parts = append(parts, lines[i])
		}
	}
	return strings.Join(parts, sep)
}

// TestGoldAnchors checks that numbers tell true sentence pairs from false
// ones on the gold alignments: over gold 1-1, 1-n and n-1 links whose sides
// carry numbers, the mean similarity must be high; over the same Chinese
// sides paired with the English of the link three places on, low.
func TestGoldAnchors(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the shared corpora")
	}
	golds, _ := filepath.Glob(filepath.Join(dataDir(), "*", "gold", "*.align"))
	if len(golds) == 0 {
		t.Skip("shared corpora absent")
	}
	for _, g := range golds {
		corpus := filepath.Dir(filepath.Dir(g))
		name := strings.TrimSuffix(filepath.Base(g), ".align")
		t.Run(filepath.Base(corpus)+"/"+name, func(t *testing.T) {
			zh := readLines(t, filepath.Join(corpus, "zh", name))
			en := readLines(t, filepath.Join(corpus, "en", name))
			type pair struct{ zh, en []numex.Number }
			var pairs []pair
			for _, line := range readLines(t, g) {
				sides := strings.SplitN(line, ":", 2)
				require.Len(t, sides, 2, "line %q", line)
				zi, ei := parseIndices(t, sides[0]), parseIndices(t, sides[1])
				if len(zi) == 0 || len(ei) == 0 {
					continue
				}
				pairs = append(pairs, pair{numex.Chinese(join(zh, zi, "")), numex.English(join(en, ei, " "))})
			}
			require.NotEmpty(t, pairs)
			var gold, shifted float64
			var nGold, nShifted int
			for i, p := range pairs {
				if m, total := numex.Match(p.en, p.zh); total > 0 {
					gold += m / total
					nGold++
				}
				q := pairs[(i+3)%len(pairs)]
				if m, total := numex.Match(q.en, p.zh); total > 0 {
					shifted += m / total
					nShifted++
				}
			}
			gold /= float64(max(nGold, 1))
			shifted /= float64(max(nShifted, 1))
			t.Logf("%d links, %d with numbers: mean similarity %.3f on gold, %.3f shifted", len(pairs), nGold, gold, shifted)
			// Literary text (mac-dev) has few numbers and many numerals in
			// names and idioms; the bounds are set for it.
			assert.Greater(t, gold, 0.4)
			assert.Less(t, shifted, 0.25)
			assert.Greater(t, gold-shifted, 0.3)
		})
	}
}
