package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkersRows checks that scoring each search row's beads in shares
// (every row, however few beads it has) gives the result of one worker,
// to the last bit.
func TestWorkersRows(t *testing.T) {
	text := SeedPages(t)
	one, err := New(WithWorkers(1), WithMaxCells(2000)).AlignTexts(text)
	require.NoError(t, err)
	for _, n := range []int{2, 3} {
		al := New(WithWorkers(n), WithMaxCells(2000))
		al.opts.minParallel = 1
		got, err := al.AlignTexts(text)
		require.NoError(t, err)
		assert.Equal(t, one.Paragraphs, got.Paragraphs, "%d workers", n)
		assert.Equal(t, one.Sentences, got.Sentences, "%d workers", n)
	}
}
