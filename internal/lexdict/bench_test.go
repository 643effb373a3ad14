package lexdict

import (
	"runtime"
	"testing"
)

// BenchmarkLoad measures decoding the embedded data: time per load, and
// the heap the Dict keeps (MB-heap, after a garbage collection).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var kept uint64
	for range b.N {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := Load()
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(kept)/(1<<20), "MB-heap")
}
