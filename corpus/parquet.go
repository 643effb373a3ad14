package corpus

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/parquet-go/parquet-go"
)

// ParquetWriter writes units as an Apache Parquet file for data
// pipelines (pandas, Polars, DuckDB, Spark, Hugging Face datasets), with
// the columns en, zh (strings), score (double, 4 decimals), type and doc
// (dictionary-encoded strings), en_ids and zh_ids (lists of int32), and
// hash (a string of 16 hex digits) with [WithHash]; pages are compressed
// with Snappy. Like JSONL, it writes units with an empty side (their
// type, such as "1-0", tells them apart), and leaves out units with two
// empty sides.
//
// It streams: it holds the rows of one row group ([ParquetRowGroup], by
// default [DefaultRowGroup] rows) and writes the group out when it is
// full, so memory stays flat whatever the size of the output. Close writes
// the last group and the footer; the file is readable only after Close. A
// ParquetWriter is not safe for concurrent use; errors are sticky.
type ParquetWriter struct {
	sink   parquetSink
	closed bool
	err    error
}

// parquetRow is the schema of a Parquet file without hashes.
type parquetRow struct {
	EN    string  `parquet:"en"`
	ZH    string  `parquet:"zh"`
	Score float64 `parquet:"score"`
	Type  string  `parquet:"type,dict"`
	Doc   string  `parquet:"doc,dict"`
	ENIDs []int32 `parquet:"en_ids,list"`
	ZHIDs []int32 `parquet:"zh_ids,list"`
}

// parquetHashRow is the schema of a Parquet file with hashes.
type parquetHashRow struct {
	EN    string  `parquet:"en"`
	ZH    string  `parquet:"zh"`
	Score float64 `parquet:"score"`
	Type  string  `parquet:"type,dict"`
	Doc   string  `parquet:"doc,dict"`
	ENIDs []int32 `parquet:"en_ids,list"`
	ZHIDs []int32 `parquet:"zh_ids,list"`
	Hash  string  `parquet:"hash"`
}

// parquetSink writes rows of one schema.
type parquetSink interface {
	write(u Unit, en, zh []int32) error
	close() error
}

type parquetRows[T any] struct {
	w     *parquet.GenericWriter[T]
	rows  []T
	group int
	conv  func(Unit, []int32, []int32) T
}

func (p *parquetRows[T]) write(u Unit, en, zh []int32) error {
	p.rows = append(p.rows, p.conv(u, en, zh))
	if len(p.rows) < p.group {
		return nil
	}
	return p.flush()
}

// flush writes the rows held as one row group.
func (p *parquetRows[T]) flush() error {
	if len(p.rows) == 0 {
		return nil
	}
	if _, err := p.w.Write(p.rows); err != nil {
		return err
	}
	clear(p.rows)
	p.rows = p.rows[:0]
	return p.w.Flush()
}

func (p *parquetRows[T]) close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// NewParquetWriter returns a Writer of a Parquet file to w. It uses the
// options [WithHash], [ParquetRowGroup] and [ToolVersion] (in the file's
// created_by).
func NewParquetWriter(w io.Writer, opts ...WriterOption) *ParquetWriter {
	o := defaultWriterOptions(opts)
	popts := []parquet.WriterOption{parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(int64(o.rowGroup)), createdBy("zhenalign version " + o.version)}
	out := writerOrNil(w)
	if o.hash {
		mode := o.hashMode
		popts = append(popts, parquet.NewSchema("zhenalign", parquet.SchemaOf(parquetHashRow{})))
		return &ParquetWriter{sink: &parquetRows[parquetHashRow]{
			w: parquet.NewGenericWriter[parquetHashRow](out, popts...), group: o.rowGroup,
			conv: func(u Unit, en, zh []int32) parquetHashRow {
				return parquetHashRow{EN: u.EN, ZH: u.ZH, Score: round4(u.Score), Type: u.Type(), Doc: u.Doc,
					ENIDs: en, ZHIDs: zh, Hash: HashString(hashOf(u, mode))}
			}}}
	}
	popts = append(popts, parquet.NewSchema("zhenalign", parquet.SchemaOf(parquetRow{})))
	return &ParquetWriter{sink: &parquetRows[parquetRow]{
		w: parquet.NewGenericWriter[parquetRow](out, popts...), group: o.rowGroup,
		conv: func(u Unit, en, zh []int32) parquetRow {
			return parquetRow{EN: u.EN, ZH: u.ZH, Score: round4(u.Score), Type: u.Type(), Doc: u.Doc,
				ENIDs: en, ZHIDs: zh}
		}}}
}

// createdBy sets the created_by of a Parquet file's metadata.
type createdBy string

func (c createdBy) ConfigureWriter(config *parquet.WriterConfig) { config.CreatedBy = string(c) }

var errParquetClosed = errors.New("corpus: write to a closed ParquetWriter")

// Write adds u as one row, or nothing when both its sides are empty. A
// score outside [0,1] is an error wrapping ErrScore.
func (w *ParquetWriter) Write(u Unit) error {
	if w == nil {
		return errNil
	}
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errParquetClosed
	}
	if blank(u) {
		return nil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	en, err := int32IDs(u.ENIDs)
	if err != nil {
		return err
	}
	zh, err := int32IDs(u.ZHIDs)
	if err != nil {
		return err
	}
	w.err = w.sink.write(u, en, zh)
	return w.err
}

// int32IDs converts sentence ids to the int32 of the Parquet columns.
func int32IDs(ids []int) ([]int32, error) {
	out := make([]int32, len(ids))
	for i, id := range ids {
		if id < 0 || id > math.MaxInt32 {
			return nil, fmt.Errorf("corpus: sentence id %d does not fit a Parquet int32", id)
		}
		out[i] = int32(id)
	}
	return out, nil
}

// Close writes the last row group and the footer, and flushes; it does not
// close the underlying writer. Close after Close does nothing.
func (w *ParquetWriter) Close() error {
	if w == nil {
		return errNil
	}
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err == nil {
		w.err = w.sink.close()
	}
	return w.err
}
