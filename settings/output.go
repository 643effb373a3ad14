package settings

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// Formats are the output formats, in the order help texts list them.
// "text" (two columns for a terminal) and "moses" (two files) need what
// only a command has: NewWriter does not make them.
var Formats = []string{"tmx", "xliff", "tsv", "moses", "jsonl", "hf", "parquet", "xlsx", "ladder", "text"}

// BinaryFormats are the formats that are not text: never written to a
// terminal.
var BinaryFormats = []string{"parquet", "xlsx"}

// noHashFormats have no place for --hash.
var noHashFormats = []string{"moses", "ladder", "text"}

// Ext returns the file extension of format, "" for moses (two files).
func Ext(format string) string {
	return map[string]string{"tmx": ".tmx", "xliff": ".xlf", "tsv": ".tsv", "jsonl": ".jsonl", "hf": ".jsonl",
		"parquet": ".parquet", "xlsx": ".xlsx", "ladder": ".align", "text": ".txt"}[format]
}

// Output says how units are written: the format and file, the filters, and
// the options of the writers.
type Output struct {
	// Format is the format asked for ("" for the command's default);
	// Out the output file ("-" for standard output), for moses the prefix
	// of OUT.en and OUT.zh.
	Format, Out string

	minScore      float64
	types         string
	minRatio      float64
	maxRatio      float64
	dropIdentical bool
	dropNoHan     bool
	dropOmissions bool
	dedup         bool
	dedupSide     string
	nearDup       bool
	hash          bool
	zhScript      string
	zhLang        string
	srcLang       string
	date          string
	creationID    string
	reviewBelow   float64
	// AllUnits says the writer gets every unit of the output before the
	// first is written (one aligned document): TMX and XLIFF then choose
	// the Chinese tag from all of them rather than from the first ones.
	AllUnits bool
	// created is the creation date, settled by Check.
	created time.Time
}

// NewOutput declares the output flags on fs: -f (one of allowed, def when
// not given), -o, the filters and the writers' options; it returns the
// Output they set.
func NewOutput(fs *flag.FlagSet, def string, allowed []string) *Output {
	o := &Output{reviewBelow: corpus.DefaultReviewBelow}
	deflt := " (default: text on a terminal, " + def + " otherwise)"
	if !slices.Contains(allowed, "text") {
		deflt = " (default " + def + ")"
	}
	fs.StringVar(&o.Format, "f", "", "output format: "+strings.Join(allowed, ", ")+deflt)
	fs.StringVar(&o.Out, "o", "-", "output file (- for standard output); for moses, the prefix of OUT.en and OUT.zh")
	fs.Var(Finite{&o.minScore}, "min-score", "leave out units scoring below this (scores are in [0,1])")
	fs.StringVar(&o.types, "types", "", "keep only these link types, English count first (e.g. 1-1,1-2)")
	fs.Var(Finite{&o.minRatio}, "min-ratio", "leave out units with fewer English characters per Chinese character")
	fs.Var(Finite{&o.maxRatio}, "max-ratio", "leave out units with more English characters per Chinese character")
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
	fs.Var(Finite{&o.reviewBelow}, "review-below", "XLIFF and XLSX: units scoring below this need review (state needs-review-translation, highlighted row)")
	return o
}

// Files returns the files the output is written to: Out, or the two files
// of moses.
func (o *Output) Files() []string {
	if o.Format == "moses" {
		return []string{o.Out + ".en", o.Out + ".zh"}
	}
	return []string{o.Out}
}

// Check validates the values of the flags, once parsed and Format settled,
// puts --zh-lang in its canonical form and settles the creation date
// (--date, else $SOURCE_DATE_EPOCH, else now).
func (o *Output) Check() error {
	if o.Format != "" && !slices.Contains(Formats, o.Format) {
		return flagErrorf("unknown format %q (want one of %v)", o.Format, Formats)
	}
	switch o.zhScript {
	case "as-written", "simplified", "traditional":
	default:
		return flagErrorf("--zh-script must be as-written, simplified or traditional, not %q", o.zhScript)
	}
	if o.zhLang != "" && o.zhLang != "per-unit" {
		tag, err := chineseTag(o.zhLang)
		if err != nil {
			return err
		}
		o.zhLang = tag
	}
	if o.minScore < 0 || o.minScore > 1 {
		return flagErrorf("--min-score must be in [0,1] (scores are), not %g", o.minScore)
	}
	if o.minRatio < 0 || o.maxRatio < 0 || (o.maxRatio > 0 && o.minRatio > o.maxRatio) {
		return flagErrorf("bad length ratio bounds %g..%g", o.minRatio, o.maxRatio)
	}
	for _, t := range o.typeList() {
		a, b, ok := strings.Cut(t, "-")
		_, err1 := strconv.Atoi(a)
		_, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return flagErrorf("bad link type %q in --types (want forms like 1-2)", t)
		}
	}
	switch o.dedupSide {
	case "", "en", "zh", "both":
	default:
		return flagErrorf("--dedup-side must be en, zh or both, not %q", o.dedupSide)
	}
	if o.dedupSide != "" && !o.dedup {
		return flagErrorf("--dedup-side %s says how to deduplicate: add --dedup", o.dedupSide)
	}
	if o.nearDup && !o.dedup && !o.hash {
		return flagErrorf("--near-dup changes what --dedup and --hash compare: add one of them")
	}
	if o.hash && slices.Contains(noHashFormats, o.Format) {
		return flagErrorf("-f %s has no place for --hash (tmx, xliff, tsv, jsonl, hf, parquet and xlsx have)", o.Format)
	}
	switch o.srcLang {
	case "en", "zh":
	default:
		return flagErrorf("--src-lang must be en or zh, not %q", o.srcLang)
	}
	if o.reviewBelow < 0 || o.reviewBelow > 1 {
		return flagErrorf("--review-below must be in [0,1] (scores are), not %g", o.reviewBelow)
	}
	t, err := creationDate(o.date, os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	o.created = t
	// The filter checks its own values too.
	if _, err := o.Filter(); err != nil {
		return &FlagError{Msg: err.Error()}
	}
	return nil
}

// chineseTag reports a --zh-lang that is not a BCP 47 tag of Chinese, and
// returns it in canonical form (zh_cn → zh-CN).
func chineseTag(tag string) (string, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", flagErrorf("--zh-lang %q is not a BCP 47 language tag (want zh-CN, zh-TW, zh-Hant-HK...)", tag)
	}
	switch b, _ := t.Base(); b.String() {
	case "zh", "cmn": // as the TMX reader takes them
	default:
		return "", flagErrorf("--zh-lang %q is not a Chinese language tag (want zh-CN, zh-TW, zh-Hant-HK...)", tag)
	}
	return t.String(), nil
}

// creationDate returns the date of --date, or of SOURCE_DATE_EPOCH (whole
// seconds since 1970, the reproducible-builds convention), or now. Either
// must lie from 1970 to 9999: the formats write four-digit years, and the
// writers take the zero time (year 1) for "now".
func creationDate(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02", "20060102T150405Z"} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				if t.Unix() < 0 || t.Unix() > maxEpoch {
					return time.Time{}, flagErrorf("--date %q: want a date from 1970 to 9999", flagValue)
				}
				return t.UTC(), nil
			}
		}
		return time.Time{}, flagErrorf("--date %q: want a date such as 2024-05-06T07:08:09Z, 2024-05-06 or 20240506T070809Z", flagValue)
	}
	if epoch = strings.TrimSpace(epoch); epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || n < 0 || n > maxEpoch {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want whole seconds since 1970-01-01 UTC, up to %d (9999-12-31T23:59:59Z)", epoch, maxEpoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// maxEpoch is 9999-12-31T23:59:59Z in seconds since 1970, the last
// creation date the settings take (the first is 1970-01-01).
const maxEpoch = 253402300799

// Created returns the creation date the writers put in TMX, XLIFF and
// XLSX files, as Check settled it (--date, else $SOURCE_DATE_EPOCH, else
// the time of the check): zero before Check. A program that writes on
// several machines passes it on as --date, so that every file carries the
// same date.
func (o *Output) Created() time.Time { return o.created }

func (o *Output) typeList() []string {
	if strings.TrimSpace(o.types) == "" {
		return nil
	}
	ts := strings.Split(o.types, ",")
	for k, t := range ts {
		ts[k] = strings.TrimSpace(t)
	}
	return ts
}

// Filter returns the Filter the settings ask for. A Filter keeps the state
// of deduplication: one per output.
func (o *Output) Filter() (*corpus.Filter, error) {
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

// WriterOptions returns the options of the corpus writers the settings ask
// for; level tells TMX whether units are sentences or paragraphs, and
// toolVersion is the version of the program writing.
func (o *Output) WriterOptions(level align.Level, toolVersion string) []corpus.WriterOption {
	opts := []corpus.WriterOption{corpus.ToolVersion(toolVersion), corpus.TMXSegType(level),
		corpus.ReviewBelow(o.reviewBelow)}
	if !o.created.IsZero() {
		opts = append(opts, corpus.CreationDate(o.created))
	}
	switch o.zhLang {
	case "":
	case "per-unit":
		opts = append(opts, corpus.ChineseLangPerUnit())
	default:
		opts = append(opts, corpus.ChineseLang(o.zhLang))
	}
	if o.AllUnits {
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

// NewWriter returns the corpus writer of Format writing to w ("jsonl" when
// Format is ""): level tells TMX whether units are sentences or
// paragraphs, zhFirst puts the Chinese ids first in ladders. "moses" and
// "text" are not made here (two files; a terminal's width): it returns an
// error wrapping corpus.ErrFormat for them.
func (o *Output) NewWriter(w io.Writer, level align.Level, zhFirst bool, toolVersion string) (corpus.Writer, error) {
	opts := o.WriterOptions(level, toolVersion)
	if zhFirst {
		opts = append(opts, corpus.LadderChineseFirst())
	}
	format := o.Format
	if format == "" {
		format = "jsonl"
	}
	return corpus.NewWriter(format, w, opts...)
}
