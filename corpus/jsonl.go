package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/internal/fileerr"
	"github.com/zhenalign/zhenalign/segment"
)

// Errors of JSONLReader, wrapped in a *ParseError.
var (
	// ErrNoText means a JSONL row has neither "en" nor "zh".
	ErrNoText = errors.New("corpus: row has neither en nor zh")
	// ErrIDs means the sentence ids of a row are not ascending
	// non-negative integers, each once.
	ErrIDs = errors.New("corpus: ids must be ascending non-negative integers")
	// ErrNotObject means a JSONL line is not a JSON object.
	ErrNotObject = errors.New("corpus: line is not a JSON object")
)

var utf8BOM = []byte("\xEF\xBB\xBF")

// JSONLReader reads units from JSON lines as JSONLWriter writes them (the
// fields en and zh are needed; en_ids, zh_ids, score, doc, en_time and
// zh_time are read when present), and the Hugging Face translation rows
// HFWriter writes ({"translation": {"en", "zh"}}). A UTF-8 byte order mark at the start is skipped. A line that is
// not a JSON object (ErrNotObject), a row with neither en nor zh
// (ErrNoText), ids that are not ascending non-negative integers (ErrIDs)
// and a score outside [0,1] (ErrScore) stop the reader with a
// *ParseError naming the file and line. It streams: call Next until it returns false, then check Err.
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
	sc := bufio.NewScanner(readerOrNil(r))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	return &JSONLReader{sc: sc, name: name}
}

// Next reads the next unit, skipping blank lines. It returns false at the
// end of the input or on the first error.
func (r *JSONLReader) Next() bool {
	if r == nil {
		return false
	}
	if r.err != nil {
		return false
	}
	for r.sc.Scan() {
		r.line++
		b := r.sc.Bytes()
		if r.line == 1 {
			b = bytes.TrimPrefix(b, utf8BOM)
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		if b[0] != '{' {
			r.err = &ParseError{File: r.name, Line: r.line, Err: ErrNotObject}
			return false
		}
		var row struct {
			EN     *string  `json:"en"`
			ZH     *string  `json:"zh"`
			ENIDs  []int    `json:"en_ids"`
			ZHIDs  []int    `json:"zh_ids"`
			Score  *float64 `json:"score"`
			Doc    string   `json:"doc"`
			ENTime string   `json:"en_time"`
			ZHTime string   `json:"zh_time"`
			// Translation is the pair of a Hugging Face translation
			// row.
			Translation *struct {
				EN *string `json:"en"`
				ZH *string `json:"zh"`
			} `json:"translation"`
		}
		if err := json.Unmarshal(b, &row); err != nil {
			r.err = &ParseError{File: r.name, Line: r.line, Err: jsonError(err)}
			return false
		}
		if row.EN == nil && row.ZH == nil && row.Translation != nil {
			row.EN, row.ZH = row.Translation.EN, row.Translation.ZH
		}
		if row.EN == nil && row.ZH == nil {
			r.err = &ParseError{File: r.name, Line: r.line, Err: ErrNoText}
			return false
		}
		for _, ids := range []struct {
			name string
			ids  []int
		}{{"en_ids", row.ENIDs}, {"zh_ids", row.ZHIDs}} {
			if !ascending(ids.ids) {
				r.err = &ParseError{File: r.name, Line: r.line, Err: fmt.Errorf("%s: %w", ids.name, ErrIDs)}
				return false
			}
		}
		u := Unit{ENIDs: row.ENIDs, ZHIDs: row.ZHIDs, Score: 1, Doc: row.Doc}
		for _, t := range []struct {
			field, s string
			p        **input.Cue
		}{{"en_time", row.ENTime, &u.ENTime}, {"zh_time", row.ZHTime, &u.ZHTime}} {
			if t.s == "" {
				continue
			}
			c, err := parseCueString(t.s)
			if err != nil {
				r.err = &ParseError{File: r.name, Line: r.line, Err: fmt.Errorf("%s: %w", t.field, err)}
				return false
			}
			*t.p = c
		}
		if row.EN != nil {
			u.EN = *row.EN
		}
		if row.ZH != nil {
			u.ZH = *row.ZH
		}
		if row.Score != nil {
			if err := checkScore(*row.Score); err != nil {
				r.err = &ParseError{File: r.name, Line: r.line, Err: fmt.Errorf("score: %w", err)}
				return false
			}
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

// ascending reports whether ids are non-negative and strictly ascending.
func ascending(ids []int) bool {
	for i, id := range ids {
		if id < 0 || (i > 0 && id <= ids[i-1]) {
			return false
		}
	}
	return true
}

// jsonError rewrites the errors of encoding/json that name Go types
// ("cannot unmarshal number into Go struct field .en of type string") in
// the terms of the file: the field and the JSON type wanted.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	want := map[string]string{"en": "a string", "zh": "a string", "doc": "a string", "score": "a number",
		"en_ids": "an array of integers", "zh_ids": "an array of integers"}[te.Field]
	if want == "" {
		want = "another type"
	}
	return fmt.Errorf("field %q: want %s, not %s", te.Field, want, te.Value)
}

// Unit returns the unit read by the last call to Next.
func (r *JSONLReader) Unit() Unit {
	if r == nil {
		return Unit{}
	}
	return r.unit
}

// Err returns the first error met, nil at a clean end of input.
func (r *JSONLReader) Err() error {
	if r == nil {
		return errNil
	}
	return r.err
}

// scriptOfText detects the script of Chinese text, newlines read as
// spaces.
func scriptOfText(zh string) segment.Script {
	return segment.ScriptOf(strings.ReplaceAll(zh, "\n", " "))
}

// ParseError reports where a parallel-text file is malformed: its file,
// its 1-based line, and the error.
type ParseError = fileerr.ParseError
