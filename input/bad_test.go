package input

import (
	"archive/zip"
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// makeZip returns a zip archive holding files (deflated; "mimetype"
// stored and first when present, as EPUB and ODT want).
func makeZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string, method uint16) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		require.NoError(t, err)
		_, err = w.Write([]byte(content))
		require.NoError(t, err)
	}
	if m, ok := files["mimetype"]; ok {
		add("mimetype", m, zip.Store)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if name != "mimetype" {
			add(name, files[name], zip.Deflate)
		}
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

const (
	wDoc      = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`
	container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`
	opf       = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest><item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`
)

// odtSpaces is an ODT body whose text (64 spaces per element, then a
// letter) is several times the size of its XML.
var odtSpaces = `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>` +
	strings.Repeat(`<text:s text:c="1000"/>x`, 3000) + `</text:p></office:text></office:body></office:document-content>`

func docx(body string) string { return strings.Replace(wDoc, "%s", body, 1) }

// epub returns an EPUB whose one chapter is chapter.
func epub(t testing.TB, chapter string) []byte {
	return makeZip(t, map[string]string{
		"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": opf, "OEBPS/ch1.xhtml": chapter,
	})
}

func TestBadInput(t *testing.T) {
	good := makeZip(t, map[string]string{"word/document.xml": docx(`<w:p><w:r><w:t>Hi</w:t></w:r></w:p>`)})
	bomb := makeZip(t, map[string]string{"word/document.xml": docx(`<w:p><w:r><w:t>` + strings.Repeat("a", 4<<20) + `</w:t></w:r></w:p>`)})
	require.Less(t, len(bomb), 20<<10, "4 MiB of 'a' deflates to a few KiB")
	// A member whose recorded size lies: the bytes inflated count.
	lying := bytes.Clone(bomb)
	if i := bytes.Index(lying, []byte("word/document.xml")); i >= 0 {
		// Patch the uncompressed size in the local header and in the
		// central directory to 100 bytes.
		for _, off := range []int{i - 30 + 22, bytes.LastIndex(lying, []byte("word/document.xml")) - 46 + 24} {
			copy(lying[off:off+4], []byte{100, 0, 0, 0})
		}
	}
	chapter := `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>` + strings.Repeat("a", 600<<10) + `</p></body></html>`
	spread := makeZip(t, map[string]string{
		"mimetype": "application/epub+zip", "META-INF/container.xml": container,
		"OEBPS/content.opf": `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>` +
			`<item id="c1" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="ch2.xhtml" media-type="application/xhtml+xml"/>` +
			`<item id="c3" href="ch3.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/></spine></package>`,
		"OEBPS/ch1.xhtml": chapter, "OEBPS/ch2.xhtml": chapter, "OEBPS/ch3.xhtml": chapter,
	})
	xhtml := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>` + body + `</body></html>`
	}
	for _, tc := range []struct {
		desc string
		data []byte
		name string
		opts []Option
		want error
		says string
	}{
		{"corrupt zip", good[:len(good)/2], "report.docx", nil, ErrMalformed, "corrupt zip"},
		{"zip magic then garbage", []byte("PK\x03\x04garbage"), "x.docx", nil, ErrMalformed, "corrupt zip"},
		{"docx without document.xml", makeZip(t, map[string]string{"word/styles.xml": "<x/>"}), "report.docx", nil, ErrMalformed, "word/document.xml"},
		{"forced docx without document.xml", makeZip(t, map[string]string{"a.txt": "x"}), "a.zip", []Option{WithFormat(DOCX)}, ErrMalformed, "word/document.xml"},
		{"zip of other files", makeZip(t, map[string]string{"a.txt": "x"}), "a.zip", nil, ErrFormat, "zip archive"},
		{"docx not a zip", []byte("Hello"), "report.docx", nil, ErrMalformed, "not a zip"},
		{"zip bomb", bomb, "bomb.docx", []Option{WithMaxSize(1 << 20)}, ErrTooLarge, "zip bomb"},
		// archive/zip refuses to inflate past the recorded size.
		{"zip bomb with lying sizes", lying, "bomb.docx", []Option{WithMaxSize(1 << 20)}, ErrMalformed, "word/document.xml"},
		{"zip bomb across members", spread, "bomb.epub", []Option{WithMaxSize(1 << 20)}, ErrTooLarge, "limit of 1048576 bytes"},
		{"dtd in document.xml", makeZip(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + docx(`<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>`)[len(`<?xml version="1.0" encoding="UTF-8"?>`):]}), "xxe.docx", nil, ErrMalformed, "DTD"},
		{"plain doctype in document.xml", makeZip(t, map[string]string{"word/document.xml": `<!DOCTYPE w:document SYSTEM "http://example.com/x.dtd">` + docx(`<w:p/>`)[len(`<?xml version="1.0" encoding="UTF-8"?>`):]}), "x.docx", nil, ErrMalformed, "DTD"},
		{"undeclared entity", makeZip(t, map[string]string{"word/document.xml": docx(`<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>`)}), "x.docx", nil, ErrMalformed, "word/document.xml"},
		{"bad xml", makeZip(t, map[string]string{"word/document.xml": docx(`<w:p><w:r>`)}), "x.docx", nil, ErrMalformed, "word/document.xml"},
		{"docx with no text", makeZip(t, map[string]string{"word/document.xml": docx(`<w:p/>`)}), "empty.docx", nil, ErrNoText, "docx"},
		{"external entity in epub xhtml", epub(t, `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p></body></html>`), "book.epub", nil, ErrMalformed, "OEBPS/ch1.xhtml"},
		{"dtd in container.xml", makeZip(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": `<!DOCTYPE container [<!ENTITY a "b">]>` + container[len(`<?xml version="1.0"?>`):]}), "book.epub", nil, ErrMalformed, "META-INF/container.xml"},
		{"epub without container", makeZip(t, map[string]string{"mimetype": "application/epub+zip"}), "book.epub", nil, ErrMalformed, "container.xml"},
		{"epub missing chapter", makeZip(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container, "OEBPS/content.opf": opf}), "book.epub", nil, ErrMalformed, "ch1.xhtml"},
		{"epub href outside", makeZip(t, map[string]string{"mimetype": "application/epub+zip", "META-INF/container.xml": container, "OEBPS/content.opf": strings.Replace(opf, "ch1.xhtml", "file:///etc/passwd", 1)}), "book.epub", nil, ErrMalformed, "not inside the book"},
		{"epub with no text", epub(t, xhtml(`<nav><p>Contents</p></nav>`)), "book.epub", nil, ErrNoText, "epub"},
		{"odt without content", makeZip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), "a.odt", nil, ErrMalformed, "content.xml"},
		{"spreadsheet", makeZip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "a.ods", nil, ErrFormat, "spreadsheet"},
		{"xlsx", makeZip(t, map[string]string{"xl/workbook.xml": "<x/>"}), "a.xlsx", nil, ErrFormat, "Excel"},
		{"html with no text", []byte(`<html><head><title>T</title><script>var a = "text";</script></head><body><nav><a href="/">Home</a></nav><footer>© 2023</footer></body></html>`), "page.html", nil, ErrNoText, "html"},
		{"empty text", []byte(" \n\t\n"), "blank.txt", nil, ErrNoText, "empty or blank"},
		{"empty input", nil, "empty.txt", nil, ErrNoText, ""},
		{"srt with no text", []byte("1\n00:00:01,000 --> 00:00:02,000\n\n"), "a.srt", nil, ErrNoText, "cue"},
		{"srt timing line malformed", []byte("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:03,000 --> garbage\nBroken cue.\n"), "a.srt", nil, ErrMalformed, `line 6: "00:00:03,000 --> garbage" is not a cue timing line`},
		{"srt arrow malformed", []byte("1\n00:00:01,000 -> 00:00:02,000\nHello.\n"), "a.srt", nil, ErrMalformed, `line 2: "00:00:01,000 -> 00:00:02,000" is outside any cue`},
		{"srt cue without timing", []byte("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n3\nno timing line\n"), "a.srt", nil, ErrMalformed, `line 6: "no timing line" is outside any cue`},
		{"srt text after a blank line", []byte("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n"), "a.srt", nil, ErrMalformed, `line 5: "world" is outside any cue`},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "paper.pdf", nil, ErrPDF, "pdftotext -layout"},
		{"pdf without extension", []byte("%PDF-1.4\n"), "paper", nil, ErrPDF, "pdftotext"},
		{"pdf forced", nil, "x", []Option{WithFormat(Format(99))}, ErrFormat, ""},
		{"word 97", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), "old.doc", nil, ErrFormat, ".doc"},
		{"rtf", []byte(`{\rtf1\ansi Hello}`), "a.rtf", nil, ErrFormat, "RTF"},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00"), "a.out", nil, ErrFormat, "binary"},
		{"text growing past the limit", makeZip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": odtSpaces}), "spaces.odt", []Option{WithMaxSize(100 << 10)}, ErrTooLarge, "text is more than"},
		{"too large text", bytes.Repeat([]byte("a "), 1000), "a.txt", []Option{WithMaxSize(100)}, ErrTooLarge, ""},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			txt, err := Read(tc.data, tc.name, tc.opts...)
			require.Error(t, err)
			assert.Nil(t, txt, "no partial output")
			assert.ErrorIs(t, err, tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), tc.name+": "), "names the file: %v", err)
			assert.Contains(t, err.Error(), tc.says)
			var pe *ParseError
			assert.ErrorAs(t, err, &pe)
		})
	}
}

// TestNoFileName checks that errors for unnamed input carry no empty name.
func TestNoFileName(t *testing.T) {
	_, err := Read(nil, "")
	require.ErrorIs(t, err, ErrNoText)
	assert.True(t, strings.HasPrefix(err.Error(), "input: no text"), err.Error())
}
