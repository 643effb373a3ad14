// Package han answers the questions about Chinese characters that several
// packages of zhenalign ask.
package han

import "unicode"

// Is reports whether r is a Han ideograph.
func Is(r rune) bool {
	switch {
	case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF, 0xF900 <= r && r <= 0xFAFF:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// In reports whether s holds a Han ideograph.
func In(s string) bool {
	for _, r := range s {
		if Is(r) {
			return true
		}
	}
	return false
}

// NonSpace counts the characters of s that are not white space.
func NonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
