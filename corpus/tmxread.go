package corpus

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/zhenalign/zhenalign/segment"
)

// ErrNotTMX is wrapped in a *ParseError when the input has no <tmx> root
// element.
var ErrNotTMX = errors.New("corpus: not a TMX document")

// TMXReader reads the translation units of a TMX document (versions 1.1 to
// 1.4b) one at a time, like a bufio.Scanner:
//
//	r := corpus.NewTMXReader(f, "memory.tmx")
//	for r.Next() {
//		u := r.Unit()
//		…
//	}
//	if err := r.Err(); err != nil { … }
//
// It streams: memory stays bounded by the size of the largest <tu>,
// whatever the size of the document.
//
// Every <tu> gives one unit, in document order. A <tuv> is English when
// its language (the xml:lang attribute, or lang in TMX 1.1; case does not
// matter) has the primary subtag "en" or "eng", and Chinese when it is
// "zh", "zho", "chi" or "cmn"; other languages are ignored, and of several
// tuvs of one language the first counts. A tu without an English or a
// Chinese tuv gives a unit whose side is "": callers that need both sides
// filter. The text of a <seg> keeps its whitespace and the text of
// formatting elements such as <hi> and <sub>, and drops the content of the
// native-code elements <bpt>, <ept>, <it>, <ph> and <ut>.
//
// Of the tu's properties, x-AlignScore gives [Unit.Score] (1 when absent:
// a translation memory without scores is taken as trusted), x-EnglishIds
// and x-ChineseIds give ENIDs and ZHIDs (nil when absent, as in a TMX from
// another tool) and x-Document gives [Unit.Doc]. [Unit.Script] comes from
// the Chinese tag:
// [segment.Traditional] for the script subtag Hant or the regions TW, HK
// and MO, [segment.Simplified] for any other Chinese tag, NoScript when the
// unit has no Chinese side.
//
// The input is UTF-8 (a byte order mark is skipped), UTF-16 (told by its
// byte order mark or its first "<"), or ISO-8859-1 or US-ASCII when its
// XML declaration says so; other declared encodings are an error.
// Malformed XML, a root other than <tmx> and an x-AlignScore that is not
// a number in [0,1] (ErrScore)
// stop the reader with a *ParseError giving the name and the line. A
// TMXReader is not safe for concurrent use.
type TMXReader struct {
	src  io.Reader
	name string
	dec  *xml.Decoder
	unit Unit
	err  error
	root bool // the <tmx> element was seen
	done bool
}

// NewTMXReader returns a reader of the TMX document in r. The name (a file
// name, or "") is used in errors only. Nothing is read before the first
// call to Next.
func NewTMXReader(r io.Reader, name string) *TMXReader {
	return &TMXReader{src: readerOrNil(r), name: name}
}

// Next reads the next unit and reports whether there is one. It returns
// false at the end of the document or on the first error; Err tells which.
func (r *TMXReader) Next() bool {
	if r == nil {
		return false
	}
	if r.err != nil || r.done {
		return false
	}
	if r.dec == nil {
		r.dec = newTMXDecoder(r.src)
	}
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			r.done = true
			if !r.root {
				r.err = r.errorf(ErrNotTMX)
			}
			return false
		}
		if err != nil {
			r.err = r.wrap(err)
			return false
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !r.root {
			if start.Name.Local != "tmx" {
				r.err = r.errorf(fmt.Errorf("%w: the root element is <%s>", ErrNotTMX, start.Name.Local))
				return false
			}
			r.root = true
			continue
		}
		if start.Name.Local == "tu" {
			u, err := r.readTU()
			if err != nil {
				r.err = err
				return false
			}
			r.unit = u
			return true
		}
	}
}

// Unit returns the unit read by the last successful call to Next.
func (r *TMXReader) Unit() Unit {
	if r == nil {
		return Unit{}
	}
	return r.unit
}

// Err returns the first error met, or nil at the end of a well-formed
// document.
func (r *TMXReader) Err() error {
	if r == nil {
		return errNil
	}
	return r.err
}

// token returns the next token, wrapping errors in a *ParseError. An end
// of input inside an element is an error.
func (r *TMXReader) token() (xml.Token, error) {
	tok, err := r.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, r.wrap(err)
	}
	return tok, nil
}

// skip consumes the rest of the element whose start was just read.
func (r *TMXReader) skip() error {
	if err := r.dec.Skip(); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return r.wrap(err)
	}
	return nil
}

// wrap turns an error of the decoder into a *ParseError.
func (r *TMXReader) wrap(err error) error {
	line, _ := r.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	return &ParseError{File: r.name, Line: line, Err: err}
}

// errorf returns a *ParseError for err at the current line.
func (r *TMXReader) errorf(err error) error {
	line, _ := r.dec.InputPos()
	return &ParseError{File: r.name, Line: line, Err: err}
}

// readTU reads the content of a <tu> whose start was just read.
func (r *TMXReader) readTU() (Unit, error) {
	u := Unit{Score: 1}
	var haveEN, haveZH bool
	for {
		tok, err := r.token()
		if err != nil {
			return Unit{}, err
		}
		switch t := tok.(type) {
		case xml.EndElement: // </tu>: the decoder checks that tags match
			return u, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				line, _ := r.dec.InputPos()
				typ := attrValue(t, "type")
				var text strings.Builder
				if err := r.text(&text, false); err != nil {
					return Unit{}, err
				}
				switch typ {
				case tmxPropScore:
					s, err := strconv.ParseFloat(strings.TrimSpace(text.String()), 64)
					if err == nil {
						err = checkScore(s)
					}
					if err != nil {
						return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("%s: %w", tmxPropScore, err)}
					}
					u.Score = s
				case tmxPropDoc:
					u.Doc = text.String()
				case tmxPropENTime, tmxPropZHTime:
					c, err := parseCueString(strings.TrimSpace(text.String()))
					if err != nil {
						return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("%s: %w", typ, err)}
					}
					if typ == tmxPropENTime {
						u.ENTime = c
					} else {
						u.ZHTime = c
					}
				case tmxPropENIDs, tmxPropZHIDs:
					ids, err := parseIDs(text.String())
					if err != nil {
						return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("%s: %w", typ, err)}
					}
					if typ == tmxPropENIDs {
						u.ENIDs = ids
					} else {
						u.ZHIDs = ids
					}
				}
			case "tuv":
				lang := tuvLang(t)
				side := langSide(lang)
				if (side == 'e' && !haveEN) || (side == 'z' && !haveZH) {
					text, err := r.readTUV()
					if err != nil {
						return Unit{}, err
					}
					if side == 'e' {
						u.EN, haveEN = text, true
					} else {
						u.ZH, haveZH = text, true
						u.Script = scriptOfTag(lang)
					}
				} else if err := r.skip(); err != nil {
					return Unit{}, err
				}
			default: // note, ude, …
				if err := r.skip(); err != nil {
					return Unit{}, err
				}
			}
		}
	}
}

// readTUV reads the content of a <tuv> whose start was just read and
// returns the text of its first <seg>.
func (r *TMXReader) readTUV() (string, error) {
	var seg strings.Builder
	found := false
	for {
		tok, err := r.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return seg.String(), nil
		case xml.StartElement:
			if t.Name.Local == "seg" && !found {
				found = true
				if err := r.text(&seg, true); err != nil {
					return "", err
				}
			} else if err := r.skip(); err != nil {
				return "", err
			}
		}
	}
}

// text appends to b the character data of the element whose start was just
// read, down to its end. With inline set, the content of native-code
// elements is left out.
func (r *TMXReader) text(b *strings.Builder, inline bool) error {
	depth := 0
	for {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if inline && nativeCode(t.Name.Local) {
				if err := r.skip(); err != nil {
					return err
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// nativeCode reports whether the TMX inline element holds native code
// (markup of the original format) rather than text.
func nativeCode(name string) bool {
	switch name {
	case "bpt", "ept", "it", "ph", "ut":
		return true
	}
	return false
}

// attrValue returns the value of the attribute named local in no
// namespace, or "".
func attrValue(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// tuvLang returns the lower-cased language of a <tuv>: its xml:lang
// attribute (TMX 1.4) or its lang attribute (TMX 1.1).
func tuvLang(t xml.StartElement) string {
	lang := ""
	for _, a := range t.Attr {
		if !strings.EqualFold(a.Name.Local, "lang") {
			continue
		}
		if a.Name.Space == xmlNS {
			lang = a.Value
			break
		}
		if a.Name.Space == "" && lang == "" {
			lang = a.Value
		}
	}
	return strings.ToLower(strings.TrimSpace(lang))
}

// langSide returns 'e' for an English tag, 'z' for a Chinese one and 0
// otherwise.
func langSide(tag string) byte {
	primary, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	switch primary {
	case "en", "eng":
		return 'e'
	case "zh", "zho", "chi", "cmn":
		return 'z'
	}
	return 0
}

// scriptOfTag returns the script a lower-cased Chinese tag implies.
func scriptOfTag(tag string) segment.Script {
	subtags := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
	for _, s := range subtags[1:] {
		switch s {
		case "hant":
			return segment.Traditional
		case "hans":
			return segment.Simplified
		}
	}
	for _, s := range subtags[1:] {
		switch s {
		case "tw", "hk", "mo":
			return segment.Traditional
		}
	}
	return segment.Simplified
}

// newTMXDecoder returns a decoder of src that accepts UTF-8 with or
// without a byte order mark, UTF-16 (transcoded to UTF-8 first) and
// declared single-byte encodings.
func newTMXDecoder(src io.Reader) *xml.Decoder {
	br := bufio.NewReader(src)
	var in io.Reader = br
	b, _ := br.Peek(4)
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		br.Discard(3)
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		br.Discard(2)
		in = bufio.NewReader(&utf16Reader{r: br})
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		br.Discard(2)
		in = bufio.NewReader(&utf16Reader{r: br, big: true})
	case len(b) == 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0:
		in = bufio.NewReader(&utf16Reader{r: br})
	case len(b) == 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0:
		in = bufio.NewReader(&utf16Reader{r: br, big: true})
	}
	dec := xml.NewDecoder(in)
	dec.CharsetReader = charsetReader
	return dec
}

// charsetReader is called for a declared encoding other than UTF-8.
// UTF-16 input has been transcoded already.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "utf16", "ucs-2":
		return in, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii":
		return charmap.ISO8859_1.NewDecoder().Reader(in), nil
	}
	return nil, fmt.Errorf("corpus: unsupported encoding %q", label)
}

// utf16Reader transcodes UTF-16 to UTF-8; unpaired surrogates and an odd
// final byte become U+FFFD.
type utf16Reader struct {
	r    io.Reader
	big  bool // big-endian
	raw  [4096]byte
	nraw int // bytes of raw left over from the last read
	out  []byte
	pend []byte
	err  error
}

func (u *utf16Reader) unit(i int) rune {
	if u.big {
		return rune(u.raw[i])<<8 | rune(u.raw[i+1])
	}
	return rune(u.raw[i+1])<<8 | rune(u.raw[i])
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.pend) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		n, err := u.r.Read(u.raw[u.nraw:])
		u.err = err
		n += u.nraw
		u.out = u.out[:0]
		i := 0
	loop:
		for ; i+2 <= n; i += 2 {
			c := u.unit(i)
			switch {
			case c >= 0xD800 && c < 0xDC00: // high surrogate
				if i+4 > n {
					if err == nil {
						break loop // wait for the low half
					}
					c = utf8.RuneError
				} else if r := utf16.DecodeRune(c, u.unit(i+2)); r != utf8.RuneError {
					c = r
					i += 2
				} else {
					c = utf8.RuneError
				}
			case c >= 0xDC00 && c < 0xE000: // lone low surrogate
				c = utf8.RuneError
			}
			u.out = utf8.AppendRune(u.out, c)
		}
		if err != nil && i < n { // odd final byte
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
			i = n
		}
		u.nraw = copy(u.raw[:], u.raw[i:n])
		u.pend = u.out
	}
	n := copy(p, u.pend)
	u.pend = u.pend[n:]
	return n, nil
}

// parseIDs reads a comma-separated list of ids, "" giving an empty list.
func parseIDs(s string) ([]int, error) {
	ids := []int{}
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad id %q", f)
		}
		ids = append(ids, n)
	}
	return ids, nil
}
