package segment

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"unicode/utf8"
)

// Errors returned by Parse.
var (
	// ErrBinary means the input holds NUL bytes: it is not text.
	ErrBinary = errors.New("segment: input is binary, not text")
	// ErrEncoding means the input is not UTF-8: it starts with a UTF-16
	// byte order mark, or it is mostly not UTF-8 (GB18030 or Big5 text,
	// say). Convert it to UTF-8 first.
	ErrEncoding = errors.New("segment: input is not UTF-8")
	// ErrInvalidUTF8 is wrapped by Document.InvalidUTF8: a few bytes of
	// otherwise good text are not UTF-8 (a warning, not an error of Parse).
	ErrInvalidUTF8 = errors.New("segment: invalid UTF-8")
)

// Option configures a Segmenter.
type Option func(*options)

type options struct {
	presplit bool
}

// Presplit tells the Segmenter that the input holds one sentence per line,
// already split: every line, empty ones included, becomes one paragraph
// holding one sentence, so that sentence i is line i (0-based). The
// language of each line is detected; lines are never split further.
//
// In this mode only \n, \r\n and \r end a line, as in the line-numbered
// files other tools write: U+2028 and U+2029 are kept inside the sentence
// (as white space) so that line numbers stay the same.
func Presplit() Option {
	return func(o *options) { o.presplit = true }
}

// Segmenter divides text into paragraphs and sentences. It is immutable
// after New and safe for concurrent use by several goroutines.
type Segmenter struct {
	opts options
}

// New returns a Segmenter configured by opts.
func New(opts ...Option) *Segmenter {
	s := &Segmenter{}
	for _, o := range opts {
		if o != nil {
			o(&s.opts)
		}
	}
	return s
}

// Parse divides text into paragraphs and sentences with a Segmenter
// configured by opts. See Segmenter.Parse.
func Parse(text []byte, opts ...Option) (*Document, error) {
	return New(opts...).Parse(text)
}

// Parse divides text into paragraphs and sentences.
//
// Empty input gives an empty Document. Input starting with a UTF-16 byte
// order mark (FF FE or FE FF) gives an error wrapping ErrEncoding that says
// to convert it to UTF-8. Input holding NUL bytes gives an error wrapping
// ErrBinary, input that is mostly not UTF-8 an error wrapping ErrEncoding;
// both say at which byte offset the problem was found. A few
// invalid bytes in otherwise valid UTF-8 are kept in the sentence they fall
// in and flag it as Mojibake.
func (s *Segmenter) Parse(text []byte) (*Document, error) {
	if s == nil {
		s = &Segmenter{} // the zero Segmenter has the defaults
	}
	if err := check(text); err != nil {
		return nil, err
	}
	doc := &Document{FirstInvalid: -1}
	if !utf8.Valid(text) {
		doc.InvalidBytes, doc.FirstInvalid = countInvalid(text)
	}
	var st state
	s.scan(text, &st, func(p Paragraph, sents []Sentence) bool {
		p.First = len(doc.Sentences)
		p.Count = len(sents)
		doc.Paragraphs = append(doc.Paragraphs, p)
		doc.Sentences = append(doc.Sentences, sents...)
		return true
	})
	return doc, nil
}

// Sentences returns the sentences of text in order, computed as the
// iteration goes. It yields nothing for input that Parse rejects; use Parse
// to get the error.
func (s *Segmenter) Sentences(text []byte) iter.Seq[Sentence] {
	if s == nil {
		s = &Segmenter{}
	}
	return func(yield func(Sentence) bool) {
		if check(text) != nil {
			return
		}
		var st state
		s.scan(text, &st, func(_ Paragraph, sents []Sentence) bool {
			for _, x := range sents {
				if !yield(x) {
					return false
				}
			}
			return true
		})
	}
}

// check rejects input that is not text.
func check(text []byte) error {
	// A UTF-16 byte order mark comes first: UTF-16 text also holds NUL
	// bytes, and "binary" would be the wrong advice. FE and FF never occur
	// in UTF-8, so this cannot reject valid input.
	if len(text) >= 2 {
		switch {
		case text[0] == 0xFF && text[1] == 0xFE:
			return fmt.Errorf("%w: UTF-16: convert to UTF-8 (little-endian byte order mark FF FE at offset 0)", ErrEncoding)
		case text[0] == 0xFE && text[1] == 0xFF:
			return fmt.Errorf("%w: UTF-16: convert to UTF-8 (big-endian byte order mark FE FF at offset 0)", ErrEncoding)
		}
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	// Count invalid bytes among the non-ASCII ones in a prefix.
	const probe = 1 << 16
	p := text[:min(len(text), probe)]
	invalid, nonASCII, first := 0, 0, -1
	for i := 0; i < len(p); {
		if p[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 && i+utf8.UTFMax <= len(p) {
			invalid++
			if first < 0 {
				first = i
			}
		}
		nonASCII += n
		i += n
	}
	if invalid >= 16 && invalid*4 > nonASCII {
		return fmt.Errorf("%w (%d invalid bytes in the first %d, the first at offset %d)", ErrEncoding, invalid, len(p), first)
	}
	return nil
}

// countInvalid returns the number of bytes of text that are not part of a
// valid UTF-8 sequence, and the offset of the first.
func countInvalid(text []byte) (n, first int) {
	first = -1
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
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

// state holds the scratch buffers of one scan.
type state struct {
	runs  []run
	zh    []bool
	back  []uint8
	ends  []int
	sents []Sentence
	para  int
}

// scan calls emit for each paragraph of text with its sentences, in order,
// until emit returns false. The slice passed to emit is reused.
func (s *Segmenter) scan(text []byte, st *state, emit func(Paragraph, []Sentence) bool) {
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start, !s.opts.presplit)
		if s.opts.presplit {
			if !s.presplitLine(text, start, end, st, emit) {
				return
			}
		} else if !s.line(text, start, end, st, emit) {
			return
		}
		start = next
	}
}

// lineEnd returns the end of the line starting at start and the start of
// the next line. A line ends at \n, \r\n or \r, and also at U+2028 or
// U+2029 when unicodeSeps is set.
func lineEnd(text []byte, start int, unicodeSeps bool) (end, next int) {
	for i := start; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case 0xE2:
			if unicodeSeps && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(text), len(text)
}

// presplitLine emits the line text[start:end] as one paragraph holding one
// sentence, even when it is empty.
func (s *Segmenter) presplitLine(text []byte, start, end int, st *state, emit func(Paragraph, []Sentence) bool) bool {
	a, b := trim(text, start, end)
	if a == b {
		a, b = start, start
	}
	st.runs = strongRuns(text[a:b], st.runs)
	lang := lineLang(st.runs)
	sent, _, _ := newSentence(text, a, b, lang, st.para)
	st.sents = append(st.sents[:0], sent)
	p := Paragraph{Lang: lang, Script: sent.Script, Start: a, End: b}
	st.para++
	return emit(p, st.sents)
}

// lineLang returns the language of a line read whole (Presplit): the one
// of the heavier runs, a Han character weighing costHanInEN letters.
func lineLang(runs []run) Lang {
	var en, zh float64
	for _, r := range runs {
		if r.zh {
			zh += r.weight * costHanInEN
		} else {
			en += r.weight
		}
	}
	switch {
	case zh > 0 && zh >= en:
		return Chinese
	case en > 0:
		return English
	}
	return Other
}

// line emits the paragraphs of the line text[start:end].
func (s *Segmenter) line(text []byte, start, end int, st *state, emit func(Paragraph, []Sentence) bool) bool {
	a, b := trim(text, start, end)
	if a == b {
		return true
	}
	line := text[a:b]
	st.runs = strongRuns(line, st.runs)
	if weight(st.runs) == 0 {
		// No letters and no Han characters: dates, numbers, or only
		// punctuation ("。。。", "《》"), whose runs weigh nothing.
		sent, _, _ := newSentence(text, a, b, Other, st.para)
		st.sents = append(st.sents[:0], sent)
		st.para++
		return emit(Paragraph{Lang: Other, Start: a, End: b}, st.sents)
	}
	st.zh = blocks(st.runs, st.zh, st.back)
	pstart := 0
	for i := 0; i < len(st.runs); {
		j := i + 1
		for j < len(st.runs) && st.zh[j] == st.zh[i] {
			j++
		}
		pend := len(line)
		if j < len(st.runs) {
			pend = splitGap(line, st.runs[j-1].end, st.runs[j].start, st.zh[j])
		}
		lang := English
		switch {
		case weight(st.runs[i:j]) == 0:
			lang = Other // a block of CJK punctuation only
		case st.zh[i]:
			lang = Chinese
		}
		if !s.paragraph(text, a+pstart, a+pend, lang, st, emit) {
			return false
		}
		pstart = pend
		i = j
	}
	return true
}

// paragraph splits text[start:end] into sentences of language lang and
// emits them as one paragraph. Text of language Other is one sentence.
func (s *Segmenter) paragraph(text []byte, start, end int, lang Lang, st *state, emit func(Paragraph, []Sentence) bool) bool {
	start, end = trim(text, start, end)
	if start == end {
		return true
	}
	body := text[start:end]
	st.ends = st.ends[:0]
	switch lang {
	case Chinese:
		st.ends = chineseBreaks(body, st.ends)
	case English:
		st.ends = englishBreaks(body, st.ends)
	}
	st.ends = append(st.ends, len(body))
	st.sents = st.sents[:0]
	from := 0
	var trad, simp int
	for _, e := range st.ends {
		a, b := trim(text, start+from, start+e)
		from = e
		if a == b {
			continue
		}
		sent, t, s := newSentence(text, a, b, lang, st.para)
		st.sents = append(st.sents, sent)
		trad += t
		simp += s
	}
	p := Paragraph{Lang: lang, Start: start, End: end}
	if lang == Chinese {
		p.Script = scriptOf(trad, simp)
	}
	st.para++
	return emit(p, st.sents)
}

// weight returns the number of letters and Han characters in runs.
func weight(runs []run) float64 {
	var w float64
	for _, r := range runs {
		w += r.weight
	}
	return w
}

// trim returns the bounds of text[start:end] without leading and trailing
// white space.
func trim(text []byte, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRune(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRune(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		end -= n
	}
	return start, end
}
