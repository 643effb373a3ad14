// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import "unicode/utf8"

// Classify counts the runes of s that are traditional-only (trad) and
// simplified-only (simp), as described in the package documentation. Runes
// written alike in both scripts, runes that are not Han and invalid UTF-8
// count for neither. Classify needs no tables to be loaded, does not
// allocate and is safe for concurrent use.
//
// A caller can label a run of Chinese text from the counts: neither means
// it cannot tell, one of them alone gives the script, and both mean mixed
// text (or a stray character of the other script).
func Classify(s string) (trad, simp int) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case inSet(r, tradLo, tradHi, tradBits, tradAstral):
			trad++
		case inSet(r, simpLo, simpHi, simpBits, simpAstral):
			simp++
		}
	}
	return trad, simp
}

// inSet reports whether r is in the set made of the bitset bits over
// [lo, hi) and the sorted 4-byte runes of astral.
func inSet(r, lo, hi rune, bits, astral string) bool {
	if r >= lo && r < hi {
		i := r - lo
		return bits[i>>3]&(1<<(i&7)) != 0
	}
	if r <= 0xFFFF {
		return false
	}
	// Binary search over 4-byte records.
	a, b := 0, len(astral)/4
	for a < b {
		m := (a + b) / 2
		x, _ := utf8.DecodeRuneInString(astral[4*m : 4*m+4])
		switch {
		case x == r:
			return true
		case x < r:
			a = m + 1
		default:
			b = m
		}
	}
	return false
}
