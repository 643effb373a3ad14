package align

import (
	"iter"
	"slices"
	"strings"

	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

// Link joins sentences of the source side to sentences of the target side.
// Src and Tgt hold indices into the two sentence lists, ascending; an empty
// slice on one side is an omission (1-0 or 0-1). Score is the probability
// that the link is right (calibrated on the development sets: of the links
// scored about 0.8, about 80% are right), omissions included.
type Link struct {
	Src   []int
	Tgt   []int
	Score float64
}

// Side is one side of an alignment: sentences in one language and the
// paragraphs they belong to.
type Side struct {
	Lang segment.Lang
	// Sentences are the side's sentences in document order; link indices
	// refer to this slice.
	Sentences []segment.Sentence
	// Paragraphs are the side's paragraphs; First and Count index
	// Sentences (not the Document's sentence list), and Sentence.Para of
	// the sentences is left as in the Document.
	Paragraphs []segment.Paragraph
	// Format and Encoding are what the side's source was read as, by
	// AlignSources (see package input); the zero Format and "" otherwise.
	// The sentences' byte offsets (Start, End) are offsets into the text
	// input.Read extracted: the file itself for UTF-8 plain text.
	Format   input.Format
	Encoding string
	// Cues holds the subtitle times of each sentence (Cues[i] for
	// Sentences[i]) when the source was a subtitle file; nil otherwise.
	Cues []input.Cue
}

// setInput records what the side's sentences were read from: their
// format, encoding, and subtitle times (each sentence has the times of the
// line of t.Data it starts on).
func (s *Side) setInput(t *input.Text) {
	s.Format, s.Encoding = t.Format, t.Encoding
	if t.Cues == nil {
		return
	}
	var lines []int // offset of each line of t.Data
	for i, start := 0, 0; i <= len(t.Data); i++ {
		if i == len(t.Data) || t.Data[i] == '\n' {
			lines = append(lines, start)
			start = i + 1
		}
	}
	s.Cues = make([]input.Cue, len(s.Sentences))
	for k, sent := range s.Sentences {
		line, found := slices.BinarySearch(lines, sent.Start)
		if !found {
			line--
		}
		if line >= 0 && line < len(t.Cues) {
			s.Cues[k] = t.Cues[line]
		}
	}
}

// Alignment is the result of aligning two documents, or the English and
// Chinese paragraphs of one mixed document.
type Alignment struct {
	Src, Tgt Side
	// Paragraphs links Src.Paragraphs to Tgt.Paragraphs. When a document
	// is a single paragraph, it holds one link joining all paragraphs. It
	// is nil when there are no paragraphs to link: with WithoutParagraphs
	// (presplit input) and from Aligner.Align.
	Paragraphs []Link
	// Sentences links Src.Sentences to Tgt.Sentences. Inside aligned
	// paragraphs, the score of a sentence link is its probability within
	// the paragraph link times the paragraph link's score.
	Sentences []Link
	// Warnings holds what did not stop the alignment but should be told
	// to the user: each error wraps one of the package's warning values
	// (ErrInvalidUTF8, input.ErrReplaced, ErrOneLanguage,
	// ErrMostlyOmissions). From AlignSources they name their input; from
	// AlignMixed and AlignDocuments, which have no names, they do not.
	Warnings []error
}

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
	// ENTime and ZHTime are the subtitle times of each side, from the
	// start of its first cue to the end of its last, when the side comes
	// from a subtitle file; nil otherwise.
	ENTime, ZHTime *input.Cue
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
				p.ENTime, p.ZHTime = en.span(p.ENIDs), zh.span(p.ZHIDs)
			}
			if !yield(p) {
				return
			}
		}
	}
}

// span returns the time span of the cues of sentences ids, or nil when the
// side has no cues or ids is empty.
func (s *Side) span(ids []int) *input.Cue {
	if s.Cues == nil || len(ids) == 0 {
		return nil
	}
	var c *input.Cue
	for _, i := range ids {
		if i < 0 || i >= len(s.Cues) {
			continue
		}
		if c == nil {
			c = &input.Cue{Start: s.Cues[i].Start, End: s.Cues[i].End}
		}
		c.End = s.Cues[i].End
	}
	return c
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
