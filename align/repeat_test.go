package align_test

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
)

// TestRepeatedText aligns the seed pages joined, then the same text
// repeated k times, with a search budget small enough that the paragraph
// pass goes coarse-to-fine: every copy must keep its pairs (boilerplate
// repeated on every page of a site dump looks like this).
func TestRepeatedText(t *testing.T) {
	one := align.SeedPages(t)
	// 20 copies hold some 2,200 English and 1,740 Chinese paragraphs: 3.8
	// million cells, far over the budget of 20,000 (140 blocks a side).
	// REPEAT_K and REPEAT_CELLS change the two for experiments.
	cells := 20000
	if v := os.Getenv("REPEAT_CELLS"); v != "" {
		cells, _ = strconv.Atoi(v)
	}
	al := align.New(align.WithMaxCells(cells), align.WithoutLearning())
	pairs := func(text string) int {
		res, err := al.AlignTexts(text)
		require.NoError(t, err)
		n := 0
		for p := range res.Pairs(align.Sentences) {
			if p.EN != "" && p.ZH != "" {
				n++
			}
		}
		return n
	}
	base := pairs(one)
	require.Greater(t, base, 100)
	k := 20
	if v := os.Getenv("REPEAT_K"); v != "" {
		k, _ = strconv.Atoi(v)
	}
	got := pairs(strings.Repeat(one+"\n\n", k))
	assert.GreaterOrEqual(t, float64(got), 0.9*float64(k*base), "pairs of %d copies, against %d for one", got, base)

}

var long = flag.Bool("long", false, "run the long tests (minutes): go test ./align -run Long -long")

// TestLongRepeatedText is TestRepeatedText at the size of the issue that
// found the coarse pass losing its way, with the default search budget:
// the seed pages repeated 100 times (8 MB, 22,000 paragraphs), and
// repeated as one line of 10 MB (a page without line breaks: its English
// and Chinese runs, some 8,000, are the paragraphs). Every copy keeps its
// pairs.
func TestLongRepeatedText(t *testing.T) {
	if !*long {
		t.Skip("a long test: go test ./align -run Long -long")
	}
	one := align.SeedPages(t)
	line := strings.Join(strings.Fields(one), " ")
	al := align.New()
	pairs := func(text string) int {
		res, err := al.AlignTexts(text)
		require.NoError(t, err)
		n := 0
		for p := range res.Pairs(align.Sentences) {
			if p.EN != "" && p.ZH != "" {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		name string
		unit string
		k    int
	}{{"lines", one + "\n\n", 100}, {"one line", line + " ", 10000000 / len(line)}} {
		t.Run(tc.name, func(t *testing.T) {
			base := pairs(tc.unit)
			got := pairs(strings.Repeat(tc.unit, tc.k))
			assert.GreaterOrEqual(t, float64(got), 0.9*float64(tc.k*base), "pairs of %d copies: %d, against %d for one", tc.k, got, base)
		})
	}
}
