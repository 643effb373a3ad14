package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
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

// add advances the bar by n steps.
func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
