package align

import (
	"math"
	"math/bits"
	"slices"
)

// Most items a unit keeps (see model.capItems): sentences and the blocks of
// the coarse pass keep 64, so that one 64-bit word holds which of them a pair
// matched; paragraphs keep up to 512.
const (
	maxItems     = 64
	maxParaItems = 512
)

// pairTable records, for the pairs of units (Chinese row r, English column
// c) inside a band, which items of each matched an item of the other. A
// bead's matches are the union of its pairs' matches, so each pair is
// compared once however many beads contain it.
type pairTable struct {
	r0     int     // first row of the region
	lo, hi []int32 // row r-r0 covers columns [lo, hi)
	off    []int32 // index of the first pair of each row
	// masks holds, for pair p, which items of its Chinese unit its English
	// unit matched (masks[2wp:2wp+w]) and the reverse (the next w words),
	// one bit per item.
	masks []uint64
	w     int
	m     *model
}

// memo holds the evidence of units in beads for the rows near the
// search's current row (see pairTable.beadItems).
type memo [memoRows]unitMemo

// posting lists, for an id, an English unit of a region holding it.
type posting struct {
	col  int32
	item int32
}

// newPairTable compares the pairs of the region rows [r0,r1) × columns
// [c0,c1) whose column falls inside [lo[r-r0], hi[r-r0]): an inverted index
// from ids to the English units holding them finds the pairs that share
// items, so pairs sharing nothing cost nothing but their mask.
func newPairTable(m *model, r0, r1, c0, c1 int, lo, hi []int32) *pairTable {
	t := &pairTable{r0: r0, lo: lo, hi: hi, m: m, w: 1}
	for r := r0; r < r1; r++ {
		t.w = max(t.w, words(len(m.units[sideZH][r].items)))
	}
	for c := c0; c < c1; c++ {
		t.w = max(t.w, words(len(m.units[sideEN][c].items)))
	}
	t.off = make([]int32, r1-r0+1)
	for r := range r1 - r0 {
		t.off[r+1] = t.off[r] + max(0, hi[r]-lo[r])
	}
	t.masks = make([]uint64, int(t.off[r1-r0])*2*t.w)
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
	w := t.w
	for r := r0; r < r1; r++ {
		a, b := lo[r-r0], hi[r-r0]
		if a >= b {
			continue
		}
		row := t.masks[int(t.off[r-r0])*2*w : int(t.off[r-r0+1])*2*w]
		for k, it := range zh[r].items {
			for _, id := range it.ids {
				ps := post[id]
				i, _ := slices.BinarySearchFunc(ps, a, func(p posting, c int32) int { return int(p.col - c) })
				for ; i < len(ps) && ps[i].col < b; i++ {
					pm := row[int(ps[i].col-a)*2*w:]
					pm[k/64] |= 1 << (k % 64)
					pm[w+int(ps[i].item)/64] |= 1 << (ps[i].item % 64)
				}
			}
		}
	}
	return t
}

func words(n int) int { return (n + 63) / 64 }

// lookup returns the masks of pair (r, c), Chinese side then English side,
// or nil outside the band.
func (t *pairTable) lookup(r, c int) []uint64 {
	ri := r - t.r0
	if ri < 0 || ri >= len(t.lo) || int32(c) < t.lo[ri] || int32(c) >= t.hi[ri] {
		return nil
	}
	p := int(t.off[ri] + int32(c) - t.lo[ri])
	return t.masks[p*2*t.w : (p+1)*2*t.w]
}

// beadItems returns the item evidence of the bead rows [i0,i1) × columns
// [j0,j1), whose sides hold zhChars and enChars characters: penalties of
// all items plus the gains of the matched ones. The evidence of a unit
// depends only on the unit and the span of units on the other side of the
// bead, so it is computed once per unit and span (see unitMemo) and shared
// by every bead type and cell that joins them. mm may be nil.
func (t *pairTable) beadItems(mm *memo, i0, i1, j0, j1, zhChars, enChars int) float64 {
	var s float64
	a, b := i1-i0, j1-j0
	for r := i0; r < i1; r++ {
		v, slot := t.memoSlot(mm, r, j1-1, b-1)
		if v != v { // NaN: not computed yet
			v = float32(t.rowItems(r, j0, j1, enChars))
			if slot != nil {
				*slot = v
			}
		}
		s += float64(v)
	}
	for c := j0; c < j1; c++ {
		v, slot := t.memoSlot(mm, i1-1, c, maxSide+a-1)
		if v != v {
			v = float32(t.colItems(c, i0, i1, zhChars))
			if slot != nil {
				*slot = v
			}
		}
		s += float64(v)
	}
	return s
}

// rowItems returns the item evidence of Chinese unit r in a bead whose
// English side is columns [j0,j1), of enChars characters.
func (t *pairTable) rowItems(r, j0, j1, enChars int) float64 {
	w := t.w
	var fixed [maxParaItems / 64]uint64
	zm := fixed[:w]
	for c := j0; c < j1; c++ {
		if pm := t.lookup(r, c); pm != nil {
			for k := range w {
				zm[k] |= pm[k]
			}
		}
	}
	u := &t.m.units[sideZH][r]
	lr := t.m.lnLen(sideEN, enChars) - t.m.lnMean[sideEN]
	return float64(u.pen) + sumGains(u.items, zm, lr)
}

// colItems returns the item evidence of English unit c in a bead whose
// Chinese side is rows [i0,i1), of zhChars characters.
func (t *pairTable) colItems(c, i0, i1, zhChars int) float64 {
	w := t.w
	var fixed [maxParaItems / 64]uint64
	em := fixed[:w]
	for r := i0; r < i1; r++ {
		if pm := t.lookup(r, c); pm != nil {
			for k := range w {
				em[k] |= pm[w+k]
			}
		}
	}
	u := &t.m.units[sideEN][c]
	lr := t.m.lnLen(sideZH, zhChars) - t.m.lnMean[sideZH]
	return float64(u.pen) + sumGains(u.items, em, lr)
}

// unitMemo holds the evidence of units in beads, for the pairs of one row
// of the pair table: by pair (r, c) and span length, the evidence of
// Chinese unit r in beads whose English side ends at column c, then of
// English unit c in beads whose Chinese side ends at row r. NaN marks what
// is not computed yet.
type unitMemo struct {
	r    int
	vals []float32
}

// memoRows is the number of pair-table rows whose memo is kept: the
// passes of the search sweep the rows in order, and a bead spans at most
// maxSide rows.
const memoRows = maxSide + 2

// memoSlot returns the evidence stored for pair (r, c) at slot k (0 ≤ k <
// 2·maxSide) in memo mm, NaN when it is not computed yet, and where to
// store it; nil for pairs outside the table or without a memo, which are
// computed every time.
func (t *pairTable) memoSlot(mm *memo, r, c, k int) (float32, *float32) {
	ri := r - t.r0
	if mm == nil || ri < 0 || ri >= len(t.lo) || int32(c) < t.lo[ri] || int32(c) >= t.hi[ri] {
		return float32(math.NaN()), nil
	}
	um := &mm[r%memoRows]
	if um.r != r || um.vals == nil {
		n := int(t.hi[ri]-t.lo[ri]) * 2 * maxSide
		if cap(um.vals) < n {
			um.vals = make([]float32, n)
		}
		um.vals = um.vals[:n]
		nan := float32(math.NaN())
		for i := range um.vals {
			um.vals[i] = nan
		}
		um.r = r
	}
	p := &um.vals[int(int32(c)-t.lo[ri])*2*maxSide+k]
	return *p, p
}

// sumGains adds the gains of the items whose bits are set in mask, when
// the other side of the bead is exp(lr) times the average length.
func sumGains(items []item, mask []uint64, lr float64) float64 {
	var s float64
	for w, m := range mask {
		for m != 0 {
			k := bits.TrailingZeros64(m)
			it := &items[w*64+k]
			if g := float64(it.g) - lr; g > 0 {
				s += float64(it.sc) * g
			}
			s += float64(it.pn)
			m &= m - 1
		}
	}
	return s
}
