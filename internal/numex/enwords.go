package numex

// This file holds the reader of spelled-out English numbers (two million,
// forty-fifth, a hundred and five, KJV threescore and ten), built like
// parseCore: an explicit state, spelled, and one step per word class.

// spelled is the state of enScanner.words between two words.
type spelled struct {
	total     int64 // completed scale groups: 2000000 in "two million and five"
	cur       int64 // the group after the last scale, below a thousand
	lastScale int64 // power of ten of the last scale word, 0 before one
	kind      Kind  // Cardinal, or Ordinal after an ordinal word
	prev      wkind // class of the last word read
	first     wkind // class of the first word
	n         int   // words read
	end       int   // end of the last word read other than "and"
}

// words reads a spelled-out number starting with the word t and returns
// where to continue.
func (e *enScanner) words(t tok) int {
	w := spelled{kind: Cardinal, end: t.start}
	ws, we := t.start, t.end
	for w.step(e, classify(e.s[ws:we]), we) && !w.done() {
		var more bool
		if ws, we, more = e.nextWord(we); !more {
			break
		}
	}
	if w.end == t.start {
		return t.end
	}
	return e.spelledNumber(t, &w)
}

// step reads the word of class c ending at we and reports whether it
// continues the number, one method per class.
func (w *spelled) step(e *enScanner, c wclass, we int) bool {
	var ok bool
	switch c.kind {
	case wA:
		ok = w.n == 0 && w.article(e, we)
	case wUnit, wOrdUnit:
		ok = w.unit(c)
	case wTen, wOrdTen, wTenScore:
		ok = w.ten(c)
	case wHundred, wOrdHundred:
		ok = w.hundred()
	case wScale, wOrdScale:
		ok = w.scale(c)
	case wScore:
		ok = w.score()
	case wDozen:
		ok = w.dozen()
	case wAnd:
		ok = w.n > 0 && w.and(e, we)
	}
	if ok {
		w.accept(c, we)
	}
	return ok
}

// accept records the word of class c ending at we as read.
func (w *spelled) accept(c wclass, we int) {
	if c.kind != wAnd {
		w.end = we
	}
	if w.n == 0 {
		w.first = c.kind
	}
	w.n++
	w.prev = c.kind
	if c.kind.isOrdinal() {
		w.kind = Ordinal
	}
}

// done reports whether the number cannot go on: it ends with an ordinal
// (forty-fifth) or with "dozen".
func (w *spelled) done() bool {
	return w.kind == Ordinal || w.prev == wDozen
}

// article reads "a" or "an" opening a number: a hundred, a million, a
// dozen, a score. e and we give the word after it.
func (w *spelled) article(e *enScanner, we int) bool {
	switch nc, _, _ := e.peekClass(we); nc.kind {
	case wHundred, wScale, wDozen, wScore:
		w.cur = 1
		return true
	}
	return false
}

// unit reads one to nineteen, first to nineteenth: alone, after "and", or
// after a round ten (forty-five, threescore ten).
func (w *spelled) unit(c wclass) bool {
	r := w.cur % 100
	switch {
	case w.prev == wAnd: // checked when "and" was read
	case r == 0 && w.prev != wUnit && w.prev != wOrdUnit:
	case r >= 20 && r%10 == 0 && c.val < 10 && (w.prev == wTen || w.prev == wTenScore):
	default:
		return false
	}
	w.cur += c.val
	return true
}

// ten reads twenty to ninety, twentieth to ninetieth, threescore and
// fourscore: on a round group, or after "seven and".
func (w *spelled) ten(c wclass) bool {
	r := w.cur % 100
	if r == 0 && w.prev != wUnit || w.prev == wAnd && r > 0 && r < 10 {
		w.cur += c.val
		return true
	}
	return false
}

// hundred reads "hundred" or "hundredth" after a group below a hundred, or
// opening the number.
func (w *spelled) hundred() bool {
	if w.cur < 100 && (w.cur > 0 || w.n == 0) && w.prev != wHundred {
		w.cur = max(w.cur, 1) * 100
		return true
	}
	return false
}

// scale reads thousand to trillion (and their ordinals), each smaller than
// the last: it closes the group before it.
func (w *spelled) scale(c wclass) bool {
	if (w.lastScale == 0 || c.val < w.lastScale) && (w.cur > 0 || w.n == 0) && w.cur < 1000 {
		w.total += max(w.cur, 1) * pow10i(c.val)
		w.cur = 0
		w.lastScale = c.val
		return true
	}
	return false
}

// score multiplies a group below twenty by 20: three score.
func (w *spelled) score() bool {
	if w.cur > 0 && w.cur < 20 {
		w.cur *= 20
		return true
	}
	return false
}

// dozen multiplies a group below a hundred by 12: two dozen, a dozen.
func (w *spelled) dozen() bool {
	if w.cur < 100 {
		w.cur = max(w.cur, 1) * 12
		return true
	}
	return false
}

// and reads "and" when the word after it (e, we) continues the number:
// one hundred and five, seven and twenty, threescore and ten, sixty and
// five.
func (w *spelled) and(e *enScanner, we int) bool {
	nc, _, _ := e.peekClass(we)
	r := w.cur % 100
	switch {
	case (r == 0 && w.total+w.cur > 0) && (nc.kind == wUnit || nc.kind == wTen || nc.kind == wOrdUnit || nc.kind == wOrdTen):
		return true // one hundred and five
	case r > 0 && r < 10 && (nc.kind == wTen || nc.kind == wOrdTen):
		return true // seven and twenty
	case (w.prev == wScore || w.prev == wTenScore) && (nc.kind == wUnit || nc.kind == wOrdUnit):
		return true // threescore and ten
	case w.prev == wTen && (nc.kind == wUnit || nc.kind == wOrdUnit) && nc.val < 10:
		return true // sixty and five
	}
	return false
}

// spelledNumber emits the number w read from the word t on, as a fraction
// (two thirds) or a percentage (ten per cent) when one follows, and returns
// where it ends. A pronoun "one" is skipped; a lone "one" or "first" is
// weak.
func (e *enScanner) spelledNumber(t tok, w *spelled) int {
	value := w.total + w.cur
	var flags Flags
	if w.n == 1 && value == 1 {
		switch w.first {
		case wUnit: // "one"
			if e.skipOne(t.start, w.end) {
				return w.end
			}
			flags |= Weak
		case wOrdUnit: // "first"
			flags |= Weak
		}
	}
	num := Number{Value: float64(value), Kind: w.kind, Flags: flags, Start: t.start, End: w.end}
	if w.kind == Cardinal && w.lastScale == 0 && value >= 1 && value <= 10 {
		if fe, fv, ok := e.fraction(w.end, value, w.first == wUnit && w.n == 1); ok {
			num.Value, num.Kind, num.Flags, num.End = fv, Fraction, 0, fe
		}
	}
	if num.Kind == Cardinal {
		if p := e.percentAfter(w.end); p > 0 {
			num.Kind, num.Flags, num.End = Percent, 0, w.end+p
		}
	}
	e.emit(num)
	return num.End
}

// skipOne reports whether "one" at s[start:end] is a pronoun or part of a
// phrase rather than a number: no one, any one, the one, one of, one another,
// one's.
func (e *enScanner) skipOne(start, end int) bool {
	s := e.s
	if end < len(s) && (s[end] == '\'' || end+3 <= len(s) && s[end:end+3] == "’") {
		return true
	}
	switch e.prevWordClass(start) {
	case wNo, wDet:
		return true
	}
	switch c, _, _ := e.peekClass(end); c.kind {
	case wOf, wAnother:
		return true
	}
	return false
}

// fraction reads a denominator after a spelled-out numerator: "two thirds",
// "one third", "one-fifth". Singular denominators need the numerator "one".
func (e *enScanner) fraction(p int, num int64, one bool) (int, float64, bool) {
	c, _, we := e.peekClass(p)
	switch {
	case c.kind == wDenoms:
	case one && (c.kind == wDenom || c.kind == wOrdUnit && c.val >= 3 && c.val <= 10):
	default:
		return 0, 0, false
	}
	return we, float64(num) / float64(c.val), true
}

// vague reads "dozens", "hundreds of thousands", "tens of millions",
// "several hundred", "a few thousand".
func (e *enScanner) vague(t tok, c wclass) int {
	exp := c.val
	end := t.end
	if c.kind == wFew {
		nc, _, we := e.peekClass(end)
		switch nc.kind {
		case wHundred, wScale:
			exp, end = nc.val, we
		case wDozen:
			exp, end = 1, we
		default:
			return t.end
		}
		if nc2, _, we2 := e.peekClass(end); nc2.kind == wScale && nc.kind == wHundred {
			exp, end = exp+nc2.val, we2
		}
	} else {
		// "tens of thousands", "hundreds of millions".
		for {
			oc, _, owe := e.peekClass(end)
			if oc.kind != wOf {
				break
			}
			nc, _, nwe := e.peekClass(owe)
			if nc.kind != wVague || nc.val < 2 {
				break
			}
			exp, end = exp+nc.val, nwe
		}
		if end == t.end && eqFold(e.s[t.start:t.end], "tens") {
			return t.end
		}
	}
	e.emit(Number{Value: pow10(int(exp)), Kind: Cardinal, Flags: Vague, Start: t.start, End: end})
	return end
}

// pow10i returns 10^k for k ≥ 0.
func pow10i(k int64) int64 {
	p := int64(1)
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}
