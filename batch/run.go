package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
)

// Result is the outcome of one Job.
type Result struct {
	Job   Job
	Index int // position of the job in the list given to Run
	// Units are the aligned units, named after the job.
	Units []corpus.Unit
	// Sentences counts the sentences of the document(s).
	Sentences int
	Elapsed   time.Duration
	// Warnings are the alignment's warnings (see align.Alignment).
	Warnings []error
	// Formats and Encodings say how each file of the job (Job.Files) was
	// read (see package input).
	Formats   []input.Format
	Encodings []string
	// Err says why the document could not be aligned, naming its file or
	// files; Units is then nil. Empty files (align.ErrEmpty) and the other
	// errors of align.AlignSources fail the document, not the batch; a
	// mixed document in one language is aligned as omissions, with a
	// warning (align.ErrOneLanguage).
	Err error
}

// Errors of a document.
var (
	// ErrNoUnits means the alignment of a document has no unit at the
	// level asked for: paragraphs of presplit pairs.
	ErrNoUnits = errors.New("batch: no units at this level")
	// ErrInternal means aligning a document hit a bug (a panic): the
	// document fails, with the panic's message, and the batch goes on.
	ErrInternal = errors.New("batch: internal error, please report it with the document")
	// ErrData means AlignData was not given one content per file of the
	// job.
	ErrData = errors.New("batch: one content per file of the document needed")
)

// Options of Run.
type Options struct {
	// Aligner aligns every document (its options, align.WithInput among
	// them, apply to every one); nil means align.New(). With Presplit,
	// align.WithPresplit is added to it.
	Aligner *align.Aligner
	// Workers is the number of documents aligned at once; 0 means the
	// number of CPUs.
	Workers int
	// Presplit says that pairs hold one sentence per line.
	Presplit bool
	// Level chooses sentence or paragraph units.
	Level corpus.Level
	// Progress, if not nil, is called as the documents advance, from the
	// goroutines aligning them (so possibly from several at once): job is
	// the index of the job, and done out of total is how far its current
	// search is (see align.WithProgress).
	Progress func(job, done, total int)
}

// Run aligns jobs and calls deliver with each result, in the order of jobs,
// from the goroutine that called Run (a nil ctx is context.Background(), a
// nil deliver drops the results). When ctx is cancelled, no new
// document is started; the results of the documents already started are
// delivered, and Run returns ctx.Err(). Jobs never started are not
// delivered.
//
// When deliver returns an error, the run stops as if cancelled, except that
// no further result is delivered, and Run returns that error, wrapped with
// the name of the document.
func Run(ctx context.Context, jobs []Job, opts Options, deliver func(Result) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if deliver == nil {
		deliver = func(Result) error { return nil }
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	al := opts.Aligner
	if al == nil {
		al = align.New()
	}
	if opts.Presplit {
		al = al.With(align.WithPresplit())
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type task struct {
		i   int
		job Job
	}
	tasks := make(chan task)
	done := make(chan Result, workers)
	var wg sync.WaitGroup
	for range min(workers, max(1, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				jal := al
				if opts.Progress != nil {
					jal = al.With(align.WithProgress(func(done, total int) { opts.Progress(t.i, done, total) }))
				}
				r := alignJob(jal, t.job, opts)
				r.Index = t.i
				done <- r
			}
		}()
	}
	// Feed the jobs until they run out or ctx is cancelled.
	go func() {
		defer close(tasks)
		for i, j := range jobs {
			// select picks at random among ready cases: check first, so
			// that a cancellation already seen starts no further job.
			if ctx.Err() != nil {
				return
			}
			select {
			case tasks <- task{i, j}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	// Deliver in order: hold results until those before them are in. The
	// feeder starts jobs in order, so the jobs started are always the first
	// ones: once done is closed, nothing is left pending. After a deliver
	// error, the results still coming are dropped.
	pending := map[int]Result{}
	next := 0
	var derr error
	for r := range done {
		if derr != nil {
			continue
		}
		pending[r.Index] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := deliver(r); err != nil {
				derr = fmt.Errorf("%s: %w", r.Job.Name, err)
				cancel()
				break
			}
		}
	}
	if derr != nil {
		return derr
	}
	return parent.Err()
}

// alignJob reads the files of one document and aligns them.
func alignJob(al *align.Aligner, job Job, opts Options) Result {
	start := time.Now()
	var data [][]byte
	for _, f := range job.Files() {
		b, err := os.ReadFile(f)
		if err != nil {
			return Result{Job: job, Err: err, Elapsed: time.Since(start)}
		}
		data = append(data, b)
	}
	r := AlignData(al, job, data, opts)
	r.Elapsed = time.Since(start)
	return r
}

// AlignData aligns one document from the contents of its files: data[i]
// holds the bytes of job.Files()[i], whose paths name the sources (their
// extensions help to detect formats, see align.Source). It is what Run
// does with each document once its files are read, for callers that read
// them elsewhere (the Apache Beam pipeline, from object stores).
//
// al aligns the document as it is (a nil al is align.New()): Run adds
// align.WithPresplit to its Options.Aligner with Options.Presplit, and a
// caller of AlignData builds al with it. Of opts, only Level is used. A
// document that fails (wrong number of contents, the errors of
// align.Aligner.AlignSources, no unit at the level) gives a Result with
// its error, naming its files; a panic while aligning fails the document
// with ErrInternal rather than the program: one bad document must not
// lose the work of a batch of hundreds. Index is 0 and Elapsed the time
// AlignData took. AlignData is safe for concurrent use.
func AlignData(al *align.Aligner, job Job, data [][]byte, opts Options) (r Result) {
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			r = Result{Job: job, Err: fmt.Errorf("%s: %w: %v", strings.Join(job.Files(), ", "), ErrInternal, p)}
		}
		r.Elapsed = time.Since(start)
	}()
	return alignData(al, job, data, opts)
}

func alignData(al *align.Aligner, job Job, data [][]byte, opts Options) (r Result) {
	r.Job = job
	files := job.Files()
	if len(data) != len(files) {
		r.Err = fmt.Errorf("%s: %w: %d contents for %d files", strings.Join(files, ", "), ErrData, len(data), len(files))
		return r
	}
	if al == nil {
		al = align.New()
	}
	srcs := make([]align.Source, len(files))
	for k, f := range files {
		srcs[k] = align.Source{Name: f, Data: data[k]}
	}
	res, err := al.AlignSources(srcs...)
	if err != nil {
		r.Err = err
		return r
	}
	r.Sentences = len(res.Src.Sentences) + len(res.Tgt.Sentences)
	r.Warnings = res.Warnings
	for _, s := range []align.Side{res.Src, res.Tgt}[:len(srcs)] {
		r.Formats = append(r.Formats, s.Format)
		r.Encodings = append(r.Encodings, s.Encoding)
	}
	r.Units = corpus.FromAlignment(res, opts.Level, job.Name)
	if len(r.Units) == 0 {
		r.Units, r.Err = nil, fmt.Errorf("%s: %w", strings.Join(files, ", "), ErrNoUnits)
	}
	return r
}
