package corpus

import (
	"strconv"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/segment"
)

// Unit is one aligned pair of English and Chinese text, as written to and
// read from parallel-text files.
type Unit struct {
	// EN and ZH are the clean texts: several English sentences joined with
	// a space, Chinese ones with nothing, paragraphs with "\n". A missing
	// side (an omission) is "".
	EN, ZH string
	// ENIDs and ZHIDs are the indices of the sentences (or paragraphs) of
	// each side, ascending; empty for a missing side.
	ENIDs, ZHIDs []int
	// Score is the link's score in [0,1].
	Score float64
	// Doc names the document the unit comes from ("" when unknown).
	Doc string
	// Script is the script of the Chinese side, as detected.
	Script segment.Script
}

// Type returns the link type, English count first: "1-1", "1-2", "0-1".
func (u Unit) Type() string {
	return strconv.Itoa(len(u.ENIDs)) + "-" + strconv.Itoa(len(u.ZHIDs))
}

// Level says whether units are built from sentence or paragraph links.
type Level int

// Levels of FromAlignment.
const (
	Sentences Level = iota
	Paragraphs
)

// FromAlignment turns the links of an alignment into units, in link order.
// At paragraph level, an alignment without paragraph links gives no units.
func FromAlignment(a *align.Alignment, level Level, doc string) []Unit {
	links := a.Sentences
	if level == Paragraphs {
		links = a.Paragraphs
	}
	en, zh := &a.Src, &a.Tgt
	swapped := false
	if a.Src.Lang == segment.Chinese {
		en, zh, swapped = &a.Tgt, &a.Src, true
	}
	units := make([]Unit, 0, len(links))
	for _, l := range links {
		eids, zids := l.Src, l.Tgt
		if swapped {
			eids, zids = zids, eids
		}
		u := Unit{ENIDs: eids, ZHIDs: zids, Score: l.Score, Doc: doc}
		if level == Paragraphs {
			u.EN, _ = paraText(en, eids)
			u.ZH, u.Script = paraText(zh, zids)
		} else {
			u.EN = align.Text(en.Sentences, eids)
			u.ZH = align.Text(zh.Sentences, zids)
			u.Script = script(zh.Sentences, zids)
		}
		units = append(units, u)
	}
	return units
}

// paraText joins the text of paragraphs with "\n", and returns their script.
func paraText(s *align.Side, ids []int) (string, segment.Script) {
	var all []int
	for _, p := range ids {
		para := s.Paragraphs[p]
		for k := range para.Count {
			all = append(all, para.First+k)
		}
	}
	return align.Text(s.Sentences, all), script(s.Sentences, all)
}

// script combines the scripts of sentences.
func script(ss []segment.Sentence, ids []int) segment.Script {
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
