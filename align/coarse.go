package align

import "math"

// coarseBlocks is the number of blocks each side is cut into for the
// coarse pass of a large alignment.
const coarseBlocks = 1000

// coarseBand aligns blocks of consecutive units first, then returns the
// band of the fine search: the cells near the coarse path. This keeps
// time and memory linear in the length of the input (Vecalign's
// coarse-to-fine idea, with blocks instead of averaged embeddings).
func (al *Aligner) coarseBand(rz, re []rawUnit) band {
	n, m := len(rz), len(re)
	if n == 0 || m == 0 {
		return fullBand(n, m)
	}
	nb := min(coarseBlocks, int(math.Sqrt(float64(al.opts.maxCells)))-1, n, m)
	nb = max(nb, 1)
	kz := (n + nb - 1) / nb
	ke := (m + nb - 1) / nb
	if kz < 2 && ke < 2 {
		return fullBand(n, m) // too small to cut into blocks
	}
	bz := mergeUnits(rz, kz)
	be := mergeUnits(re, ke)
	cm := newModel(bz, be, al.p, &al.opts)
	// Blocks hold several sentences each, so long beads are rare.
	types := []beadType{{1, 1, 0.8}, {1, 2, 0.07}, {2, 1, 0.07}, {1, 0, 0.03}, {0, 1, 0.03}}
	for i := range types {
		types[i].prior = math.Log(types[i].prior)
	}
	rg := region{0, len(bz), 0, len(be)}
	var cb band
	if (len(bz)+1)*(len(be)+1) <= al.opts.maxCells {
		cb = fullBand(len(bz), len(be))
	} else {
		cb = al.coarseBand(bz, be)
	}
	sub := *al
	sub.types = types
	sub.opts.progress = nil
	beads := sub.searchBand(cm, rg, cb)
	// Project: every fine row inside a coarse bead may use the columns of
	// that bead, widened by a margin.
	margin := int32(max(kz, ke)/2 + 8)
	bd := band{lo: make([]int32, n+1), hi: make([]int32, n+1)}
	for i := range bd.lo {
		bd.lo[i] = int32(m)
		bd.hi[i] = 0
	}
	for _, b := range beads {
		r0, r1 := b.i0*kz, min(n, b.i1*kz)
		c0, c1 := int32(b.j0*ke), int32(min(m, b.j1*ke))
		for i := r0; i <= r1; i++ {
			bd.lo[i] = min(bd.lo[i], max(0, c0-margin))
			bd.hi[i] = max(bd.hi[i], min(int32(m), c1+margin))
		}
	}
	bd.lo[0], bd.hi[n] = 0, int32(m)
	for i := n - 1; i >= 0; i-- {
		bd.lo[i] = min(bd.lo[i], bd.lo[i+1])
	}
	for i := 1; i <= n; i++ {
		bd.hi[i] = max(bd.hi[i], bd.hi[i-1])
	}
	for i := range bd.lo {
		if bd.lo[i] > bd.hi[i] {
			bd.lo[i] = bd.hi[i]
		}
	}
	return bd
}

// mergeUnits joins every k consecutive raw units into one.
func mergeUnits(us []rawUnit, k int) []rawUnit {
	out := make([]rawUnit, 0, (len(us)+k-1)/k)
	for i := 0; i < len(us); i += k {
		out = append(out, mergeRange(us[i:min(len(us), i+k)]))
	}
	return out
}
