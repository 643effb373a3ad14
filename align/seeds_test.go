package align_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/eval"
)

// TestSeedAccuracy aligns the seed pages and scores them against their
// hand-checked gold in testdata/gold/seeds, with floors a little under the
// figures of the current model: the accuracy check that runs on every
// clone, without the development sets.
func TestSeedAccuracy(t *testing.T) {
	al := align.New()
	for _, tc := range []struct {
		gold   string
		level  align.Level
		strict float64 // least strict F1; -1: the gold has no pairs
	}{
		{"000_24194bebda09ca34.para.jsonl", align.Paragraphs, -1},
		{"001_04ade73db5640df0.para.jsonl", align.Paragraphs, 0.97},
		{"001_04ade73db5640df0.sent.jsonl", align.Sentences, 0.96},
		{"002_3e00285e0875153c.para.jsonl", align.Paragraphs, 1},
		{"004_2e42eda222b23e5a.para.jsonl", align.Paragraphs, -1},
	} {
		t.Run(tc.gold, func(t *testing.T) {
			doc := tc.gold[:strings.IndexByte(tc.gold, '.')] + ".txt"
			data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", doc))
			require.NoError(t, err)
			res, err := al.AlignSources(align.Source{Name: doc, Data: data})
			require.NoError(t, err)
			units := corpus.FromAlignment(res, tc.level, doc)
			if tc.strict < 0 {
				for _, u := range units {
					assert.True(t, u.EN == "" || u.ZH == "", "no pair with two sides: %q | %q", u.EN, u.ZH)
				}
				return
			}
			pred := filepath.Join(t.TempDir(), "pred.jsonl")
			f, err := os.Create(pred)
			require.NoError(t, err)
			w := corpus.NewJSONLWriter(f)
			for _, u := range units {
				require.NoError(t, w.Write(u))
			}
			require.NoError(t, w.Close())
			require.NoError(t, f.Close())
			sc, err := eval.ScorePairFiles(filepath.Join("..", "testdata", "gold", "seeds", tc.gold), pred)
			require.NoError(t, err)
			t.Logf("%s: %s", tc.gold, sc)
			assert.GreaterOrEqual(t, sc.Strict.F1, tc.strict)
		})
	}
}
