package corpus

import (
	"errors"
	"fmt"
	"io"
)

// Formats are the names of the formats NewWriter writes. Moses output (two
// files, NewMosesWriter) and the two-column view for a terminal
// (NewTextWriter) have constructors of their own.
var Formats = []string{"tmx", "xliff", "tsv", "jsonl", "hf", "parquet", "xlsx", "ladder"}

// ErrFormat means NewWriter was given a format name it does not know.
var ErrFormat = errors.New("corpus: unknown format")

// NewWriter returns the Writer of the named format (one of Formats)
// writing to w, with opts: the one place that maps a format name to a
// writer, for programs that let their users choose.
func NewWriter(format string, w io.Writer, opts ...WriterOption) (Writer, error) {
	switch format {
	case "tmx":
		return NewTMXWriter(w, opts...), nil
	case "xliff":
		return NewXLIFFWriter(w, opts...), nil
	case "tsv":
		return NewTSVWriter(w, opts...), nil
	case "jsonl":
		return NewJSONLWriter(w, opts...), nil
	case "hf":
		return NewHFWriter(w, opts...), nil
	case "parquet":
		return NewParquetWriter(w, opts...), nil
	case "xlsx":
		return NewXLSXWriter(w, opts...), nil
	case "ladder":
		return NewLadderWriter(w, defaultWriterOptions(opts).zhFirst), nil
	}
	return nil, fmt.Errorf("%w %q (want one of %v)", ErrFormat, format, Formats)
}
