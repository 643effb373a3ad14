package numex

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Chinese returns the numbers and date parts in the Chinese sentence s,
// simplified or traditional, in order of their Start offsets; the spans do
// not overlap. It returns nil when s holds none. It is safe for concurrent
// use.
//
// It reads Arabic numerals (as [English] does, with 50万 and 1.2亿 scaled),
// Chinese numerals in positional form (一百二十三, 三万五千, 两千五) and
// digit by digit (二〇二二年), 第 ordinals, percentages (百分之十五, 15％,
// 千分之五), fractions (三分之一), dates (2022年11月15日, 一九八九年六月二十一日),
// weekdays (星期三, 周三), decades (20世纪90年代), approximations (近50, 百余,
// 30多, 约, 逾), vague magnitudes (数十, 几百, 上千, 十几) and list markers
// (（一）, 一、, 一是, ①). Words in which a numeral is not a quantity (一起,
// 一些, 统一, 进一步, 万一, 千万, 百姓, 四川, 九龙…) are skipped.
func Chinese(s string) []Number {
	return AppendChinese(nil, s)
}

// AppendChinese is like [Chinese] but appends to dst and returns the
// extended slice, so a caller can reuse one buffer across sentences.
func AppendChinese(dst []Number, s string) []Number {
	z := zhScanner{s: s, out: dst, monthEnd: -1}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				i = z.number(i, i, false)
			case isLetter(c):
				i = z.latin(i)
			default:
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFF10 && r <= 0xFF19: // full-width digits
			i = z.number(i, i, false)
		case isZhStart(r):
			i = z.number(i, i, false)
		case r == '第':
			if startsNumeral(s, i+n) {
				i = z.number(i, i+n, true)
			} else {
				i += n
			}
		case r == '星' || r == '礼' || r == '禮' || r == '周' || r == '週':
			i = z.weekday(i, r, n)
		case r >= 0x2460 && r <= 0x249B: // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
			z.circled(i, r, n)
			i += n
		default:
			i += n
		}
	}
	return z.out
}

// latin reads the run of ASCII letters at s[i], a number when it is a
// Roman numeral of two letters or more (附件II), and returns its end.
func (z *zhScanner) latin(i int) int {
	s := z.s
	j := i + 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if j-i < 2 {
		return j
	}
	if v := romanValue(s[i:j]); v > 0 {
		z.emit(Number{Value: float64(v), Kind: Cardinal, Start: i, End: j})
	}
	return j
}

// circled emits the enclosed numeral r (① … ⑳, ⑴ … ⒇, ⒈ … ⒛) of n bytes
// at s[i] as a list marker.
func (z *zhScanner) circled(i int, r rune, n int) {
	v := (int(r)-0x2460)%20 + 1
	z.out = append(z.out, Number{Value: float64(v), Kind: Cardinal, Flags: Marker, Start: i, End: i + n})
}

// isZhStart reports whether r may open a Chinese numeral: a numeral rune,
// or 几/数 (几百, 数以万计).
func isZhStart(r rune) bool {
	if cls, _ := zhNumeral(r); cls != zNone {
		return true
	}
	return r == '几' || r == '幾' || r == '数' || r == '數'
}

// startsNumeral reports whether a digit or Chinese numeral starts at s[i].
func startsNumeral(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if isDigitAt(s, i) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	cls, _ := zhNumeral(r)
	return cls != zNone
}

// runeAt decodes the rune at s[i], or returns RuneError and 0 at the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune before s[i], or returns RuneError and 0 at
// the start.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// zhScanner is the state of AppendChinese: the text, the numbers found
// and the end of the last month, for the day after it.
type zhScanner struct {
	s   string
	out []Number
	// monthEnd is the end of the last Month emitted, or -1: a numeral
	// starting there and closed by 日 or 号 is a Day.
	monthEnd int
}

// emit appends n unless its value overflowed.
func (z *zhScanner) emit(n Number) {
	if math.IsInf(n.Value, 0) || math.IsNaN(n.Value) {
		return // a run of hundreds of digits
	}
	z.out = append(z.out, n)
}

// approxBefore reports an approximation word right before s[i]: 近 (将近,
// 接近), 约 (大约), 逾, 超 (超过), and whether 上 (上百, 上千) precedes.
func approxBefore(s string, i int) (approx, shang bool) {
	r, n := runeBefore(s, i)
	switch r {
	case '近', '约', '約', '逾', '超':
		return true, false
	case '过', '過':
		r2, _ := runeBefore(s, i-n)
		return r2 == '超', false
	case '上':
		return false, true
	}
	return false, false
}

// approxAfter reports 左右 or 以上 right after s[i], or after one measure
// word: 50人左右, 100家以上.
func approxAfter(s string, i int) bool {
	for k := 0; k < 2; k++ {
		if strings.HasPrefix(s[i:], "左右") || strings.HasPrefix(s[i:], "以上") {
			return true
		}
		r, n := runeAt(s, i)
		if n == 0 || r < 0x3400 {
			return false
		}
		i += n
	}
	return false
}

// clauseStart reports whether s[i] opens a clause: start of the text, or
// after white space or clause punctuation (for 一是, 二是).
func clauseStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := runeBefore(s, i)
	switch r {
	case '，', '；', '。', '：', '、', ',', ';', ':', '（', '(', '“', '"':
		return true
	}
	return isSpaceRune(r)
}

// dayNotAfter reports whether the rune after 日 shows it is not a day:
// 日本 (Japan), 日元 (yen).
func dayNotAfter(s string, i int) bool {
	r, _ := runeAt(s, i)
	switch r {
	case '本', '元', '圆', '圓', '语', '語', '文':
		return true
	}
	return false
}

// number reads a number whose numeral starts at cs. start is where its span
// starts (before 第 for an ordinal). It returns the offset to continue at,
// always > start.
func (z *zhScanner) number(start, cs int, ordinal bool) int {
	s := z.s
	r0, n0 := runeAt(s, cs)
	arabicStart := isDigitAt(s, cs)
	if !arabicStart && !ordinal {
		if end, ok := stopAt(s, cs, r0); ok {
			return end
		}
		if end, ok := z.special(cs, r0, n0); ok {
			return end
		}
	}
	c := parseCore(s, cs)
	if !c.ok || !c.arabic && c.val == 0 && !c.decimal {
		return max(cs+n0, c.end) // 零售, a lone 〇
	}
	if arabicStart && !c.units && !ordinal {
		if end, ok := z.arabicSpecial(&c); ok {
			return end
		}
	}
	if !ordinal {
		if end, ok := z.fraction(start, &c); ok {
			return end
		}
	}
	n := zhNum{c: &c, cs: cs, start: start, end: c.end, v: c.val, kind: Cardinal}
	if ordinal {
		n.kind = Ordinal
	}
	if c.seq > 0 {
		return z.sequence(&n)
	}
	return z.quantity(&n, ordinal)
}

// fraction reads 三分之一 after the numeral c.
func (z *zhScanner) fraction(start int, c *zhCore) (int, bool) {
	s := z.s
	if !c.isInt() || c.val <= 0 || !strings.HasPrefix(s[c.end:], "分之") {
		return 0, false
	}
	c2 := parseCore(s, c.end+len("分之"))
	if !c2.ok || c2.seq != 0 || c2.val <= 0 {
		return 0, false
	}
	z.emit(Number{Value: c2.val / c.val, Kind: Fraction, Start: start, End: c2.end})
	return c2.end, true
}

// zhNum is the state of zhScanner.number once the numeral is read: the
// numeral and what its context has decided so far.
type zhNum struct {
	c     *zhCore // the numeral
	cs    int     // where the numeral starts
	start int     // where the span starts: before 第 or 民国
	end   int     // where the span ends: after the suffix
	v     float64
	kind  Kind
	flags Flags
}

// number returns n as a Number.
func (n *zhNum) number() Number {
	return Number{Value: n.v, Kind: n.kind, Flags: n.flags, Start: n.start, End: n.end}
}

// plainSmall reports whether the numeral is a plain integer: no fraction,
// approximation or vagueness.
func (n *zhNum) plainSmall() bool {
	c := n.c
	return c.isInt() && !c.approx && !c.vague && !c.decimal
}

// sequence finishes a numeral read digit by digit: a year (一九八九年,
// 九一年 = 1991, 〇八年 = 2008, （一九八九）), a decade (九〇年代) or a number
// with a zero in it (二〇二二). Other runs of digits are ranges (三四, 七八:
// "three or four") and are skipped, and so is 三四年, "three or four
// years".
func (z *zhScanner) sequence(n *zhNum) int {
	s := z.s
	c := n.c
	next, nn := runeAt(s, n.end)
	d1, d2 := int(n.v)/10, int(n.v)%10
	switch {
	case next == '年' && c.seq >= 3 && c.seq <= 4:
		n.yearSuffix(s, nn, 0)
	case next == '年' && c.seq == 2 && d2 != d1+1:
		century := 2000.0
		if d1 >= 5 {
			century = 1900
		}
		n.yearSuffix(s, nn, century)
	case c.seq == 4 && n.v >= 1800 && n.v <= 2100:
		n.kind = Year
	case c.seqZero && c.seq >= 3:
	default:
		return c.end
	}
	z.emit(Number{Value: n.v, Kind: n.kind, Start: n.start, End: n.end})
	return n.end
}

// yearSuffix reads 年 (of nn bytes) after a digit-by-digit numeral as a
// year, plus century when it is given, or 年代 as a decade.
func (n *zhNum) yearSuffix(s string, nn int, century float64) {
	if n.decadeAt(s, nn) {
		return
	}
	n.kind, n.end = Year, n.end+nn
	n.v += century
}

// decadeAt reads 年代 after the numeral (年 is nn bytes) as a decade and
// reports whether it did.
func (n *zhNum) decadeAt(s string, nn int) bool {
	if r2, _ := runeAt(s, n.end+nn); r2 != '代' {
		return false
	}
	n.kind, n.end = Decade, n.end+nn+len("代")
	return true
}

// quantity finishes a numeral read positionally (一百二十三, 50万, 3.5):
// its suffix, then its context, and emits it.
func (z *zhScanner) quantity(n *zhNum, ordinal bool) int {
	s := z.s
	c := n.c
	if c.vague {
		n.flags |= Vague
	}
	if c.approx {
		n.flags |= Approx
	}
	if !ordinal {
		n.suffix(s, z.monthEnd)
	}
	if n.kind == Month {
		z.monthEnd = n.end
	}
	if n.kind == Cardinal && c.arabic && !c.units && c.lit.bareYear() {
		n.kind = Year
	}
	if c.arabic && codeBefore(s, c.start) {
		n.flags |= Code
	}
	n.qualifiers(s)
	if n.kind == Cardinal && n.flags&(Approx|Vague|Marker) == 0 {
		if !n.weak(s) {
			return n.end // 小四, 老三: a name
		}
	}
	z.emit(n.number())
	return n.end
}

// suffix reads what follows the numeral, one step per class of its first
// rune: a date part (年, 月, 日 or 号), a century (世纪), a percent sign,
// or what closes a list marker (是, 、, ）). monthEnd is where the last
// month ended.
func (n *zhNum) suffix(s string, monthEnd int) {
	next, nn := runeAt(s, n.end)
	switch next {
	case '年':
		n.year(s, nn)
	case '月':
		n.month(nn)
	case '日', '号', '號':
		n.day(s, next, nn, monthEnd)
	case '世':
		n.century(s, nn)
	case '%', '％':
		n.kind, n.end = Percent, n.end+nn
	case '是', '、', ')', '）':
		n.marker(s, next)
	}
}

// year reads 年 (nn bytes): a decade (90年代), a year in Arabic digits
// (2022年) or of the Republic of China (民国七十六年 = 1987).
func (n *zhNum) year(s string, nn int) {
	c := n.c
	switch {
	case n.decadeAt(s, nn):
	case c.arabic && !c.units && c.lit.plainInt(4) && c.lit.intDigits >= 3:
		n.kind, n.end = Year, n.end+nn
	case n.plainSmall() && n.v >= 1 && n.v < 200 && afterMinguo(s, n.start):
		n.kind, n.v, n.end = Year, n.v+1911, n.end+nn
		n.start -= len("民国")
	}
}

// afterMinguo reports whether s[:i] ends with 民国 or 民國.
func afterMinguo(s string, i int) bool {
	return i >= len("民国") && (s[i-len("民国"):i] == "民国" || s[i-len("民國"):i] == "民國")
}

// month reads 月 (nn bytes) after a plain 1 to 12: 11月, 十一月.
func (n *zhNum) month(nn int) {
	c := n.c
	if n.plainSmall() && !c.liang && n.v >= 1 && n.v <= 12 && (c.arabic || c.nunits <= 1) {
		n.kind, n.end = Month, n.end+nn
	}
}

// day reads 日, 号 or 號 (next, nn bytes) after a plain 1 to 31 right after
// a month (11月15日), or 日 after Arabic digits (15日); not 日本, 日元.
func (n *zhNum) day(s string, next rune, nn, monthEnd int) {
	if n.plainSmall() && n.v >= 1 && n.v <= 31 && (n.cs == monthEnd || next == '日' && n.c.arabic) && !dayNotAfter(s, n.end+nn) {
		n.kind, n.end = Day, n.end+nn
	}
}

// century reads 世纪 (世 is nn bytes): an ordinal (20世纪), or with a
// decade after it (20世纪90年代) the decade's first year.
func (n *zhNum) century(s string, nn int) {
	r2, n2 := runeAt(s, n.end+nn)
	if (r2 != '纪' && r2 != '紀') || !n.plainSmall() || n.v < 2 || n.v > 30 {
		return
	}
	ce := n.end + nn + n2
	if c2 := parseCore(s, ce); c2.ok && c2.seq == 0 && c2.isInt() && c2.val < 100 && strings.HasPrefix(s[c2.end:], "年代") {
		n.kind, n.v, n.end = Decade, (n.v-1)*100+c2.val, c2.end+len("年代")
	} else {
		n.kind, n.end = Ordinal, ce
	}
}

// marker flags a small Chinese numeral as a list marker when next closes
// one: 一是 and 一、 opening a clause, （一）.
func (n *zhNum) marker(s string, next rune) {
	if !n.plainSmall() || n.c.arabic {
		return
	}
	var ok bool
	switch next {
	case '是':
		ok = n.v >= 1 && n.v <= 10 && clauseStart(s, n.start)
	case '、':
		ok = n.v < 100 && clauseStart(s, n.start)
	default: // ) or ）
		ok = n.v < 100 && openBefore(s, n.start)
	}
	if ok {
		n.flags |= Marker
	}
}

// qualifiers flags a cardinal, ordinal or percentage by the words around
// it: approximate after 近, 约, 逾, 超过 or before 左右, 以上; vague after 上
// when it has no digit (上百, 上千).
func (n *zhNum) qualifiers(s string) {
	if n.kind != Cardinal && n.kind != Percent && n.kind != Ordinal {
		return
	}
	ap, shang := approxBefore(s, n.start)
	if ap {
		n.flags |= Approx
	}
	if shang && n.c.bare {
		n.flags |= Vague
	}
	if n.kind == Cardinal && approxAfter(s, n.end) {
		n.flags |= Approx
	}
}

// weak flags a cardinal that is often no quantity: 一 alone, a bare 百, 千,
// 万 or 亿, a lone digit after a common surname (王二). It reports false
// when the number is a name to skip: a lone digit after 小, 老 or 阿.
func (n *zhNum) weak(s string) bool {
	c := n.c
	switch {
	case c.single(s, "一"):
		n.flags |= Weak
	case c.bare && c.bareExp >= 2 && c.nunits == 1:
		n.flags |= Weak // 百年, 千人: often not a count
	case !c.arabic && c.nunits == 0 && n.end-n.start == 3:
		switch pr, _ := runeBefore(s, n.start); pr {
		case '小', '老', '阿':
			return false
		case '王', '张', '張', '李', '刘', '劉', '陈', '陳', '赵', '趙', '孙', '孫', '吴', '吳', '郑', '鄭':
			n.flags |= Weak
		}
	}
	return true
}

// special handles constructions that start with a numeral but are read as a
// whole: 百分之十五, 千分之五, 数以万计.
func (z *zhScanner) special(cs int, r0 rune, n0 int) (int, bool) {
	s := z.s
	rest := s[cs+n0:]
	switch r0 {
	case '百', '千', '万', '萬':
		if !strings.HasPrefix(rest, "分之") {
			return 0, false
		}
		c := parseCore(s, cs+n0+len("分之"))
		if !c.ok || c.seq > 0 {
			return cs + n0 + len("分之"), true
		}
		v := c.val
		switch r0 {
		case '千':
			v /= 10
		case '万', '萬':
			v /= 100
		}
		var flags Flags
		if ap, _ := approxBefore(s, cs); ap || c.approx {
			flags |= Approx
		}
		z.emit(Number{Value: v, Kind: Percent, Flags: flags, Start: cs, End: c.end})
		return c.end, true
	case '数', '數':
		// 数以万计: tens of thousands.
		if !strings.HasPrefix(rest, "以") {
			return 0, false
		}
		r2, n2 := runeAt(s, cs+n0+len("以"))
		cls, v := zhNumeral(r2)
		if cls != zUnit && cls != zBig {
			return 0, false
		}
		end := cs + n0 + len("以") + n2
		if r3, n3 := runeAt(s, end); r3 == '计' || r3 == '計' {
			end += n3
		}
		z.emit(Number{Value: pow10(v), Kind: Cardinal, Flags: Vague, Start: cs, End: end})
		return end, true
	}
	return 0, false
}

// arabicSpecial handles markers and ISO dates written in Arabic digits.
func (z *zhScanner) arabicSpecial(c *zhCore) (int, bool) {
	return markerOrDate(z.s, c.lit, z.emit)
}

// weekday reads 星期三, 礼拜天, 周三 starting at s[i].
func (z *zhScanner) weekday(i int, r rune, n int) int {
	s := z.s
	j := i + n
	switch r {
	case '星':
		if !strings.HasPrefix(s[j:], "期") {
			return j
		}
		j += len("期")
	case '礼', '禮':
		if !strings.HasPrefix(s[j:], "拜") {
			return j
		}
		j += len("拜")
	}
	dr, dn := runeAt(s, j)
	v := 0
	switch dr {
	case '日':
		v = 7
	case '天':
		if r != '周' && r != '週' {
			v = 7
		}
	default:
		if cls, x := zhNumeral(dr); cls == zDigit && x >= 1 && x <= 6 && dr != '两' && dr != '兩' {
			v = x
		}
	}
	if v == 0 {
		return i + n
	}
	// 周一 followed by more numerals is not a weekday (周一百, a name).
	if r2, _ := runeAt(s, j+dn); r2 != utf8.RuneError {
		if cls, _ := zhNumeral(r2); cls != zNone {
			return i + n
		}
	}
	z.emit(Number{Value: float64(v), Kind: Weekday, Start: i, End: j + dn})
	return j + dn
}
