// Command tm builds a TMX translation memory from a folder of bilingual
// documents (by default the seed pages bundled with zhenalign), ready to
// import into Trados, memoQ or OmegaT.
//
//	go run ./examples/tm [-dir testdata/seeds] [-o memory.tmx] [-min 0.5]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
)

func main() {
	dir := flag.String("dir", "testdata/seeds", "folder of documents")
	out := flag.String("o", "-", "TMX file to write (- for standard output)")
	minScore := flag.Float64("min", 0.5, "leave out units scoring below this")
	flag.Parse()
	if err := runTo(*out, os.Stderr, *dir, *minScore); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// runTo runs run with the file out as TMX output ("-" for standard output),
// and closes it.
func runTo(out string, log io.Writer, dir string, minScore float64) (err error) {
	if out == "-" {
		return run(os.Stdout, log, dir, minScore)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer func() {
		// A failed Close can lose the end of the file.
		err = errors.Join(err, f.Close())
	}()
	return run(f, log, dir, minScore)
}

// run aligns every document in dir and writes the units scoring at least
// minScore as TMX to w; it reports on log what it did.
func run(w, log io.Writer, dir string, minScore float64) error {
	plan, err := batch.Discover([]string{dir}, false)
	if err != nil {
		return err
	}
	filter, err := corpus.NewFilter(corpus.MinScore(minScore), corpus.DropOmissions(), corpus.Dedup())
	if err != nil {
		return err
	}
	tmx := filter.Writer(corpus.NewTMXWriter(w, corpus.TMXToolVersion("example")))
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{}, func(r batch.Result) error {
		if r.Err != nil {
			fmt.Fprintf(log, "%s: %v\n", r.Job.Name, r.Err)
			return nil
		}
		fmt.Fprintf(log, "%s: %d units\n", r.Job.Name, len(r.Units))
		for _, u := range r.Units {
			if err := tmx.Write(u); err != nil {
				return err // stops the run
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tmx.Close()
}
