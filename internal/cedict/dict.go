package cedict

//go:generate go run gen.go

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/fileerr"
)

// ErrSyntax is wrapped by the error of a [ParseError] for a line that is
// not in CEDICT format.
var ErrSyntax = errors.New("cedict: malformed line")

// ErrNoEntries is wrapped by the error of a [ParseError] for input that
// holds no entry at all (only comments and blank lines, or nothing).
var ErrNoEntries = errors.New("cedict: no entries")

// ParseError reports a problem in a dictionary file. Line is 1-based; it is
// 0 when the problem concerns the whole file (for example ErrNoEntries,
// or a read error).
type ParseError = fileerr.ParseError

// Entry is one dictionary entry: one line of CEDICT text.
type Entry struct {
	Trad   string // traditional headword
	Simp   string // simplified headword
	Pinyin string // space-separated syllables with tone numbers 1–5 as in CEDICT, e.g. "Chong2 qing4"; "u:" stands for ü

	// Senses are the raw senses, in order, as written in the source,
	// with surrounding spaces trimmed: "hair (on the head)",
	// "CL:根[gen1]".
	Senses []string

	// Glosses are the senses cleaned for matching English text: split
	// at ";", lower-cased, without parenthetical remarks, classifiers,
	// cross references, usage notes and leading "to ", deduplicated.
	// See the package documentation for the rules.
	Glosses []string

	// Words are the content words of the glosses, lower-cased,
	// deduplicated, in order of first appearance.
	Words []string

	// VariantOf is the headword this entry is a variant of, taken from a
	// sense such as "variant of 臺|台[tai2]" or "old variant of 家[jia1]"
	// (the first form written), or "" if there is none.
	VariantOf string
}

// String formats e as a line of CEDICT text (without a newline), using
// its raw senses:
//
//	經濟 经济 [jing1 ji4] /economy/economic/
func (e Entry) String() string {
	return e.Trad + " " + e.Simp + " [" + e.Pinyin + "] /" + strings.Join(e.Senses, "/") + "/"
}

// Dict is a parsed CEDICT dictionary. It is immutable after construction
// and safe for concurrent use by multiple goroutines. The zero Dict is
// empty and usable.
type Dict struct {
	text    string  // source text; headwords, pinyin and raw senses point into it
	clean   string  // cleaned glosses and variant references
	entries []entry // in source order, plus a sentinel at the end
	senses  []span  // raw senses, into text
	glosses []span  // cleaned glosses, into clean
	words   []span  // content words, into clean
	refs    []variantRef

	index    index    // headword (simplified or traditional) → key number
	keyStart []uint32 // postings[keyStart[k]:keyStart[k+1]] are the entries of key k
	postings []uint32
	heads    []uint32 // entry index of the first entry of each distinct simplified headword
}

// span is a byte range [off, off+n) of Dict.text or Dict.clean.
type span struct{ off, n uint32 }

func (s span) of(t string) string { return t[s.off : s.off+s.n] }

type entry struct {
	trad, simp, pinyin span // into text
	sense              uint32
	gloss              uint32
	word               uint32
	ref                uint32 // 1 + index into refs; 0 if none
}

type variantRef struct{ head, pinyin span } // into clean

// Default returns the CC-CEDICT dictionary embedded in the package (see
// [DataSource] and [DataDate]). It is decompressed and parsed on the first
// call, which takes a few hundred milliseconds of CPU and leaves about
// 30 MB on the heap; later calls return the same *Dict (or the same
// error). It is safe for concurrent use.
func Default() (*Dict, error) {
	defaultDict.once.Do(func() { defaultDict.d, defaultDict.err = loadEmbedded() })
	return defaultDict.d, defaultDict.err
}

// defaultDict holds what Default returns, set once. It is not the usual
// sync.OnceValues(loadEmbedded): the initialiser of that package variable
// would refer to loadEmbedded and so make every program that imports the
// package (for Parse, say) link the 4 MB of embedded text. This way only
// programs that call Default or Load do.
var defaultDict struct {
	once sync.Once
	d    *Dict
	err  error
}

// Load parses the embedded data anew and returns a new *Dict; Default
// returns one shared *Dict, parsed once. Load is for measuring the cost of
// loading.
func Load() (*Dict, error) { return loadEmbedded() }

// loadEmbedded decompresses and parses the embedded data. Each call builds
// a new *Dict. The two gzip members are inflated concurrently.
func loadEmbedded() (*Dict, error) {
	// The first member goes straight into the Builder that becomes the
	// text, the second into a buffer copied after it.
	var sb strings.Builder
	sb.Grow(embeddedTextSize)
	n2 := embeddedTextSize - embeddedTextSplit
	second := bytes.NewBuffer(make([]byte, 0, n2+bytes.MinRead)) // ReadFrom wants MinRead spare
	var err1, err2 error
	var wg sync.WaitGroup
	wg.Go(func() { err2 = inflate(second, embedded[embeddedSplit:], n2) })
	err1 = inflate(&sb, embedded[:embeddedSplit], embeddedTextSplit)
	wg.Wait()
	if err := errors.Join(err1, err2); err != nil {
		return nil, &ParseError{File: embeddedName, Err: err}
	}
	sb.Write(second.Bytes())
	return parse(sb.String(), embeddedName)
}

// inflate decompresses the gzip data z, which must inflate to n bytes,
// into w.
func inflate(w io.Writer, z string, n int) error {
	zr, err := gzip.NewReader(strings.NewReader(z))
	if err != nil {
		return err
	}
	zr.Multistream(false)
	got, err := io.Copy(w, zr)
	if err != nil {
		return fmt.Errorf("inflate: %w", err)
	}
	if got != int64(n) {
		return fmt.Errorf("inflate: %d bytes, want %d", got, n)
	}
	return zr.Close()
}

// Parse reads a dictionary in CEDICT text format (the format of
// cedict_ts.u8: "TRAD SIMP [pin1 yin1] /sense/sense/" per line, "#"
// comment lines, blank lines ignored, optional byte order mark, LF or CRLF
// line ends). name is used in errors. Parse reads r to the end and stops
// at the first malformed line. Every error it returns is a *[ParseError]
// whose Err wraps [ErrSyntax] for a malformed line and [ErrNoEntries] for
// input without entries.
func Parse(r io.Reader, name string) (*Dict, error) {
	var sb strings.Builder
	if _, err := io.Copy(&sb, r); err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return parse(sb.String(), name)
}

// Len returns the number of entries.
func (d *Dict) Len() int {
	if len(d.entries) == 0 {
		return 0
	}
	return len(d.entries) - 1
}

// Lookup returns the entries whose simplified or traditional headword is
// word, in source order (for the embedded data: by simplified headword,
// then traditional, then pinyin), or nil. Each call returns new slices.
func (d *Dict) Lookup(word string) []Entry {
	ps := d.posting(word)
	if len(ps) == 0 {
		return nil
	}
	out := make([]Entry, len(ps))
	for i, p := range ps {
		out[i] = d.entry(int(p))
	}
	return out
}

// All returns an iterator over all entries in source order.
func (d *Dict) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for i := range d.Len() {
			if !yield(d.entry(i)) {
				return
			}
		}
	}
}

// Headwords returns an iterator over the distinct simplified headwords, in
// order of first appearance (for the embedded data: sorted by bytes).
// CEDICT has no frequencies, so no weight comes with them.
func (d *Dict) Headwords() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, i := range d.heads {
			if !yield(d.entries[i].simp.of(d.text)) {
				return
			}
		}
	}
}

// Words returns the English content words for the Chinese word (simplified
// or traditional): the deduplicated [Entry.Words] of all its entries,
// followed by those of the entries named in their [Entry.VariantOf] (one
// level, restricted to the referenced pinyin when one is given). The
// words are lower-cased and not lemmatised. It returns nil if word is
// not a headword or has no content words.
func (d *Dict) Words(word string) []string {
	return d.AppendWords(nil, word)
}

// AppendWords appends the result of [Dict.Words] to dst and returns it;
// it allocates only when dst must grow. Words already in dst before the
// call are not taken into account for deduplication.
func (d *Dict) AppendWords(dst []string, word string) []string {
	w := wordSet{dst: dst, start: len(dst)}
	ps := d.posting(word)
	for _, p := range ps {
		d.addEntryWords(&w, p)
	}
	for _, p := range ps {
		e := &d.entries[p]
		if e.ref == 0 {
			continue
		}
		r := d.refs[e.ref-1]
		py := r.pinyin.of(d.clean)
		for _, q := range d.posting(r.head.of(d.clean)) {
			if q == p || (py != "" && !strings.EqualFold(d.entries[q].pinyin.of(d.text), py)) {
				continue
			}
			d.addEntryWords(&w, q)
		}
	}
	return w.dst
}

func (d *Dict) addEntryWords(w *wordSet, i uint32) {
	for _, s := range d.words[d.entries[i].word:d.entries[i+1].word] {
		w.add(s.of(d.clean))
	}
}

// wordSet appends distinct strings to dst[start:]. It scans small sets and
// switches to a map for large ones, which only odd input produces.
type wordSet struct {
	dst   []string
	start int
	seen  map[string]struct{}
}

const wordSetScan = 32

func (w *wordSet) add(s string) {
	if w.seen != nil {
		if _, ok := w.seen[s]; ok {
			return
		}
		w.seen[s] = struct{}{}
		w.dst = append(w.dst, s)
		return
	}
	if slices.Contains(w.dst[w.start:], s) {
		return
	}
	w.dst = append(w.dst, s)
	if len(w.dst)-w.start > wordSetScan {
		w.seen = make(map[string]struct{}, 2*wordSetScan)
		for _, x := range w.dst[w.start:] {
			w.seen[x] = struct{}{}
		}
	}
}

// Readings returns the readings of the Han character r: the pinyin of the
// single-character entries whose headword is r, lower-cased, with tone
// numbers 1–5 (5 for the neutral tone) and "u:" for ü, deduplicated, in
// source order: Readings('重') is ["chong2", "zhong4"]. Strip the final
// digit for toneless syllables. It returns nil if r has no entry.
func (d *Dict) Readings(r rune) []string {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	var w wordSet
	for _, p := range d.posting(string(buf[:n])) {
		py := strings.ToLower(strings.TrimSpace(d.entries[p].pinyin.of(d.text)))
		if py != "" && !strings.ContainsAny(py, " \t") {
			w.add(py)
		}
	}
	return w.dst
}

// posting returns the indices of the entries of headword word.
func (d *Dict) posting(word string) []uint32 {
	k, _, ok := d.index.find(d.text, word)
	if !ok {
		return nil
	}
	return d.postings[d.keyStart[k]:d.keyStart[k+1]]
}

// entry builds the exported form of entry i.
func (d *Dict) entry(i int) Entry {
	e, next := &d.entries[i], &d.entries[i+1]
	out := Entry{
		Trad:   e.trad.of(d.text),
		Simp:   e.simp.of(d.text),
		Pinyin: e.pinyin.of(d.text),
	}
	out.Senses = make([]string, 0, next.sense-e.sense)
	for _, s := range d.senses[e.sense:next.sense] {
		out.Senses = append(out.Senses, s.of(d.text))
	}
	if n := next.gloss - e.gloss; n > 0 {
		out.Glosses = make([]string, 0, n)
		for _, s := range d.glosses[e.gloss:next.gloss] {
			out.Glosses = append(out.Glosses, s.of(d.clean))
		}
	}
	if n := next.word - e.word; n > 0 {
		out.Words = make([]string, 0, n)
		for _, s := range d.words[e.word:next.word] {
			out.Words = append(out.Words, s.of(d.clean))
		}
	}
	if e.ref != 0 {
		out.VariantOf = d.refs[e.ref-1].head.of(d.clean)
	}
	return out
}
