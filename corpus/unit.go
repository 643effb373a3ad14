package corpus

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/input"
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
	// ENTime and ZHTime are the subtitle times of each side (from the
	// start of its first cue to the end of its last) when the side comes
	// from a subtitle file; nil otherwise.
	ENTime, ZHTime *input.Cue
}

// Type returns the link type, English count first: "1-1", "1-2", "0-1".
// A unit read without sentence indices (a TMX from another tool, a JSONL
// row with no ids) counts each non-empty side as one.
func (u Unit) Type() string {
	ne, nz := len(u.ENIDs), len(u.ZHIDs)
	if ne == 0 && nz == 0 {
		if u.EN != "" {
			ne = 1
		}
		if u.ZH != "" {
			nz = 1
		}
	}
	return strconv.Itoa(ne) + "-" + strconv.Itoa(nz)
}

// ErrScore means a unit's score is not a number in [0,1].
var ErrScore = errors.New("corpus: score not in [0,1]")

// checkScore returns an error wrapping ErrScore when x is not in [0,1]
// (NaN and infinities included).
func checkScore(x float64) error {
	if math.IsNaN(x) || x < 0 || x > 1 {
		return fmt.Errorf("%w: %v", ErrScore, x)
	}
	return nil
}

// blank reports whether both sides of u are empty: a unit the text formats
// leave out (a blank line of presplit input, linked as an omission).
func blank(u Unit) bool { return u.EN == "" && u.ZH == "" }

// Level says whether units are built from sentence or paragraph links.
type Level = align.Level

// Levels of FromAlignment.
const (
	Sentences  = align.Sentences
	Paragraphs = align.Paragraphs
)

// FromAlignment turns the links of an alignment into units, in link order,
// naming doc as their document. At paragraph level, an alignment without
// paragraph links gives no units.
func FromAlignment(a *align.Alignment, level Level, doc string) []Unit {
	if a == nil {
		return nil
	}
	n := len(a.Sentences)
	if level == Paragraphs {
		n = len(a.Paragraphs)
	}
	units := make([]Unit, 0, n)
	for p := range a.Pairs(level) {
		units = append(units, FromPair(p, doc))
	}
	return units
}

// FromPair returns the unit of a pair from document doc.
func FromPair(p align.Pair, doc string) Unit {
	return Unit{EN: p.EN, ZH: p.ZH, ENIDs: p.ENIDs, ZHIDs: p.ZHIDs, Score: p.Score, Doc: doc, Script: p.Script,
		ENTime: p.ENTime, ZHTime: p.ZHTime}
}
