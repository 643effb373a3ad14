package review

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

// Side names one side of a Doc.
type Side int

// The two sides of a Doc, English first whatever the order of the inputs.
const (
	English Side = iota
	Chinese
)

// String returns "en" or "zh".
func (s Side) String() string {
	if s == Chinese {
		return "zh"
	}
	return "en"
}

// Sentence is one sentence of a side of a Doc.
type Sentence struct {
	// ID is the sentence's id in the alignment the Doc was made from (its
	// index in align.Side.Sentences, or the id a loaded unit gave it), as
	// the exports write it. It is not the sentence's index in the Doc.
	ID int
	// Text is the clean text as written (original script).
	Text string
	// Lang and Script are the sentence's language and, for Chinese, its
	// script (segment.Sentence.Lang and Script).
	Lang   segment.Lang
	Script segment.Script
	// Para numbers the sentence's paragraph: sentences of different
	// paragraphs are joined with a newline in a link's text.
	Para int
	// Cue is the sentence's subtitle time, nil when it does not come from
	// a subtitle file.
	Cue *input.Cue
}

// Link joins sentences of the two sides of a Doc. EN and ZH index the Doc's
// sentence lists (not the sentences' IDs), ascending; an empty slice on one
// side is an omission (1-0 or 0-1).
type Link struct {
	EN, ZH []int
	// Score is the link's score in [0,1]: the aligner's, or the one an
	// edit gave it (see Doc). Confirming a link does not change it.
	Score float64
	// Confirmed says a reviewer confirmed the link.
	Confirmed bool
}

// clone returns a copy of l sharing no memory with it, an empty side nil.
func (l Link) clone() Link {
	l.EN, l.ZH = cloneIDs(l.EN), cloneIDs(l.ZH)
	return l
}

// cloneIDs returns a copy of ids, nil when it is empty.
func cloneIDs(ids []int) []int {
	if len(ids) == 0 {
		return nil
	}
	return slices.Clone(ids)
}

// ids returns the indices of side s.
func (l *Link) ids(s Side) *[]int {
	if s == Chinese {
		return &l.ZH
	}
	return &l.EN
}

// Errors of the edits, wrapped with the row concerned.
var (
	// ErrRow means an edit names a row (a link index) the Doc does not have.
	ErrRow = errors.New("review: no such row")
	// ErrEdit means an edit cannot be made on its row: merging the last
	// row, a split that leaves a link with no sentence, moving a sentence
	// from a side that has none or to a neighbour that does not exist.
	ErrEdit = errors.New("review: edit not possible")
	// ErrNothingToUndo means Undo was called with no edit to undo.
	ErrNothingToUndo = errors.New("review: nothing to undo")
	// ErrInvalid means links do not cover the sentences of each side
	// once each, in order (see Doc), or a score is not in [0,1].
	ErrInvalid = errors.New("review: links do not cover the sentences in order")
)

// Doc is an alignment under review: the sentences of the two sides, the
// links between them, and the history of edits.
//
// # Invariant
//
// Every sentence of each side is in exactly one link, in order: the EN
// indices of the links, read link after link, are 0, 1, … len(EN)-1, and
// so are the ZH indices; no link is empty on both sides. Every edit keeps
// this, and an edit that could not (merging the last row, a split leaving
// an empty link) changes nothing and returns an error wrapping ErrEdit.
//
// # Scores
//
// A link the aligner made keeps its score. A link an edit makes gets the
// lowest score of the links it was made from: a merge the lower of the
// two, each half of a split the score of the link split, and of the two
// links a sentence moves between, the one receiving it the lower of the
// two (the one giving it keeps its own). A link an edit changes is
// unconfirmed. Confirming leaves the score as it is, and the exports
// ([Doc.Units]) write 1 for a confirmed link: the reviewer vouches for it.
//
// # Undo
//
// Every edit, confirmations included, can be undone, the last first, back
// to the Doc's creation; the history lives in memory only (a Doc read
// back from a save file starts with none).
//
// A Doc is not safe for concurrent use; Server serialises its calls.
type Doc struct {
	name   string
	en, zh []Sentence
	links  []Link
	undo   []change
}

// change records one edit for Undo: the links old stood at at, where the
// edit put n links.
type change struct {
	at  int
	old []Link
	n   int
}

// New returns a Doc of the sentences en and zh and their links, named
// name (the document the exports name, "" for none).
// It keeps the sentence slices and copies the links.
// Links that do not keep the invariant give an error wrapping ErrInvalid
// that says where.
func New(name string, en, zh []Sentence, links []Link) (*Doc, error) {
	links = slices.Clone(links)
	for i := range links {
		links[i] = links[i].clone()
	}
	d := &Doc{name: name, en: en, zh: zh, links: links}
	if err := d.Check(); err != nil {
		return nil, err
	}
	return d, nil
}

// FromAlignment returns the Doc of the sentence links of a, English first
// whatever the order of its sides, named name. The sentences' IDs are
// their indices in a's sides, as in the units of corpus.FromAlignment.
func FromAlignment(a *align.Alignment, name string) (*Doc, error) {
	if a == nil {
		return nil, fmt.Errorf("%w: nil alignment", ErrInvalid)
	}
	en, zh := &a.Src, &a.Tgt
	swapped := a.Src.Lang == segment.Chinese
	if swapped {
		en, zh = zh, en
	}
	links := make([]Link, len(a.Sentences))
	for k, l := range a.Sentences {
		links[k] = Link{EN: l.Src, ZH: l.Tgt, Score: l.Score}
		if swapped {
			links[k].EN, links[k].ZH = links[k].ZH, links[k].EN
		}
	}
	return New(name, sentencesOf(en), sentencesOf(zh), links)
}

// sentencesOf returns the sentences of an alignment's side.
func sentencesOf(s *align.Side) []Sentence {
	out := make([]Sentence, len(s.Sentences))
	for i, x := range s.Sentences {
		out[i] = Sentence{ID: i, Text: x.Text, Lang: x.Lang, Script: x.Script, Para: x.Para}
		if i < len(s.Cues) {
			c := s.Cues[i]
			out[i].Cue = &c
		}
	}
	return out
}

// Name returns the name of the document under review.
func (d *Doc) Name() string { return d.name }

// Len returns the number of links (rows).
func (d *Doc) Len() int { return len(d.links) }

// Sentences returns a copy of the sentences of side s.
func (d *Doc) Sentences(s Side) []Sentence {
	if s == Chinese {
		return slices.Clone(d.zh)
	}
	return slices.Clone(d.en)
}

// Links returns a copy of the links, in order.
func (d *Doc) Links() []Link {
	out := make([]Link, len(d.links))
	for i, l := range d.links {
		out[i] = l.clone()
	}
	return out
}

// Link returns a copy of link i; ok is false when there is no link i.
func (d *Doc) Link(i int) (l Link, ok bool) {
	if i < 0 || i >= len(d.links) {
		return Link{}, false
	}
	return d.links[i].clone(), true
}

// Confirmed returns the number of confirmed links.
func (d *Doc) Confirmed() int {
	n := 0
	for _, l := range d.links {
		if l.Confirmed {
			n++
		}
	}
	return n
}

// CanUndo reports whether there is an edit to undo.
func (d *Doc) CanUndo() bool { return len(d.undo) > 0 }

// Check reports whether the links keep the invariant (see Doc), and where
// they do not, with an error wrapping ErrInvalid.
func (d *Doc) Check() error {
	next := [2]int{}
	for k, l := range d.links {
		if len(l.EN) == 0 && len(l.ZH) == 0 {
			return fmt.Errorf("%w: row %d links no sentence", ErrInvalid, k)
		}
		if !(l.Score >= 0 && l.Score <= 1) {
			return fmt.Errorf("%w: row %d: score %v not in [0,1]", ErrInvalid, k, l.Score)
		}
		for s, ids := range [][]int{l.EN, l.ZH} {
			for _, i := range ids {
				if i != next[s] {
					return fmt.Errorf("%w: row %d: %s sentence %d where %d was due", ErrInvalid, k, Side(s), i, next[s])
				}
				next[s]++
			}
		}
	}
	for s, n := range []int{len(d.en), len(d.zh)} {
		if next[s] != n {
			return fmt.Errorf("%w: %d %s sentences, %d linked", ErrInvalid, n, Side(s), next[s])
		}
	}
	return nil
}

// replace puts links in place of the n links at at, and records the change
// for Undo.
func (d *Doc) replace(at, n int, links ...Link) {
	old := make([]Link, n)
	copy(old, d.links[at:at+n])
	d.undo = append(d.undo, change{at: at, old: old, n: len(links)})
	d.links = slices.Replace(d.links, at, at+n, links...)
}

// row checks that i is a row.
func (d *Doc) row(i int) error {
	if i < 0 || i >= len(d.links) {
		return fmt.Errorf("%w: row %d of %d", ErrRow, i, len(d.links))
	}
	return nil
}

// Merge joins link i and link i+1 into one link, unconfirmed, with the
// lower of their scores.
func (d *Doc) Merge(i int) error {
	if err := d.row(i); err != nil {
		return err
	}
	if i+1 >= len(d.links) {
		return fmt.Errorf("%w: row %d is the last: nothing to merge it with", ErrEdit, i)
	}
	a, b := d.links[i], d.links[i+1]
	m := Link{EN: concat(a.EN, b.EN), ZH: concat(a.ZH, b.ZH), Score: min(a.Score, b.Score)}
	d.replace(i, 2, m)
	return nil
}

// Split divides link i in two: the first takes its first en English and
// first zh Chinese sentences, the second the rest; both are unconfirmed
// and keep the link's score. Each must keep a sentence: en in [0,
// len(EN)], zh in [0, len(ZH)], and neither (0, 0) nor (len(EN),
// len(ZH)).
func (d *Doc) Split(i, en, zh int) error {
	if err := d.row(i); err != nil {
		return err
	}
	l := d.links[i]
	if en < 0 || en > len(l.EN) || zh < 0 || zh > len(l.ZH) {
		return fmt.Errorf("%w: row %d has %d English and %d Chinese sentences: cannot split after %d and %d",
			ErrEdit, i, len(l.EN), len(l.ZH), en, zh)
	}
	if (en == 0 && zh == 0) || (en == len(l.EN) && zh == len(l.ZH)) {
		return fmt.Errorf("%w: row %d: a split after %d English and %d Chinese sentences leaves a link with none",
			ErrEdit, i, en, zh)
	}
	a := Link{EN: cloneIDs(l.EN[:en]), ZH: cloneIDs(l.ZH[:zh]), Score: l.Score}
	b := Link{EN: cloneIDs(l.EN[en:]), ZH: cloneIDs(l.ZH[zh:]), Score: l.Score}
	d.replace(i, 1, a, b)
	return nil
}

// MoveUp moves the first sentence of side s in link i to the end of link
// i-1 (Alt+↑ on the page). Link i-1 gets the lower of the two scores; link
// i, left with no sentence, is removed. Both are unconfirmed.
func (d *Doc) MoveUp(i int, s Side) error {
	if err := d.row(i); err != nil {
		return err
	}
	if i == 0 {
		return fmt.Errorf("%w: row 0 is the first: no link above it", ErrEdit)
	}
	from, to := d.links[i].clone(), d.links[i-1].clone()
	src := from.ids(s)
	if len(*src) == 0 {
		return fmt.Errorf("%w: row %d has no %s sentence to move", ErrEdit, i, s)
	}
	dst := to.ids(s)
	*dst = append(*dst, (*src)[0])
	*src = cloneIDs((*src)[1:])
	to.Score, to.Confirmed, from.Confirmed = min(to.Score, from.Score), false, false
	if len(from.EN) == 0 && len(from.ZH) == 0 {
		d.replace(i-1, 2, to)
	} else {
		d.replace(i-1, 2, to, from)
	}
	return nil
}

// MoveDown moves the last sentence of side s in link i to the start of
// link i+1 (Alt+↓ on the page). Link i+1 gets the lower of the two scores;
// link i, left with no sentence, is removed. Both are unconfirmed.
func (d *Doc) MoveDown(i int, s Side) error {
	if err := d.row(i); err != nil {
		return err
	}
	if i+1 >= len(d.links) {
		return fmt.Errorf("%w: row %d is the last: no link below it", ErrEdit, i)
	}
	from, to := d.links[i].clone(), d.links[i+1].clone()
	src := from.ids(s)
	if len(*src) == 0 {
		return fmt.Errorf("%w: row %d has no %s sentence to move", ErrEdit, i, s)
	}
	dst := to.ids(s)
	last := (*src)[len(*src)-1]
	*dst = append([]int{last}, *dst...)
	*src = cloneIDs((*src)[:len(*src)-1])
	to.Score, to.Confirmed, from.Confirmed = min(to.Score, from.Score), false, false
	if len(from.EN) == 0 && len(from.ZH) == 0 {
		d.replace(i, 2, to)
	} else {
		d.replace(i, 2, from, to)
	}
	return nil
}

// Confirm marks link i confirmed (on) or not, leaving its score as it is.
func (d *Doc) Confirm(i int, on bool) error {
	if err := d.row(i); err != nil {
		return err
	}
	l := d.links[i].clone()
	l.Confirmed = on
	d.replace(i, 1, l)
	return nil
}

// Undo undoes the last edit not yet undone. With nothing to undo it
// returns ErrNothingToUndo.
func (d *Doc) Undo() error {
	_, err := d.undoChange()
	return err
}

// undoChange undoes the last edit and returns the change that undid it:
// the n links now at at, where c.old were before the undo.
func (d *Doc) undoChange() (change, error) {
	if len(d.undo) == 0 {
		return change{}, ErrNothingToUndo
	}
	c := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	undone := change{at: c.at, old: slices.Clone(d.links[c.at : c.at+c.n]), n: len(c.old)}
	d.links = slices.Replace(d.links, c.at, c.at+c.n, c.old...)
	return undone, nil
}

// lastChange returns the last edit of the history.
func (d *Doc) lastChange() change {
	if len(d.undo) == 0 {
		return change{}
	}
	return d.undo[len(d.undo)-1]
}

// state is a copy of what edits change, to put back when an edit cannot
// be saved.
type state struct {
	links []Link
	undo  []change
}

func (d *Doc) snapshot() state {
	return state{links: slices.Clone(d.links), undo: slices.Clone(d.undo)}
}

func (d *Doc) restore(s state) { d.links, d.undo = s.links, s.undo }

// Unit returns link i as a unit for the corpus writers, as the exports
// write it: the texts joined as align.Text joins them, the sentences' IDs,
// score 1 when the link is confirmed, the Chinese script and the subtitle
// times of the sentences.
func (d *Doc) Unit(i int) corpus.Unit {
	if i < 0 || i >= len(d.links) {
		return corpus.Unit{}
	}
	l := d.links[i]
	u := corpus.Unit{
		EN: join(d.en, l.EN), ZH: join(d.zh, l.ZH), ENIDs: idsOf(d.en, l.EN), ZHIDs: idsOf(d.zh, l.ZH),
		Score: l.Score, Doc: d.name, Script: scriptOf(d.zh, l.ZH), ENTime: span(d.en, l.EN), ZHTime: span(d.zh, l.ZH),
	}
	if l.Confirmed {
		u.Score = 1
	}
	return u
}

// Units returns the links as units, in order (see Unit).
func (d *Doc) Units() []corpus.Unit {
	out := make([]corpus.Unit, len(d.links))
	for i := range d.links {
		out[i] = d.Unit(i)
	}
	return out
}

// concat returns a new slice holding a then b, nil when both are empty.
func concat(a, b []int) []int {
	return cloneIDs(append(slices.Clone(a), b...))
}

// join joins the texts of sentences ss[ids] as align.Text does: a newline
// between paragraphs, a space before a sentence that is not Chinese,
// nothing before a Chinese one; but an empty sentence (a blank line of
// presplit input) adds no separator.
func join(ss []Sentence, ids []int) string {
	var b strings.Builder
	prev := -1
	for _, i := range ids {
		s := ss[i]
		if s.Text == "" {
			continue
		}
		if prev >= 0 {
			switch {
			case s.Para != ss[prev].Para:
				b.WriteByte('\n')
			case s.Lang != segment.Chinese:
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text)
		prev = i
	}
	return b.String()
}

// idsOf returns the IDs of sentences ss[ids], never nil.
func idsOf(ss []Sentence, ids []int) []int {
	out := make([]int, len(ids))
	for k, i := range ids {
		out[k] = ss[i].ID
	}
	return out
}

// scriptOf combines the scripts of sentences ss[ids] as package align
// does for a pair.
func scriptOf(ss []Sentence, ids []int) segment.Script {
	var out segment.Script
	for _, i := range ids {
		switch sc := ss[i].Script; {
		case sc == segment.NoScript || sc == segment.Ambiguous:
			if out == segment.NoScript {
				out = sc
			}
		case out == segment.NoScript || out == segment.Ambiguous:
			out = sc
		case out != sc:
			out = segment.Mixed
		}
	}
	return out
}

// span returns the time span of the cues of sentences ss[ids], nil when
// none has one.
func span(ss []Sentence, ids []int) *input.Cue {
	var c *input.Cue
	for _, i := range ids {
		x := ss[i].Cue
		if x == nil {
			continue
		}
		if c == nil {
			c = &input.Cue{Start: x.Start, End: x.End}
		}
		c.End = x.End
	}
	return c
}
