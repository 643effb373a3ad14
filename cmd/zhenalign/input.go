package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

// inputFlags are the flags that say how input files are read (package
// input): their format and encoding when detection should not decide.
type inputFlags struct {
	format   input.Format
	encoding string
	notes    bool
}

// addInputFlags declares the input flags on fs.
func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{}
	fs.TextVar(&f.format, "input-format", input.Auto,
		"format of the input files: auto (detected from the content and the name), text, html, docx, odt, epub, srt or vtt")
	fs.StringVar(&f.encoding, "encoding", "", "encoding of text input when detection should not decide (utf-8, utf-16le, utf-16be, gb18030, big5...)")
	fs.BoolVar(&f.notes, "notes", false, "keep the footnotes and endnotes of DOCX, ODT, HTML and EPUB input")
	return f
}

// check validates the encoding name.
func (f *inputFlags) check() error {
	if f.encoding == "" {
		return nil
	}
	if _, err := input.EncodingName(f.encoding); err != nil {
		return fmt.Errorf("%w: --encoding: %v", errUsage, strings.TrimPrefix(err.Error(), "input: "))
	}
	return nil
}

// options returns the options of input.Read the flags ask for.
func (f *inputFlags) options() []input.Option {
	var opts []input.Option
	if f.format != input.Auto {
		opts = append(opts, input.WithFormat(f.format))
	}
	if f.encoding != "" {
		opts = append(opts, input.WithEncoding(f.encoding))
	}
	if f.notes {
		opts = append(opts, input.WithNotes())
	}
	return opts
}

// langName names a side's language in messages.
func langName(l segment.Lang) string {
	switch l {
	case segment.English:
		return "English"
	case segment.Chinese:
		return "Chinese"
	}
	return "other"
}
