package align

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/english"
	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/lexdict"
)

// Dictionary is a Chinese–English dictionary for lexical matching: the
// headwords divide Chinese text into words, and each word's English
// glosses give the stems it matches. A Dictionary is immutable and safe for
// concurrent use.
type Dictionary struct {
	d *lexdict.Dict
}

// DefaultDictionary returns the embedded CC-CEDICT dictionary (CC BY-SA
// 4.0, see internal/lexdict/LICENSE.cedict), loaded on first use from a
// compact index generated ahead of time (a few tens of milliseconds and
// about 4 MB of heap).
func DefaultDictionary() (*Dictionary, error) {
	d, err := lexdict.Default()
	if err != nil {
		return nil, fmt.Errorf("align: dictionary: %w", err)
	}
	return &Dictionary{d: d}, nil
}

// LoadDictionary reads a dictionary in CC-CEDICT text format
// ("傳統 传统 [chuan2 tong3] /tradition/traditional/"), naming it name in
// errors. A malformed line gives a *[ParseError] naming name and the line.
func LoadDictionary(r io.Reader, name string) (*Dictionary, error) {
	if r == nil {
		return nil, fmt.Errorf("align: %s: nil reader", name)
	}
	d, err := cedict.Parse(r, name)
	if err != nil {
		return nil, err
	}
	ld, err := lexdict.Build(d)
	if err != nil {
		return nil, fmt.Errorf("align: dictionary %s: %w", name, err)
	}
	return &Dictionary{d: ld}, nil
}

// usable reports whether d can divide Chinese text into words: a
// Dictionary not made by this package (the zero Dictionary) cannot, and is
// taken as empty.
func (d *Dictionary) usable() bool { return d != nil && d.d != nil }

// Len returns the number of entries of the dictionary.
func (d *Dictionary) Len() int {
	if d == nil || d.d == nil {
		return 0
	}
	return d.d.Len()
}

// lexicon holds what one alignment needs of a dictionary: the stems of
// each Chinese word met, computed once per word.
type lexicon struct {
	d     *Dictionary
	stems map[string][]string
	// english holds, for each English stem met, the keys of its items
	// (the stem alone) and whether the dictionary knows it: one copy per
	// stem rather than per word of the text.
	english map[string]englishStem
}

type englishStem struct {
	keys  []string
	known bool
}

func newLexicon(d *Dictionary) *lexicon {
	return &lexicon{d: d, stems: map[string][]string{}, english: map[string]englishStem{}}
}

// translations returns the English stems of a Chinese word, without stop
// words, or nil.
func (lx *lexicon) translations(w string) []string {
	if s, ok := lx.stems[w]; ok {
		return s
	}
	out := lx.d.d.Translations(w)
	lx.stems[w] = out
	return out
}

// chineseWords appends to items one item per distinct Chinese word of
// text that has translations: its keys are the English stems.
func (lx *lexicon) chineseWords(text string, items []rawItem, words *[]string) []rawItem {
	ws := lx.d.d.Segmenter().Cut(text)
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
	dict := lx.d.d
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
		st, ok := lx.english[s]
		if !ok {
			st = englishStem{keys: []string{s}, known: dict.Known(s)}
			lx.english[s] = st
		}
		if stems != nil {
			*stems = append(*stems, st.keys[0])
		}
		items = append(items, rawItem{keys: st.keys, kind: kindWord, pen: 1, known: st.known})
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
