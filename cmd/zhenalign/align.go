package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

func runAlign(e *env, args []string) error {
	fs := flag.NewFlagSet("align", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "jsonl", formats)
	presplit := fs.Bool("presplit", false, "the two inputs hold one sentence per line, ids = 0-based line numbers")
	level := addLevelFlag(fs, "align sentences (`sent`) or paragraphs (para)")
	noLength := fs.Bool("no-length", false, "switch off the length signal (for ablation)")
	noNumbers := fs.Bool("no-numbers", false, "switch off matching of numbers and dates")
	noNames := fs.Bool("no-names", false, "switch off matching of names through pinyin")
	noLatin := fs.Bool("no-latin", false, "switch off matching of Latin tokens inside Chinese")
	noPunct := fs.Bool("no-punct", false, "switch off punctuation cues (questions, exclamations, quotations)")
	noDict := fs.Bool("no-dict", false, "switch off lexical matching with the dictionary")
	noLearn := fs.Bool("no-learn", false, "switch off the second pass with word pairs learned from the document")
	glossary := fs.String("glossary", "", "TSV file of English<TAB>Chinese terms to use as strong anchors (# comments)")
	dictFile := fs.String("dict", "", "dictionary in CC-CEDICT format to use instead of the embedded CC-CEDICT")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign align [flags] MIXED_FILE
       zhenalign align [flags] FILE_A FILE_B

A single file holds English and Chinese interleaved; two files hold one
language each, in either order (ids in the output follow the order given).
A file may be - for standard input.

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
	lv := level.lv
	if *presplit && lv == corpus.Paragraphs {
		return fmt.Errorf("%w: --level para needs paragraphs, and --presplit input has none", errUsage)
	}
	if *presplit && len(pos) != 2 {
		return fmt.Errorf("%w: --presplit needs two files, one per language", errUsage)
	}
	if err := of.check(e); err != nil {
		return err
	}
	var segOpts []segment.Option
	alOpts := []align.Option{}
	for _, o := range []struct {
		on  bool
		opt align.Option
	}{
		{*noLength, align.WithoutLength()}, {*noNumbers, align.WithoutNumbers()}, {*noNames, align.WithoutNames()},
		{*noLatin, align.WithoutLatin()}, {*noPunct, align.WithoutPunctuation()}, {*noDict, align.WithoutDictionary()},
		{*noLearn, align.WithoutLearning()},
	} {
		if o.on {
			alOpts = append(alOpts, o.opt)
		}
	}
	if *presplit {
		segOpts = append(segOpts, segment.Presplit())
		alOpts = append(alOpts, align.WithPresplit())
	}
	more, err := resourceOptions(*glossary, *dictFile)
	if err != nil {
		return err
	}
	alOpts = append(alOpts, more...)
	docs := make([]*segment.Document, len(pos))
	for k, name := range pos {
		data, err := e.readInput(name)
		if err != nil {
			return err
		}
		if docs[k], err = segment.Parse(data, segOpts...); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if docs[k].Empty() {
			return fmt.Errorf("%s: no text to align (the file is empty or blank)", name)
		}
	}
	prog := newProgress(e.stderr, "aligning", 1)
	defer prog.finish()
	alOpts = append(alOpts, align.WithProgress(prog.set))
	al := align.New(alOpts...)
	var res *align.Alignment
	if len(docs) == 1 {
		res, err = al.AlignMixed(docs[0])
	} else {
		res, err = al.AlignDocuments(docs[0], docs[1])
	}
	if err != nil {
		return fmt.Errorf("%s: %w", strings.Join(pos, ", "), err)
	}
	if len(docs) == 1 && (len(res.Src.Sentences) == 0 || len(res.Tgt.Sentences) == 0) {
		fmt.Fprintf(e.stderr, "zhenalign align: %s: warning: no %s text found; every sentence is an omission\n",
			pos[0], map[bool]string{true: "English", false: "Chinese"}[len(res.Src.Sentences) == 0])
	}
	if lv == corpus.Paragraphs && res.Paragraphs == nil {
		return fmt.Errorf("--level para: the inputs have no paragraphs to align")
	}
	doc := ""
	if len(pos) == 1 && pos[0] != "-" {
		doc = filepath.Base(pos[0])
	}
	units := corpus.FromAlignment(res, lv, doc)
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

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// resourceOptions loads the glossary and dictionary files named on the
// command line, if any.
func resourceOptions(glossary, dict string) ([]align.Option, error) {
	var opts []align.Option
	if glossary != "" {
		f, err := os.Open(glossary)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		g, err := align.ReadGlossary(f, glossary)
		if err != nil {
			return nil, err
		}
		opts = append(opts, align.WithGlossary(g))
	}
	if dict != "" {
		f, err := os.Open(dict)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		d, err := align.LoadDictionary(f, dict)
		if err != nil {
			return nil, err
		}
		opts = append(opts, align.WithDictionary(d))
	}
	return opts, nil
}
