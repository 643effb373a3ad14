// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Converter converts text with one OpenCC configuration. Get one with [T2S]
// or [S2T]; the zero Converter converts nothing. A Converter is immutable
// and safe for concurrent use by multiple goroutines.
type Converter struct {
	// pages maps the high byte of a rune up to U+FFFF to a block of 256
	// entries in entries (block 0 is all zero).
	pages   [256]uint16
	entries []uint32
	// astral holds the entries of runes above U+FFFF, sorted by rune.
	astral []astralEntry

	// pre holds the runes rewritten before matching: CJK compatibility
	// ideographs and, for T→S, the folded variants. Their entries carry
	// preFlag.
	pre    map[rune]rune
	preMin rune // smallest key of pre

	// ascii holds the entries of the ASCII runes.
	ascii [utf8.RuneSelf]uint32

	nodes []node
	// kids holds the edges of the trie in an open-addressing hash table:
	// a slot is (parent<<21 | rune)<<21 | child, 0 if empty. Node
	// numbers are below 1<<21.
	kids      []uint64
	kidsShift uint   // 64 - log2(len(kids))
	vals      string // all values, one after the other
}

// An entry is the trie node reached by a rune at the start of a match (0 if
// none), or'ed with preFlag if the rune is rewritten before matching.
const (
	preFlag  = 1 << 31
	nodeMask = preFlag - 1
)

type astralEntry struct {
	r rune
	e uint32
}

// node is a trie node. Node 0 is unused, so that 0 can mean "none". A node
// ends a dictionary key when valLen > 0; the key's value is
// vals[valOff:valOff+valLen]. It has kids children, found in
// Converter.kids.
type node struct {
	valOff, valLen uint32
	kids           uint32
}

// Limits of the packing of Converter.kids.
const (
	nodeBits = 21
	maxNodes = 1 << nodeBits
	runeBits = 21
)

var (
	t2s = sync.OnceValues(func() (*Converter, error) { return load(t2sName, t2sData, t2sSize) })
	s2t = sync.OnceValues(func() (*Converter, error) { return load(s2tName, s2tData, s2tSize) })
)

// T2S returns the traditional-to-simplified converter. It is built from the
// embedded tables on the first call, which takes about 1 ms of CPU time;
// later calls return the same Converter. The error, a [*ParseError], can only
// come from damaged embedded data.
func T2S() (*Converter, error) { return t2s() }

// S2T returns the simplified-to-traditional converter. It is built from the
// embedded tables on the first call, which takes about 15 ms of CPU time and
// keeps about 4 MB; later calls return the same Converter. The error, a
// [*ParseError], can only come from damaged embedded data.
func S2T() (*Converter, error) { return s2t() }

// ParseError reports damaged table data.
type ParseError struct {
	File string // name of the embedded table
	Line int    // 1-based line of the uncompressed table, 0 if none
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("opencc: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("opencc: %s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// entry returns the entry of r.
func (c *Converter) entry(r rune) uint32 {
	if uint32(r) <= 0xFFFF {
		return c.entries[int(c.pages[r>>8])<<8|int(r&0xFF)]
	}
	return c.astralEntry(r)
}

func (c *Converter) astralEntry(r rune) uint32 {
	i, ok := slices.BinarySearchFunc(c.astral, r, func(a astralEntry, r rune) int { return int(a.r - r) })
	if !ok {
		return 0
	}
	return c.astral[i].e
}

// child returns the child of node n along r, or 0.
func (c *Converter) child(n uint32, r rune) uint32 {
	k := uint64(n)<<runeBits | uint64(r)
	mask := uint64(len(c.kids) - 1)
	for h := kidHash(k, c.kidsShift); ; h = (h + 1) & mask {
		slot := c.kids[h]
		if slot>>nodeBits == k {
			return uint32(slot & (maxNodes - 1))
		}
		if slot == 0 {
			return 0
		}
	}
}

// kidHash returns the first slot to probe for key k.
func kidHash(k uint64, shift uint) uint64 { return (k * 0x9E3779B97F4A7C15) >> shift }

// Convert returns s converted. Runes that no entry matches, including
// ASCII and any bytes that are not valid UTF-8, are copied unchanged, and so
// are ideographic description sequences. If nothing changes, Convert returns
// s itself, and it does not allocate unless s holds ideographic description
// characters (U+2FF0–U+2FFF). Convert of "" is "".
func (c *Converter) Convert(s string) string {
	if c == nil || c.entries == nil {
		return s
	}
	var (
		b       strings.Builder
		changed bool
		last    int // s[last:i] is still to be copied to b
		ids     idsIndex
	)
	for i := 0; i < len(s); {
		var (
			r    rune
			size int
			e    uint32
		)
		if c0 := s[i]; c0 < utf8.RuneSelf {
			if e = c.ascii[c0]; e == 0 {
				i++
				continue
			}
			r, size = rune(c0), 1
		} else {
			// decode and entry, inlined by hand for three-byte runes, the
			// most frequent in Chinese text (ideographs, full-width
			// punctuation).
			if i+2 < len(s) && c0&0xF0 == 0xE0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				r, size = rune(c0&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			}
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF { // not a valid three-byte rune
				if r, size = utf8.DecodeRuneInString(s[i:]); size == 1 { // invalid UTF-8
					i++
					continue
				}
			}
			if uint32(r) <= 0xFFFF {
				e = c.entries[int(c.pages[r>>8])<<8|int(r&0xFF)]
			} else {
				e = c.astralEntry(r)
			}
			if e == 0 {
				if isIDC(r) {
					if end := ids.end(s, i); end > 0 {
						i = end
						continue
					}
				}
				i += size
				continue
			}
		}
		end, val := c.match(s, i, size, e)
		switch {
		case end > 0:
			if val == s[i:end] {
				i = end
				continue
			}
		case e&preFlag != 0:
			end, val = i+size, string(c.pre[r])
		default:
			i += size
			continue
		}
		if !changed {
			changed = true
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:i])
		b.WriteString(val)
		last, i = end, end
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// match returns the end and the value of the longest entry matching at
// s[i:], whose first rune is size bytes long and has entry e; end is 0 if
// no entry matches.
func (c *Converter) match(s string, i, size int, e uint32) (end int, val string) {
	n := e & nodeMask
	if n == 0 {
		return 0, ""
	}
	nd := &c.nodes[n]
	j := i + size
	if nd.valLen > 0 {
		end, val = j, c.vals[nd.valOff:nd.valOff+nd.valLen]
	}
	for nd.kids > 0 && j < len(s) {
		r, size := decode(s, j)
		if size == 1 && r == utf8.RuneError {
			break
		}
		if r >= c.preMin && c.entry(r)&preFlag != 0 {
			r = c.pre[r]
		}
		if n = c.child(n, r); n == 0 {
			break
		}
		nd = &c.nodes[n]
		j += size
		if nd.valLen > 0 {
			end, val = j, c.vals[nd.valOff:nd.valOff+nd.valLen]
		}
	}
	return end, val
}

// decode decodes the rune at s[i:].
func decode(s string, i int) (rune, int) {
	if r, size := decode3(s, i); size > 0 {
		return r, size
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decode3 decodes the rune at s[i:] if it is a valid three-byte one, the
// most frequent in Chinese text (ideographs, full-width punctuation), and
// returns size 0 otherwise.
func decode3(s string, i int) (rune, int) {
	if i+2 >= len(s) {
		return 0, 0
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, 0
	}
	r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
	if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
		return 0, 0
	}
	return r, 3
}
