package numex

import "unicode/utf8"

// This file holds the context checks both extractors share: what stands
// around an Arabic numeral and makes it a list marker, a date or part of a
// code.

// atStart reports whether s[:i] holds only white space and opening
// brackets or quotes, so a numeral at i opens the sentence.
func atStart(s string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case isSpaceRune(r), r == '(', r == '（', r == '[', r == '【', r == '"', r == '“', r == '\'', r == '‘', r == '「':
			i -= n
		default:
			return false
		}
	}
	return true
}

// boundaryBefore reports whether the rune before s[i] is white space or
// punctuation other than a joiner, or i is 0.
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	switch r {
	case ' ', '\t', '\n', '\r', 0xA0, 0x3000, ';', ':', ',', '；', '：', '，', '。', '、':
		return true
	}
	return false
}

// openBefore reports whether s[:i] ends with an opening parenthesis.
func openBefore(s string, i int) bool {
	return i > 0 && s[i-1] == '(' || i >= 3 && s[i-3:i] == "（"
}

// closeAt returns the length of the closing parenthesis at s[i], or 0.
func closeAt(s string, i int) int {
	switch {
	case i < len(s) && s[i] == ')':
		return 1
	case i+3 <= len(s) && s[i:i+3] == "）":
		return 3
	}
	return 0
}

// markerEnd reports whether the Arabic literal l is a list or paragraph
// marker: "(1)", "1)" after a boundary, "1." "1、" "1．" opening the
// sentence, "1/" footnote calls. It returns where the marker ends.
func markerEnd(s string, l numLit) (int, bool) {
	if !l.plainInt(3) {
		return 0, false
	}
	e := l.end
	if n := closeAt(s, e); n > 0 && l.intDigits <= 2 {
		if openBefore(s, l.start) || boundaryBefore(s, l.start) {
			return e + n, true
		}
		return 0, false
	}
	if e < len(s) && atStart(s, l.start) {
		if n := pointAt(s, e); n > 0 && !isDigitAt(s, e+n) {
			return e + n, true
		}
	}
	if e < len(s) && s[e] == '/' && (e+1 == len(s) || s[e+1] == ' ') && l.intDigits <= 2 && boundaryBefore(s, l.start) {
		return e + 1, true
	}
	return 0, false
}

// markerOrDate reads the forms an Arabic literal l takes as a whole: a
// list marker (1), (2), 3.), one number, or an ISO date (2022-11-15),
// three. It passes their numbers to emit and returns where the form ends,
// or false when l is neither.
func markerOrDate(s string, l numLit, emit func(Number)) (int, bool) {
	if end, ok := markerEnd(s, l); ok {
		emit(Number{Value: l.val.float(), Kind: Cardinal, Flags: Marker, Start: l.start, End: l.end})
		return end, true
	}
	if m, d, ok := isoDate(s, l); ok {
		emit(Number{Value: l.val.float(), Kind: Year, Start: l.start, End: l.end})
		emit(Number{Value: m.val.float(), Kind: Month, Start: m.start, End: m.end})
		emit(Number{Value: d.val.float(), Kind: Day, Start: d.start, End: d.end})
		return d.end, true
	}
	return 0, false
}

// pointAt returns the length of a full stop or enumeration comma closing a
// list marker at s[e] ("1." "1、" "1．"), or 0.
func pointAt(s string, e int) int {
	switch {
	case s[e] == '.':
		return 1
	case e+3 <= len(s) && (s[e:e+3] == "、" || s[e:e+3] == "．"):
		return 3
	}
	return 0
}

// currencyCodes are the letters that may precede an amount without making
// it a code: US$, HK$, NT$, Rs, RMB100.
var currencyCodes = [...]string{"us", "hk", "nt", "rs",
	"rmb", "usd", "hkd", "cny", "eur", "gbp", "jpy", "mop", "sgd", "aud", "cad"}

// codeBefore reports whether the numeral at s[i] is glued to a name: letters
// right before it (H1, G20; but not currency codes such as RMB100), or an
// upper-case word and a hyphen (COVID-19).
func codeBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	if c == '-' && i >= 2 && isUpper(s[i-2]) {
		return true
	}
	if !isLetter(c) {
		return false
	}
	ws := i - 1
	for ws > 0 && isLetter(s[ws-1]) {
		ws--
	}
	if w := s[ws:i]; len(w) == 2 || len(w) == 3 {
		for _, cur := range currencyCodes {
			if eqFold(w, cur) {
				return false
			}
		}
	}
	return true
}
