// Package zhseg divides Chinese text into words with github.com/go-ego/gse,
// loaded from a word list (the CC-CEDICT headwords) instead of gse's own
// dictionaries, which take seconds and hundreds of megabytes to load.
//
// gse keeps some package-level state (its HMM model, a ToLower switch);
// this package never uses the HMM and never writes that state, so a
// Segmenter is safe for concurrent use once built.
package zhseg

import (
	"errors"
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/zhenalign/zhenalign/internal/han"
)

// ErrNoWords means the word list was empty.
var ErrNoWords = errors.New("zhseg: no words to build a segmenter from")

// Segmenter divides Chinese text into words. It is immutable after Load
// and safe for concurrent use.
type Segmenter struct {
	seg gse.Segmenter
}

// wordFreq is the frequency given to every word: the list has none, so the
// best segmentation is the one with the fewest words. Single characters
// get less, so that a word is preferred to its characters.
const (
	wordFreq = 100
	charFreq = 20
)

// Load builds a Segmenter from words (simplified or traditional, one per
// item; words without a Han character are skipped).
func Load(words iter.Seq[string]) (*Segmenter, error) {
	s := &Segmenter{}
	s.seg.NotLoadHMM = true
	s.seg.Dict = gse.NewDict()
	s.seg.Init()
	n := 0
	for w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n") || !han.In(w) {
			continue
		}
		freq := float64(wordFreq)
		if utf8.RuneCountInString(w) == 1 {
			freq = charFreq
		}
		// gse's LoadDictStr would also prepare its search mode, which
		// Cut(text, false) does not use and which costs more than the
		// rest of the load.
		if err := s.seg.Dict.AddToken(s.seg.ToToken(w, freq)); err != nil {
			return nil, err
		}
		n++
	}
	if n == 0 {
		return nil, ErrNoWords
	}
	return s, nil
}

// Cut returns the words of text in order. Runs of other characters (Latin
// letters, digits, punctuation) come out as they are, lower-cased.
func (s *Segmenter) Cut(text string) []string {
	return s.seg.Cut(text, false)
}
