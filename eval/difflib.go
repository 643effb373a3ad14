package eval

// seqMatcher computes Python's
// difflib.SequenceMatcher(None, a, b, autojunk=False) for a fixed b and
// varying a, comparing code points. Without a junk function and without
// autojunk, no element of b is junk or popular, so the matching blocks are
// found by repeatedly taking the longest common substring (the first one in
// a, then in b, among equals) and recursing on both sides of it.
//
// A seqMatcher keeps scratch space and is not safe for concurrent use.
type seqMatcher struct {
	b   []rune
	b2j map[rune][]int
	// lens and stamps hold two rows of find_longest_match's j2len: the
	// entry for j in row r is lens[r&1][j] when stamps[r&1][j] == r.
	lens   [2][]int
	stamps [2][]int
	row    int
	stack  [][4]int
}

func newSeqMatcher(b []rune) *seqMatcher {
	m := &seqMatcher{b: b, b2j: make(map[rune][]int)}
	for j, r := range b {
		m.b2j[r] = append(m.b2j[r], j)
	}
	for k := range m.lens {
		m.lens[k] = make([]int, len(b))
		m.stamps[k] = make([]int, len(b))
	}
	return m
}

// longest is find_longest_match(alo, ahi, blo, bhi).
func (m *seqMatcher) longest(a []rune, alo, ahi, blo, bhi int) (besti, bestj, bestsize int) {
	besti, bestj = alo, blo
	m.row += 2 // rows of earlier calls are stale
	for i := alo; i < ahi; i++ {
		m.row++
		cur, prev := m.row&1, (m.row-1)&1
		for _, j := range m.b2j[a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := 1
			if j > 0 && m.stamps[prev][j-1] == m.row-1 {
				k = m.lens[prev][j-1] + 1
			}
			m.lens[cur][j], m.stamps[cur][j] = k, m.row
			if k > bestsize {
				besti, bestj, bestsize = i-k+1, j-k+1, k
			}
		}
	}
	return besti, bestj, bestsize
}

// matches returns the total size of get_matching_blocks().
func (m *seqMatcher) matches(a []rune) int {
	total := 0
	m.stack = append(m.stack[:0], [4]int{0, len(a), 0, len(m.b)})
	for len(m.stack) > 0 {
		q := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		alo, ahi, blo, bhi := q[0], q[1], q[2], q[3]
		i, j, k := m.longest(a, alo, ahi, blo, bhi)
		if k == 0 {
			continue
		}
		total += k
		if alo < i && blo < j {
			m.stack = append(m.stack, [4]int{alo, i, blo, j})
		}
		if i+k < ahi && j+k < bhi {
			m.stack = append(m.stack, [4]int{i + k, ahi, j + k, bhi})
		}
	}
	return total
}

// ratio is SequenceMatcher.ratio(): 2*M/T, where M counts matched
// elements and T is len(a)+len(b); 1 when both are empty.
func (m *seqMatcher) ratio(a []rune) float64 {
	return pyRatio(m.matches(a), len(a)+len(m.b))
}

// pyRatio is difflib's _calculate_ratio, with the same float operations.
func pyRatio(matches, length int) float64 {
	if length == 0 {
		return 1.0
	}
	return 2.0 * float64(matches) / float64(length)
}

// ratio returns difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
// for two strings compared as code points.
func ratio(a, b string) float64 {
	return newSeqMatcher([]rune(b)).ratio([]rune(a))
}
