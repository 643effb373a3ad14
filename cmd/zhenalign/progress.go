package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/zhenalign/zhenalign/batch"
)

// progress shows a progress bar on standard error when it is a terminal,
// and nothing otherwise.
type progress struct {
	bar *progressbar.ProgressBar
	max int
}

// newProgress returns a progress bar titled desc for up to max steps, or a
// silent one when w is not a terminal.
func newProgress(w io.Writer, desc string, max int) *progress {
	if !isTerminal(w) {
		return &progress{}
	}
	bar := progressbar.NewOptions(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	return &progress{bar: bar, max: max}
}

// set shows done steps out of max, changing max if it differs.
func (p *progress) set(done, max int) {
	if p.bar == nil {
		return
	}
	if max != p.max {
		p.bar.ChangeMax(max)
		p.max = max
	}
	_ = p.bar.Set(done)
}

// finish removes the bar; later calls do nothing.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

// batchProgress shows how far a batch is: a bar over the bytes of the
// documents' files that advances as each document's search goes on, not
// only when a document is done, with the count of documents done.
type batchProgress struct {
	mu    sync.Mutex
	p     *progress
	size  []int     // bytes of each job's files
	frac  []float64 // how far each job is, 0 to 1
	total int       // bytes of all jobs
	docs  int       // jobs done
	shown int       // bytes shown as done
}

// newBatchProgress returns the progress of jobs, shown on w when it is a
// terminal.
func newBatchProgress(w io.Writer, jobs []batch.Job) *batchProgress {
	b := &batchProgress{size: make([]int, len(jobs)), frac: make([]float64, len(jobs))}
	for i, j := range jobs {
		for _, f := range j.Files() {
			if fi, err := os.Stat(f); err == nil {
				b.size[i] += int(fi.Size())
			}
		}
		b.size[i] = max(b.size[i], 1)
		b.total += b.size[i]
	}
	b.p = newProgress(w, b.describe(), b.total)
	return b
}

func (b *batchProgress) describe() string {
	return fmt.Sprintf("documents %d/%d", b.docs, len(b.size))
}

// set records that the search of job is done steps of total; it is called
// from the goroutines aligning the documents.
func (b *batchProgress) set(job, done, total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.p.bar == nil || total <= 0 || job < 0 || job >= len(b.frac) {
		return
	}
	// A document aligned paragraph-first runs several searches, each
	// counting from zero: keep the furthest point seen, short of done.
	b.frac[job] = max(b.frac[job], 0.95*float64(done)/float64(total))
	b.show()
}

// done records that job is finished.
func (b *batchProgress) done(job int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.p.bar == nil || job < 0 || job >= len(b.frac) {
		return
	}
	b.frac[job] = 1
	b.docs++
	b.p.bar.Describe(b.describe())
	b.show()
}

// show moves the bar to the bytes done so far; b.mu is held.
func (b *batchProgress) show() {
	var sum float64
	for i, f := range b.frac {
		sum += f * float64(b.size[i])
	}
	if n := int(sum); n > b.shown {
		b.shown = n
		b.p.set(n, b.total)
	}
}

// finish removes the bar.
func (b *batchProgress) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.p.finish()
}
