package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWindows aligns the seed pages as one document without paragraphs
// (coarse-to-fine, the fine search in windows of 16 Chinese sentences)
// and checks that every sentence is in one link, that nearly all links are
// those of one search over the whole band, and that any number of
// workers gives the same links and scores.
func TestWindows(t *testing.T) {
	text := SeedPages(t)
	align := func(rows, workers int) *Alignment {
		al := New(WithWorkers(workers), WithMaxCells(2000), WithoutParagraphs())
		al.opts.windowRows = rows
		res, err := al.AlignTexts(text)
		require.NoError(t, err)
		return res
	}
	whole := align(1<<30, 1)
	win := align(16, 1)
	zh, en := len(win.Src.Sentences), len(win.Tgt.Sentences)
	require.Greater(t, zh, 4*16, "too few sentences for windows")
	seenZH, seenEN := make([]int, zh), make([]int, en)
	for _, l := range win.Sentences {
		for _, i := range l.Src {
			seenZH[i]++
		}
		for _, j := range l.Tgt {
			seenEN[j]++
		}
	}
	for i, n := range seenZH {
		assert.Equal(t, 1, n, "Chinese sentence %d", i)
	}
	for j, n := range seenEN {
		assert.Equal(t, 1, n, "English sentence %d", j)
	}
	key := func(l Link) string { return fmt.Sprint(l.Src, l.Tgt) }
	links := map[string]bool{}
	for _, l := range whole.Sentences {
		links[key(l)] = true
	}
	same := 0
	for _, l := range win.Sentences {
		if links[key(l)] {
			same++
		}
	}
	t.Logf("%d of %d links as in one search", same, len(whole.Sentences))
	assert.GreaterOrEqual(t, float64(same), 0.97*float64(len(whole.Sentences)))
	for _, w := range []int{2, 3} {
		got := align(16, w)
		assert.Equal(t, win.Sentences, got.Sentences, "%d workers", w)
	}
}

// TestMeet checks where the paths of two windows are joined: at a cell
// both pass through, inside the rows they share, nearest the middle.
func TestMeet(t *testing.T) {
	// Window w: rows [0,10], columns from 0; v: rows [6,16], columns
	// from 5. Beads are relative to each window's first row and column.
	path := func(cells ...[2]int) []bead {
		var bs []bead
		for k := 1; k < len(cells); k++ {
			bs = append(bs, bead{i0: cells[k-1][0], i1: cells[k][0], j0: cells[k-1][1], j1: cells[k][1]})
		}
		return bs
	}
	for _, tc := range []struct {
		name string
		w, v []bead
		want [2]int
		ok   bool
	}{
		{"meet at 7 and 8, 8 nearest", path([2]int{0, 0}, [2]int{7, 9}, [2]int{8, 10}, [2]int{10, 12}),
			path([2]int{0, 0}, [2]int{1, 4}, [2]int{2, 5}, [2]int{10, 12}), [2]int{8, 10}, true},
		{"paths cross but share no cell", path([2]int{0, 0}, [2]int{7, 9}, [2]int{10, 12}),
			path([2]int{0, 0}, [2]int{1, 3}, [2]int{10, 12}), [2]int{}, false},
		{"shared cell on the first row of v only", path([2]int{0, 0}, [2]int{6, 5}, [2]int{10, 12}),
			path([2]int{0, 0}, [2]int{10, 12}), [2]int{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &window{a: 0, b: 10, c0: 0, beads: tc.w}
			v := &window{a: 6, b: 16, c0: 5, beads: tc.v}
			got, ok := meet(w, v, 8)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestWindowsLopsided searches windows over many Chinese sentences and few
// English ones (windows with no English column of their own): every
// sentence still ends up in exactly one link.
func TestWindowsLopsided(t *testing.T) {
	var zh, en []string
	for i := range 200 {
		zh = append(zh, fmt.Sprintf("第%d条规定适用于所有成员国。", i+1))
	}
	en = append(en, "Article 7 applies to all member states.", "Article 150 applies to all member states.")
	for _, sides := range [][2][]string{{zh, en}, {zh, en[:1]}} {
		al := New(WithWorkers(2), WithMaxCells(100), WithoutParagraphs())
		al.opts.windowRows = 16
		res, err := al.AlignTexts(strings.Join(sides[0], "\n"), strings.Join(sides[1], "\n"))
		require.NoError(t, err)
		seen := map[[2]int]int{}
		for _, l := range res.Sentences {
			for _, i := range l.Src {
				seen[[2]int{0, i}]++
			}
			for _, j := range l.Tgt {
				seen[[2]int{1, j}]++
			}
		}
		assert.Len(t, seen, len(res.Src.Sentences)+len(res.Tgt.Sentences))
		for k, n := range seen {
			assert.Equal(t, 1, n, "side %d sentence %d", k[0], k[1])
		}
	}
}

// TestJoin checks how the links of windows are joined, and that two
// windows whose paths never meet are searched again as one.
func TestJoin(t *testing.T) {
	// A 30 × 30 region whose path is the diagonal; windows [0,12],
	// [8,22], [18,30], each starting on the diagonal.
	diag := func(a, b int) window {
		w := window{a: a, b: b, c0: a, c1: b}
		for i := 0; i < b-a; i++ {
			w.beads = append(w.beads, bead{i0: i, i1: i + 1, j0: i, j1: i + 1})
		}
		return w
	}
	ws := func() []window {
		w := []window{diag(0, 12), diag(8, 22), diag(18, 30)}
		w[1].own0, w[2].own0 = 10, 20
		return w
	}
	want := diag(0, 30).beads
	t.Run("paths meet", func(t *testing.T) {
		got, ok := join(ws(), 30, 30, func(*window) bool { t.Fatal("searched again"); return false })
		require.True(t, ok)
		assert.Equal(t, want, got)
	})
	// The second window's path skips rows 8 to 12 in one bead and
	// comes back to the diagonal at row 14: it shares no cell with the
	// first window's in rows 9 to 11.
	apart := ws()
	apart[1].beads = append([]bead{{i0: 0, i1: 4, j0: 0, j1: 6}, {i0: 4, i1: 6, j0: 6, j1: 6}}, apart[1].beads[6:]...)
	t.Run("paths apart", func(t *testing.T) {
		var searched []window
		got, ok := join(apart, 30, 30, func(w *window) bool {
			searched = append(searched, *w)
			*w = diag(w.a, w.b)
			return true
		})
		require.True(t, ok)
		assert.Equal(t, want, got)
		require.Len(t, searched, 1)
		assert.Equal(t, [2]int{0, 22}, [2]int{searched[0].a, searched[0].b})
	})
	t.Run("not searched again", func(t *testing.T) {
		_, ok := join(apart, 30, 30, func(*window) bool { return false })
		assert.False(t, ok)
	})
}
