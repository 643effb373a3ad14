package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/zhenalign/zhenalign/internal/fileerr"
	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/opencc"
)

// ParseError reports a malformed line of a file read by this package (a
// glossary): its file, its 1-based line, and the error.
type ParseError = fileerr.ParseError

// Errors of ReadGlossary, wrapped in a *ParseError.
var (
	ErrGlossaryLine = errors.New("align: want English<TAB>Chinese")
	ErrGlossarySide = errors.New("align: glossary line has an empty side")
)

// Glossary is a list of English–Chinese term pairs that count as strong
// anchors: a sentence holding the English term and one holding the Chinese
// term are likely translations. It is immutable and safe for concurrent
// use.
type Glossary struct {
	terms []glossTerm
	// byWord indexes the English terms by their first word, byRune the
	// Chinese terms by their first character.
	byWord map[string][]int
	byRune map[rune][]int
}

type glossTerm struct {
	en []string // lower-case words
	zh string   // simplified, NFKC
}

// Len returns the number of term pairs.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.terms)
}

// ReadGlossary reads a glossary in TSV form: one "English<TAB>Chinese" pair
// per line (the two columns may also come the other way round), "#" starting
// a comment line, blank lines ignored. Chinese may be traditional or
// simplified. A malformed line gives a *ParseError naming name and the line.
func ReadGlossary(r io.Reader, name string) (*Glossary, error) {
	if r == nil {
		return nil, fmt.Errorf("align: %s: nil reader", name)
	}
	g := &Glossary{byWord: map[string][]int{}, byRune: map[rune][]int{}}
	t2s, err := opencc.T2S()
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r")
		if t := strings.TrimSpace(text); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 2 {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%w, found %d columns", ErrGlossaryLine, len(cols))}
		}
		en, zh := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1])
		if han.In(en) && !han.In(zh) {
			en, zh = zh, en
		}
		if en == "" || zh == "" {
			return nil, &ParseError{File: name, Line: line, Err: ErrGlossarySide}
		}
		if !han.In(zh) {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%w: no Chinese in %q", ErrGlossaryLine, text)}
		}
		words := glossWords(en)
		if len(words) == 0 {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%w: no English word in %q", ErrGlossaryLine, en)}
		}
		t := glossTerm{en: words, zh: t2s.Convert(norm.NFKC.String(zh))}
		k := len(g.terms)
		g.terms = append(g.terms, t)
		g.byWord[words[0]] = append(g.byWord[words[0]], k)
		r, _ := utf8.DecodeRuneInString(t.zh)
		g.byRune[r] = append(g.byRune[r], k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// glossWords splits English text into lower-case words.
func glossWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func glossKey(k int) string { return "g:" + strconv.Itoa(k) }

// english appends an item for each glossary term found in English text.
func (g *Glossary) english(text string, items []rawItem) []rawItem {
	words := glossWords(text)
	for i, w := range words {
		for _, k := range g.byWord[w] {
			t := g.terms[k].en
			if i+len(t) <= len(words) && slices.Equal(words[i:i+len(t)], t) {
				items = append(items, rawItem{keys: []string{glossKey(k)}, kind: kindGlossary, pen: 1, known: true})
			}
		}
	}
	return items
}

// chinese appends an item for each glossary term found in Chinese text
// (simplified).
func (g *Glossary) chinese(text string, items []rawItem) []rawItem {
	for i, r := range text {
		for _, k := range g.byRune[r] {
			if strings.HasPrefix(text[i:], g.terms[k].zh) {
				items = append(items, rawItem{keys: []string{glossKey(k)}, kind: kindGlossary, pen: 1, known: true})
			}
		}
	}
	return items
}
