package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"

	"github.com/zhenalign/zhenalign/input"
)

// Writer writes units to a parallel-text file. Close writes what the format
// needs at the end and flushes; it does not close the underlying writer.
// A Writer is not safe for concurrent use.
type Writer interface {
	Write(Unit) error
	Close() error
}

// errNil is the error of reading from a nil io.Reader or writing to a nil
// io.Writer given to a constructor of this package.
var errNil = errors.New("corpus: nil reader or writer")

// nilIO stands for a nil io.Reader or io.Writer: every call fails with
// errNil.
type nilIO struct{}

func (nilIO) Read([]byte) (int, error)  { return 0, errNil }
func (nilIO) Write([]byte) (int, error) { return 0, errNil }

// readerOrNil returns r, or a reader that fails when r is nil.
func readerOrNil(r io.Reader) io.Reader {
	if r == nil {
		return nilIO{}
	}
	return r
}

// writerOrNil returns w, or a writer that fails when w is nil.
func writerOrNil(w io.Writer) io.Writer {
	if w == nil {
		return nilIO{}
	}
	return w
}

// Row is the JSON form of a unit: one object per line in JSONL files.
type Row struct {
	EN    string  `json:"en"`
	ZH    string  `json:"zh"`
	ENIDs []int   `json:"en_ids"`
	ZHIDs []int   `json:"zh_ids"`
	Type  string  `json:"type"`
	Score float64 `json:"score"`
	Doc   string  `json:"doc,omitempty"`
	// ENTime and ZHTime are the subtitle times of each side, as
	// "00:01:02.500 --> 00:01:04.000", when the side comes from subtitles.
	ENTime string `json:"en_time,omitempty"`
	ZHTime string `json:"zh_time,omitempty"`
	// Hash is bifixer's hash of the two texts, as 16 hex digits, when
	// the writer is asked for it (WithHash).
	Hash string `json:"hash,omitempty"`
}

// cueString returns the JSON form of a subtitle time span, "" for none.
func cueString(c *input.Cue) string {
	if c == nil {
		return ""
	}
	return c.String()
}

// parseCueString parses a subtitle time as cueString writes it.
func parseCueString(s string) (*input.Cue, error) {
	c, err := input.ParseCue(s)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// JSONLWriter writes one JSON object per unit and line, a [Row].
type JSONLWriter struct {
	bw   *bufio.Writer
	enc  *json.Encoder
	opts writerOptions
}

// NewJSONLWriter returns a Writer of JSON lines to w. It uses the option
// [WithHash].
func NewJSONLWriter(w io.Writer, opts ...WriterOption) *JSONLWriter {
	bw := bufio.NewWriter(writerOrNil(w))
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc, opts: defaultWriterOptions(opts)}
}

// Write writes u as one line, or nothing when both its sides are empty. A
// score outside [0,1] is an error wrapping ErrScore.
func (w *JSONLWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if blank(u) {
		return nil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	row := Row{EN: u.EN, ZH: u.ZH, ENIDs: nonNil(u.ENIDs), ZHIDs: nonNil(u.ZHIDs),
		Type: u.Type(), Score: round4(u.Score), Doc: u.Doc, ENTime: cueString(u.ENTime), ZHTime: cueString(u.ZHTime)}
	if w.opts.hash {
		row.Hash = HashString(hashOf(u, w.opts.hashMode))
	}
	return w.enc.Encode(row)
}

// Close flushes.
func (w *JSONLWriter) Close() error {
	if w == nil {
		return errNil
	}
	return w.bw.Flush()
}

func nonNil(x []int) []int {
	if x == nil {
		return []int{}
	}
	return x
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// LadderWriter writes the ladder format of published evaluations:
// "[i,j]:[k]:score" per line, the first side's ids first.
type LadderWriter struct {
	bw      *bufio.Writer
	zhFirst bool
}

// NewLadderWriter returns a Writer of ladder lines to w, Chinese ids first
// when zhFirst is set, English ids first otherwise.
func NewLadderWriter(w io.Writer, zhFirst bool) *LadderWriter {
	return &LadderWriter{bw: bufio.NewWriter(writerOrNil(w)), zhFirst: zhFirst}
}

// Write writes u as one ladder line; a unit with two empty sides keeps its
// line, so that every id is written. A score outside [0,1] is an error
// wrapping ErrScore.
func (w *LadderWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	a, b := u.ENIDs, u.ZHIDs
	if w.zhFirst {
		a, b = b, a
	}
	buf := make([]byte, 0, 64)
	buf = appendIDs(append(buf, '['), a)
	buf = append(buf, "]:["...)
	buf = appendIDs(buf, b)
	buf = append(buf, "]:"...)
	buf = strconv.AppendFloat(buf, u.Score, 'f', 4, 64)
	buf = append(buf, '\n')
	_, err := w.bw.Write(buf)
	return err
}

// Close flushes.
func (w *LadderWriter) Close() error {
	if w == nil {
		return errNil
	}
	return w.bw.Flush()
}

func appendIDs(buf []byte, ids []int) []byte {
	for i, v := range ids {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(v), 10)
	}
	return buf
}
