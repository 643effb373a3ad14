package align

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/cedict"
	"github.com/zhenalign/zhenalign/internal/english"
)

func TestLexicon(t *testing.T) {
	d, err := DefaultDictionary()
	require.NoError(t, err)
	lx := newLexicon(d)
	assert.Contains(t, lx.translations("经济"), english.Stem("economic"))
	assert.Contains(t, lx.translations("论坛"), "forum")
	assert.NotContains(t, lx.translations("的"), "of", "stop words are left out")
	var words []string
	items := lx.chineseWords("促进重庆与白俄罗斯在经贸、投资等领域合作", nil, &words)
	assert.Contains(t, words, "白俄罗斯")
	assert.NotEmpty(t, items)
	var stems []string
	lx.englishWords("Economic cooperation was promoted in the fields of trade and investment.", nil, &stems)
	assert.Equal(t, []string{"economic", "cooperation", "promot", "field", "trad", "investment"}, stems)
}

func TestLoadDictionary(t *testing.T) {
	src := "# a tiny dictionary\n重慶 重庆 [Chong2 qing4] /Chongqing, city in Sichuan/\n論壇 论坛 [lun4 tan2] /forum/\n"
	d, err := LoadDictionary(strings.NewReader(src), "tiny.u8")
	require.NoError(t, err)
	assert.Equal(t, 2, d.Len())
	lx := newLexicon(d)
	assert.Equal(t, []string{"forum"}, lx.translations("论坛"))

	_, err = LoadDictionary(strings.NewReader("論壇 论坛 [lun4 tan2] /forum/\nnot a line\n"), "bad.u8")
	var pe *cedict.ParseError
	require.True(t, errors.As(err, &pe), "got %v", err)
	assert.Equal(t, 2, pe.Line)
}

func TestReadGlossary(t *testing.T) {
	g, err := ReadGlossary(strings.NewReader("# terms\n\nForeign Affairs Office\t外辦\n重慶\tChongqing\nCOVID-19\t新冠肺炎\n"), "g.tsv")
	require.NoError(t, err)
	assert.Equal(t, 3, g.Len())
	en := g.english("The Foreign Affairs Office of Chongqing fought COVID-19.", nil)
	zh := g.chinese("重庆市政府外办抗击新冠肺炎", nil)
	keys := func(items []rawItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.keys...)
		}
		return out
	}
	assert.Equal(t, []string{"g:0", "g:1", "g:2"}, keys(en))
	assert.ElementsMatch(t, []string{"g:0", "g:1", "g:2"}, keys(zh), "traditional terms match simplified text")

	for _, tc := range []struct {
		desc, src string
		line      int
		err       error
	}{
		{"no tab", "ok\t好\nno tab here\n", 2, ErrGlossaryLine},
		{"three columns", "a\tb\tc\n", 1, ErrGlossaryLine},
		{"empty side", "\n\nterm\t \n", 3, ErrGlossarySide},
		{"no chinese", "a\tb\n", 1, ErrGlossaryLine},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := ReadGlossary(strings.NewReader(tc.src), "bad.tsv")
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "got %v", err)
			assert.Equal(t, "bad.tsv", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.err)
		})
	}
}

// TestLearn checks that word pairs seen together in confident links are
// learned, and that pairs the dictionary has are not.
func TestLearn(t *testing.T) {
	d, err := DefaultDictionary()
	require.NoError(t, err)
	al := New()
	lx := newLexicon(d)
	rz := []rawUnit{{words: []string{"韦小宝", "论坛"}}, {words: []string{"韦小宝", "走"}}, {words: []string{"韦小宝"}}}
	re := []rawUnit{{words: []string{"trinket", "forum"}}, {words: []string{"trinket", "walk"}}, {words: []string{"trinket"}}}
	beads := []bead{{0, 1, 0, 1, 0.99}, {1, 2, 1, 2, 0.95}, {2, 3, 2, 3, 0.9}}
	learned := al.learn(rz, re, beads, lx)
	assert.Equal(t, []string{"trinket"}, learned["韦小宝"])
	assert.NotContains(t, learned["论坛"], "forum", "the dictionary has it")
}
