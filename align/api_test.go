package align_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

// TestNilAndEmpty checks that no exported function or method panics on
// nil, empty or malformed input, and that each says what is wrong.
func TestNilAndEmpty(t *testing.T) {
	al := align.New(align.WithoutDictionary())
	var nilAligner *align.Aligner
	var zero align.Aligner
	var nilFile *os.File
	bad := &segment.Document{
		Paragraphs: []segment.Paragraph{{First: 0, Count: 5}},
		Sentences:  []segment.Sentence{{Lang: segment.English, Text: "One."}},
	}
	for _, tc := range []struct {
		desc string
		call func() (*align.Alignment, error)
		want error // nil: no error
	}{
		{"AlignMixed(nil)", func() (*align.Alignment, error) { return al.AlignMixed(nil) }, align.ErrNilDocument},
		{"AlignDocuments(nil, nil)", func() (*align.Alignment, error) { return al.AlignDocuments(nil, nil) }, align.ErrNilDocument},
		{"AlignDocuments(bad)", func() (*align.Alignment, error) { return al.AlignDocuments(bad, bad) }, align.ErrBadDocument},
		{"AlignMixed(bad)", func() (*align.Alignment, error) { return al.AlignMixed(bad) }, align.ErrBadDocument},
		{"AlignReaders(nil, nil)", func() (*align.Alignment, error) { return al.AlignReaders(nil, nil) }, nil},
		{"AlignReaders(nil *os.File)", func() (*align.Alignment, error) { return al.AlignReaders(nilFile) }, nil},
		{"AlignReaders()", func() (*align.Alignment, error) { return al.AlignReaders() }, align.ErrInputs},
		{"AlignTexts()", func() (*align.Alignment, error) { return al.AlignTexts() }, align.ErrInputs},
		{"AlignTexts(three)", func() (*align.Alignment, error) { return al.AlignTexts("a", "b", "c") }, align.ErrInputs},
		{`AlignTexts("", "")`, func() (*align.Alignment, error) { return al.AlignTexts("", "") }, align.ErrEmpty},
		{`AlignTexts(blank)`, func() (*align.Alignment, error) { return al.AlignTexts(" \n\t\n") }, align.ErrEmpty},
		{`AlignTexts(same language)`, func() (*align.Alignment, error) { return al.AlignTexts("One.", "Two.") }, align.ErrSameLanguage},
		{`AlignTexts(binary)`, func() (*align.Alignment, error) { return al.AlignTexts("a\x00b", "中文。") }, input.ErrFormat},
		{"presplit with one text", func() (*align.Alignment, error) {
			return al.With(align.WithPresplit()).AlignTexts("One.\n一。")
		}, align.ErrInputs},
		{"AlignSources(nil data)", func() (*align.Alignment, error) { return al.AlignSources(align.Source{Name: "a.txt"}) }, align.ErrEmpty},
		{"nil Aligner", func() (*align.Alignment, error) { return nilAligner.AlignTexts("Hello.\n你好。") }, nil},
		{"zero Aligner", func() (*align.Alignment, error) { return zero.AlignTexts("Hello.\n你好。") }, nil},
		{"nil option", func() (*align.Alignment, error) {
			return align.New(nil, align.WithoutDictionary()).With(nil).AlignTexts("Hello.\n你好。")
		}, nil},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var res *align.Alignment
			var err error
			require.NotPanics(t, func() { res, err = tc.call() })
			switch {
			case strings.HasPrefix(tc.desc, "AlignReaders(nil"):
				require.Error(t, err)
				assert.Contains(t, err.Error(), "nil reader")
			case tc.want != nil:
				assert.ErrorIs(t, err, tc.want)
				assert.Nil(t, res)
			default:
				require.NoError(t, err)
				assert.NotEmpty(t, res.Sentences)
			}
		})
	}
	assert.NotPanics(t, func() {
		var a *align.Alignment
		for range a.Pairs(align.Sentences) {
			t.Error("a nil Alignment has no pairs")
		}
		links, err := nilAligner.Align(nil, nil)
		assert.NoError(t, err)
		assert.Empty(t, links)
		assert.Equal(t, "", align.Text(nil, []int{3, -1}))
		var d *align.Dictionary
		var g *align.Glossary
		assert.Zero(t, d.Len())
		assert.Zero(t, g.Len())
		_, err = align.LoadDictionary(nil, "x")
		assert.Error(t, err)
		_, err = align.ReadGlossary(nil, "x")
		assert.Error(t, err)
	})
}

// TestAlignSourcesNames checks that errors name the inputs, by their
// Name, their file (AlignReaders of an *os.File) or their position.
func TestAlignSourcesNames(t *testing.T) {
	al := align.New(align.WithoutDictionary())
	_, err := al.AlignSources(align.Source{Name: "en.txt", Data: []byte("One.")}, align.Source{Name: "zh.txt"})
	assert.EqualError(t, err, "zh.txt: align: no text to align (the file is empty or blank)")
	_, err = al.AlignTexts("One.", "")
	assert.EqualError(t, err, "text 2: align: no text to align (the file is empty or blank)")
	dir := t.TempDir()
	p := dir + "/empty.txt"
	require.NoError(t, os.WriteFile(p, nil, 0o644))
	f, err := os.Open(p)
	require.NoError(t, err)
	defer f.Close()
	_, err = al.AlignReaders(strings.NewReader("One."), f)
	assert.EqualError(t, err, p+": align: no text to align (the file is empty or blank)")
	_, err = al.AlignReaders(strings.NewReader("One."), iotestErr{})
	assert.EqualError(t, err, "align: reading text 2: boom")
}

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errors.New("boom") }

var _ io.Reader = iotestErr{}

// TestWarnings checks that invalid UTF-8 inside good text is reported in
// the result, once per input, with its count and first offset.
func TestWarnings(t *testing.T) {
	res, err := align.New(align.WithoutDictionary()).AlignSources(
		align.Source{Name: "en.txt", Data: []byte("Wang Wen chaired\xff the forum.")},
		align.Source{Name: "zh.txt", Data: []byte("王雯主持论坛。")})
	require.NoError(t, err)
	require.Len(t, res.Warnings, 1)
	assert.ErrorIs(t, res.Warnings[0], align.ErrInvalidUTF8)
	assert.EqualError(t, res.Warnings[0], "en.txt: segment: invalid UTF-8: 1 byte replaced by U+FFFD, the first at offset 16")
}

// TestOneLanguage checks that a mixed document in one language aligns as
// omissions, with a warning naming it.
func TestOneLanguage(t *testing.T) {
	al := align.New(align.WithoutDictionary())
	for _, text := range []string{"Only English here. Two sentences.", "只有中文。两句。"} {
		res, err := al.AlignSources(align.Source{Name: "page.txt", Data: []byte(text)})
		require.NoError(t, err)
		require.Len(t, res.Warnings, 1)
		assert.ErrorIs(t, res.Warnings[0], align.ErrOneLanguage)
		assert.Contains(t, res.Warnings[0].Error(), "page.txt: ")
		require.Len(t, res.Sentences, 2)
		for _, l := range res.Sentences {
			assert.True(t, len(l.Src) == 0 || len(l.Tgt) == 0, "an omission")
		}
	}
}

// FuzzPublicAPI feeds arbitrary bytes to the entry points that take raw
// text, and checks that they never panic, that an error is one of the
// documented kinds, and that every sentence of a result is in exactly one
// link.
func FuzzPublicAPI(f *testing.F) {
	f.Add([]byte("Hello.\n你好。"), []byte(nil), uint8(0))
	f.Add([]byte("One.\n\nTwo."), []byte("一。\n\n二。"), uint8(1))
	f.Add([]byte("\xff\xfe"), []byte("中"), uint8(2))
	f.Add([]byte(""), []byte(""), uint8(3))
	f.Fuzz(func(t *testing.T, a, b []byte, mode uint8) {
		opts := []align.Option{align.WithoutDictionary(), align.WithMaxCells(16 + int(mode))}
		srcs := []align.Source{{Name: "a", Data: a}}
		if mode%2 == 1 {
			srcs = append(srcs, align.Source{Name: "b", Data: b})
			if mode%4 == 3 {
				opts = append(opts, align.WithPresplit())
			}
		}
		res, err := align.New(opts...).AlignSources(srcs...)
		if err != nil {
			known := []error{align.ErrEmpty, align.ErrSameLanguage, align.ErrNoLanguage, segment.ErrBinary, segment.ErrEncoding,
				input.ErrFormat, input.ErrEncoding, input.ErrMalformed, input.ErrPDF, input.ErrTooLarge}
			ok := false
			for _, k := range known {
				ok = ok || errors.Is(err, k)
			}
			require.True(t, ok, "undocumented error: %v", err)
			require.Nil(t, res)
			return
		}
		checkLinks(t, res.Sentences, len(res.Src.Sentences), len(res.Tgt.Sentences))
		for range res.Pairs(align.Paragraphs) {
		}
	})
}

// TestMoreNilAndEmpty covers what a review found after the first round:
// a zero Dictionary, a typed nil reader, empty documents, a one-language
// document given to AlignMixed, text in neither language.
func TestMoreNilAndEmpty(t *testing.T) {
	en, zh := "Wang Wen chaired the forum.", "王雯主持论坛。"
	res, err := align.New(align.WithDictionary(&align.Dictionary{})).AlignTexts(en, zh)
	require.NoError(t, err, "a zero Dictionary is an empty one")
	assert.Len(t, res.Sentences, 1)

	var buf *bytes.Buffer
	_, err = align.New().AlignReaders(buf, strings.NewReader(zh))
	assert.ErrorIs(t, err, align.ErrNilReader)
	assert.EqualError(t, err, "text 1: align: nil reader")

	_, err = align.New().AlignDocuments(&segment.Document{}, &segment.Document{})
	assert.ErrorIs(t, err, align.ErrEmpty)

	doc, err := segment.Parse([]byte("Only English here. Two sentences."))
	require.NoError(t, err)
	res, err = align.New(align.WithoutDictionary()).AlignMixed(doc)
	require.NoError(t, err)
	require.Len(t, res.Warnings, 1)
	assert.ErrorIs(t, res.Warnings[0], align.ErrOneLanguage)

	res, err = align.New(align.WithoutDictionary()).AlignTexts("2023\n2024-01-05\n")
	require.NoError(t, err)
	require.Len(t, res.Warnings, 1)
	assert.Contains(t, res.Warnings[0].Error(), "no English or Chinese text")
	_, err = align.New(align.WithoutDictionary()).AlignTexts(en, "2023\n2024-01-05\n")
	assert.ErrorIs(t, err, align.ErrNoLanguage)
	assert.Contains(t, err.Error(), "second side")
}

// TestMostlyOmissions checks that a long alignment of texts that do not
// translate each other comes with a warning, and a good one without.
func TestMostlyOmissions(t *testing.T) {
	// 60 English sentences against 5 Chinese ones: 55 at least are
	// omissions.
	var en, zh []string
	for i := range 60 {
		en = append(en, fmt.Sprintf("The committee met on day %d and discussed the budget of the province.", i+1))
	}
	for i := range 5 {
		zh = append(zh, fmt.Sprintf("委员会在第%d天开会讨论了省预算。", i+1))
	}
	al := align.New(align.WithPresplit(), align.WithoutDictionary())
	res, err := al.AlignTexts(strings.Join(en, "\n"), strings.Join(zh, "\n"))
	require.NoError(t, err)
	found := false
	for _, w := range res.Warnings {
		found = found || errors.Is(w, align.ErrMostlyOmissions)
	}
	assert.True(t, found, "warnings: %v", res.Warnings)

	data, err := os.ReadFile("../testdata/seeds/001_04ade73db5640df0.txt")
	require.NoError(t, err)
	res, err = align.New().AlignSources(align.Source{Name: "001", Data: data})
	require.NoError(t, err)
	for _, w := range res.Warnings {
		assert.NotErrorIs(t, w, align.ErrMostlyOmissions)
	}
}
