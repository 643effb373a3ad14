package eval

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// CalibrationBins is the number of equal-width score bins of a
// [CalibrationTable].
const CalibrationBins = 10

// Calibration tells how well link scores predict that links are right:
// a link scored s should be right with probability s. It is the result of
// [Calibrate], with the numbers calib.py prints and the bins behind them.
// A predicted link is right when it is exactly a gold link (the strict
// test of the paper metric: null links included, sides in written order).
type Calibration struct {
	// All covers every predicted link, Null the null links alone (an
	// empty side: 1-0, 0-1 and the rare 0-0).
	All, Null CalibrationTable
}

// CalibrationTable summarises a set of scored links. Links counts them;
// MeanScore is their mean score and Right the share of them that are
// right; ECE is the expected calibration error: over the bins, the
// distance between a bin's mean score and its share right, weighted by
// its links. ECE, MeanScore and Right are rounded to 4 decimals the way
// Python's round(x, 4) does, from unrounded values, and are 0 when Links
// is 0.
type CalibrationTable struct {
	Links                 int
	ECE, MeanScore, Right float64
	Bins                  [CalibrationBins]CalibrationBin
}

// CalibrationBin is one score bin of a [CalibrationTable]: bin k holds the
// links whose score s has int(10*s) = k, so that it covers [Lo,Hi) =
// [k/10,(k+1)/10), the last bin also 1. MeanScore and Right are rounded to
// 4 decimals, 0 when Links is 0.
type CalibrationBin struct {
	Lo, Hi           float64
	Links            int
	MeanScore, Right float64
}

// calibRow is one predicted link: its score, whether it is right, whether
// it is a null link.
type calibRow struct {
	score      float64
	ok, isNull bool
}

// calibRows appends the rows of one document, checking the scores.
func calibRows(rows []calibRow, d DocPair) ([]calibRow, error) {
	gold := newLinkSet(d.Gold, nil)
	for i, l := range d.Pred {
		if err := checkScore(l.Score); err != nil {
			return nil, fmt.Errorf("%s: link %d (%v): %w", d.Name, i, l, err)
		}
		rows = append(rows, calibRow{score: l.Score, ok: gold.has(l), isNull: !bothSides(l)})
	}
	return rows, nil
}

// Calibrate computes the calibration of the scores of the predicted links
// (Link.Score) against the gold links of docs, pooled over documents in
// order, exactly as calib.py does: every predicted line is a row (repeated
// links and null links included), right when its link is among the gold
// links, binned by score into [CalibrationBins] bins. A score that is not
// in [0,1] is an error wrapping [ErrBadScore] naming the document and the
// link's index. Empty docs give zero tables.
func Calibrate(docs []DocPair) (Calibration, error) {
	var rows []calibRow
	for _, d := range docs {
		var err error
		if rows, err = calibRows(rows, d); err != nil {
			return Calibration{}, err
		}
	}
	return calibrate(rows), nil
}

func calibrate(rows []calibRow) Calibration {
	var null []calibRow
	for _, r := range rows {
		if r.isNull {
			null = append(null, r)
		}
	}
	return Calibration{All: calibTable(rows), Null: calibTable(null)}
}

// calibTable is calib.py's summary() with the bins of its ece(). Sums run
// left to right in row order, as Python's sum() of floats does up to
// Python 3.11 (3.12 compensates rounding errors, which can change the
// last bits).
func calibTable(rows []calibRow) CalibrationTable {
	t := CalibrationTable{Links: len(rows)}
	var sum [CalibrationBins]float64
	var ok [CalibrationBins]int
	total, right := 0.0, 0
	for _, r := range rows {
		k := min(CalibrationBins-1, int(r.score*CalibrationBins))
		t.Bins[k].Links++
		sum[k] += r.score
		total += r.score
		if r.ok {
			ok[k]++
			right++
		}
	}
	ece := 0.0
	for k := range t.Bins {
		b := &t.Bins[k]
		b.Lo, b.Hi = float64(k)/CalibrationBins, float64(k+1)/CalibrationBins
		if b.Links == 0 {
			continue
		}
		mean, share := sum[k]/float64(b.Links), float64(ok[k])/float64(b.Links)
		ece += math.Abs(mean-share) * float64(b.Links)
		b.MeanScore, b.Right = round4(mean), round4(share)
	}
	if len(rows) > 0 {
		t.ECE = round4(ece / float64(len(rows)))
		t.MeanScore = round4(total / float64(len(rows)))
		t.Right = round4(float64(right) / float64(len(rows)))
	}
	return t
}

// CalibrateLadderPaths computes calibration like `calib.py GOLD PRED`:
// when gold is a directory, every gold/NAME.align (sorted by NAME) against
// pred/NAME.align, a document whose prediction does not exist adding no
// links; otherwise (calib.py takes directories only) the two files as one
// document. Gold is read with [ReadLadder], predictions with
// [ReadScoredLadder], so a predicted link without a score in [0,1] is a
// *ParseError wrapping [ErrNoScore] or [ErrBadScore].
func CalibrateLadderPaths(gold, pred string) (Calibration, error) {
	if fi, err := os.Stat(gold); err != nil || !fi.IsDir() {
		rows, err := calibFiles(nil, gold, pred)
		if err != nil {
			return Calibration{}, err
		}
		return calibrate(rows), nil
	}
	entries, err := os.ReadDir(gold)
	if err != nil {
		return Calibration{}, err
	}
	var rows []calibRow
	for _, e := range entries { // sorted by name
		if n := e.Name(); strings.HasSuffix(n, ".align") {
			if rows, err = calibFiles(rows, filepath.Join(gold, n), filepath.Join(pred, n)); err != nil {
				return Calibration{}, err
			}
		}
	}
	return calibrate(rows), nil
}

// calibFiles appends the rows of one gold file and its prediction; a
// prediction that does not exist adds none.
func calibFiles(rows []calibRow, gold, pred string) ([]calibRow, error) {
	g, err := readLadderOrEmpty(gold)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(pred); err != nil {
		return rows, nil
	}
	f, err := os.Open(pred)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := ReadScoredLadder(f, pred)
	if err != nil {
		return nil, err
	}
	return calibRows(rows, DocPair{Name: pred, Gold: g, Pred: p})
}

// String returns the two lines calib.py prints (Python dictionaries, no
// bins), e.g.
//
//	all {'links': 18, 'ece': 0.2928, 'mean_score': 0.5239, 'right': 0.3889}
//	null {'links': 6, 'ece': 0.4, 'mean_score': 0.45, 'right': 0.5}
//
// A table without links prints as {'links': 0}.
func (c Calibration) String() string {
	var b []byte
	for i, t := range []CalibrationTable{c.All, c.Null} {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, [2]string{"all ", "null "}[i]...)
		b = t.appendPy(b, '\'', false)
	}
	return string(b)
}

// MarshalJSON returns the text calib.py --json prints, e.g.
// {"all": {"links": 18, "ece": 0.2928, "mean_score": 0.5239, "right": 0.3889, "bins": [...]}, "null": {"links": 0}},
// with "bins" added to each table that has links: ten objects like
// {"lo": 0.9, "hi": 1.0, "links": 4, "mean_score": 0.9825, "right": 1.0}
// (only lo, hi and links for an empty bin). (encoding/json removes the
// spaces.)
func (c Calibration) MarshalJSON() ([]byte, error) { return c.appendJSON(nil, true), nil }

func (c Calibration) appendJSON(b []byte, bins bool) []byte {
	b = append(b, `{"all": `...)
	b = c.All.appendPy(b, '"', bins)
	b = append(b, `, "null": `...)
	b = c.Null.appendPy(b, '"', bins)
	return append(b, '}')
}

// appendPy appends t as calib.py's summary() dictionary, as Python's repr
// (quote ') or json.dumps (quote ") writes it, with the bins when asked.
func (t CalibrationTable) appendPy(b []byte, quote byte, bins bool) []byte {
	key := func(b []byte, k string) []byte {
		b = append(b, quote)
		b = append(b, k...)
		return append(b, quote, ':', ' ')
	}
	b = append(key(append(b, '{'), "links"), strconv.Itoa(t.Links)...)
	if t.Links == 0 {
		return append(b, '}')
	}
	b = appendPyFloat(key(append(b, ", "...), "ece"), t.ECE)
	b = appendPyFloat(key(append(b, ", "...), "mean_score"), t.MeanScore)
	b = appendPyFloat(key(append(b, ", "...), "right"), t.Right)
	if bins {
		b = append(key(append(b, ", "...), "bins"), '[')
		for k, bin := range t.Bins {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = appendPyFloat(key(append(b, '{'), "lo"), bin.Lo)
			b = appendPyFloat(key(append(b, ", "...), "hi"), bin.Hi)
			b = append(key(append(b, ", "...), "links"), strconv.Itoa(bin.Links)...)
			if bin.Links > 0 {
				b = appendPyFloat(key(append(b, ", "...), "mean_score"), bin.MeanScore)
				b = appendPyFloat(key(append(b, ", "...), "right"), bin.Right)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}
