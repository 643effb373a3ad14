package numex_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/numex"
)

// checkInvariants asserts what holds for any input: spans inside s, in
// order, not overlapping, on rune boundaries when s is valid UTF-8; values
// finite and non-negative, in range for date kinds; a side matches itself
// fully; the Append form agrees with the plain one.
func checkInvariants(t *testing.T, s string, ns []numex.Number, appendFn func([]numex.Number, string) []numex.Number) {
	t.Helper()
	prevEnd := 0
	valid := utf8.ValidString(s)
	for _, n := range ns {
		require.GreaterOrEqual(t, n.Start, prevEnd, "overlap or disorder in %v", ns)
		require.Less(t, n.Start, n.End, "empty span %v", n)
		require.LessOrEqual(t, n.End, len(s))
		if valid {
			require.True(t, utf8.RuneStart(s[n.Start]), "start inside a rune: %v", n)
			require.True(t, n.End == len(s) || utf8.RuneStart(s[n.End]), "end inside a rune: %v", n)
		}
		prevEnd = n.End
		require.False(t, math.IsNaN(n.Value) || math.IsInf(n.Value, 0), "value %v", n)
		require.GreaterOrEqual(t, n.Value, 0.0, "negative %v", n)
		require.GreaterOrEqual(t, int(n.Kind), int(numex.Cardinal))
		require.LessOrEqual(t, int(n.Kind), int(numex.Decade))
		switch n.Kind {
		case numex.Month:
			require.True(t, n.Value >= 1 && n.Value <= 12, "%v", n)
		case numex.Day:
			require.True(t, n.Value >= 1 && n.Value <= 31, "%v", n)
		case numex.Weekday:
			require.True(t, n.Value >= 1 && n.Value <= 7, "%v", n)
		}
		w := n.Weight()
		require.True(t, w > 0 && w <= 1, "weight %v of %v", w, n)
	}
	m, total := numex.Match(ns, ns)
	assert.InDelta(t, total, m, 1e-9*math.Max(1, total), "self match of %v", ns)

	prefix := []numex.Number{{Value: 7, Kind: numex.Cardinal, Start: 0, End: 1}}
	got := appendFn(prefix, s)
	require.Len(t, got, len(ns)+1)
	if len(ns) > 0 {
		assert.Equal(t, ns, got[1:])
	}
}

func FuzzEnglish(f *testing.F) {
	for _, tc := range englishCases() {
		f.Add(tc.src)
	}
	for _, tc := range chineseCases() {
		f.Add(tc.src)
	}
	f.Add("1,000,0001 1,00 ,000 1. 2.3.4 No. No.x 0th 9999999999999999999999999 1e5 3.")
	f.Add("one hundred and and a a hundred thousand million billion trillion score dozen dozens of of")
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, numex.English(s), numex.AppendEnglish)
	})
}

func FuzzChinese(f *testing.F) {
	for _, tc := range chineseCases() {
		f.Add(tc.src)
	}
	for _, tc := range englishCases() {
		f.Add(tc.src)
	}
	f.Add("零零零零零零零零零零零零零零零零零零零零零一 九九九九九九九九九九九九九九九九九九九九九九九九年 万万亿亿 十十 百分之 分之 第 星期 周 点点 一点点")
	f.Add("一二三四五六七八九十百千万亿一二三四五六七八九十百千万亿")
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, numex.Chinese(s), numex.AppendChinese)
	})
}
