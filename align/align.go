package align

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/segment"
)

// Errors returned by the Aligner.
var (
	// ErrSameLanguage means both sides are in the same language.
	ErrSameLanguage = errors.New("align: both sides are in the same language")
	// ErrNoLanguage means a side holds text in neither English nor
	// Chinese (only numbers, dates or symbols).
	ErrNoLanguage = errors.New("align: no English or Chinese text")
)

// Aligner aligns English and Chinese sentences. It is immutable after New
// and safe for concurrent use by several goroutines.
type Aligner struct {
	opts  options
	p     params
	types []beadType
}

// New returns an Aligner configured by opts.
func New(opts ...Option) *Aligner {
	al := &Aligner{opts: defaultOptions(), p: defaultParams()}
	for _, o := range opts {
		if o != nil {
			o(&al.opts)
		}
	}
	al.applyParams()
	return al
}

// With returns a copy of al with opts applied on top of its options: the
// same Aligner for one call with, say, its own progress function
// (WithProgress). al is not changed.
func (al *Aligner) With(opts ...Option) *Aligner {
	c := *al.ready()
	for _, o := range opts {
		if o != nil {
			o(&c.opts)
		}
	}
	c.applyParams()
	return &c
}

// ready returns al, or a default Aligner when al is nil or was not made by
// New: the zero Aligner aligns with the defaults.
func (al *Aligner) ready() *Aligner {
	if al == nil || al.types == nil {
		return New()
	}
	return al
}

// sideLang returns the language of a list of sentences: the one holding
// most text, a Chinese character counting as three letters.
func sideLang(ss []segment.Sentence) segment.Lang {
	var en, zh int
	for _, s := range ss {
		switch s.Lang {
		case segment.English:
			en += utf8.RuneCountInString(s.Text)
		case segment.Chinese:
			// A Chinese character carries about as much as three
			// English letters (see defaultRatio).
			zh += 3 * utf8.RuneCountInString(s.Text)
		}
	}
	switch {
	case zh == 0 && en == 0:
		return segment.Other
	case zh >= en:
		return segment.Chinese
	}
	return segment.English
}

// Align aligns two lists of sentences, one English and one Chinese, in
// either order, and returns links whose Src indices refer to src and Tgt
// indices to tgt. The language of each side is detected. Every sentence
// of both sides appears in exactly one link, and links are in order.
//
// An empty side gives omissions (1-0 or 0-1 links) for the other side.
// Two sides in the same language give an error wrapping ErrSameLanguage.
func (al *Aligner) Align(src, tgt []segment.Sentence) ([]Link, error) {
	al = al.ready()
	res, err := al.alignSides(Side{Sentences: src}, Side{Sentences: tgt}, false, nil)
	if err != nil {
		return nil, err
	}
	return res.Sentences, nil
}

// orient returns the Chinese and the English side, and whether src is the
// English one. A side's language is ls (lt) when it is English or Chinese,
// and is detected from its sentences otherwise.
func orient(src, tgt []segment.Sentence, ls, lt segment.Lang) (zh, en []segment.Sentence, swapped bool, err error) {
	if ls == segment.Other {
		ls = sideLang(src)
	}
	if lt == segment.Other {
		lt = sideLang(tgt)
	}
	switch {
	case len(src) == 0 || len(tgt) == 0:
		// Nothing to compare: the non-empty side, if any, is all
		// omissions whatever its language.
		if ls == segment.English || lt == segment.Chinese {
			return tgt, src, true, nil
		}
		return src, tgt, false, nil
	case ls == segment.Chinese && lt == segment.English:
		return src, tgt, false, nil
	case ls == segment.English && lt == segment.Chinese:
		return tgt, src, true, nil
	case ls == segment.Other && lt == segment.Other:
		return nil, nil, false, fmt.Errorf("%w on either side (only numbers, dates or symbols)", ErrNoLanguage)
	case ls == segment.Other:
		return nil, nil, false, fmt.Errorf("%w on the first side (only numbers, dates or symbols)", ErrNoLanguage)
	case lt == segment.Other:
		return nil, nil, false, fmt.Errorf("%w on the second side (only numbers, dates or symbols)", ErrNoLanguage)
	}
	return nil, nil, false, fmt.Errorf("%w (both %s)", ErrSameLanguage, langName(ls))
}

func langName(l segment.Lang) string {
	switch l {
	case segment.English:
		return "English"
	case segment.Chinese:
		return "Chinese"
	}
	return "neither English nor Chinese"
}

// toLinks turns beads (Chinese rows, English columns) into links in the
// caller's order.
func toLinks(beads []bead, swapped bool) []Link {
	links := make([]Link, len(beads))
	for k, b := range beads {
		zh := span(b.i0, b.i1)
		en := span(b.j0, b.j1)
		l := Link{Src: zh, Tgt: en, Score: b.score}
		if swapped {
			l.Src, l.Tgt = en, zh
		}
		links[k] = l
	}
	return links
}

func span(a, b int) []int {
	if a == b {
		return []int{}
	}
	s := make([]int, b-a)
	for i := range s {
		s[i] = a + i
	}
	return s
}

// applyParams applies the parameters that change the link types.
func (al *Aligner) applyParams() {
	al.types = defaultTypes(al.p)
}
