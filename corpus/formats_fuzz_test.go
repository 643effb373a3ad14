package corpus_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

// FuzzXLIFFRoundTrip writes a unit of any texts as XLIFF and reads it
// back: the texts come back cleaned of what XML does not allow, the unit is
// there exactly when both cleaned sides are non-empty, and writing what was
// read gives the same bytes.
func FuzzXLIFFRoundTrip(f *testing.F) {
	for _, u := range append(tmxTricky, tricky...) {
		f.Add(u.EN, u.ZH, u.Doc, u.Score)
	}
	f.Add("a\r\nb", "乙\r", "d&\"<>", 0.5)
	f.Fuzz(func(t *testing.T, en, zh, doc string, score float64) {
		u := corpus.Unit{EN: en, ZH: zh, Doc: doc, Score: score, ENIDs: []int{0}, ZHIDs: []int{0}}
		var buf bytes.Buffer
		w := corpus.NewXLIFFWriter(&buf, corpus.CreationDate(tmxDate))
		err := w.Write(u)
		if errors.Is(err, corpus.ErrScore) {
			return
		}
		require.NoError(t, err)
		require.NoError(t, w.Close())
		got, err := readAll(corpus.NewXLIFFReader(bytes.NewReader(buf.Bytes()), "f.xlf"))
		require.NoError(t, err, buf.String())
		if tmxClean(en) == "" || tmxClean(zh) == "" {
			assert.Empty(t, got)
			return
		}
		require.Len(t, got, 1)
		assert.Equal(t, tmxClean(en), got[0].EN)
		assert.Equal(t, tmxClean(zh), got[0].ZH)
		assert.Equal(t, tmxClean(doc), got[0].Doc)
		assert.Equal(t, buf.String(), string(writeXLIFF(t, got)))
	})
}

// FuzzXLIFFReader checks that no input makes the reader panic and that
// every error is a *ParseError.
func FuzzXLIFFReader(f *testing.F) {
	for _, s := range []string{string(writeXLIFF(f, tmxTricky)), "<xliff><file><body><trans-unit><source>a", "<tmx/>", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := readAll(corpus.NewXLIFFReader(bytes.NewReader(data), "f.xlf"))
		if err != nil {
			var pe *corpus.ParseError
			assert.ErrorAs(t, err, &pe)
		}
	})
}

// FuzzTSVRoundTrip writes a unit of any texts as TSV and reads it back:
// the texts come back as they were, whatever tabs, newlines and
// backslashes they hold.
func FuzzTSVRoundTrip(f *testing.F) {
	for _, u := range append(tmxTricky, tricky...) {
		f.Add(u.EN, u.ZH)
	}
	f.Add(`\t\\n`, "\\")
	f.Fuzz(func(t *testing.T, en, zh string) {
		if strings.TrimSpace(en+zh) == "" || strings.ContainsAny(en+zh, "\u2028\u2029\u0085\v\f") {
			// Blank units are not written; the line breaks of Unicode
			// other than \n and \r are not escaped.
			return
		}
		var buf bytes.Buffer
		write(t, corpus.NewTSVWriter(&buf), []corpus.Unit{{EN: en, ZH: zh, Score: 1}})
		got, err := readAll(corpus.NewTSVReader(bytes.NewReader(buf.Bytes()), "f.tsv"))
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, en, got[0].EN)
		assert.Equal(t, zh, got[0].ZH)
	})
}
