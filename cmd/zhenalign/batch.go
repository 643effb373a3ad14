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
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/settings"
)

func runBatch(e *env, args []string) error {
	bf, pos, err := parseBatchFlags(e, args)
	if err != nil {
		return err
	}
	plan, err := bf.discover(e, pos)
	if err != nil {
		return err
	}
	alOpts, err := bf.align.Options()
	if err != nil {
		return err
	}
	if bf.align.Threads == 0 {
		// -j documents at once share the cores.
		alOpts = append(alOpts, align.WithWorkers(max(1, runtime.GOMAXPROCS(0)/min(bf.workers, max(1, len(plan.Jobs))))))
	}
	ctx, interrupted, stopSignals := e.watchSignals()
	defer stopSignals()
	st := &batchStats{types: map[string]int{}, read: map[string]int{}, start: time.Now()}
	opts := batch.Options{Aligner: align.New(alOpts...), Workers: bf.workers, Presplit: bf.align.Presplit, Level: bf.align.Level}
	err = bf.run(ctx, e, plan, opts, st)
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

// batchFlags are the flags of the batch command.
type batchFlags struct {
	of             *outputFlags
	align          *settings.Alignment
	split, zhFirst bool
	workers        int
}

// parseBatchFlags parses and checks the command line of batch, and returns
// its flags and the folders and files to align.
func parseBatchFlags(e *env, args []string) (*batchFlags, []string, error) {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	bf := &batchFlags{of: addOutputFlags(fs, "jsonl", slices.DeleteFunc(slices.Clone(formats), func(f string) bool { return f == "text" }))}
	fs.BoolVar(&bf.split, "split", false, "write one output file per document into the folder -o names, instead of one combined file")
	fs.IntVar(&bf.workers, "j", runtime.NumCPU(), "number of documents aligned at once")
	fs.BoolVar(&bf.zhFirst, "zh-first", false, "ladder output: Chinese ids first (as published evaluations order them)")
	bf.align = settings.NewAlignment(fs)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, batchUsage)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, nil, err
	}
	of := bf.of
	switch {
	case len(pos) == 0:
		return nil, nil, fmt.Errorf("%w: give at least one folder or file", errUsage)
	case bf.workers < 1:
		return nil, nil, fmt.Errorf("%w: -j must be at least 1", errUsage)
	}
	// With --split, -o names a folder (made if need be), not a file.
	if bf.split && of.Out != "-" && of.Out != "" {
		if fi, err := os.Stat(of.Out); err == nil && !fi.IsDir() {
			return nil, nil, fmt.Errorf("%w: -o %s is a file: with --split, -o names a folder", errUsage, of.Out)
		}
		of.outIsDir = true
	}
	if err := of.check(e); err != nil {
		return nil, nil, err
	}
	if err := bf.align.Check(); err != nil {
		return nil, nil, err
	}
	if bf.split && (of.Out == "-" || of.Out == "") {
		return nil, nil, fmt.Errorf("%w: -o must name a folder with --split, a file prefix with -f moses", errUsage)
	}
	return bf, pos, nil
}

const batchUsage = `usage: zhenalign batch [flags] DIR_OR_FILE...

Aligns every document found: mixed files (both languages in one file), and
pairs named NAME.en.txt + NAME.zh.txt, NAME_en + NAME_zh, or en/NAME +
zh/NAME. Writes one combined output, or one file per document with
--split (named after the document, with -2, -3... added when two documents
would get the same file name). In a combined output, JSONL, Parquet and XLSX
name each unit's document in a doc field or column, TMX in an x-Document
property and XLIFF in a <file> per document; TSV, hf and Moses output have
no document column, and a ladder cannot be combined (use
--split for more than one document). --presplit pairs have no paragraphs,
so they cannot be aligned with --level para. Symbolic links are followed.
Documents that fail are reported and the others go on; the exit status is
1 if any failed. Ctrl-C (or SIGTERM, SIGHUP) stops after the documents in
progress and leaves complete output files; a second one aborts.

`

// discover finds the documents in pos, reports what it paired, left
// unpaired and skipped, and checks the plan against the output flags.
func (bf *batchFlags) discover(e *env, pos []string) (*batch.Plan, error) {
	plan, err := batch.Discover(pos, bf.align.Presplit)
	if err != nil {
		return nil, err
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
		return nil, errors.New("no document to align")
	}
	if !bf.split {
		var inputs []string
		for _, j := range plan.Jobs {
			inputs = append(inputs, j.Files()...)
		}
		for _, out := range bf.of.Files() {
			if err := e.checkNotInput(out, inputs); err != nil {
				return nil, err
			}
		}
		if bf.of.Format == "ladder" && len(plan.Jobs) > 1 {
			return nil, fmt.Errorf("%w: a ladder has no document column, so -f ladder cannot combine %d documents: use --split", errUsage, len(plan.Jobs))
		}
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
	return plan, nil
}

// run aligns the documents of plan and writes them, combined or one file
// each, counting them in st. A write error stops the run and is returned.
func (bf *batchFlags) run(ctx context.Context, e *env, plan *batch.Plan, opts batch.Options, st *batchStats) error {
	prog := newBatchProgress(e.stderr, plan.Jobs)
	opts.Progress = prog.set
	each := func(write func(batch.Result) error) error {
		err := batch.Run(ctx, plan.Jobs, opts, func(r batch.Result) error {
			prog.done(r.Index)
			e.warn("batch", r.Warnings)
			if r.Err != nil {
				st.failed = append(st.failed, r)
				return nil
			}
			if err := write(r); err != nil {
				return err // Run names the document
			}
			st.add(r) // counted once written
			return nil
		})
		prog.finish()
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil // interrupted: what was written is complete
		}
		return err
	}
	lv := bf.align.Level
	if bf.split {
		return batchSplit(e, bf.of, lv, bf.zhFirst, plan.Jobs, each)
	}
	return e.emit(bf.of, lv, bf.zhFirst, func(write func(corpus.Unit) error) error {
		return each(func(r batch.Result) error { return unitsOf(r.Units)(write) })
	})
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
		var s os.Signal
		select {
		case s = <-sig:
		case <-finished:
			return
		}
		interrupted.Store(true)
		again := "Ctrl-C again"
		if s != os.Interrupt {
			again = "send it again"
		}
		fmt.Fprintf(e.stderr, "\ninterrupted (%v): finishing the documents in progress (%s to abort)\n", s, again)
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
// The output files are named, and checked against every input, before any
// work is done.
func batchSplit(e *env, of *outputFlags, lv corpus.Level, zhFirst bool, jobs []batch.Job, run func(func(batch.Result) error) error) error {
	names := newSplitNames(settings.Ext(of.Format))
	outs := make([]outputFlags, len(jobs))
	var inputs []string
	for _, j := range jobs {
		inputs = append(inputs, j.Files()...)
	}
	for i, j := range jobs {
		out := *of.Output // each document its own settings: file, filter state
		out.Out = filepath.Join(of.Out, names.next(j.Name))
		out.AllUnits = true // each file is written from one document's units
		outs[i] = *of
		outs[i].Output = &out
		for _, f := range outs[i].Files() {
			if err := e.checkNotInput(f, inputs); err != nil {
				return err
			}
		}
	}
	if err := os.MkdirAll(of.Out, 0o755); err != nil {
		return err
	}
	return run(func(r batch.Result) error {
		return e.emit(&outs[r.Index], lv, zhFirst, unitsOf(r.Units))
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
	// read counts the files by how they were read ("docx UTF-8").
	read   map[string]int
	failed []batch.Result
	start  time.Time
}

func (s *batchStats) add(r batch.Result) {
	s.docs++
	for k, f := range r.Formats {
		if s.read != nil {
			s.read[f.String()+" "+r.Encodings[k]]++
		}
	}
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
	parts := countList(s.types)
	mean := 0.0
	if s.units > 0 {
		mean = s.scoreSum / float64(s.units)
	}
	el := time.Since(s.start)
	state := ""
	if stop != "" {
		state = fmt.Sprintf(" (%s: %d not written)", stop, total-s.docs-len(s.failed))
	}
	byType := ""
	if len(parts) > 0 {
		byType = " (" + strings.Join(parts, ", ") + ")"
	}
	if len(s.read) > 0 {
		fmt.Fprintf(e.stderr, "files read as: %s\n", strings.Join(countList(s.read), ", "))
	}
	fmt.Fprintf(e.stderr, "aligned %d %s, %d failed%s; %d %s, %d %s%s, mean score %.3f; %.1fs\n",
		s.docs, plural(s.docs, "document", "documents"), len(s.failed), state, s.sentences, plural(s.sentences, "sentence", "sentences"),
		s.units, plural(s.units, "unit", "units"), byType, mean, el.Seconds())
}

// countList returns "key count" for each key of counts, the largest count
// first and ties in key order, so that identical runs print the same.
func countList(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return parts
}
