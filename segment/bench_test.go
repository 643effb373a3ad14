package segment_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/segment"
)

func benchParse(b *testing.B, src []byte, opts ...segment.Option) {
	b.Helper()
	s := segment.New(opts...)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSeed parses seed 001 (English and traditional Chinese,
// with pinyin annotations), T→S included.
func BenchmarkParseSeed(b *testing.B) {
	benchParse(b, readSeed(b, "001_04ade73db5640df0.txt"))
}

// BenchmarkParseBible parses the Chinese and English Bible files of the
// development data as running text (one paragraph per verse line).
func BenchmarkParseBible(b *testing.B) {
	dir := devdata.Dir("bible")
	if dir == "" {
		b.Skip("../shared/data not present")
	}
	for _, lang := range []string{"zh", "en"} {
		src, err := os.ReadFile(filepath.Join(dir, lang, "006"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(lang, func(b *testing.B) { benchParse(b, src) })
		b.Run(lang+"/presplit", func(b *testing.B) { benchParse(b, src, segment.Presplit()) })
	}
}
