package align_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/segment"
)

// FuzzAlignDocuments aligns arbitrary text, as one mixed document (b empty) or as
// two documents, with and without a small memory budget, and checks that
// every sentence and paragraph ends up in exactly one link and that Pairs
// yields one pair per link.
func FuzzAlignDocuments(f *testing.F) {
	f.Add("Hello world. This is it.\n你好世界。就是这样。\n2022\nAnother one here.\n另一个。", "", uint16(0))
	f.Add("One.\nTwo.\n", "一。\n\n二。", uint16(1))
	f.Add("王雯在重庆。\nWang Wen is in Chongqing.", "", uint16(17))
	f.Add("1. First\n2. Second\n", "第一\n第二\n第三", uint16(33))
	f.Fuzz(func(t *testing.T, a, b string, cells uint16) {
		opts := []align.Option{align.WithoutDictionary()}
		if cells%2 == 1 {
			opts = append(opts, align.WithMaxCells(int(cells)))
		}
		al := align.New(opts...)
		da, err := segment.Parse([]byte(a))
		if err != nil {
			require.True(t, errors.Is(err, segment.ErrBinary) || errors.Is(err, segment.ErrEncoding), err.Error())
			return
		}
		var res *align.Alignment
		if b == "" {
			res, err = al.AlignMixed(da)
		} else {
			db, err2 := segment.Parse([]byte(b))
			if err2 != nil {
				require.True(t, errors.Is(err2, segment.ErrBinary) || errors.Is(err2, segment.ErrEncoding), err2.Error())
				return
			}
			res, err = al.AlignDocuments(da, db)
		}
		if err != nil {
			require.True(t, errors.Is(err, align.ErrSameLanguage) || errors.Is(err, align.ErrNoLanguage), err.Error())
			return
		}
		checkLinks(t, res.Sentences, len(res.Src.Sentences), len(res.Tgt.Sentences))
		if res.Paragraphs != nil {
			checkLinks(t, res.Paragraphs, len(res.Src.Paragraphs), len(res.Tgt.Paragraphs))
		}
		for _, lv := range []align.Level{align.Sentences, align.Paragraphs} {
			n := 0
			for p := range res.Pairs(lv) {
				require.False(t, math.IsNaN(p.Score))
				n++
			}
			want := len(res.Sentences)
			if lv == align.Paragraphs {
				want = len(res.Paragraphs)
			}
			require.Equal(t, want, n, "one pair per link")
		}
	})
}
