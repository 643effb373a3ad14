package settings

import (
	"flag"
	"io"
	"os"
	"strings"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/input"
)

// Input says how input files are read (package input): their format and
// encoding when detection should not decide, and whether notes are kept.
type Input struct {
	Format   input.Format
	Encoding string
	Notes    bool
}

// NewInput declares the input flags on fs (--input-format, --encoding,
// --notes) and returns the Input they set.
func NewInput(fs *flag.FlagSet) *Input {
	in := &Input{}
	in.addFlags(fs)
	return in
}

func (in *Input) addFlags(fs *flag.FlagSet) {
	fs.TextVar(&in.Format, "input-format", input.Auto,
		"format of the input files: auto (detected from the content and the name), text, html, docx, odt, epub, srt or vtt")
	fs.StringVar(&in.Encoding, "encoding", "", "encoding of text input when detection should not decide (utf-8, utf-16le, utf-16be, gb18030, big5...)")
	fs.BoolVar(&in.Notes, "notes", false, "keep the footnotes and endnotes of DOCX, ODT, HTML and EPUB input")
}

// Check reports an encoding name that names no encoding.
func (in *Input) Check() error {
	if in.Encoding == "" {
		return nil
	}
	if _, err := input.EncodingName(in.Encoding); err != nil {
		return flagErrorf("--encoding: %v", strings.TrimPrefix(err.Error(), "input: "))
	}
	return nil
}

// Options returns the options of input.Read the settings ask for.
func (in *Input) Options() []input.Option {
	var opts []input.Option
	if in.Format != input.Auto {
		opts = append(opts, input.WithFormat(in.Format))
	}
	if in.Encoding != "" {
		opts = append(opts, input.WithEncoding(in.Encoding))
	}
	if in.Notes {
		opts = append(opts, input.WithNotes())
	}
	return opts
}

// Alignment says how documents are read and aligned: the input settings,
// the level of the units, whether the inputs are presplit, the user's
// glossary and dictionary files, and whether the second pass learns from
// the document.
type Alignment struct {
	Input
	Level    align.Level
	Presplit bool
	Glossary string
	Dict     string
	NoLearn  bool
	// Threads is how many goroutines work on one document (0: as many
	// as there are cores).
	Threads int
}

// NewAlignment declares the alignment flags on fs (--level, --presplit,
// --glossary, --dict, --no-learn, --threads and the input flags) and returns the
// Alignment they set.
func NewAlignment(fs *flag.FlagSet) *Alignment {
	a := &Alignment{}
	a.Input.addFlags(fs)
	fs.Var(Level{&a.Level}, "level", "align sentences (`sent`) or paragraphs (para) (default sent)")
	fs.BoolVar(&a.Presplit, "presplit", false, "the inputs hold one sentence per line, ids = 0-based line numbers (two files, or pairs)")
	fs.StringVar(&a.Glossary, "glossary", "", "TSV file of English<TAB>Chinese terms to use as strong anchors (# comments)")
	fs.StringVar(&a.Dict, "dict", "", "dictionary in CC-CEDICT format to use instead of the embedded CC-CEDICT")
	fs.BoolVar(&a.NoLearn, "no-learn", false, "switch off the second pass with word pairs learned from each document")
	fs.IntVar(&a.Threads, "threads", 0, "how many `N` goroutines work on one document (0: one per core); the output is the same whatever N is")
	return a
}

// Check reports settings that do not go together, and bad values.
func (a *Alignment) Check() error {
	if a.Threads < 0 {
		return flagErrorf("--threads %d: want 0 (one per core) or more", a.Threads)
	}
	if a.Presplit && a.Level == align.Paragraphs {
		return flagErrorf("--level para needs paragraphs, and --presplit input has none: --level para cannot be used with --presplit")
	}
	return a.Input.Check()
}

// Options returns the options of align.New the settings ask for, with the
// glossary and dictionary files read (errors name them).
func (a *Alignment) Options() ([]align.Option, error) {
	return a.OptionsWith(func(name string) (io.ReadCloser, error) { return os.Open(name) })
}

// OptionsWith is Options with the glossary and dictionary files opened by
// open, for programs that read them from elsewhere than the local file
// system (the Apache Beam pipeline opens gs:// and other URLs through
// Beam's file systems). The errors of open are returned as they are, and
// should name the file.
func (a *Alignment) OptionsWith(open func(name string) (io.ReadCloser, error)) ([]align.Option, error) {
	opts := []align.Option{align.WithInput(a.Input.Options()...)}
	if a.Threads > 0 {
		opts = append(opts, align.WithWorkers(a.Threads))
	}
	if a.NoLearn {
		opts = append(opts, align.WithoutLearning())
	}
	if a.Presplit {
		opts = append(opts, align.WithPresplit())
	}
	if a.Glossary != "" {
		f, err := open(a.Glossary)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		g, err := align.ReadGlossary(f, a.Glossary)
		if err != nil {
			return nil, err
		}
		opts = append(opts, align.WithGlossary(g))
	}
	if a.Dict != "" {
		f, err := open(a.Dict)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		d, err := align.LoadDictionary(f, a.Dict)
		if err != nil {
			return nil, err
		}
		opts = append(opts, align.WithDictionary(d))
	}
	return opts, nil
}
