package corpus

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
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
	tmxPropHash  = "x-Hash"
	// The subtitle times of each side, as input.Cue.String writes them.
	tmxPropENTime = "x-EnglishTime"
	tmxPropZHTime = "x-ChineseTime"
)

// TMXWriter writes units as a TMX 1.4b document (the LISA/GALA Translation
// Memory eXchange format), English as the source language unless
// [SourceLang] says Chinese. Each unit becomes one <tu> with a tuid unique
// in the file (its document, "#", and its sentence ids in ladder notation:
// "doc.txt#[5,6]:[6]"; see below), a creationdate, and the properties
// x-AlignScore (the score, 4 decimals), x-AlignType (the link type,
// [Unit.Type]), x-EnglishIds and x-ChineseIds (the sentence ids,
// comma-separated; these three are left out when the unit has no ids, as
// in a TMX from another tool), x-Document (its [Unit.Doc], when not ""),
// x-EnglishTime and x-ChineseTime (the subtitle times of each side,
// "00:00:03.500 --> 00:00:06.000", when the unit has them) and x-Hash
// (with [WithHash]), then a <tuv> per language, the source
// language first. The header carries creationdate (YYYYMMDDThhmmssZ, UTC;
// see [CreationDate]) and, when set, creationid ([TMXCreationID]). The
// output is valid against the TMX 1.4b DTD.
//
// The file has one Chinese language tag (see [ChineseLang]): unless one is
// given, the writer holds the first units ([ChineseLangWindow]; nothing is
// written until then), gives the file the tag of their dominant script,
// and writes on. Units in the other script are still written, with the
// file's tag, and counted in [TMXWriter.Warnings], as are segments longer
// than [LongSegment] characters.
//
// A tuid is the unit's document, "#", and the sentence ids of its link
// ("[5,6]:[6]", English first), or those ids alone for a unit without a
// document. A unit without ids, a unit whose document came back after
// another one and a link repeated within a document get their position in
// the file instead ("doc.txt#17"), so that tuids stay unique.
//
// Units with an empty English or Chinese side are skipped: a TMX unit
// pairs two texts. Characters XML 1.0 does not allow (control characters
// other than tab, newline and carriage return, U+FFFE, U+FFFF and invalid
// UTF-8) are removed from the text. The output is UTF-8 without a byte
// order mark, indented with two spaces, and the same units and options
// (the creation date included) always give the same bytes; newlines inside
// a text are written as they are.
//
// The document is complete only after Close. Errors are sticky: after a
// failed Write, every later call returns the same error. A TMXWriter is not
// safe for concurrent use.
type TMXWriter struct {
	enc     *xml.Encoder
	cat     catWriter
	date    string // creationdate
	buf     []byte // property values, reused
	started bool
	closed  bool
	err     error
}

// NewTMXWriter returns a Writer of a TMX document to w. Nothing is written
// before the first Write or Close. It uses the options [ToolVersion],
// [TMXSegType], [TMXAdminLang], [TMXCreationID], [CreationDate],
// [ChineseLang], [ChineseLangPerUnit], [ChineseLangWindow], [SourceLang]
// and [WithHash].
func NewTMXWriter(w io.Writer, opts ...WriterOption) *TMXWriter {
	cat := newCatWriter(opts)
	enc := xml.NewEncoder(writerOrNil(w))
	enc.Indent("", "  ")
	return &TMXWriter{enc: enc, cat: cat, date: tmxDate(cat.opts.date)}
}

// Write writes u as one <tu>, or nothing when a side of u is empty (after
// removing the characters XML does not allow). A score outside [0,1] is
// an error wrapping ErrScore.
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
	u.EN, u.ZH, u.Doc = en, zh, xmlClean(u.Doc)
	held, ready := w.cat.hold(u)
	if !held {
		ready = []Unit{u}
	}
	for _, u := range ready {
		w.writeTU(u)
	}
	return w.err
}

// writeTU writes one clean unit.
func (w *TMXWriter) writeTU(u Unit) {
	w.start()
	o := &w.cat.opts
	id, _ := w.cat.ids.next(u)
	id = tuid(u.Doc, id)
	zhLang := w.cat.zhLang(u)
	w.cat.checkLong(id, u.EN, u.ZH)
	tu := xml.StartElement{Name: xml.Name{Local: "tu"}, Attr: []xml.Attr{attr("tuid", id), attr("creationdate", w.date)}}
	w.token(tu)
	w.prop(tmxPropScore, strconv.AppendFloat(w.buf[:0], u.Score, 'f', 4, 64))
	if len(u.ENIDs) > 0 || len(u.ZHIDs) > 0 {
		w.prop(tmxPropType, append(w.buf[:0], u.Type()...))
		w.prop(tmxPropENIDs, appendIDs(w.buf[:0], u.ENIDs))
		w.prop(tmxPropZHIDs, appendIDs(w.buf[:0], u.ZHIDs))
	}
	if u.Doc != "" {
		w.prop(tmxPropDoc, append(w.buf[:0], u.Doc...))
	}
	if u.ENTime != nil {
		w.prop(tmxPropENTime, append(w.buf[:0], u.ENTime.String()...))
	}
	if u.ZHTime != nil {
		w.prop(tmxPropZHTime, append(w.buf[:0], u.ZHTime.String()...))
	}
	if o.hash {
		w.prop(tmxPropHash, append(w.buf[:0], HashString(hashOf(u, o.hashMode))...))
	}
	if o.srcZH {
		w.tuv(zhLang, u.ZH)
		w.tuv("en", u.EN)
	} else {
		w.tuv("en", u.EN)
		w.tuv(zhLang, u.ZH)
	}
	w.token(tu.End())
}

// Warnings returns what a CAT tool would not take well in what was
// written so far (complete after Close): segments longer than
// [LongSegment] characters (ErrLongSegment) and units whose Chinese script
// is not the one of the file's tag (ErrScriptTag).
func (w *TMXWriter) Warnings() []error {
	if w == nil {
		return nil
	}
	return w.cat.warnings()
}

// ChineseLang returns the Chinese language tag of the file: the one given,
// or the one chosen ("" before it is chosen, and with
// [ChineseLangPerUnit]).
func (w *TMXWriter) ChineseLang() string {
	if w == nil {
		return ""
	}
	return w.cat.zhTag
}

// Close writes the units still held, ends the document (</body></tmx>)
// and flushes it to the underlying writer, which it does not close. A
// writer closed before any Write gives a document with an empty body.
// Close after Close does nothing.
func (w *TMXWriter) Close() error {
	if w == nil {
		return errNil
	}
	if w.err != nil || w.closed {
		return w.err
	}
	for _, u := range w.cat.decide() {
		w.writeTU(u)
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
	o := &w.cat.opts
	header := xml.StartElement{Name: xml.Name{Local: "header"}, Attr: []xml.Attr{
		attr("creationtool", "zhenalign"),
		attr("creationtoolversion", xmlClean(o.version)),
		attr("segtype", o.segtype),
		attr("o-tmf", "zhenalign"),
		attr("adminlang", xmlClean(o.adminLang)),
		attr("srclang", w.cat.srcLang()),
		attr("datatype", "plaintext"),
		attr("creationdate", w.date),
	}}
	if id := xmlClean(o.creationID); id != "" {
		header.Attr = append(header.Attr, attr("creationid", id))
	}
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
