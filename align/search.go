package align

import (
	"math"
	"math/bits"
	"slices"
	"sync"
)

// bead is one link found by the search, in region coordinates: Chinese
// units [i0,i1) and English units [j0,j1), with its score in the search.
type bead struct {
	i0, i1, j0, j1 int
	score          float64
}

// band limits the search grid: row i (0 ≤ i ≤ n Chinese units consumed)
// covers columns lo[i] ≤ j ≤ hi[i]. lo and hi never decrease.
type band struct {
	lo, hi []int32
}

func fullBand(n, m int) band {
	b := band{lo: make([]int32, n+1), hi: make([]int32, n+1)}
	for i := range b.hi {
		b.hi[i] = int32(m)
	}
	return b
}

// region is a part of the model aligned on its own: Chinese units [r0,r1)
// and English units [c0,c1).
type region struct {
	r0, r1, c0, c1 int
}

// scorer scores beads of a region.
type scorer struct {
	m     *model
	pairs *pairTable
	types []beadType
	// memo is the scorer's own (see pairTable.beadItems): scorers that
	// share a pair table may work at once.
	memo *memo
	// freeRows are the rows (absolute, -1 for none) along which English
	// units are omitted one by one at no cost: the first and last rows of
	// a window of a longer search (see searchWindows), which may start and
	// end at any column. (Runs of omissions are not free: each column
	// would be reached by as many free paths as it has compositions.)
	freeRows [2]int
	// needShared allows only the links whose sides share an item other
	// than punctuation (see params.gapShared).
	needShared bool
}

// beadScore returns the score of the bead of Chinese units [i0,i1) and
// English units [j0,j1) (absolute indices) of type t.
func (s *scorer) beadScore(i0, i1, j0, j1 int, t beadType) float64 {
	sc := t.prior
	if t.a == 0 || t.b == 0 {
		if t.a == 0 && t.b == 1 && (i0 == s.freeRows[0] || i0 == s.freeRows[1]) {
			return 0
		}
		if s.blank(i0, i1, j0, j1) {
			// Blank lines (of presplit input) are omissions whatever
			// the priors say: they cost nothing, and never pull a run of
			// omissions over the text next to them.
			return 0
		}
		return sc
	}
	m := s.m
	if m.layout {
		solo := false
		dist := int32(math.MaxInt32)
		for r := i0; r < i1; r++ {
			u := &m.units[sideZH][r]
			solo = solo || u.solo
			if u.block >= 0 {
				for c := j0; c < j1; c++ {
					if b := m.units[sideEN][c].block; b >= 0 {
						dist = min(dist, abs32(u.block-b))
					}
				}
			}
		}
		for c := j0; c < j1; c++ {
			solo = solo || m.units[sideEN][c].solo
		}
		if solo {
			// A paragraph in neither language is never paired.
			return math.Inf(-1)
		}
		if dist > 1 && dist != math.MaxInt32 {
			sc -= m.p.blockCost * float64(dist-1)
		}
	}
	zh := m.cum[sideZH][i1] - m.cum[sideZH][i0]
	en := m.cum[sideEN][j1] - m.cum[sideEN][j0]
	if zh == 0 || en == 0 {
		// A link needs text on both sides: blank lines (of presplit
		// input) may join a link, never make one.
		return math.Inf(-1)
	}
	if !m.opts.noPunct {
		ez, ee := m.units[sideZH][i1-1].ends, m.units[sideEN][j1-1].ends
		for k := range numEnds {
			if (ez&(1<<k) != 0) != (ee&(1<<k) != 0) {
				sc += m.p.endDiffer[k]
			}
		}
	}
	if s.needShared && (s.pairs == nil || !s.pairs.sharesWord(i0, i1, j0, j1)) {
		return math.Inf(-1)
	}
	sc += m.lengthScore(zh, en)
	sc += s.pairs.beadItems(s.memo, i0, i1, j0, j1, zh, en)
	if m.clauses && (i1-i0 > 1 || j1-j0 > 1) && sc > m.p.clauseSkip && !s.speech(i0, i1, j0, j1) {
		// Dialogue is left out: translations move the attributions of
		// speech ("'Now,' went on Old Hai, 'if you…") around the quotation.
		sc += m.clauseScore(i0, i1, j0, j1, zh, en)
	}
	return sc
}

// blank reports whether the units [i0,i1) and [j0,j1) are all empty.
func (s *scorer) blank(i0, i1, j0, j1 int) bool {
	for r := i0; r < i1; r++ {
		if s.m.units[sideZH][r].chars != 0 {
			return false
		}
	}
	for c := j0; c < j1; c++ {
		if s.m.units[sideEN][c].chars != 0 {
			return false
		}
	}
	return true
}

// lattice holds the forward and backward sums of one search, over the
// cells of a band: cell (i, j) is the state where the first i Chinese and
// the first j English units of the region are aligned.
type lattice struct {
	s     *scorer
	rg    region
	bd    band
	n, m  int
	off   []int
	alpha []float64 // log Σ over paths from (0,0) to the cell of exp(score/temp)
	// beta is log Σ over paths from the cell to (n,m), for the cells of
	// the alive spans (see spans); -Inf at the others, where no path that
	// counts starts.
	beta []float64
	// sp indexes the cells of the alive spans, set after the forward pass.
	sp spans
	// rowMax is the largest alpha of each row (see alive).
	rowMax []float64
	temp   float64
	// width is the beam of the forward pass (see alive).
	width float64
	// nullZ and nullE are the probabilities that each Chinese and English
	// unit is omitted, filled by backward.
	nullZ, nullE []float64
	// cache holds the scores of the links beads computed by the forward
	// pass; the other passes reuse them.
	cache beadCache
	// workers are the scorers of the forward pass's workers (see
	// scoreRow); workers[0] is s.
	workers []*scorer
	// aliveLo and aliveHi are the first and last columns of each row's
	// cells alive in the beam (aliveLo > aliveHi for none), set by the
	// forward pass: the pair table's rows cover what beads starting
	// there reach (see pairSpan).
	aliveLo, aliveHi []int32
	// minParallel is the fewest beads of a row scored by several workers.
	minParallel int
}

// pairSpan returns the columns (in the region) of row r's pairs that the
// beads of the search can touch: those starting at a cell alive in one of
// the rows r-maxSide+1..r, up to maxSide columns to the right.
func (l *lattice) pairSpan(r int) (lo, hi int32) {
	lo, hi = math.MaxInt32, -1
	for s := max(0, r-maxSide+1); s <= r; s++ {
		lo, hi = min(lo, l.aliveLo[s]), max(hi, l.aliveHi[s])
	}
	if lo > hi {
		return 0, 0
	}
	return lo, hi + maxSide
}

// buildPairs builds the rows [a,b) of the pair table (in the region) not
// built yet. The forward pass builds row r when it starts row r+1, when
// the rows that beads over r can start from are done.
func (l *lattice) buildPairs(a, b int) {
	t := l.s.pairs
	if t == nil {
		return
	}
	for r := max(a, 0); r < min(b, l.n); r++ {
		if !t.has(l.rg.r0 + r) {
			lo, hi := l.pairSpan(r)
			t.build(l.rg.r0+r, lo+int32(l.rg.c0), hi+int32(l.rg.c0))
		}
	}
}

// beadCache holds the scores of the beads of link types (not omissions)
// that end at each cell of a band and start at a cell alive in the beam of
// the forward pass: the beads the search uses, each scored once.
type beadCache struct {
	// mask holds, for each cell, which link types (bit k for type k)
	// have a score stored. Every pass searches fewer than 32 types (29
	// for sentences; TestLinkTypesFitMask checks it), and a cell of a
	// long document's band costs 4 bytes less than with 64 bits.
	mask []uint32
	// rowOff is the index in vals of each row's first score (-1 for a
	// row not kept, see maxCache), off that of each cell's first score
	// from its row's.
	rowOff []int
	off    []uint32
	// vals holds the scores in chunks of cacheChunk, so that the cache
	// grows without copying; n is their number.
	vals [][]float32
	n    int
}

// cacheChunk is the number of scores in a chunk of beadCache.vals.
const cacheChunk = 1 << 20

// val returns the score at index x.
func (bc *beadCache) val(x int) float32 { return bc.vals[x/cacheChunk][x%cacheChunk] }

// add appends scores to the cache. The first chunk grows as a slice does
// (small searches stay small), the others are allocated whole.
func (bc *beadCache) add(row []float64) {
	for _, v := range row {
		switch {
		case bc.n < cacheChunk:
			if bc.vals == nil {
				bc.vals = [][]float32{nil}
			}
			bc.vals[0] = append(bc.vals[0], float32(v))
		case bc.n%cacheChunk == 0:
			bc.vals = append(bc.vals, make([]float32, cacheChunk))
			fallthrough
		default:
			bc.vals[bc.n/cacheChunk][bc.n%cacheChunk] = float32(v)
		}
		bc.n++
	}
}

// complete reports whether every row's scores are kept.
func (bc *beadCache) complete() bool {
	return !slices.Contains(bc.rowOff, -1)
}

// find returns the index in vals of the score of the bead of type k
// ending at cell c of row i, or -1 when it was not scored.
func (bc *beadCache) find(i, c, k int) int {
	m := bc.mask[c]
	if m&(1<<k) == 0 || bc.rowOff[i] < 0 {
		return -1
	}
	return bc.rowOff[i] + int(bc.off[c]) + bits.OnesCount32(m&(1<<k-1))
}

// at returns the index of cell (i, j), or -1 outside the band.
func (l *lattice) at(i, j int) int {
	if i < 0 || i > l.n || j < int(l.bd.lo[i]) || j > int(l.bd.hi[i]) {
		return -1
	}
	return l.off[i] + j - int(l.bd.lo[i])
}

// bead returns the score of the bead of type t (the k-th) ending at cell
// c = (i, j).
func (l *lattice) bead(i, j, c, k int, t beadType) float64 {
	if t.a != 0 && t.b != 0 {
		if x := l.cache.find(i, c, k); x >= 0 {
			return float64(l.cache.val(x))
		}
	}
	return l.s.beadScore(l.rg.r0+i-t.a, l.rg.r0+i, l.rg.c0+j-t.b, l.rg.c0+j, t)
}

// search aligns the region within band bd: a forward and a backward pass
// give every possible bead its posterior probability under the model (at
// temperature temp), and the beads returned are those of the path with the
// largest sum of posteriors, less minPost per bead (maximum expected
// accuracy decoding). Each bead's score is its posterior. progress, if not
// nil, is called with the rows done by the three passes, out of 3(n+1).
//
// The model assumes that the two texts translate each other. logZ, the
// log of the sum over all paths of their probability, is (at temperature
// 1) the log-likelihood ratio of that against the texts being unrelated,
// where every unit is an omission; with parallelOdds, the log prior odds
// of a translation, the posteriors are those of the mixture of the two
// (parallelOdds 0 leaves them out).
func (s *scorer) search(rg region, bd band, temp, width, minPost, parallelOdds float64, workers, minParallel int, progress func(int)) (beads []bead, logZ float64) {
	l := &lattice{s: s, rg: rg, bd: bd, n: rg.r1 - rg.r0, m: rg.c1 - rg.c0, temp: temp, width: width, minParallel: minParallel}
	n := l.n
	l.off = make([]int, n+2)
	for i := 0; i <= n; i++ {
		l.off[i+1] = l.off[i] + int(bd.hi[i]-bd.lo[i]) + 1
	}
	cells := l.off[n+1]
	l.alpha = make([]float64, cells)
	l.workers = []*scorer{s}
	for range workers - 1 {
		w := *s
		w.memo = new(memo)
		l.workers = append(l.workers, &w)
	}
	pass := func(k int) func(int) {
		if progress == nil {
			return nil
		}
		return func(i int) { progress(k*(n+1) + i) }
	}
	l.forward(pass(0))
	if math.IsInf(l.alpha[l.at(n, l.m)], -1) {
		// The beam cut every path to the end (two texts that are not
		// translations, where the best cells of the rows lead nowhere):
		// search again without it.
		l.width = math.Inf(1)
		l.forward(pass(0))
	}
	if l.cache.complete() {
		// The other passes find every bead they need in the cache:
		// the pair table can go before they allocate their arrays.
		s.pairs, l.workers = nil, nil
	}
	l.sp = l.aliveSpans()
	l.beta = make([]float64, l.sp.off[n+1])
	l.backward(pass(1))
	logZ = l.alpha[l.at(n, l.m)]
	pp := 1.0
	if parallelOdds != 0 {
		pp = 1 / (1 + math.Exp(-(logZ + parallelOdds)))
	}
	return l.decode(minPost, pp, pass(2)), logZ
}

// spans index the cells of each row of a band between two columns: the
// backward pass and the decoding keep values only for the cells alive in
// the forward pass's beam, a small share of the band of a long document.
type spans struct {
	lo, hi []int32 // the columns of each row's span (lo > hi for none)
	off    []int   // the index of each row's first cell
}

// at returns the index of cell (i, j), or -1 outside the spans.
func (sp *spans) at(i, j int) int {
	if i < 0 || i >= len(sp.lo) || j < int(sp.lo[i]) || j > int(sp.hi[i]) {
		return -1
	}
	return sp.off[i] + j - int(sp.lo[i])
}

// aliveSpans returns the spans of the cells alive in the forward pass's
// beam of each row (aliveLo to aliveHi), with the corners (0,0) and (n,m)
// where the backward pass and the decoding start, alive or not.
func (l *lattice) aliveSpans() spans {
	sp := spans{lo: slices.Clone(l.aliveLo), hi: slices.Clone(l.aliveHi), off: make([]int, l.n+2)}
	corner := func(i int, j int32) {
		if sp.lo[i] > sp.hi[i] {
			sp.lo[i], sp.hi[i] = j, j
		}
		sp.lo[i], sp.hi[i] = min(sp.lo[i], j), max(sp.hi[i], j)
	}
	corner(0, 0)
	corner(l.n, int32(l.m))
	for i := 0; i <= l.n; i++ {
		sp.off[i+1] = sp.off[i] + max(0, int(sp.hi[i]-sp.lo[i])+1)
	}
	return sp
}

// beam is how far below the best cell of its row (in log probability) a
// cell may fall and still be extended. Pruning such cells makes the search
// follow the likely region of the band; it is not a bound on the mass
// left out, since cells of a row have consumed different numbers of
// English units (the second round's narrower beam moves the score of seed
// 001's first link from .979 to .988). The second round,
// with the dictionary's and the learned word pairs, searches with
// beamLearned: on the dev sets its links are those of beam, and bible/006
// is aligned in a fifth less time. Without a dictionary the evidence is
// weaker and the path falls further below the best cell of its row:
// beamNoDict. (bible/006 without a dictionary: strict F1 .619 with a beam
// of 25, .662 with 30, .686 with 40, .754 with 60, .756 with 80; with 40
// window after window fails to meet its neighbour's path until the whole
// book is searched at once, 53–69 s against 30–32 s with 60.)
const (
	beam        = 40.0
	beamLearned = 25.0
	beamNoDict  = 60.0
)

// alive reports whether cell c of row i is within the beam of the forward
// pass: only such cells start beads.
func (l *lattice) alive(c, i int) bool {
	return l.alpha[c] >= l.rowMax[i]-l.width
}

func (l *lattice) forward(progress func(int)) {
	for i := range l.alpha {
		l.alpha[i] = math.Inf(-1)
	}
	cells := len(l.alpha)
	l.cache = beadCache{mask: make([]uint32, cells), off: make([]uint32, cells), rowOff: make([]int, l.n+2)}
	l.rowMax = make([]float64, l.n+1)
	l.aliveLo, l.aliveHi = make([]int32, l.n+1), make([]int32, l.n+1)
	l.s.pairs.reset()
	l.alpha[l.at(0, 0)] = 0
	terms := make([]float64, len(l.s.types))
	var row []float64 // the scores of the row's link beads
	for i := 0; i <= l.n; i++ {
		l.rowMax[i] = math.Inf(-1)
		if i == 0 {
			l.rowMax[0] = 0
		}
		row = l.scoreRow(i, row[:0])
		for j := int(l.bd.lo[i]); j <= int(l.bd.hi[i]); j++ {
			if i == 0 && j == 0 {
				continue
			}
			nt := 0
			c := l.at(i, j)
			x := int(l.cache.off[c])
			for k, t := range l.s.types {
				var bs float64
				if t.a != 0 && t.b != 0 {
					if l.cache.mask[c]&(1<<k) == 0 {
						continue
					}
					bs = row[x]
					x++
				} else {
					if pi := i - t.a; t.a > 0 && (pi < 0 || int32(j) < l.aliveLo[pi] || int32(j) > l.aliveHi[pi]) {
						continue // no alive cell to start from
					}
					p := l.at(i-t.a, j-t.b)
					if p < 0 || math.IsInf(l.alpha[p], -1) || !l.alive(p, i-t.a) {
						continue
					}
					bs = l.s.beadScore(l.rg.r0+i-t.a, l.rg.r0+i, l.rg.c0+j-t.b, l.rg.c0+j, t)
				}
				terms[nt] = l.alpha[l.at(i-t.a, j-t.b)] + bs/l.temp
				nt++
			}
			l.alpha[c] = logSumExp(terms[:nt])
			l.rowMax[i] = max(l.rowMax[i], l.alpha[c])
		}
		l.aliveLo[i], l.aliveHi[i] = math.MaxInt32, -1
		for j := int(l.bd.lo[i]); j <= int(l.bd.hi[i]); j++ {
			if c := l.at(i, j); !math.IsInf(l.alpha[c], -1) && l.alive(c, i) {
				l.aliveLo[i], l.aliveHi[i] = min(l.aliveLo[i], int32(j)), int32(j)
			}
		}
		if progress != nil {
			progress(i)
		}
	}
}

// scoreRow scores the link beads ending in row i that start at a cell
// alive in the beam (rows before i are done), appends their scores to row
// in the order of cells and types, records them in the cache and returns
// row. The beads are independent of each other: with several workers,
// each scores a share of the row's cells, with its own memo; the scores
// are the same whichever worker computes them.
func (l *lattice) scoreRow(i int, row []float64) []float64 {
	lo, hi := int(l.bd.lo[i]), int(l.bd.hi[i])
	bc := &l.cache
	bc.rowOff[i] = bc.n
	l.buildPairs(i-1, i)
	// The beads of type k ending in row i start in row i-t.a, at its
	// alive cells: only columns within that row's alive span, shifted by
	// t.b, are tried.
	for k, t := range l.s.types {
		pi := i - t.a
		if t.a == 0 || t.b == 0 || pi < 0 || l.aliveLo[pi] > l.aliveHi[pi] {
			continue
		}
		for j := max(lo, int(l.aliveLo[pi])+t.b); j <= min(hi, int(l.aliveHi[pi])+t.b); j++ {
			if p := l.at(pi, j-t.b); p >= 0 && !math.IsInf(l.alpha[p], -1) && l.alive(p, pi) {
				bc.mask[l.at(i, j)] |= 1 << k
			}
		}
	}
	n := 0
	for j := lo; j <= hi; j++ {
		c := l.at(i, j)
		bc.off[c] = uint32(n)
		n += bits.OnesCount32(bc.mask[c])
	}
	row = slices.Grow(row, n)[:n]
	score := func(s *scorer, j0, j1 int) {
		for j := j0; j < j1; j++ {
			c := l.at(i, j)
			x := int(bc.off[c])
			for k, t := range s.types {
				if bc.mask[c]&(1<<k) != 0 {
					// Rounded as the cache keeps it, so that all
					// passes see the same score: the posteriors are
					// differences of sums along whole paths.
					row[x] = float64(float32(s.beadScore(l.rg.r0+i-t.a, l.rg.r0+i, l.rg.c0+j-t.b, l.rg.c0+j, t)))
					x++
				}
			}
		}
	}
	w := len(l.workers)
	if w == 1 || n < l.minParallel {
		score(l.s, lo, hi+1)
	} else {
		// Split the cells in w parts of about as many beads.
		var wg sync.WaitGroup
		j0, k := lo, 1
		for j := lo; j <= hi && k < w; j++ {
			if int(bc.off[l.at(i, j)]) >= k*n/w {
				wg.Go(func(s *scorer, a, b int) func() { return func() { score(s, a, b) } }(l.workers[k], j0, j))
				j0 = j
				k++
			}
		}
		score(l.workers[0], j0, hi+1)
		wg.Wait()
	}
	if bc.n+len(row) > maxCache {
		bc.rowOff[i] = -1 // scored again when needed
		return row
	}
	bc.add(row)
	return row
}

// maxCache is the most bead scores a search keeps (256 MB); past it, the
// passes after the first score the beads of the rows left out again.
const maxCache = 64 << 20

// minParallelBeads is the fewest beads of a row that are scored by several
// workers: fewer are not worth the hand-over (on a 2-vCPU VM, handing over
// rows of a few hundred beads made bible/006 40% slower, with 150,000
// context switches).
const minParallelBeads = 2048

func (l *lattice) backward(progress func(int)) {
	for i := range l.beta {
		l.beta[i] = math.Inf(-1)
	}
	l.beta[l.sp.at(l.n, l.m)] = 0
	terms := make([]float64, len(l.s.types))
	z := l.alpha[l.at(l.n, l.m)]
	l.nullZ, l.nullE = make([]float64, l.n), make([]float64, l.m)
	for i := l.n; i >= 0; i-- {
		l.buildPairs(i, i+maxSide) // rows not cached only
		for j := int(l.bd.hi[i]); j >= int(l.bd.lo[i]); j-- {
			c := l.at(i, j)
			if (i == l.n && j == l.m) || math.IsInf(l.alpha[c], -1) || !l.alive(c, i) {
				continue
			}
			nt := 0
			for k, t := range l.s.types {
				p, q := l.at(i+t.a, j+t.b), l.sp.at(i+t.a, j+t.b)
				if p < 0 || q < 0 || math.IsInf(l.beta[q], -1) {
					continue
				}
				terms[nt] = l.beta[q] + l.bead(i+t.a, j+t.b, p, k, t)/l.temp
				if t.a == 0 || t.b == 0 {
					// The probability that each unit is omitted,
					// whatever the run that omits it.
					if lp := l.alpha[c] + terms[nt] - z; lp > -40 {
						pr := math.Exp(lp)
						for r := i; r < i+t.a; r++ {
							l.nullZ[r] += pr
						}
						for q := j; q < j+t.b; q++ {
							l.nullE[q] += pr
						}
					}
				}
				nt++
			}
			l.beta[l.sp.at(i, j)] = logSumExp(terms[:nt])
		}
		if progress != nil {
			progress(l.n - i)
		}
	}
}

// posterior returns the probability of the link bead of type k (the
// k-th) from cell p to cell c = (i, j), under the mixture where the texts
// translate each other with probability pp; z is the log of the sum over
// all paths.
func (l *lattice) posterior(p, c, i, j, k int, z, pp float64) float64 {
	lp := l.alpha[p] + l.bead(i, j, c, k, l.s.types[k])/l.temp + l.beta[l.sp.at(i, j)] - z
	if lp <= -40 {
		return 0
	}
	return pp * math.Min(math.Exp(lp), 1)
}

// decode finds the path of maximum expected accuracy: the largest sum of
// the probabilities that its links are right, less minPost per link. A
// run of omissions counts as one link per unit, each right with the
// probability that its unit is omitted. pp is the probability that the
// texts translate each other: otherwise no link is right and every
// omission is.
func (l *lattice) decode(minPost, pp float64, progress func(int)) []bead {
	z := l.alpha[l.at(l.n, l.m)]
	// best and back, like beta, are kept for the cells of the alive
	// spans only: the others have no path to (n,m) that counts.
	best := make([]float64, len(l.beta))
	back := make([]uint8, len(l.beta))
	for i := range best {
		best[i] = math.Inf(-1)
	}
	// An omitted unit counts as a link of its own. A negative minPost
	// (the paragraph pass) is a bonus for finer links, not for leaving
	// units out: an omission never earns it.
	nullCost := max(minPost, 0)
	// Prefix sums of the omission probabilities under the mixture.
	cz, ce := make([]float64, l.n+1), make([]float64, l.m+1)
	for i, v := range l.nullZ {
		cz[i+1] = cz[i] + pp*math.Min(v, 1) + 1 - pp
	}
	for j, v := range l.nullE {
		ce[j+1] = ce[j] + pp*math.Min(v, 1) + 1 - pp
	}
	best[l.sp.at(0, 0)] = 0
	for i := 0; i <= l.n; i++ {
		l.buildPairs(i-maxSide, i) // rows not cached only
		for j := int(l.bd.lo[i]); j <= int(l.bd.hi[i]); j++ {
			c, s := l.at(i, j), l.sp.at(i, j)
			if (i == 0 && j == 0) || s < 0 || math.IsInf(l.beta[s], -1) {
				continue
			}
			bv, arg := math.Inf(-1), uint8(0)
			for k, t := range l.s.types {
				p, ps := l.at(i-t.a, j-t.b), l.sp.at(i-t.a, j-t.b)
				if p < 0 || ps < 0 || math.IsInf(best[ps], -1) || math.IsInf(l.alpha[p], -1) || !l.alive(p, i-t.a) {
					continue
				}
				var v float64
				switch {
				case t.b == 0:
					v = cz[i] - cz[i-t.a] - nullCost*float64(t.a)
				case t.a == 0:
					v = ce[j] - ce[j-t.b] - nullCost*float64(t.b)
				default:
					v = l.posterior(p, c, i, j, k, z, pp) - minPost
				}
				if v += best[ps]; v > bv {
					bv, arg = v, uint8(k)
				}
			}
			best[s], back[s] = bv, arg
		}
		if progress != nil {
			progress(i)
		}
	}
	var beads []bead
	i, j := l.n, l.m
	for i > 0 || j > 0 {
		c, s := l.at(i, j), l.sp.at(i, j)
		if s < 0 || math.IsInf(best[s], -1) {
			break // cannot happen with a band that connects both corners
		}
		k := int(back[s])
		t := l.s.types[k]
		var post float64
		if t.a != 0 && t.b != 0 {
			post = float64(float32(l.posterior(l.at(i-t.a, j-t.b), c, i, j, k, z, pp)))
		}
		beads = append(beads, bead{i0: i - t.a, i1: i, j0: j - t.b, j1: j, score: post})
		i, j = i-t.a, j-t.b
	}
	for ; i > 0; i-- {
		beads = append(beads, bead{i0: i - 1, i1: i, j0: j, j1: j})
	}
	for ; j > 0; j-- {
		beads = append(beads, bead{j0: j - 1, j1: j})
	}
	slices.Reverse(beads)
	return splitNulls(beads, cz, ce)
}

// splitNulls splits runs of omissions (k-0 and 0-k beads) into k beads of
// one unit each, scored by the probability that the unit is omitted: the
// differences of the prefix sums cz and ce.
func splitNulls(beads []bead, cz, ce []float64) []bead {
	out := beads[:0:0]
	for _, b := range beads {
		switch {
		case b.j0 == b.j1:
			for i := b.i0; i < b.i1; i++ {
				out = append(out, bead{i0: i, i1: i + 1, j0: b.j0, j1: b.j0, score: math.Min(cz[i+1]-cz[i], 1)})
			}
		case b.i0 == b.i1:
			for j := b.j0; j < b.j1; j++ {
				out = append(out, bead{i0: b.i0, i1: b.i0, j0: j, j1: j + 1, score: math.Min(ce[j+1]-ce[j], 1)})
			}
		default:
			out = append(out, b)
		}
	}
	return out
}

// logSumExp returns log(Σ exp(x)), or -Inf for no terms.
func logSumExp(x []float64) float64 {
	if len(x) == 0 {
		return math.Inf(-1)
	}
	mx := slices.Max(x)
	if math.IsInf(mx, -1) {
		return mx
	}
	var s float64
	for _, v := range x {
		if d := v - mx; d > -40 { // exp(-40) is below float64 precision next to 1
			s += math.Exp(d)
		}
	}
	return mx + math.Log(s)
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// clauseScore is the clause cue of a bead joining several units on a side:
// where one side's sentences meet, the other side should have a clause or
// sentence boundary at about the same share of its text (see clauseCuts).
// For each inner sentence boundary of a side, at the fraction f of that
// side's text, d is the distance to the nearest boundary of the other side
// (its start and end included), at fractions of its text. Under translation
// d is half-normal with scale σ; for unrelated texts f is anywhere, and d
// has density g(d) = 2 for each gap between the other side's boundaries
// longer than 2d. The cue adds w·max(log(2/(σ√(2π))) - d²/(2σ²) - log
// g(d), -c) per boundary.
func (m *model) clauseScore(i0, i1, j0, j1, zh, en int) float64 {
	var buf [64]float64
	var sc float64
	if i1-i0 > 1 {
		sc += m.clauseSide(sideZH, i0, i1, zh, m.boundaries(sideEN, j0, j1, en, buf[:0]))
	}
	if j1-j0 > 1 {
		sc += m.clauseSide(sideEN, j0, j1, en, m.boundaries(sideZH, i0, i1, zh, buf[:0]))
	}
	return sc
}

// boundaries appends the fractions of the text of units [u0,u1) of side
// (total characters) at which a clause or a sentence ends inside it, in
// increasing order, as many as out has room for.
func (m *model) boundaries(side, u0, u1, total int, out []float64) []float64 {
	off := 0
	for u := u0; u < u1; u++ {
		un := &m.units[side][u]
		for _, c := range un.cuts {
			if len(out) < cap(out) {
				out = append(out, float64(off+int(c))/float64(total))
			}
		}
		off += un.chars
		if u+1 < u1 && len(out) < cap(out) {
			out = append(out, float64(off)/float64(total))
		}
	}
	return out
}

// clauseSide scores the inner sentence boundaries of the units [u0,u1) of
// side (total characters) against the boundaries other of the other side.
func (m *model) clauseSide(side, u0, u1, total int, other []float64) float64 {
	p := &m.p
	// The gaps between the other side's boundaries (and the ends), once:
	// a boundary at f scores the gaps longer than twice its distance d to
	// the nearest boundary. f grows with u and other is in order, so the
	// nearest boundary is found by a sweep.
	var gapBuf [65]float64
	gaps := gapBuf[:0]
	prev := 0.0
	for _, q := range other {
		gaps = append(gaps, q-prev)
		prev = q
	}
	gaps = append(gaps, 1-prev)
	var sc float64
	off, k := 0, 0
	for u := u0; u+1 < u1; u++ {
		off += m.units[side][u].chars
		f := float64(off) / float64(total)
		d := min(f, 1-f)
		for k < len(other) && other[k] < f {
			k++
		}
		if k < len(other) {
			d = min(d, other[k]-f)
		}
		if k > 0 {
			d = min(d, f-other[k-1])
		}
		n := 0
		for _, g := range gaps {
			if g > 2*d {
				n++
			}
		}
		// n is 0 only when f is in the middle of its gap: g(d) is
		// then taken as 1/2.
		sc += p.clauseW * max(m.clauseLnHN-d*d*m.clauseHalfInvVar-m.lnGaps(n), -p.clauseCap)
	}
	return sc
}

// lnGaps returns log(g(d)) for g(d) = 2·gaps, or log(1/2) for no gap.
func (m *model) lnGaps(gaps int) float64 {
	if gaps < len(m.clauseLnG) {
		return m.clauseLnG[gaps]
	}
	return math.Log(2 * float64(gaps))
}

// speech reports whether a unit of the bead holds a quotation.
func (s *scorer) speech(i0, i1, j0, j1 int) bool {
	for r := i0; r < i1; r++ {
		if s.m.units[sideZH][r].speech {
			return true
		}
	}
	for c := j0; c < j1; c++ {
		if s.m.units[sideEN][c].speech {
			return true
		}
	}
	return false
}
