// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import (
	"slices"
	"unicode/utf8"
)

// Ideographic description sequences (IDS), such as ⿰氵發, describe a
// character by its parts. OpenCC (opencc-js's getUnmatchedLength) copies a
// whole sequence unchanged when no dictionary entry matches at its first
// rune, an ideographic description character (IDC, U+2FF0–U+2FFF). The
// sequence is the IDC followed by as many operands as its arity (3 for
// U+2FF2 and U+2FF3, 2 for the others), each operand itself a sequence or
// one rune. When the text ends before a nested sequence is complete, that
// nested IDC counts as a plain one-rune operand; when it ends before the
// outer one is complete, the outer IDC is not a sequence at all.
//
// opencc-js evaluates this recursively at each IDC, which takes exponential
// time on a long run of IDCs. idsIndex gets the same results in linear time.

const (
	idcFirst = 0x2FF0
	idcLast  = 0x2FFF
	idcSize  = 3 // bytes of UTF-8 of every IDC
)

func isIDC(r rune) bool { return r >= idcFirst && r <= idcLast }

func idcArity(r rune) int {
	if r == 0x2FF2 || r == 0x2FF3 {
		return 3
	}
	return 2
}

// idsIndex holds, for each IDC at or after the first position it was asked
// about, the byte offset where its sequence ends (0 if it is none). The zero
// value is ready to use; it is filled in on the first call of end.
type idsIndex struct {
	pos  []int // offsets of the IDCs, ascending
	ends []int // ends[k] is the end of the sequence at pos[k], or 0
	done bool
}

// end returns the end of the sequence starting with the IDC at s[i:], or 0
// if the IDC starts none. Successive calls must pass the same s and
// non-decreasing i.
func (x *idsIndex) end(s string, i int) int {
	if !x.done {
		x.build(s, i)
	}
	k, ok := slices.BinarySearch(x.pos, i)
	if !ok {
		return 0 // cannot happen for an IDC at or after the first i
	}
	return x.ends[k]
}

// build indexes the IDCs of s from offset i on.
func (x *idsIndex) build(s string, i int) {
	x.done = true
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isIDC(r) {
			x.pos = append(x.pos, j)
		}
		j += size
	}
	x.ends = make([]int, len(x.pos))
	// The sequence at pos[k] only depends on later ones: fill right to left.
	for k := len(x.pos) - 1; k >= 0; k-- {
		p := x.pos[k]
		r, _ := utf8.DecodeRuneInString(s[p:])
		end := p + idcSize
		next := k + 1 // first IDC at or after end
		for range idcArity(r) {
			if end >= len(s) {
				end = 0
				break
			}
			for next < len(x.pos) && x.pos[next] < end {
				next++
			}
			if next < len(x.pos) && x.pos[next] == end && x.ends[next] > 0 {
				end = x.ends[next]
			} else {
				_, size := utf8.DecodeRuneInString(s[end:])
				end += size
			}
		}
		x.ends[k] = end
	}
}
