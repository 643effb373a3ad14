package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zhenalign/zhenalign/segment"
)

// ErrNotXLIFF is wrapped in a *ParseError when the input has no <xliff>
// root element.
var ErrNotXLIFF = errors.New("corpus: not an XLIFF document")

// XLIFFReader reads the trans-units of an XLIFF 1.x document one at a
// time, like TMXReader (Next, Unit, Err), streaming in memory bounded by
// the largest trans-unit. The English and Chinese sides are <source> and
// <target>, by the source-language and target-language of their <file>
// (a Chinese source language makes the source Chinese); the text of the
// inline elements g and mrk is kept and the native code of bpt, ept, ph
// and it left out, as in TMX. [Unit.Doc] is the file's original attribute,
// and the zhenalign:score, zhenalign:en-ids, zhenalign:zh-ids,
// zhenalign:en-time and zhenalign:zh-time attributes XLIFFWriter writes
// give the score (1 when absent), the ids (nil when absent) and the
// subtitle times. A unit without a target (not translated yet)
// has an empty Chinese (or English) side. [Unit.Script] comes from the
// Chinese language tag, as in TMXReader. Encodings, and the errors, are
// those of TMXReader, with ErrNotXLIFF for another root element.
type XLIFFReader struct {
	src   io.Reader
	name  string
	dec   *xml.Decoder
	unit  Unit
	err   error
	root  bool
	done  bool
	doc   string
	srcZH bool
	zh    segment.Script
}

// NewXLIFFReader returns a reader of the XLIFF document in r, naming it
// name in errors. Nothing is read before the first call to Next.
func NewXLIFFReader(r io.Reader, name string) *XLIFFReader {
	return &XLIFFReader{src: readerOrNil(r), name: name}
}

// Next reads the next unit and reports whether there is one.
func (r *XLIFFReader) Next() bool {
	if r == nil || r.err != nil || r.done {
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
				r.err = r.errorf(ErrNotXLIFF)
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
			if start.Name.Local != "xliff" {
				r.err = r.errorf(fmt.Errorf("%w: the root element is <%s>", ErrNotXLIFF, start.Name.Local))
				return false
			}
			r.root = true
			continue
		}
		switch start.Name.Local {
		case "file":
			r.doc = attrValue(start, "original")
			src := strings.ToLower(attrValue(start, "source-language"))
			tgt := strings.ToLower(attrValue(start, "target-language"))
			r.srcZH = langSide(src) == 'z'
			r.zh = segment.Simplified
			if r.srcZH {
				r.zh = scriptOfTag(src)
			} else if langSide(tgt) == 'z' {
				r.zh = scriptOfTag(tgt)
			}
		case "trans-unit":
			u, err := r.readUnit(start)
			if err != nil {
				r.err = err
				return false
			}
			r.unit = u
			return true
		}
	}
}

// readUnit reads the content of a <trans-unit> whose start was just read.
func (r *XLIFFReader) readUnit(start xml.StartElement) (Unit, error) {
	u := Unit{Score: 1, Doc: r.doc}
	line, _ := r.dec.InputPos()
	for _, a := range start.Attr {
		if a.Name.Space != zhenalignNS {
			continue
		}
		switch a.Name.Local {
		case "score":
			s, err := strconv.ParseFloat(strings.TrimSpace(a.Value), 64)
			if err == nil {
				err = checkScore(s)
			}
			if err != nil {
				return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("zhenalign:score: %w", ErrScore)}
			}
			u.Score = s
		case "en-ids", "zh-ids":
			ids, err := parseIDs(a.Value)
			if err == nil && !ascending(ids) {
				err = ErrIDs
			}
			if err != nil {
				return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("zhenalign:%s: %w", a.Name.Local, err)}
			}
			if a.Name.Local == "en-ids" {
				u.ENIDs = ids
			} else {
				u.ZHIDs = ids
			}
		case "en-time", "zh-time":
			c, err := parseCueString(strings.TrimSpace(a.Value))
			if err != nil {
				return Unit{}, &ParseError{File: r.name, Line: line, Err: fmt.Errorf("zhenalign:%s: %w", a.Name.Local, err)}
			}
			if a.Name.Local == "en-time" {
				u.ENTime = c
			} else {
				u.ZHTime = c
			}
		}
	}
	var src, tgt strings.Builder
	var haveSrc, haveTgt bool
	for {
		tok, err := r.token()
		if err != nil {
			return Unit{}, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			en, zh := src.String(), tgt.String()
			if r.srcZH {
				en, zh = zh, en
			}
			u.EN, u.ZH = en, zh
			if zh != "" {
				u.Script = r.zh
			}
			return u, nil
		case xml.StartElement:
			var err error
			switch {
			case t.Name.Local == "source" && !haveSrc:
				haveSrc = true
				err = r.text(&src)
			case t.Name.Local == "target" && !haveTgt:
				haveTgt = true
				err = r.text(&tgt)
			default: // seg-source, note, alt-trans, …
				err = r.skip()
			}
			if err != nil {
				return Unit{}, err
			}
		}
	}
}

// text appends the text of the element just started to b, without the
// native code of inline elements.
func (r *XLIFFReader) text(b *strings.Builder) error {
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
			if nativeCode(t.Name.Local) {
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

// Unit returns the unit read by the last successful call to Next.
func (r *XLIFFReader) Unit() Unit {
	if r == nil {
		return Unit{}
	}
	return r.unit
}

// Err returns the first error met, or nil at the end of a well-formed
// document.
func (r *XLIFFReader) Err() error {
	if r == nil {
		return errNil
	}
	return r.err
}

func (r *XLIFFReader) token() (xml.Token, error) {
	tok, err := r.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, r.wrap(err)
	}
	return tok, nil
}

func (r *XLIFFReader) skip() error {
	if err := r.dec.Skip(); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return r.wrap(err)
	}
	return nil
}

func (r *XLIFFReader) wrap(err error) error {
	line, _ := r.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	return &ParseError{File: r.name, Line: line, Err: err}
}

func (r *XLIFFReader) errorf(err error) error {
	line, _ := r.dec.InputPos()
	return &ParseError{File: r.name, Line: line, Err: err}
}
