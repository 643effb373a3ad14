package align_test

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/eval"
	"github.com/zhenalign/zhenalign/internal/devdata"
)

// alignSet aligns every document of a development set (presplit, Chinese
// first) and returns gold and predicted ladders, and the predicted links.
func alignSet(t *testing.T, dir string, opts ...align.Option) ([]eval.DocPair, []align.Link) {
	t.Helper()
	var docs []eval.DocPair
	var all []align.Link
	al := align.New(opts...)
	for _, name := range devdata.Docs(dir) {
		zh := presplitFile(t, filepath.Join(dir, "zh", name))
		en := presplitFile(t, filepath.Join(dir, "en", name))
		links, err := al.Align(zh, en)
		require.NoError(t, err)
		checkLinks(t, links, len(zh), len(en))
		gold, err := eval.ReadLadderFile(filepath.Join(dir, "gold", name+".align"))
		require.NoError(t, err)
		pred := make([]eval.Link, len(links))
		for k, l := range links {
			pred[k] = eval.Link{Src: l.Src, Tgt: l.Tgt}
		}
		docs = append(docs, eval.DocPair{Name: name, Gold: gold, Pred: pred})
		all = append(all, links...)
	}
	return docs, all
}

// TestDevSets scores the aligner on mac-dev (literary) and champollion
// (UN, Hansard, magazine), presplit, Chinese first, with the thresholds of
// the align issue, and checks that link scores mean something: the
// precision of the links scoring at least s rises with s.
func TestDevSets(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns the development sets")
	}
	for _, tc := range []struct {
		set       string
		minStrict float64
	}{
		{"mac-dev", 0.85},
		{"champollion", 0.96},
	} {
		t.Run(tc.set, func(t *testing.T) {
			dir := devdata.Dir(tc.set)
			if dir == "" {
				t.Skip("../shared/data not present")
			}
			docs, predLinks := alignSet(t, dir)
			sc := eval.ScoreLadders(docs)
			t.Logf("%s: %s", tc.set, sc)
			assert.GreaterOrEqual(t, sc.Strict.F1, tc.minStrict)

			// Precision by score threshold.
			type scored struct {
				score float64
				ok    bool
			}
			var links []scored
			k := 0
			for _, d := range docs {
				gold := map[string]bool{}
				for _, g := range d.Gold {
					gold[g.String()] = true
				}
				for _, p := range d.Pred {
					links = append(links, scored{predLinks[k].Score, gold[p.String()]})
					k++
				}
			}
			sort.Slice(links, func(a, b int) bool { return links[a].score < links[b].score })
			prev := -1.0
			for _, th := range []float64{0, 0.5, 0.8, 0.95} {
				n, ok := 0, 0
				for _, l := range links {
					if l.score >= th {
						n++
						if l.ok {
							ok++
						}
					}
				}
				p := float64(ok) / float64(n)
				t.Logf("score ≥ %.2f: %d links, precision %.3f", th, n, p)
				assert.Greater(t, p, prev, "precision must rise with the score threshold")
				prev = p
			}
		})
	}
}

// TestUnrelatedTexts aligns a novel chapter (mac-dev) with a United
// Nations report (champollion): texts that do not translate each other,
// where no link may score above one half.
func TestUnrelatedTexts(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns development documents")
	}
	mac, champ := devdata.Dir("mac-dev"), devdata.Dir("champollion")
	if mac == "" || champ == "" {
		t.Skip("../shared/data not present")
	}
	zh := presplitFile(t, filepath.Join(mac, "zh", "001"))
	for _, doc := range []string{"UN19930101_020", "921008f"} {
		t.Run(doc, func(t *testing.T) {
			en := presplitFile(t, filepath.Join(champ, "en", doc))
			links, err := align.New().Align(zh, en)
			require.NoError(t, err)
			checkLinks(t, links, len(zh), len(en))
			for _, l := range links {
				if len(l.Src) > 0 && len(l.Tgt) > 0 {
					assert.LessOrEqual(t, l.Score, 0.5, "link %v-%v", l.Src, l.Tgt)
				}
			}
		})
	}
}
