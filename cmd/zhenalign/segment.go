package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/settings"
)

// segmentRow is one JSONL row of the segment command.
type segmentRow struct {
	Para   int    `json:"para"`
	Sent   int    `json:"sent"`
	Lang   string `json:"lang"`
	Script string `json:"script"`
	Text   string `json:"text"`
	Norm   string `json:"norm"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Flags  string `json:"flags,omitempty"`
}

func runSegment(e *env, args []string) error {
	fs := flag.NewFlagSet("segment", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("f", "", "output format: jsonl or text (default: text on a terminal, jsonl otherwise)")
	presplit := fs.Bool("presplit", false, "the input holds one sentence per line")
	out := fs.String("o", "-", "output file (- for standard output)")
	inf := settings.NewInput(fs)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign segment [flags] FILE   (FILE may be - for standard input)

FILE is read as align reads it (text in UTF-8, UTF-16, GB18030 or Big5,
HTML, DOCX, ODT, EPUB, SRT, WebVTT); start and end are byte offsets into
the text extracted from it, which for UTF-8 plain text is the file itself.

`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: want one input file, got %d", errUsage, len(pos))
	}
	f, err := e.outputFormat(*format, *out, "jsonl", "jsonl", "text")
	if err != nil {
		return err
	}
	*format = f
	if err := checkOutput(*out); err != nil {
		return err
	}
	if err := e.checkNotInput(*out, pos); err != nil {
		return err
	}
	if err := inf.Check(); err != nil {
		return err
	}
	data, err := e.readInput(pos[0])
	if err != nil {
		return err
	}
	opts := []align.Option{align.WithInput(inf.Options()...)}
	if *presplit {
		opts = append(opts, align.WithPresplit())
	}
	parsed, err := align.New(opts...).ParseSource(align.Source{Name: pos[0], Data: data})
	if errors.Is(err, align.ErrEmpty) {
		// The shared error speaks of aligning; here nothing is aligned.
		return errors.New(strings.Replace(err.Error(), align.ErrEmpty.Error(), "no text to segment", 1))
	}
	if err != nil {
		return err
	}
	e.warn("segment", parsed.Warnings)
	doc := parsed.Doc
	return e.writeOutput(*out, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, p := range doc.Paragraphs {
			for k, s := range doc.Sentences[p.First : p.First+p.Count] {
				if *format == "text" {
					fmt.Fprintf(bw, "%d.%d\t%s\t%s\n", s.Para, k, s.Lang, s.Text)
					continue
				}
				row := segmentRow{Para: s.Para, Sent: k, Lang: s.Lang.String(), Script: s.Script.String(),
					Text: s.Text, Norm: s.Norm, Start: s.Start, End: s.End, Flags: s.Flags.String()}
				if err := enc.Encode(row); err != nil {
					return err
				}
			}
		}
		return bw.Flush()
	})
}
