package corpus

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Namespaces of XLIFF 1.2 documents.
const (
	xliffNS = "urn:oasis:names:tc:xliff:document:1.2"
	// zhenalignNS holds the attributes XLIFFWriter adds to each
	// trans-unit: score, type, en-ids, zh-ids, hash. XLIFF 1.2 allows
	// attributes of other namespaces on trans-unit.
	zhenalignNS = "https://github.com/zhenalign/zhenalign/xliff"
)

// XLIFFWriter writes units as an XLIFF 1.2 document, for bilingual review
// in a CAT tool: one <file> per document (its original attribute is
// [Unit.Doc]; units of one document are expected together, and a document
// that comes back after another gets a second <file>), and one
// <trans-unit> per unit with both sides, holding the English text in
// <source> and the Chinese in <target> (the other way round with
// [SourceLang] Chinese). The target's state is "translated" when the score
// is at least the review threshold ([ReviewBelow]) and
// "needs-review-translation" below it. A note gives the score, the link
// type and the sentence ids for the reviewer, and attributes in the
// namespace https://github.com/zhenalign/zhenalign/xliff
// (zhenalign:score, zhenalign:type, zhenalign:en-ids, zhenalign:zh-ids,
// zhenalign:en-time and zhenalign:zh-time for the subtitle times of a unit
// that has them, and zhenalign:hash with [WithHash]) give them to
// programs, such as
// [XLIFFReader]. A trans-unit's id is its sentence ids in ladder notation
// ("[5,6]:[6]"), unique in its <file> (see [TMXWriter] for the cases that
// get a position instead); xml:space="preserve" keeps the newlines of
// paragraph units.
//
// The Chinese language tag (target-language, or source-language) is one
// for the whole output, chosen as the TMX writer chooses it, with the
// options [ChineseLang] and [ChineseLangWindow] ([ChineseLangPerUnit] does
// not apply: XLIFF has one tag per <file>, and a CAT project one target
// language). Each <file> carries the creation date ([CreationDate]) and
// the tool, with [ToolVersion]. Units with an empty side are skipped,
// characters XML does not allow removed, and segments longer than
// [LongSegment] characters counted in Warnings. The document is complete
// only after Close; errors are sticky. An XLIFFWriter is not safe for
// concurrent use.
type XLIFFWriter struct {
	bw      *bufio.Writer
	cat     catWriter
	date    string
	started bool // <xliff> written
	inFile  bool // a <file> is open
	closed  bool
	err     error
}

// NewXLIFFWriter returns a Writer of an XLIFF 1.2 document to w. Nothing
// is written before the first Write or Close.
func NewXLIFFWriter(w io.Writer, opts ...WriterOption) *XLIFFWriter {
	cat := newCatWriter(opts)
	if cat.opts.zhPerUnit {
		cat.opts.zhPerUnit, cat.decided = false, false
	}
	return &XLIFFWriter{bw: bufio.NewWriter(writerOrNil(w)), cat: cat,
		date: cat.opts.date.Format("2006-01-02T15:04:05Z")}
}

var errXLIFFClosed = errors.New("corpus: write to a closed XLIFFWriter")

// Write writes u as one trans-unit, or nothing when a side of u is empty.
// A score outside [0,1] is an error wrapping ErrScore.
func (w *XLIFFWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errXLIFFClosed
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
		w.writeUnit(u)
	}
	return w.err
}

// Warnings returns what a CAT tool would not take well in what was
// written so far (complete after Close), as TMXWriter.Warnings does.
func (w *XLIFFWriter) Warnings() []error {
	if w == nil {
		return nil
	}
	return w.cat.warnings()
}

// Close writes the units still held, ends the document and flushes it to
// the underlying writer, which it does not close. A writer closed before
// any Write gives a document with one empty <file>. Close after Close does
// nothing.
func (w *XLIFFWriter) Close() error {
	if w == nil {
		return errNil
	}
	if w.err != nil || w.closed {
		return w.err
	}
	for _, u := range w.cat.decide() {
		w.writeUnit(u)
	}
	if !w.inFile {
		w.startFile("") // XLIFF needs at least one <file>
	}
	w.endFile()
	w.str("</xliff>\n")
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	w.closed = true
	return w.err
}

// writeUnit writes one clean unit, opening a <file> for a new document.
func (w *XLIFFWriter) writeUnit(u Unit) {
	o := &w.cat.opts
	id, newDoc := w.cat.ids.next(u)
	if newDoc {
		w.endFile()
		w.startFile(u.Doc)
	}
	w.cat.zhLang(u) // the file's tag, in <file>; counts a unit in the other script
	w.cat.checkLong(tuid(u.Doc, id), u.EN, u.ZH)
	score := strconv.FormatFloat(u.Score, 'f', 4, 64)
	w.str(`      <trans-unit id="`)
	w.attr(id)
	w.str(`" xml:space="preserve" zhenalign:score="`)
	w.str(score)
	hasIDs := len(u.ENIDs) > 0 || len(u.ZHIDs) > 0
	if hasIDs {
		w.str(`" zhenalign:type="`)
		w.str(u.Type())
		w.str(`" zhenalign:en-ids="`)
		w.str(string(appendIDs(nil, u.ENIDs)))
		w.str(`" zhenalign:zh-ids="`)
		w.str(string(appendIDs(nil, u.ZHIDs)))
	}
	if u.ENTime != nil {
		w.str(`" zhenalign:en-time="`)
		w.attr(u.ENTime.String())
	}
	if u.ZHTime != nil {
		w.str(`" zhenalign:zh-time="`)
		w.attr(u.ZHTime.String())
	}
	if o.hash {
		w.str(`" zhenalign:hash="`)
		w.str(HashString(hashOf(u, o.hashMode)))
	}
	w.str("\">\n")
	src, tgt := u.EN, u.ZH
	if o.srcZH {
		src, tgt = tgt, src
	}
	w.str("        <source>")
	w.text(src)
	state := "translated"
	if u.Score < o.review {
		state = "needs-review-translation"
	}
	w.str("</source>\n        <target state=\"" + state + "\">")
	w.text(tgt)
	w.str("</target>\n        <note from=\"zhenalign\">score " + score)
	if hasIDs {
		w.str(", link " + u.Type() + ", English sentences " + idsOrNone(u.ENIDs) + ", Chinese sentences " + idsOrNone(u.ZHIDs))
	}
	w.str("</note>\n      </trans-unit>\n")
}

func idsOrNone(ids []int) string {
	if len(ids) == 0 {
		return "none"
	}
	return string(appendIDs(nil, ids))
}

// startFile writes the prolog once, and opens a <file> for document doc.
func (w *XLIFFWriter) startFile(doc string) {
	o := &w.cat.opts
	if !w.started {
		w.started = true
		w.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		w.str(`<xliff version="1.2" xmlns="` + xliffNS + `" xmlns:zhenalign="` + zhenalignNS + `">` + "\n")
	}
	srcLang, tgtLang := "en", w.cat.zhTag
	if o.srcZH {
		srcLang, tgtLang = tgtLang, srcLang
	}
	w.str(`  <file original="`)
	w.attr(doc)
	w.str(`" source-language="` + srcLang + `" target-language="`)
	w.attr(tgtLang)
	w.str(`" datatype="plaintext" date="` + w.date + `" tool-id="zhenalign">` + "\n")
	w.str(`    <header>` + "\n" + `      <tool tool-id="zhenalign" tool-name="zhenalign" tool-version="`)
	w.attr(xmlClean(o.version))
	w.str(`"/>` + "\n    </header>\n    <body>\n")
	w.inFile = true
}

// endFile closes the open <file>, if any.
func (w *XLIFFWriter) endFile() {
	if w.inFile {
		w.str("    </body>\n  </file>\n")
		w.inFile = false
	}
}

func (w *XLIFFWriter) str(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// xmlTextEscaper escapes character data; a carriage return is written as a
// reference, or XML would read it as a newline.
var xmlTextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")

// xmlAttrEscaper escapes an attribute value in double quotes; white space
// other than the space is written as references, or XML would read it as
// spaces.
var xmlAttrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
	"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")

// text writes clean character data.
func (w *XLIFFWriter) text(s string) {
	if w.err == nil {
		_, w.err = xmlTextEscaper.WriteString(w.bw, s)
	}
}

// attr writes a clean attribute value (without its quotes).
func (w *XLIFFWriter) attr(s string) {
	if w.err == nil {
		_, w.err = xmlAttrEscaper.WriteString(w.bw, s)
	}
}
