package align_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/segment"
)

func presplitFile(b testing.TB, path string) []segment.Sentence {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := segment.Parse(data, segment.Presplit())
	if err != nil {
		b.Fatal(err)
	}
	return doc.Sentences
}

// benchAlign reports sentences (both sides) aligned per second.
func benchAlign(b *testing.B, zh, en []segment.Sentence, opts ...align.Option) {
	al := align.New(opts...)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := al.Align(zh, en); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(zh)+len(en))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkAlign aligns a seed document (always), a literary document of
// mac-dev and the Bible's 5,000-verse book when ../shared/data is present
// (the latter coarse-to-fine).
func BenchmarkAlign(b *testing.B) {
	b.Run("seed001", func(b *testing.B) {
		doc := readSeed(b, "001_04ade73db5640df0.txt")
		al := align.New()
		n := len(doc.Sentences)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, err := al.AlignMixed(doc); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	})
	if d := devdata.Dir("mac-dev"); d != "" {
		b.Run("mac-dev/001", func(b *testing.B) {
			benchAlign(b, presplitFile(b, filepath.Join(d, "zh", "001")), presplitFile(b, filepath.Join(d, "en", "001")))
		})
	}
	if d := devdata.Dir("bible"); d != "" {
		b.Run("bible/001", func(b *testing.B) {
			benchAlign(b, presplitFile(b, filepath.Join(d, "zh", "001")), presplitFile(b, filepath.Join(d, "en", "001")))
		})
	}
}
