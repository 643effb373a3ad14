// Command mtdata prepares machine-translation training data from a folder
// of bilingual documents (by default the bundled seed pages): Moses-style
// line-parallel files PREFIX.en and PREFIX.zh, keeping only confident
// one-to-one sentence pairs, without duplicates, in simplified Chinese.
//
//	go run ./examples/mtdata [-dir testdata/seeds] [-o /tmp/train] [-min 0.8]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
)

func main() {
	dir := flag.String("dir", "testdata/seeds", "folder of documents")
	prefix := flag.String("o", filepath.Join(os.TempDir(), "zhenalign-train"), "prefix of the two output files")
	minScore := flag.Float64("min", 0.8, "leave out pairs scoring below this")
	flag.Parse()
	n, err := run(*dir, *prefix, *minScore, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d sentence pairs in %s.en and %s.zh\n", n, *prefix, *prefix)
}

// run writes the filtered pairs of the documents of dir to prefix.en and
// prefix.zh and returns how many it wrote.
func run(dir, prefix string, minScore float64, log io.Writer) (int, error) {
	plan, err := batch.Discover([]string{dir}, false)
	if err != nil {
		return 0, err
	}
	en, err := os.Create(prefix + ".en")
	if err != nil {
		return 0, err
	}
	defer en.Close()
	zh, err := os.Create(prefix + ".zh")
	if err != nil {
		return 0, err
	}
	defer zh.Close()
	filter, err := corpus.NewFilter(corpus.MinScore(minScore), corpus.Types("1-1"), corpus.LengthRatio(1, 8),
		corpus.DropIdentical(), corpus.DropNoHan(), corpus.Dedup(), corpus.Script(corpus.ToSimplified))
	if err != nil {
		return 0, err
	}
	moses := corpus.NewMosesWriter(en, zh)
	n := 0
	var werr error
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{}, func(r batch.Result) {
		if r.Err != nil {
			fmt.Fprintf(log, "%s: %v\n", r.Job.Name, r.Err)
			return
		}
		for _, u := range r.Units {
			if werr == nil && filter.Keep(&u) {
				werr = moses.Write(u)
				n++
			}
		}
	})
	if err == nil {
		err = werr
	}
	if err != nil {
		return 0, err
	}
	return n, moses.Close()
}
