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
	"time"

	"golang.org/x/text/language"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// formats are the output formats of align, convert and batch.
var formats = []string{"tmx", "xliff", "tsv", "moses", "jsonl", "hf", "parquet", "xlsx", "ladder", "text"}

// binaryFormats are the formats that are not text: never written to a
// terminal.
var binaryFormats = []string{"parquet", "xlsx"}

// noHashFormats have no place for --hash.
var noHashFormats = []string{"moses", "ladder", "text"}

// outputFlags are the flags that choose an output format and file, filter
// the units written and set the options of the writers. This file is the
// one place that turns them into corpus options (filter and writer), so
// that it can move into a package of its own.
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
	dedupSide      string
	nearDup        bool
	hash           bool
	zhScript       string
	zhLang         string
	srcLang        string
	date           string
	creationID     string
	reviewBelow    float64
	defaultFormat  string
	formatsAllowed []string
	// cmd names the command in warnings.
	cmd string
	// outIsDir says -o names a folder (batch --split), checked by the
	// command itself.
	outIsDir bool
	// allUnits says the command holds every unit before writing (one
	// aligned document): the TMX and XLIFF writers then choose the
	// Chinese tag from all of them rather than from the first ones.
	allUnits bool
	// created is the creation date, settled by check.
	created time.Time
}

// addOutputFlags declares the output flags on fs.
func addOutputFlags(fs *flag.FlagSet, def string, allowed []string) *outputFlags {
	o := &outputFlags{defaultFormat: def, formatsAllowed: allowed, cmd: fs.Name(), reviewBelow: corpus.DefaultReviewBelow}
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
	fs.BoolVar(&o.dedup, "dedup", false, "leave out units repeating an earlier unit's two texts (compared by bifixer's hash)")
	fs.StringVar(&o.dedupSide, "dedup-side", "", "with --dedup: compare the `en`, zh or both texts (default both)")
	fs.BoolVar(&o.nearDup, "near-dup", false, "--dedup and --hash ignore case, punctuation, digits, spaces and accents (bifixer's aggressive mode)")
	fs.BoolVar(&o.hash, "hash", false, "add bifixer's hash (xxh64 of en TAB zh) to each unit: TSV column, JSONL, hf and Parquet field, TMX property, XLSX column")
	fs.StringVar(&o.zhScript, "zh-script", "as-written", "Chinese script of the output: as-written, simplified or traditional")
	fs.StringVar(&o.zhLang, "zh-lang", "", "TMX and XLIFF: language tag of the Chinese side, or per-unit (default: one tag per file, zh-CN or zh-TW by the dominant script)")
	fs.StringVar(&o.srcLang, "src-lang", "en", "TMX and XLIFF: the source language, `en` or zh")
	fs.StringVar(&o.date, "date", "", "TMX, XLIFF and XLSX creation date, as 2024-05-06T07:08:09Z or 2024-05-06 (default: $SOURCE_DATE_EPOCH, or now)")
	fs.StringVar(&o.creationID, "creation-id", "", "TMX: the header's creationid, the user or system that made the memory")
	fs.Var(finiteFloat{&o.reviewBelow}, "review-below", "XLIFF and XLSX: units scoring below this need review (state needs-review-translation, highlighted row)")
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
	if o.format != "" && slices.Contains(binaryFormats, o.format) && (o.out == "-" || o.out == "") && isTerminal(e.stdout) {
		return fmt.Errorf("%w: -f %s is a binary format: write it to a file with -o, or pipe it", errUsage, o.format)
	}
	if err := o.checkWriterFlags(); err != nil {
		return err
	}
	switch o.zhScript {
	case "as-written", "simplified", "traditional":
	default:
		return fmt.Errorf("%w: --zh-script must be as-written, simplified or traditional, not %q", errUsage, o.zhScript)
	}
	if o.zhLang != "" && o.zhLang != "per-unit" {
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
		{o.dedup && o.nearDup, corpus.DedupNear()},
	} {
		if x.on {
			opts = append(opts, x.opt)
		}
	}
	if o.dedup && o.dedupSide != "" {
		opts = append(opts, corpus.DedupSide(map[string]corpus.Sides{
			"en": corpus.EnglishSide, "zh": corpus.ChineseSide, "both": corpus.BothSides}[o.dedupSide]))
	}
	switch o.zhScript {
	case "simplified":
		opts = append(opts, corpus.ConvertScript(corpus.ToSimplified))
	case "traditional":
		opts = append(opts, corpus.ConvertScript(corpus.ToTraditional))
	}
	return corpus.NewFilter(opts...)
}

// checkWriterFlags checks the flags of the writers and the dedup flags,
// and settles the creation date.
func (o *outputFlags) checkWriterFlags() error {
	switch o.dedupSide {
	case "", "en", "zh", "both":
	default:
		return fmt.Errorf("%w: --dedup-side must be en, zh or both, not %q", errUsage, o.dedupSide)
	}
	if o.dedupSide != "" && !o.dedup {
		return fmt.Errorf("%w: --dedup-side %s says how to deduplicate: add --dedup", errUsage, o.dedupSide)
	}
	if o.nearDup && !o.dedup && !o.hash {
		return fmt.Errorf("%w: --near-dup changes what --dedup and --hash compare: add one of them", errUsage)
	}
	if o.hash && slices.Contains(noHashFormats, o.format) {
		return fmt.Errorf("%w: -f %s has no place for --hash (tmx, xliff, tsv, jsonl, hf, parquet and xlsx have)", errUsage, o.format)
	}
	switch o.srcLang {
	case "en", "zh":
	default:
		return fmt.Errorf("%w: --src-lang must be en or zh, not %q", errUsage, o.srcLang)
	}
	if o.reviewBelow < 0 || o.reviewBelow > 1 {
		return fmt.Errorf("%w: --review-below must be in [0,1] (scores are), not %g", errUsage, o.reviewBelow)
	}
	t, err := creationDate(o.date, os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	o.created = t
	return nil
}

// creationDate returns the date of --date, or of SOURCE_DATE_EPOCH (whole
// seconds since 1970, the reproducible-builds convention), or now.
func creationDate(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02", "20060102T150405Z"} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("%w: --date %q: want a date such as 2024-05-06T07:08:09Z, 2024-05-06 or 20240506T070809Z", errUsage, flagValue)
	}
	if epoch = strings.TrimSpace(epoch); epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want whole seconds since 1970-01-01 UTC", epoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// writerOptions returns the options of the corpus writers that the flags
// ask for; level tells TMX whether units are sentences or paragraphs.
func (o *outputFlags) writerOptions(level corpus.Level) []corpus.WriterOption {
	opts := []corpus.WriterOption{corpus.ToolVersion(version()), corpus.TMXSegType(level),
		corpus.CreationDate(o.created), corpus.ReviewBelow(o.reviewBelow)}
	switch o.zhLang {
	case "":
	case "per-unit":
		opts = append(opts, corpus.ChineseLangPerUnit())
	default:
		opts = append(opts, corpus.ChineseLang(o.zhLang))
	}
	if o.allUnits {
		opts = append(opts, corpus.ChineseLangWindow(0))
	}
	if o.srcLang == "zh" {
		opts = append(opts, corpus.SourceLang(segment.Chinese))
	}
	if o.creationID != "" {
		opts = append(opts, corpus.TMXCreationID(o.creationID))
	}
	if o.hash {
		mode := corpus.ExactHash
		if o.nearDup {
			mode = corpus.NearDup
		}
		opts = append(opts, corpus.WithHash(mode))
	}
	return opts
}

// emit writes the units that each yields, filtered, in the chosen format.
// level tells TMX whether units are sentences or paragraphs; zhFirst puts
// the Chinese ids first in ladders. Files are replaced only when the whole
// output has been written. The writers' warnings (a TMX segment too long
// for Trados) are printed on standard error.
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
		cw := o.newWriter(w, level, zhFirst)
		err := pump(f.Writer(cw), each)
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
func (o *outputFlags) newWriter(w io.Writer, level corpus.Level, zhFirst bool) corpus.Writer {
	opts := o.writerOptions(level)
	switch o.format {
	case "tmx":
		return corpus.NewTMXWriter(w, opts...)
	case "xliff":
		return corpus.NewXLIFFWriter(w, opts...)
	case "tsv":
		return corpus.NewTSVWriter(w, opts...)
	case "hf":
		return corpus.NewHFWriter(w, opts...)
	case "parquet":
		return corpus.NewParquetWriter(w, opts...)
	case "xlsx":
		return corpus.NewXLSXWriter(w, opts...)
	case "ladder":
		return corpus.NewLadderWriter(w, zhFirst)
	case "text":
		return corpus.NewTextWriter(w, terminalWidth(w))
	}
	return corpus.NewJSONLWriter(w, opts...)
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
