package main

import (
	"io"

	"github.com/zhenalign/zhenalign/corpus"
)

// newTMXWriter returns the TMX writer the flags ask for.
func newTMXWriter(w io.Writer, o *outputFlags, level corpus.Level) corpus.Writer {
	return corpus.NewTMXWriter(w, corpus.TMXToolVersion(version()), corpus.TMXSegType(level), corpus.TMXChineseLang(o.zhLang))
}
