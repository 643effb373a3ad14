package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClauseCuts(t *testing.T) {
	for _, tc := range []struct {
		desc, text string
		want       []int32
	}{
		{"no clause", "He said nothing.", nil},
		{"comma", "Yes, he did.", []int32{4}},
		{"number", "It cost $1,700 in all.", nil},
		{"question inside quotes", "'Well?' he asked, smiling.", []int32{7, 15}},
		{"chinese", "那男孩哈哈大笑，说道：“服了么？”", []int32{8, 11}},
		{"mark at the end", "财政司致辞的译文：", nil},
		{"dash", "It was a feint—Misty stepped aside.", []int32{12}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, clauseCuts(tc.text))
		})
	}
}

func TestClauseScore(t *testing.T) {
	// One Chinese sentence with a clause boundary in its middle, two
	// English sentences of equal length: the split that falls on the
	// clause boundary scores better than one that does not.
	m := &model{p: defaultParams()}
	m.setClauses()
	m.units[sideZH] = []unit{{chars: 20, cuts: []int32{10}}, {chars: 20}}
	m.units[sideEN] = []unit{{chars: 30}, {chars: 30}}
	onCut := m.clauseScore(0, 1, 0, 2, 20, 60)
	m.units[sideZH][0].cuts = []int32{3}
	offCut := m.clauseScore(0, 1, 0, 2, 20, 60)
	assert.Greater(t, onCut, offCut)
	assert.GreaterOrEqual(t, offCut, -m.p.clauseW*m.p.clauseCap)
	// A bead with one unit on each side has no inner boundary.
	assert.Zero(t, m.clauseScore(0, 1, 0, 1, 20, 30))
}
