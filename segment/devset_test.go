package segment_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/segment"
)

// boundaryF1 joins the gold sentences of every document of a set (a space
// between English sentences, nothing between Chinese ones), splits the
// result again and scores the sentence ends found against the gold ones.
func boundaryF1(t *testing.T, dir, lang string) (p, r, f float64) {
	t.Helper()
	joiner := " "
	if lang == "zh" {
		joiner = ""
	}
	var tp, fp, fn int
	for _, name := range devdata.Docs(dir) {
		data, err := os.ReadFile(filepath.Join(dir, lang, name))
		require.NoError(t, err)
		var lines []string
		for l := range strings.Lines(string(data)) {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		var text bytes.Buffer
		gold := map[int]bool{}
		for i, l := range lines {
			if i > 0 {
				text.WriteString(joiner)
			}
			text.WriteString(l)
			if i < len(lines)-1 {
				gold[text.Len()] = true
			}
		}
		doc, err := segment.Parse(text.Bytes())
		require.NoError(t, err)
		found := map[int]bool{}
		for i, s := range doc.Sentences {
			if i < len(doc.Sentences)-1 {
				found[s.End] = true
			}
		}
		for e := range found {
			if gold[e] {
				tp++
			} else {
				fp++
				if testing.Verbose() && os.Getenv("SHOW_BOUNDARIES") != "" {
					b := text.Bytes()
					t.Logf("%s/%s false: %q|%q", lang, name, b[max(0, e-40):e], b[e:min(len(b), e+30)])
				}
			}
		}
		for e := range gold {
			if !found[e] {
				fn++
				if testing.Verbose() && os.Getenv("SHOW_BOUNDARIES") != "" {
					b := text.Bytes()
					t.Logf("%s/%s missed: %q|%q", lang, name, b[max(0, e-40):e], b[e:min(len(b), e+30)])
				}
			}
		}
	}
	p = float64(tp) / float64(tp+fp)
	r = float64(tp) / float64(tp+fn)
	return p, r, 2 * p * r / (p + r)
}

// TestBoundaryF1DevSets measures sentence boundaries on the development
// sets against their gold sentences. Thresholds: the naive punctuation
// splitter measured on the same sets (mac-dev zh .97 / en .93, champollion
// zh .92 / en .90), and .97 / .95 on mac-dev.
func TestBoundaryF1DevSets(t *testing.T) {
	for _, tc := range []struct {
		set, lang string
		min       float64
	}{
		{"mac-dev", "zh", 0.97},
		{"mac-dev", "en", 0.95},
		{"champollion", "zh", 0.92},
		{"champollion", "en", 0.90},
	} {
		t.Run(tc.set+"/"+tc.lang, func(t *testing.T) {
			dir := devdata.Dir(tc.set)
			if dir == "" {
				t.Skip("../shared/data not present")
			}
			p, r, f := boundaryF1(t, dir, tc.lang)
			t.Logf("%s %s boundaries: P=%.3f R=%.3f F1=%.3f", tc.set, tc.lang, p, r, f)
			assert.Greater(t, f, tc.min)
		})
	}
}
