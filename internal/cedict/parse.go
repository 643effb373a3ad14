package cedict

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
)

// maxText is the largest input parse accepts: offsets are uint32.
const maxText = math.MaxUint32

// chunkSize is the least input worth parsing on a goroutine of its own.
const chunkSize = 1 << 20

// parse builds a Dict from CEDICT text. The Dict keeps text: headwords,
// pinyin and raw senses are substrings of it. Large inputs are cut at line
// boundaries and the pieces parsed concurrently.
func parse(text, name string) (*Dict, error) {
	if uint64(len(text)) > maxText {
		return nil, &ParseError{File: name, Err: errors.New("cedict: input larger than 4 GiB")}
	}
	return parseParts(text, name, min(runtime.GOMAXPROCS(0), 4, max(1, len(text)/chunkSize)))
}

// parseParts is parse with the input cut into at most k pieces.
func parseParts(text, name string, k int) (*Dict, error) {
	start := 0
	if strings.HasPrefix(text, "\uFEFF") {
		start = len("\uFEFF")
	}
	bounds := []int{start}
	for i := 1; i < k; i++ {
		at := start + (len(text)-start)*i/k
		if nl := strings.IndexByte(text[at:], '\n'); nl >= 0 && at+nl+1 > bounds[len(bounds)-1] {
			bounds = append(bounds, at+nl+1)
		}
	}
	bounds = append(bounds, len(text))

	parts := make([]builder, len(bounds)-1)
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	line := 1
	for i := range parts {
		first := line
		line += strings.Count(text[bounds[i]:bounds[i+1]], "\n")
		size := bounds[i+1] - bounds[i]
		if i == 0 {
			size = len(text) // merge appends the other parts to the first
		}
		run := func() {
			errs[i] = parts[i].parse(text, bounds[i], bounds[i+1], first, size)
		}
		if i == len(parts)-1 {
			run()
			continue
		}
		wg.Go(run)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, &ParseError{File: name, Line: parts[i].lineNo, Err: err}
		}
	}
	d, err := merge(text, parts)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	d.buildIndex()
	return d, nil
}

// builder parses a run of lines.
type builder struct {
	entries []entry
	senses  []span
	glosses []span // into clean
	words   []span // into clean
	refs    []variantRef
	clean   []byte

	c      cleaner
	lineNo int // line being parsed, 1-based

	// The current entry: its first word and gloss, and its variant
	// reference (1 + index into refs, or 0).
	cur, gcur, cref uint32
	// nwords counts the content words of the gloss being added.
	nwords int
	// The current entry's glosses and words, for seen.
	gset, wset spanSet

	// Method values, made once.
	gloss func([]byte)
	word  func(i, j int)
	ref   func(head, pinyin []byte)
}

// parse parses the lines in text[from:to]; the first one is line number
// first of the input. size is the length of text the builder's slices are
// sized for.
func (b *builder) parse(text string, from, to, first, size int) error {
	// CC-CEDICT has per 78 bytes of text 1 entry, 1.61 senses, 1.63
	// glosses, 2.87 words and 27.3 bytes of cleaned text: leave some room.
	b.entries = make([]entry, 0, size/70+1)
	b.senses = make([]span, 0, size/44+1)
	b.glosses = make([]span, 0, size/44+1)
	b.words = make([]span, 0, size/25+1)
	b.clean = make([]byte, 0, size*37/100)
	b.gloss = b.addGloss
	b.word = b.addWord
	b.ref = b.addRef

	b.lineNo = first
	for off := from; off < to; b.lineNo++ {
		end := strings.IndexByte(text[off:to], '\n')
		next := off + end + 1
		if end < 0 {
			end = to - off
			next = to
		}
		if err := b.line(text[off:off+end], off); err != nil {
			return err
		}
		off = next
	}
	return nil
}

// line parses one line starting at byte offset off of the text.
func (b *builder) line(line string, off int) error {
	line = strings.TrimSuffix(line, "\r")
	t := trimSpace(line)
	if t == "" || t[0] == '#' {
		return nil
	}
	if !utf8.ValidString(line) {
		return fmt.Errorf("%w: invalid UTF-8", ErrSyntax)
	}
	pos := 0
	skipSpace := func() {
		for pos < len(line) && (line[pos] == ' ' || line[pos] == '\t') {
			pos++
		}
	}
	field := func() (span, bool) {
		skipSpace()
		start := pos
		for pos < len(line) && line[pos] != ' ' && line[pos] != '\t' {
			pos++
		}
		return mkspan(off+start, pos-start), pos > start && line[start] != '['
	}
	trad, ok1 := field()
	simp, ok2 := field()
	if !ok1 || !ok2 {
		return fmt.Errorf("%w: want \"TRAD SIMP [PINYIN] /SENSE/\"", ErrSyntax)
	}
	skipSpace()
	if pos >= len(line) || line[pos] != '[' {
		return fmt.Errorf("%w: missing \"[\" before the pinyin", ErrSyntax)
	}
	end := strings.IndexByte(line[pos:], ']')
	if end < 0 {
		return fmt.Errorf("%w: missing \"]\" after the pinyin", ErrSyntax)
	}
	pinyin := mkspan(off+pos+1, end-1)
	pos += end + 1
	skipSpace()
	rest := trimSpace(line[pos:])
	if len(rest) < 2 || rest[0] != '/' || rest[len(rest)-1] != '/' {
		return fmt.Errorf("%w: senses must be written /like/this/", ErrSyntax)
	}
	restOff := off + pos // rest starts at pos: leading spaces were skipped

	e := entry{
		trad: trad, simp: simp, pinyin: pinyin,
		sense: uint32(len(b.senses)),
		gloss: uint32(len(b.glosses)),
		word:  uint32(len(b.words)),
	}
	b.cur, b.gcur, b.cref = e.word, e.gloss, 0
	b.gset, b.wset = spanSet{}, spanSet{}
	for i := 1; i < len(rest); {
		j := strings.IndexByte(rest[i:], '/')
		s := rest[i : i+j]
		sOff := restOff + i
		i += j + 1
		ts := trimSpace(s)
		if ts == "" {
			continue
		}
		sOff += strings.Index(s, ts)
		b.senses = append(b.senses, mkspan(sOff, len(ts)))
		b.c.sense(ts, b.gloss, b.ref)
	}
	if uint32(len(b.senses)) == e.sense {
		return fmt.Errorf("%w: no senses", ErrSyntax)
	}
	if uint64(len(b.clean)) > maxText {
		return errors.New("cedict: cleaned glosses larger than 4 GiB")
	}
	e.ref = b.cref
	b.entries = append(b.entries, e)
	return nil
}

func mkspan(off, n int) span { return span{off: uint32(off), n: uint32(n)} }

// addClean appends p to the cleaned text and returns its span.
func (b *builder) addClean(p []byte) span {
	s := mkspan(len(b.clean), len(p))
	b.clean = append(b.clean, p...)
	return s
}

// addRef records the first variant reference of the current entry.
func (b *builder) addRef(head, pinyin []byte) {
	if b.cref != 0 {
		return
	}
	h := b.addClean(head)
	p := b.addClean(pinyin)
	b.refs = append(b.refs, variantRef{head: h, pinyin: p})
	b.cref = uint32(len(b.refs))
}

// maxGlossWords is the most content words a gloss may have to contribute
// them to Entry.Words: a longer gloss is an explanation ("a semantically
// light, transitive verb that is combined with ...") rather than a
// translation, and its words would match unrelated English text.
const maxGlossWords = 6

// addGloss records a cleaned gloss of the current entry, unless the entry
// already has it, and its content words.
func (b *builder) addGloss(g []byte) {
	if b.seen(&b.gset, b.glosses[b.gcur:], g) {
		return
	}
	s := b.addClean(g)
	b.glosses = append(b.glosses, s)
	n := len(b.words)
	b.nwords = 0
	words(b.clean[s.off:s.off+s.n], b.word)
	if b.nwords > maxGlossWords {
		b.words = b.words[:n]
	}
}

// addWord records the content word at [i, j) of the gloss being added,
// unless the current entry already has it.
func (b *builder) addWord(i, j int) {
	b.nwords++
	base := len(b.clean) - int(b.glosses[len(b.glosses)-1].n)
	if b.seen(&b.wset, b.words[b.cur:], b.clean[base+i:base+j]) {
		return
	}
	b.words = append(b.words, mkspan(base+i, j-i))
}

// seen reports whether one of the spans of the cleaned text holds w. It
// scans a few spans, and hashes when there are many (which only odd input
// produces: CC-CEDICT entries have at most a few dozen words). set caches
// the hashed spans of the current entry.
func (b *builder) seen(set *spanSet, spans []span, w []byte) bool {
	if len(spans) <= wordSetScan {
		for _, s := range spans {
			if bytes.Equal(b.clean[s.off:s.off+s.n], w) {
				return true
			}
		}
		return false
	}
	if set.m == nil {
		set.m = make(map[string]struct{}, 2*len(spans))
	}
	for _, s := range spans[set.n:] {
		set.m[string(b.clean[s.off:s.off+s.n])] = struct{}{}
	}
	set.n = len(spans)
	_, ok := set.m[string(w)]
	return ok
}

// spanSet holds the strings of the first n spans of an entry's glosses or
// words.
type spanSet struct {
	m map[string]struct{}
	n int
}

// merge joins the parts, in order, into a Dict without an index. It
// appends the others to the first part's slices, which parse sized for the
// whole input.
func merge(text string, parts []builder) (*Dict, error) {
	p0 := &parts[0]
	for i := range parts[1:] {
		p := &parts[i+1]
		s, g, w, r, c := uint32(len(p0.senses)), uint32(len(p0.glosses)), uint32(len(p0.words)), uint32(len(p0.refs)), uint32(len(p0.clean))
		if uint64(len(p0.clean))+uint64(len(p.clean)) > maxText {
			return nil, errors.New("cedict: cleaned glosses larger than 4 GiB")
		}
		for _, e := range p.entries {
			e.sense += s
			e.gloss += g
			e.word += w
			if e.ref != 0 {
				e.ref += r
			}
			p0.entries = append(p0.entries, e)
		}
		p0.senses = append(p0.senses, p.senses...)
		for _, x := range p.glosses {
			p0.glosses = append(p0.glosses, span{x.off + c, x.n})
		}
		for _, x := range p.words {
			p0.words = append(p0.words, span{x.off + c, x.n})
		}
		for _, x := range p.refs {
			p0.refs = append(p0.refs, variantRef{span{x.head.off + c, x.head.n}, span{x.pinyin.off + c, x.pinyin.n}})
		}
		p0.clean = append(p0.clean, p.clean...)
		*p = builder{} // let the collector have it
	}
	if len(p0.entries) == 0 {
		return nil, ErrNoEntries
	}
	d := &Dict{
		text:    text,
		clean:   string(p0.clean),
		entries: append(p0.entries, entry{sense: uint32(len(p0.senses)), gloss: uint32(len(p0.glosses)), word: uint32(len(p0.words))}),
		senses:  p0.senses,
		glosses: p0.glosses,
		words:   p0.words,
		refs:    p0.refs,
	}
	*p0 = builder{}
	return d, nil
}

// index is an open-addressing hash table from headword to key number.
type index struct {
	seed  maphash.Seed
	slots []uint32 // 0 if empty, else 1 + key number
	keys  []span   // headword of each key, into Dict.text
}

// find returns the key of w, or the slot where it belongs and false.
func (x *index) find(text, w string) (key, slot uint32, ok bool) {
	if len(x.slots) == 0 {
		return 0, 0, false
	}
	mask := uint32(len(x.slots) - 1)
	i := uint32(maphash.String(x.seed, w)) & mask
	for {
		s := x.slots[i]
		if s == 0 {
			return 0, i, false
		}
		if x.keys[s-1].of(text) == w {
			return s - 1, i, true
		}
		i = (i + 1) & mask
	}
}

// buildIndex numbers the distinct headwords (simplified and traditional),
// counts the entries of each, and lays out the postings.
func (d *Dict) buildIndex() {
	n := d.Len()
	x := &d.index
	x.seed = maphash.MakeSeed()
	x.slots = make([]uint32, 1<<bits.Len(uint(3*n))) // load factor under 3/8 when every headword is new
	x.keys = make([]span, 0, n+n/2)
	var count []uint32
	key := func(s span) (uint32, bool) {
		k, slot, ok := x.find(d.text, s.of(d.text))
		if !ok {
			k = uint32(len(x.keys))
			x.slots[slot] = k + 1
			x.keys = append(x.keys, s)
			count = append(count, 0)
		}
		count[k]++
		return k, !ok
	}
	keys := make([]uint32, 0, 2*n) // per entry: key of simp, key of trad (or MaxUint32)
	for i, e := range d.entries[:n] {
		ks, isNew := key(e.simp)
		if isNew {
			d.heads = append(d.heads, uint32(i))
		}
		kt := uint32(math.MaxUint32)
		if e.trad.of(d.text) != e.simp.of(d.text) {
			kt, _ = key(e.trad)
		}
		keys = append(keys, ks, kt)
	}
	d.keyStart = make([]uint32, len(count)+1)
	for k, c := range count {
		d.keyStart[k+1] = d.keyStart[k] + c
	}
	fill := append(count[:0], d.keyStart[:len(count)]...)
	d.postings = make([]uint32, d.keyStart[len(count)])
	for i := range n {
		for _, k := range keys[2*i : 2*i+2] {
			if k != math.MaxUint32 {
				d.postings[fill[k]] = uint32(i)
				fill[k]++
			}
		}
	}
}
