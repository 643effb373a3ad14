package numex

import (
	"math"
	"unicode/utf8"
)

// This file holds what both extractors share: Arabic numerals (ASCII and
// full-width), list markers, ISO dates and the small byte predicates.

// decimal is mant × 10^exp, kept exact until converted.
type decimal struct {
	mant uint64
	exp  int
}

var pow10tab = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

func pow10(k int) float64 {
	if k >= 0 && k < len(pow10tab) {
		return pow10tab[k]
	}
	return math.Pow10(k)
}

// float converts d with one rounding when mant and 10^|exp| are exact, so
// 1.2 × 10^8 gives exactly 120000000.
func (d decimal) float() float64 {
	f := float64(d.mant)
	switch {
	case d.exp > 0:
		return f * pow10(d.exp)
	case d.exp < 0:
		return f / pow10(-d.exp)
	}
	return f
}

func (d decimal) shift(k int) decimal {
	if d.mant == 0 {
		return decimal{}
	}
	d.exp += k
	return d
}

// numLit is an Arabic numeral: ASCII or full-width digits, optional
// thousands separators and an optional decimal part.
type numLit struct {
	val        decimal
	start, end int
	intDigits  int
	fracDigits int
	grouped    bool
}

// plainInt reports whether the literal is an integer written without
// separators or decimals, with at most maxDigits digits.
func (l numLit) plainInt(maxDigits int) bool {
	return l.fracDigits == 0 && !l.grouped && l.intDigits <= maxDigits
}

func (l numLit) intValue() int {
	if l.fracDigits != 0 || l.val.exp != 0 || l.val.mant > 1<<31 {
		return -1
	}
	return int(l.val.mant)
}

// digitAt returns the value of the ASCII or full-width digit at s[i] and its
// length in bytes, or -1 and 0 when there is none.
func digitAt(s string, i int) (int, int) {
	if i >= len(s) {
		return -1, 0
	}
	c := s[i]
	if c >= '0' && c <= '9' {
		return int(c - '0'), 1
	}
	// U+FF10..U+FF19 FULLWIDTH DIGIT ZERO..NINE = EF BC 90..99.
	if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90), 3
	}
	return -1, 0
}

func isDigitAt(s string, i int) bool {
	_, n := digitAt(s, i)
	return n > 0
}

// lexNum reads the Arabic numeral starting at s[i], which must be a digit.
func lexNum(s string, i int) numLit {
	l := numLit{start: i}
	j := i
	add := func(d int, frac bool) {
		if l.val.mant <= (math.MaxUint64-9)/10 {
			l.val.mant = l.val.mant*10 + uint64(d)
			if frac {
				l.val.exp--
			}
		} else if !frac {
			l.val.exp++
		}
	}
	for {
		d, n := digitAt(s, j)
		if n == 0 {
			break
		}
		add(d, false)
		l.intDigits++
		j += n
	}
	// Thousands separators: 1,000,000 and 20 000. A group is a separator
	// and exactly three digits; the first group must follow 1 to 3 digits,
	// and all separators must be the same.
	if l.intDigits <= 3 {
		sep := ""
		for {
			n := groupSepAt(s, j)
			if n == 0 || sep != "" && s[j:j+n] != sep {
				break
			}
			k := j + n
			cnt := 0
			var ds [3]int
			for cnt < 3 {
				d, n := digitAt(s, k)
				if n == 0 {
					break
				}
				ds[cnt] = d
				cnt++
				k += n
			}
			if cnt != 3 || isDigitAt(s, k) {
				break
			}
			for _, d := range ds {
				add(d, false)
			}
			l.intDigits += 3
			l.grouped = true
			sep = s[j : j+n]
			j = k
		}
	}
	// Decimal part: a point followed by a digit. "2022.2023" is two years
	// run together at a sentence boundary, not a decimal.
	if j+1 < len(s) && s[j] == '.' && isDigitAt(s, j+1) {
		k := j + 1
		nf := 0
		for {
			_, n := digitAt(s, k)
			if n == 0 {
				break
			}
			nf++
			k += n
		}
		yearPair := !l.grouped && l.intDigits == 4 && nf == 4
		if !yearPair {
			k = j + 1
			for {
				d, n := digitAt(s, k)
				if n == 0 {
					break
				}
				add(d, true)
				l.fracDigits++
				k += n
			}
			j = k
		}
	}
	l.end = j
	return l
}

// groupSepAt returns the length of a thousands separator at s[i]: a comma,
// a space, a no-break space, a thin space or a narrow no-break space.
func groupSepAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ',', ' ':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x89 || s[i+2] == 0xAF) {
			return 3
		}
	}
	return 0
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }

// eqFold reports whether w equals the lower-case ASCII word lw, ignoring case.
func eqFold(w, lw string) bool {
	if len(w) != len(lw) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != lw[i] {
			return false
		}
	}
	return true
}

// skipSpace returns the offset of the first byte at or after i that is not
// white space (ASCII, NO-BREAK SPACE or IDEOGRAPHIC SPACE).
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			i += 2
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80:
			i += 3
		default:
			return i
		}
	}
	return i
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == 0x3000
}

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
		n := 0
		switch {
		case s[e] == '.':
			n = 1
		case e+3 <= len(s) && (s[e:e+3] == "、" || s[e:e+3] == "．"):
			n = 3
		}
		if n > 0 && !isDigitAt(s, e+n) {
			return e + n, true
		}
	}
	if e < len(s) && s[e] == '/' && (e+1 == len(s) || s[e+1] == ' ') && l.intDigits <= 2 && boundaryBefore(s, l.start) {
		return e + 1, true
	}
	return 0, false
}

// isoDate reads YYYY-MM-DD or YYYY/MM/DD starting with the literal y.
func isoDate(s string, y numLit) (m, d numLit, ok bool) {
	if !y.plainInt(4) || y.intDigits != 4 || y.end+1 >= len(s) {
		return m, d, false
	}
	if v := y.intValue(); v < 1000 || v > 2999 {
		return m, d, false
	}
	sep := s[y.end]
	if (sep != '-' && sep != '/') || !isDigitAt(s, y.end+1) {
		return m, d, false
	}
	m = lexNum(s, y.end+1)
	if !m.plainInt(2) || m.intValue() < 1 || m.intValue() > 12 ||
		m.end+1 >= len(s) || s[m.end] != sep || !isDigitAt(s, m.end+1) {
		return m, d, false
	}
	d = lexNum(s, m.end+1)
	if !d.plainInt(2) || d.intValue() < 1 || d.intValue() > 31 {
		return m, d, false
	}
	return m, d, true
}

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
	switch w := s[ws:i]; len(w) {
	case 2:
		return !(eqFold(w, "us") || eqFold(w, "hk") || eqFold(w, "nt") || eqFold(w, "rs"))
	case 3:
		for _, cur := range [...]string{"rmb", "usd", "hkd", "cny", "eur", "gbp", "jpy", "mop", "sgd", "aud", "cad"} {
			if eqFold(w, cur) {
				return false
			}
		}
	}
	return true
}

// ordSuffixAt returns 2 when s[i:] starts with an ordinal suffix
// (st, nd, rd, th) not followed by a lower-case letter: 15th, 21st, 20thCPC.
func ordSuffixAt(s string, i int) int {
	if i+2 > len(s) {
		return 0
	}
	switch s[i] | 0x20 {
	case 's', 'n', 'r', 't':
	default:
		return 0
	}
	switch w := s[i : i+2]; {
	case eqFold(w, "st"), eqFold(w, "nd"), eqFold(w, "rd"), eqFold(w, "th"):
	default:
		return 0
	}
	if i+2 < len(s) && isLower(s[i+2]) {
		return 0
	}
	return 2
}

// percentSignAt returns the length of a percent sign at s[i], allowing one
// ASCII space before it, or 0.
func percentSignAt(s string, i int) int {
	j := i
	if j < len(s) && s[j] == ' ' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '%':
		return j + 1 - i
	case j+3 <= len(s) && s[j:j+3] == "％":
		return j + 3 - i
	}
	return 0
}

// sameValue compares two extracted values with a relative tolerance, so
// values computed through different scales (50万, 500,000) agree.
func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	m := math.Max(math.Abs(a), math.Abs(b))
	return d <= 1e-9*m
}

// romans holds the canonical Roman numerals from 1 to 39.
var romans = [...]string{"",
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
	"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	"XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
	"XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
}

// romanValue returns the value of w when it is an upper-case Roman numeral
// written with I, V and X in canonical form (annex II, Form III), else 0.
func romanValue(w string) int {
	if len(w) == 0 || len(w) > 7 {
		return 0
	}
	total := 0
	for i := 0; i < len(w); i++ {
		v := romanDigit(w[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(w) && romanDigit(w[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= len(romans) || romans[total] != w {
		return 0
	}
	return total
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	}
	return 0
}
