package corpus

import (
	"bufio"
	"encoding/json"
	"io"
)

// HFWriter writes the JSON lines the Hugging Face datasets library loads
// as a translation data set: {"translation": {"en": "…", "zh": "…"}} per
// unit, with a top-level "hash" field (bifixer's hash) when asked for
// ([WithHash]), which datasets loads as a column of its own. Units with
// an empty side are left out: a translation pairs two texts.
// load_dataset("json", data_files="train.jsonl") reads the file.
type HFWriter struct {
	bw   *bufio.Writer
	enc  *json.Encoder
	opts writerOptions
}

// hfRow is the JSON form of a unit in a Hugging Face translation file.
type hfRow struct {
	Translation struct {
		EN string `json:"en"`
		ZH string `json:"zh"`
	} `json:"translation"`
	Hash string `json:"hash,omitempty"`
}

// NewHFWriter returns a Writer of Hugging Face translation JSON lines to
// w. It uses the option [WithHash].
func NewHFWriter(w io.Writer, opts ...WriterOption) *HFWriter {
	bw := bufio.NewWriter(writerOrNil(w))
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &HFWriter{bw: bw, enc: enc, opts: defaultWriterOptions(opts)}
}

// Write writes u as one line, or nothing when a side of u is empty.
func (w *HFWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if u.EN == "" || u.ZH == "" {
		return nil
	}
	var row hfRow
	row.Translation.EN, row.Translation.ZH = u.EN, u.ZH
	if w.opts.hash {
		row.Hash = HashString(hashOf(u, w.opts.hashMode))
	}
	return w.enc.Encode(row)
}

// Close flushes.
func (w *HFWriter) Close() error {
	if w == nil {
		return errNil
	}
	return w.bw.Flush()
}
