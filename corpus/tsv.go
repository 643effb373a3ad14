package corpus

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// TSVWriter writes one unit per line: English, Chinese and score separated
// by tabs, and with [WithHash] a fourth column, bifixer's hash. Inside the
// texts, a backslash is written \\, a tab \t, a newline \n and a carriage
// return \r, so that every unit stays on one line for line-based tools.
// The hash is that of the texts, not of their escaped form.
type TSVWriter struct {
	bw   *bufio.Writer
	opts writerOptions
}

// NewTSVWriter returns a Writer of TSV lines to w. It uses the option
// [WithHash].
func NewTSVWriter(w io.Writer, opts ...WriterOption) *TSVWriter {
	return &TSVWriter{bw: bufio.NewWriter(writerOrNil(w)), opts: defaultWriterOptions(opts)}
}

var tsvEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

// Write writes u as one line, or nothing when both its sides are empty. A
// score outside [0,1] is an error wrapping ErrScore.
func (w *TSVWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if blank(u) {
		return nil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	tsvEscaper.WriteString(w.bw, u.EN)
	w.bw.WriteByte('\t')
	tsvEscaper.WriteString(w.bw, u.ZH)
	w.bw.WriteByte('\t')
	w.bw.WriteString(strconv.FormatFloat(u.Score, 'f', 4, 64))
	if w.opts.hash {
		w.bw.WriteByte('\t')
		w.bw.WriteString(HashString(hashOf(u, w.opts.hashMode)))
	}
	return w.bw.WriteByte('\n')
}

// Close flushes.
func (w *TSVWriter) Close() error {
	if w == nil {
		return errNil
	}
	return w.bw.Flush()
}

// MosesWriter writes line-parallel text for machine translation toolkits:
// the English side of each unit on a line of one file, the Chinese side on
// the same line of the other. Units with an empty side are skipped, so the
// two files always have the same number of lines; line breaks inside a
// text (between joined paragraphs) become spaces.
type MosesWriter struct {
	en, zh *bufio.Writer
}

// NewMosesWriter returns a Writer of English lines to en and Chinese lines
// to zh.
func NewMosesWriter(en, zh io.Writer) *MosesWriter {
	return &MosesWriter{en: bufio.NewWriter(writerOrNil(en)), zh: bufio.NewWriter(writerOrNil(zh))}
}

var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ")

// Write writes the two sides of u, unless one is empty.
func (w *MosesWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if u.EN == "" || u.ZH == "" {
		return nil
	}
	oneLine.WriteString(w.en, u.EN)
	w.en.WriteByte('\n')
	oneLine.WriteString(w.zh, u.ZH)
	return w.zh.WriteByte('\n')
}

// Close flushes both files.
func (w *MosesWriter) Close() error {
	if w == nil {
		return errNil
	}
	if err := w.en.Flush(); err != nil {
		return err
	}
	return w.zh.Flush()
}
