package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
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
	// Both score types print as the Python scorers do, as text and JSON.
	var sc interface {
		String() string
		MarshalJSON() ([]byte, error)
	}
	if isPairs(gold) {
		sc, err = eval.ScorePairFiles(gold, pred)
	} else {
		sc, err = eval.ScoreLadderPaths(gold, pred)
	}
	if err != nil {
		return err
	}
	line := sc.String()
	if *asJSON {
		js, err := sc.MarshalJSON()
		if err != nil {
			return err
		}
		line = string(js)
	}
	_, err = fmt.Fprintln(e.stdout, line)
	return err
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
