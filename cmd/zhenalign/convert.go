package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhenalign/zhenalign/corpus"
)

func runConvert(e *env, args []string) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "jsonl", formats)
	level := addLevelFlag(fs, "for TMX output: the units are sentences (`sent`) or paragraphs (para)")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign convert [flags] IN

IN is a TMX file (1.1 to 1.4), an XLIFF file (1.2), a JSONL file as
"align -f jsonl" or "-f hf" writes it, or a TSV file as "-f tsv" writes it,
or - for standard input; the format is detected. The units are written in
the format of -f, through the same filters as align's.

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
	if err := of.check(e, pos...); err != nil {
		return err
	}
	lv := *level
	name := pos[0]
	var in io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	br := bufio.NewReaderSize(in, 64<<10)
	r, err := newReader(br, name)
	if err != nil {
		return err
	}
	empty := 0
	// For a ladder: the sentence ids met, per document and side, to say
	// which sentences no unit holds (a ladder lists every sentence).
	seen := map[string]*[2]map[int]bool{}
	err = e.emit(of, lv, false, func(write func(corpus.Unit) error) error {
		for n := 1; r.Next(); n++ {
			u := r.Unit()
			if u.EN == "" && u.ZH == "" && len(u.ENIDs) == 0 && len(u.ZHIDs) == 0 {
				// A TMX unit in other languages only (fr, de), or
				// with untagged variants: nothing to convert.
				empty++
				continue
			}
			if of.Format == "ladder" && u.ENIDs == nil && u.ZHIDs == nil {
				return fmt.Errorf("%s: unit %d has no sentence ids to write a ladder with (written by another tool, or without ids?)", name, n)
			}
			if of.Format == "ladder" {
				ids := seen[u.Doc]
				if ids == nil {
					ids = &[2]map[int]bool{{}, {}}
					seen[u.Doc] = ids
				}
				for k, side := range [2][]int{u.ENIDs, u.ZHIDs} {
					for _, id := range side {
						ids[k][id] = true
					}
				}
			}
			if err := write(u); err != nil {
				return err
			}
		}
		return r.Err()
	})
	if missing := missingIDs(seen); missing != [2]int{} {
		fmt.Fprintf(e.stderr, "zhenalign convert: warning: %s: %d English and %d Chinese sentence ids below the largest are in no unit (TMX and XLIFF keep no omissions, and a filter may have dropped units): the ladder does not list them\n",
			name, missing[0], missing[1])
	}
	if empty > 0 {
		fmt.Fprintf(e.stderr, "zhenalign convert: warning: %s: %d %s no English or Chinese text (no variant tagged en or zh): left out\n",
			name, empty, plural(empty, "unit has", "units have"))
	}
	return err
}

// missingIDs counts, over the documents of seen, the English and Chinese
// sentence ids from 0 to the largest met that were not met.
func missingIDs(seen map[string]*[2]map[int]bool) (n [2]int) {
	for _, ids := range seen {
		for k, set := range ids {
			top := -1
			for id := range set {
				top = max(top, id)
			}
			n[k] += top + 1 - len(set)
		}
	}
	return n
}

// unitReader is what convert needs of the corpus readers.
type unitReader interface {
	Next() bool
	Unit() corpus.Unit
	Err() error
}

// newReader detects the format of the input (TMX, XLIFF, JSONL or TSV)
// from its name, or else from its first non-blank character ("<" for XML,
// "{" for JSONL) and, for XML, its root element; a first line with a tab
// is TSV.
func newReader(br *bufio.Reader, name string) (unitReader, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tmx":
		return corpus.NewTMXReader(br, name), nil
	case ".xlf", ".xliff":
		return corpus.NewXLIFFReader(br, name), nil
	case ".jsonl", ".json", ".ndjson":
		return corpus.NewJSONLReader(br, name), nil
	case ".tsv":
		return corpus.NewTSVReader(br, name), nil
	}
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			if err != nil && len(b) == 0 {
				return nil, fmt.Errorf("%s: empty input", name)
			}
			break
		}
		switch c := b[n-1]; {
		case c == '<':
			head, _ := br.Peek(4096)
			if bytes.Contains(head, []byte("<xliff")) {
				return corpus.NewXLIFFReader(br, name), nil
			}
			return corpus.NewTMXReader(br, name), nil
		case c == '{':
			return corpus.NewJSONLReader(br, name), nil
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF:
			continue
		}
		break
	}
	head, _ := br.Peek(4096)
	if line, _, _ := bytes.Cut(head, []byte("\n")); bytes.Contains(line, []byte("\t")) {
		return corpus.NewTSVReader(br, name), nil
	}
	return nil, fmt.Errorf("%s: neither TMX, XLIFF, JSONL nor TSV (want a .tmx, .xlf, .jsonl or .tsv file)", name)
}
