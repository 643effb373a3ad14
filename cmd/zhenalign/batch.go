package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
)

func runBatch(e *env, args []string) error {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "jsonl", []string{"tmx", "tsv", "moses", "jsonl", "ladder"})
	split := fs.Bool("split", false, "write one output file per document into the folder -o names, instead of one combined file")
	workers := fs.Int("j", runtime.NumCPU(), "number of documents aligned at once")
	presplit := fs.Bool("presplit", false, "pairs hold one sentence per line (ids = line numbers)")
	level := addLevelFlag(fs, "align sentences (`sent`) or paragraphs (para)")
	zhFirst := fs.Bool("zh-first", false, "ladder output: Chinese ids first (as published evaluations order them)")
	glossary := fs.String("glossary", "", "TSV file of English<TAB>Chinese terms to use as strong anchors")
	dictFile := fs.String("dict", "", "dictionary in CC-CEDICT format to use instead of the embedded CC-CEDICT")
	noLearn := fs.Bool("no-learn", false, "switch off the second pass with word pairs learned from each document")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign batch [flags] DIR_OR_FILE...

Aligns every document found: mixed files (both languages in one file), and
pairs named NAME.en.txt + NAME.zh.txt, NAME_en + NAME_zh, or en/NAME +
zh/NAME. Writes one combined output, or one file per document with
--split (named after the document, with -2, -3... added when two documents
would get the same file name). In a combined output, JSONL names each unit's
document in its doc field and TMX in an x-Document property; TSV and Moses
output have no document column, and a ladder cannot be combined (use
--split for more than one document). --presplit pairs have no paragraphs,
so they cannot be aligned with --level para. Documents that fail are
reported and the others go on; the exit status is 1 if any failed. Ctrl-C
stops after the documents in progress and leaves complete output files; a
second Ctrl-C aborts.

`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%w: give at least one folder or file", errUsage)
	}
	if *workers < 1 {
		return fmt.Errorf("%w: -j must be at least 1", errUsage)
	}
	// With --split, -o names a folder (made if need be), not a file.
	if *split && of.out != "-" && of.out != "" {
		if fi, err := os.Stat(of.out); err == nil && !fi.IsDir() {
			return fmt.Errorf("%w: -o %s is a file: with --split, -o names a folder", errUsage, of.out)
		}
		of.outIsDir = true
	}
	if err := of.check(e); err != nil {
		return err
	}
	if *split && (of.out == "-" || of.out == "") {
		return fmt.Errorf("%w: -o must name a folder with --split, a file prefix with -f moses", errUsage)
	}
	lv := level.lv
	if *presplit && lv == corpus.Paragraphs {
		return fmt.Errorf("%w: --presplit pairs hold one sentence per line and no paragraphs: --level para cannot be used with --presplit", errUsage)
	}
	alOpts, err := resourceOptions(*glossary, *dictFile)
	if err != nil {
		return err
	}
	if *presplit {
		alOpts = append(alOpts, align.WithPresplit())
	}
	if *noLearn {
		alOpts = append(alOpts, align.WithoutLearning())
	}

	plan, err := batch.Discover(pos, *presplit)
	if err != nil {
		return err
	}
	for _, f := range plan.Unpaired {
		fmt.Fprintf(e.stderr, "unpaired: %s\n", f)
	}
	for _, sk := range plan.Skipped {
		if sk.Reason != batch.SkipNotText {
			fmt.Fprintf(e.stderr, "skipped: %s: %s\n", sk.Path, sk.Reason)
		}
	}
	if len(plan.Jobs) == 0 {
		return errors.New("no document to align")
	}
	if !*split {
		var inputs []string
		for _, j := range plan.Jobs {
			inputs = append(inputs, j.Files()...)
		}
		for _, out := range of.files() {
			if err := checkNotInput(out, inputs); err != nil {
				return err
			}
		}
	}
	if !*split && of.format == "ladder" && len(plan.Jobs) > 1 {
		return fmt.Errorf("%w: a ladder has no document column, so -f ladder cannot combine %d documents: use --split", errUsage, len(plan.Jobs))
	}
	pairs := 0
	for _, j := range plan.Jobs {
		if j.Mixed == "" {
			pairs++
		}
	}
	fmt.Fprintf(e.stderr, "found %d %s (%d mixed, %d %s), %d unpaired, %d skipped\n",
		len(plan.Jobs), plural(len(plan.Jobs), "document", "documents"), len(plan.Jobs)-pairs, pairs, plural(pairs, "pair", "pairs"),
		len(plan.Unpaired), len(plan.Skipped))

	ctx, interrupted, stopSignals := e.watchSignals()
	defer stopSignals()

	prog := newBatchProgress(e.stderr, plan.Jobs)
	st := &batchStats{types: map[string]int{}, start: time.Now()}
	opts := batch.Options{Aligner: align.New(alOpts...), Workers: *workers, Presplit: *presplit, Level: lv, Progress: prog.set}
	// run aligns the documents and writes each with write; a write error
	// stops the run and is returned.
	run := func(write func(batch.Result) error) error {
		var werr error
		err := batch.Run(ctx, plan.Jobs, opts, func(r batch.Result) error {
			prog.done(r.Index)
			e.warn("batch", r.Warnings)
			if r.Err != nil {
				st.failed = append(st.failed, r)
				return nil
			}
			if err := write(r); err != nil {
				werr = fmt.Errorf("%s: %w", r.Job.Name, err)
				return err
			}
			st.add(r) // counted once written
			return nil
		})
		prog.finish()
		if werr != nil {
			return werr
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		return nil
	}
	if *split {
		err = batchSplit(e, of, lv, *zhFirst, st, run)
	} else {
		err = e.emit(of, lv, *zhFirst, func(write func(corpus.Unit) error) error {
			return run(func(r batch.Result) error { return unitsOf(r.Units)(write) })
		})
	}
	stop := ""
	switch {
	case err != nil:
		stop = "stopped by an output error"
	case interrupted.Load():
		stop = "interrupted"
	}
	st.report(e, stop, len(plan.Jobs))
	if err != nil {
		return err
	}
	if len(st.failed) > 0 {
		return fmt.Errorf("%d of %d documents failed", len(st.failed), len(plan.Jobs))
	}
	if interrupted.Load() {
		return errors.New("interrupted")
	}
	return nil
}

// watchSignals returns a context cancelled on the first Ctrl-C, SIGTERM or
// SIGHUP (no new document is started; those in progress are finished and
// written), and a flag telling whether that happened. A second signal
// removes the temporary output files and exits at once with status 130.
// stop ends the watch.
func (e *env) watchSignals() (ctx context.Context, interrupted *atomic.Bool, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	finished := make(chan struct{})
	interrupted = &atomic.Bool{}
	go func() {
		select {
		case <-sig:
		case <-finished:
			return
		}
		interrupted.Store(true)
		fmt.Fprintln(e.stderr, "\ninterrupted: finishing the documents in progress (Ctrl-C again to abort)")
		cancel()
		select {
		case <-sig:
			e.removeTemps()
			fmt.Fprintln(e.stderr, "aborted")
			os.Exit(130)
		case <-finished:
		}
	}()
	return ctx, interrupted, func() {
		signal.Stop(sig)
		close(finished)
		cancel()
	}
}

// batchSplit writes each document to its own file in the folder of.out,
// named after the document, each file complete when written.
func batchSplit(e *env, of *outputFlags, lv corpus.Level, zhFirst bool, st *batchStats, run func(func(batch.Result) error) error) error {
	if err := os.MkdirAll(of.out, 0o755); err != nil {
		return err
	}
	ext := map[string]string{"tmx": ".tmx", "tsv": ".tsv", "jsonl": ".jsonl", "ladder": ".align", "moses": ""}[of.format]
	names := newSplitNames(ext)
	return run(func(r batch.Result) error {
		doc := *of
		doc.out = filepath.Join(of.out, names.next(r.Job.Name))
		return e.emit(&doc, lv, zhFirst, unitsOf(r.Units))
	})
}

// splitNames names the files of --split after their documents, without
// ever giving two documents the same file.
type splitNames struct {
	ext  string
	used map[string]bool // names given, in lower case (for file systems that ignore case)
}

func newSplitNames(ext string) *splitNames {
	return &splitNames{ext: ext, used: map[string]bool{}}
}

// next returns the file name of document doc: doc with its folders joined
// by "_" and ext for its extension, with "-2", "-3"... before ext when an
// earlier document took that name.
func (s *splitNames) next(doc string) string {
	base := strings.NewReplacer(string(filepath.Separator), "_", ":", "_").Replace(strings.TrimPrefix(doc, string(filepath.Separator)))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	name := base + s.ext
	for n := 2; s.used[strings.ToLower(name)]; n++ {
		name = base + "-" + strconv.Itoa(n) + s.ext
	}
	s.used[strings.ToLower(name)] = true
	return name
}

// batchStats sums up a batch.
type batchStats struct {
	docs, units, sentences int
	scoreSum               float64
	types                  map[string]int
	failed                 []batch.Result
	start                  time.Time
}

func (s *batchStats) add(r batch.Result) {
	s.docs++
	s.sentences += r.Sentences
	for _, u := range r.Units {
		s.units++
		s.scoreSum += u.Score
		s.types[u.Type()]++
	}
}

// report prints the failures and the summary on standard error.
// stop says why the run ended early ("" when it did not).
func (s *batchStats) report(e *env, stop string, total int) {
	for _, r := range s.failed {
		fmt.Fprintf(e.stderr, "failed: %v\n", r.Err)
	}
	var types []string
	for t := range s.types {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		a, b := types[i], types[j]
		if s.types[a] != s.types[b] {
			return s.types[a] > s.types[b]
		}
		return a < b
	})
	var parts []string
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%s %d", t, s.types[t]))
	}
	mean := 0.0
	if s.units > 0 {
		mean = s.scoreSum / float64(s.units)
	}
	el := time.Since(s.start)
	state := ""
	if stop != "" {
		state = fmt.Sprintf(" (%s: %d not written)", stop, total-s.docs-len(s.failed))
	}
	fmt.Fprintf(e.stderr, "aligned %d %s, %d failed%s; %d %s, %d %s (%s), mean score %.3f; %.1fs\n",
		s.docs, plural(s.docs, "document", "documents"), len(s.failed), state, s.sentences, plural(s.sentences, "sentence", "sentences"),
		s.units, plural(s.units, "unit", "units"), strings.Join(parts, ", "), mean, el.Seconds())
}
