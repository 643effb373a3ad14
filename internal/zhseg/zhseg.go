// Package zhseg divides Chinese text into words with a word list (the
// CC-CEDICT headwords).
//
// # Segmentation
//
// [Segmenter.Cut] gives exactly the words that github.com/go-ego/gse's
// Segmenter.Cut(text, false) gives when gse is loaded with the same word
// list, each word with frequency 100 and each single character with 20, and
// without gse's HMM (which is how zhenalign used gse before): the text is
// lower-cased, every position gets the dictionary words starting there, and
// the route through the text with the highest sum of log(freq/total) wins
// (a tie goes to the longer word). A character that starts no word counts
// as a word of frequency 1; one that only starts longer words that do not
// fit counts as a word of frequency 0 (log 0 = -Inf), as in gse. Single
// ASCII letters and digits left by the route are joined into runs, and
// everything else (punctuation, spaces, other scripts) comes out one
// character at a time. Word list entries are matched with their ASCII
// letters lower-cased, as gse stores them. gse's quirks are kept: a word
// that starts a longer word also matches with a NUL byte after it (cedar
// marks such word ends with a child labelled 0).
//
// # Why not gse itself
//
// gse keeps its dictionary in a double-array trie (github.com/vcaesar/cedar)
// that can only be built by inserting the words one by one: neither gse nor
// cedar can save a built trie or load one. Building it from the 120 000
// CC-CEDICT headwords takes about a quarter of a second and 28 MB of heap
// on every start, even from a ready word list, which is most of the
// start-up time of a command-line run. A Segmenter instead keeps the words
// as one sorted table, which [Segmenter.AppendBinary] writes and [Decode]
// reads back without building anything, so the table can be generated
// ahead of time and embedded. A test checks the words it gives against
// gse's on varied text.
//
// A Segmenter is immutable and safe for concurrent use.
package zhseg

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/strtab"
)

// ErrNoWords means the word list was empty.
var ErrNoWords = errors.New("zhseg: no words to build a segmenter from")

// ErrFormat is wrapped by the errors of [Decode] for data that is not an
// encoded Segmenter.
var ErrFormat = errors.New("zhseg: malformed segmenter data")

// wordFreq is the frequency given to every word: the list has none, so the
// best segmentation is the one with the fewest words. Single characters
// get less, so that a word is preferred to its characters.
const (
	wordFreq = 100
	charFreq = 20
)

// Segmenter divides Chinese text into words. It is immutable after Load
// or Decode and safe for concurrent use.
type Segmenter struct {
	// words holds the words, sorted by bytes, with their ASCII letters
	// lower-cased.
	words strtab.Table

	// The words starting with rune firsts[i] are those from firstAt[i]
	// to firstAt[i+1]; firsts is sorted.
	firsts  []rune
	firstAt []uint32

	// The weights of a route step, log(freq) - log(total frequency), for
	// a word of several characters, a single-character word, a character
	// that starts no word, and one that only starts longer words.
	wordW, charW, missW, prefixW float64
}

// Load builds a Segmenter from words (simplified or traditional, one per
// item; words without a Han character, or with a space, tab, newline or
// NUL, are skipped, and repeated words count once).
func Load(words iter.Seq[string]) (*Segmenter, error) {
	seen := make(map[string]struct{})
	var keys []string
	for w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n\x00") || !han.In(w) {
			continue
		}
		k := lowerASCII(w)
		if _, ok := seen[k]; ok {
			continue
		}
		seen[k] = struct{}{}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, ErrNoWords
	}
	slices.Sort(keys)
	t, err := strtab.New(keys)
	if err != nil {
		return nil, err
	}
	return newSegmenter(t), nil
}

// lowerASCII lower-cases the ASCII letters of w, as gse does to the words
// it loads.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// newSegmenter makes a Segmenter of a table of words.
func newSegmenter(words strtab.Table) *Segmenter {
	// gse adds up the frequencies of the words it loads, in float64;
	// the sum of these integers is exact whatever the order.
	total := 0.0
	var firsts []rune
	var firstAt []uint32
	for i := range words.Len() {
		w := words.At(i)
		r, size := utf8.DecodeRuneInString(w)
		if size == len(w) {
			total += charFreq
		} else {
			total += wordFreq
		}
		if len(firsts) == 0 || firsts[len(firsts)-1] != r {
			firsts = append(firsts, r)
			firstAt = append(firstAt, uint32(i))
		}
	}
	firstAt = append(firstAt, uint32(words.Len()))
	// The same expressions as gse's calc, so that the sums compare the
	// same way.
	logT := math.Log(total)
	return &Segmenter{
		words:   words,
		firsts:  firsts,
		firstAt: firstAt,
		wordW:   math.Log(wordFreq) - logT,
		charW:   math.Log(charFreq) - logT,
		missW:   math.Log(1.0) - logT,
		prefixW: math.Log(0) - logT,
	}
}

// Len returns the number of words.
func (s *Segmenter) Len() int { return s.words.Len() }

// Index returns the position of word among the words sorted by bytes and
// true, or false if it is not one. Words are matched exactly: their ASCII
// letters are lower-case.
func (s *Segmenter) Index(word string) (int, bool) {
	i, ok := s.words.Find(word)
	if !ok {
		return 0, false
	}
	return i, true
}

// Words returns an iterator over the words, sorted by bytes, with their
// ASCII letters lower-cased.
func (s *Segmenter) Words() iter.Seq[string] { return s.words.All() }

// narrow returns the range of the words in [lo, hi) that start with p,
// where all words in [lo, hi) start with p[:m].
func (s *Segmenter) narrow(lo, hi int, p string, m int) (int, int) {
	q := p[m:]
	// The first word whose bytes from m on are >= q.
	a, b := lo, hi
	for a < b {
		h := int(uint(a+b) >> 1)
		k := s.words.At(h)
		if k[m:] < q {
			a = h + 1
		} else {
			b = h
		}
	}
	lo = a
	// The first word from lo on that does not start with p.
	b = hi
	for a < b {
		h := int(uint(a+b) >> 1)
		if strings.HasPrefix(s.words.At(h)[m:], q) {
			a = h + 1
		} else {
			b = h
		}
	}
	return lo, a
}

// startingWith returns the range of the words that start with the first
// rune of the non-empty, valid UTF-8 text s.
func (s *Segmenter) startingWith(text string) (int, int) {
	r, _ := utf8.DecodeRuneInString(text)
	i, ok := slices.BinarySearch(s.firsts, r)
	if !ok {
		return 0, 0
	}
	return int(s.firstAt[i]), int(s.firstAt[i+1])
}

// Cut returns the words of text in order, lower-cased (with
// strings.ToLower; invalid UTF-8 becomes U+FFFD). Runs of ASCII letters
// and digits that no word covers come out whole; other characters that no
// word covers (punctuation, spaces, other scripts) one at a time. The
// words joined give back the lower-cased text. Cut returns an empty slice
// for an empty text.
func (s *Segmenter) Cut(text string) []string {
	str := strings.ToLower(text)
	if !utf8.ValidString(str) {
		str = string([]rune(str)) // as gse, which works on []rune
	}
	n := utf8.RuneCountInString(str)
	pos := make([]int, n+1) // byte offset of each rune, and len(str)
	i := 0
	for off := range str {
		pos[i] = off
		i++
	}
	pos[n] = len(str)

	// best[x] is the weight of the best route from rune x to the end,
	// whose first word is runes x..next[x].
	best := make([]float64, n+1)
	next := make([]int, n)
	for x := n - 1; x >= 0; x-- {
		found := false
		var bw float64
		var bi int
		// The words starting with rune x, then with runes x..j.
		lo, hi := s.startingWith(str[pos[x]:])
		prefix := lo < hi // rune x starts a word
		for j := x; j < n && lo < hi; j++ {
			p := str[pos[x]:pos[j+1]]
			if j > x {
				lo, hi = s.narrow(lo, hi, p, pos[j]-pos[x])
				if lo == hi {
					break
				}
			}
			if s.words.At(lo) != p {
				continue
			}
			w := s.wordW
			if j == x {
				w = s.charW
			}
			f := w + best[j+1]
			// gse's rule: the higher weight wins; of equal ones the
			// later (longer) word.
			if !found || bw < f || bw == f && bi < j {
				bw, bi, found = f, j, true
			}
			// cedar marks the end of a word that starts longer ones
			// with a child labelled 0, so gse finds such a word
			// followed by a NUL byte as a word of the same frequency,
			// which nothing can extend.
			if hi-lo > 1 && j+1 < n && str[pos[j+1]] == 0 {
				if f := w + best[j+2]; bw < f || bw == f && bi < j+1 {
					bw, bi = f, j+1
				}
				break
			}
		}
		if !found {
			bi = x
			if prefix {
				bw = s.prefixW + best[x+1]
			} else {
				bw = s.missW + best[x+1]
			}
		}
		best[x], next[x] = bw, bi
	}

	out := make([]string, 0, n/2+1)
	run := -1 // start of a run of single ASCII letters and digits
	for x := 0; x < n; {
		y := next[x] + 1
		a, b := pos[x], pos[y]
		if y-x == 1 && b-a == 1 && isAlnum(str[a]) {
			if run < 0 {
				run = a
			}
			x = y
			continue
		}
		if run >= 0 {
			out = append(out, str[run:a])
			run = -1
		}
		out = append(out, str[a:b])
		x = y
	}
	if run >= 0 {
		out = append(out, str[run:])
	}
	return out
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// AppendBinary appends the encoded Segmenter (its words, as a front-coded
// [strtab.Table]) to b. [Decode] reads it back. The error is always nil;
// it is there for encoding.BinaryAppender.
func (s *Segmenter) AppendBinary(b []byte) ([]byte, error) {
	return s.words.AppendBinary(b)
}

// Decode reads a Segmenter written by [Segmenter.AppendBinary]; data must
// hold it and nothing else. Errors wrap [ErrFormat].
func Decode(data string) (*Segmenter, error) {
	r := strtab.NewReader(data)
	t := r.Table()
	switch {
	case r.Err() != nil:
		return nil, fmt.Errorf("%w: %w", ErrFormat, r.Err())
	case r.Len() != 0:
		return nil, fmt.Errorf("%w: %d bytes after the words", ErrFormat, r.Len())
	case t.Len() == 0 || t.At(0) == "":
		return nil, fmt.Errorf("%w: no words", ErrFormat)
	}
	return newSegmenter(t), nil
}
