package align_test

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
)

// TestRepeatedText aligns the seed pages joined, then the same text
// repeated k times, with a search budget small enough that the paragraph
// pass goes coarse-to-fine: every copy must keep its pairs (boilerplate
// repeated on every page of a site dump looks like this).
func TestRepeatedText(t *testing.T) {
	one := align.SeedPages(t)
	// 20 copies hold some 2,200 English and 1,740 Chinese paragraphs: 3.8
	// million cells, far over the budget of 20,000 (140 blocks a side).
	// REPEAT_K and REPEAT_CELLS change the two for experiments.
	cells := 20000
	if v := os.Getenv("REPEAT_CELLS"); v != "" {
		cells, _ = strconv.Atoi(v)
	}
	al := align.New(align.WithMaxCells(cells), align.WithoutLearning())
	pairs := func(text string) int {
		res, err := al.AlignTexts(text)
		require.NoError(t, err)
		n := 0
		for p := range res.Pairs(align.Sentences) {
			if p.EN != "" && p.ZH != "" {
				n++
			}
		}
		return n
	}
	base := pairs(one)
	require.Greater(t, base, 100)
	k := 20
	if v := os.Getenv("REPEAT_K"); v != "" {
		k, _ = strconv.Atoi(v)
	}
	got := pairs(strings.Repeat(one+"\n\n", k))
	assert.GreaterOrEqual(t, float64(got), 0.9*float64(k*base), "pairs of %d copies, against %d for one", got, base)

}

var long = flag.Bool("long", false, "run the long tests (minutes): go test ./align -run Long -long")

// TestLongRepeatedText is TestRepeatedText at the size of the issue that
// found the coarse pass losing its way, with the default search budget:
// the seed pages repeated 100 times (8 MB, 22,000 paragraphs), and
// repeated as one line of 10 MB (a page without line breaks: its English
// and Chinese runs, some 8,000, are the paragraphs). Every copy keeps its
// pairs.
func TestLongRepeatedText(t *testing.T) {
	if !*long {
		t.Skip("a long test: go test ./align -run Long -long")
	}
	one := align.SeedPages(t)
	line := strings.Join(strings.Fields(one), " ")
	al := align.New()
	pairs := func(text string) int {
		res, err := al.AlignTexts(text)
		require.NoError(t, err)
		n := 0
		for p := range res.Pairs(align.Sentences) {
			if p.EN != "" && p.ZH != "" {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		name string
		unit string
		k    int
	}{{"lines", one + "\n\n", 100}, {"one line", line + " ", 10000000 / len(line)}} {
		t.Run(tc.name, func(t *testing.T) {
			base := pairs(tc.unit)
			got := pairs(strings.Repeat(tc.unit, tc.k))
			assert.GreaterOrEqual(t, float64(got), 0.9*float64(tc.k*base), "pairs of %d copies: %d, against %d for one", tc.k, got, base)
		})
	}
}

// TestRepeatedShortPairs aligns short pairs that repeat (boilerplate):
// "Thank you." / "谢谢。" after each of ten other pairs, or one pair eight
// times, in one mixed text and as two texts. Repeated, they look to the
// paragraph pass, where omissions are likely, like paragraphs nobody
// translated, and it leaves both sides out; the sentence pass aligns such
// gaps again, linking sentences that share a word or a number. Every pair
// must be linked, each copy with its own.
func TestRepeatedShortPairs(t *testing.T) {
	others := [][2]string{
		{"The meeting starts at nine.", "会议九点开始。"},
		{"We planted 40 trees in the park.", "我们在公园里种了40棵树。"},
		{"Wang Wen attended the forum.", "王雯出席了论坛。"},
		{"The river flows east.", "河水向东流。"},
		{"Prices rose by 3 percent in May.", "五月物价上涨了3%。"},
		{"The library opens on Sunday.", "图书馆星期日开放。"},
		{"She bought two new bicycles.", "她买了两辆新自行车。"},
		{"The train leaves from platform 6.", "火车从6号站台出发。"},
		{"Our school has 1,200 students.", "我们学校有1200名学生。"},
		{"The bridge was built in 1957.", "这座桥建于1957年。"},
	}
	thanks := [2]string{"Thank you.", "谢谢。"}
	var interleaved, repeated [][2]string
	for _, p := range others {
		interleaved = append(interleaved, p, thanks)
	}
	for range 8 {
		repeated = append(repeated, others[0])
	}
	al := align.New()
	for _, tc := range []struct {
		name  string
		pairs [][2]string
	}{
		{"interleaved", interleaved},
		{"repeated", repeated},
	} {
		var mixed, en, zh strings.Builder
		for _, p := range tc.pairs {
			mixed.WriteString(p[0] + "\n" + p[1] + "\n")
			en.WriteString(p[0] + "\n")
			zh.WriteString(p[1] + "\n")
		}
		for _, texts := range [][]string{{mixed.String()}, {en.String(), zh.String()}} {
			res, err := al.AlignTexts(texts...)
			require.NoError(t, err, tc.name)
			var got [][2]string
			for p := range res.Pairs(align.Sentences) {
				got = append(got, [2]string{p.EN, p.ZH})
			}
			assert.Equal(t, tc.pairs, got, "%s, %d text(s)", tc.name, len(texts))
			assert.Empty(t, res.Warnings, "%s, %d text(s)", tc.name, len(texts))
			if len(texts) == 2 {
				// The paragraph links follow the sentence links.
				assert.Len(t, res.Paragraphs, len(tc.pairs), "%s: paragraph links", tc.name)
			}
		}
	}
}
