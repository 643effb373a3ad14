package corpus_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

// FuzzTMXReader checks that no input makes the reader panic, that every
// error is a *ParseError whose message gives a line that exists, and that
// the units read survive a write and a second read.
func FuzzTMXReader(f *testing.F) {
	good := tmxDoc(`<tu><prop type="x-AlignScore">0.5</prop><tuv xml:lang="en"><seg>a &amp; <hi>b</hi><ph>x</ph></seg></tuv><tuv lang="ZH-TW"><seg><![CDATA[乙]]></seg></tuv></tu>`)
	for _, seed := range []string{
		good,
		string(writeTMX(f, tmxTricky)),
		string(writeTMX(f, tmxTrickyRead, corpus.TMXChineseLang("zh-Hant"))),
		good[:len(good)/2],
		strings.Replace(good, "</seg>", "</tuv>", 1),
		strings.Replace(good, "0.5", "x", 1),
		strings.Replace(good, "&amp;", "&nbsp;", 1),
		"<?xml version=\"1.0\" encoding=\"latin1\"?>\n<tmx><body><tu><tuv lang=\"en\"><seg>\xe9</seg></tuv></tu></body></tmx>",
		"<?xml version=\"1.0\" encoding=\"EBCDIC\"?>\n<tmx/>",
		"\ufeff<tmx/>",
		string(tmxUTF16(good, binary.LittleEndian)),
		string(tmxUTF16(good, binary.BigEndian)[2:]),
		"<html></html>",
		"",
		"<tmx>\n<body>\n<tu a=b>",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var units []corpus.Unit
		tr := corpus.NewTMXReader(bytes.NewReader(data), "fuzz.tmx")
		for tr.Next() {
			units = append(units, tr.Unit())
		}
		if err := tr.Err(); err != nil {
			var pe *corpus.ParseError
			require.True(t, errors.As(err, &pe), "error %v is not a *ParseError", err)
			lines := bytes.Count(data, []byte{'\n'}) + 1
			require.True(t, pe.Line >= 1 && pe.Line <= lines, "line %d of %d lines", pe.Line, lines)
			require.Contains(t, err.Error(), "fuzz.tmx:"+strconv.Itoa(pe.Line)+":")
			require.Equal(t, "fuzz.tmx", pe.File)
		}
		assert.False(t, tr.Next(), "Next after the end")

		// Units with both sides written and read again are the same, scores
		// to 4 decimals.
		var both []corpus.Unit
		for _, u := range units {
			if u.EN != "" && u.ZH != "" {
				u.Score = tmxRound4(u.Score)
				both = append(both, u)
			}
		}
		out := writeTMX(t, both)
		again := readTMX(t, bytes.NewReader(out))
		require.Len(t, again, len(both))
		for i, u := range both {
			a := again[i]
			assert.Equal(t, u.EN, a.EN)
			assert.Equal(t, u.ZH, a.ZH)
			assert.Equal(t, u.Doc, a.Doc)
			assert.Equal(t, u.Script, a.Script)
			assert.Equal(t, strconv.FormatFloat(u.Score, 'f', 4, 64), strconv.FormatFloat(a.Score, 'f', 4, 64))
		}
	})
}
