package align_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/segment"
)

// sents parses one sentence per line.
func sents(t testing.TB, lines ...string) []segment.Sentence {
	t.Helper()
	doc, err := segment.Parse([]byte(strings.Join(lines, "\n")), segment.Presplit())
	require.NoError(t, err)
	return doc.Sentences
}

// checkLinks verifies that links cover [0,n) on the source side and [0,m)
// on the target side exactly once, in order, with scores in [0,1].
func checkLinks(t testing.TB, links []align.Link, n, m int) {
	t.Helper()
	nextS, nextT := 0, 0
	for k, l := range links {
		require.False(t, len(l.Src) == 0 && len(l.Tgt) == 0, "link %d is empty", k)
		for _, i := range l.Src {
			require.Equal(t, nextS, i, "link %d: source ids out of order or missing", k)
			nextS++
		}
		for _, j := range l.Tgt {
			require.Equal(t, nextT, j, "link %d: target ids out of order or missing", k)
			nextT++
		}
		require.GreaterOrEqual(t, l.Score, 0.0, "link %d score", k)
		require.LessOrEqual(t, l.Score, 1.0, "link %d score", k)
	}
	require.Equal(t, n, nextS, "source sentences covered")
	require.Equal(t, m, nextT, "target sentences covered")
}

type pair struct{ src, tgt []int }

func pairs(links []align.Link) []pair {
	var out []pair
	for _, l := range links {
		out = append(out, pair{l.Src, l.Tgt})
	}
	return out
}

func TestAlignSmall(t *testing.T) {
	zh := sents(t,
		"2022年11月15日，重庆举行论坛。",
		"王雯主持会议。",
		"约50家企业出席，其中12家来自白俄罗斯。",
		"论坛于下午5点结束。",
		"会场可容纳3000人，于1998年启用。",
	)
	en := sents(t,
		"On November 15th, 2022, Chongqing held a forum.",
		"Wang Wen chaired the meeting.",
		"About 50 businesses attended.",
		"12 of them came from Belarus.",
		"The forum ended at 5 p.m.",
		"Photo by Li Ming, 2022-11-16 09:45, page 7 of 24.",
		"The hall holds 3,000 people and opened in 1998.",
	)
	links, err := align.New().Align(zh, en)
	require.NoError(t, err)
	checkLinks(t, links, len(zh), len(en))
	assert.Equal(t, []pair{
		{[]int{0}, []int{0}},
		{[]int{1}, []int{1}},
		{[]int{2}, []int{2, 3}},
		{[]int{3}, []int{4}},
		{[]int{}, []int{5}},
		{[]int{4}, []int{6}},
	}, pairs(links))

	// The order of the sides is the caller's.
	back, err := align.New().Align(en, zh)
	require.NoError(t, err)
	checkLinks(t, back, len(en), len(zh))
	for k := range links {
		assert.Equal(t, links[k].Src, back[k].Tgt)
		assert.Equal(t, links[k].Tgt, back[k].Src)
	}
}

func TestAlignEdgeCases(t *testing.T) {
	en := sents(t, "One.", "Two.", "Three.")
	zh := sents(t, "一。", "二。")
	for _, tc := range []struct {
		desc     string
		src, tgt []segment.Sentence
		err      error
	}{
		{"empty both", nil, nil, nil},
		{"empty source", nil, en, nil},
		{"empty target", zh, nil, nil},
		{"both english", en, en, align.ErrSameLanguage},
		{"both chinese", zh, zh, align.ErrSameLanguage},
		{"ten times longer", sents(t, "一。"), sents(t, strings.Split(strings.Repeat("A sentence here.\n", 10), "\n")[:10]...), nil},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			links, err := align.New().Align(tc.src, tc.tgt)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			checkLinks(t, links, len(tc.src), len(tc.tgt))
		})
	}
}

func readSeed(t testing.TB, name string) *segment.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	require.NoError(t, err)
	doc, err := segment.Parse(data)
	require.NoError(t, err)
	return doc
}

var seeds = []string{
	"000_24194bebda09ca34.txt", "001_04ade73db5640df0.txt", "002_3e00285e0875153c.txt",
	"003_091611efc21859bc.txt", "004_2e42eda222b23e5a.txt",
}

// TestAlignMixedSeeds checks the invariants on every seed, and that the
// seeds whose Chinese translates nothing in their English (000, and 004,
// which is English but for a masthead) get no link joining the two.
func TestAlignMixedSeeds(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			doc := readSeed(t, name)
			res, err := align.New().AlignMixed(doc)
			require.NoError(t, err)
			checkLinks(t, res.Sentences, len(res.Src.Sentences), len(res.Tgt.Sentences))
			checkLinks(t, res.Paragraphs, len(res.Src.Paragraphs), len(res.Tgt.Paragraphs))
			assert.Equal(t, len(doc.Sentences), len(res.Src.Sentences)+len(res.Tgt.Sentences), "every sentence on one side")
			both := 0
			for _, l := range res.Sentences {
				if len(l.Src) > 0 && len(l.Tgt) > 0 {
					both++
				}
			}
			if strings.HasPrefix(name, "000") || strings.HasPrefix(name, "004") {
				assert.Zero(t, both, "links joining English and Chinese")
			} else {
				assert.Positive(t, both)
			}
		})
	}
}

// TestCoarseToFine aligns a long synthetic parallel text with a small
// grid limit, so that the coarse-to-fine search runs, and compares it with
// the full search.
func TestCoarseToFine(t *testing.T) {
	var zh, en []string
	for i := range 600 {
		n := strconv.Itoa(i*7 + 3)
		switch i % 3 {
		case 0:
			zh = append(zh, "第"+n+"条规定了会议的程序。")
			en = append(en, "Article "+n+" sets out the procedure of the meeting.")
		case 1:
			zh = append(zh, "委员会于"+n+"年通过了这项决议，并请秘书长报告。")
			en = append(en, "The Committee adopted the resolution in "+n+".", "It asked the Secretary-General to report.")
		default:
			zh = append(zh, "共有"+n+"人出席。")
			en = append(en, "In all, "+n+" people attended.")
		}
	}
	z, e := sents(t, zh...), sents(t, en...)
	full, err := align.New().Align(z, e)
	require.NoError(t, err)
	checkLinks(t, full, len(z), len(e))
	coarse, err := align.New(align.WithMaxCells(20000)).Align(z, e)
	require.NoError(t, err)
	checkLinks(t, coarse, len(z), len(e))
	assert.Equal(t, pairs(full), pairs(coarse))
	assert.Len(t, full, 600)
}

// FuzzAlign checks on random sentence lists that every sentence appears
// in exactly one link, in order.
func FuzzAlign(f *testing.F) {
	f.Add("One.\nTwo 2.\nThree!", "一。\n二2。\n三！", uint8(0))
	f.Add("", "中文。", uint8(1))
	f.Add("A\n\n\nB 1999", "甲\n乙1999年\n丙", uint8(2))
	f.Fuzz(func(t *testing.T, a, b string, mode uint8) {
		da, err := segment.Parse([]byte(a), segment.Presplit())
		if err != nil {
			require.True(t, errors.Is(err, segment.ErrBinary) || errors.Is(err, segment.ErrEncoding), err.Error())
			return
		}
		db, err := segment.Parse([]byte(b), segment.Presplit())
		if err != nil {
			require.True(t, errors.Is(err, segment.ErrBinary) || errors.Is(err, segment.ErrEncoding), err.Error())
			return
		}
		opts := []align.Option{}
		if mode%2 == 1 {
			opts = append(opts, align.WithMaxCells(16))
		}
		links, err := align.New(opts...).Align(da.Sentences, db.Sentences)
		if err != nil {
			require.True(t, errors.Is(err, align.ErrSameLanguage) || errors.Is(err, align.ErrNoLanguage), err.Error())
			return
		}
		checkLinks(t, links, len(da.Sentences), len(db.Sentences))
	})
}
