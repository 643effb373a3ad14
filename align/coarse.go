package align

import "math"

// coarseBlocks is the number of blocks each side is cut into for the
// coarse pass of a large alignment.
const coarseBlocks = 1000

// coarseBand aligns blocks of consecutive units first, then returns the
// band of the fine search: the cells near the coarse path. This keeps
// time and memory linear in the length of the input (Vecalign's
// coarse-to-fine idea, with blocks instead of averaged embeddings).
func (al *Aligner) coarseBand(tab *keyTable, rz, re []rawUnit) band {
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
	// The same number of blocks on both sides: block i of one side then
	// holds about the same share of the text as block i of the other, so
	// the diagonal of the block grid is the likely path even where the text
	// repeats itself (boilerplate on every page of a site dump), and a path
	// off the diagonal must pay for its omissions. (Blocks of a fixed size,
	// ⌈n/nb⌉ on each side, gave the two sides different block counts, and
	// on repeated text the path drifted to another copy.)
	cz, ce := blockCuts(n, nb), blockCuts(m, nb)
	bz, be := mergeCuts(rz, cz), mergeCuts(re, ce)
	cm := newModel(tab, bz, be, al.p, &al.opts)
	// Blocks hold several sentences each, so long beads are rare, and so
	// is a block nobody translated: an omitted block is free of the
	// penalties of its unmatched items, so a cheap omission let the path
	// trade a 1-1 bead whose blocks do not start together (their items
	// half matched) for a pair of omissions, and drift on repeated text.
	types := []beadType{{1, 1, 0.8}, {1, 2, 0.07}, {2, 1, 0.07}, {1, 0, 1e-4}, {0, 1, 1e-4}}
	for i := range types {
		types[i].prior = math.Log(types[i].prior)
	}
	rg := region{0, len(bz), 0, len(be)}
	var cb band
	if (len(bz)+1)*(len(be)+1) <= al.opts.maxCells {
		cb = fullBand(len(bz), len(be))
	} else {
		cb = al.coarseBand(tab, bz, be)
	}
	sub := *al
	sub.types = types
	sub.opts.progress = nil
	// The blocks are not a document of their own: whether the texts
	// translate each other is for the fine search to weigh.
	sub.p.parallelOdds = 0
	beads := sub.searchBand(cm, rg, cb)
	// Project: every fine row inside a coarse bead may use the columns of
	// that bead, widened by a margin of a block (the larger of the average
	// and of the bead's own) and 8 units: the blocks' boundaries seldom
	// fall between two translations, and half a block let the band miss
	// the right path in places (on bible/006, 42 gold cells outside it).
	bd := band{lo: make([]int32, n+1), hi: make([]int32, n+1)}
	for i := range bd.lo {
		bd.lo[i] = int32(m)
		bd.hi[i] = 0
	}
	for _, b := range beads {
		r0, r1 := cz[b.i0], cz[b.i1]
		c0, c1 := int32(ce[b.j0]), int32(ce[b.j1])
		size := max(kz, ke, (r1-r0)/max(1, b.i1-b.i0), int(c1-c0)/max(1, b.j1-b.j0))
		margin := int32(size + 8)
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

// blockCuts cuts n units into nb blocks of consecutive units, as equal
// in size as can be, and returns where each starts, and n last.
func blockCuts(n, nb int) []int {
	cuts := make([]int, nb+1)
	for k := range cuts {
		cuts[k] = k * n / nb
	}
	return cuts
}

// mergeCuts joins the raw units of each block of cuts (see blockCuts).
func mergeCuts(us []rawUnit, cuts []int) []rawUnit {
	out := make([]rawUnit, len(cuts)-1)
	for k := range out {
		out[k] = mergeRange(us[cuts[k]:cuts[k+1]])
	}
	return out
}
