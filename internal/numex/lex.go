package numex

import "math"

// This file holds the lexing both extractors share: Arabic numerals (ASCII
// and full-width), ISO dates, the affixes glued to a numeral (15th, 15%)
// and the byte and rune predicates. What surrounds a numeral is judged in
// context.go, Roman numerals are read in roman.go.

// decimal is mant × 10^exp, kept exact until converted.
type decimal struct {
	mant uint64
	exp  int
}

var pow10tab = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

// pow10 returns 10^k, exactly for 0 ≤ k ≤ 22.
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

// shift returns d × 10^k; zero stays zero.
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

// intValue returns the literal's value when it is an integer up to 2^31,
// else -1.
func (l numLit) intValue() int {
	if l.fracDigits != 0 || l.val.exp != 0 || l.val.mant > 1<<31 {
		return -1
	}
	return int(l.val.mant)
}

// bareYear reports whether the literal is four plain digits from 1800 to
// 2100, which stand for a year even without 年 or a month.
func (l numLit) bareYear() bool {
	if !l.plainInt(4) || l.intDigits != 4 {
		return false
	}
	y := l.intValue()
	return y >= 1800 && y <= 2100
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

// isDigitAt reports whether an ASCII or full-width digit starts at s[i].
func isDigitAt(s string, i int) bool {
	_, n := digitAt(s, i)
	return n > 0
}

// lexNum reads the Arabic numeral starting at s[i], which must be a digit:
// the integer digits, thousands groups after at most three of them, and a
// decimal part.
func lexNum(s string, i int) numLit {
	l := numLit{start: i}
	j := l.lexDigits(s, i)
	if l.intDigits <= 3 {
		j = l.lexGroups(s, j)
	}
	l.end = l.lexFraction(s, j)
	return l
}

// push appends the digit d to the integer part, or to the decimal part when
// frac is set. Digits beyond the precision of mant are dropped; in the
// integer part they still scale the value.
func (l *numLit) push(d int, frac bool) {
	if l.val.mant <= (math.MaxUint64-9)/10 {
		l.val.mant = l.val.mant*10 + uint64(d)
		if frac {
			l.val.exp--
		}
	} else if !frac {
		l.val.exp++
	}
}

// lexDigits reads the integer digits from s[j] and returns where they end.
func (l *numLit) lexDigits(s string, j int) int {
	for {
		d, n := digitAt(s, j)
		if n == 0 {
			return j
		}
		l.push(d, false)
		l.intDigits++
		j += n
	}
}

// lexGroups reads thousands groups from s[j], as in 1,000,000 and 20 000:
// each a separator and exactly three digits, all separators the same. It
// returns where the last group ends.
func (l *numLit) lexGroups(s string, j int) int {
	sep := ""
	for {
		n := groupSepAt(s, j)
		if n == 0 || sep != "" && s[j:j+n] != sep {
			return j
		}
		k, ds, ok := threeDigits(s, j+n)
		if !ok {
			return j
		}
		for _, d := range ds {
			l.push(d, false)
		}
		l.intDigits += 3
		l.grouped = true
		sep = s[j : j+n]
		j = k
	}
}

// threeDigits reads exactly three digits from s[k], not followed by a
// fourth, and returns where they end.
func threeDigits(s string, k int) (int, [3]int, bool) {
	var ds [3]int
	for i := range ds {
		d, n := digitAt(s, k)
		if n == 0 {
			return k, ds, false
		}
		ds[i] = d
		k += n
	}
	return k, ds, !isDigitAt(s, k)
}

// lexFraction reads a decimal part at s[j], a point followed by digits, and
// returns where it ends (j when there is none). "2022.2023" is two years
// run together at a sentence boundary, not a decimal.
func (l *numLit) lexFraction(s string, j int) int {
	if j+1 >= len(s) || s[j] != '.' || !isDigitAt(s, j+1) {
		return j
	}
	if !l.grouped && l.intDigits == 4 && countDigits(s, j+1) == 4 {
		return j
	}
	k := j + 1
	for {
		d, n := digitAt(s, k)
		if n == 0 {
			return k
		}
		l.push(d, true)
		l.fracDigits++
		k += n
	}
}

// countDigits returns the number of digits in the run starting at s[k].
func countDigits(s string, k int) int {
	nd := 0
	for {
		_, n := digitAt(s, k)
		if n == 0 {
			return nd
		}
		nd++
		k += n
	}
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

// isSpaceRune reports whether r is white space to skipSpace.
func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == 0x3000
}
