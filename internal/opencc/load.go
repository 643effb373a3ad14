// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// load builds a Converter from the gzip-compressed table data, whose
// uncompressed size is size. The format is described in gen.go.
func load(name, data string, size int) (*Converter, error) {
	text, err := gunzip(data, size)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return parse(name, text)
}

func gunzip(data string, size int) ([]byte, error) {
	zr, err := gzip.NewReader(strings.NewReader(data))
	if err != nil {
		return nil, err
	}
	text := make([]byte, size)
	if _, err := io.ReadFull(zr, text); err != nil {
		return nil, err
	}
	if n, err := zr.Read(make([]byte, 1)); n > 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = errors.New("longer than recorded")
		}
		return nil, err
	}
	return text, zr.Close()
}

// lines iterates over the lines of a table.
type lines struct {
	name string
	text []byte
	n    int // number of the line last returned
}

func (l *lines) next() ([]byte, error) {
	l.n++
	if len(l.text) == 0 {
		return nil, l.errorf("unexpected end of data")
	}
	line, rest, ok := bytes.Cut(l.text, []byte{'\n'})
	if !ok {
		return nil, l.errorf("last line not terminated")
	}
	l.text = rest
	return line, nil
}

func (l *lines) errorf(format string, args ...any) error {
	return &ParseError{File: l.name, Line: l.n, Err: fmt.Errorf(format, args...)}
}

// header reads a line "<word> <n>" and returns n.
func (l *lines) header(word string) (int, error) {
	line, err := l.next()
	if err != nil {
		return 0, err
	}
	rest, ok := bytes.CutPrefix(line, []byte(word+" "))
	if !ok {
		return 0, l.errorf("want %q, have %q", word, line)
	}
	n, err := strconv.Atoi(string(rest))
	if err != nil || n < 0 {
		return 0, l.errorf("bad count %q", rest)
	}
	if n > bytes.Count(l.text, []byte{'\n'}) {
		return 0, l.errorf("count %d exceeds the lines left", n)
	}
	return n, nil
}

// decodeRune decodes one valid rune.
func decodeRune(b []byte) (rune, int, bool) {
	r, size := utf8.DecodeRune(b)
	return r, size, size > 1 || (size == 1 && r != utf8.RuneError)
}

// rec is a dictionary entry while the table is parsed: its key is
// keys[ks:ke], its value text[vs:ve], or derived from the key if vs < 0.
type rec struct {
	ks, ke int32
	vs, ve int32
}

func parse(name string, text []byte) (*Converter, error) {
	l := &lines{name: name, text: text}
	line, err := l.next()
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(line, []byte("opencc ")) {
		return nil, l.errorf("not an opencc table")
	}

	// @pre: "k\tv".
	npre, err := l.header("@pre")
	if err != nil {
		return nil, err
	}
	pre := make(map[rune]rune, npre)
	for range npre {
		line, err := l.next()
		if err != nil {
			return nil, err
		}
		k, n, ok := decodeRune(line)
		if !ok || n >= len(line) || line[n] != '\t' {
			return nil, l.errorf("bad @pre line %q", line)
		}
		v, m, ok := decodeRune(line[n+1:])
		if !ok || n+1+m != len(line) {
			return nil, l.errorf("bad @pre line %q", line)
		}
		pre[k] = v
	}

	// @dict: front-coded keys, explicit or derived values.
	ndict, err := l.header("@dict")
	if err != nil {
		return nil, err
	}
	recs := make([]rec, 0, ndict)
	keys := make([]rune, 0, 3*ndict)
	chars := make(map[rune][]byte, 4096) // single-rune entries, for derived values
	var prev []rune
	for range ndict {
		line, err := l.next()
		if err != nil {
			return nil, err
		}
		if len(line) < 2 || line[0] < '0' || line[0] > '0'+15 {
			return nil, l.errorf("bad @dict line %q", line)
		}
		shared := int(line[0] - '0')
		if shared > len(prev) {
			return nil, l.errorf("shared prefix longer than previous key")
		}
		start := len(keys)
		keys = append(keys, prev[:shared]...)
		k := line[1:]
		var v []byte
		if i := bytes.IndexByte(k, '\t'); i >= 0 {
			k, v = k[:i], k[i+1:]
			if len(v) == 0 {
				return nil, l.errorf("empty value")
			}
		}
		for len(k) > 0 {
			r, n, ok := decodeRune(k)
			if !ok {
				return nil, l.errorf("invalid UTF-8 in key")
			}
			keys = append(keys, r)
			k = k[n:]
		}
		key := keys[start:]
		if len(key) == shared {
			return nil, l.errorf("empty key suffix")
		}
		if slices.Compare(prev, key) >= 0 {
			return nil, l.errorf("keys out of order")
		}
		prev = key
		rc := rec{ks: int32(start), ke: int32(len(keys)), vs: -1}
		if v != nil {
			if !utf8.Valid(v) {
				return nil, l.errorf("invalid UTF-8 in value")
			}
			off := len(text) - len(l.text) - 1 - len(v) // v ends the line
			rc.vs, rc.ve = int32(off), int32(off+len(v))
			if len(key) == 1 {
				chars[key[0]] = v
			}
		} else if len(key) == 1 {
			return nil, l.errorf("single rune without value")
		}
		recs = append(recs, rc)
	}
	if len(l.text) != 0 {
		l.n++
		return nil, l.errorf("trailing data")
	}

	// Values, in one string.
	vals := make([]byte, 0, len(text)/2)
	offs := make([][2]uint32, len(recs))
	for i, rc := range recs {
		start := len(vals)
		if rc.vs >= 0 {
			vals = append(vals, text[rc.vs:rc.ve]...)
		} else {
			for _, r := range keys[rc.ks:rc.ke] {
				if v, ok := chars[r]; ok {
					vals = append(vals, v...)
				} else {
					vals = utf8.AppendRune(vals, r)
				}
			}
		}
		offs[i] = [2]uint32{uint32(start), uint32(len(vals) - start)}
	}

	c := &Converter{
		pre:     pre,
		entries: make([]uint32, 256, 256*128),
		nodes:   make([]node, 1, len(keys)+1),
		vals:    string(vals),
	}
	b := &builder{c: c, keys: keys, recs: recs, offs: offs, edges: make([]edge, 0, len(keys))}
	for i := 0; i < len(recs); {
		r := b.key(i)[0]
		j := i + 1
		for j < len(recs) && b.key(j)[0] == r {
			j++
		}
		id := b.newNode()
		c.setEntry(r, id)
		b.build(id, i, j, 1)
		i = j
	}
	if len(c.nodes) > maxNodes {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%d trie nodes, more than %d", len(c.nodes), maxNodes)}
	}
	c.setKids(b.edges)
	c.preMin = utf8.MaxRune + 1
	for k, v := range pre {
		c.setEntry(k, preFlag|c.entry(v)&nodeMask)
		c.preMin = min(c.preMin, k)
	}
	for r := range c.ascii {
		c.ascii[r] = c.entry(rune(r))
	}
	return c, nil
}

// setEntry sets the entry of r.
func (c *Converter) setEntry(r rune, e uint32) {
	if r > 0xFFFF {
		i, ok := slices.BinarySearchFunc(c.astral, r, func(a astralEntry, r rune) int { return int(a.r - r) })
		if ok {
			c.astral[i].e = e
		} else {
			c.astral = slices.Insert(c.astral, i, astralEntry{r, e})
		}
		return
	}
	p := c.pages[r>>8]
	if p == 0 {
		p = uint16(len(c.entries) >> 8)
		c.pages[r>>8] = p
		c.entries = append(c.entries, make([]uint32, 256)...)
	}
	c.entries[int(p)<<8|int(r&0xFF)] = e
}

// setKids fills in c.kids with edges.
func (c *Converter) setKids(edges []edge) {
	bits := 1
	for 1<<bits < 2*len(edges) { // load factor at most 1/2
		bits++
	}
	c.kids = make([]uint64, 1<<bits)
	c.kidsShift = uint(64 - bits)
	mask := uint64(len(c.kids) - 1)
	for _, e := range edges {
		k := uint64(e.parent)<<runeBits | uint64(e.r)
		h := kidHash(k, c.kidsShift)
		for c.kids[h] != 0 {
			h = (h + 1) & mask
		}
		c.kids[h] = k<<nodeBits | uint64(e.child)
	}
}

// edge is an edge of the trie while it is built.
type edge struct {
	parent, child uint32
	r             rune
}

// builder builds the trie from the sorted entries.
type builder struct {
	c     *Converter
	keys  []rune
	recs  []rec
	offs  [][2]uint32 // value offset and length of each entry
	edges []edge
}

func (b *builder) key(i int) []rune { return b.keys[b.recs[i].ks:b.recs[i].ke] }

func (b *builder) newNode() uint32 {
	b.c.nodes = append(b.c.nodes, node{})
	return uint32(len(b.c.nodes) - 1)
}

// build fills in node id from the entries lo to hi-1, which share their
// first depth runes.
func (b *builder) build(id uint32, lo, hi, depth int) {
	c := b.c
	if len(b.key(lo)) == depth {
		c.nodes[id].valOff, c.nodes[id].valLen = b.offs[lo][0], b.offs[lo][1]
		lo++
	}
	for i := lo; i < hi; {
		r := b.key(i)[depth]
		j := i + 1
		for j < hi && b.key(j)[depth] == r {
			j++
		}
		child := b.newNode()
		b.edges = append(b.edges, edge{parent: id, child: child, r: r})
		c.nodes[id].kids++
		b.build(child, i, j, depth+1)
		i = j
	}
}
