package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// linkTypesFit reports whether every link type (not an omission) of types
// has a bit of a beadCache mask.
func linkTypesFit(types []beadType) bool {
	for k, t := range types {
		if t.a != 0 && t.b != 0 && k >= 32 {
			return false
		}
	}
	return true
}

// TestLinkTypesFitMask checks that the link types of every pass fit the
// 32 bits of a beadCache mask.
func TestLinkTypesFitMask(t *testing.T) {
	assert.True(t, linkTypesFit(defaultTypes(defaultParams())), "sentence link types")
	assert.True(t, linkTypesFit(paragraphTypes()), "paragraph link types")
}
