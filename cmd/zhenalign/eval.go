package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhenalign/zhenalign/eval"
)

func runEval(e *env, args []string) error {
	fset := flag.NewFlagSet("eval", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	asJSON := fset.Bool("json", false, "print the scores as JSON")
	fset.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign eval [flags] GOLD PRED

GOLD and PRED are ladder files ("[i,j]:[k]" per line, first side's ids first),
directories of NAME.align ladder files, or JSONL files of {"en":...,"zh":...}
pairs. Ladders are scored with the paper metric of the Bertalign evaluation
and with Vecalign's strict and lax F1; pairs with strict and lax F1 on the
pairs' texts (see the package documentation of eval).

When every predicted link carries a score ("[i,j]:[k]:0.9990", as align -f
ladder writes), a calibration table follows: per score bin, for all links and
for null links, how many, their mean score and the share right (exactly a gold
link), and the expected calibration error over ten bins. --json adds it as
"calibration".

`)
		fset.PrintDefaults()
	}
	pos, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: want GOLD and PRED, got %d arguments", errUsage, len(pos))
	}
	gold, pred := pos[0], pos[1]
	for _, p := range pos {
		// score_ladder.py scores a missing file as an empty ladder, and
		// so does eval; a mistyped name should not pass unnoticed.
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(e.stderr, "zhenalign eval: warning: %s does not exist: scored as empty\n", p)
		}
	}
	if isPairs(gold) {
		sc, err := eval.ScorePairFiles(gold, pred)
		if err != nil {
			return err
		}
		return printScore(e, sc, *asJSON, nil)
	}
	sc, err := eval.ScoreLadderPaths(gold, pred)
	if err != nil {
		return err
	}
	// Calibration needs a score on every predicted link; without one, or
	// without predicted links, the scores are printed alone.
	cal, err := eval.CalibrateLadderPaths(gold, pred)
	switch {
	case err != nil:
		fmt.Fprintf(e.stderr, "zhenalign eval: no calibration table: %v\n", err)
	case cal.All.Links > 0:
		return printScore(e, sc, *asJSON, &cal)
	}
	return printScore(e, sc, *asJSON, nil)
}

// printScore prints a score as the Python scorer does (its line, or its
// JSON with --json), then the calibration when there is one: a table after
// the line, a "calibration" member in the JSON.
func printScore(e *env, sc interface {
	String() string
	MarshalJSON() ([]byte, error)
}, asJSON bool, cal *eval.Calibration) error {
	if asJSON {
		js, err := sc.MarshalJSON()
		if err != nil {
			return err
		}
		if cal != nil {
			cj, err := cal.MarshalJSON()
			if err != nil {
				return err
			}
			js = append(append(append(js[:len(js)-1], `, "calibration": `...), cj...), '}')
		}
		_, err = fmt.Fprintf(e.stdout, "%s\n", js)
		return err
	}
	var b strings.Builder
	b.WriteString(sc.String())
	b.WriteByte('\n')
	if cal != nil {
		writeCalibration(&b, *cal)
	}
	_, err := io.WriteString(e.stdout, b.String())
	return err
}

// writeCalibration writes the calibration table: per score bin, for all
// links and for null links, how many there are, their mean score and the
// share of them that are right; then the totals and the expected
// calibration error.
func writeCalibration(b *strings.Builder, c eval.Calibration) {
	cells := func(n int, mean, right float64) string {
		if n == 0 {
			return fmt.Sprintf("%6d %7s %7s", n, "-", "-")
		}
		return fmt.Sprintf("%6d %7.4f %7.4f", n, mean, right)
	}
	row := func(label, all, null string) { fmt.Fprintf(b, "%-8s %s       %s\n", label, all, null) }
	b.WriteString("calibration (right = exactly a gold link)\n")
	b.WriteString("score     links    mean   right   null links    mean   right\n")
	for k, a := range c.All.Bins {
		n := c.Null.Bins[k]
		row(fmt.Sprintf("%.1f-%.1f", a.Lo, a.Hi), cells(a.Links, a.MeanScore, a.Right), cells(n.Links, n.MeanScore, n.Right))
	}
	row("all", cells(c.All.Links, c.All.MeanScore, c.All.Right), cells(c.Null.Links, c.Null.MeanScore, c.Null.Right))
	null := "-"
	if c.Null.Links > 0 {
		null = fmt.Sprintf("%.4f", c.Null.ECE)
	}
	row("ECE", fmt.Sprintf("%6s %7.4f %7s", "", c.All.ECE, ""), fmt.Sprintf("%6s %7s", "", null))
}

// isPairs reports whether a gold file holds JSONL pairs rather than a
// ladder: by its extension, or by its first non-blank character.
func isPairs(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".json":
		return true
	case ".align":
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		return false
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			return t[0] == '{'
		}
	}
	return false
}
