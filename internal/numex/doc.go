// Package numex extracts numbers and dates from English and Chinese
// sentences as normalised values, so that an aligner can use them as anchors
// between the two sides of a parallel text.
//
// [English] and [Chinese] return a []Number per sentence; [Match] and
// [Similarity] compare two such lists. All functions are pure, keep no
// state between calls and are safe for concurrent use. The scanners are
// hand-written (no regexp) and do not allocate beyond the result slice;
// [AppendEnglish] and [AppendChinese] reuse a caller's buffer.
//
// # Values
//
// A [Number] holds a float64 Value, a [Kind], [Flags] and the byte span it
// was read from. Values are normalised across scripts and scales:
// 40万 = 400,000 = 400000; 12亿 = 1.2 billion = 1.2e9; 百分之十五 =
// 15% = 15 per cent = 15 (Kind Percent); 三分之一 = one third = 1/3 (Kind
// Fraction); 第四十四 = 44th = 44 (Kind Ordinal); 廿八 = 28; annex II = 附件二
// = 2. Simplified and traditional Chinese (两/兩, 万/萬, 亿/億) and full-width
// digits (２０２２, １５％) are read alike.
//
// # Dates
//
// A date is split into typed parts, one [Number] each: [Year], [Month],
// [Day] (and [Weekday] when written). "On November 15th, 2022" and
// "2022年11月15日" both give Year 2022, Month 11, Day 15, so a date written
// without its year ("11月4日", "November 4") still matches two of the three
// parts of a full one. Digit-by-digit Chinese years (一九八九年, 二〇二二,
// （一九八九）) are years, and so are two-digit ones (九一年 = 1991, 〇八年 =
// 2008) unless their digits are consecutive (三四年 is "three or four years",
// and is skipped); 民国七十六年 is 1987. A bare four-digit integer from 1800
// to 2100 is taken as a year (it still matches the same number of another
// kind, see below). Decades
// ("1990s", 20世纪90年代) give one [Decade] value, the decade's first year,
// or its last two digits when the century is not written (90年代).
//
// # Approximate, vague, weak and marker numbers
//
// Approximate numbers keep their value and get the [Approx] flag: nearly 50,
// over a hundred, more than 30, 近50, 百余, 30多, 约300, 50人左右. Vague
// quantities give their order of magnitude with the [Vague] flag: dozens and
// 数十 = 10, hundreds of and 几百 and 上百 = 100, tens of thousands and
// 数以万计 = 10000. Both weigh less (see [Number.Weight]).
//
// [Weak] marks numbers that are often no quantity: English "one" and
// "first" alone (the pronoun uses "no one", "one of", "the one" are skipped
// outright), "both" (a weak 2, for 两国 = both countries), Chinese 一 alone
// (mostly an article: 一个 = "a"), bare 百/千/万/亿, and a lone digit after a
// common surname (王二, 张三); one after 小, 老 or 阿 (罗小四, 老三) is skipped. [Marker] marks list and paragraph markers: "1)", "(2)", "3."
// opening a sentence, （一）, 一、, 一是, ①. [Code] marks digits glued to a
// name (H1, G20, COVID-19). Weak, vague and marker numbers count in [Match]
// only when they find a partner, so a stray "one" or an unmatched list
// marker is no evidence against a pair.
//
// Chinese words in which a numeral is not a quantity (一起, 一些, 统一,
// 进一步, 之一, 万一, 一带一路, 千万, 百姓, 十分, 四川, 九龙, 万州…) are
// skipped by a small stop list: a spurious number hurts matching more than a
// missed one.
//
// # Matching
//
// [Number.Matches] decides whether two numbers can be the same: equal values
// (to a relative 1e-9) and compatible kinds. Cardinal, Ordinal, Year and Day
// form one group (二十大 = the 20th; 30周年 = the 30th anniversary; "and 23rd"
// = 23日); a Month also matches an Ordinal ("the second month" = 二月);
// Percent, Fraction, Weekday and Decade match only themselves; markers only
// markers. [Match] pairs numbers greedily, same kinds first, and sums the
// weights of the matched numbers against the total.
//
// # Known gaps
//
// Two-digit English years ('91), Chinese 半 and English "and a half", times
// of day (read as plain numbers), financial numerals (壹贰叁), lunar dates
// (初一), ranges read as approximations (三四天 is skipped), "fifty-odd" and
// "or so" are not read. Numerals inside names are caught only in the cases
// above (Wang Er / 王二 is weak; 雅八 in a transliteration is a plain 8).
package numex
