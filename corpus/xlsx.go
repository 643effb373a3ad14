package corpus

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// XLSXMaxCell is the most characters (UTF-16 code units) an Excel cell
// holds; XLSXWriter cuts longer texts there.
const XLSXMaxCell = excelize.TotalCellChars

// ErrCellTruncated is returned (wrapped) by XLSXWriter.Warnings when texts
// were longer than an Excel cell holds.
var ErrCellTruncated = errors.New("corpus: texts longer than an Excel cell holds (32,767 characters) were cut")

// xlsxSheet is the name of the one worksheet.
const xlsxSheet = "units"

// XLSXWriter writes units as an Excel workbook (XLSX), for reviewers who
// work in a spreadsheet: one sheet named "units" with the columns en, zh,
// score, type, doc and ids (the sentence ids in ladder notation,
// "[5,6]:[6]"), and hash with [WithHash]; a header row, frozen so that it
// stays in view, and filter buttons on every column (an Excel table).
// Units scoring below the review threshold ([ReviewBelow]) are
// highlighted in red. Units with an empty side are written too (a reviewer
// may want to see what was left untranslated); units with two empty sides
// are not. The workbook's created property is [CreationDate].
//
// Rows are streamed to a temporary file beyond 16 MB (excelize's
// StreamWriter), and the workbook is written to w at Close, which also
// removes the temporary files. Characters XML does not allow are removed,
// and texts longer than [XLSXMaxCell] are cut and counted in Warnings. An
// XLSXWriter is not safe for concurrent use; errors are sticky.
type XLSXWriter struct {
	w      io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	opts   writerOptions
	styles [2]xlsxStyles // normal, low score
	row    int           // rows written, the header included
	cut    int
	closed bool
	err    error
}

type xlsxStyles struct{ text, score int }

var xlsxHeader = []string{"en", "zh", "score", "type", "doc", "ids", "hash"}

// NewXLSXWriter returns a Writer of an XLSX workbook to w. It uses the
// options [WithHash], [ReviewBelow] and [CreationDate]. The workbook is
// written at Close.
func NewXLSXWriter(w io.Writer, opts ...WriterOption) *XLSXWriter {
	x := &XLSXWriter{w: writerOrNil(w), opts: defaultWriterOptions(opts)}
	x.err = x.start()
	return x
}

// start makes the workbook, its styles and its header row.
func (x *XLSXWriter) start() error {
	x.f = excelize.NewFile()
	f := x.f
	date := x.opts.date.Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "zhenalign", LastModifiedBy: "zhenalign",
		Created: date, Modified: date, Title: "zhenalign alignment"}); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", xlsxSheet); err != nil {
		return err
	}
	scoreFmt := "0.0000"
	for k, fill := range []excelize.Fill{{}, {Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}} {
		var err error
		x.styles[k].text, err = f.NewStyle(&excelize.Style{Fill: fill,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
		if err != nil {
			return err
		}
		x.styles[k].score, err = f.NewStyle(&excelize.Style{Fill: fill, CustomNumFmt: &scoreFmt,
			Alignment: &excelize.Alignment{Vertical: "top"}})
		if err != nil {
			return err
		}
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(xlsxSheet)
	if err != nil {
		return err
	}
	x.sw = sw
	for col, width := range []float64{60, 45, 8, 6, 28, 14, 18}[:x.cols()] {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, x.cols())
	for i := range row {
		row[i] = excelize.Cell{StyleID: header, Value: xlsxHeader[i]}
	}
	x.row = 1
	return sw.SetRow("A1", row)
}

// cols returns the number of columns.
func (x *XLSXWriter) cols() int {
	if x.opts.hash {
		return 7
	}
	return 6
}

// Write writes u as one row, or nothing when both its sides are empty. A
// score outside [0,1] is an error wrapping ErrScore.
func (x *XLSXWriter) Write(u Unit) error {
	if x == nil {
		return errNil
	}
	if x.err != nil {
		return x.err
	}
	if x.closed {
		return errors.New("corpus: write to a closed XLSXWriter")
	}
	en, zh := x.cell(u.EN), x.cell(u.ZH)
	if en == "" && zh == "" {
		return nil
	}
	if err := checkScore(u.Score); err != nil {
		return err
	}
	st := x.styles[0]
	if u.Score < x.opts.review {
		st = x.styles[1]
	}
	ids := ""
	if len(u.ENIDs) > 0 || len(u.ZHIDs) > 0 {
		ids = linkKey(u)
	}
	row := []any{
		excelize.Cell{StyleID: st.text, Value: en},
		excelize.Cell{StyleID: st.text, Value: zh},
		excelize.Cell{StyleID: st.score, Value: round4(u.Score)},
		excelize.Cell{StyleID: st.text, Value: u.Type()},
		excelize.Cell{StyleID: st.text, Value: x.cell(u.Doc)},
		excelize.Cell{StyleID: st.text, Value: ids},
	}
	if x.opts.hash {
		row = append(row, excelize.Cell{StyleID: st.text, Value: HashString(hashOf(u, x.opts.hashMode))})
	}
	x.row++
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err == nil {
		err = x.sw.SetRow(cell, row)
	}
	x.err = err
	return err
}

// cell returns s as a cell holds it: without the characters XML does not
// allow, and cut to XLSXMaxCell code units.
func (x *XLSXWriter) cell(s string) string {
	s = xmlClean(s)
	if len(s) <= XLSXMaxCell {
		return s
	}
	n := 0
	for i, r := range s {
		n += len(utf16.AppendRune(nil, r))
		if n > XLSXMaxCell {
			x.cut++
			return s[:i]
		}
	}
	return s
}

// Warnings returns the texts cut to fit a cell (ErrCellTruncated).
func (x *XLSXWriter) Warnings() []error {
	if x == nil || x.cut == 0 {
		return nil
	}
	return []error{fmt.Errorf("%w: %d %s", ErrCellTruncated, x.cut, plural(x.cut, "text", "texts"))}
}

// Close writes the workbook to the underlying writer, which it does not
// close, and removes the temporary files. Close after Close does nothing.
func (x *XLSXWriter) Close() error {
	if x == nil {
		return errNil
	}
	if x.closed || x.f == nil {
		x.closed = true
		return x.err
	}
	x.closed = true
	err := x.err
	if err == nil {
		err = x.finish()
	}
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	x.err = err
	return err
}

// finish adds the table of filter buttons and writes the workbook.
func (x *XLSXWriter) finish() error {
	if x.row > 1 {
		last, err := excelize.CoordinatesToCellName(x.cols(), x.row)
		if err != nil {
			return err
		}
		stripes := false
		if err := x.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "units", StyleName: "TableStyleLight1",
			ShowRowStripes: &stripes}); err != nil {
			return err
		}
	}
	if err := x.sw.Flush(); err != nil {
		return err
	}
	return x.f.Write(x.w)
}
