package numex_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/numex"
)

// want is an expected number. text is its span: the test looks for it in
// the source after the previous span, which gives the byte offsets.
type want struct {
	kind  numex.Kind
	value float64
	flags numex.Flags
	text  string
}

type extractCase struct {
	desc string
	src  string
	want []want
}

const (
	cardinal = numex.Cardinal
	ordinal  = numex.Ordinal
	percent  = numex.Percent
	fraction = numex.Fraction
	year     = numex.Year
	month    = numex.Month
	day      = numex.Day
	weekday  = numex.Weekday
	decade   = numex.Decade

	approx = numex.Approx
	vague  = numex.Vague
	weak   = numex.Weak
	marker = numex.Marker
	code   = numex.Code
)

// expected turns the wants into Numbers with offsets into src.
func expected(t *testing.T, src string, ws []want) []numex.Number {
	t.Helper()
	var out []numex.Number
	from := 0
	for _, w := range ws {
		k := strings.Index(src[from:], w.text)
		require.GreaterOrEqual(t, k, 0, "span %q not found in %q after byte %d", w.text, src, from)
		start := from + k
		out = append(out, numex.Number{Value: w.value, Kind: w.kind, Flags: w.flags, Start: start, End: start + len(w.text)})
		from = start + len(w.text)
	}
	return out
}

// normalise replaces got values that equal the wanted ones up to rounding,
// so assert.Equal shows a readable diff of the rest.
func normalise(got, exp []numex.Number) []numex.Number {
	out := append([]numex.Number(nil), got...)
	for i := range out {
		if i < len(exp) && math.Abs(out[i].Value-exp[i].Value) <= 1e-9*math.Abs(exp[i].Value) {
			out[i].Value = exp[i].Value
		}
	}
	return out
}

func runExtract(t *testing.T, f func(string) []numex.Number, cases []extractCase) {
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			exp := expected(t, tc.src, tc.want)
			got := f(tc.src)
			assert.Equal(t, exp, normalise(got, exp), "src %q", tc.src)
		})
	}
}

func TestEnglish(t *testing.T) {
	runExtract(t, numex.English, englishCases())
}

func TestChinese(t *testing.T) {
	runExtract(t, numex.Chinese, chineseCases())
}

func englishCases() []extractCase {
	return []extractCase{
		// Dates.
		{"month day year", "On November 15th, 2022, the forum opened.",
			[]want{{month, 11, 0, "November"}, {day, 15, 0, "15th"}, {year, 2022, 0, "2022"}}},
		{"day month year", "held from 15 November 2022", []want{{day, 15, 0, "15"}, {month, 11, 0, "November"}, {year, 2022, 0, "2022"}}},
		{"weekday date", "Wednesday, 21 June 1989",
			[]want{{weekday, 3, 0, "Wednesday"}, {day, 21, 0, "21"}, {month, 6, 0, "June"}, {year, 1989, 0, "1989"}}},
		{"abbreviated month", "until Nov. 15 only", []want{{month, 11, 0, "Nov."}, {day, 15, 0, "15"}}},
		{"day of month", "on the 15th of November", []want{{day, 15, 0, "15th"}, {month, 11, 0, "November"}}},
		{"month and day", "On November 4 they met", []want{{month, 11, 0, "November"}, {day, 4, 0, "4"}}},
		{"month and year", "signed in May 2022.", []want{{month, 5, 0, "May"}, {year, 2022, 0, "2022"}}},
		{"may the verb", "You may go in March.", []want{{month, 3, 0, "March"}}},
		{"range of days", "From February 3 to 4",
			[]want{{month, 2, 0, "February"}, {day, 3, 0, "3"}, {cardinal, 4, 0, "4"}}},
		{"range before month", "held from 24 to 30 June 1993",
			[]want{{cardinal, 24, 0, "24"}, {day, 30, 0, "30"}, {month, 6, 0, "June"}, {year, 1993, 0, "1993"}}},
		{"iso date and time", "2023-03-11 08:53",
			[]want{{year, 2023, 0, "2023"}, {month, 3, 0, "03"}, {day, 11, 0, "11"}, {cardinal, 8, 0, "08"}, {cardinal, 53, 0, "53"}}},
		{"decade", "in the 1990s and the '80s", []want{{decade, 1990, 0, "1990s"}, {decade, 80, 0, "80s"}}},
		{"bare year", "2023 marks the fifth year", []want{{year, 2023, 0, "2023"}, {ordinal, 5, 0, "fifth"}}},
		{"lower-case month is a word", "the march of time", nil},

		// Arabic numerals.
		{"thousands separators", "from 1,000 to 1,000,000 and 60,183",
			[]want{{cardinal, 1000, 0, "1,000"}, {cardinal, 1e6, 0, "1,000,000"}, {cardinal, 60183, 0, "60,183"}}},
		{"space separators", "exceeded 20 000 annually", []want{{cardinal, 20000, 0, "20 000"}}},
		{"decimal", "grew 3.5 times", []want{{cardinal, 3.5, 0, "3.5"}}},
		{"money", "from $9,304,981,285 up", []want{{cardinal, 9304981285, 0, "9,304,981,285"}}},
		{"full-width digits", "in ２０２２, ５０ people", []want{{year, 2022, 0, "２０２２"}, {cardinal, 50, 0, "５０"}}},
		{"percent sign", "up 15% and 15 % and 15％",
			[]want{{percent, 15, 0, "15%"}, {percent, 15, 0, "15 %"}, {percent, 15, 0, "15％"}}},
		{"per cent", "7.9 per cent and 84.6 percent",
			[]want{{percent, 7.9, 0, "7.9 per cent"}, {percent, 84.6, 0, "84.6 percent"}}},
		{"ordinal suffixes", "the 21st, 2nd and 3rd", []want{{ordinal, 21, 0, "21st"}, {ordinal, 2, 0, "2nd"}, {ordinal, 3, 0, "3rd"}}},
		{"glued ordinals", "the 20thCPC and the 3rdChina-Arab forum",
			[]want{{ordinal, 20, 0, "20th"}, {ordinal, 3, 0, "3rd"}}},
		{"arbor day", "the 44th Chinese Arbor Day", []want{{ordinal, 44, 0, "44th"}}},
		{"scale words", "RMB100 billion, 1.2 billion and 5bn",
			[]want{{cardinal, 1e11, 0, "100 billion"}, {cardinal, 1.2e9, 0, "1.2 billion"}, {cardinal, 5e9, 0, "5bn"}}},
		{"codes", "H1, G20 and COVID-19", []want{{cardinal, 1, code, "1"}, {cardinal, 20, code, "20"}, {cardinal, 19, code, "19"}}},
		{"roman numerals", "annex II, schedules 2 and 3; annexes I and II; Form III; World War II",
			[]want{{cardinal, 2, 0, "II"}, {cardinal, 2, 0, "2"}, {cardinal, 3, 0, "3"}, {cardinal, 1, 0, "I"},
				{cardinal, 2, 0, "II"}, {cardinal, 3, 0, "III"}, {cardinal, 2, 0, "II"}}},
		{"pronoun I", "For my own part I will work; I think; MIX and CIVIL", nil},
		{"number sign", "No. 1 Middle School and No.2", []want{{ordinal, 1, 0, "No. 1"}, {ordinal, 2, 0, "No.2"}}},

		// Markers.
		{"list markers", "include: 1) Belarusian; 2) Principals; 3)Officials and (4) others",
			[]want{{cardinal, 1, marker, "1"}, {cardinal, 2, marker, "2"}, {cardinal, 3, marker, "3"}, {cardinal, 4, marker, "4"}}},
		{"paragraph number", "10. During the year, 61,968 took part.",
			[]want{{cardinal, 10, marker, "10"}, {cardinal, 61968, 0, "61,968"}}},
		{"footnote calls", "in 1991 and 1992. 1/ 2/ In",
			[]want{{year, 1991, 0, "1991"}, {year, 1992, 0, "1992"}, {cardinal, 1, marker, "1"}, {cardinal, 2, marker, "2"}}},

		// Words.
		{"two million", "two million people", []want{{cardinal, 2e6, 0, "two million"}}},
		{"a hundred", "a hundred years", []want{{cardinal, 100, 0, "a hundred"}}},
		{"hyphenated", "forty-five members and the twenty-first century",
			[]want{{cardinal, 45, 0, "forty-five"}, {ordinal, 21, 0, "twenty-first"}}},
		{"british and", "one hundred and five", []want{{cardinal, 105, 0, "one hundred and five"}}},
		{"thousands", "three thousand two hundred and ten", []want{{cardinal, 3210, 0, "three thousand two hundred and ten"}}},
		{"kjv hundreds", "were nine hundred and thirty years", []want{{cardinal, 930, 0, "nine hundred and thirty"}}},
		{"kjv an hundred", "lived an hundred and five years", []want{{cardinal, 105, 0, "an hundred and five"}}},
		{"kjv inverted", "the seven and twentieth day, sixty and five years",
			[]want{{ordinal, 27, 0, "seven and twentieth"}, {cardinal, 65, 0, "sixty and five"}}},
		{"kjv score", "threescore and ten", []want{{cardinal, 70, 0, "threescore and ten"}}},
		{"ordinal words", "the twentieth and the forty-fifth session",
			[]want{{ordinal, 20, 0, "twentieth"}, {ordinal, 45, 0, "forty-fifth"}}},
		{"first is weak", "the first day", []want{{ordinal, 1, weak, "first"}}},
		{"a dozen", "a dozen eggs", []want{{cardinal, 12, 0, "a dozen"}}},
		{"spelled percent", "fifteen per cent", []want{{percent, 15, 0, "fifteen per cent"}}},
		{"fractions", "one third, two thirds, a quarter of it",
			[]want{{fraction, 1.0 / 3, 0, "one third"}, {fraction, 2.0 / 3, 0, "two thirds"}, {fraction, 0.25, 0, "a quarter"}}},
		{"one as pronoun", "one of them, no one, someone, the one, one another, one's own", nil},
		{"one as number", "One sign of this", []want{{cardinal, 1, weak, "One"}}},
		{"both", "both countries", []want{{cardinal, 2, weak, "both"}}},
		{"two separate numbers", "one two", []want{{cardinal, 1, weak, "one"}, {cardinal, 2, 0, "two"}}},

		// Approximations.
		{"nearly", "Nearly 50 business representatives", []want{{cardinal, 50, approx, "50"}}},
		{"about", "from about 50 enterprises", []want{{cardinal, 50, approx, "50"}}},
		{"over a hundred", "over a hundred CPC members", []want{{cardinal, 100, approx, "a hundred"}}},
		{"more than", "more than 30 works", []want{{cardinal, 30, approx, "30"}}},
		{"qualifier not adjacent", "about the 30 works", []want{{cardinal, 30, 0, "30"}}},
		{"vague", "dozens of, hundreds of, tens of thousands, several hundred, hundreds of millions",
			[]want{{cardinal, 10, vague, "dozens"}, {cardinal, 100, vague, "hundreds"}, {cardinal, 1e4, vague, "tens of thousands"},
				{cardinal, 100, vague, "several hundred"}, {cardinal, 1e8, vague, "hundreds of millions"}}},
		{"no numbers", "In the beginning God created the heaven and the earth.", nil},
		{"empty", "", nil},
	}
}

func chineseCases() []extractCase {
	return []extractCase{
		// Dates.
		{"full date", "2022年11月15日，重庆", []want{{year, 2022, 0, "2022年"}, {month, 11, 0, "11月"}, {day, 15, 0, "15日"}}},
		{"month and day", "11月4日下午", []want{{month, 11, 0, "11月"}, {day, 4, 0, "4日"}}},
		{"numeral date", "一九八九年六月二十一日星期三",
			[]want{{year, 1989, 0, "一九八九年"}, {month, 6, 0, "六月"}, {day, 21, 0, "二十一日"}, {weekday, 3, 0, "星期三"}}},
		{"digit-by-digit year", "二〇二二年和二零二二", []want{{year, 2022, 0, "二〇二二年"}, {year, 2022, 0, "二零二二"}}},
		{"full-width year", "２０２２年", []want{{year, 2022, 0, "２０２２年"}}},
		{"days listed", "2月17日、23日", []want{{month, 2, 0, "2月"}, {day, 17, 0, "17日"}, {day, 23, 0, "23日"}}},
		{"day range", "2月1日至3日", []want{{month, 2, 0, "2月"}, {day, 1, 0, "1日"}, {day, 3, 0, "3日"}}},
		{"resolution", "1991年12月20日第46/220号决议",
			[]want{{year, 1991, 0, "1991年"}, {month, 12, 0, "12月"}, {day, 20, 0, "20日"}, {ordinal, 46, 0, "第46"}, {cardinal, 220, 0, "220"}}},
		{"iso date", "2023-03-11 08:53",
			[]want{{year, 2023, 0, "2023"}, {month, 3, 0, "03"}, {day, 11, 0, "11"}, {cardinal, 8, 0, "08"}, {cardinal, 53, 0, "53"}}},
		{"weekdays", "周三和星期日，礼拜天", []want{{weekday, 3, 0, "周三"}, {weekday, 7, 0, "星期日"}, {weekday, 7, 0, "礼拜天"}}},
		{"duration is not a year", "5年来", []want{{cardinal, 5, 0, "5"}}},
		{"months duration", "三个月", []want{{cardinal, 3, 0, "三"}}},
		{"decades", "20世纪90年代，90年代", []want{{decade, 1990, 0, "20世纪90年代"}, {decade, 90, 0, "90年代"}}},
		{"century", "21世纪", []want{{ordinal, 21, 0, "21世纪"}}},
		{"taiwanese tens", "四月卅日，百分之廿八，廿八万吨",
			[]want{{month, 4, 0, "四月"}, {day, 30, 0, "卅日"}, {percent, 28, 0, "百分之廿八"}, {cardinal, 2.8e5, 0, "廿八万"}}},
		{"roc years", "民国七十六年，民國80年", []want{{year, 1987, 0, "民国七十六年"}, {year, 1991, 0, "民國80年"}}},
		{"bare digit-by-digit year", "（一九八九）、一九五六～一九六一",
			[]want{{year, 1989, 0, "一九八九"}, {year, 1956, 0, "一九五六"}, {year, 1961, 0, "一九六一"}}},
		{"two-digit years", "九一年、〇八年、九〇年代；三四年", []want{{year, 1991, 0, "九一年"}, {year, 2008, 0, "〇八年"}, {decade, 90, 0, "九〇年代"}}},
		{"yen and japan", "100日元，5日元，3日本", []want{{cardinal, 100, 0, "100"}, {cardinal, 5, 0, "5"}, {cardinal, 3, 0, "3"}}},

		// Numerals.
		{"positional", "二十，一百二十三，三万五千，十五，一百零五，一千零一",
			[]want{{cardinal, 20, 0, "二十"}, {cardinal, 123, 0, "一百二十三"}, {cardinal, 35000, 0, "三万五千"},
				{cardinal, 15, 0, "十五"}, {cardinal, 105, 0, "一百零五"}, {cardinal, 1001, 0, "一千零一"}}},
		{"tael", "二十两银子，一万两千", []want{{cardinal, 20, 0, "二十"}, {cardinal, 2, 0, "两"}, {cardinal, 12000, 0, "一万两千"}}},
		{"names", "罗小四问王二，老三说", []want{{cardinal, 2, weak, "二"}}},
		{"elided final unit", "两千五，一百五", []want{{cardinal, 2500, 0, "两千五"}, {cardinal, 150, 0, "一百五"}}},
		{"big units", "三千亿，万亿，一亿三千万", []want{{cardinal, 3e11, 0, "三千亿"}, {cardinal, 1e12, 0, "万亿"}, {cardinal, 1.3e8, 0, "一亿三千万"}}},
		{"mixed", "1.2亿元，50万，3千，1519万人次",
			[]want{{cardinal, 1.2e8, 0, "1.2亿"}, {cardinal, 5e5, 0, "50万"}, {cardinal, 3000, 0, "3千"}, {cardinal, 1.519e7, 0, "1519万"}}},
		{"masks", "40万只口罩", []want{{cardinal, 4e5, 0, "40万"}}},
		{"traditional", "兩萬，三億，貳", []want{{cardinal, 2e4, 0, "兩萬"}, {cardinal, 3e8, 0, "三億"}}},
		{"decimal", "三点五，二十三点五", []want{{cardinal, 3.5, 0, "三点五"}, {cardinal, 23.5, 0, "二十三点五"}}},
		{"separators", "60,183人", []want{{cardinal, 60183, 0, "60,183"}}},
		{"ordinal", "第二期，第44个植树节，第四十五届", []want{{ordinal, 2, 0, "第二"}, {ordinal, 44, 0, "第44"}, {ordinal, 45, 0, "第四十五"}}},
		{"congress", "党的二十大精神", []want{{cardinal, 20, 0, "二十"}}},
		{"kilogram", "5千克", []want{{cardinal, 5, 0, "5"}}},
		{"code", "COVID-19疫情", []want{{cardinal, 19, code, "19"}}},
		{"roman numerals", "附件II和附件二", []want{{cardinal, 2, 0, "II"}, {cardinal, 2, 0, "二"}}},

		// Percentages and fractions.
		{"percent", "百分之十五，15％，84.6%，百分之三点五，千分之五",
			[]want{{percent, 15, 0, "百分之十五"}, {percent, 15, 0, "15％"}, {percent, 84.6, 0, "84.6%"},
				{percent, 3.5, 0, "百分之三点五"}, {percent, 0.5, 0, "千分之五"}}},
		{"fractions", "三分之一，十分之一", []want{{fraction, 1.0 / 3, 0, "三分之一"}, {fraction, 0.1, 0, "十分之一"}}},

		// Approximations.
		{"near", "近50家企业，近百人", []want{{cardinal, 50, approx, "50"}, {cardinal, 100, approx, "百"}}},
		{"more than", "百余名党员，30多名，20余篇，50多万", []want{{cardinal, 100, approx, "百余"},
			{cardinal, 30, approx, "30多"}, {cardinal, 20, approx, "20余"}, {cardinal, 5e5, approx, "50多万"}}},
		{"about", "约300人，50人左右，超过10个", []want{{cardinal, 300, approx, "300"}, {cardinal, 50, approx, "50"}, {cardinal, 10, approx, "10"}}},
		{"vague", "数十人，几百个，上千名，十几年，数以万计，数万",
			[]want{{cardinal, 10, vague, "数十"}, {cardinal, 100, vague, "几百"}, {cardinal, 1000, vague, "千"},
				{cardinal, 10, vague, "十几"}, {cardinal, 1e4, vague, "数以万计"}, {cardinal, 1e4, vague, "数万"}}},
		{"range of digits", "三四天，七八个", nil},
		{"over a billion", "十数亿人民，十数据", []want{{cardinal, 1e9, vague, "十数亿"}, {cardinal, 10, 0, "十"}}},

		// Markers.
		{"markers", "（一）加强领导；二、总则", []want{{cardinal, 1, marker, "一"}, {cardinal, 2, marker, "二"}}},
		{"enumeration", "一是要提高站位，二是要履职尽责", []want{{cardinal, 1, marker, "一"}, {cardinal, 2, marker, "二"}}},
		{"arabic markers", "1、总则 (2)说明", []want{{cardinal, 1, marker, "1"}, {cardinal, 2, marker, "2"}}},
		{"circled", "①加强②落实", []want{{cardinal, 1, marker, "①"}, {cardinal, 2, marker, "②"}}},
		{"paragraph number", "1.  联合国合办工作人员养恤基金", []want{{cardinal, 1, marker, "1"}}},

		// Words that are not numbers.
		{"stop words", "一起一些一定一直统一一样之一一方面唯一万一一般一致一带一路进一步", nil},
		{"traditional stop words", "萬一，統一，一帶一路，進一步，一樣", nil},
		{"idioms and names", "千方百计、千万不要、老百姓、四川、九龙、万州、十分重要、零售", nil},
		{"article", "一个重要的", []want{{cardinal, 1, weak, "一"}}},
		{"bare hundred", "百年大计", []want{{cardinal, 100, weak, "百"}}},
		{"delegation", "张婭茜一行参观了", nil},
		{"next century", "下一世纪", []want{{cardinal, 1, weak, "一"}}},
		{"no numbers", "起初神创造天地。", nil},
		{"empty", "", nil},
	}
}

// TestOffsets spells out byte offsets for a few cases.
func TestOffsets(t *testing.T) {
	tests := []struct {
		desc string
		f    func(string) []numex.Number
		src  string
		want []numex.Number
	}{
		{"zh date", numex.Chinese, "2022年11月15日", []numex.Number{
			{Value: 2022, Kind: year, Start: 0, End: 7},
			{Value: 11, Kind: month, Start: 7, End: 12},
			{Value: 15, Kind: day, Start: 12, End: 17},
		}},
		{"zh approx", numex.Chinese, "近50家", []numex.Number{{Value: 50, Kind: cardinal, Flags: approx, Start: 3, End: 5}}},
		{"zh ordinal", numex.Chinese, "第44个", []numex.Number{{Value: 44, Kind: ordinal, Start: 0, End: 5}}},
		{"en date", numex.English, "On November 15th, 2022", []numex.Number{
			{Value: 11, Kind: month, Start: 3, End: 11},
			{Value: 15, Kind: day, Start: 12, End: 16},
			{Value: 2022, Kind: year, Start: 18, End: 22},
		}},
		{"en full-width", numex.English, "５０%", []numex.Number{{Value: 50, Kind: percent, Start: 0, End: 7}}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.f(tc.src))
		})
	}
}

func TestAppendReusesBuffer(t *testing.T) {
	buf := make([]numex.Number, 0, 8)
	buf = numex.AppendEnglish(buf[:0], "15 November 2022")
	require.Len(t, buf, 3)
	buf = numex.AppendChinese(buf[:0], "40万")
	require.Len(t, buf, 1)
	assert.Equal(t, 4e5, buf[0].Value)
	assert.Equal(t, 8, cap(buf))
}

func TestWeight(t *testing.T) {
	tests := []struct {
		desc       string
		heavy, low numex.Number
	}{
		{"year over small", numex.Number{Value: 2022, Kind: year}, numex.Number{Value: 2, Kind: cardinal}},
		{"percent over small", numex.Number{Value: 15, Kind: percent}, numex.Number{Value: 15, Kind: cardinal}},
		{"many digits over round", numex.Number{Value: 60183, Kind: cardinal}, numex.Number{Value: 400000, Kind: cardinal}},
		{"plain over approx", numex.Number{Value: 50, Kind: cardinal}, numex.Number{Value: 50, Kind: cardinal, Flags: approx}},
		{"plain over weak", numex.Number{Value: 1, Kind: ordinal}, numex.Number{Value: 1, Kind: ordinal, Flags: weak}},
		{"plain over code", numex.Number{Value: 20, Kind: cardinal}, numex.Number{Value: 20, Kind: cardinal, Flags: code}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Greater(t, tc.heavy.Weight(), tc.low.Weight())
			assert.LessOrEqual(t, tc.heavy.Weight(), 1.0)
			assert.Greater(t, tc.low.Weight(), 0.0)
		})
	}
}

func TestStrings(t *testing.T) {
	n := numex.Number{Value: 100, Kind: cardinal, Flags: approx | weak, Start: 0, End: 3}
	assert.Equal(t, "cardinal 100 approx|weak [0:3]", n.String())
	assert.Equal(t, "year", year.String())
	assert.Equal(t, "", numex.Flags(0).String())
	assert.Equal(t, "kind(99)", numex.Kind(99).String())
}
