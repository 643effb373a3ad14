// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhenalign/zhenalign/internal/devdata"
)

// benchTrad and benchSimp are a short news text in traditional and
// simplified characters, with some ASCII.
const (
	benchTrad = "為深入貫徹落實中白兩國元首達成的系列共識，促進重慶與白俄羅斯在經貿、投資等領域合作，深化中白地方合作。" +
		"2022年11月15日，由重慶市政府外辦和白俄羅斯駐重慶總領事館聯合主辦的中國（重慶）—白俄羅斯經貿投資論壇以線上形式成功舉行。" +
		"論壇由重慶市政府外辦主任王雯和白俄羅斯駐重慶總領事葉梅利亞諾夫共同主持。他的頭髮乾淨，後來發展得很好。"
	benchSimp = "为深入贯彻落实中白两国元首达成的系列共识，促进重庆与白俄罗斯在经贸、投资等领域合作，深化中白地方合作。" +
		"2022年11月15日，由重庆市政府外办和白俄罗斯驻重庆总领事馆联合主办的中国（重庆）—白俄罗斯经贸投资论坛以线上形式成功举行。" +
		"论坛由重庆市政府外办主任王雯和白俄罗斯驻重庆总领事叶梅利亚诺夫共同主持。他的头发干净，后来发展得很好。"
	benchASCII = "The China (Chongqing) - Belarus Economic, Trade, and Investment Forum was held successfully online on November 15th, 2022."
)

func benchConvert(b *testing.B, conv func() (*Converter, error), text string) {
	c, err := conv()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c.Convert(text)
	}
}

func BenchmarkConvert(b *testing.B) {
	b.Run("T2S/trad", func(b *testing.B) { benchConvert(b, T2S, strings.Repeat(benchTrad, 20)) })
	b.Run("T2S/simp", func(b *testing.B) { benchConvert(b, T2S, strings.Repeat(benchSimp, 20)) })
	b.Run("T2S/ascii", func(b *testing.B) { benchConvert(b, T2S, strings.Repeat(benchASCII, 20)) })
	b.Run("S2T/simp", func(b *testing.B) { benchConvert(b, S2T, strings.Repeat(benchSimp, 20)) })
	b.Run("S2T/trad", func(b *testing.B) { benchConvert(b, S2T, strings.Repeat(benchTrad, 20)) })
	b.Run("S2T/ascii", func(b *testing.B) { benchConvert(b, S2T, strings.Repeat(benchASCII, 20)) })
}

// BenchmarkBible converts a 2.8 MB simplified text, and its traditional
// conversion, whole. It is skipped without ../shared/data.
func BenchmarkBible(b *testing.B) {
	dir := devdata.Dir("bible")
	if dir == "" {
		b.Skip("../shared/data not present")
	}
	data, err := os.ReadFile(filepath.Join(dir, "zh", "006"))
	if err != nil {
		b.Skipf("no large text: %v", err)
	}
	simp := string(data)
	s2t, err := S2T()
	if err != nil {
		b.Fatal(err)
	}
	trad := s2t.Convert(simp)
	b.Run("T2S/trad", func(b *testing.B) { benchConvert(b, T2S, trad) })
	b.Run("T2S/simp", func(b *testing.B) { benchConvert(b, T2S, simp) })
	b.Run("S2T/simp", func(b *testing.B) { benchConvert(b, S2T, simp) })
	b.Run("S2T/trad", func(b *testing.B) { benchConvert(b, S2T, trad) })
	b.Run("Classify/simp", func(b *testing.B) {
		b.SetBytes(int64(len(simp)))
		b.ReportAllocs()
		for range b.N {
			Classify(simp)
		}
	})
}

func BenchmarkClassify(b *testing.B) {
	text := strings.Repeat(benchTrad, 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for range b.N {
		Classify(text)
	}
}

// BenchmarkLoad measures building a converter from the embedded data:
// decompressing, parsing and building the trie.
func BenchmarkLoad(b *testing.B) {
	for _, tc := range []struct {
		name, data string
		size       int
	}{{t2sName, t2sData, t2sSize}, {s2tName, s2tData, s2tSize}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(tc.size))
			b.ReportAllocs()
			for range b.N {
				if _, err := load(tc.name, tc.data, tc.size); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
