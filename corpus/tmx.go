package corpus

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/segment"
)

// xmlNS is the namespace bound to the "xml" prefix; encoding/xml writes an
// attribute in it as xml:lang without declaring anything.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// Names of the TMX properties written and read by this package.
const (
	tmxPropScore = "x-AlignScore"
	tmxPropType  = "x-AlignType"
	tmxPropDoc   = "x-Document"
	tmxPropENIDs = "x-EnglishIds"
	tmxPropZHIDs = "x-ChineseIds"
)

// TMXOption configures a TMXWriter.
type TMXOption func(*tmxOptions)

type tmxOptions struct {
	version   string // creationtoolversion
	segtype   string // "sentence" or "paragraph"
	zhLang    string // "" = per unit, from Unit.Script
	adminLang string
}

// TMXToolVersion sets the header's creationtoolversion attribute, the
// version of the program that wrote the file. The default is "(devel)".
func TMXToolVersion(v string) TMXOption {
	return func(o *tmxOptions) { o.version = v }
}

// TMXSegType sets the header's segtype attribute: "sentence" for
// [Sentences] (the default), "paragraph" for [Paragraphs].
func TMXSegType(l Level) TMXOption {
	return func(o *tmxOptions) {
		o.segtype = "sentence"
		if l == Paragraphs {
			o.segtype = "paragraph"
		}
	}
}

// TMXChineseLang forces the language tag of every Chinese tuv, for example
// "zh-Hans" or "zh-HK". By default (or with tag "") the tag is chosen per
// unit from [Unit.Script]: "zh-TW" for [segment.Traditional], "zh-CN"
// otherwise.
func TMXChineseLang(tag string) TMXOption {
	return func(o *tmxOptions) { o.zhLang = tag }
}

// TMXAdminLang sets the header's adminlang attribute, the language of
// notes and properties. The default is "en".
func TMXAdminLang(tag string) TMXOption {
	return func(o *tmxOptions) { o.adminLang = tag }
}

// TMXWriter writes units as a TMX 1.4b document (the LISA/GALA Translation
// Memory eXchange format), English as the source language. Each unit
// becomes one <tu> with the properties x-AlignScore (the score, 4
// decimals), x-AlignType (the link type, [Unit.Type]), x-EnglishIds and
// x-ChineseIds (the sentence ids, comma-separated; these three are left
// out when the unit has no ids, as in a TMX from another tool) and
// x-Document (its [Unit.Doc], when not ""), then an English and a Chinese
// <tuv>.
//
// Units with an empty English or Chinese side are skipped: a TMX unit
// pairs two texts. Characters XML 1.0 does not allow (control characters
// other than tab, newline and carriage return, U+FFFE, U+FFFF and invalid
// UTF-8) are removed from the text. The output is UTF-8 without a byte
// order mark, indented with two spaces, and the same units always give the
// same bytes; newlines inside a text are written as they are.
//
// The document is complete only after Close. Errors are sticky: after a
// failed Write, every later call returns the same error. A TMXWriter is not
// safe for concurrent use.
type TMXWriter struct {
	enc     *xml.Encoder
	opts    tmxOptions
	zhLang  string // opts.zhLang cleaned for XML, when set
	buf     []byte // property values, reused
	started bool
	closed  bool
	err     error
}

// NewTMXWriter returns a Writer of a TMX document to w. Nothing is written
// before the first Write or Close.
func NewTMXWriter(w io.Writer, opts ...TMXOption) *TMXWriter {
	o := tmxOptions{version: "(devel)", segtype: "sentence", adminLang: "en"}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	enc := xml.NewEncoder(writerOrNil(w))
	enc.Indent("", "  ")
	return &TMXWriter{enc: enc, opts: o, zhLang: xmlClean(o.zhLang)}
}

// Write writes u as one <tu>, or nothing when a side of u is empty (after
// removing the characters XML does not allow).
func (w *TMXWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errTMXClosed
	}
	en, zh := xmlClean(u.EN), xmlClean(u.ZH)
	if en == "" || zh == "" {
		return nil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	w.start()
	zhLang := w.zhLang
	if w.opts.zhLang == "" {
		zhLang = "zh-CN"
		if u.Script == segment.Traditional {
			zhLang = "zh-TW"
		}
	}
	tu := xml.StartElement{Name: xml.Name{Local: "tu"}}
	w.token(tu)
	w.prop(tmxPropScore, strconv.AppendFloat(w.buf[:0], u.Score, 'f', 4, 64))
	if len(u.ENIDs) > 0 || len(u.ZHIDs) > 0 {
		w.prop(tmxPropType, append(w.buf[:0], u.Type()...))
		w.prop(tmxPropENIDs, appendIDs(w.buf[:0], u.ENIDs))
		w.prop(tmxPropZHIDs, appendIDs(w.buf[:0], u.ZHIDs))
	}
	if doc := xmlClean(u.Doc); doc != "" {
		w.prop(tmxPropDoc, append(w.buf[:0], doc...))
	}
	w.tuv("en", en)
	w.tuv(zhLang, zh)
	w.token(tu.End())
	return w.err
}

// Close ends the document (</body></tmx>) and flushes it to the
// underlying writer, which it does not close. A writer closed before any
// Write gives a document with an empty body. Close after Close does
// nothing.
func (w *TMXWriter) Close() error {
	if w == nil {
		return errNil
	}
	if w.err != nil || w.closed {
		return w.err
	}
	w.start()
	w.token(xml.EndElement{Name: xml.Name{Local: "body"}})
	w.token(xml.EndElement{Name: xml.Name{Local: "tmx"}})
	w.token(xml.CharData("\n"))
	if w.err == nil {
		w.err = w.enc.Close()
	}
	w.closed = true
	return w.err
}

var errTMXClosed = errors.New("corpus: write to a closed TMXWriter")

// start writes the prolog, the header and <body> once.
func (w *TMXWriter) start() {
	if w.started {
		return
	}
	w.started = true
	w.token(xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="UTF-8"`)})
	w.token(xml.CharData("\n"))
	w.token(xml.Directive(`DOCTYPE tmx SYSTEM "tmx14.dtd"`))
	w.token(xml.CharData("\n"))
	w.token(xml.StartElement{Name: xml.Name{Local: "tmx"}, Attr: []xml.Attr{attr("version", "1.4")}})
	o := &w.opts
	header := xml.StartElement{Name: xml.Name{Local: "header"}, Attr: []xml.Attr{
		attr("creationtool", "zhenalign"),
		attr("creationtoolversion", xmlClean(o.version)),
		attr("segtype", o.segtype),
		attr("o-tmf", "zhenalign"),
		attr("adminlang", xmlClean(o.adminLang)),
		attr("srclang", "en"),
		attr("datatype", "plaintext"),
	}}
	w.token(header)
	w.token(header.End())
	w.token(xml.StartElement{Name: xml.Name{Local: "body"}})
}

func attr(name, value string) xml.Attr {
	return xml.Attr{Name: xml.Name{Local: name}, Value: value}
}

// prop writes <prop type="typ">val</prop>. val may be w.buf: the encoder
// has written it when prop returns, and keeps w.buf for the next value.
func (w *TMXWriter) prop(typ string, val []byte) {
	p := xml.StartElement{Name: xml.Name{Local: "prop"}, Attr: []xml.Attr{attr("type", typ)}}
	w.token(p)
	w.token(xml.CharData(val))
	w.token(p.End())
	w.buf = val[:0]
}

// tuv writes <tuv xml:lang="lang"><seg>text</seg></tuv>; lang is clean.
func (w *TMXWriter) tuv(lang, text string) {
	tuv := xml.StartElement{Name: xml.Name{Local: "tuv"},
		Attr: []xml.Attr{{Name: xml.Name{Space: xmlNS, Local: "lang"}, Value: lang}}}
	seg := xml.StartElement{Name: xml.Name{Local: "seg"}}
	w.token(tuv)
	w.token(seg)
	w.token(xml.CharData(text))
	w.token(seg.End())
	w.token(tuv.End())
}

// token encodes t unless an error happened before.
func (w *TMXWriter) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

// xmlClean returns s without the characters XML 1.0 does not allow and
// without invalid UTF-8. It returns s itself when s is clean.
func xmlClean(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r, n) {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// xmlChar reports whether r, decoded from n bytes, is a Char of XML 1.0.
func xmlChar(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1: // invalid UTF-8
		return false
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r <= 0xD7FF:
		return true
	case r < 0xE000: // surrogates; utf8 decodes them as RuneError anyway
		return false
	case r <= 0xFFFD:
		return true
	case r <= 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}
