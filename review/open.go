package review

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
)

// Open returns the Doc to review from what the review command is given:
//
//   - one source that is an alignment, JSONL as "zhenalign align -f jsonl"
//     writes it or a save file (by its extension .jsonl or .ndjson, or a
//     first character "{"), or TMX (.tmx, or XML with a <tmx> element):
//     read with ReadJSONL or ReadTMX;
//   - otherwise one mixed document or two documents, aligned with
//     al.AlignSources (every input the align command takes), the Doc named
//     after a single document's base name as the align command names it
//     ("" for two documents).
//
// The warnings are the alignment's (align.Alignment.Warnings).
func Open(al *align.Aligner, srcs ...align.Source) (*Doc, []error, error) {
	if len(srcs) == 1 {
		s := srcs[0]
		switch alignmentKind(s.Name, s.Data) {
		case "jsonl":
			d, err := ReadJSONL(bytes.NewReader(s.Data), s.Name)
			return d, nil, err
		case "tmx":
			d, err := ReadTMX(bytes.NewReader(s.Data), s.Name)
			return d, nil, err
		}
	}
	res, err := al.AlignSources(srcs...)
	if err != nil {
		return nil, nil, err
	}
	name := ""
	if len(srcs) == 1 && srcs[0].Name != "-" && srcs[0].Name != "" {
		name = filepath.Base(srcs[0].Name)
	}
	d, err := FromAlignment(res, name)
	return d, res.Warnings, err
}

// IsAlignment reports whether Open would read the source named name
// holding data as an alignment (JSONL or TMX) rather than align it.
func IsAlignment(name string, data []byte) bool { return alignmentKind(name, data) != "" }

// formats are the export formats, in the order the page offers them.
var formats = []string{"tmx", "xliff", "tsv", "jsonl", "xlsx", "ladder"}

// Formats returns the names of the export formats NewWriter knows, in the
// order the page offers them.
func Formats() []string { return slices.Clone(formats) }

// NewWriter returns the corpus writer of an export format, writing to w:
// one of Formats, through corpus.NewWriter (TMX with sentence units and
// toolVersion as its creationtoolversion; ladder English ids first); opts
// are passed to the writer (corpus.CreationDate, say). Any other name gives
// an error wrapping ErrFormat.
func NewWriter(w io.Writer, format, toolVersion string, opts ...corpus.WriterOption) (corpus.Writer, error) {
	if !slices.Contains(formats, format) {
		return nil, fmt.Errorf("%w: %q (want one of %v)", ErrFormat, format, formats)
	}
	opts = append([]corpus.WriterOption{corpus.ToolVersion(toolVersion), corpus.TMXSegType(corpus.Sentences)}, opts...)
	return corpus.NewWriter(format, w, opts...)
}

// Export writes the units of d in format to w (see NewWriter), closing the
// writer.
func Export(w io.Writer, d *Doc, format, toolVersion string, opts ...corpus.WriterOption) error {
	cw, err := NewWriter(w, format, toolVersion, opts...)
	if err != nil {
		return err
	}
	for _, u := range d.Units() {
		if err := cw.Write(u); err != nil {
			cw.Close()
			return err
		}
	}
	return cw.Close()
}
