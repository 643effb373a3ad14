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

// Writes reports whether the Writer of format (one of Formats, or "moses"
// for NewMosesWriter) writes u rather than leave it out: the formats that
// pair two texts (tmx, xliff, hf, moses) leave out a unit with an empty
// side, tmx and xliff once the characters XML 1.0 does not allow are
// removed; xlsx, jsonl, tsv and parquet leave out a unit whose two sides are
// empty (xlsx once those characters are removed); ladder writes every unit.
// A program that reports how many units it wrote counts them with Writes,
// after its Filter. It does not check the score, which Write refuses when
// it is not in [0,1]. An unknown format writes every unit.
func Writes(format string, u Unit) bool {
	switch format {
	case "tmx", "xliff":
		return xmlClean(u.EN) != "" && xmlClean(u.ZH) != ""
	case "hf", "moses":
		return u.EN != "" && u.ZH != ""
	case "xlsx":
		return xmlClean(u.EN) != "" || xmlClean(u.ZH) != ""
	case "jsonl", "tsv", "parquet":
		return !blank(u)
	}
	return true
}
