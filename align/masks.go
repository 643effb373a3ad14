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
// c) near the search's current row, which items of each matched an item of
// the other. A bead's matches are the union of its pairs' matches, so each
// pair is compared once however many beads contain it.
//
// The search builds the rows as it goes (see build), for the columns that
// beads starting at cells alive in its beam can reach, and the table keeps
// the last pairRows of them: memory does not grow with the document.
type pairTable struct {
	r0, r1 int // the rows of the region
	c0, c1 int // its columns
	w      int // words of a mask
	m      *model
	// post lists the English units of the region holding each id, in
	// column order.
	post map[uint32][]posting
	rows [pairRows]pairRow
}

// pairRow holds the pairs of row r, columns [lo,hi): masks[2wk:2wk+w] says
// which items of the Chinese unit the English unit lo+k matched, the next w
// words the reverse, one bit per item.
type pairRow struct {
	r      int
	lo, hi int32
	masks  []uint64
}

// pairRows is the number of rows a pair table keeps: a bead spans at most
// maxSide rows, and the passes sweep the rows in order.
const pairRows = maxSide + 2

// memo holds the evidence of units in beads for the rows near the
// search's current row (see pairTable.beadItems).
type memo [memoRows]unitMemo

// posting lists, for an id, an English unit of a region holding it.
type posting struct {
	col  int32
	item int32
}

// newPairTable returns the pair table of the region rows [r0,r1) × columns
// [c0,c1), with no row built yet: an inverted index from ids to the English
// units holding them, so that pairs sharing nothing cost nothing but their
// mask.
func newPairTable(m *model, r0, r1, c0, c1 int) *pairTable {
	t := &pairTable{r0: r0, r1: r1, c0: c0, c1: c1, m: m, w: 1, post: map[uint32][]posting{}}
	for r := r0; r < r1; r++ {
		t.w = max(t.w, words(len(m.units[sideZH][r].items)))
	}
	for c := c0; c < c1; c++ {
		t.w = max(t.w, words(len(m.units[sideEN][c].items)))
	}
	en := m.units[sideEN]
	for c := c0; c < c1; c++ {
		for k, it := range en[c].items {
			for _, id := range it.ids {
				t.post[id] = append(t.post[id], posting{int32(c), int32(k)})
			}
		}
	}
	t.reset()
	return t
}

// reset forgets the rows built.
func (t *pairTable) reset() {
	for i := range t.rows {
		t.rows[i].r = -1
	}
}

// has reports whether row r is built.
func (t *pairTable) has(r int) bool { return t.rows[r%pairRows].r == r }

// build compares the pairs of row r (absolute) for the columns [lo,hi)
// (absolute, clamped to the region's), unless the row is built already.
func (t *pairTable) build(r int, lo, hi int32) {
	if r < t.r0 || r >= t.r1 || t.has(r) {
		return
	}
	pr := &t.rows[r%pairRows]
	lo, hi = max(lo, int32(t.c0)), min(hi, int32(t.c1))
	hi = max(hi, lo)
	w := t.w
	n := int(hi-lo) * 2 * w
	if cap(pr.masks) < n {
		pr.masks = make([]uint64, n)
	}
	pr.masks = pr.masks[:n]
	clear(pr.masks)
	pr.r, pr.lo, pr.hi = r, lo, hi
	if lo == hi {
		return
	}
	for k, it := range t.m.units[sideZH][r].items {
		for _, id := range it.ids {
			ps := t.post[id]
			i, _ := slices.BinarySearchFunc(ps, lo, func(p posting, c int32) int { return int(p.col - c) })
			for ; i < len(ps) && ps[i].col < hi; i++ {
				pm := pr.masks[int(ps[i].col-lo)*2*w:]
				pm[k/64] |= 1 << (k % 64)
				pm[w+int(ps[i].item)/64] |= 1 << (ps[i].item % 64)
			}
		}
	}
}

func words(n int) int { return (n + 63) / 64 }

// lookup returns the masks of pair (r, c), Chinese side then English side,
// or nil when the pair is not in a built row.
func (t *pairTable) lookup(r, c int) []uint64 {
	pr := &t.rows[r%pairRows]
	if pr.r != r || int32(c) < pr.lo || int32(c) >= pr.hi {
		return nil
	}
	p := int(int32(c) - pr.lo)
	return pr.masks[p*2*t.w : (p+1)*2*t.w]
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
	return float64(u.pen) + sumGains(u.items, zm, lr, &t.m.scale[sideZH])
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
	return float64(u.pen) + sumGains(u.items, em, lr, &t.m.scale[sideEN])
}

// unitMemo holds the evidence of units in beads, for the pairs of one row
// of the pair table: by pair (r, c) and span length, the evidence of
// Chinese unit r in beads whose English side ends at column c, then of
// English unit c in beads whose Chinese side ends at row r. NaN marks what
// is not computed yet.
type unitMemo struct {
	r      int
	lo, hi int32 // the columns of the pair row the memo was made for
	vals   []float32
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
	pr := &t.rows[r%pairRows]
	if mm == nil || pr.r != r || int32(c) < pr.lo || int32(c) >= pr.hi {
		return float32(math.NaN()), nil
	}
	um := &mm[r%memoRows]
	if um.r != r || um.vals == nil || um.lo != pr.lo || um.hi != pr.hi {
		n := int(pr.hi-pr.lo) * 2 * maxSide
		if cap(um.vals) < n {
			um.vals = make([]float32, n)
		}
		um.vals = um.vals[:n]
		nan := float32(math.NaN())
		for i := range um.vals {
			um.vals[i] = nan
		}
		um.r, um.lo, um.hi = r, pr.lo, pr.hi
	}
	p := &um.vals[int(int32(c)-pr.lo)*2*maxSide+k]
	return *p, p
}

// sumGains adds the gains of the items whose bits are set in mask, when
// the other side of the bead is exp(lr) times the average length; scale
// holds the scales of the items' side by kind (model.scale).
func sumGains(items []item, mask []uint64, lr float64, scale *[numKinds]float32) float64 {
	var s float64
	for w, m := range mask {
		for m != 0 {
			k := bits.TrailingZeros64(m)
			it := &items[w*64+k]
			if g := float64(it.g) - lr; g > 0 {
				s += float64(scale[it.kind]) * g
			}
			s += float64(it.pn)
			m &= m - 1
		}
	}
	return s
}

// sharesWord reports whether a Chinese unit of rows [i0,i1) and an English
// unit of columns [j0,j1) share an item other than punctuation (a word, a
// number, a name, a Latin token), however common it is in the document.
func (t *pairTable) sharesWord(i0, i1, j0, j1 int) bool {
	for r := i0; r < i1; r++ {
		items := t.m.units[sideZH][r].items
		for c := j0; c < j1; c++ {
			pm := t.lookup(r, c)
			if pm == nil {
				continue
			}
			for w, m := range pm[:t.w] {
				for m != 0 {
					k := bits.TrailingZeros64(m)
					if items[w*64+k].kind != kindPunct {
						return true
					}
					m &= m - 1
				}
			}
		}
	}
	return false
}
