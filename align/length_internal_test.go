package align

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLengthTables checks the tabulated length score against the formula.
func TestLengthTables(t *testing.T) {
	opts := defaultOptions()
	zh := []rawUnit{{chars: 10}, {chars: 40}, {chars: 3}}
	en := []rawUnit{{chars: 35}, {chars: 120}, {chars: 7}, {chars: 0}}
	m := newModel(newKeyTable(), zh, en, defaultParams(), &opts)
	for _, r := range []float64{defaultRatio, 2.4, 4.2} {
		m.setRatio(r)
		for z := 0; z <= 60; z++ {
			for e := 0; e <= 170; e += 3 {
				want := m.lengthScoreSlow(z, e)
				assert.InDelta(t, want, m.lengthScore(z, e), 0.005+0.001*math.Abs(want), "zh %d en %d ratio %.1f", z, e, r)
			}
		}
		// Beyond the tables.
		assert.Equal(t, m.lengthScoreSlow(1000, 3000), m.lengthScore(1000, 3000))
	}
}
