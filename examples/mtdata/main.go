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
func run(dir, prefix string, minScore float64, log io.Writer) (n int, err error) {
	plan, err := batch.Discover([]string{dir}, false)
	if err != nil {
		return 0, err
	}
	en, err := os.Create(prefix + ".en")
	if err != nil {
		return 0, err
	}
	defer closeFile(en, &n, &err)
	zh, err := os.Create(prefix + ".zh")
	if err != nil {
		return 0, err
	}
	defer closeFile(zh, &n, &err)
	filter, err := corpus.NewFilter(corpus.MinScore(minScore), corpus.Types("1-1"), corpus.LengthRatio(1, 8),
		corpus.DropIdentical(), corpus.DropNoHan(), corpus.Dedup(), corpus.ConvertScript(corpus.ToSimplified))
	if err != nil {
		return 0, err
	}
	moses := corpus.NewMosesWriter(en, zh)
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{}, func(r batch.Result) error {
		if r.Err != nil {
			fmt.Fprintf(log, "%s: %v\n", r.Job.Name, r.Err)
			return nil
		}
		for _, u := range r.Units {
			if !filter.Keep(&u) {
				continue
			}
			if err := moses.Write(u); err != nil {
				return err // stops the run
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := moses.Close(); err != nil {
		return 0, err
	}
	return n, nil
}

// closeFile closes f, deferred by run: a failed Close can lose the end of
// the file, so its error becomes run's, and the count is then 0.
func closeFile(f *os.File, n *int, err *error) {
	if cerr := f.Close(); cerr != nil && *err == nil {
		*n, *err = 0, cerr
	}
}
