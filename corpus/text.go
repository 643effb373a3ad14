package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// TextWriter writes units as two columns side by side, English on the
// left, Chinese on the right, for reading in a terminal.
type TextWriter struct {
	bw    *bufio.Writer
	col   int // width of one column, in terminal cells
	first bool
}

// NewTextWriter returns a Writer of a two-column view to w, for a terminal
// that is cols cells wide (80 when cols < 40).
func NewTextWriter(w io.Writer, cols int) *TextWriter {
	if cols < 40 {
		cols = 80
	}
	return &TextWriter{bw: bufio.NewWriter(writerOrNil(w)), col: (cols - 3) / 2, first: true}
}

// Write writes u as a block of lines with a header giving its type and
// score, or nothing when both its sides are empty.
func (w *TextWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if blank(u) {
		return nil
	}
	if !w.first {
		w.bw.WriteByte('\n')
	}
	w.first = false
	fmt.Fprintf(w.bw, "── %s  %.2f %s\n", u.Type(), u.Score, strings.Repeat("─", max(0, 2*w.col-12)))
	left := wrap(u.EN, w.col)
	right := wrap(u.ZH, w.col)
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		w.bw.WriteString(l)
		w.bw.WriteString(strings.Repeat(" ", w.col-cells(l)))
		w.bw.WriteString(" │ ")
		w.bw.WriteString(r)
		w.bw.WriteByte('\n')
	}
	return nil
}

// Close flushes.
func (w *TextWriter) Close() error {
	if w == nil {
		return errNil
	}
	return w.bw.Flush()
}

// cells returns the display width of s in terminal cells.
func cells(s string) int {
	n := 0
	for _, r := range s {
		n += runeCells(r)
	}
	return n
}

func runeCells(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if unicode.Is(unicode.Mn, r) || r == '\u200b' {
		return 0
	}
	return 1
}

// wrap breaks s into lines of at most n cells, at spaces where it can
// (English) and anywhere between wide characters (Chinese).
func wrap(s string, n int) []string {
	var out []string
	for para := range strings.SplitSeq(s, "\n") {
		var line strings.Builder
		w := 0
		lastSpace := -1 // byte offset in line of the last space
		for _, r := range para {
			c := runeCells(r)
			if w+c > n {
				cur := line.String()
				if lastSpace > 0 && c == 1 && r != ' ' {
					out = append(out, strings.TrimRight(cur[:lastSpace], " "))
					rest := cur[lastSpace+1:]
					line.Reset()
					line.WriteString(rest)
					w = cells(rest)
				} else {
					out = append(out, strings.TrimRight(cur, " "))
					line.Reset()
					w = 0
				}
				lastSpace = -1
				if r == ' ' {
					continue
				}
			}
			if r == ' ' {
				lastSpace = line.Len()
			}
			line.WriteRune(r)
			w += c
		}
		out = append(out, line.String())
	}
	return out
}
