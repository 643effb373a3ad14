package input

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is a document format.
type Format uint8

// Formats. Auto, the zero value, means "detect" (see WithFormat).
const (
	Auto      Format = iota
	PlainText        // text in UTF-8, UTF-16, GB18030 or Big5
	HTML             // HTML or XHTML page
	DOCX             // Word document (Office Open XML)
	ODT              // OpenDocument text
	EPUB             // EPUB 2 or 3 e-book
	SRT              // SubRip subtitles
	VTT              // WebVTT subtitles
)

var formatNames = [...]string{"auto", "text", "html", "docx", "odt", "epub", "srt", "vtt"}

// String returns the format's name as ParseFormat accepts it: "auto",
// "text", "html", "docx", "odt", "epub", "srt" or "vtt"; "Format(N)" for
// other values.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", f)
}

// ParseFormat returns the format named s, case-insensitively: one of the
// names of Format.String, or an extension-like alias ("txt", "htm",
// "xhtml", "webvtt"); "" is Auto. "pdf" gives ErrPDF, other names
// ErrFormat.
func ParseFormat(s string) (Format, error) {
	switch n := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")); n {
	case "", "auto":
		return Auto, nil
	case "text", "txt", "plain":
		return PlainText, nil
	case "html", "htm", "xhtml", "xht":
		return HTML, nil
	case "webvtt":
		return VTT, nil
	case "pdf":
		return Auto, ErrPDF
	default:
		for i, name := range formatNames {
			if n == name {
				return Format(i), nil
			}
		}
	}
	return Auto, fmt.Errorf("%w: %q (want one of %s)", ErrFormat, s, strings.Join(formatNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler, writing String.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseFormat, so
// that a Format can be a flag (flag.TextVar).
func (f *Format) UnmarshalText(b []byte) error {
	g, err := ParseFormat(string(b))
	if err != nil {
		return err
	}
	*f = g
	return nil
}

// formatOfExt returns the format an extension names, Auto for none.
func formatOfExt(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return PlainText
	case ".html", ".htm", ".xhtml", ".xht":
		return HTML
	case ".docx", ".docm", ".dotx":
		return DOCX
	case ".odt", ".ott":
		return ODT
	case ".epub":
		return EPUB
	case ".srt":
		return SRT
	case ".vtt", ".webvtt":
		return VTT
	}
	return Auto
}

// Signatures of binary formats.
var (
	zipMagic      = []byte("PK\x03\x04")
	zipEmptyMagic = []byte("PK\x05\x06")
	oleMagic      = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	rtfMagic      = []byte(`{\rtf`)
	pdfMagic      = []byte("%PDF-")
)

// detect returns the format of data: content first (binary signatures,
// then the start of the text), then the extension of name.
func detect(data []byte, name string) (Format, error) {
	ext := formatOfExt(name)
	switch {
	case bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\xEF\xBB\xBF \t\r\n"), pdfMagic), strings.EqualFold(filepath.Ext(name), ".pdf"):
		return Auto, ErrPDF
	case bytes.HasPrefix(data, zipMagic), bytes.HasPrefix(data, zipEmptyMagic):
		return zipFormat(data, ext)
	case bytes.HasPrefix(data, oleMagic):
		return Auto, fmt.Errorf("%w: a Word 97-2003 .doc (or another OLE compound file): save it as .docx, .odt or text", ErrFormat)
	case bytes.HasPrefix(data, rtfMagic):
		return Auto, fmt.Errorf("%w: RTF: save it as .docx, .odt or text", ErrFormat)
	case ext == DOCX || ext == ODT || ext == EPUB:
		return Auto, fmt.Errorf("%w: not a zip archive, as a %s file must be (damaged, or renamed?)", ErrMalformed, ext)
	}
	if f := sniffText(textHead(data)); f != Auto {
		return f, nil
	}
	if ext == HTML || ext == SRT || ext == VTT {
		return ext, nil
	}
	return PlainText, nil
}

// textHead returns the start of data as UTF-8 for sniffing: UTF-16 (with a
// byte order mark) is decoded; other encodings detected here keep ASCII
// as ASCII, which is all sniffing looks at.
func textHead(data []byte) []byte {
	head := data[:min(len(data), 4096)]
	switch enc, n := bom(head); enc {
	case encUTF8:
		return head[n:]
	case encUTF16LE:
		out, _ := utf16LE.NewDecoder().Bytes(head[n : n+(len(head)-n)&^1])
		return out
	case encUTF16BE:
		out, _ := utf16BE.NewDecoder().Bytes(head[n : n+(len(head)-n)&^1])
		return out
	}
	return head
}

// htmlStarts are the starts of an HTML document (after white space) that
// mark it as HTML, from the WHATWG MIME sniffing standard, each followed
// by white space or '>'.
var htmlStarts = []string{
	"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1", "<div", "<font",
	"<table", "<a", "<style", "<title", "<b", "<br", "<p", "<meta", "<!--",
}

// sniffText tells HTML, WebVTT and SRT from plain text by how head starts:
// an HTML tag or an XML declaration followed by <html, the "WEBVTT"
// signature, or an SRT cue (a number then a timing line, or a timing
// line). It returns Auto for anything else.
func sniffText(head []byte) Format {
	s := string(bytes.TrimLeft(head, " \t\r\n\f"))
	if v, ok := strings.CutPrefix(s, "WEBVTT"); ok && (v == "" || strings.ContainsAny(v[:1], " \t\r\n")) {
		return VTT
	}
	low := strings.ToLower(s[:min(len(s), 1024)])
	if strings.HasPrefix(low, "<?xml") {
		if strings.Contains(low, "<html") {
			return HTML
		}
		return Auto
	}
	for _, p := range htmlStarts {
		if rest, ok := strings.CutPrefix(low, p); ok {
			if p == "<!--" || rest != "" && strings.ContainsAny(rest[:1], " \t\r\n\f>/") {
				return HTML
			}
		}
	}
	lines := strings.SplitN(s, "\n", 3)
	if isTiming(lines[0]) {
		return SRT
	}
	if len(lines) >= 2 && isDigits(strings.TrimSpace(lines[0])) && isTiming(lines[1]) {
		return SRT
	}
	return Auto
}

// isDigits reports whether s is a non-empty run of at most 9 ASCII digits.
func isDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// zipFormat tells DOCX, ODT and EPUB apart by the members of the archive.
func zipFormat(data []byte, ext Format) (Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Auto, fmt.Errorf("%w: corrupt zip archive: %v", ErrMalformed, err)
	}
	names := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		names[f.Name] = f
	}
	if f := names["mimetype"]; f != nil && f.UncompressedSize64 < 256 {
		switch mt := readSmall(f); {
		case mt == "application/epub+zip":
			return EPUB, nil
		case mt == "application/vnd.oasis.opendocument.text", mt == "application/vnd.oasis.opendocument.text-template":
			return ODT, nil
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument."):
			return Auto, fmt.Errorf("%w: an OpenDocument file of type %s, not a text document", ErrFormat, mt)
		}
	}
	switch {
	case names["word/document.xml"] != nil, names["_rels/.rels"] != nil && hasPrefix(names, "word/"):
		return DOCX, nil
	case names["META-INF/container.xml"] != nil && ext != ODT:
		return EPUB, nil
	case names["content.xml"] != nil && ext != EPUB:
		return ODT, nil
	case names["xl/workbook.xml"] != nil:
		return Auto, fmt.Errorf("%w: an Excel workbook, not a text document", ErrFormat)
	case names["ppt/presentation.xml"] != nil:
		return Auto, fmt.Errorf("%w: a PowerPoint presentation, not a text document", ErrFormat)
	}
	switch ext {
	case DOCX:
		return Auto, fmt.Errorf("%w: a zip archive without word/document.xml, so not a Word document", ErrMalformed)
	case ODT:
		return Auto, fmt.Errorf("%w: a zip archive without content.xml, so not an OpenDocument text", ErrMalformed)
	case EPUB:
		return Auto, fmt.Errorf("%w: a zip archive without META-INF/container.xml, so not an EPUB", ErrMalformed)
	}
	return Auto, fmt.Errorf("%w: a zip archive holding no Word, OpenDocument or EPUB document", ErrFormat)
}

// hasPrefix reports whether a member's name starts with prefix.
func hasPrefix(names map[string]*zip.File, prefix string) bool {
	for n := range names {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

// readSmall returns the content of a small zip member, "" on error.
func readSmall(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 256))
	return strings.TrimSpace(string(b))
}
