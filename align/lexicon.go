package align

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/english"
	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/zhseg"
)

// Dictionary is a Chinese–English dictionary for lexical matching: the
// headwords divide Chinese text into words (with gse), and each word's
// English glosses give the stems it matches. A Dictionary is immutable and
// safe for concurrent use.
type Dictionary struct {
	dict *cedict.Dict
	seg  *zhseg.Segmenter
	// stems holds every English stem some headword translates to.
	stems map[string]bool
}

// defaultDictionary is the embedded CC-CEDICT, loaded once.
var defaultDictionary = sync.OnceValues(func() (*Dictionary, error) {
	d, err := cedict.Default()
	if err != nil {
		return nil, err
	}
	return newDictionary(d)
})

// DefaultDictionary returns the embedded CC-CEDICT dictionary (CC BY-SA
// 4.0, see internal/cedict/LICENSE.cedict), loaded on first use (about a
// third of a second and 70 MB).
func DefaultDictionary() (*Dictionary, error) {
	return defaultDictionary()
}

// LoadDictionary reads a dictionary in CC-CEDICT text format
// ("傳統 传统 [chuan2 tong3] /tradition/traditional/"), naming it name in
// errors. A malformed line gives a *[ParseError] naming name and the line.
func LoadDictionary(r io.Reader, name string) (*Dictionary, error) {
	d, err := cedict.Parse(r, name)
	if err != nil {
		return nil, err
	}
	return newDictionary(d)
}

func newDictionary(d *cedict.Dict) (*Dictionary, error) {
	// The segmenter and the stem set are built at the same time.
	var stems map[string]bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		stems = englishStems(d)
	}()
	seg, err := zhseg.Load(d.Headwords())
	<-done
	if err != nil {
		return nil, fmt.Errorf("align: dictionary: %w", err)
	}
	return &Dictionary{dict: d, seg: seg, stems: stems}, nil
}

// englishStems returns every stem of the English content words of d.
func englishStems(d *cedict.Dict) map[string]bool {
	m := map[string]bool{}
	for e := range d.All() {
		for _, w := range e.Words {
			if english.IsLowerASCII(w) && !english.IsStopWord(w) {
				m[english.Stem(w)] = true
			}
		}
	}
	return m
}

// Len returns the number of entries of the dictionary.
func (d *Dictionary) Len() int { return d.dict.Len() }

// lexicon holds what one alignment needs of a dictionary: the stems of
// each Chinese word met, computed once per word.
type lexicon struct {
	d     *Dictionary
	stems map[string][]string
	buf   []string
}

func newLexicon(d *Dictionary) *lexicon {
	return &lexicon{d: d, stems: map[string][]string{}}
}

// translations returns the English stems of a Chinese word, without stop
// words, or nil.
func (lx *lexicon) translations(w string) []string {
	if s, ok := lx.stems[w]; ok {
		return s
	}
	lx.buf = lx.d.dict.AppendWords(lx.buf[:0], w)
	var out []string
	for _, g := range lx.buf {
		if english.IsStopWord(g) || !english.IsLowerASCII(g) || len(g) < 2 {
			continue
		}
		out = append(out, english.Stem(g))
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		out = nil
	}
	lx.stems[w] = out
	return out
}

// chineseWords appends to items one item per distinct Chinese word of
// text that has translations: its keys are the English stems.
func (lx *lexicon) chineseWords(text string, items []rawItem, words *[]string) []rawItem {
	ws := lx.d.seg.Cut(text)
	for _, w := range ws {
		if !han.In(w) {
			continue
		}
		if words != nil {
			*words = append(*words, w)
		}
		keys := lx.translations(w)
		if keys == nil {
			continue
		}
		items = append(items, rawItem{keys: keys, kind: kindWord, pen: 1, known: true})
	}
	return items
}

// englishWords appends to items one item per content word of text: its
// stem. It also returns the stems, for learning. Items of stems that some
// dictionary headword translates are marked known.
func (lx *lexicon) englishWords(text string, items []rawItem, stems *[]string) []rawItem {
	known := lx.d.stems
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(text[start:end])
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		start = -1
		if len(w) < 2 || english.IsStopWord(w) {
			return
		}
		s := english.Stem(w)
		if stems != nil {
			*stems = append(*stems, s)
		}
		items = append(items, rawItem{keys: []string{s}, kind: kindWord, pen: 1, known: known[s]})
	}
	for i, r := range text {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'' && start >= 0) || r == '’' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && start >= 0 {
			continue // accented letters inside a word
		}
		flush(i)
	}
	flush(len(text))
	return items
}
