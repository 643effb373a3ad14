package align

import (
	"runtime"
	"testing"

	"github.com/zhenalign/zhenalign/internal/cedict"
)

// BenchmarkDictionaryLoad measures loading the embedded CC-CEDICT and
// building the gse segmenter from its headwords: time per load, and the
// heap they keep (MB-heap, after a garbage collection).
func BenchmarkDictionaryLoad(b *testing.B) {
	b.ReportAllocs()
	var kept uint64
	for range b.N {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := cedict.Load()
		if err != nil {
			b.Fatal(err)
		}
		dict, err := newDictionary(d)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(dict)
	}
	b.ReportMetric(float64(kept)/(1<<20), "MB-heap")
}
