package align_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/segment"
)

// TestWorkers checks that the result does not depend on the number of
// workers, to the last bit of every score: on the seed pages repeated
// (paragraphs, then sentences inside each paragraph link, coarse-to-fine)
// and on their sentences given as two lists (one search over all of them).
func TestWorkers(t *testing.T) {
	text := strings.Repeat(align.SeedPages(t)+"\n\n", 2)

	one, err := align.New(align.WithWorkers(1), align.WithMaxCells(5000)).AlignTexts(text)
	require.NoError(t, err)
	var zhText, enText []string
	for p := range one.Pairs(align.Sentences) {
		if p.ZH != "" {
			zhText = append(zhText, p.ZH)
		}
		if p.EN != "" {
			enText = append(enText, p.EN)
		}
	}
	zh := sentences(t, zhText)
	en := sentences(t, enText)
	require.Greater(t, len(zh), 200)
	links, err := align.New(align.WithWorkers(1)).Align(zh, en)
	require.NoError(t, err)

	for _, n := range []int{2, 3} {
		res, err := align.New(align.WithWorkers(n), align.WithMaxCells(5000)).AlignTexts(text)
		require.NoError(t, err)
		assert.Equal(t, one.Paragraphs, res.Paragraphs, "%d workers", n)
		assert.Equal(t, one.Sentences, res.Sentences, "%d workers", n)
		got, err := align.New(align.WithWorkers(n)).Align(zh, en)
		require.NoError(t, err)
		assert.Equal(t, links, got, "%d workers, sentence lists", n)
	}
}

// sentences returns lines as presplit sentences.
func sentences(t *testing.T, lines []string) []segment.Sentence {
	doc, err := segment.Parse([]byte(strings.Join(lines, "\n")), segment.Presplit())
	require.NoError(t, err)
	return doc.Sentences
}
