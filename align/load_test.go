package align

import (
	"runtime"
	"testing"

	"github.com/zhenalign/zhenalign/internal/lexdict"
)

// BenchmarkDictionaryLoad measures loading the embedded dictionary (the
// compact index of CC-CEDICT with its word segmenter): time per load, and
// the heap it keeps (MB-heap, after a garbage collection).
func BenchmarkDictionaryLoad(b *testing.B) {
	b.ReportAllocs()
	var kept uint64
	for range b.N {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := lexdict.Load()
		if err != nil {
			b.Fatal(err)
		}
		dict := &Dictionary{d: d}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(dict)
	}
	b.ReportMetric(float64(kept)/(1<<20), "MB-heap")
}
