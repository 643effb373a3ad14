package numex_test

import (
	_ "embed"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/internal/numex"
)

// Sample sentences from the seed documents, UN and Hong Kong Hansard
// proceedings and the Bible, one a line.
var (
	//go:embed testdata/sample.en
	sampleEN string
	//go:embed testdata/sample.zh
	sampleZH string
)

// bibleDir holds the line-aligned Bible used for the throughput target
// (≥ 20 MB/s); set ZHENALIGN_BIBLE to point elsewhere. Benchmarks on it are
// skipped when it is absent.
func bibleDir() string {
	if d := os.Getenv("ZHENALIGN_BIBLE"); d != "" {
		return d
	}
	return devdata.Dir("bible")
}

func benchLines(b *testing.B, text string, f func([]numex.Number, string) []numex.Number) {
	b.Helper()
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []numex.Number
	found := 0
	b.ResetTimer()
	for range b.N {
		found = 0
		for _, l := range lines {
			buf = f(buf[:0], l)
			found += len(buf)
		}
	}
	b.ReportMetric(float64(found), "numbers/op")
}

func benchFile(b *testing.B, lang string, f func([]numex.Number, string) []numex.Number) {
	data, err := os.ReadFile(filepath.Join(bibleDir(), lang, "006"))
	if err != nil {
		b.Skipf("bible text absent: %v", err)
	}
	benchLines(b, string(data), f)
}

func BenchmarkEnglish(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchLines(b, sampleEN, numex.AppendEnglish) })
	b.Run("bible", func(b *testing.B) { benchFile(b, "en", numex.AppendEnglish) })
}

func BenchmarkChinese(b *testing.B) {
	b.Run("sample", func(b *testing.B) { benchLines(b, sampleZH, numex.AppendChinese) })
	b.Run("bible", func(b *testing.B) { benchFile(b, "zh", numex.AppendChinese) })
}

func BenchmarkMatch(b *testing.B) {
	en := numex.English("On November 15th, 2022, nearly 50 business representatives, 400,000 masks and 15% more.")
	zh := numex.Chinese("2022年11月15日，近50家企业代表、40万只口罩，增长百分之十五。")
	b.ReportAllocs()
	for range b.N {
		numex.Match(en, zh)
	}
}
