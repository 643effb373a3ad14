package input_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/input"
)

// pairs aligns texts and returns the sentence pairs as "EN | ZH" lines,
// white space runs collapsed to one space: HTML collapses white space by
// definition, so the extracted text may differ from the seed there.
func pairs(t *testing.T, al *align.Aligner, texts ...string) []string {
	t.Helper()
	res, err := al.AlignTexts(texts...)
	require.NoError(t, err)
	var out []string
	for p := range res.Pairs(align.Sentences) {
		out = append(out, strings.Join(strings.Fields(p.EN), " ")+" | "+strings.Join(strings.Fields(p.ZH), " "))
	}
	return out
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// TestSeedFormatsAlignAlike checks that the seed pages given as HTML
// (with site furniture), DOCX, ODT, EPUB, GB18030, UTF-16 and Big5 align to
// the same sentence pairs as their UTF-8 text.
func TestSeedFormatsAlignAlike(t *testing.T) {
	al := align.New()
	for _, id := range []string{"000", "001", "004"} {
		seeds, err := filepath.Glob("../testdata/seeds/" + id + "_*.txt")
		require.NoError(t, err)
		require.Len(t, seeds, 1)
		want := pairs(t, al, string(read(t, seeds[0])))
		require.NotEmpty(t, want)
		for _, form := range []string{"html", "docx", "odt", "epub", "gb18030.txt", "utf16le.txt", "utf16be.txt", "big5.txt", "gb18030.html"} {
			name := filepath.Join("testdata", "seeds", id+"."+form)
			if _, err := os.Stat(name); err != nil {
				continue
			}
			t.Run(id+"."+form, func(t *testing.T) {
				txt, err := input.ReadFile(name)
				require.NoError(t, err)
				expect := want
				if form == "big5.txt" {
					// Compare with what Big5 can hold: glibc's reading
					// of the same file (for seed 000, the seed itself).
					expect = pairs(t, al, string(read(t, filepath.Join("testdata", "seeds", id+".big5.utf8.txt"))))
				}
				assert.Equal(t, expect, pairs(t, al, string(txt.Data)))
			})
		}
	}
}

// TestSubtitlesAlignLikePresplit checks that the subtitle pair aligns like
// the same lines given presplit, in SRT and in WebVTT.
func TestSubtitlesAlignLikePresplit(t *testing.T) {
	al := align.New(align.WithPresplit())
	want := pairs(t, al, string(read(t, "testdata/subs/film.en.txt")), string(read(t, "testdata/subs/film.zh.txt")))
	require.Len(t, want, 8, "9 English cues, 8 Chinese: one 2-1 link")
	for _, ext := range []string{"srt", "vtt"} {
		t.Run(ext, func(t *testing.T) {
			en, err := input.ReadFile("testdata/subs/film.en." + ext)
			require.NoError(t, err)
			zh, err := input.ReadFile("testdata/subs/film.zh." + ext)
			require.NoError(t, err)
			require.True(t, en.Presplit && zh.Presplit)
			assert.Equal(t, want, pairs(t, al, string(en.Data), string(zh.Data)))
		})
	}
	// The times of a link are those of its cues: the 2-1 link joins two
	// English cues and spans the time of the one Chinese cue.
	en, err := input.ReadFile("testdata/subs/film.en.srt")
	require.NoError(t, err)
	zh, err := input.ReadFile("testdata/subs/film.zh.srt")
	require.NoError(t, err)
	res, err := al.AlignTexts(string(en.Data), string(zh.Data))
	require.NoError(t, err)
	found := false
	for _, l := range res.Sentences {
		if len(l.Src) == 2 && len(l.Tgt) == 1 {
			found = true
			span := input.Cue{Start: en.Cues[l.Src[0]].Start, End: en.Cues[l.Src[1]].End}
			assert.Equal(t, zh.Cues[l.Tgt[0]], span)
			assert.Equal(t, "00:00:06.400 --> 00:00:12.800", span.String())
		}
	}
	assert.True(t, found, "a 2-1 link")
}

// TestPipelineReadsFormats aligns the raw bytes of each form of seed 001
// with align.AlignSources, the path the command-line tool and batch take,
// and compares the pairs with the UTF-8 text's.
func TestPipelineReadsFormats(t *testing.T) {
	al := align.New()
	seeds, err := filepath.Glob("../testdata/seeds/001_*.txt")
	require.NoError(t, err)
	require.Len(t, seeds, 1)
	want := sourcePairs(t, al, align.Source{Name: seeds[0], Data: read(t, seeds[0])})
	require.Greater(t, len(want), 50)
	for _, form := range []string{"html", "docx", "odt", "epub", "gb18030.txt", "utf16le.txt", "utf16be.txt"} {
		t.Run(form, func(t *testing.T) {
			name := filepath.Join("testdata", "seeds", "001."+form)
			assert.Equal(t, want, sourcePairs(t, al, align.Source{Name: name, Data: read(t, name)}))
		})
	}
	// Subtitles: cues are sentences, and the pairs carry their times.
	res, err := al.AlignSources(align.Source{Name: "film.en.srt", Data: read(t, "testdata/subs/film.en.srt")},
		align.Source{Name: "film.zh.gb18030.srt", Data: read(t, "testdata/subs/film.zh.gb18030.srt")})
	require.NoError(t, err)
	assert.Equal(t, input.SRT, res.Tgt.Format)
	assert.Equal(t, "GB18030", res.Tgt.Encoding)
	assert.Nil(t, res.Paragraphs, "no paragraph pass over cues")
	n := 0
	for p := range res.Pairs(align.Sentences) {
		require.NotNil(t, p.ENTime)
		require.NotNil(t, p.ZHTime)
		if len(p.ENIDs) == 2 {
			assert.Equal(t, "00:00:06.400 --> 00:00:12.800", p.ENTime.String())
		}
		n++
	}
	assert.Equal(t, 8, n)
}

// sourcePairs aligns srcs with AlignSources and returns the sentence
// pairs with two sides, white space collapsed.
func sourcePairs(t *testing.T, al *align.Aligner, srcs ...align.Source) [][2]string {
	t.Helper()
	res, err := al.AlignSources(srcs...)
	require.NoError(t, err)
	var out [][2]string
	for p := range res.Pairs(align.Sentences) {
		if p.EN != "" && p.ZH != "" {
			out = append(out, [2]string{strings.Join(strings.Fields(p.EN), " "), strings.Join(strings.Fields(p.ZH), "")})
		}
	}
	return out
}

// TestBilingualSubtitles checks that a subtitle file whose cues each hold a
// Chinese line and its English translation aligns cue with cue, as one
// mixed document.
func TestBilingualSubtitles(t *testing.T) {
	txt, err := input.ReadFile("testdata/subs/bilingual.srt")
	require.NoError(t, err)
	require.Len(t, txt.Cues, 8, "a line per language and cue")
	assert.Equal(t, txt.Cues[0], txt.Cues[1])
	res, err := align.New().AlignSources(align.Source{Name: "bilingual.srt", Data: read(t, "testdata/subs/bilingual.srt")})
	require.NoError(t, err)
	var got []string
	for p := range res.Pairs(align.Sentences) {
		require.NotNil(t, p.ENTime)
		assert.Equal(t, *p.ENTime, *p.ZHTime, "a cue's two lines share its times")
		got = append(got, p.EN+" | "+p.ZH)
	}
	assert.Equal(t, []string{
		"Chongqing, 1943. | 重庆，1943年。",
		"Where are you going? | 你要去哪儿？",
		"To the river. | 去江边。",
		"The fog is too thick tonight. The boats will not sail until the morning. | 今晚雾太大，船要到早上才会开。",
	}, got)
}
