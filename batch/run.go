package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
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
	// Err says why the document could not be aligned; Units is then nil.
	Err error
}

// Errors of a document.
var (
	// ErrEmpty means a file holds no text.
	ErrEmpty = errors.New("batch: empty: no text to align")
	// ErrOneLanguage means a mixed document holds only one language.
	ErrOneLanguage = errors.New("batch: only one language: nothing to align")
	// ErrNoUnits means the alignment of a document has no unit at the
	// level asked for: paragraphs of presplit pairs.
	ErrNoUnits = errors.New("batch: no units at this level")
	// ErrInternal means aligning a document hit a bug (a panic): the
	// document fails, with the panic's message, and the batch goes on.
	ErrInternal = errors.New("batch: internal error, please report it with the document")
)

// Options of Run.
type Options struct {
	// Aligner aligns every document; nil means align.New(), or
	// align.New(align.WithPresplit()) with Presplit. An Aligner given for
	// presplit pairs should be made with align.WithPresplit, so that each
	// line is not taken for a paragraph.
	Aligner *align.Aligner
	// Workers is the number of documents aligned at once; 0 means the
	// number of CPUs.
	Workers int
	// Presplit says that pairs hold one sentence per line.
	Presplit bool
	// Level chooses sentence or paragraph units.
	Level corpus.Level
}

// Run aligns jobs and calls deliver with each result, in the order of jobs,
// from the goroutine that called Run. When ctx is cancelled, no new
// document is started; the results of the documents already started are
// delivered, and Run returns ctx.Err(). Jobs never started are not
// delivered.
//
// When deliver returns an error, the run stops as if cancelled, except that
// no further result is delivered, and Run returns that error, wrapped with
// the name of the document.
func Run(ctx context.Context, jobs []Job, opts Options, deliver func(Result) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	al := opts.Aligner
	if al == nil {
		if opts.Presplit {
			al = align.New(align.WithPresplit())
		} else {
			al = align.New()
		}
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
				r := alignJob(al, t.job, opts)
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
				derr = fmt.Errorf("batch: %s: %w", r.Job.Name, err)
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

// alignJob aligns one document. A panic fails only this document: one bad
// document must not lose the work of a batch of hundreds.
func alignJob(al *align.Aligner, job Job, opts Options) (r Result) {
	start := time.Now()
	r = Result{Job: job}
	defer func() {
		if p := recover(); p != nil {
			r.Units, r.Err = nil, fmt.Errorf("%w: %v", ErrInternal, p)
		}
		r.Elapsed = time.Since(start)
	}()
	r.Units, r.Sentences, r.Err = alignFiles(al, job, opts)
	return r
}

func alignFiles(al *align.Aligner, job Job, opts Options) ([]corpus.Unit, int, error) {
	var segOpts []segment.Option
	if opts.Presplit && job.Mixed == "" {
		segOpts = append(segOpts, segment.Presplit())
	}
	seg := segment.New(segOpts...)
	var docs []*segment.Document
	n := 0
	for _, f := range job.Files() {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		// A pair says which of its files failed; a mixed file is the
		// document itself.
		where := func(err error) error {
			if job.Mixed != "" {
				return err
			}
			return fmt.Errorf("%s: %w", f, err)
		}
		d, err := seg.Parse(data)
		if err != nil {
			return nil, 0, where(err)
		}
		if d.Empty() {
			return nil, 0, where(ErrEmpty)
		}
		n += len(d.Sentences)
		docs = append(docs, d)
	}
	var res *align.Alignment
	var err error
	if len(docs) == 1 {
		res, err = al.AlignMixed(docs[0])
		if err == nil && (len(res.Src.Sentences) == 0 || len(res.Tgt.Sentences) == 0) {
			err = ErrOneLanguage
		}
	} else {
		res, err = al.AlignDocuments(docs[0], docs[1])
	}
	if err != nil {
		return nil, n, err
	}
	units := corpus.FromAlignment(res, opts.Level, job.Name)
	if len(units) == 0 {
		return nil, n, ErrNoUnits
	}
	return units, n, nil
}
