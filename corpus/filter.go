package corpus

import (
	"hash/maphash"
	"slices"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/opencc"
	"github.com/zhenalign/zhenalign/segment"
)

// ZHScript says how a Filter writes the Chinese side.
type ZHScript uint8

// Choices of ZHScript.
const (
	AsWritten ZHScript = iota
	ToSimplified
	ToTraditional
)

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
	script        ZHScript
}

// MinScore keeps the units scoring at least x.
func MinScore(x float64) FilterOption { return func(o *filterOptions) { o.minScore = x } }

// Types keeps the units of the given link types ("1-1", "1-2"; English
// count first, as Unit.Type gives them).
func Types(types ...string) FilterOption {
	return func(o *filterOptions) { o.types = append(o.types, types...) }
}

// LengthRatio keeps the units whose English side has between min and max
// characters per Chinese character (white space excluded); 0 leaves a
// bound open. Units with an empty side are not affected.
func LengthRatio(min, max float64) FilterOption {
	return func(o *filterOptions) { o.minRatio, o.maxRatio = min, max }
}

// DropIdentical drops the units whose two sides are the same text.
func DropIdentical() FilterOption { return func(o *filterOptions) { o.dropIdentical = true } }

// DropNoHan drops the units whose Chinese side holds no Han character.
func DropNoHan() FilterOption { return func(o *filterOptions) { o.dropNoHan = true } }

// DropOmissions drops the units with an empty side (1-0 and 0-1 links).
func DropOmissions() FilterOption { return func(o *filterOptions) { o.dropOmissions = true } }

// Dedup drops a unit whose English and Chinese texts both equal those of
// an earlier unit.
func Dedup() FilterOption { return func(o *filterOptions) { o.dedup = true } }

// Script converts the Chinese side to simplified or traditional script
// (with the OpenCC tables), or leaves it as written.
func Script(s ZHScript) FilterOption {
	return func(o *filterOptions) { o.script = s }
}

// Filter selects and rewrites units. It keeps the state of Dedup, so it is
// not safe for concurrent use.
type Filter struct {
	o    filterOptions
	seed maphash.Seed
	seen map[uint64]bool
	// conv converts the Chinese side to the script target, when asked.
	conv   *opencc.Converter
	target segment.Script
}

// NewFilter returns a Filter configured by opts; with no option it keeps
// every unit unchanged.
func NewFilter(opts ...FilterOption) (*Filter, error) {
	f := &Filter{seed: maphash.MakeSeed()}
	for _, opt := range opts {
		opt(&f.o)
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
		var h maphash.Hash
		h.SetSeed(f.seed)
		h.WriteString(u.EN)
		h.WriteByte(0)
		h.WriteString(u.ZH)
		k := h.Sum64()
		if f.seen[k] {
			return false
		}
		f.seen[k] = true
	}
	return true
}

// Writer returns a Writer that passes to w the units f keeps.
func (f *Filter) Writer(w Writer) Writer { return &filterWriter{f: f, w: w} }

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
