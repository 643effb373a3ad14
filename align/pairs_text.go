package align

import (
	"iter"
	"strings"

	"github.com/zhenalign/zhenalign/segment"
)

// Level says whether Pairs joins sentence or paragraph links.
type Level int

// Levels of Alignment.Pairs.
const (
	Sentences Level = iota
	Paragraphs
)

// Pair is a link with its text: the English and the Chinese side, the ids
// of the sentences (or paragraphs) of each side, and the link's score.
type Pair struct {
	// EN and ZH are the clean texts: several English sentences joined with
	// a space, Chinese ones with nothing, paragraphs with "\n"; "" for a
	// missing side.
	EN, ZH string
	// ENIDs and ZHIDs index the English and Chinese sentences (or
	// paragraphs) of the alignment's sides; empty for a missing side.
	ENIDs, ZHIDs []int
	Score        float64
	// Script is the script of the Chinese side.
	Script segment.Script
}

// Pairs yields the links of a, in order, as pairs of texts, English first
// whatever the order of the sides. At paragraph level, an alignment made
// without a paragraph pass yields nothing.
func (a *Alignment) Pairs(level Level) iter.Seq[Pair] {
	return func(yield func(Pair) bool) {
		if a == nil {
			return
		}
		links := a.Sentences
		if level == Paragraphs {
			links = a.Paragraphs
		}
		en, zh := &a.Src, &a.Tgt
		swapped := a.Src.Lang == segment.Chinese
		if swapped {
			en, zh = &a.Tgt, &a.Src
		}
		for _, l := range links {
			p := Pair{ENIDs: l.Src, ZHIDs: l.Tgt, Score: l.Score}
			if swapped {
				p.ENIDs, p.ZHIDs = l.Tgt, l.Src
			}
			if level == Paragraphs {
				p.EN, _ = paraText(en, p.ENIDs)
				p.ZH, p.Script = paraText(zh, p.ZHIDs)
			} else {
				p.EN = Text(en.Sentences, p.ENIDs)
				p.ZH = Text(zh.Sentences, p.ZHIDs)
				p.Script = scriptOf(zh.Sentences, p.ZHIDs)
			}
			if !yield(p) {
				return
			}
		}
	}
}

// paraText joins the text of paragraphs with "\n", and returns their script.
func paraText(s *Side, ids []int) (string, segment.Script) {
	var all []int
	for _, p := range ids {
		if p < 0 || p >= len(s.Paragraphs) {
			continue
		}
		para := s.Paragraphs[p]
		for k := range para.Count {
			all = append(all, para.First+k)
		}
	}
	return Text(s.Sentences, all), scriptOf(s.Sentences, all)
}

// scriptOf combines the scripts of sentences.
func scriptOf(ss []segment.Sentence, ids []int) segment.Script {
	var out segment.Script
	for _, i := range ids {
		if i < 0 || i >= len(ss) {
			continue
		}
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

// Text joins the clean text of the sentences ss[ids] of one language: with
// a space for English, with nothing for Chinese, and with a newline between
// sentences of different paragraphs. Ids outside ss are left out.
func Text(ss []segment.Sentence, ids []int) string {
	var b strings.Builder
	prev := -1
	for _, i := range ids {
		if i < 0 || i >= len(ss) {
			continue // not an index of ss
		}
		s := ss[i]
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
