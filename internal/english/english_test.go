package english_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/zhenalign/zhenalign/internal/english"
)

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"use", "uses", "used", "using"},
		{"promote", "promoted", "promoting", "promotes"},
		{"study", "studies", "studied"},
		{"stop", "stopped", "stopping", "stops"},
		{"run", "running", "ran"},
		{"say", "said", "says"},
		{"box", "boxes"},
		{"city", "cities"},
		{"make", "made", "making"},
	} {
		want := english.Stem(group[0])
		for _, w := range group[1:] {
			assert.Equal(t, want, english.Stem(w), "%s and %s", group[0], w)
		}
	}
	for _, tc := range [][2]string{{"thing", "thing"}, {"morning", "morning"}, {"is", "is"}, {"bus", "bus"}, {"class", "class"}, {"café", "café"}} {
		assert.Equal(t, tc[1], english.Stem(tc[0]))
	}
}

func TestStopWordAndLower(t *testing.T) {
	for _, w := range []string{"the", "of", "sth", "oneself"} {
		assert.True(t, english.IsStopWord(w), w)
	}
	for _, w := range []string{"forum", "The", ""} {
		assert.False(t, english.IsStopWord(w), w)
	}
	assert.True(t, english.IsLowerASCII("forum"))
	assert.True(t, english.IsLowerASCII(""))
	assert.False(t, english.IsLowerASCII("u.s"))
	assert.False(t, english.IsLowerASCII("Forum"))
	assert.False(t, english.IsLowerASCII("café"))
}
