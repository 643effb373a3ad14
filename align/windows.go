package align

import (
	"slices"
	"sync"
	"sync/atomic"
)

// The fine search of a long region (one aligned coarse-to-fine) runs in
// windows that start every windowRows Chinese units, each overlapping the
// next by 2·windowOverlap units, so that the workers search several at
// once. A window starts at the first column of its band and ends at the
// last, but omitting English units along its first and last rows costs
// nothing: its paths may start and end at any column. Where the paths of
// two windows meet in the overlap, the first gives the links before the
// meeting cell, the second those after. The windows depend only on the
// region, never on the number of workers: the output is the same with any.
// Each window weighs on its own whether its texts translate each other (see
// scorer.search): a window of untranslated text comes out as omissions. On
// bible/006 (42,687 Chinese units, 11 windows) every link is that of one
// search over the whole band, and the scores are within .001.
const (
	windowRows    = 4096
	windowOverlap = 128
)

// window is a window of a search (see searchWindows): rows [a,b] and
// columns [c0,c1] of the region, the first row it owns (own0: the row
// where it should meet the window before), and the links found in it,
// relative to its first row and column.
type window struct {
	a, b, c0, c1, own0 int
	beads              []bead
}

// searchWindows runs the search over region rg within band bd in windows.
// Two windows whose paths never meet (where the rows they share are not
// translated, each path finds its own way) are searched again as one
// window, joined with their neighbours in turn; the whole region is
// searched at once rather than a window of more than half of it.
func (al *Aligner) searchWindows(md *model, rg region, bd band) []bead {
	n := rg.r1 - rg.r0
	size := al.opts.windowRows
	if size == 0 {
		size = windowRows
	}
	over := min(windowOverlap, size/4)
	k := (n + size - 1) / size
	if k < 2 {
		return al.searchBand(md, rg, bd)
	}
	ws := make([]window, k)
	for w := range ws {
		ws[w] = window{a: max(0, w*size-over), b: min(n, (w+1)*size+over), own0: w * size}
	}
	// Progress: each window's three passes, counted on the rows it owns
	// (the rows it shares are counted once).
	var mu sync.Mutex
	done := make([]int, k)
	progress := func(w int) func(int, int) {
		if al.opts.progress == nil {
			return nil
		}
		own := min(n, (w+1)*size) - w*size
		return func(d, total int) {
			mu.Lock()
			defer mu.Unlock()
			done[w] = 3 * own * d / max(1, total)
			sum := 0
			for _, v := range done {
				sum += v
			}
			al.opts.progress(min(sum, 3*n), 3*n)
		}
	}
	workers := al.opts.workerCount()
	var next atomic.Int64
	search := func() {
		for {
			w := int(next.Add(1)) - 1
			if w >= len(ws) {
				return
			}
			// Fewer windows than workers: each window's rows are
			// shared among the workers left (the scores are the same).
			al.searchWindow(md, rg, bd, &ws[w], max(1, workers/k), progress(w))
		}
	}
	var wg sync.WaitGroup
	for range min(workers, len(ws)) - 1 {
		wg.Go(search)
	}
	search()
	wg.Wait()
	out, ok := join(ws, n, rg.c1-rg.c0, func(m *window) bool {
		if 2*(m.b-m.a) > n {
			return false
		}
		al.searchWindow(md, rg, bd, m, workers, nil)
		return true
	})
	if !ok {
		// Half the region would be searched again: search it all at
		// once.
		return al.searchBand(md, rg, bd)
	}
	return out
}

// join returns the links of windows ws of a region of n × m units: window
// w gives its links from where the path of window w-1 met it to where it
// meets the path of window w+1. Two windows whose paths never meet are
// replaced by one spanning both, which search fills in (false: not
// searched, and join gives up).
func join(ws []window, n, m int, search func(*window) bool) ([]bead, bool) {
	ws = slices.Clone(ws)
	to := make([][2]int, 0, len(ws))
	for w := 0; w+1 < len(ws); {
		if cell, ok := meet(&ws[w], &ws[w+1], ws[w+1].own0); ok {
			to = append(to[:w], cell)
			w++
			continue
		}
		mw := window{a: ws[w].a, b: ws[w+1].b, own0: ws[w].own0}
		if !search(&mw) {
			return nil, false
		}
		ws = slices.Replace(ws, w, w+2, mw)
		if w > 0 {
			w-- // join the new window with the one before again
		}
	}
	to = append(to[:len(ws)-1], [2]int{n, m})
	var out []bead
	from := [2]int{0, 0} // the cell where window w's links start
	for w := range ws {
		win := &ws[w]
		for _, b := range win.beads {
			b.i0, b.i1, b.j0, b.j1 = b.i0+win.a, b.i1+win.a, b.j0+win.c0, b.j1+win.c0
			if b.i0 >= from[0] && b.j0 >= from[1] && b.i1 <= to[w][0] && b.j1 <= to[w][1] {
				out = append(out, b)
			}
		}
		from = to[w]
	}
	return out, true
}

// searchWindow searches window win of region rg, within band bd, with
// workers goroutines, and sets its columns and links. A window that does
// not start at the region's first row, or end at its last, may start or
// end at any column: English omissions along those rows are free.
func (al *Aligner) searchWindow(md *model, rg region, bd band, win *window, workers int, progress func(int, int)) {
	n := rg.r1 - rg.r0
	win.c0, win.c1 = int(bd.lo[win.a]), int(bd.hi[win.b])
	wb := band{lo: make([]int32, win.b-win.a+1), hi: make([]int32, win.b-win.a+1)}
	for i := range wb.lo {
		wb.lo[i] = max(bd.lo[win.a+i], int32(win.c0)) - int32(win.c0)
		wb.hi[i] = min(bd.hi[win.a+i], int32(win.c1)) - int32(win.c0)
	}
	wr := region{rg.r0 + win.a, rg.r0 + win.b, rg.c0 + win.c0, rg.c0 + win.c1}
	free := [2]int{-1, -1}
	if win.a > 0 {
		free[0] = wr.r0
	}
	if win.b < n {
		free[1] = wr.r1
	}
	sub := *al
	sub.opts.workers = workers
	sub.opts.progress = progress
	win.beads = sub.searchFree(md, wr, wb, free)
}

// meet returns the cell of the region, inside the rows that windows w and
// v (the next) share, where both their paths pass, nearest to row mid.
func meet(w, v *window, mid int) (cell [2]int, ok bool) {
	ends := map[[2]int]bool{}
	for _, b := range w.beads {
		if i := b.i1 + w.a; i > v.a && i < w.b {
			ends[[2]int{i, b.j1 + w.c0}] = true
		}
	}
	best := -1
	for _, b := range v.beads {
		c := [2]int{b.i0 + v.a, b.j0 + v.c0}
		if ends[c] && (best < 0 || abs(c[0]-mid) < best) {
			cell, best = c, abs(c[0]-mid)
		}
	}
	return cell, best >= 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
