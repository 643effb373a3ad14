package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrTSVColumns means a TSV line does not have the English and Chinese
// columns.
var ErrTSVColumns = errors.New("corpus: want English<TAB>Chinese[<TAB>score]")

// TSVReader reads units from TSV lines as TSVWriter writes them:
// English, Chinese and, optionally, the score, separated by tabs, with
// \\, \t, \n and \r inside the texts read back as a backslash, tab,
// newline and carriage return. Further columns (the hash of --hash) are
// ignored; a unit without a score gets 1, as a translation memory without
// scores is taken as trusted. A UTF-8 byte order mark at the start and
// blank lines are skipped. A line without a tab (ErrTSVColumns) and a
// score that is not a number in [0,1] (ErrScore) stop the reader with a
// *ParseError naming the file and line. It streams, like JSONLReader.
type TSVReader struct {
	sc   *bufio.Scanner
	name string
	line int
	unit Unit
	err  error
}

// NewTSVReader returns a reader of TSV lines from r, naming it name in
// errors.
func NewTSVReader(r io.Reader, name string) *TSVReader {
	sc := bufio.NewScanner(readerOrNil(r))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	return &TSVReader{sc: sc, name: name}
}

var tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")

// Next reads the next unit. It returns false at the end of the input or
// on the first error.
func (r *TSVReader) Next() bool {
	if r == nil || r.err != nil {
		return false
	}
	for r.sc.Scan() {
		r.line++
		b := r.sc.Bytes()
		if r.line == 1 {
			b = bytes.TrimPrefix(b, utf8BOM)
		}
		b = bytes.TrimSuffix(b, []byte("\r"))
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		cols := strings.Split(string(b), "\t")
		if len(cols) < 2 {
			r.err = &ParseError{File: r.name, Line: r.line, Err: ErrTSVColumns}
			return false
		}
		u := Unit{EN: tsvUnescaper.Replace(cols[0]), ZH: tsvUnescaper.Replace(cols[1]), Score: 1}
		if len(cols) > 2 {
			s, err := strconv.ParseFloat(strings.TrimSpace(cols[2]), 64)
			if err == nil {
				err = checkScore(s)
			}
			if err != nil {
				r.err = &ParseError{File: r.name, Line: r.line, Err: fmt.Errorf("score %q: %w", cols[2], ErrScore)}
				return false
			}
			u.Score = s
		}
		u.Script = scriptOfText(u.ZH)
		r.unit = u
		return true
	}
	if err := r.sc.Err(); err != nil {
		r.err = &ParseError{File: r.name, Line: r.line + 1, Err: err}
	}
	return false
}

// Unit returns the unit read by the last call to Next.
func (r *TSVReader) Unit() Unit {
	if r == nil {
		return Unit{}
	}
	return r.unit
}

// Err returns the first error met, nil at a clean end of input.
func (r *TSVReader) Err() error {
	if r == nil {
		return errNil
	}
	return r.err
}
