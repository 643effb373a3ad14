package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhenalign/zhenalign/eval"
)

func runEval(e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign eval [flags] GOLD PRED

GOLD and PRED are ladder files ("[i,j]:[k]" per line, first side's ids first),
directories of NAME.align ladder files, or JSONL files of {"en":...,"zh":...}
pairs. Ladders are scored like ../shared/tools/score_ladder.py (paper metric,
strict and lax), pairs like score_pairs.py (strict and lax).

`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: want GOLD and PRED, got %d arguments", errUsage, len(pos))
	}
	gold, pred := pos[0], pos[1]
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
