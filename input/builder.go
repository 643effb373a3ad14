package input

import (
	"unicode"
	"unicode/utf8"
)

// builder accumulates extracted text, one paragraph per line, and the
// language hints of its spans.
type builder struct {
	limit     int // stop writing past this many bytes (0: no limit)
	buf       []byte
	lineStart int  // offset in buf where the current line starts
	space     bool // a collapsed white space is pending
	spaceNL   bool // the pending white space held a line break
	last      rune // the last character written on the line, 0 at its start
	lang      string
	hints     []LangHint
	open      bool // hints[len(hints)-1] is still growing
}

// text appends s. With collapse, runs of ASCII white space become one
// space, dropped at the start of a line, and dropped between two East
// Asian wide characters when it held a line break (a source line wrapped
// inside Chinese text, as CSS treats it). Without collapse, s is kept as
// is, its line breaks ending lines. Control characters become spaces.
func (b *builder) text(s string, collapse bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			if collapse {
				b.space, b.spaceNL = true, true
			} else {
				b.endLine()
			}
			continue
		case r == ' ' || r == '\t' && collapse || r == '\f':
			if collapse {
				b.space = true
			} else {
				b.put(' ')
			}
			continue
		case r == '\t':
			b.put('\t')
			continue
		case r < 0x20 || r == 0x7F:
			if collapse {
				b.space = true
			} else {
				b.put(' ')
			}
			continue
		}
		if b.space && b.last != 0 && !(b.spaceNL && wide(b.last) && wide(r)) {
			b.put(' ')
		}
		b.space, b.spaceNL = false, false
		b.hint()
		b.put(r)
		b.extend()
	}
}

// full reports whether the text has grown past the limit: from then on
// nothing more is written, and Read returns ErrTooLarge.
func (b *builder) full() bool { return b.limit > 0 && len(b.buf) > b.limit }

// put writes r to the current line.
func (b *builder) put(r rune) {
	if b.full() {
		return
	}
	b.buf = utf8.AppendRune(b.buf, r)
	b.last = r
}

// tab writes a tab character (a DOCX or ODT tab).
func (b *builder) tab() {
	b.space, b.spaceNL = false, false
	b.put('\t')
}

// spaces writes n spaces (ODT text:s), at most 64.
func (b *builder) spaces(n int) {
	b.space, b.spaceNL = false, false
	for range min(n, 64) {
		b.put(' ')
	}
}

// endLine ends the current line, unless it is empty: blank lines are not
// written (segment skips them anyway).
func (b *builder) endLine() {
	b.space, b.spaceNL = false, false
	if b.last == 0 || b.full() {
		return
	}
	b.buf = append(b.buf, '\n')
	b.lineStart = len(b.buf)
	b.last = 0
}

// setLang sets the language of the text written next ("" for none).
func (b *builder) setLang(lang string) {
	if lang == b.lang {
		return
	}
	b.lang = lang
	b.open = false
}

// hint starts or continues the hint of the current language before a
// character is written at the end of buf.
func (b *builder) hint() {
	if b.lang == "" || b.open {
		return
	}
	b.open = true
	if n := len(b.hints); n > 0 && b.hints[n-1].Lang == b.lang && blankBytes(b.buf[b.hints[n-1].End:]) {
		return // the previous hint, with only white space in between
	}
	b.hints = append(b.hints, LangHint{Start: len(b.buf), End: len(b.buf), Lang: b.lang})
}

// extend makes the open hint end at the end of buf.
func (b *builder) extend() {
	if b.open {
		b.hints[len(b.hints)-1].End = len(b.buf)
	}
}

// bytes ends the last line and returns the text.
func (b *builder) bytes() []byte {
	b.endLine()
	return b.buf
}

// append adds the text and hints of o, which must be ended, as new lines.
func (b *builder) append(o *builder) {
	b.endLine()
	base := len(b.buf)
	b.buf = append(b.buf, o.buf...)
	for _, h := range o.hints {
		b.hints = append(b.hints, LangHint{Start: h.Start + base, End: h.End + base, Lang: h.Lang})
	}
	b.lineStart = len(b.buf)
	b.open = false
}

func blankBytes(p []byte) bool {
	for _, c := range p {
		if c != ' ' && c != '\n' && c != '\t' {
			return false
		}
	}
	return true
}

// isSpace reports white space, the byte order mark included.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// wide reports East Asian wide characters (Han, kana, CJK punctuation,
// full-width forms), between which a line break is no space.
func wide(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30FF, r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}
