package review_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/review"
	"github.com/zhenalign/zhenalign/segment"
)

// parseLinks reads links written "0,1:0 2:1,2 :3": English ids, a colon,
// Chinese ids, links separated by spaces; the scores are given apart.
func parseLinks(t testing.TB, s string, scores ...float64) []review.Link {
	t.Helper()
	var links []review.Link
	for k, f := range strings.Fields(s) {
		en, zh, ok := strings.Cut(f, ":")
		require.True(t, ok, f)
		l := review.Link{EN: ints(t, en), ZH: ints(t, zh), Score: 1}
		if k < len(scores) {
			l.Score = scores[k]
		}
		links = append(links, l)
	}
	return links
}

func ints(t testing.TB, s string) []int {
	t.Helper()
	var out []int
	for _, x := range strings.Split(s, ",") {
		if x == "" {
			continue
		}
		n, err := strconv.Atoi(x)
		require.NoError(t, err)
		out = append(out, n)
	}
	return out
}

// show writes links as parseLinks reads them.
func show(links []review.Link) string {
	parts := make([]string, len(links))
	for k, l := range links {
		parts[k] = join(l.EN) + ":" + join(l.ZH)
	}
	return strings.Join(parts, " ")
}

func join(ids []int) string {
	s := make([]string, len(ids))
	for k, i := range ids {
		s[k] = strconv.Itoa(i)
	}
	return strings.Join(s, ",")
}

// newDoc returns a Doc of en English and zh Chinese sentences ("E0."...,
// "中0。"...) linked as links says.
func newDoc(t testing.TB, en, zh int, links string, scores ...float64) *review.Doc {
	t.Helper()
	d, err := review.New("test.txt", sentences(en, segment.English), sentences(zh, segment.Chinese), parseLinks(t, links, scores...))
	require.NoError(t, err)
	return d
}

func sentences(n int, lang segment.Lang) []review.Sentence {
	out := make([]review.Sentence, n)
	for i := range out {
		out[i] = review.Sentence{ID: i, Lang: lang, Text: "E" + strconv.Itoa(i) + "."}
		if lang == segment.Chinese {
			out[i].Text = "中" + strconv.Itoa(i) + "。"
			out[i].Script = segment.Simplified
		}
	}
	return out
}

func TestNewChecksInvariant(t *testing.T) {
	for _, tc := range []struct {
		desc, links string
		en, zh      int
		want        string // "" = valid
	}{
		{"one to one", "0:0 1:1", 2, 2, ""},
		{"omissions", "0: :0 1:1", 2, 2, ""},
		{"no links, no sentences", "", 0, 0, ""},
		{"empty link", "0:0 : 1:1", 2, 2, "row 1 links no sentence"},
		{"gap", "0:0 2:1", 3, 2, "row 1: en sentence 2 where 1 was due"},
		{"out of order", "1:0 0:1", 2, 2, "row 0: en sentence 1 where 0 was due"},
		{"twice", "0:0,1 1:1", 2, 2, "row 1: zh sentence 1 where 2 was due"},
		{"missing at the end", "0:0", 2, 1, "2 en sentences, 1 linked"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := review.New("", sentences(tc.en, segment.English), sentences(tc.zh, segment.Chinese), parseLinks(t, tc.links))
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, review.ErrInvalid)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := review.New("", sentences(1, segment.English), nil, []review.Link{{EN: []int{0}, Score: 1.5}})
	assert.ErrorIs(t, err, review.ErrInvalid)
}

func TestEdits(t *testing.T) {
	type edit func(d *review.Doc) error
	merge := func(i int) edit { return func(d *review.Doc) error { return d.Merge(i) } }
	split := func(i, en, zh int) edit { return func(d *review.Doc) error { return d.Split(i, en, zh) } }
	up := func(i int, s review.Side) edit { return func(d *review.Doc) error { return d.MoveUp(i, s) } }
	down := func(i int, s review.Side) edit { return func(d *review.Doc) error { return d.MoveDown(i, s) } }
	confirm := func(i int) edit { return func(d *review.Doc) error { return d.Confirm(i, true) } }
	for _, tc := range []struct {
		desc   string
		en, zh int
		links  string
		scores []float64
		edit   edit
		want   string
		score  []float64
		err    error
	}{
		{desc: "merge", en: 3, zh: 3, links: "0:0 1:1 2:2", scores: []float64{0.9, 0.4, 0.8}, edit: merge(0),
			want: "0,1:0,1 2:2", score: []float64{0.4, 0.8}},
		{desc: "merge with an omission", en: 2, zh: 1, links: "0:0 1:", edit: merge(0), want: "0,1:0"},
		{desc: "merge the last row", en: 2, zh: 2, links: "0:0 1:1", edit: merge(1), err: review.ErrEdit},
		{desc: "merge no row", en: 2, zh: 2, links: "0:0 1:1", edit: merge(-1), err: review.ErrRow},
		{desc: "split 2-2", en: 3, zh: 3, links: "0,1:0,1 2:2", scores: []float64{0.3, 1}, edit: split(0, 1, 1),
			want: "0:0 1:1 2:2", score: []float64{0.3, 0.3, 1}},
		{desc: "split 1-1 into omissions", en: 1, zh: 1, links: "0:0", edit: split(0, 1, 0), want: "0: :0"},
		{desc: "split 2-1 into 1-0 1-1", en: 2, zh: 1, links: "0,1:0", edit: split(0, 1, 0), want: "0: 1:0"},
		{desc: "split leaving nothing first", en: 2, zh: 2, links: "0,1:0,1", edit: split(0, 0, 0), err: review.ErrEdit},
		{desc: "split leaving nothing second", en: 2, zh: 2, links: "0,1:0,1", edit: split(0, 2, 2), err: review.ErrEdit},
		{desc: "split past the end", en: 2, zh: 2, links: "0,1:0,1", edit: split(0, 3, 0), err: review.ErrEdit},
		{desc: "split no row", en: 2, zh: 2, links: "0,1:0,1", edit: split(1, 1, 1), err: review.ErrRow},
		{desc: "move up", en: 3, zh: 3, links: "0:0 1,2:1 :2", scores: []float64{0.9, 0.5, 1}, edit: up(1, review.English),
			want: "0,1:0 2:1 :2", score: []float64{0.5, 0.5, 1}},
		{desc: "move up empties the row", en: 2, zh: 2, links: "0:0 :1 1:", edit: up(1, review.Chinese),
			want: "0:0,1 1:"},
		{desc: "move up from the first row", en: 2, zh: 2, links: "0:0 1:1", edit: up(0, review.English), err: review.ErrEdit},
		{desc: "move up from an empty side", en: 2, zh: 2, links: "0:0,1 1:", edit: up(1, review.Chinese), err: review.ErrEdit},
		{desc: "move down", en: 3, zh: 3, links: "0:0,1 1:2 2:", scores: []float64{0.9, 0.6, 0.2}, edit: down(0, review.Chinese),
			want: "0:0 1:1,2 2:", score: []float64{0.9, 0.6, 0.2}},
		{desc: "move down empties the row", en: 2, zh: 2, links: "0:0 1: :1", edit: down(1, review.English),
			want: "0:0 1:1"},
		{desc: "move down from the last row", en: 2, zh: 2, links: "0:0 1:1", edit: down(1, review.English), err: review.ErrEdit},
		{desc: "confirm", en: 1, zh: 1, links: "0:0", scores: []float64{0.3}, edit: confirm(0), want: "0:0", score: []float64{0.3}},
		{desc: "confirm no row", en: 1, zh: 1, links: "0:0", edit: confirm(2), err: review.ErrRow},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			d := newDoc(t, tc.en, tc.zh, tc.links, tc.scores...)
			before := d.Links()
			err := tc.edit(d)
			require.NoError(t, d.Check())
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				assert.Equal(t, before, d.Links(), "a failed edit changes nothing")
				assert.False(t, d.CanUndo())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, show(d.Links()))
			if tc.score != nil {
				var got []float64
				for _, l := range d.Links() {
					got = append(got, l.Score)
				}
				assert.Equal(t, tc.score, got)
			}
			require.NoError(t, d.Undo())
			assert.Equal(t, before, d.Links(), "undo restores the links")
			assert.ErrorIs(t, d.Undo(), review.ErrNothingToUndo)
		})
	}
}

func TestConfirmAndEditUnconfirms(t *testing.T) {
	d := newDoc(t, 3, 3, "0:0 1:1 2:2", 0.9, 0.4, 0.7)
	require.NoError(t, d.Confirm(0, true))
	require.NoError(t, d.Confirm(1, true))
	assert.Equal(t, 2, d.Confirmed())
	u := d.Unit(1)
	assert.Equal(t, 1.0, u.Score, "exports give a confirmed link 1")
	l, _ := d.Link(1)
	assert.Equal(t, 0.4, l.Score, "the link keeps its score")
	require.NoError(t, d.Merge(0))
	assert.Equal(t, 0, d.Confirmed(), "a merged link is unconfirmed")
	require.NoError(t, d.Undo())
	assert.Equal(t, 2, d.Confirmed())
	require.NoError(t, d.Confirm(1, false))
	assert.Equal(t, 1, d.Confirmed())
	assert.Equal(t, 0.4, d.Unit(1).Score)
}

func TestUnitText(t *testing.T) {
	en := []review.Sentence{
		{ID: 4, Text: "One.", Lang: segment.English, Para: 0},
		{ID: 5, Text: "Two.", Lang: segment.English, Para: 0},
		{ID: 6, Text: "Three.", Lang: segment.English, Para: 1},
	}
	zh := []review.Sentence{
		{ID: 7, Text: "一。", Lang: segment.Chinese, Script: segment.Ambiguous, Para: 0},
		{ID: 8, Text: "2022", Lang: segment.Other, Para: 0},
		{ID: 9, Text: "三。", Lang: segment.Chinese, Script: segment.Ambiguous, Para: 0},
	}
	d, err := review.New("doc", en, zh, []review.Link{{EN: []int{0, 1, 2}, ZH: []int{0, 1, 2}, Score: 0.5}})
	require.NoError(t, err)
	u := d.Unit(0)
	assert.Equal(t, "One. Two.\nThree.", u.EN)
	assert.Equal(t, "一。 2022三。", u.ZH, "joined as align.Text joins: a space before a sentence that is not Chinese")
	assert.Equal(t, []int{4, 5, 6}, u.ENIDs)
	assert.Equal(t, []int{7, 8, 9}, u.ZHIDs)
	assert.Equal(t, "3-3", u.Type())
	assert.Equal(t, "doc", u.Doc)
	assert.Equal(t, segment.Ambiguous, u.Script)
	assert.Equal(t, review.Link{}, func() review.Link { l, _ := d.Link(5); return l }())
}

// FuzzEdits applies a sequence of edits read from the fuzzer's bytes to a
// Doc: after each, the links keep the invariant, a failed edit changes
// nothing, and undoing every edit gives back the first links; a save and
// load in between gives back the same links.
func FuzzEdits(f *testing.F) {
	f.Add(uint8(5), uint8(4), []byte{0, 0, 1, 1, 2, 1, 3, 2, 4, 0, 5, 0})
	f.Add(uint8(1), uint8(1), []byte{1, 0, 1, 0, 0, 0})
	f.Add(uint8(8), uint8(0), []byte{0, 1, 0, 2, 2, 3, 3, 0, 1, 7})
	f.Fuzz(func(t *testing.T, ne, nz uint8, ops []byte) {
		en, zh := int(ne%12), int(nz%12)
		if en+zh == 0 {
			return
		}
		// Start from 1-1 links, the rest omissions.
		var links []review.Link
		for i := range max(en, zh) {
			l := review.Link{Score: float64(i%10) / 10}
			if i < en {
				l.EN = []int{i}
			}
			if i < zh {
				l.ZH = []int{i}
			}
			links = append(links, l)
		}
		d, err := review.New("", sentences(en, segment.English), sentences(zh, segment.Chinese), links)
		require.NoError(t, err)
		first := d.Links()
		done := 0
		for k := 0; k+1 < len(ops) && k < 200; k += 2 {
			op, arg := ops[k]%7, int(ops[k+1])
			row := arg % (d.Len() + 1)
			before := d.Links()
			var err error
			switch op {
			case 0:
				err = d.Merge(row)
			case 1:
				err = d.Split(row, arg>>4%3, arg>>6%3)
			case 2:
				err = d.MoveUp(row, review.Side(arg>>5%2))
			case 3:
				err = d.MoveDown(row, review.Side(arg>>5%2))
			case 4:
				err = d.Confirm(row, arg&1 == 0)
			case 5:
				if err = d.Undo(); err == nil {
					done--
				}
				require.NoError(t, d.Check())
				continue
			case 6:
				var b strings.Builder
				require.NoError(t, review.WriteState(&b, d))
				got, err := review.ReadJSONL(strings.NewReader(b.String()), "state")
				require.NoError(t, err)
				require.Equal(t, d.Links(), got.Links(), "a save file reads back the same links")
				require.Equal(t, d.Units(), got.Units())
				continue
			}
			require.NoError(t, d.Check(), "op %d row %d", op, row)
			if err != nil {
				require.True(t, errors.Is(err, review.ErrEdit) || errors.Is(err, review.ErrRow), err)
				require.Equal(t, before, d.Links(), "a failed edit changes nothing")
				continue
			}
			done++
			for _, l := range d.Links() {
				require.True(t, l.Score >= 0 && l.Score <= 1)
			}
		}
		for range done {
			require.NoError(t, d.Undo())
		}
		require.ErrorIs(t, d.Undo(), review.ErrNothingToUndo)
		assert.Equal(t, first, d.Links(), "undoing every edit gives back the first links")
	})
}
