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
				j := i + 1
				for j < len(s) && isLetter(s[j]) {
					j++
				}
				if v := romanValue(s[i:j]); v > 0 && j-i >= 2 {
					z.emit(Number{Value: float64(v), Kind: Cardinal, Start: i, End: j})
				}
				i = j
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
			v := (int(r)-0x2460)%20 + 1
			z.out = append(z.out, Number{Value: float64(v), Kind: Cardinal, Flags: Marker, Start: i, End: i + n})
			i += n
		default:
			i += n
		}
	}
	return z.out
}

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

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

type zhScanner struct {
	s   string
	out []Number
	// monthEnd is the end of the last Month emitted, or -1: a numeral
	// starting there and closed by 日 or 号 is a Day.
	monthEnd int
}

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
	skip := cs + n0
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
		return max(skip, c.end) // 零售, a lone 〇
	}
	if arabicStart && !c.units && !ordinal {
		if end, ok := z.arabicSpecial(c); ok {
			return end
		}
	}
	// Fractions: 三分之一.
	if !ordinal && c.isInt() && c.val > 0 && strings.HasPrefix(s[c.end:], "分之") {
		c2 := parseCore(s, c.end+len("分之"))
		if c2.ok && c2.seq == 0 && c2.val > 0 {
			z.emit(Number{Value: c2.val / c.val, Kind: Fraction, Start: start, End: c2.end})
			return c2.end
		}
	}
	kind := Cardinal
	if ordinal {
		kind = Ordinal
	}
	var flags Flags
	end := c.end
	v := c.val
	next, nn := runeAt(s, end)
	if c.seq > 0 {
		// Digit by digit: a year (一九八九年), or 二〇二二 with a zero in it.
		d1, d2 := int(v)/10, int(v)%10
		switch {
		case next == '年' && c.seq >= 3 && c.seq <= 4:
			if r2, _ := runeAt(s, end+nn); r2 == '代' {
				kind, end = Decade, end+nn+len("代")
			} else {
				kind, end = Year, end+nn
			}
		case next == '年' && c.seq == 2 && d2 != d1+1:
			// 九一年 = 1991, 〇八年 = 2008, 九〇年代; but 三四年 is "three
			// or four years".
			if r2, _ := runeAt(s, end+nn); r2 == '代' {
				kind, end = Decade, end+nn+len("代")
			} else {
				kind, end = Year, end+nn
				if d1 >= 5 {
					v += 1900
				} else {
					v += 2000
				}
			}
		case c.seq == 4 && v >= 1800 && v <= 2100: // （一九八九）
			kind = Year
		case c.seqZero && c.seq >= 3:
		default:
			return c.end // 三四, 七八: "three or four"
		}
		z.emit(Number{Value: v, Kind: kind, Start: start, End: end})
		return end
	}
	if c.vague {
		flags |= Vague
	}
	if c.approx {
		flags |= Approx
	}
	plainSmall := c.isInt() && !c.approx && !c.vague && !c.decimal
	if !ordinal {
		switch next {
		case '年':
			if r2, _ := runeAt(s, end+nn); r2 == '代' {
				kind, end = Decade, end+nn+len("代")
			} else if c.arabic && !c.units && c.lit.plainInt(4) && c.lit.intDigits >= 3 {
				kind, end = Year, end+nn
			} else if plainSmall && v >= 1 && v < 200 && start >= len("民国") &&
				(s[start-len("民国"):start] == "民国" || s[start-len("民國"):start] == "民國") {
				// Years of the Republic of China: 民国七十六年 = 1987.
				kind, v, end = Year, v+1911, end+nn
				start -= len("民国")
			}
		case '月':
			if plainSmall && !c.liang && v >= 1 && v <= 12 && (c.arabic || c.nunits <= 1) {
				kind, end = Month, end+nn
			}
		case '日', '号', '號':
			if plainSmall && v >= 1 && v <= 31 && (cs == z.monthEnd || next == '日' && c.arabic) && !dayNotAfter(s, end+nn) {
				kind, end = Day, end+nn
			}
		case '世':
			if r2, n2 := runeAt(s, end+nn); (r2 == '纪' || r2 == '紀') && plainSmall && v >= 2 && v <= 30 {
				ce := end + nn + n2
				if c2 := parseCore(s, ce); c2.ok && c2.seq == 0 && c2.isInt() && c2.val < 100 && strings.HasPrefix(s[c2.end:], "年代") {
					kind, v, end = Decade, (v-1)*100+c2.val, c2.end+len("年代")
				} else {
					kind, end = Ordinal, ce
				}
			}
		case '%', '％':
			kind, end = Percent, end+nn
		case '是':
			if plainSmall && !c.arabic && v >= 1 && v <= 10 && clauseStart(s, start) {
				flags |= Marker
			}
		case '、':
			if plainSmall && !c.arabic && v < 100 && clauseStart(s, start) {
				flags |= Marker
			}
		case ')', '）':
			if plainSmall && !c.arabic && v < 100 && openBefore(s, start) {
				flags |= Marker
			}
		}
	}
	if kind == Month {
		z.monthEnd = end
	}
	if kind == Cardinal && c.arabic && !c.units && c.lit.plainInt(4) && c.lit.intDigits == 4 && flags&Code == 0 {
		if y := c.lit.intValue(); y >= 1800 && y <= 2100 {
			kind = Year
		}
	}
	if c.arabic && codeBefore(s, c.start) {
		flags |= Code
	}
	// Qualifiers around the number.
	if kind == Cardinal || kind == Percent || kind == Ordinal {
		ap, shang := approxBefore(s, start)
		if ap {
			flags |= Approx
		}
		if shang && c.bare {
			flags |= Vague
		}
		if kind == Cardinal && approxAfter(s, end) {
			flags |= Approx
		}
	}
	if kind == Cardinal && flags&(Approx|Vague|Marker) == 0 {
		switch {
		case c.single(s, "一"):
			flags |= Weak
		case c.bare && c.bareExp >= 2 && c.nunits == 1:
			flags |= Weak // 百年, 千人: often not a count
		case !c.arabic && c.nunits == 0 && end-start == 3:
			// A lone digit after a nickname prefix (小四, 老三, 阿二) or a
			// common surname (王二, 张三) is a name.
			switch pr, _ := runeBefore(s, start); pr {
			case '小', '老', '阿':
				return end
			case '王', '张', '張', '李', '刘', '劉', '陈', '陳', '赵', '趙', '孙', '孫', '吴', '吳', '郑', '鄭':
				flags |= Weak
			}
		}
	}
	z.emit(Number{Value: v, Kind: kind, Flags: flags, Start: start, End: end})
	return end
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
func (z *zhScanner) arabicSpecial(c zhCore) (int, bool) {
	s := z.s
	l := c.lit
	if end, ok := markerEnd(s, l); ok {
		z.emit(Number{Value: l.val.float(), Kind: Cardinal, Flags: Marker, Start: l.start, End: l.end})
		return end, true
	}
	if m, d, ok := isoDate(s, l); ok {
		z.emit(Number{Value: l.val.float(), Kind: Year, Start: l.start, End: l.end})
		z.emit(Number{Value: m.val.float(), Kind: Month, Start: m.start, End: m.end})
		z.emit(Number{Value: d.val.float(), Kind: Day, Start: d.start, End: d.end})
		return d.end, true
	}
	return 0, false
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
