package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/zhenalign/zhenalign/corpus"
)

// formats are the output formats of align, convert and batch.
var formats = []string{"tmx", "tsv", "moses", "jsonl", "ladder", "text"}

// outputFlags are the flags that choose an output format and file, and
// filter the units written.
type outputFlags struct {
	format, out    string
	minScore       float64
	types          string
	minRatio       float64
	maxRatio       float64
	dropIdentical  bool
	dropNoHan      bool
	dropOmissions  bool
	dedup          bool
	zhScript       string
	zhLang         string
	defaultFormat  string
	formatsAllowed []string
	// outIsDir says -o names a folder (batch --split), checked by the
	// command itself.
	outIsDir bool
}

// addOutputFlags declares the output flags on fs.
func addOutputFlags(fs *flag.FlagSet, def string, allowed []string) *outputFlags {
	o := &outputFlags{defaultFormat: def, formatsAllowed: allowed}
	deflt := " (default: text on a terminal, " + def + " otherwise)"
	if !slices.Contains(allowed, "text") {
		deflt = " (default " + def + ")"
	}
	fs.StringVar(&o.format, "f", "", "output format: "+strings.Join(allowed, ", ")+deflt)
	fs.StringVar(&o.out, "o", "-", "output file (- for standard output); for moses, the prefix of OUT.en and OUT.zh")
	fs.Var(finiteFloat{&o.minScore}, "min-score", "leave out units scoring below this (scores are in [0,1])")
	fs.StringVar(&o.types, "types", "", "keep only these link types, English count first (e.g. 1-1,1-2)")
	fs.Var(finiteFloat{&o.minRatio}, "min-ratio", "leave out units with fewer English characters per Chinese character")
	fs.Var(finiteFloat{&o.maxRatio}, "max-ratio", "leave out units with more English characters per Chinese character")
	fs.BoolVar(&o.dropIdentical, "drop-identical", false, "leave out units whose two sides are the same text")
	fs.BoolVar(&o.dropNoHan, "drop-no-han", false, "leave out units whose Chinese side has no Han character")
	fs.BoolVar(&o.dropOmissions, "drop-omissions", false, "leave out 1-0 and 0-1 units")
	fs.BoolVar(&o.dedup, "dedup", false, "leave out units repeating an earlier unit's two texts")
	fs.StringVar(&o.zhScript, "zh-script", "as-written", "Chinese script of the output: as-written, simplified or traditional")
	fs.StringVar(&o.zhLang, "zh-lang", "", "TMX only: language tag of the Chinese side (default zh-CN, or zh-TW for traditional text)")
	return o
}

// check validates the flags, after parsing, and settles the format. inputs
// are the files the command reads: the output may not be one of them.
func (o *outputFlags) check(e *env, inputs ...string) error {
	f, err := e.outputFormat(o.format, o.out, o.defaultFormat, o.formatsAllowed...)
	if err != nil {
		return err
	}
	o.format = f
	if o.format == "moses" && (o.out == "-" || o.out == "") {
		return fmt.Errorf("%w: -f moses writes two files: give their prefix with -o", errUsage)
	}
	outs := o.files()
	if o.format == "moses" && !o.outIsDir {
		if fi, err := os.Stat(o.out); (err == nil && fi.IsDir()) || strings.HasSuffix(o.out, "/") || strings.HasSuffix(o.out, string(os.PathSeparator)) {
			return fmt.Errorf("%w: -o %s is a folder: -f moses needs a file prefix (-o DIR/corpus writes DIR/corpus.en and DIR/corpus.zh)", errUsage, o.out)
		}
	}
	if !o.outIsDir {
		for _, name := range outs {
			if err := checkOutput(name); err != nil {
				return err
			}
			if err := e.checkNotInput(name, inputs); err != nil {
				return err
			}
		}
	}
	switch o.zhScript {
	case "as-written", "simplified", "traditional":
	default:
		return fmt.Errorf("%w: --zh-script must be as-written, simplified or traditional, not %q", errUsage, o.zhScript)
	}
	if o.zhLang != "" {
		tag, err := checkChineseTag(o.zhLang)
		if err != nil {
			return err
		}
		o.zhLang = tag
	}
	if o.minScore < 0 || o.minScore > 1 {
		return fmt.Errorf("%w: --min-score must be in [0,1] (scores are), not %g", errUsage, o.minScore)
	}
	if o.minRatio < 0 || o.maxRatio < 0 || (o.maxRatio > 0 && o.minRatio > o.maxRatio) {
		return fmt.Errorf("%w: bad length ratio bounds %g..%g", errUsage, o.minRatio, o.maxRatio)
	}
	for _, t := range o.typeList() {
		a, b, ok := strings.Cut(t, "-")
		_, err1 := strconv.Atoi(a)
		_, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return fmt.Errorf("%w: bad link type %q in --types (want forms like 1-2)", errUsage, t)
		}
	}
	// The filter checks its own values too.
	if _, err := o.filter(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// files returns the files the output is written to: the -o file, or the
// two files of -f moses.
func (o *outputFlags) files() []string {
	if o.format == "moses" {
		return []string{o.out + ".en", o.out + ".zh"}
	}
	return []string{o.out}
}

// checkChineseTag reports a --zh-lang that is not a BCP 47 tag of Chinese.
// It returns the tag in its canonical form (zh_cn → zh-CN).
func checkChineseTag(tag string) (string, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", fmt.Errorf("%w: --zh-lang %q is not a BCP 47 language tag (want zh-CN, zh-TW, zh-Hant-HK...)", errUsage, tag)
	}
	switch b, _ := t.Base(); b.String() {
	case "zh", "cmn": // as the TMX reader takes them
	default:
		return "", fmt.Errorf("%w: --zh-lang %q is not a Chinese language tag (want zh-CN, zh-TW, zh-Hant-HK...)", errUsage, tag)
	}
	return t.String(), nil
}

// finiteFloat is a flag.Value of a float64 that is a number: NaN and
// infinities are refused.
type finiteFloat struct{ p *float64 }

func (f finiteFloat) String() string {
	if f.p == nil {
		return "0"
	}
	return strconv.FormatFloat(*f.p, 'g', -1, 64)
}

func (f finiteFloat) Set(s string) error {
	x, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) {
		return fmt.Errorf("want a finite number, not %s", s)
	}
	if err != nil {
		return errors.New("want a number")
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Errorf("want a finite number, not %s", s)
	}
	*f.p = x
	return nil
}

func (o *outputFlags) typeList() []string {
	if strings.TrimSpace(o.types) == "" {
		return nil
	}
	ts := strings.Split(o.types, ",")
	for k, t := range ts {
		ts[k] = strings.TrimSpace(t)
	}
	return ts
}

// filter returns the Filter the flags ask for.
func (o *outputFlags) filter() (*corpus.Filter, error) {
	opts := []corpus.FilterOption{corpus.MinScore(o.minScore), corpus.LengthRatio(o.minRatio, o.maxRatio)}
	if t := o.typeList(); t != nil {
		opts = append(opts, corpus.Types(t...))
	}
	for _, x := range []struct {
		on  bool
		opt corpus.FilterOption
	}{
		{o.dropIdentical, corpus.DropIdentical()}, {o.dropNoHan, corpus.DropNoHan()},
		{o.dropOmissions, corpus.DropOmissions()}, {o.dedup, corpus.Dedup()},
	} {
		if x.on {
			opts = append(opts, x.opt)
		}
	}
	switch o.zhScript {
	case "simplified":
		opts = append(opts, corpus.ConvertScript(corpus.ToSimplified))
	case "traditional":
		opts = append(opts, corpus.ConvertScript(corpus.ToTraditional))
	}
	return corpus.NewFilter(opts...)
}

// emit writes the units that each yields, filtered, in the chosen format.
// level tells TMX whether units are sentences or paragraphs; zhFirst puts
// the Chinese ids first in ladders. Files are replaced only when the whole
// output has been written.
func (e *env) emit(o *outputFlags, level corpus.Level, zhFirst bool, each func(func(corpus.Unit) error) error) error {
	f, err := o.filter()
	if err != nil {
		return err
	}
	if o.format == "moses" {
		return e.writeFiles([]string{o.out + ".en", o.out + ".zh"}, func(ws []io.Writer) error {
			return pump(f.Writer(corpus.NewMosesWriter(ws[0], ws[1])), each)
		})
	}
	return e.writeOutput(o.out, func(w io.Writer) error {
		return pump(f.Writer(o.newWriter(w, level, zhFirst)), each)
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
func (o *outputFlags) newWriter(w io.Writer, level corpus.Level, zhFirst bool) corpus.Writer {
	switch o.format {
	case "tmx":
		return newTMXWriter(w, o, level)
	case "tsv":
		return corpus.NewTSVWriter(w)
	case "ladder":
		return corpus.NewLadderWriter(w, zhFirst)
	case "text":
		return corpus.NewTextWriter(w, terminalWidth(w))
	}
	return corpus.NewJSONLWriter(w)
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

// levelFlag is the value of --level: sent or para.
type levelFlag struct{ lv corpus.Level }

// addLevelFlag declares --level on fs.
func addLevelFlag(fs *flag.FlagSet, usage string) *levelFlag {
	l := &levelFlag{lv: corpus.Sentences}
	fs.Var(l, "level", usage+" (default sent)")
	return l
}

func (l *levelFlag) String() string {
	if l != nil && l.lv == corpus.Paragraphs {
		return "para"
	}
	return "sent"
}

func (l *levelFlag) Set(s string) error {
	switch s {
	case "sent":
		l.lv = corpus.Sentences
	case "para":
		l.lv = corpus.Paragraphs
	default:
		return errors.New("--level must be sent or para")
	}
	return nil
}
