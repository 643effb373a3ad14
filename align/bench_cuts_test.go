package align_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/eval"
	"github.com/zhenalign/zhenalign/internal/devdata"
)

// BenchmarkBibleCuts aligns the first 5,000, 10,000 and 20,000 English
// sentences of bible/006 (30,000 English, 42,687 Chinese sentences,
// presplit) with the Chinese sentences the gold links to them, and the
// whole book, with the defaults, to show how time and memory grow with the
// input: it reports nanoseconds and bytes allocated per sentence (both
// sides). Skipped without ../shared/data. Run it alone, it is long:
//
//	go test ./align -run '^$' -bench BibleCuts -benchtime 1x
func BenchmarkBibleCuts(b *testing.B) {
	d := devdata.Dir("bible")
	if d == "" {
		b.Skip("no ../shared/data/bible")
	}
	zh := presplitFile(b, filepath.Join(d, "zh", "006"))
	en := presplitFile(b, filepath.Join(d, "en", "006"))
	gold, err := eval.ReadLadderFile(filepath.Join(d, "gold", "006.align"))
	if err != nil {
		b.Fatal(err)
	}
	for _, cut := range []int{5000, 10000, 20000, len(en)} {
		// The Chinese sentences before the first link of English
		// sentence cut (gold order: Chinese ids first).
		nz := len(zh)
		for _, l := range gold {
			if len(l.Tgt) > 0 && l.Tgt[0] >= cut && len(l.Src) > 0 {
				nz = l.Src[0]
				break
			}
		}
		name := fmt.Sprintf("en=%d", cut)
		if cut == len(en) {
			name = "whole"
		}
		b.Run(name, func(b *testing.B) {
			al := align.New()
			n := float64(nz + cut)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for range b.N {
				if _, err := al.Align(zh[:nz], en[:cut]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/float64(b.N), "ns/sentence")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n/float64(b.N), "B/sentence")
			b.ReportMetric(n, "sentences")
		})
	}
}
