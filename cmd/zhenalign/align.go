package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/term"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
	"github.com/zhenalign/zhenalign/settings"
)

func runAlign(e *env, args []string) error {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "jsonl", formats)
	as := settings.NewAlignment(fs)
	noLength := fs.Bool("no-length", false, "switch off the length signal (for ablation)")
	noNumbers := fs.Bool("no-numbers", false, "switch off matching of numbers and dates")
	noNames := fs.Bool("no-names", false, "switch off matching of names through pinyin")
	noLatin := fs.Bool("no-latin", false, "switch off matching of Latin tokens inside Chinese")
	noPunct := fs.Bool("no-punct", false, "switch off punctuation cues (questions, exclamations, quotations)")
	noDict := fs.Bool("no-dict", false, "switch off lexical matching with the dictionary")
	verbose := fs.Bool("v", false, "say how each input was read (format, encoding) and what was found in it")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign align [flags] MIXED_FILE
       zhenalign align [flags] FILE_A FILE_B

A single file holds English and Chinese interleaved; two files hold one
language each, in either order (ids in the output follow the order given).
A file may be - for standard input. Files may be plain text (UTF-8,
UTF-16, GB18030, Big5), HTML, DOCX, ODT, EPUB, or SRT and WebVTT
subtitles (each cue a sentence; JSONL output gives their times as en_time
and zh_time); the format and encoding are detected. PDF is not read:
convert it with pdftotext -layout first.

`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return fmt.Errorf("%w: want one mixed file or two files, got %d arguments", errUsage, len(pos))
	}
	if len(pos) == 2 && pos[0] == "-" && pos[1] == "-" {
		return fmt.Errorf("%w: standard input (-) can be only one of the two files", errUsage)
	}
	lv := as.Level
	if as.Presplit && len(pos) != 2 {
		return fmt.Errorf("%w: --presplit needs two files, one per language", errUsage)
	}
	if err := of.check(e, pos...); err != nil {
		return err
	}
	if err := as.Check(); err != nil {
		return err
	}
	alOpts, err := as.Options()
	if err != nil {
		return err
	}
	for _, o := range []struct {
		on  bool
		opt align.Option
	}{
		{*noLength, align.WithoutLength()}, {*noNumbers, align.WithoutNumbers()}, {*noNames, align.WithoutNames()},
		{*noLatin, align.WithoutLatin()}, {*noPunct, align.WithoutPunctuation()}, {*noDict, align.WithoutDictionary()},
	} {
		if o.on {
			alOpts = append(alOpts, o.opt)
		}
	}
	srcs := make([]align.Source, len(pos))
	for k, name := range pos {
		data, err := e.readInput(name)
		if err != nil {
			return err
		}
		srcs[k] = align.Source{Name: name, Data: data}
	}
	prog := newProgress(e.stderr, "aligning", 1)
	defer prog.finish()
	alOpts = append(alOpts, align.WithProgress(prog.set))
	res, err := align.New(alOpts...).AlignSources(srcs...)
	if err != nil {
		return err
	}
	prog.finish()
	e.warn("align", res.Warnings)
	if *verbose {
		sides := []*align.Side{&res.Src, &res.Tgt}
		for k, name := range pos {
			if len(pos) == 1 {
				s := &res.Src
				fmt.Fprintf(e.stderr, "zhenalign align: %s: %s, %s; %d English and %d Chinese sentences\n", name, s.Format, s.Encoding,
					len(res.Src.Sentences), len(res.Tgt.Sentences))
				break
			}
			s := sides[k]
			in := fmt.Sprintf("in %d paragraphs", len(s.Paragraphs))
			if s.Cues != nil {
				in = "(subtitle cues)"
			}
			fmt.Fprintf(e.stderr, "zhenalign align: %s: %s, %s; %d %s sentences %s\n", name, s.Format, s.Encoding,
				len(s.Sentences), langName(s.Lang), in)
		}
	}
	if lv == corpus.Paragraphs && res.Paragraphs == nil {
		return fmt.Errorf("--level para: the inputs have no paragraphs to align")
	}
	doc := ""
	if len(pos) == 1 && pos[0] != "-" {
		doc = filepath.Base(pos[0])
	}
	units := corpus.FromAlignment(res, lv, doc)
	of.AllUnits = true
	return e.emit(of, lv, res.Src.Lang == segment.Chinese, unitsOf(units))
}

// outputFormat returns the format asked for, or the default: text when
// writing to a terminal, def otherwise.
func (e *env) outputFormat(format, out, def string, allowed ...string) (string, error) {
	if format == "" {
		if out == "-" && slices.Contains(allowed, "text") && isTerminal(e.stdout) {
			return "text", nil
		}
		return def, nil
	}
	for _, a := range allowed {
		if a == format {
			return format, nil
		}
	}
	return "", fmt.Errorf("%w: unknown format %q (want one of %v)", errUsage, format, allowed)
}

// isTerminal reports whether w is a terminal (not merely a character
// device such as /dev/null).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && f != nil && term.IsTerminal(int(f.Fd()))
}

// terminalWidth returns the width of the terminal w in cells, or 100 when
// w is not a terminal or its width is unknown.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && f != nil {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	return 100
}
