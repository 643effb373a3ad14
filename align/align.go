package align

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/segment"
)

// Errors returned by the Aligner.
var (
	// ErrSameLanguage means both sides are in the same language (or
	// neither holds English or Chinese text).
	ErrSameLanguage = errors.New("align: both sides are in the same language")
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
		o(&al.opts)
	}
	al.applyParams()
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
	}
	return nil, nil, false, fmt.Errorf("%w (first side %s, second side %s)", ErrSameLanguage, langName(ls), langName(lt))
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

// features computes the raw units of both sides: English first, so that
// the Chinese side keeps only the name spellings the English side has. It
// also returns the lexicon used, nil without a dictionary.
func (al *Aligner) features(zh, en []segment.Sentence) (rz, re []rawUnit, lx *lexicon, err error) {
	f := &extractor{opts: &al.opts}
	if !al.opts.noDict {
		d := al.opts.dict
		if d == nil {
			if d, err = DefaultDictionary(); err != nil {
				return nil, nil, nil, err
			}
		}
		f.lex = newLexicon(d)
	}
	re = make([]rawUnit, len(en))
	for i, s := range en {
		re[i] = englishFeatures(s.Norm, f)
	}
	f.addNames(re)
	rz = make([]rawUnit, len(zh))
	for i, s := range zh {
		rz[i] = chineseFeatures(s.Norm, f)
	}
	return rz, re, f.lex, nil
}

// searchBand runs the search over region rg within band bd.
func (al *Aligner) searchBand(md *model, rg region, bd band) []bead {
	n := rg.r1 - rg.r0
	m := rg.c1 - rg.c0
	// The pairs a bead may touch: rows near i, columns of the band rows
	// around it.
	plo := make([]int32, n)
	phi := make([]int32, n)
	for r := range n {
		lo := bd.lo[max(0, r-maxSide+1)] - maxSide
		hi := bd.hi[min(n, r+maxSide)]
		plo[r] = max(0, lo) + int32(rg.c0)
		phi[r] = min(int32(m), hi) + int32(rg.c0)
	}
	pt := newPairTable(md, rg.r0, rg.r1, rg.c0, rg.c1, plo, phi)
	s := &scorer{m: md, pairs: pt, types: al.types}
	var progress func(int)
	if al.opts.progress != nil {
		total := 3 * (n + 1)
		progress = func(i int) {
			if i%256 == 0 || i == total-1 {
				al.opts.progress(i+1, total)
			}
		}
	}
	beads, _ := s.search(rg, bd, al.p.temp, al.p.minPost, al.p.parallelOdds, progress)
	return beads
}

// applyParams applies the parameters that change the link types.
func (al *Aligner) applyParams() {
	al.types = defaultTypes(al.p)
}
