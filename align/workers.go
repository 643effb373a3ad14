package align

import "sync"

// inChunks calls fn(lo, hi, k) for consecutive chunks [lo,hi) of [0,n),
// the k-th chunk of at most workers, each on a goroutine of its own but
// the last, and returns when all are done. The chunks depend only on n and
// workers, so that work written by index comes out the same whatever
// their number.
func inChunks(n, workers int, fn func(lo, hi, k int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	for k := range workers - 1 {
		wg.Go(func() { fn(k*n/workers, (k+1)*n/workers, k) })
	}
	fn((workers-1)*n/workers, n, workers-1)
	wg.Wait()
}
