package numex

import (
	"math"
	"strings"
	"unicode/utf8"
)

// This file holds the reader of one Chinese numeral, parseCore, built like
// uniseg's state machines: coreClass gives the class of a rune, the reader
// keeps an explicit state (coreState and the sections read so far), and
// step takes one rune with one method per class. The first rune that
// cannot continue the numeral ends it.

// Rune classes of Chinese numerals (zhNumeral) and, for the reader only,
// of what may continue one (coreClass).
const (
	zNone  = iota
	zDigit // 〇 零 一 … 九 两
	zUnit  // 十 百 千: value is the power of ten
	zBig   // 万 亿: value is the power of ten
	zTens  // 廿 卅 卌: 20, 30, 40; value is the tens digit
	zPoint // 点: a decimal point (三点五)
	zMore  // 余 多: "and more" (百余, 30多)
	zSome  // 几 数: "some" after a unit (十几, 十数亿)
)

// zhNumeral classifies a rune of a Chinese numeral and returns its value:
// zDigit, zUnit, zBig, zTens or zNone.
func zhNumeral(r rune) (int, int) {
	switch r {
	case '〇', '零', '○':
		return zDigit, 0
	case '一':
		return zDigit, 1
	case '二', '两', '兩':
		return zDigit, 2
	case '三':
		return zDigit, 3
	case '四':
		return zDigit, 4
	case '五':
		return zDigit, 5
	case '六':
		return zDigit, 6
	case '七':
		return zDigit, 7
	case '八':
		return zDigit, 8
	case '九':
		return zDigit, 9
	case '十':
		return zUnit, 1
	case '百':
		return zUnit, 2
	case '千':
		return zUnit, 3
	case '万', '萬':
		return zBig, 4
	case '亿', '億':
		return zBig, 8
	case '廿':
		return zTens, 2
	case '卅':
		return zTens, 3
	case '卌':
		return zTens, 4
	}
	return zNone, 0
}

// coreClass classifies a rune for parseCore: a numeral class from
// zhNumeral, or zPoint, zMore, zSome, or zNone.
func coreClass(r rune) (int, int) {
	if cls, v := zhNumeral(r); cls != zNone {
		return cls, v
	}
	switch r {
	case '点', '點':
		return zPoint, 0
	case '余', '餘', '多':
		return zMore, 0
	case '几', '幾', '数', '數':
		return zSome, 0
	}
	return zNone, 0
}

// zhCore is a numeral read by parseCore.
type zhCore struct {
	start, end int
	val        float64
	ok         bool
	arabic     bool // began with an Arabic numeral; lit holds it
	lit        numLit
	units      bool // Chinese units (十 百 千 万 亿) were used
	seq        int  // digits of a digit-by-digit reading (二〇二二), else 0
	seqZero    bool // the digit-by-digit reading holds a zero
	approx     bool // glued 余/多, or a range such as 三四十
	vague      bool // 几/数: an order of magnitude
	bare       bool // began with a unit and no digit (百余, 千亿)
	bareExp    int  // power of ten of that unit
	nunits     int  // number of units read
	liang      bool // began with 两
	decimal    bool // has a 点 fraction
}

func (c zhCore) isInt() bool { return c.val == math.Trunc(c.val) }

// single reports whether the numeral is the one Chinese character r, which
// must be encoded in three bytes.
func (c zhCore) single(s string, r string) bool {
	return !c.arabic && c.end-c.start == len(r) && s[c.start:c.end] == r
}

// coreState is the state of parseCore: the class of what it read last.
type coreState uint8

const (
	csNone  coreState = iota // nothing yet
	csDigit                  // a digit, an Arabic numeral, or 几/数 before a unit
	csUnit                   // 十 百 千, or 廿 卅 卌
	csBig                    // 万 亿
	csZero                   // 零 after a unit (一千零五)
)

// coreReader holds the state of parseCore between two runes.
type coreReader struct {
	s     string
	j     int    // where the next rune starts
	c     zhCore // the numeral so far
	state coreState

	d    decimal // the pending digit, not yet multiplied by a unit
	hasD bool
	sec  float64 // the current section: its 十 百 千 terms
	wan  float64 // the 万 section, × 10^4
	yi   float64 // the 亿 section, × 10^8

	lastSec   int    // power of the last 十/百/千 in the section, 0 at its start
	elide     int    // power of a final digit right after a unit (一百五 = 150), or -1
	seqVal    uint64 // the digits read one by one (二〇二二)
	seqN      int    // how many; 0 once a unit is read
	afterQual bool   // after 余/多/几 only 万/亿 may follow
}

// parseCore reads a numeral at s[i]: Arabic digits optionally scaled by
// Chinese units (50万, 1.2亿, 3千), or Chinese numerals. The result's ok is
// false when there is none.
func parseCore(s string, i int) zhCore {
	p := coreReader{s: s, j: i, c: zhCore{start: i, end: i}, elide: -1}
	if !p.begin() {
		return p.c
	}
	for p.j < len(s) {
		r, n := utf8.DecodeRuneInString(s[p.j:])
		k := p.step(r, n)
		if k == 0 {
			break
		}
		p.j += k
		p.c.end = p.j
	}
	return p.finish()
}

// begin reads what may open a numeral besides a Chinese numeral rune: an
// Arabic numeral (50万), or 几/数 before a unit (几百, 数万). It returns
// false when 几/数 stands before anything else.
func (p *coreReader) begin() bool {
	s := p.s
	if isDigitAt(s, p.j) {
		l := lexNum(s, p.j)
		p.c.arabic, p.c.lit = true, l
		p.d, p.hasD, p.state = l.val, true, csDigit
		p.j = l.end
		p.c.end = p.j
		return true
	}
	if r, n := runeAt(s, p.j); r == '几' || r == '幾' || r == '数' || r == '數' {
		r2, _ := runeAt(s, p.j+n)
		if cls, _ := zhNumeral(r2); cls != zUnit && cls != zBig {
			return false
		}
		p.c.vague = true
		p.d, p.hasD, p.state = decimal{mant: 1}, true, csDigit
		p.j += n // c.end moves once the unit is read
	}
	return true
}

// step reads the rune r of n bytes at s[j] and returns how many bytes it
// consumed, 0 when r ends the numeral.
func (p *coreReader) step(r rune, n int) int {
	cls, v := coreClass(r)
	if p.afterQual && cls != zBig {
		return 0
	}
	switch cls {
	case zDigit:
		return p.digit(r, n, v)
	case zUnit:
		return p.unit(n, v)
	case zTens:
		return p.tens(n, v)
	case zBig:
		return p.big(n, v)
	case zPoint:
		return p.point(n)
	case zMore:
		return p.more(n)
	case zSome:
		return p.some(r, n)
	}
	return 0
}

// digit reads 〇 to 九 or 两 of value v: a first digit, the next digit of
// a digit-by-digit reading (二〇二二, 三四), a digit after a unit, or 零.
func (p *coreReader) digit(r rune, n, v int) int {
	c := &p.c
	if c.arabic || c.decimal {
		return 0
	}
	liang := r == '两' || r == '兩'
	switch p.state {
	case csNone:
		p.setDigit(v)
		p.seqVal, p.seqN = uint64(v), 1
		c.seqZero = v == 0
		c.liang = liang
	case csDigit:
		if c.units || c.vague || c.liang || liang || p.seqN >= 18 {
			return 0
		}
		p.seqVal = p.seqVal*10 + uint64(v)
		p.seqN++
		if v == 0 {
			c.seqZero = true
		}
	case csUnit, csBig:
		if liang && !followedByUnit(p.s, p.j+n) {
			return 0 // 二十两银子: 两 is the tael
		}
		if v == 0 {
			p.state, p.elide = csZero, -1
		} else {
			p.setDigit(v)
		}
	case csZero:
		if v != 0 {
			p.setDigit(v)
		}
	}
	return n
}

// setDigit makes v the pending digit.
func (p *coreReader) setDigit(v int) {
	p.d, p.hasD, p.state = decimal{mant: uint64(v)}, true, csDigit
}

// endSeq ends a digit-by-digit reading at a unit: two digits before it
// are a range (三四十, thirty or forty), read as the first and approximate.
func (p *coreReader) endSeq() {
	if p.seqN == 2 {
		p.d = decimal{mant: p.seqVal / 10}
		p.c.approx = true
	}
	p.seqN = 0
}

// unit reads 十, 百 or 千 (v is the power of ten) into the current section:
// it multiplies the pending digit, or stands alone at the start (百余) or
// after 零 (一千零十).
func (p *coreReader) unit(n, v int) int {
	c := &p.c
	if c.decimal || p.seqN >= 3 {
		return 0
	}
	p.endSeq()
	if v == 3 {
		if r2, _ := runeAt(p.s, p.j+n); isMetricAfterQian(r2) {
			return 0
		}
	}
	if p.lastSec != 0 && v >= p.lastSec {
		return 0
	}
	var x float64
	switch {
	case p.hasD:
		x = p.d.shift(v).float()
	case p.state == csNone:
		x = pow10(v)
		c.bare, c.bareExp = true, v
	case p.state == csZero:
		x = pow10(v)
	default:
		return 0
	}
	p.sec += x
	p.hasD, p.d = false, decimal{}
	p.lastSec, p.state, p.elide = v, csUnit, v-1
	c.units = true
	c.nunits++
	return n
}

// tens reads 廿, 卅 or 卌 (v is the tens digit) opening a section: 廿八 = 28.
func (p *coreReader) tens(n, v int) int {
	c := &p.c
	if c.decimal || c.arabic || p.seqN >= 2 || p.state == csDigit || p.state == csUnit || p.lastSec != 0 {
		return 0
	}
	p.sec += float64(v * 10)
	p.lastSec, p.state, p.elide = 1, csUnit, 0
	c.units = true
	c.nunits++
	p.seqN = 0
	return n
}

// big reads 万 or 亿 (v is the power of ten), which closes the section
// before it.
func (p *coreReader) big(n, v int) int {
	if p.seqN >= 3 {
		return 0
	}
	p.endSeq()
	base := p.sec
	if p.hasD {
		base += p.d.float()
	}
	if closed := v == 4 && p.closeWan(base) || v == 8 && p.closeYi(base); !closed {
		return 0
	}
	p.sec = 0
	p.hasD, p.d = false, decimal{}
	p.lastSec, p.state, p.elide = 0, csBig, v-1
	p.c.units = true
	p.c.nunits++
	p.afterQual = false
	return n
}

// closeWan makes base, the section before 万, the 万 section. It reports
// false when 万 cannot follow.
func (p *coreReader) closeWan(base float64) bool {
	switch {
	case p.wan != 0 || p.state == csBig:
		return false
	case p.hasD && p.sec == 0:
		p.wan = p.d.shift(4).float()
	case base != 0:
		p.wan = base * 1e4
	case p.state == csNone:
		p.wan = 1e4
		p.c.bare, p.c.bareExp = true, 4
	default:
		return false
	}
	return true
}

// closeYi makes base and the 万 section the 亿 section. It reports false
// when 亿 cannot follow (the 万 section is then dropped).
func (p *coreReader) closeYi(base float64) bool {
	if p.yi != 0 {
		return false
	}
	base += p.wan
	p.wan = 0
	switch {
	case p.hasD && p.sec == 0 && base == p.d.float():
		p.yi = p.d.shift(8).float()
	case base != 0:
		p.yi = base * 1e8
	case p.state == csNone:
		p.yi = 1e8
		p.c.bare, p.c.bareExp = true, 8
	default:
		return false
	}
	return true
}

// point reads 点 and the digits after it, one by one: 三点五, 二十三点五.
func (p *coreReader) point(n int) int {
	c := &p.c
	if p.state != csDigit || !p.hasD || c.arabic || c.decimal || c.vague || p.seqN > 1 || p.d.mant > 9 {
		return 0
	}
	k := p.j + n
	m, e := p.d.mant, 0
	for k < len(p.s) {
		r, rn := utf8.DecodeRuneInString(p.s[k:])
		cls, v := zhNumeral(r)
		if cls != zDigit || r == '两' || r == '兩' || e <= -15 {
			break
		}
		m = m*10 + uint64(v)
		e--
		k += rn
	}
	if e == 0 {
		return 0
	}
	p.d = decimal{mant: m, exp: e}
	c.decimal = true
	p.elide, p.seqN = -1, 0
	return k - p.j
}

// more reads a glued 余 or 多 after a unit, or after an Arabic numeral of
// at least 10 (百余, 30多): the number is approximate, and only 万 or 亿 may
// follow.
func (p *coreReader) more(n int) int {
	c := &p.c
	ok := p.state == csUnit || p.state == csBig ||
		c.arabic && !c.units && p.state == csDigit && p.d.float() >= 10
	if !ok || c.approx {
		return 0
	}
	c.approx = true
	p.afterQual = true
	p.elide = -1
	return n
}

// some reads 几 or 数 after a unit (十几, 十数亿): an order of magnitude,
// after which only 万 or 亿 may follow.
func (p *coreReader) some(r rune, n int) int {
	if p.state != csUnit || p.c.vague {
		return 0
	}
	if r2, _ := runeAt(p.s, p.j+n); (r == '数' || r == '數') && strings.ContainsRune("据據字量学學码碼额額目", r2) {
		return 0 // 十数据: "ten data"
	}
	p.c.vague = true
	p.afterQual = true
	p.elide = -1
	return n
}

// finish computes the value of the numeral read.
func (p *coreReader) finish() zhCore {
	c := p.c
	if c.end == c.start {
		return c
	}
	if p.seqN >= 2 && !c.units {
		c.seq = p.seqN
		c.val = float64(p.seqVal)
		c.ok = true
		return c
	}
	last := p.pending()
	if !c.units {
		c.val = last
	} else {
		c.val = p.yi + p.wan + p.sec + last
	}
	c.ok = true
	return c
}

// pending returns the value of the pending digit: 五 in 一百五 is 50, in
// 一百零五 5.
func (p *coreReader) pending() float64 {
	switch {
	case !p.hasD:
		return 0
	case p.elide >= 0 && p.state == csDigit && p.d.exp == 0 && p.d.mant < 10:
		return p.d.shift(p.elide).float()
	}
	return p.d.float()
}

// isMetricAfterQian reports whether r after 千 makes a metric unit (千克,
// 千米, 千瓦…), so 千 is not a multiplier.
func isMetricAfterQian(r rune) bool {
	switch r {
	case '克', '米', '瓦', '卡', '焦', '帕', '赫', '伏', '字', '兆', '吨', '噸':
		return true
	}
	return false
}

// followedByUnit reports whether 十, 百, 千 or a big unit starts at s[i].
func followedByUnit(s string, i int) bool {
	r, _ := runeAt(s, i)
	cls, _ := zhNumeral(r)
	return cls == zUnit || cls == zBig
}
