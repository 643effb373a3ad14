package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

func loadPairsB(b *testing.B, path string) []corpus.Unit {
	b.Helper()
	if _, err := os.Stat(path); err != nil {
		b.Skipf("not found: %v", err)
	}
	p, err := ReadPairsFile(path)
	require.NoError(b, err)
	return p
}

func pairBytes(ps []corpus.Unit) int64 {
	n := 0
	for _, p := range ps {
		n += len(p.EN) + len(p.ZH)
	}
	return int64(n)
}

// BenchmarkScorePairs scores the seed sentence gold against itself and
// against its paragraph gold (from ../shared when present), and the
// small fixtures.
func BenchmarkScorePairs(b *testing.B) {
	seeds := filepath.Join(sharedDir, "gold", "seeds")
	cases := []struct{ name, gold, pred string }{
		{"fixtures", "testdata/pairs/gold.jsonl", "testdata/pairs/pred.jsonl"},
		{"001sent-self", filepath.Join(seeds, "001_04ade73db5640df0.sent.jsonl"), filepath.Join(seeds, "001_04ade73db5640df0.sent.jsonl")},
		{"001sent-para", filepath.Join(seeds, "001_04ade73db5640df0.sent.jsonl"), filepath.Join(seeds, "001_04ade73db5640df0.para.jsonl")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			gold, pred := loadPairsB(b, c.gold), loadPairsB(b, c.pred)
			b.SetBytes(pairBytes(gold) + pairBytes(pred))
			b.ReportAllocs()
			for b.Loop() {
				ScorePairs(gold, pred)
			}
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	pairs := loadPairsB(b, "testdata/pairs/gold.jsonl")
	b.SetBytes(pairBytes(pairs))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			Normalize(p.EN)
			Normalize(p.ZH)
		}
	}
}

func BenchmarkRatio(b *testing.B) {
	x := []rune(Normalize("The China (Chongqing) - Belarus Economic, Trade, and Investment Forum was held successfully online on November 15th, 2022."))
	y := newSeqMatcher([]rune(Normalize("The China-Belarus Economic, Trade and Investment Forum was successfully held online on 15 November 2022.")))
	b.SetBytes(int64(len(x) + len(y.b)))
	b.ReportAllocs()
	for b.Loop() {
		y.ratio(x)
	}
}

func BenchmarkScoreLadders(b *testing.B) {
	gold := filepath.Join(sharedDir, "data", "mac-dev", "gold")
	if _, err := os.Stat(gold); err != nil {
		b.Skipf("not found: %v", err)
	}
	docs, err := ReadLadderDirs(gold, gold)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		ScoreLadders(docs)
	}
}
