package align

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

// WithProgress asks the Aligner to call f as the search advances, with the
// number of sentences done out of total. f is called from the goroutine
// running Align.
func WithProgress(f func(done, total int)) Option { return func(o *options) { o.progress = f } }

// withMaxCells sets the largest search grid aligned in one piece; larger
// inputs are aligned coarse-to-fine. For tests.
func withMaxCells(n int) Option { return func(o *options) { o.maxCells = n } }

// WithoutParagraphs makes AlignDocuments align sentences directly, without
// aligning paragraphs first.
func WithoutParagraphs() Option { return func(o *options) { o.noParagraphs = true } }
