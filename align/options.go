package align

import (
	"runtime"

	"github.com/zhenalign/zhenalign/input"
)

// Option configures an Aligner.
type Option func(*options)

type options struct {
	noLength     bool
	noNumbers    bool
	noNames      bool
	noLatin      bool
	noPunct      bool
	noParagraphs bool
	maxCells     int
	progress     func(done, total int)
	noDict       bool
	noLearn      bool
	glossary     *Glossary
	presplit     bool
	dict         *Dictionary
	input        []input.Option
	workers      int
	// minParallel is the fewest beads of a search row scored by several
	// workers (0: minParallelBeads); tests lower it.
	minParallel int
	// windowRows is the number of Chinese units of the windows of a
	// coarse-to-fine search (0: windowRows); tests lower it.
	windowRows int
}

func defaultOptions() options {
	return options{maxCells: 4 << 20}
}

// WithoutLength switches off the length signal (for ablation).
func WithoutLength() Option { return func(o *options) { o.noLength = true } }

// WithoutNumbers switches off matching of numbers and dates.
func WithoutNumbers() Option { return func(o *options) { o.noNumbers = true } }

// WithoutNames switches off matching of names through pinyin.
func WithoutNames() Option { return func(o *options) { o.noNames = true } }

// WithoutLatin switches off matching of Latin tokens inside Chinese text.
func WithoutLatin() Option { return func(o *options) { o.noLatin = true } }

// WithoutPunctuation switches off the punctuation cues (questions,
// exclamations, quotations).
func WithoutPunctuation() Option { return func(o *options) { o.noPunct = true } }

// WithProgress asks the Aligner to call f as a search advances, with the
// work done out of total (rows of the search grid, three passes). A
// document aligned paragraph-first runs several searches, each counting from
// zero; the windows of a long search count together, on the rows each owns.
// f is called one call at a time, not always from the goroutine running
// the alignment.
func WithProgress(f func(done, total int)) Option { return func(o *options) { o.progress = f } }

// WithMaxCells sets the largest search grid (Chinese × English units)
// searched in one piece; larger inputs are aligned coarse-to-fine, in time
// and memory that grow with the length of the input, not with the product
// of the two lengths. The default is 4,194,304 cells (about 2,000 × 2,000
// sentences, some 100 MB). Values below 16 are raised to 16.
func WithMaxCells(n int) Option { return func(o *options) { o.maxCells = max(n, 16) } }

// WithoutParagraphs makes AlignDocuments align sentences directly, without
// aligning paragraphs first.
func WithoutParagraphs() Option { return func(o *options) { o.noParagraphs = true } }

// WithDictionary sets the dictionary used for lexical matching (the
// embedded CC-CEDICT by default; see LoadDictionary for another).
func WithDictionary(d *Dictionary) Option { return func(o *options) { o.dict = d } }

// WithoutDictionary switches off lexical matching with a dictionary.
func WithoutDictionary() Option { return func(o *options) { o.noDict = true } }

// WithoutLearning switches off the second pass that adds word pairs
// learned from the document's confident links.
func WithoutLearning() Option { return func(o *options) { o.noLearn = true } }

// WithGlossary adds the terms of g as strong anchors (see ReadGlossary).
func WithGlossary(g *Glossary) Option { return func(o *options) { o.glossary = g } }

// WithInput passes opts to input.Read, which AlignSources, AlignTexts and
// AlignReaders use to read their sources (format and encoding detection,
// HTML, DOCX, EPUB, subtitles; see package input): to force a format
// (input.WithFormat) or an encoding (input.WithEncoding), say.
func WithInput(opts ...input.Option) Option {
	return func(o *options) { o.input = append(o.input, opts...) }
}

// WithPresplit tells AlignSources, AlignTexts, AlignReaders and ParseSource
// that the two texts hold one sentence per line (see segment.Presplit);
// sentences are aligned without a paragraph pass. Other methods take
// documents already segmented.
func WithPresplit() Option {
	return func(o *options) { o.presplit, o.noParagraphs = true, true }
}

// WithWorkers sets how many goroutines work on one document at once (the
// search's bead scores, the features of the sentences, the sentences of
// paragraph links): n ≤ 0, the default, means runtime.GOMAXPROCS(0). The
// result is the same, byte for byte, whatever n is.
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// workerCount returns the number of workers to use.
func (o *options) workerCount() int {
	if o.workers > 0 {
		return o.workers
	}
	return max(1, runtime.GOMAXPROCS(0))
}
