package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/zhenalign/zhenalign/segment"
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
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: zhenalign segment [flags] FILE   (FILE may be - for standard input)")
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
	data, err := e.readInput(pos[0])
	if err != nil {
		return err
	}
	var opts []segment.Option
	if *presplit {
		opts = append(opts, segment.Presplit())
	}
	doc, err := segment.Parse(data, opts...)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if doc.Empty() {
		return fmt.Errorf("%s: no text (empty or blank input)", pos[0])
	}
	if w := doc.InvalidUTF8(); w != nil {
		e.warn("segment", []error{fmt.Errorf("%s: %w", pos[0], w)})
	}
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
