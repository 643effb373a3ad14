package numex

import (
	"math"
	"unicode/utf8"
)

// English returns the numbers and date parts in the English sentence s, in
// order of their Start offsets; the spans do not overlap. It returns nil
// when s holds none. It is safe for concurrent use.
//
// It reads Arabic numerals (1,000,000; 3.5; full-width ２０２２), ordinal
// suffixes (15th, 20thCPC), percentages (15%, 15 per cent), scales
// (1.2 billion, RMB100 billion), spelled-out numbers up to the trillions
// (two million, a hundred, forty-fifth, KJV "threescore and ten"),
// fractions (one third, two thirds), vague magnitudes (dozens, tens of
// thousands), dates (November 15th, 2022; 15 November 2022; Nov. 15;
// 2022-11-15), weekdays and decades (1990s).
func English(s string) []Number {
	return AppendEnglish(nil, s)
}

// AppendEnglish is like [English] but appends to dst and returns the
// extended slice, so a caller can reuse one buffer across sentences.
func AppendEnglish(dst []Number, s string) []Number {
	e := enScanner{s: s, out: dst, approxAt: -1}
	for i := 0; i < len(s); {
		t := lexTok(s, i)
		switch t.kind {
		case tEOF:
			return e.out
		case tNum:
			i = e.number(t)
		case tWord:
			i = e.word(t)
		default:
			i = t.end
		}
	}
	return e.out
}

// tokKind is the kind of a token of English text.
type tokKind uint8

const (
	tEOF tokKind = iota
	tWord
	tNum
	tOther
)

// tok is a token: a run of ASCII letters, an Arabic numeral, or one other
// rune.
type tok struct {
	kind       tokKind
	start, end int
	lit        numLit // for tNum
}

// lexTok returns the token at or after i, skipping white space.
func lexTok(s string, i int) tok {
	i = skipSpace(s, i)
	if i >= len(s) {
		return tok{kind: tEOF, start: len(s), end: len(s)}
	}
	c := s[i]
	if isLetter(c) {
		j := i + 1
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		return tok{kind: tWord, start: i, end: j}
	}
	if isDigitAt(s, i) {
		l := lexNum(s, i)
		return tok{kind: tNum, start: i, end: l.end, lit: l}
	}
	if c < utf8.RuneSelf {
		return tok{kind: tOther, start: i, end: i + 1}
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return tok{kind: tOther, start: i, end: i + n}
}

// enScanner is the state of AppendEnglish: the text, the numbers found
// and where the last approximation word ended.
type enScanner struct {
	s   string
	out []Number
	// approxAt is the end of the last approximation word (nearly, over…),
	// or -1; a number starting right after it is Approx.
	approxAt int
}

// emit appends n unless its value overflowed, as approximate when an
// approximation word comes right before it.
func (e *enScanner) emit(n Number) {
	if math.IsInf(n.Value, 0) || math.IsNaN(n.Value) {
		return // a run of hundreds of digits
	}
	if e.approxAt >= 0 && skipSpace(e.s, e.approxAt) == n.Start {
		switch n.Kind {
		case Cardinal, Ordinal, Percent:
			n.Flags |= Approx
		}
	}
	e.approxAt = -1
	e.out = append(e.out, n)
}

// nextWord returns the word after position p when only white space or a
// single hyphen separates them.
func (e *enScanner) nextWord(p int) (ws, we int, ok bool) {
	s := e.s
	i := p
	if i < len(s) && s[i] == '-' {
		i++
	} else {
		i = skipSpace(s, i)
	}
	if i >= len(s) || !isLetter(s[i]) {
		return 0, 0, false
	}
	j := i + 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return i, j, true
}

// peekClass returns the class and span of the word after position p (see
// nextWord), or the zero class and p, p when there is none.
func (e *enScanner) peekClass(p int) (wclass, int, int) {
	ws, we, ok := e.nextWord(p)
	if !ok {
		return wclass{}, p, p
	}
	return classify(e.s[ws:we]), ws, we
}

// prevWordClass returns the class of the word before position p, if only
// white space separates them.
func (e *enScanner) prevWordClass(p int) wkind {
	s := e.s
	i := p
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' || s[i-1] == '\r') {
		i--
	}
	j := i
	for j > 0 && isLetter(s[j-1]) {
		j--
	}
	if j == i {
		return wNone
	}
	return classify(s[j:i]).kind
}

// word handles a word token, one step per word class: a Roman numeral,
// an approximation word, a month or weekday, "No.", a vague magnitude,
// "both", "a" and the number words. It returns where to continue.
func (e *enScanner) word(t tok) int {
	s := e.s
	if isUpper(s[t.start]) {
		if v := romanValue(s[t.start:t.end]); v > 0 && (t.end-t.start >= 2 || romanContext(s, t.start)) {
			e.emit(Number{Value: float64(v), Kind: Cardinal, Start: t.start, End: t.end})
			return t.end
		}
	}
	c := classify(s[t.start:t.end])
	switch c.kind {
	case wNone:
		return t.end
	case wApprox:
		e.approxAt = t.end
		return t.end
	case wMonth:
		return e.month(t.start, t.end, c, false)
	case wWeekday:
		if isUpper(s[t.start]) {
			e.emit(Number{Value: float64(c.val), Kind: Weekday, Start: t.start, End: t.end})
		}
		return t.end
	case wNo:
		return e.numberSign(t)
	case wVague, wFew:
		return e.vague(t, c)
	case wBoth:
		e.emit(Number{Value: 2, Kind: Cardinal, Flags: Weak, Start: t.start, End: t.end})
		return t.end
	case wA:
		return e.article(t)
	}
	if c.kind.isNumberWord() {
		return e.words(t)
	}
	return t.end
}

// numberSign reads "No. 1" and "No.1" at the word t ("No"): an ordinal,
// as 第一.
func (e *enScanner) numberSign(t tok) int {
	s := e.s
	j := t.end
	if j >= len(s) || s[j] != '.' {
		return t.end
	}
	j = skipSpace(s, j+1)
	if !isDigitAt(s, j) {
		return t.end
	}
	l := lexNum(s, j)
	if !l.plainInt(6) {
		return t.end
	}
	e.emit(Number{Value: l.val.float(), Kind: Ordinal, Start: t.start, End: l.end})
	return l.end
}

// article reads a number opening with the word t, "a" or "an": a fraction
// ("a third of", "a quarter of") or a spelled-out number ("a hundred").
func (e *enScanner) article(t tok) int {
	dc, _, dwe := e.peekClass(t.end)
	if dc.kind != wDenom && !(dc.kind == wOrdUnit && dc.val >= 3 && dc.val <= 10) {
		return e.words(t)
	}
	if oc, _, _ := e.peekClass(dwe); oc.kind == wOf {
		e.emit(Number{Value: 1 / float64(dc.val), Kind: Fraction, Start: t.start, End: dwe})
		return dwe
	}
	return t.end
}

// number handles an Arabic numeral token: a marker or ISO date, else a
// number with its suffix and scale, a day before its month, or a year.
func (e *enScanner) number(t tok) int {
	s := e.s
	l := t.lit
	if end, ok := markerOrDate(s, l, e.emit); ok {
		return end
	}
	var flags Flags
	if codeBefore(s, l.start) {
		flags |= Code
	}
	v := l.val
	kind, end := arabicSuffix(s, l)
	scaled := false
	if kind == Cardinal {
		kind, v, end, scaled = e.percentOrScale(v, end)
	}
	if flags == 0 && !scaled && l.plainInt(2) && (kind == Cardinal || kind == Ordinal) {
		if next, ok := e.dayMonth(l, end); ok {
			return next
		}
	}
	if kind == Cardinal && flags == 0 && !scaled && l.bareYear() {
		kind = Year
	}
	e.emit(Number{Value: v.float(), Kind: kind, Flags: flags, Start: l.start, End: end})
	return end
}

// arabicSuffix reads an ordinal suffix (15th, 21st) or a decade suffix
// (1990s, 80's) after the literal l and returns the kind it gives and
// where it ends.
func arabicSuffix(s string, l numLit) (Kind, int) {
	end := l.end
	if !l.plainInt(19) {
		return Cardinal, end
	}
	if n := ordSuffixAt(s, end); n > 0 {
		return Ordinal, end + n
	}
	if n := decadeSuffixAt(s, end); n > 0 && (l.intDigits == 4 || l.intDigits == 2) && l.val.mant%10 == 0 {
		return Decade, end + n
	}
	return Cardinal, end
}

// percentOrScale reads what follows the value v at p: a percent (15%,
// 15 per cent), or a scale word (1.2 billion, 5bn) and maybe a percent
// after it. It returns the kind, the scaled value, the end and whether a
// scale was read.
func (e *enScanner) percentOrScale(v decimal, p int) (Kind, decimal, int, bool) {
	if n := e.percentAfter(p); n > 0 {
		return Percent, v, p + n, false
	}
	k, we := e.scaleAfter(p)
	if k == 0 {
		return Cardinal, v, p, false
	}
	v = v.shift(k)
	if n := e.percentAfter(we); n > 0 {
		return Percent, v, we + n, true
	}
	return Cardinal, v, we, true
}

// dayMonth reads the literal l (with its suffix up to end) as a day before
// a month name: "15 November", "15th of November". It emits the date and
// returns where it ends.
func (e *enScanner) dayMonth(l numLit, end int) (int, bool) {
	dv := l.intValue()
	if dv < 1 || dv > 31 {
		return 0, false
	}
	mws, mwe, mc, ok := e.monthAfterDay(end)
	if !ok {
		return 0, false
	}
	e.emit(Number{Value: float64(dv), Kind: Day, Start: l.start, End: end})
	return e.month(mws, mwe, mc, true), true
}

// decadeSuffixAt returns the length of "s" or "'s" closing a decade (1990s).
func decadeSuffixAt(s string, i int) int {
	n := 0
	switch {
	case i < len(s) && s[i] == 's':
		n = 1
	case i+1 < len(s) && s[i] == '\'' && s[i+1] == 's':
		n = 2
	default:
		return 0
	}
	if i+n < len(s) && isLetter(s[i+n]) {
		return 0
	}
	return n
}

// percentAfter returns the length of a percent sign or of " per cent",
// " percent" after position p, or 0.
func (e *enScanner) percentAfter(p int) int {
	if n := percentSignAt(e.s, p); n > 0 {
		return n
	}
	c, _, we := e.peekClass(p)
	switch c.kind {
	case wPercent:
		return we - p
	case wPer:
		if c2, _, we2 := e.peekClass(we); c2.kind == wCent {
			return we2 - p
		}
	}
	return 0
}

// scaleAfter returns the power of ten of a scale word after p (hundred,
// thousand, million, billion, trillion, bn) and where it ends.
func (e *enScanner) scaleAfter(p int) (int, int) {
	s := e.s
	i := p
	if i < len(s) && s[i] == '-' {
		return 0, p
	}
	ws, we, ok := e.nextWord(i)
	if !ok {
		return 0, p
	}
	if eqFold(s[ws:we], "bn") {
		return 9, we
	}
	c := classify(s[ws:we])
	switch c.kind {
	case wHundred, wScale:
		// "5 hundred thousand"
		if c.kind == wHundred {
			if c2, _, we2 := e.peekClass(we); c2.kind == wScale {
				return int(c.val + c2.val), we2
			}
		}
		return int(c.val), we
	}
	return 0, p
}

// monthAfterDay looks for a capitalised month name after a day number,
// optionally after "of".
func (e *enScanner) monthAfterDay(p int) (ws, we int, c wclass, ok bool) {
	c, ws, we = e.peekClass(p)
	if c.kind == wOf {
		c, ws, we = e.peekClass(we)
	}
	if c.kind != wMonth || !isUpper(e.s[ws]) || ws == p {
		return 0, 0, c, false
	}
	return ws, we, c, true
}

// month handles a month name at s[ws:we]. afterDay is set when the day was
// written first ("15 November") and has been emitted.
func (e *enScanner) month(ws, we int, c wclass, afterDay bool) int {
	s := e.s
	end := we
	if c.abbr && end < len(s) && s[end] == '.' {
		end++
	}
	if afterDay {
		e.emit(Number{Value: float64(c.val), Kind: Month, Start: ws, End: end})
		return e.yearAfter(end)
	}
	if !isUpper(s[ws]) {
		return we
	}
	t := lexTok(s, end)
	if t.kind == tNum {
		l := t.lit
		if d := l.intValue(); l.plainInt(2) && d >= 1 && d <= 31 && !e.notDay(l.end) {
			dEnd := l.end + ordSuffixAt(s, l.end)
			e.emit(Number{Value: float64(c.val), Kind: Month, Start: ws, End: end})
			e.emit(Number{Value: float64(d), Kind: Day, Start: l.start, End: dEnd})
			return e.yearAfter(dEnd)
		}
		if y := l.intValue(); l.plainInt(4) && l.intDigits == 4 && y >= 1000 && y <= 2999 {
			e.emit(Number{Value: float64(c.val), Kind: Month, Start: ws, End: end})
			e.emit(Number{Value: float64(y), Kind: Year, Start: l.start, End: l.end})
			return l.end
		}
	}
	// May, and abbreviations (Mar, Jan), stand for months only beside a number.
	if c.abbr || c.val == 5 {
		return we
	}
	e.emit(Number{Value: float64(c.val), Kind: Month, Start: ws, End: end})
	return end
}

// notDay reports whether what follows a number after a month name shows it is
// not a day: a time (3:30), a percentage, a scale word.
func (e *enScanner) notDay(p int) bool {
	s := e.s
	if p < len(s) && s[p] == ':' {
		return true
	}
	if percentSignAt(s, p) > 0 {
		return true
	}
	k, _ := e.scaleAfter(p)
	return k > 0
}

// yearAfter emits a four-digit year following a date, after an optional
// comma, and returns the end of what it consumed.
func (e *enScanner) yearAfter(p int) int {
	s := e.s
	i := skipSpace(s, p)
	if i < len(s) && s[i] == ',' {
		i = skipSpace(s, i+1)
	}
	if !isDigitAt(s, i) {
		return p
	}
	l := lexNum(s, i)
	if y := l.intValue(); l.plainInt(4) && l.intDigits == 4 && y >= 1000 && y <= 2999 && ordSuffixAt(s, l.end) == 0 {
		e.emit(Number{Value: float64(y), Kind: Year, Start: l.start, End: l.end})
		return l.end
	}
	return p
}
