package corpus

import (
	"time"

	"github.com/zhenalign/zhenalign/segment"
)

// WriterOption configures the writers of this package. One option type
// serves every writer, so that a program can build the options once (from
// its command line, say) and hand them to whichever writer the user asked
// for; each writer documents the options it uses and ignores the others,
// as the options of golang.org/x/text/cases do.
type WriterOption func(*writerOptions)

// TMXOption is the former name of WriterOption, kept so that code written
// for the TMX writer alone keeps compiling.
type TMXOption = WriterOption

// writerOptions are the settings of a writer; the zero value is not the
// default: see defaultWriterOptions.
type writerOptions struct {
	version   string // creationtoolversion, tool-version
	segtype   string // "sentence" or "paragraph"
	adminLang string
	// zhLang is the Chinese language tag forced by ChineseLang; "" lets
	// the writer choose one per file (or per unit with zhPerUnit).
	zhLang    string
	zhPerUnit bool
	// window is the number of units the Chinese tag is chosen from; 0 or
	// less means every unit (the writer buffers them until Close).
	window int
	// date is the creation date; the zero time means "when the writer was
	// made".
	date       time.Time
	creationID string
	srcZH      bool // Chinese is the source language
	hash       bool
	hashMode   HashMode
	review     float64 // scores below it need review
	rowGroup   int     // rows per Parquet row group
	zhFirst    bool    // ladder: Chinese ids first
}

// Defaults of the writer options.
const (
	// DefaultReviewBelow is the score under which XLIFF marks a unit
	// needs-review-translation and a spreadsheet highlights it: the link
	// is more likely wrong than right.
	DefaultReviewBelow = 0.5
	// DefaultLangWindow is the number of units a TMX or XLIFF writer
	// buffers to choose the Chinese language tag of the file.
	DefaultLangWindow = 1000
	// DefaultRowGroup is the number of rows of a Parquet row group.
	DefaultRowGroup = 10000
)

func defaultWriterOptions(opts []WriterOption) writerOptions {
	o := writerOptions{version: "(devel)", segtype: "sentence", adminLang: "en", window: DefaultLangWindow,
		review: DefaultReviewBelow, rowGroup: DefaultRowGroup}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.date.IsZero() {
		o.date = time.Now()
	}
	o.date = o.date.UTC().Truncate(time.Second)
	if o.rowGroup < 1 {
		o.rowGroup = DefaultRowGroup
	}
	return o
}

// ToolVersion sets the version of the program that wrote the file: the
// TMX header's creationtoolversion, the XLIFF tool-version. The default is
// "(devel)".
func ToolVersion(v string) WriterOption {
	return func(o *writerOptions) { o.version = v }
}

// TMXToolVersion is ToolVersion, under its former name.
func TMXToolVersion(v string) WriterOption { return ToolVersion(v) }

// TMXSegType sets the TMX header's segtype attribute: "sentence" for
// [Sentences] (the default), "paragraph" for [Paragraphs].
func TMXSegType(l Level) WriterOption {
	return func(o *writerOptions) {
		o.segtype = "sentence"
		if l == Paragraphs {
			o.segtype = "paragraph"
		}
	}
}

// ChineseLang forces the language tag of the Chinese side of TMX and
// XLIFF output, for example "zh-Hans" or "zh-HK". By default (or with tag
// "") the writer gives the whole file one tag, the one of the dominant
// script of its first units (see [ChineseLangWindow]): "zh-TW" when more
// of them are in [segment.Traditional] script than in
// [segment.Simplified], "zh-CN" otherwise. One tag per file is what CAT
// tools need: Trados, for one, skips the units whose language pair does
// not match the memory's.
func ChineseLang(tag string) WriterOption {
	return func(o *writerOptions) { o.zhLang, o.zhPerUnit = tag, false }
}

// TMXChineseLang is ChineseLang, under its former name.
func TMXChineseLang(tag string) WriterOption { return ChineseLang(tag) }

// ChineseLangPerUnit tags the Chinese side of each TMX unit from its own
// [Unit.Script] ("zh-TW" for traditional, "zh-CN" otherwise), as the TMX
// writer did before it gave a file one tag: a file may then hold both
// tags, which tools such as OmegaT read but Trados does not. With Chinese
// as the source language, the header's srclang is then "*all*".
func ChineseLangPerUnit() WriterOption {
	return func(o *writerOptions) { o.zhLang, o.zhPerUnit = "", true }
}

// ChineseLangWindow sets how many units (with both sides) the TMX and XLIFF
// writers read before they choose the file's Chinese tag; they hold those
// units, and write nothing, until then. The default is
// [DefaultLangWindow]; n ≤ 0 holds every unit until Close and chooses
// from all of them, which is exact but makes memory grow with the output.
// A program that has every unit in memory anyway (one aligned document)
// can use 0.
func ChineseLangWindow(n int) WriterOption {
	return func(o *writerOptions) { o.window = n }
}

// TMXAdminLang sets the TMX header's adminlang attribute, the language of
// notes and properties. The default is "en".
func TMXAdminLang(tag string) WriterOption {
	return func(o *writerOptions) { o.adminLang = tag }
}

// CreationDate sets the creation date written in TMX (the header's and
// every unit's creationdate, as YYYYMMDDThhmmssZ in UTC), XLIFF (each
// file's date) and XLSX (the workbook's created property). The default
// (and the zero time) is the time the writer was made; give a fixed date
// for output that two runs write byte for byte the same. It is kept to the
// second.
func CreationDate(t time.Time) WriterOption {
	return func(o *writerOptions) { o.date = t }
}

// TMXCreationID sets the TMX header's creationid attribute, the user or
// system that made the memory; the default "" leaves it out.
func TMXCreationID(id string) WriterOption {
	return func(o *writerOptions) { o.creationID = id }
}

// SourceLang sets the source language of TMX and XLIFF output:
// [segment.English] (the default) or [segment.Chinese], for a translator
// working from Chinese into English. TMX then names the Chinese tag in the
// header's srclang and writes the Chinese variant first; XLIFF puts the
// Chinese text in <source>. Any other value means English.
func SourceLang(l segment.Lang) WriterOption {
	return func(o *writerOptions) { o.srcZH = l == segment.Chinese }
}

// WithHash adds to each unit written the hash of its two texts that
// bifixer gives ([Hash], or [NearHash] with mode NearDup), as 16 hex
// digits: a fourth TSV column, a "hash" field in JSONL, Hugging Face JSONL
// and Parquet, an x-Hash property in TMX, a hash column in XLSX and a
// zhenalign:hash attribute in XLIFF.
func WithHash(mode HashMode) WriterOption {
	return func(o *writerOptions) { o.hash, o.hashMode = true, mode }
}

// ReviewBelow sets the score under which a unit needs review: XLIFF gives
// its target the state needs-review-translation (translated otherwise) and
// XLSX highlights its row. The default is [DefaultReviewBelow].
func ReviewBelow(x float64) WriterOption {
	return func(o *writerOptions) { o.review = x }
}

// ParquetRowGroup sets the number of rows of each Parquet row group (the
// default is [DefaultRowGroup]): the writer holds one row group in memory
// and writes it out when it is full.
func ParquetRowGroup(n int) WriterOption {
	return func(o *writerOptions) { o.rowGroup = n }
}

// tmxDate formats t as TMX dates are written: YYYYMMDDThhmmssZ, UTC.
func tmxDate(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// LadderChineseFirst makes NewWriter's ladder put the Chinese ids first, as
// published evaluations order them (see NewLadderWriter).
func LadderChineseFirst() WriterOption { return func(o *writerOptions) { o.zhFirst = true } }
