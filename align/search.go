package align

import (
	"math"
	"slices"
)

// beadType is a kind of link: a Chinese units joined to b English units.
type beadType struct {
	a, b  int
	prior float64 // log probability
}

// defaultTypes are the link types searched, with their prior log
// probabilities (set on the development sets as a whole).
func defaultTypes() []beadType {
	ts := []beadType{
		{1, 1, 0.80}, {1, 2, 0.06}, {2, 1, 0.06}, {1, 0, 0.02}, {0, 1, 0.02},
		{1, 3, 0.01}, {3, 1, 0.01}, {2, 2, 0.005}, {1, 4, 0.003}, {4, 1, 0.003},
		{2, 3, 0.002}, {3, 2, 0.002},
	}
	for i := range ts {
		ts[i].prior = math.Log(ts[i].prior)
	}
	return ts
}

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

func (b band) cells() int {
	n := 0
	for i := range b.lo {
		n += int(b.hi[i]-b.lo[i]) + 1
	}
	return n
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
}

// beadScore returns the score of the bead of Chinese units [i0,i1) and
// English units [j0,j1) (absolute indices) of type t.
func (s *scorer) beadScore(i0, i1, j0, j1 int, t beadType) float64 {
	sc := t.prior
	if t.a == 0 || t.b == 0 {
		return sc
	}
	zh, en := 0, 0
	solo := false
	dist := int32(math.MaxInt32)
	for r := i0; r < i1; r++ {
		u := &s.m.units[sideZH][r]
		zh += u.chars
		solo = solo || u.solo
		if u.block >= 0 {
			for c := j0; c < j1; c++ {
				if b := s.m.units[sideEN][c].block; b >= 0 {
					dist = min(dist, abs32(u.block-b))
				}
			}
		}
	}
	for c := j0; c < j1; c++ {
		en += s.m.units[sideEN][c].chars
		solo = solo || s.m.units[sideEN][c].solo
	}
	if solo {
		return math.Inf(-1)
	}
	if dist > 1 && dist != math.MaxInt32 {
		sc -= s.m.p.blockCost * float64(dist-1)
	}
	sc += s.m.lengthScore(zh, en)
	sc += s.pairs.beadItems(i0, i1, j0, j1)
	return sc
}

// viterbi finds the best sequence of beads covering the region within
// band bd, and scores each bead with its posterior probability under the
// model (forward-backward over the same band, at temperature temp).
// progress, if not nil, is called with the rows done.
func (s *scorer) viterbi(rg region, bd band, temp float64, progress func(int)) []bead {
	n := rg.r1 - rg.r0
	m := rg.c1 - rg.c0
	off := make([]int, n+2)
	for i := 0; i <= n; i++ {
		off[i+1] = off[i] + int(bd.hi[i]-bd.lo[i]) + 1
	}
	score := make([]float64, off[n+1])
	alpha := make([]float64, off[n+1])
	back := make([]uint8, off[n+1])
	for i := range score {
		score[i] = math.Inf(-1)
		alpha[i] = math.Inf(-1)
	}
	at := func(i, j int) int {
		if i < 0 || i > n || j < int(bd.lo[i]) || j > int(bd.hi[i]) {
			return -1
		}
		return off[i] + j - int(bd.lo[i])
	}
	score[at(0, 0)] = 0
	alpha[at(0, 0)] = 0
	var terms [16]float64
	for i := 0; i <= n; i++ {
		for j := int(bd.lo[i]); j <= int(bd.hi[i]); j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, arg := math.Inf(-1), uint8(0)
			nt := 0
			for k, t := range s.types {
				p := at(i-t.a, j-t.b)
				if p < 0 || math.IsInf(score[p], -1) {
					continue
				}
				bs := s.beadScore(rg.r0+i-t.a, rg.r0+i, rg.c0+j-t.b, rg.c0+j, t)
				if v := score[p] + bs; v > best {
					best, arg = v, uint8(k)
				}
				terms[nt] = alpha[p] + bs/temp
				nt++
			}
			c := at(i, j)
			score[c], back[c] = best, arg
			alpha[c] = logSumExp(terms[:nt])
		}
		if progress != nil {
			progress(i)
		}
	}
	// Trace back from the end.
	var beads []bead
	i, j := n, m
	for i > 0 || j > 0 {
		c := at(i, j)
		if c < 0 || math.IsInf(score[c], -1) {
			break // cannot happen with a band that connects both corners
		}
		t := s.types[back[c]]
		p := at(i-t.a, j-t.b)
		beads = append(beads, bead{i0: i - t.a, i1: i, j0: j - t.b, j1: j, score: score[c] - score[p]})
		i, j = i-t.a, j-t.b
	}
	for ; i > 0; i-- {
		beads = append(beads, bead{i0: i - 1, i1: i, j0: j, j1: j})
	}
	for ; j > 0; j-- {
		beads = append(beads, bead{j0: j - 1, j1: j})
	}
	slices.Reverse(beads)
	s.posteriors(rg, bd, temp, alpha, at, beads)
	return beads
}

// posteriors replaces the score of each bead by its posterior probability:
// the share of all alignments in the band (weighted by exp(score/temp))
// that contain it. It runs the backward pass; alpha holds the forward one.
func (s *scorer) posteriors(rg region, bd band, temp float64, alpha []float64, at func(i, j int) int, beads []bead) {
	n := rg.r1 - rg.r0
	m := rg.c1 - rg.c0
	beta := make([]float64, len(alpha))
	for i := range beta {
		beta[i] = math.Inf(-1)
	}
	beta[at(n, m)] = 0
	var terms [16]float64
	for i := n; i >= 0; i-- {
		for j := int(bd.hi[i]); j >= int(bd.lo[i]); j-- {
			if i == n && j == m {
				continue
			}
			nt := 0
			for _, t := range s.types {
				p := at(i+t.a, j+t.b)
				if p < 0 || math.IsInf(beta[p], -1) {
					continue
				}
				bs := s.beadScore(rg.r0+i, rg.r0+i+t.a, rg.c0+j, rg.c0+j+t.b, t)
				terms[nt] = beta[p] + bs/temp
				nt++
			}
			beta[at(i, j)] = logSumExp(terms[:nt])
		}
	}
	z := alpha[at(n, m)]
	for k := range beads {
		b := &beads[k]
		a, e := at(b.i0, b.j0), at(b.i1, b.j1)
		if a < 0 || e < 0 || math.IsInf(z, -1) {
			b.score = 0
			continue
		}
		t := beadType{a: b.i1 - b.i0, b: b.j1 - b.j0}
		for _, x := range s.types {
			if x.a == t.a && x.b == t.b {
				t = x
			}
		}
		bs := s.beadScore(rg.r0+b.i0, rg.r0+b.i1, rg.c0+b.j0, rg.c0+b.j1, t)
		b.score = math.Min(1, math.Exp(alpha[a]+bs/temp+beta[e]-z))
	}
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
		s += math.Exp(v - mx)
	}
	return mx + math.Log(s)
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
