// Command tm builds a TMX translation memory from a folder of bilingual
// documents (by default the seed pages bundled with zhenalign), ready to
// import into Trados, memoQ or OmegaT.
//
//	go run ./examples/tm [-dir testdata/seeds] [-o memory.tmx] [-min 0.5]
package main

import (
	"context"
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
	w := io.Writer(os.Stdout)
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := run(w, os.Stderr, *dir, *minScore); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
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
	var werr error
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{}, func(r batch.Result) {
		if r.Err != nil {
			fmt.Fprintf(log, "%s: %v\n", r.Job.Name, r.Err)
			return
		}
		fmt.Fprintf(log, "%s: %d units\n", r.Job.Name, len(r.Units))
		for _, u := range r.Units {
			if werr == nil {
				werr = tmx.Write(u)
			}
		}
	})
	if err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	return tmx.Close()
}
