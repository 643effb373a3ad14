package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/fileerr"
)

// Errors returned by Read, ReadAll and ReadFile, wrapped in a *ParseError
// naming the file (unless the name given is empty) and with the detail of
// what was found where.
var (
	// ErrFormat means the input is in a format this package does not read
	// (a spreadsheet, a Word 97-2003 .doc, an RTF file, binary data), or
	// not in the format that was asked for or that its extension names.
	ErrFormat = errors.New("input: unsupported format")
	// ErrPDF means the input is a PDF file. PDF holds positioned glyphs,
	// not paragraphs; convert it to text first, keeping the layout:
	// pdftotext -layout FILE.pdf FILE.txt (Debian package poppler-utils).
	ErrPDF = errors.New("input: PDF is not read: convert it to text first with pdftotext -layout FILE.pdf FILE.txt (poppler-utils)")
	// ErrEncoding means the encoding of the text could not be told, or
	// the name given to WithEncoding names no encoding this package knows.
	ErrEncoding = errors.New("input: unknown text encoding")
	// ErrMalformed means the file is damaged or unsafe to read: a corrupt
	// zip archive, a missing part (a DOCX without word/document.xml), an
	// XML part that does not parse or that declares a DTD or entities.
	ErrMalformed = errors.New("input: malformed file")
	// ErrTooLarge means the input, or what its zip archive unpacks to,
	// exceeds the limit set by WithMaxSize.
	ErrTooLarge = errors.New("input: too large")
	// ErrNoText means the input holds no text: it is empty, blank, or all
	// of its text is in parts that are left out (menus, scripts, notes).
	ErrNoText = errors.New("input: no text")
	// ErrReplaced is wrapped by Text.Warning: part of the source was not
	// valid in its encoding and was replaced by U+FFFD (a warning, not an
	// error of Read).
	ErrReplaced = errors.New("input: invalid bytes")
)

// ParseError reports which file could not be read (Line is 0: the errors
// of this package concern a whole file or a part of an archive, which the
// message names).
type ParseError = fileerr.ParseError

// maxInt is the largest int, as an int64.
const maxInt = int64(^uint(0) >> 1)

// DefaultMaxSize is the limit of WithMaxSize when it is not given: 64 MiB.
const DefaultMaxSize = 64 << 20

// Text is a document as UTF-8 text, ready for segment.Parse.
//
// Byte offsets computed on Data (segment's Sentence.Start and End) refer
// to Data, not to the file: for a plain text file in UTF-8 the two are the
// same, since Data is then the file itself; for decoded or extracted input
// they are offsets into this extracted UTF-8 text.
type Text struct {
	// Data is UTF-8 text without NUL bytes, one paragraph per line.
	// Extracted formats end every line (paragraph, <br>, subtitle cue)
	// with "\n"; plain text keeps its own line ends. Data is valid UTF-8,
	// but for plain text read as UTF-8: that is the file itself, byte
	// order mark and the few invalid bytes it may hold included (see
	// Replaced), so that offsets into it are offsets into the file.
	Data []byte
	// Format is the format the input was read as.
	Format Format
	// Encoding is the character encoding the text was decoded from, by
	// its MIME name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5",
	// or another name given to WithEncoding. DOCX, ODT and EPUB report the
	// encoding of their XML parts, "UTF-8" in practice.
	Encoding string
	// Presplit is set for subtitles: every line of Data is one sentence
	// (one cue), to be read with segment.Presplit.
	Presplit bool
	// Cues holds the times of the subtitle cues: Cues[i] belongs to line
	// i of Data (0-based). Nil for other formats.
	Cues []Cue
	// Hints holds the spans of Data inside an HTML element with a lang
	// (or xml:lang) attribute, in order and not overlapping. Nil when
	// there is none.
	Hints []LangHint
	// Replaced counts the invalid bytes (UTF-8) or byte sequences (other
	// encodings) of the source that decoding replaced by U+FFFD;
	// FirstReplaced is the byte offset of the first in the source for
	// UTF-8, and -1 otherwise. Plain UTF-8 text is not decoded: its invalid
	// bytes stay in Data (package segment counts them).
	Replaced, FirstReplaced int
}

// Warning returns nil, or an error wrapping ErrReplaced that says how much
// of the source decoding replaced by U+FFFD (see Replaced): a warning, the
// text was read.
func (t *Text) Warning() error {
	if t == nil || t.Replaced == 0 {
		return nil
	}
	if t.FirstReplaced >= 0 {
		return fmt.Errorf("%w: %d not valid %s, replaced by U+FFFD, the first at offset %d of the file", ErrReplaced, t.Replaced, t.Encoding, t.FirstReplaced)
	}
	return fmt.Errorf("%w: %d not valid %s, replaced by U+FFFD", ErrReplaced, t.Replaced, t.Encoding)
}

// Cue is the time span of one subtitle cue, from the start of the video.
type Cue struct {
	Start, End time.Duration
}

// String returns the cue's span as WebVTT writes it:
// "00:01:02.500 --> 00:01:04.000".
func (c Cue) String() string {
	return Timestamp(c.Start) + " --> " + Timestamp(c.End)
}

// ParseCue parses a cue's span as Cue.String writes it ("00:01:02.500 -->
// 00:01:04.000"; SubRip's comma before the milliseconds is accepted too).
func ParseCue(s string) (Cue, error) {
	start, end, ok := parseTiming(strings.TrimSpace(s))
	if !ok {
		return Cue{}, fmt.Errorf("%w: %q is not a cue time span (hh:mm:ss.ttt --> hh:mm:ss.ttt)", ErrMalformed, s)
	}
	return Cue{Start: start, End: end}, nil
}

// Timestamp formats d as a WebVTT timestamp, "hh:mm:ss.ttt" (hours
// as many digits as needed, at least two); negative durations give
// "00:00:00.000".
func Timestamp(d time.Duration) string {
	d = max(d, 0)
	ms := d.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// LangHint says that Data[Start:End] is marked in the source as being in
// language Lang, a BCP 47 tag as written in the document ("en", "zh-Hant").
// A hint is a hint: pages often mark the whole page with one language.
type LangHint struct {
	Start, End int
	Lang       string
}

// Option configures Read.
type Option func(*options)

type options struct {
	format   Format
	encoding string
	maxSize  int64
	notes    bool
}

// WithFormat reads the input as format f instead of detecting it. Auto
// (the zero Format) restores detection.
func WithFormat(f Format) Option {
	return func(o *options) { o.format = f }
}

// WithEncoding decodes text with the named encoding instead of detecting
// it. Names are WHATWG labels or IANA names ("gb18030", "gbk", "gb2312",
// "big5", "utf-16le", "utf-16be", "utf-8", "shift_jis"...); GBK and GB2312
// are decoded as GB18030, of which they are subsets. The name is checked
// by Read, which returns ErrEncoding for an unknown one. It applies to
// plain text, HTML and subtitles and overrides <meta charset> and
// detection, but not a byte order mark, which wins as it does in browsers
// (a batch forced to GB18030 still reads its UTF-8 and UTF-16 files with a
// mark right); the XML parts of DOCX, ODT and EPUB declare their own.
func WithEncoding(name string) Option {
	return func(o *options) { o.encoding = name }
}

// EncodingName returns the MIME name of the encoding label names ("gbk" →
// "GB18030", "utf16le" → "UTF-16LE"), or an error wrapping ErrEncoding
// when it names no encoding Read can decode: to check a label before
// reading (WithEncoding reports it only when Read runs).
func EncodingName(label string) (string, error) {
	_, name, err := lookupEncoding(label)
	return name, err
}

// WithMaxSize sets the limit, in bytes, of what Read accepts (default
// DefaultMaxSize): the size of the file (ReadFile, ReadAll), the total
// size of the zip members it unpacks (DOCX, ODT, EPUB; the sizes recorded
// in the archive are not trusted) and the size of the text it produces.
// Past it, Read returns ErrTooLarge and no text. n <= 0 restores the
// default.
func WithMaxSize(n int64) Option {
	return func(o *options) { o.maxSize = n }
}

// WithNotes keeps footnotes and endnotes: those of DOCX and ODT files come
// after the body; in HTML and EPUB, the elements marked as notes (ARIA
// roles doc-footnote, doc-endnotes; epub:type footnote, endnote...) stay
// where they are, and the non-linear documents of an EPUB spine (notes,
// pop-ups) are read in spine order. Without it all of these are left out.
// Comments, note reference marks and back links are always left out.
func WithNotes() Option {
	return func(o *options) { o.notes = true }
}

func newOptions(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	if o.maxSize <= 0 {
		o.maxSize = DefaultMaxSize
	}
	return o
}

// Read converts a document to UTF-8 text. name is used in errors and for
// its extension (".docx", ".srt"...), which helps to detect the format; it
// may be empty, and is never opened.
//
// The format is detected from the content, then the extension (see the
// package documentation), unless WithFormat gives it; the encoding of text
// formats is detected unless WithEncoding gives it. On error, Read returns
// a nil Text and an error wrapping one of the Err values; it never returns
// part of a document.
//
// Read does not modify data; Text.Data may share its memory (plain UTF-8
// text is returned as is). Read is safe for concurrent use.
func Read(data []byte, name string, opts ...Option) (*Text, error) {
	o := newOptions(opts)
	t, err := read(data, name, &o)
	if err != nil {
		return nil, wrap(name, err)
	}
	return t, nil
}

// ReadAll reads r to its end and converts what it read as Read does. It
// returns ErrTooLarge without reading further once r has given more than
// the limit of WithMaxSize.
func ReadAll(r io.Reader, name string, opts ...Option) (*Text, error) {
	o := newOptions(opts)
	data, err := io.ReadAll(io.LimitReader(r, o.maxSize+1))
	if err != nil {
		return nil, wrap(name, err)
	}
	if int64(len(data)) > o.maxSize {
		return nil, wrap(name, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, o.maxSize))
	}
	return Read(data, name, opts...)
}

// ReadFile reads the named file and converts it as Read does; errors name
// path. A file larger than the limit of WithMaxSize is not read.
func ReadFile(path string, opts ...Option) (*Text, error) {
	o := newOptions(opts)
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError names the file
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > o.maxSize {
		return nil, wrap(path, fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, fi.Size(), o.maxSize))
	}
	return ReadAll(f, path, opts...)
}

// wrap names the file in err.
func wrap(name string, err error) error {
	if name == "" {
		return err
	}
	return &ParseError{File: name, Err: err}
}

func read(data []byte, name string, o *options) (*Text, error) {
	f := o.format
	if f == Auto {
		var err error
		if f, err = detect(data, name); err != nil {
			return nil, err
		}
	}
	var t *Text
	var err error
	switch f {
	case PlainText:
		t, err = readText(data, o)
	case HTML:
		t, err = readHTML(data, o)
	case DOCX:
		t, err = readDOCX(data, o)
	case ODT:
		t, err = readODT(data, o)
	case EPUB:
		t, err = readEPUB(data, o)
	case SRT, VTT:
		t, err = readSubtitles(data, f, o)
	default:
		return nil, fmt.Errorf("%w: format %d", ErrFormat, f)
	}
	if err != nil {
		return nil, err
	}
	t.Format = f
	if int64(len(t.Data)) > o.maxSize {
		return nil, fmt.Errorf("%w: the text is more than %d bytes", ErrTooLarge, o.maxSize)
	}
	if blank(t.Data) {
		return nil, noText(f)
	}
	return t, nil
}

// noText explains ErrNoText for format f.
func noText(f Format) error {
	switch f {
	case PlainText:
		return fmt.Errorf("%w: the file is empty or blank", ErrNoText)
	case SRT, VTT:
		return fmt.Errorf("%w: no cue holds text", ErrNoText)
	}
	return fmt.Errorf("%w in the %s document (menus, scripts, notes and hidden parts are left out)", ErrNoText, f)
}

// blank reports whether b holds only white space.
func blank(b []byte) bool {
	return len(bytes.TrimFunc(b, isSpace)) == 0
}

// readText reads plain text. UTF-8 text is returned as it is, invalid
// bytes included, so that offsets into Data are offsets into the file
// (segment counts the invalid bytes and keeps them out of its Text).
func readText(data []byte, o *options) (*Text, error) {
	text, enc, err := decodeText(data, o.encoding, "")
	if err != nil {
		return nil, err
	}
	if enc == encUTF8 {
		return &Text{Data: data, Encoding: enc, FirstReplaced: -1}, nil
	}
	t := &Text{Data: text, Encoding: enc}
	t.Replaced, t.FirstReplaced = replaced(data, text, enc)
	return t, nil
}

// replaced counts what decoding src as enc into text replaced by U+FFFD:
// for UTF-8, the invalid bytes of src, and the offset of the first in
// src; for other encodings, the U+FFFD of text (the decoders do not say
// where in src), and -1.
func replaced(src, text []byte, enc string) (n, first int) {
	first = -1
	if enc == encUTF8 {
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				n++
				if first < 0 {
					first = i
				}
			}
			i += size
		}
		return n, first
	}
	if utf8.Valid(src) && bytes.Count(src, []byte("\uFFFD")) > 0 {
		return 0, -1 // the U+FFFD were there already
	}
	return bytes.Count(text, []byte("\uFFFD")), -1
}
