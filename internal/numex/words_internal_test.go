package numex

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClassify checks that every word of wordClasses is found through the
// hash table in any case, and that other words, prefixes and extensions of
// known words are not.
func TestClassify(t *testing.T) {
	for w, want := range wordClasses {
		assert.Equal(t, want, classify(w), w)
		assert.Equal(t, want, classify(strings.ToUpper(w)), w)
		assert.Equal(t, want, classify(strings.ToUpper(w[:1])+w[1:]), w)
		if _, ok := wordClasses[w+"x"]; !ok {
			assert.Equal(t, wclass{}, classify(w+"x"), w+"x")
		}
		if _, ok := wordClasses[w[1:]]; !ok {
			assert.Equal(t, wclass{}, classify(w[1:]), w[1:])
		}
	}
	for _, w := range []string{"", "x", "zebra", "approximatelyy", "onehundred", "Wednesdays"} {
		assert.Equal(t, wclass{}, classify(w), w)
	}
}
