package corpus

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/opencc"
	"github.com/zhenalign/zhenalign/segment"
)

// ScriptConversion says how a Filter writes the Chinese side: as written,
// or converted to one script (see ConvertScript). The script a text is
// written in is a segment.Script.
type ScriptConversion uint8

// Choices of ScriptConversion.
const (
	KeepScript ScriptConversion = iota
	ToSimplified
	ToTraditional
)

// ErrFilterOption means NewFilter got an option with a value it cannot
// use: a score outside [0,1], a malformed link type, a bad length ratio.
var ErrFilterOption = errors.New("corpus: bad filter option")

// FilterOption configures a Filter.
type FilterOption func(*filterOptions)

type filterOptions struct {
	minScore      float64
	types         []string
	minRatio      float64
	maxRatio      float64
	dropIdentical bool
	dropNoHan     bool
	dropOmissions bool
	dedup         bool
	dedupSides    Sides
	dedupMode     HashMode
	script        ScriptConversion
	// bad holds the values the options could not use.
	bad []string
}

// MinScore keeps the units scoring at least x, a number in [0,1].
func MinScore(x float64) FilterOption {
	return func(o *filterOptions) {
		if math.IsNaN(x) || x < 0 || x > 1 {
			o.bad = append(o.bad, fmt.Sprintf("MinScore: %v is not in [0,1]", x))
		}
		o.minScore = x
	}
}

// Types keeps the units of the given link types ("1-1", "1-2"; English
// count first, as Unit.Type gives them). Spaces around a type are
// ignored.
func Types(types ...string) FilterOption {
	return func(o *filterOptions) {
		for _, t := range types {
			t = strings.TrimSpace(t)
			a, b, ok := strings.Cut(t, "-")
			na, err1 := strconv.Atoi(a)
			nb, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || na < 0 || nb < 0 {
				o.bad = append(o.bad, fmt.Sprintf("Types: %q is not a link type such as 1-2", t))
				continue
			}
			o.types = append(o.types, strconv.Itoa(na)+"-"+strconv.Itoa(nb))
		}
	}
}

// LengthRatio keeps the units whose English side has between min and max
// characters per Chinese character (white space excluded); 0 leaves a
// bound open. Units with an empty side are not affected. The bounds must be
// finite, not negative, and min ≤ max when both are set.
func LengthRatio(min, max float64) FilterOption {
	return func(o *filterOptions) {
		if !finite(min) || !finite(max) || min < 0 || max < 0 || (max > 0 && min > max) {
			o.bad = append(o.bad, fmt.Sprintf("LengthRatio: bad bounds %v..%v", min, max))
		}
		o.minRatio, o.maxRatio = min, max
	}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// DropIdentical drops the units whose two sides are the same text.
func DropIdentical() FilterOption { return func(o *filterOptions) { o.dropIdentical = true } }

// DropNoHan drops the units whose Chinese side holds no Han character.
func DropNoHan() FilterOption { return func(o *filterOptions) { o.dropNoHan = true } }

// DropOmissions drops the units with an empty side (1-0 and 0-1 links).
func DropOmissions() FilterOption { return func(o *filterOptions) { o.dropOmissions = true } }

// Dedup drops a unit whose English and Chinese texts both equal those of
// an earlier unit. Units are compared by [Hash] (bifixer's hash, 64 bits),
// so that the set of units kept does not depend on the run, and memory
// grows by a few bytes per unit kept.
func Dedup() FilterOption { return func(o *filterOptions) { o.dedup = true } }

// Sides says which texts of a unit deduplication compares.
type Sides uint8

// Choices of Sides.
const (
	BothSides Sides = iota
	EnglishSide
	ChineseSide
)

// DedupSide deduplicates (as Dedup does) on the English text only, the
// Chinese text only, or both (the default): with EnglishSide, a unit is
// dropped when its English text repeats an earlier unit's, whatever their
// Chinese. A unit whose compared text is empty is never dropped.
func DedupSide(s Sides) FilterOption {
	return func(o *filterOptions) {
		if s > ChineseSide {
			o.bad = append(o.bad, fmt.Sprintf("DedupSide: unknown side %d", s))
		}
		o.dedup, o.dedupSides = true, s
	}
}

// DedupNear deduplicates (as Dedup does) on the texts normalised by
// [NearDupText], so that units differing only in case, punctuation,
// digits, spacing and accents count as one: the idea of bifixer's
// aggressive mode. Units are compared by [NearHash] (or the hash of one
// normalised side, with DedupSide).
func DedupNear() FilterOption {
	return func(o *filterOptions) { o.dedup, o.dedupMode = true, NearDup }
}

// ConvertScript converts the Chinese side to simplified or traditional
// script (with the OpenCC tables), or leaves it as written (KeepScript,
// the default).
func ConvertScript(c ScriptConversion) FilterOption {
	return func(o *filterOptions) {
		if c > ToTraditional {
			o.bad = append(o.bad, fmt.Sprintf("ConvertScript: unknown conversion %d", c))
		}
		o.script = c
	}
}

// Filter selects and rewrites units. It keeps the state of Dedup, so it is
// not safe for concurrent use.
type Filter struct {
	o    filterOptions
	seen map[uint64]bool
	// conv converts the Chinese side to the script target, when asked.
	conv   *opencc.Converter
	target segment.Script
}

// NewFilter returns a Filter configured by opts; with no option it keeps
// every unit unchanged. An option with a value it cannot use gives an error
// wrapping ErrFilterOption that says which.
func NewFilter(opts ...FilterOption) (*Filter, error) {
	f := &Filter{}
	for _, opt := range opts {
		if opt != nil {
			opt(&f.o)
		}
	}
	if len(f.o.bad) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrFilterOption, strings.Join(f.o.bad, "; "))
	}
	if f.o.dedup {
		f.seen = map[uint64]bool{}
	}
	var err error
	switch f.o.script {
	case ToSimplified:
		f.conv, err = opencc.T2S()
		f.target = segment.Simplified
	case ToTraditional:
		f.conv, err = opencc.S2T()
		f.target = segment.Traditional
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Keep reports whether u passes the filter, and rewrites its Chinese side
// when a script is asked for.
func (f *Filter) Keep(u *Unit) bool {
	if u == nil {
		return false
	}
	if f == nil {
		return true // a nil Filter keeps everything
	}
	o := &f.o
	if u.Score < o.minScore {
		return false
	}
	if len(o.types) > 0 && !slices.Contains(o.types, u.Type()) {
		return false
	}
	empty := u.EN == "" || u.ZH == ""
	if empty && o.dropOmissions {
		return false
	}
	if !empty && (o.minRatio > 0 || o.maxRatio > 0) {
		r := float64(han.NonSpace(u.EN)) / float64(max(1, han.NonSpace(u.ZH)))
		if (o.minRatio > 0 && r < o.minRatio) || (o.maxRatio > 0 && r > o.maxRatio) {
			return false
		}
	}
	if o.dropIdentical && u.EN == u.ZH {
		return false
	}
	if o.dropNoHan && !han.In(u.ZH) {
		return false
	}
	if f.conv != nil {
		u.ZH = f.conv.Convert(u.ZH)
		if u.ZH != "" {
			u.Script = f.target
		}
	}
	if o.dedup {
		k, ok := f.dedupKey(u)
		if ok && f.seen[k] {
			return false
		}
		if ok {
			f.seen[k] = true
		}
	}
	return true
}

// dedupKey returns the key deduplication compares u by, and false when u
// is not to be compared (its compared text is empty).
func (f *Filter) dedupKey(u *Unit) (uint64, bool) {
	o := &f.o
	text := func(s string) string {
		if o.dedupMode == NearDup {
			return NearDupText(s)
		}
		return s
	}
	switch o.dedupSides {
	case EnglishSide, ChineseSide:
		s := u.EN
		if o.dedupSides == ChineseSide {
			s = u.ZH
		}
		if s = text(s); s == "" {
			return 0, false
		}
		return xxhash.Sum64String(s), true
	}
	en, zh := text(u.EN), text(u.ZH)
	if en == "" && zh == "" {
		return 0, false
	}
	return Hash(en, zh), true
}

// Writer returns a Writer that passes to w the units f keeps. With a nil w,
// writing fails.
func (f *Filter) Writer(w Writer) Writer {
	if w == nil {
		w = nilWriter{}
	}
	return &filterWriter{f: f, w: w}
}

// nilWriter stands for a nil Writer.
type nilWriter struct{}

func (nilWriter) Write(Unit) error { return errNil }
func (nilWriter) Close() error     { return errNil }

type filterWriter struct {
	f *Filter
	w Writer
}

func (fw *filterWriter) Write(u Unit) error {
	if !fw.f.Keep(&u) {
		return nil
	}
	return fw.w.Write(u)
}

func (fw *filterWriter) Close() error { return fw.w.Close() }
