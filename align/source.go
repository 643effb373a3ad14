package align

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/zhenalign/zhenalign/input"

	"github.com/zhenalign/zhenalign/segment"
)

// Errors of the entry points that take raw text (AlignSources, AlignTexts,
// AlignReaders), each wrapped with the name of the input concerned.
var (
	// ErrInputs means the call got neither one mixed text nor two texts
	// (or one text with WithPresplit, which needs two).
	ErrInputs = errors.New("align: want one mixed text or two texts")
	// ErrEmpty means an input holds no text: it is empty or blank.
	ErrEmpty = errors.New("align: no text to align")
	// ErrNilDocument means a method got a nil *segment.Document.
	ErrNilDocument = errors.New("align: nil document")
	// ErrNilReader means AlignReaders got a nil io.Reader.
	ErrNilReader = errors.New("align: nil reader")
	// ErrBadDocument means a *segment.Document's paragraphs do not cover
	// its sentences in order (it was not made by segment.Parse).
	ErrBadDocument = errors.New("align: malformed document")
)

// Warnings of the entry points that take raw text, found in
// Alignment.Warnings wrapped with the name of the input.
var (
	// ErrInvalidUTF8 means an input holds bytes that are not UTF-8; the
	// alignment went on with U+FFFD in their place. It is
	// segment.ErrInvalidUTF8.
	ErrInvalidUTF8 = segment.ErrInvalidUTF8
	// ErrMostlyOmissions means that most sentences of a long alignment
	// are omissions: the texts are not translations of each other, or not
	// of the same part of a document.
	ErrMostlyOmissions = errors.New("align: most sentences are omissions")
	// ErrOneLanguage means a mixed document holds English or Chinese text
	// but not both: every sentence is an omission.
	ErrOneLanguage = errors.New("align: only one language: every sentence is an omission")
)

// Source is one input text of AlignSources: its bytes, and a name (a file
// name, say) used in errors and warnings.
type Source struct {
	Name string
	Data []byte
}

// AlignSources aligns raw text, the one path from input bytes to an
// alignment that the command-line tool and package batch take too:
//
//   - one source is a mixed document holding English and Chinese
//     interleaved, aligned as AlignMixed does;
//   - two sources are two documents, one per language, in either order,
//     aligned as AlignDocuments does (Src is the first); with WithPresplit
//     they hold one sentence per line, and blank lines, kept so that ids
//     are line numbers, become omissions.
//
// Each source is read with input.Read (see WithInput): plain text in
// UTF-8, UTF-16, GB18030 or Big5, HTML, DOCX, ODT, EPUB, and SRT or WebVTT
// subtitles, whose cues are sentences (aligned without a paragraph pass,
// their times in Side.Cues and Pair.ENTime/ZHTime).
//
// The policy for bad input is the same for every caller. Input that cannot
// be read (the errors of package input: input.ErrFormat for binary data,
// input.ErrPDF, input.ErrEncoding, input.ErrMalformed, input.ErrTooLarge)
// or holds no text (ErrEmpty) is an error, and so are two documents in the same language
// (ErrSameLanguage); each error names its source. What does not stop the
// alignment is reported in Alignment.Warnings, naming the source: invalid
// UTF-8 bytes (ErrInvalidUTF8), and a mixed document holding one language
// only (ErrOneLanguage), whose sentences are then all omissions — a page
// nobody translated is a document like any other, with nothing to pair.
func (al *Aligner) AlignSources(srcs ...Source) (*Alignment, error) {
	al = al.ready()
	if len(srcs) < 1 || len(srcs) > 2 || (len(srcs) == 1 && al.opts.presplit) {
		return nil, fmt.Errorf("%w, got %d (presplit: %v)", ErrInputs, len(srcs), al.opts.presplit)
	}
	names := sourceName(srcs[0], 0)
	if len(srcs) == 2 {
		names += ", " + sourceName(srcs[1], 1)
	}
	docs := make([]*segment.Document, len(srcs))
	texts := make([]*input.Text, len(srcs))
	var warnings []error
	presplit := false
	for i, s := range srcs {
		if s.Name == "" {
			s.Name = sourceName(s, i)
		}
		p, err := al.ParseSource(s)
		if err != nil {
			return nil, err
		}
		presplit = presplit || al.opts.presplit || p.Text.Presplit
		warnings = append(warnings, p.Warnings...)
		docs[i], texts[i] = p.Doc, p.Text
	}
	var res *Alignment
	var err error
	if len(docs) == 1 {
		res, err = al.AlignMixed(docs[0])
	} else {
		if presplit {
			// Subtitles: each cue is a sentence, aligned without a
			// paragraph pass, as presplit files are.
			al = al.With(WithoutParagraphs())
		}
		res, err = al.AlignDocuments(docs[0], docs[1])
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", names, err)
	}
	res.Src.setInput(texts[0])
	res.Tgt.setInput(texts[len(texts)-1])
	// The alignment's own warnings are about the document(s): name them.
	for _, w := range res.Warnings {
		warnings = append(warnings, fmt.Errorf("%s: %w", names, w))
	}
	res.Warnings = warnings
	return res, nil
}

// Parsed is a source read and segmented by ParseSource.
type Parsed struct {
	// Text is what input.Read extracted from the source; the byte
	// offsets of Doc's sentences are offsets into Text.Data.
	Text *input.Text
	Doc  *segment.Document
	// Warnings name the source: bytes that are not valid in its encoding
	// (ErrInvalidUTF8, input.ErrReplaced).
	Warnings []error
}

// ParseSource reads and segments one source as AlignSources does: the
// text input.Read extracts from it (see WithInput), divided into
// paragraphs and sentences, one per line with WithPresplit or when the
// source is subtitles (input.Text.Presplit). Errors name the source; a
// source that holds no text is an error wrapping ErrEmpty.
func (al *Aligner) ParseSource(s Source) (*Parsed, error) {
	al = al.ready()
	name := sourceName(s, 0)
	t, err := input.Read(s.Data, name, al.inputOptions(len(s.Data))...)
	var pe *input.ParseError
	switch {
	case errors.Is(err, input.ErrNoText) && errors.As(err, &pe):
		// "the file is empty or blank", "no text in the html document
		// (menus, scripts... are left out)"
		why := strings.TrimPrefix(pe.Err.Error(), input.ErrNoText.Error()+": ")
		return nil, fmt.Errorf("%s: %w (%s)", name, ErrEmpty, why)
	case err != nil:
		return nil, err // it names the source
	}
	var opts []segment.Option
	if al.opts.presplit || t.Presplit {
		opts = append(opts, segment.Presplit())
	}
	d, err := segment.Parse(t.Data, opts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if d.Empty() {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	p := &Parsed{Text: t, Doc: d}
	for _, w := range []error{d.InvalidUTF8(), t.Warning()} {
		if w != nil {
			p.Warnings = append(p.Warnings, fmt.Errorf("%s: %w", name, w))
		}
	}
	return p, nil
}

// inputOptions returns the options of input.Read for a source of n bytes:
// the caller's (WithInput), after a size limit of four times the source
// and at least input.DefaultMaxSize, so that long plain texts are read
// while a zip bomb is still stopped.
func (al *Aligner) inputOptions(n int) []input.Option {
	limit := max(input.DefaultMaxSize, 4*int64(n))
	return append([]input.Option{input.WithMaxSize(limit)}, al.opts.input...)
}

// isNil reports whether r is nil, or a nil pointer (a nil *os.File,
// *bytes.Buffer...) whose methods would panic.
func isNil(r io.Reader) bool {
	if r == nil {
		return true
	}
	v := reflect.ValueOf(r)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// sourceName returns the name of source i for messages: its Name, or
// "text 1", "text 2".
func sourceName(s Source, i int) string {
	if s.Name != "" {
		return s.Name
	}
	return fmt.Sprintf("text %d", i+1)
}

// AlignTexts aligns raw text as AlignSources does: one text holding
// English and Chinese interleaved, or two texts, one per language, in
// either order (Src is the first). With WithPresplit, the two texts hold
// one sentence per line. Errors and warnings name the texts "text 1" and
// "text 2".
//
//	res, err := align.New().AlignTexts(english, chinese)
//	for p := range res.Pairs(align.Sentences) { fmt.Println(p.EN, "|", p.ZH) }
func (al *Aligner) AlignTexts(texts ...string) (*Alignment, error) {
	srcs := make([]Source, len(texts))
	for i, t := range texts {
		srcs[i] = Source{Data: []byte(t)}
	}
	return al.AlignSources(srcs...)
}

// AlignReaders reads all of each reader and aligns the texts as
// AlignSources does. A reader with a Name method (an *os.File) is named
// by it in errors and warnings, others "text 1" and "text 2". A nil reader
// is an error.
func (al *Aligner) AlignReaders(rs ...io.Reader) (*Alignment, error) {
	srcs := make([]Source, len(rs))
	for i, r := range rs {
		if isNil(r) {
			return nil, fmt.Errorf("%s: %w", sourceName(srcs[i], i), ErrNilReader)
		}
		if n, ok := r.(interface{ Name() string }); ok {
			srcs[i].Name = n.Name()
		}
		name := sourceName(srcs[i], i)
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("align: reading %s: %w", name, err)
		}
		srcs[i].Data = b
	}
	return al.AlignSources(srcs...)
}
