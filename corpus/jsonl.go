package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/zhenalign/zhenalign/internal/fileerr"
	"github.com/zhenalign/zhenalign/segment"
)

// ErrNoText means a JSONL row has neither "en" nor "zh".
var ErrNoText = errors.New("corpus: row has neither en nor zh")

// JSONLReader reads units from JSON lines as JSONLWriter writes them (the
// fields en and zh are needed; en_ids, zh_ids, score and doc are read when
// present). It streams: call Next until it returns false, then check Err.
type JSONLReader struct {
	sc   *bufio.Scanner
	name string
	line int
	unit Unit
	err  error
}

// NewJSONLReader returns a reader of JSON lines from r, naming it name in
// errors.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	return &JSONLReader{sc: sc, name: name}
}

// Next reads the next unit, skipping blank lines. It returns false at the
// end of the input or on the first error.
func (r *JSONLReader) Next() bool {
	if r.err != nil {
		return false
	}
	for r.sc.Scan() {
		r.line++
		b := bytes.TrimSpace(r.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var row struct {
			EN    *string  `json:"en"`
			ZH    *string  `json:"zh"`
			ENIDs []int    `json:"en_ids"`
			ZHIDs []int    `json:"zh_ids"`
			Score *float64 `json:"score"`
			Doc   string   `json:"doc"`
		}
		if err := json.Unmarshal(b, &row); err != nil {
			r.err = &ParseError{File: r.name, Line: r.line, Err: err}
			return false
		}
		if row.EN == nil && row.ZH == nil {
			r.err = &ParseError{File: r.name, Line: r.line, Err: ErrNoText}
			return false
		}
		u := Unit{ENIDs: row.ENIDs, ZHIDs: row.ZHIDs, Score: 1, Doc: row.Doc}
		if row.EN != nil {
			u.EN = *row.EN
		}
		if row.ZH != nil {
			u.ZH = *row.ZH
		}
		if row.Score != nil {
			u.Score = *row.Score
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
func (r *JSONLReader) Unit() Unit { return r.unit }

// Err returns the first error met, nil at a clean end of input.
func (r *JSONLReader) Err() error { return r.err }

// scriptOfText detects the script of Chinese text, newlines read as
// spaces.
func scriptOfText(zh string) segment.Script {
	return segment.ScriptOf(strings.ReplaceAll(zh, "\n", " "))
}

// ParseError reports where a parallel-text file is malformed: its file,
// its 1-based line, and the error.
type ParseError = fileerr.ParseError
