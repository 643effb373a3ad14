package align

import (
	"math/bits"
	"slices"
)

// pairTable records, for the pairs of units (Chinese row r, English column
// c) inside a band, which items of each matched an item of the other. A
// bead's matches are the union of its pairs' matches, so each pair is
// compared once however many beads contain it.
type pairTable struct {
	r0, c0 int     // first row and column of the region
	lo, hi []int32 // row r-r0 covers columns [lo, hi)
	off    []int32 // index in idx of the first pair of each row
	idx    []uint32
	// Record k (k ≥ 1) has its Chinese bits at zh[zhOff[k]:] and its
	// English bits at en[enOff[k]:], words(len(items)) words each.
	zhOff, enOff []uint32
	zh, en       []uint64
	m            *model
}

func words(n int) int { return (n + 63) / 64 }

// postings lists, for each id, the English units of a region holding it.
type posting struct {
	col  int32
	item int32
}

// newPairTable compares the pairs of the region rows [r0,r1) × columns
// [c0,c1) whose column falls inside [lo[r-r0], hi[r-r0]).
func newPairTable(m *model, r0, r1, c0, c1 int, lo, hi []int32) *pairTable {
	t := &pairTable{r0: r0, c0: c0, lo: lo, hi: hi, m: m, zhOff: []uint32{0}, enOff: []uint32{0}}
	t.off = make([]int32, r1-r0+1)
	for r := range r1 - r0 {
		t.off[r+1] = t.off[r] + max(0, hi[r]-lo[r])
	}
	t.idx = make([]uint32, t.off[r1-r0])
	post := map[uint32][]posting{}
	en := m.units[sideEN]
	for c := c0; c < c1; c++ {
		for k, it := range en[c].items {
			for _, id := range it.ids {
				post[id] = append(post[id], posting{int32(c), int32(k)})
			}
		}
	}
	zh := m.units[sideZH]
	for r := r0; r < r1; r++ {
		a, b := lo[r-r0], hi[r-r0]
		if a >= b {
			continue
		}
		for k, it := range zh[r].items {
			for _, id := range it.ids {
				ps := post[id]
				i, _ := slices.BinarySearchFunc(ps, a, func(p posting, c int32) int { return int(p.col - c) })
				for ; i < len(ps) && ps[i].col < b; i++ {
					rec := t.record(r, int(ps[i].col))
					t.zh[int(t.zhOff[rec])+k/64] |= 1 << (k % 64)
					t.en[int(t.enOff[rec])+int(ps[i].item)/64] |= 1 << (ps[i].item % 64)
				}
			}
		}
	}
	return t
}

// record returns the record of pair (r, c), creating it.
func (t *pairTable) record(r, c int) uint32 {
	p := t.off[r-t.r0] + int32(c) - t.lo[r-t.r0]
	if k := t.idx[p]; k != 0 {
		return k
	}
	k := uint32(len(t.zhOff))
	t.zhOff = append(t.zhOff, uint32(len(t.zh)))
	t.enOff = append(t.enOff, uint32(len(t.en)))
	t.zh = append(t.zh, make([]uint64, words(len(t.m.units[sideZH][r].items)))...)
	t.en = append(t.en, make([]uint64, words(len(t.m.units[sideEN][c].items)))...)
	t.idx[p] = k
	return k
}

// lookup returns the record of pair (r, c), or 0 when the pair matched
// nothing or lies outside the band.
func (t *pairTable) lookup(r, c int) uint32 {
	ri := r - t.r0
	if ri < 0 || ri >= len(t.lo) || int32(c) < t.lo[ri] || int32(c) >= t.hi[ri] {
		return 0
	}
	return t.idx[t.off[ri]+int32(c)-t.lo[ri]]
}

// beadItems returns the item evidence of the bead rows [i0,i1) × columns
// [j0,j1): penalties of all items plus the gains of the matched ones.
func (t *pairTable) beadItems(i0, i1, j0, j1 int) float64 {
	a, b := i1-i0, j1-j0
	zh, en := t.m.units[sideZH], t.m.units[sideEN]
	var s float64
	var acc [4]uint64
	for r := i0; r < i1; r++ {
		u := &zh[r]
		s += float64(u.pen[b-1])
		n := words(len(u.items))
		if n == 0 {
			continue
		}
		buf := acc[:0]
		if n <= len(acc) {
			buf = acc[:n]
			clear(buf)
		} else {
			buf = make([]uint64, n)
		}
		any := false
		for c := j0; c < j1; c++ {
			if k := t.lookup(r, c); k != 0 {
				any = true
				for w := range n {
					buf[w] |= t.zh[int(t.zhOff[k])+w]
				}
			}
		}
		if any {
			s += sumGains(u.items, buf, b)
		}
	}
	for c := j0; c < j1; c++ {
		u := &en[c]
		s += float64(u.pen[a-1])
		n := words(len(u.items))
		if n == 0 {
			continue
		}
		buf := acc[:0]
		if n <= len(acc) {
			buf = acc[:n]
			clear(buf)
		} else {
			buf = make([]uint64, n)
		}
		any := false
		for r := i0; r < i1; r++ {
			if k := t.lookup(r, c); k != 0 {
				any = true
				for w := range n {
					buf[w] |= t.en[int(t.enOff[k])+w]
				}
			}
		}
		if any {
			s += sumGains(u.items, buf, a)
		}
	}
	return s
}

// sumGains adds the gains of the items whose bits are set in mask.
func sumGains(items []item, mask []uint64, b int) float64 {
	var s float64
	for w, m := range mask {
		for m != 0 {
			k := bits.TrailingZeros64(m)
			s += float64(items[w*64+k].gain[b-1])
			m &= m - 1
		}
	}
	return s
}
