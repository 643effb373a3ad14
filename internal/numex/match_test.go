package numex_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/numex"
)

func TestMatchPairs(t *testing.T) {
	tests := []struct {
		desc   string
		en, zh string
	}{
		{"full date", "On November 15th, 2022, the forum was held.", "2022年11月15日，论坛举行。"},
		{"partial date", "On November 4, they met.", "11月4日，双方会见。"},
		{"numeral date", "21 June 1989", "一九八九年六月二十一日"},
		{"date with weekday", "Wednesday, 21 June 1989", "一九八九年六月二十一日星期三"},
		{"iso date", "2023-03-11 08:53", "2023年3月11日 8:53"},
		{"nearly 50", "Nearly 50 business representatives attended.", "近50家企业代表出席。"},
		{"about 50", "representatives from about 50 Belarusian enterprises", "白俄罗斯约50家企业代表"},
		{"400,000 masks", "Donating 400,000 Masks to Nepal", "向尼泊尔捐赠40万只口罩"},
		{"over a hundred", "over a hundred CPC members", "百余名党员"},
		{"arbor day", "the 44th Chinese Arbor Day", "第44个植树节"},
		{"percent", "an increase of 15%", "增长百分之十五"},
		{"full-width percent", "84.6 per cent", "84.6％"},
		{"billions", "worth 1.2 billion yuan", "价值12亿元"},
		{"hundred billion", "worth over RMB100 billion", "千亿级支柱产业"},
		{"congress", "the 20th CPC National Congress", "党的二十大"},
		{"glued ordinal", "the 20thCPC National Congress", "党的二十大"},
		{"anniversary", "the 30th anniversary", "建交30周年"},
		{"year range", "for 2020 to 2022", "2020年至2022年行动计划"},
		{"fraction", "one third by the executive heads", "三分之一由行政首长们选出"},
		{"decade", "in the 1990s", "20世纪90年代"},
		{"decade without century", "in the 1990s", "在90年代"},
		{"kjv ages", "nine hundred and thirty years", "九百三十岁"},
		{"kjv month and day", "in the second month, the seventeenth day of the month", "二月十七日"},
		{"kjv ordinal day", "the seventh day", "第七日"},
		{"dozens", "tens of thousands of people", "数以万计的人"},
		{"markers", "1) Belarusian officials; 2) principals", "一是白俄罗斯官员；二是校长"},
		{"weak sides ignored", "One sign of this is that 2022 was busy.", "2022年是忙碌的一年。"},
		{"traditional", "20,000 and 300 million", "兩萬和三億"},
		{"full-width", "in ２０２２", "2022年"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			en, zh := numex.English(tc.en), numex.Chinese(tc.zh)
			require.NotEmpty(t, en)
			require.NotEmpty(t, zh)
			m, total := numex.Match(en, zh)
			assert.Greater(t, total, 0.0)
			assert.InDelta(t, total, m, 1e-9, "en %v\nzh %v", en, zh)
			assert.InDelta(t, 1.0, numex.Similarity(en, zh), 1e-9)
		})
	}
}

func TestMatchMismatches(t *testing.T) {
	tests := []struct {
		desc   string
		en, zh string
		max    float64 // highest acceptable similarity
	}{
		{"other day", "On November 15th, 2022", "2021年11月16日", 0.3},
		{"other month", "in November", "十月", 0},
		{"percent is not a count", "15%", "十五个", 0},
		{"other scale", "400,000 masks", "4万只口罩", 0},
		{"other weekday", "Wednesday", "星期四", 0},
		{"other decade", "the 1980s", "90年代", 0},
		{"other fraction", "one third", "三分之二", 0},
		{"marker is not a count", "1) Belarusian officials", "1名官员", 0},
		{"different numbers", "Nearly 80 personnel", "近50家企业", 0},
		{"year vs count", "in 2022", "2021名", 0},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			en, zh := numex.English(tc.en), numex.Chinese(tc.zh)
			require.NotEmpty(t, en)
			require.NotEmpty(t, zh)
			assert.LessOrEqual(t, numex.Similarity(en, zh), tc.max, "en %v\nzh %v", en, zh)
		})
	}
}

func TestMatchNeutral(t *testing.T) {
	// Nothing that counts on either side: total is 0.
	m, total := numex.Match(numex.English("no one came, and one of them left"), numex.Chinese("一个人"))
	assert.Zero(t, m)
	assert.Zero(t, total)
	assert.Zero(t, numex.Similarity(nil, nil))

	// A weak number counts only when matched.
	m, total = numex.Match(numex.English("One sign"), numex.Chinese("一个"))
	assert.InDelta(t, 0.2, m, 1e-9)
	assert.InDelta(t, 0.2, total, 1e-9)
}

func TestMatchPrefersSameKind(t *testing.T) {
	// The Day 4 must pair with the Day 4, not with the cardinal 4, leaving
	// the cardinal for the cardinal.
	a := []numex.Number{{Value: 4, Kind: numex.Cardinal}, {Value: 4, Kind: numex.Day}}
	b := []numex.Number{{Value: 4, Kind: numex.Day}, {Value: 4, Kind: numex.Cardinal}}
	m, total := numex.Match(a, b)
	assert.InDelta(t, total, m, 1e-9)
}

func TestMatchLarge(t *testing.T) {
	// More than 64 numbers on a side takes the slow path.
	var a, b []numex.Number
	for i := range 100 {
		a = append(a, numex.Number{Value: float64(i), Kind: numex.Cardinal})
		b = append(b, numex.Number{Value: float64(99 - i), Kind: numex.Cardinal})
	}
	m, total := numex.Match(a, b)
	assert.InDelta(t, total, m, 1e-9)
}

func TestMatchesSymmetric(t *testing.T) {
	ns := append(numex.English("On November 15th, 2022, 15% of 1990s one third No. 2 1) Wednesday"),
		numex.Chinese("2022年11月15日，百分之十五，90年代，三分之一，第二，一是，星期三，二月")...)
	for _, a := range ns {
		for _, b := range ns {
			assert.Equal(t, a.Matches(b), b.Matches(a), "%v vs %v", a, b)
		}
		assert.True(t, a.Matches(a), "%v", a)
	}
}

func TestMatchAllocs(t *testing.T) {
	en := numex.English("On November 15th, 2022, nearly 50 business representatives and 400,000 masks")
	zh := numex.Chinese("2022年11月15日，近50家企业代表，40万只口罩")
	allocs := testing.AllocsPerRun(100, func() { numex.Match(en, zh) })
	assert.Zero(t, allocs)
}
