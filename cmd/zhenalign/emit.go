package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/settings"
)

// formats are the output formats of align, convert and batch.
var formats = settings.Formats

// outputFlags are the output flags of a command (settings.Output) and what
// the command knows about them: its default format, the formats it
// allows, its name for warnings, and whether -o names a folder.
type outputFlags struct {
	*settings.Output
	defaultFormat  string
	formatsAllowed []string
	// cmd names the command in warnings.
	cmd string
	// outIsDir says -o names a folder (batch --split), checked by the
	// command itself.
	outIsDir bool
}

// addOutputFlags declares the output flags on fs.
func addOutputFlags(fs *flag.FlagSet, def string, allowed []string) *outputFlags {
	return &outputFlags{Output: settings.NewOutput(fs, def, allowed), defaultFormat: def, formatsAllowed: allowed, cmd: fs.Name()}
}

// check validates the flags, after parsing, and settles the format. inputs
// are the files the command reads: the output may not be one of them.
func (o *outputFlags) check(e *env, inputs ...string) error {
	f, err := e.outputFormat(o.Format, o.Out, o.defaultFormat, o.formatsAllowed...)
	if err != nil {
		return err
	}
	o.Format = f
	if o.Format == "moses" && (o.Out == "-" || o.Out == "") {
		return fmt.Errorf("%w: -f moses writes two files: give their prefix with -o", errUsage)
	}
	if o.Format == "moses" && !o.outIsDir {
		if fi, err := os.Stat(o.Out); (err == nil && fi.IsDir()) || strings.HasSuffix(o.Out, "/") || strings.HasSuffix(o.Out, string(os.PathSeparator)) {
			return fmt.Errorf("%w: -o %s is a folder: -f moses needs a file prefix (-o DIR/corpus writes DIR/corpus.en and DIR/corpus.zh)", errUsage, o.Out)
		}
	}
	if !o.outIsDir {
		for _, name := range o.Files() {
			if err := checkOutput(name); err != nil {
				return err
			}
			if err := e.checkNotInput(name, inputs); err != nil {
				return err
			}
		}
	}
	if slices.Contains(settings.BinaryFormats, o.Format) && (o.Out == "-" || o.Out == "") && isTerminal(e.stdout) {
		return fmt.Errorf("%w: -f %s is a binary format: write it to a file with -o, or pipe it", errUsage, o.Format)
	}
	return o.Output.Check()
}

// emit writes the units that each yields, filtered, in the chosen format.
// level tells TMX whether units are sentences or paragraphs; zhFirst puts
// the Chinese ids first in ladders. Files are replaced only when the whole
// output has been written. The writers' warnings (a TMX segment too long
// for Trados) are printed on standard error.
func (e *env) emit(o *outputFlags, level corpus.Level, zhFirst bool, each func(func(corpus.Unit) error) error) error {
	f, err := o.Filter()
	if err != nil {
		return err
	}
	if o.Format == "moses" {
		return e.writeFiles(o.Files(), func(ws []io.Writer) error {
			return pump(f.Writer(corpus.NewMosesWriter(ws[0], ws[1])), each)
		})
	}
	return e.writeOutput(o.Out, func(w io.Writer) error {
		cw, err := o.newWriter(w, level, zhFirst)
		if err != nil {
			return err
		}
		err = pump(f.Writer(cw), each)
		if wr, ok := cw.(interface{ Warnings() []error }); ok && err == nil {
			e.warn(o.cmd, wr.Warnings())
		}
		return err
	})
}

// pump writes every unit to w and closes it. It returns the first error:
// after a failed write, closing fails the same way.
func pump(w corpus.Writer, each func(func(corpus.Unit) error) error) error {
	err := each(w.Write)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// newWriter returns the corpus writer of the format (moses aside); the
// two-column text view is as wide as the terminal when w is one.
func (o *outputFlags) newWriter(w io.Writer, level corpus.Level, zhFirst bool) (corpus.Writer, error) {
	if o.Format == "text" {
		return corpus.NewTextWriter(w, terminalWidth(w)), nil
	}
	return o.Output.NewWriter(w, level, zhFirst, version())
}

// unitsOf returns the each function of a slice of units.
func unitsOf(units []corpus.Unit) func(func(corpus.Unit) error) error {
	return func(write func(corpus.Unit) error) error {
		for _, u := range units {
			if err := write(u); err != nil {
				return err
			}
		}
		return nil
	}
}

// addLevelFlag declares --level on fs; usage says what it does.
func addLevelFlag(fs *flag.FlagSet, usage string) *corpus.Level {
	lv := new(corpus.Level)
	fs.Var(settings.Level{L: lv}, "level", usage+" (default sent)")
	return lv
}
