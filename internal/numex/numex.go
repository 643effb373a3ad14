package numex

import (
	"math"
	"strconv"
	"strings"
)

// Kind says what an extracted [Number] denotes.
type Kind uint8

// Kinds of numbers. The zero Kind is not used by the extractors.
const (
	// Cardinal is a plain quantity: 50, 五十, fifty, 40万, 1.2 billion.
	Cardinal Kind = iota + 1
	// Ordinal is a rank: 15th, fifteenth, 第十五, No. 15; also a century (20世纪).
	Ordinal
	// Percent holds the number of percent: 15 for 15%, 百分之十五, 15 per cent;
	// 千分之五 is 0.5.
	Percent
	// Fraction holds the ratio: 1/3 for 三分之一 and one third.
	Fraction
	// Year is a calendar year: 2022年, 一九八九年, the 2022 in "November 15, 2022",
	// and a bare four-digit integer between 1800 and 2100.
	Year
	// Month is a calendar month, 1 to 12: 11月, 十一月, November, Nov.
	Month
	// Day is a day of the month, 1 to 31: 15日, 十五日 after a month, the 15th
	// in "November 15th" or "15 November".
	Day
	// Weekday is a day of the week, 1 (Monday) to 7 (Sunday): 星期三, 周三, Wednesday.
	Weekday
	// Decade is the first year of a decade: 1990 for 1990s and 20世纪90年代;
	// 90 when the century is not written (90年代, '90s).
	Decade
)

// String returns the lower-case name of the kind, e.g. "cardinal".
func (k Kind) String() string {
	switch k {
	case Cardinal:
		return "cardinal"
	case Ordinal:
		return "ordinal"
	case Percent:
		return "percent"
	case Fraction:
		return "fraction"
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	case Weekday:
		return "weekday"
	case Decade:
		return "decade"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Flags qualify an extracted [Number].
type Flags uint8

const (
	// Approx marks a number written as approximate: nearly 50, over a
	// hundred, about, some, more than, 近50, 约, 逾, 百余, 30多, 50人左右.
	Approx Flags = 1 << iota
	// Vague marks an order of magnitude rather than a number: dozens,
	// hundreds of, tens of thousands, several hundred, 数十, 几百, 上千, 十几.
	// Value holds the magnitude (10, 100, 10000, …).
	Vague
	// Weak marks a number that is often not a quantity: English "one" and
	// "first" standing alone, "both", Chinese 一 standing alone (mostly an
	// article, 一个 = "a"), a bare 百/千/万/亿 with no digit before it, a
	// lone digit after a common surname (王二).
	Weak
	// Marker marks a list or paragraph marker: "1)", "(2)", "3." and "4、" at
	// the start of a sentence, （一）, ①, 一是.
	Marker
	// Code marks digits glued to letters, as in H1, G20, COVID-19, B2B:
	// part of a name more than a quantity.
	Code
)

// String returns the set flags joined by "|", e.g. "approx|weak", or "" for none.
func (f Flags) String() string {
	var b strings.Builder
	for i, name := range [...]string{"approx", "vague", "weak", "marker", "code"} {
		if f&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(name)
	}
	return b.String()
}

// Number is one number or date part found in a sentence.
//
// Value is normalised: 40万 and 400,000 both give 400000, 1.2亿 and
// 1.2 billion both 1.2e9, 15% gives 15 with Kind Percent. Input[Start:End]
// is the text the value was read from, in byte offsets into the string given
// to [English] or [Chinese]. The span covers the numeral with the affixes
// that fix its value or kind (第, 年, 月, 日, %, 百分之, st/nd/rd/th, million,
// 万, a glued 余/多) but not separate qualifiers such as "nearly" or 近.
type Number struct {
	Value float64
	Kind  Kind
	Flags Flags
	Start int
	End   int
}

// String returns a compact form for debugging, e.g. "year 2022 [3:10]" or
// "cardinal 100 approx [0:3]".
func (n Number) String() string {
	var b strings.Builder
	b.WriteString(n.Kind.String())
	b.WriteByte(' ')
	b.WriteString(strconv.FormatFloat(n.Value, 'g', -1, 64))
	if n.Flags != 0 {
		b.WriteByte(' ')
		b.WriteString(n.Flags.String())
	}
	b.WriteString(" [")
	b.WriteString(strconv.Itoa(n.Start))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(n.End))
	b.WriteByte(']')
	return b.String()
}

// Weight says how much a match on n is worth, in (0, 1]. Years, percentages
// and numbers with several significant digits (60,183; 3.5) weigh most; small
// integers, which recur by chance, weigh little; Weak, Vague, Marker and Code
// numbers weigh least.
func (n Number) Weight() float64 {
	if n.Flags&Marker != 0 {
		return 0.3
	}
	if n.Flags&Weak != 0 {
		return 0.1
	}
	if n.Flags&Vague != 0 {
		return 0.2
	}
	var w float64
	switch n.Kind {
	case Year, Percent:
		w = 1
	case Decade:
		w = 0.9
	case Fraction:
		w = 0.8
	case Month:
		w = 0.6
	case Day:
		w = 0.5
	case Weekday:
		w = 0.4
	default:
		w = magnitudeWeight(n.Value)
	}
	if n.Flags&Approx != 0 {
		w *= 0.8
	}
	if n.Flags&Code != 0 {
		w *= 0.5
	}
	return w
}

// magnitudeWeight rates a cardinal or ordinal by how unlikely it is to occur
// by chance.
func magnitudeWeight(v float64) float64 {
	v = math.Abs(v)
	switch {
	case v != math.Trunc(v):
		return 0.9
	case v < 3:
		return 0.25
	case v < 10:
		return 0.35
	case v < 100:
		return 0.55
	case v < 1000:
		return 0.75
	}
	// Count significant digits: 60183 is rarer than 400000.
	sig := 0
	for x := v; x >= 1 && sig < 20; x = math.Floor(x / 10) {
		if sig > 0 || math.Mod(x, 10) != 0 {
			sig++
		}
	}
	if sig >= 3 {
		return 1
	}
	return 0.85
}

// optional reports whether n counts only when it is matched: unmatched
// markers, weak and vague numbers do not count against a pair.
func (n Number) optional() bool {
	return n.Flags&(Marker|Weak|Vague) != 0
}
