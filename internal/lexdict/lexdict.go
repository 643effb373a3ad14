// Package lexdict is the compact form of a Chinese–English dictionary that
// lexical alignment needs: a word segmenter over the headwords, the English
// stems each word the segmenter can give translates to, and the set of all
// stems.
//
// [Default] returns the embedded CC-CEDICT in this form, generated from
// internal/cedict by gen.go at go generate time, so that start-up parses no
// text: it inflates 1.7 MB and decodes a few sorted tables. [Build]
// makes the same form from any parsed [cedict.Dict] (a user's dictionary
// file).
//
// # What it holds
//
//   - The segmenter ([zhseg.Segmenter]), loaded with the simplified
//     headwords as zhseg.Load takes them from [cedict.Dict.Headwords].
//   - The words: those of the segmenter, then the other headwords
//     (simplified or traditional) that [zhseg.Segmenter.Cut] can give and
//     that have translations: single characters (a traditional 經 in
//     simplified text), and words of the segmenter followed by a NUL
//     byte. Each word has an index, [Dict.ID]. Other headwords, such as
//     traditional words of several characters, are left out: Cut never
//     gives them.
//   - The translations of each word: the content words
//     ([cedict.Entry.Words]) of the entries whose simplified or
//     traditional headword it is and of the entries they are a variant of
//     ([cedict.Dict.Words]), less stop words, words with other characters
//     than a–z and one-letter words, reduced with [english.Stem], sorted
//     and deduplicated.
//   - The known stems: the stems of all content words of all entries that
//     are not stop words and have only the letters a–z.
//
// # Format
//
// The encoded form ([Dict.AppendBinary], [Decode]) is
//
//	"lexdict 2\n"                 magic and format version
//	uvarint entries               number of dictionary entries
//	uvarint n, n bytes            the segmenter (zhseg.Segmenter.AppendBinary)
//	table stems                   sorted stems (strtab.Table.AppendBinary)
//	table others                  sorted words that are not the segmenter's
//	uvarint words, uvarint refs   number of words, of stems of all words
//	per word: uvarint k,          the stems of each word, segmenter's first,
//	  k uvarints                  as indices into stems, ascending, each after
//	                              the first as the difference from the one before
//
// The embedded data is that in two gzip members, cut after the segmenter,
// which are inflated and decoded at the same time. A Dict is immutable and
// safe for concurrent use.
package lexdict

//go:generate go run gen.go

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/english"
	"github.com/zhenalign/zhenalign/internal/strtab"
	"github.com/zhenalign/zhenalign/internal/zhseg"
)

// ErrFormat is wrapped by the errors of [Decode] for data that is not an
// encoded Dict.
var ErrFormat = errors.New("lexdict: malformed data")

// magic starts the encoded form; the number is the format version.
const magic = "lexdict 2\n"

// Dict is a dictionary in compact form. It is immutable and safe for
// concurrent use.
type Dict struct {
	entries int
	seg     *zhseg.Segmenter
	stems   strtab.Table
	others  strtab.Table
	// The stems of the word with index i are stems.At(ids[k]) for k
	// from at[i] to at[i+1], ascending.
	at  []uint32
	ids []uint32
}

// Default returns the CC-CEDICT dictionary embedded in the package (see
// [DataSource] and [DataDate]), decoded on the first call, which takes a
// few tens of milliseconds and leaves about 4 MB on the heap; later calls
// return the same *Dict (or the same error). It is safe for concurrent
// use.
func Default() (*Dict, error) { return defaultDict() }

var defaultDict = sync.OnceValues(loadEmbedded)

// Load decodes the embedded data anew and returns a new *Dict; Default
// returns one shared *Dict, decoded once. Load is for measuring the cost
// of loading.
func Load() (*Dict, error) { return loadEmbedded() }

// loadEmbedded inflates and decodes the two parts of the embedded data at
// the same time.
func loadEmbedded() (*Dict, error) {
	var head, rest string
	var d *Dict
	var errHead, errRest error
	var wg sync.WaitGroup
	wg.Go(func() {
		if head, errHead = inflate(embedded[:embeddedSplit], embeddedHeadSize); errHead == nil {
			d, errHead = decodeHead(head)
		}
	})
	rest, errRest = inflate(embedded[embeddedSplit:], embeddedSize-embeddedHeadSize)
	var t translationsTable
	if errRest == nil {
		t, errRest = decodeTranslations(rest)
	}
	wg.Wait()
	if err := errors.Join(errHead, errRest); err != nil {
		return nil, fmt.Errorf("%s: %w", embeddedName, err)
	}
	if err := d.setTranslations(t); err != nil {
		return nil, fmt.Errorf("%s: %w", embeddedName, err)
	}
	return d, nil
}

// inflate decompresses the gzip member z, which must inflate to n bytes.
func inflate(z string, n int) (string, error) {
	zr, err := gzip.NewReader(strings.NewReader(z))
	if err != nil {
		return "", err
	}
	zr.Multistream(false)
	var b strings.Builder
	b.Grow(n)
	got, err := io.Copy(&b, zr)
	if err != nil {
		return "", fmt.Errorf("inflate: %w", err)
	}
	if got != int64(n) {
		return "", fmt.Errorf("inflate: %d bytes, want %d", got, n)
	}
	return b.String(), zr.Close()
}

// Build makes the compact form of d.
func Build(d *cedict.Dict) (*Dict, error) {
	seg, err := zhseg.Load(d.Headwords())
	if err != nil {
		return nil, fmt.Errorf("lexdict: %w", err)
	}
	known := map[string]bool{}
	heads := map[string]bool{}
	for e := range d.All() {
		for _, w := range e.Words {
			if english.IsLowerASCII(w) && !english.IsStopWord(w) {
				known[english.Stem(w)] = true
			}
		}
		heads[e.Simp] = true
		heads[e.Trad] = true
	}
	stems, err := strtab.New(slices.Sorted(maps.Keys(known)))
	if err != nil {
		return nil, err
	}
	out := &Dict{entries: d.Len(), seg: seg, stems: stems, at: []uint32{0}}
	var buf, ts []string
	// add appends the stems ts of word w.
	add := func(w string, ts []string) error {
		for _, s := range ts {
			id, ok := stems.Find(s)
			if !ok {
				return fmt.Errorf("lexdict: stem %q of %q is not a known stem", s, w)
			}
			out.ids = append(out.ids, uint32(id))
		}
		out.at = append(out.at, uint32(len(out.ids)))
		return nil
	}
	for w := range seg.Words() {
		buf, ts = translations(d, w, buf, ts[:0])
		if err := add(w, ts); err != nil {
			return nil, err
		}
	}
	var others []string
	for _, h := range slices.Sorted(maps.Keys(heads)) {
		if _, ok := seg.Index(h); ok || !cutCanGive(seg, h) {
			continue
		}
		if buf, ts = translations(d, h, buf, ts[:0]); len(ts) > 0 {
			others = append(others, h)
			if err := add(h, ts); err != nil {
				return nil, err
			}
		}
	}
	if out.others, err = strtab.New(others); err != nil {
		return nil, err
	}
	return out, nil
}

// cutCanGive reports whether seg's Cut can give the word w, which is not
// one of seg's words: a single character, or a word of seg followed by a
// NUL byte.
func cutCanGive(seg *zhseg.Segmenter, w string) bool {
	if _, size := utf8.DecodeRuneInString(w); size == len(w) {
		return true
	}
	if p, ok := strings.CutSuffix(w, "\x00"); ok {
		_, ok := seg.Index(p)
		return ok
	}
	return false
}

// translations appends to dst the sorted, distinct stems of the English
// words of w in d that are not stop words, have only the letters a–z and
// more than one of them. buf is scratch space; both are returned for
// reuse.
func translations(d *cedict.Dict, w string, buf, dst []string) (newBuf, newDst []string) {
	buf = d.AppendWords(buf[:0], w)
	start := len(dst)
	for _, g := range buf {
		if english.IsStopWord(g) || !english.IsLowerASCII(g) || len(g) < 2 {
			continue
		}
		dst = append(dst, english.Stem(g))
	}
	slices.Sort(dst[start:])
	return buf, append(dst[:start], slices.Compact(dst[start:])...)
}

// Len returns the number of entries of the dictionary the Dict was made
// from.
func (d *Dict) Len() int { return d.entries }

// Segmenter returns the word segmenter over the headwords.
func (d *Dict) Segmenter() *zhseg.Segmenter { return d.seg }

// ID returns the index of word among the words of the Dict (see the
// package documentation) and true, or false if it is not one of them. The
// indices run from 0 to [Dict.Words]-1.
func (d *Dict) ID(word string) (int, bool) {
	if i, ok := d.seg.Index(word); ok {
		return i, true
	}
	if i, ok := d.others.Find(word); ok {
		return d.seg.Len() + i, true
	}
	return 0, false
}

// Words returns the number of words of the Dict.
func (d *Dict) Words() int { return d.seg.Len() + d.others.Len() }

// Translations returns the English stems the Chinese word translates to,
// sorted, or nil if it has none (see the package documentation). The word
// is matched exactly, as [zhseg.Segmenter.Cut] gives it. Each call returns
// a new slice.
func (d *Dict) Translations(word string) []string {
	i, ok := d.ID(word)
	if !ok || d.at[i] == d.at[i+1] {
		return nil
	}
	ids := d.ids[d.at[i]:d.at[i+1]]
	out := make([]string, len(ids))
	for k, id := range ids {
		out[k] = d.stems.At(int(id))
	}
	return out
}

// Known reports whether stem is the stem of an English word of some entry
// (see the package documentation).
func (d *Dict) Known(stem string) bool {
	_, ok := d.stems.Find(stem)
	return ok
}

// Stats counts what a Dict holds.
type Stats struct {
	Words  int // words of the segmenter
	Others int // other words with translations
	Refs   int // stems of all words together
	Stems  int // known stems
}

// Stats returns the counts of d.
func (d *Dict) Stats() Stats {
	return Stats{Words: d.seg.Len(), Others: d.others.Len(), Refs: len(d.ids), Stems: d.stems.Len()}
}

// AppendBinary appends the encoded Dict to b (see the package
// documentation for the format). [Decode] reads it back. The error is
// always nil; it is there for encoding.BinaryAppender.
func (d *Dict) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(d.entries))
	seg, _ := d.seg.AppendBinary(nil)
	b = binary.AppendUvarint(b, uint64(len(seg)))
	b = append(b, seg...)
	b, _ = d.stems.AppendBinary(b)
	b, _ = d.others.AppendBinary(b)
	b = binary.AppendUvarint(b, uint64(len(d.at)-1))
	b = binary.AppendUvarint(b, uint64(len(d.ids)))
	for i := range len(d.at) - 1 {
		ids := d.ids[d.at[i]:d.at[i+1]]
		b = binary.AppendUvarint(b, uint64(len(ids)))
		for k, id := range ids {
			if k > 0 {
				id -= ids[k-1]
			}
			b = binary.AppendUvarint(b, uint64(id))
		}
	}
	return b, nil
}

// HeadSize returns the length of the part of the encoded form up to the
// end of the segmenter, where the embedded data is cut in two.
func (d *Dict) HeadSize() int {
	seg, _ := d.seg.AppendBinary(nil)
	var b []byte
	b = binary.AppendUvarint(b, uint64(d.entries))
	b = binary.AppendUvarint(b, uint64(len(seg)))
	return len(magic) + len(b) + len(seg)
}

// Decode reads a Dict written by [Dict.AppendBinary]; data must hold it
// and nothing else. The Dict keeps no reference to data. Errors wrap
// [ErrFormat].
func Decode(data string) (*Dict, error) {
	d, n, err := decodeHeadPrefix(data)
	if err != nil {
		return nil, err
	}
	t, err := decodeTranslations(data[n:])
	if err != nil {
		return nil, err
	}
	if err := d.setTranslations(t); err != nil {
		return nil, err
	}
	return d, nil
}

// decodeHead decodes the head (magic, entries, segmenter), which must be
// all of data.
func decodeHead(data string) (*Dict, error) {
	d, n, err := decodeHeadPrefix(data)
	if err == nil && n != len(data) {
		err = fmt.Errorf("%w: %d bytes after the segmenter", ErrFormat, len(data)-n)
	}
	return d, err
}

// decodeHeadPrefix decodes the head at the start of data and returns its
// length.
func decodeHeadPrefix(data string) (*Dict, int, error) {
	rest, ok := strings.CutPrefix(data, magic)
	if !ok {
		return nil, 0, fmt.Errorf("%w: no %q header", ErrFormat, strings.TrimSpace(magic))
	}
	r := strtab.NewReader(rest)
	d := &Dict{entries: int(r.Uvarint())}
	segData := r.Bytes(r.Count(1))
	if r.Err() != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrFormat, r.Err())
	}
	var err error
	if d.seg, err = zhseg.Decode(segData); err != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return d, len(data) - r.Len(), nil
}

// translationsTable is the decoded second part of the encoded form.
type translationsTable struct {
	stems, others strtab.Table
	at, ids       []uint32
}

// decodeTranslations decodes the stems, the other words and the stems of
// all words, which must be all of data.
func decodeTranslations(data string) (translationsTable, error) {
	var t translationsTable
	r := strtab.NewReader(data)
	t.stems = r.Table()
	t.others = r.Table()
	if r.Err() != nil {
		return t, fmt.Errorf("%w: %w", ErrFormat, r.Err())
	}
	// Each word takes at least a byte, each stem reference too.
	words, refs := r.Count(1), r.Count(1)
	if r.Err() != nil {
		return t, fmt.Errorf("%w: %w", ErrFormat, r.Err())
	}
	t.at = make([]uint32, words+1)
	t.ids = make([]uint32, refs)
	if err := decodeLists(r.Bytes(r.Len()), t.stems.Len(), t.at, t.ids); err != nil {
		return t, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return t, nil
}

// decodeLists decodes the stem lists of len(at)-1 words, which must be
// all of data and hold len(ids) stem indices below nStems, into at and
// ids. It is the loop that decoding spends most time in, so it reads the
// varints itself.
func decodeLists(data string, nStems int, at, ids []uint32) error {
	off, n := 0, 0 // read data[:off], filled ids[:n]
	// next reads a uvarint at off; the common one-byte case is inline.
	next := func() (uint64, bool) {
		if off < len(data) && data[off] < 0x80 {
			off++
			return uint64(data[off-1]), true
		}
		x, size := strtab.Uvarint(data[off:])
		off += size
		return x, size > 0
	}
	for w := 1; w < len(at); w++ {
		k, ok := next()
		if !ok || k > uint64(len(ids)-n) {
			return fmt.Errorf("word %d: bad stem count", w-1)
		}
		id := uint64(0)
		for j := range int(k) {
			x, ok := next()
			if !ok || j > 0 && x == 0 || x >= uint64(nStems)-id {
				return fmt.Errorf("word %d: bad stem index", w-1)
			}
			id += x
			ids[n] = uint32(id)
			n++
		}
		at[w] = uint32(n)
	}
	switch {
	case off != len(data):
		return fmt.Errorf("%d bytes after the data", len(data)-off)
	case n != len(ids):
		return fmt.Errorf("%d stem references, want %d", n, len(ids))
	}
	return nil
}

// setTranslations completes d, whose head is decoded, with t.
func (d *Dict) setTranslations(t translationsTable) error {
	if n := d.seg.Len() + t.others.Len(); len(t.at)-1 != n {
		return fmt.Errorf("%w: stems for %d words, want %d", ErrFormat, len(t.at)-1, n)
	}
	for i := range t.others.Len() {
		if t.at[d.seg.Len()+i] == t.at[d.seg.Len()+i+1] {
			return fmt.Errorf("%w: other word %d has no stems", ErrFormat, i)
		}
	}
	d.stems, d.others, d.at, d.ids = t.stems, t.others, t.at, t.ids
	return nil
}
