package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/segment"
)

// What the TMX and XLIFF writers (the formats of CAT tools) share: the
// choice of one Chinese language tag per file, unit ids, and the warnings
// about what a CAT tool would not take well.

// LongSegment is the length, in characters, above which a segment draws a
// warning from the TMX and XLIFF writers: Trados Studio does not import
// longer segments into a translation memory.
const LongSegment = 2000

// Warnings of the TMX and XLIFF writers, returned (wrapped) by their
// Warnings methods.
var (
	// ErrLongSegment means segments are longer than LongSegment
	// characters.
	ErrLongSegment = errors.New("corpus: segments longer than 2,000 characters (Trados' limit)")
	// ErrScriptTag means units are in the other Chinese script than the
	// file's Chinese tag says.
	ErrScriptTag = errors.New("corpus: Chinese script and language tag disagree")
)

// catWriter holds the state the TMX and XLIFF writers share: the units
// held until the Chinese tag is chosen, the ids given, and the counts the
// warnings report.
type catWriter struct {
	opts writerOptions
	// zhTag is the Chinese tag of the file; "" until chosen (and always in
	// per-unit mode).
	zhTag   string
	decided bool
	held    []Unit
	votes   [2]int // simplified, traditional units held
	ids     idMaker
	// Counts for the warnings.
	long      int
	firstLong string // id of the first unit with a long segment
	mismatch  [2]int // simplified units tagged traditional, and the reverse
}

func newCatWriter(opts []WriterOption) catWriter {
	c := catWriter{opts: defaultWriterOptions(opts)}
	if c.opts.zhLang != "" {
		c.zhTag, c.decided = xmlClean(c.opts.zhLang), true
	}
	if c.opts.zhPerUnit {
		c.decided = true
	}
	return c
}

// hold keeps u until the tag is chosen, and reports whether it did; when
// the window is full, it chooses and returns the units to write.
func (c *catWriter) hold(u Unit) (held bool, ready []Unit) {
	if c.decided {
		return false, nil
	}
	c.held = append(c.held, u)
	switch u.Script {
	case segment.Simplified:
		c.votes[0]++
	case segment.Traditional:
		c.votes[1]++
	}
	if c.opts.window > 0 && len(c.held) >= c.opts.window {
		return true, c.decide()
	}
	return true, nil
}

// decide chooses the tag from the units held, and returns them.
func (c *catWriter) decide() []Unit {
	if !c.decided {
		c.decided = true
		c.zhTag = "zh-CN"
		if c.votes[1] > c.votes[0] {
			c.zhTag = "zh-TW"
		}
	}
	held := c.held
	c.held = nil
	return held
}

// zhLang returns the Chinese tag of u: the file's, or u's own in per-unit
// mode. It counts the units whose script the file's tag contradicts.
func (c *catWriter) zhLang(u Unit) string {
	if c.zhTag == "" {
		if u.Script == segment.Traditional {
			return "zh-TW"
		}
		return "zh-CN"
	}
	tagScript := scriptOfTag(strings.ToLower(c.zhTag))
	switch {
	case u.Script == segment.Simplified && tagScript == segment.Traditional:
		c.mismatch[0]++
	case u.Script == segment.Traditional && tagScript == segment.Simplified:
		c.mismatch[1]++
	}
	return c.zhTag
}

// srcLang returns the source language of the file: "en", the Chinese tag,
// or "*all*" when Chinese is the source and each unit has its own tag.
func (c *catWriter) srcLang() string {
	switch {
	case !c.opts.srcZH:
		return "en"
	case c.zhTag == "":
		return "*all*"
	}
	return c.zhTag
}

// checkLong counts the segments of u longer than LongSegment characters.
func (c *catWriter) checkLong(id string, texts ...string) {
	for _, s := range texts {
		if len(s) > LongSegment && utf8.RuneCountInString(s) > LongSegment {
			if c.long == 0 {
				c.firstLong = id
			}
			c.long++
		}
	}
}

// warnings returns what a CAT tool would not take well in the file.
func (c *catWriter) warnings() []error {
	var ws []error
	if c.long > 0 {
		ws = append(ws, fmt.Errorf("%w: %d %s, the first in unit %s", ErrLongSegment, c.long,
			plural(c.long, "segment", "segments"), c.firstLong))
	}
	for k, n := range c.mismatch {
		if n == 0 {
			continue
		}
		script := [2]string{"simplified", "traditional"}[k]
		ws = append(ws, fmt.Errorf("%w: %d %s in %s script tagged %s (convert the script, or set the tag)",
			ErrScriptTag, n, plural(n, "unit", "units"), script, c.zhTag))
	}
	return ws
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// idMaker gives units ids that are unique in a file: "[5,6]:[6]", the
// sentence ids of the link in ladder notation (English first), when that is
// unique in the unit's document, or the unit's 1-based position in the file
// ("17") when it is not (the document came back after another one, or
// repeats a link) or the unit has no ids (a TMX of another tool). Units of
// one document are expected together, as the aligners write them; memory
// holds the ids of one document and the names of the documents seen.
type idMaker struct {
	n       int
	doc     string
	started bool
	reopen  bool            // the current document was seen before
	keys    map[string]bool // ids given in the current document
	docs    map[string]bool // documents finished
}

// next returns the id of u, the next unit written, within its document,
// and whether u starts a new run of units of one document.
func (m *idMaker) next(u Unit) (id string, newDoc bool) {
	m.n++
	if !m.started || u.Doc != m.doc {
		if m.started {
			if m.docs == nil {
				m.docs = map[string]bool{}
			}
			m.docs[m.doc] = true
		}
		m.started, m.doc, newDoc = true, u.Doc, true
		m.reopen = m.docs[u.Doc]
		clear(m.keys)
	}
	if len(u.ENIDs) == 0 && len(u.ZHIDs) == 0 || m.reopen {
		return strconv.Itoa(m.n), newDoc
	}
	key := linkKey(u)
	if m.keys[key] {
		return strconv.Itoa(m.n), newDoc
	}
	if m.keys == nil {
		m.keys = map[string]bool{}
	}
	m.keys[key] = true
	return key, newDoc
}

// tuid returns the id of a unit in a whole file: its document, "#" and its
// id in the document, or the id alone for a unit without a document.
func tuid(doc, id string) string {
	if doc == "" {
		return id
	}
	return doc + "#" + id
}

// linkKey returns the sentence ids of u in ladder notation: "[5,6]:[6]".
func linkKey(u Unit) string {
	b := make([]byte, 0, 16)
	b = appendIDs(append(b, '['), u.ENIDs)
	b = append(b, "]:["...)
	b = appendIDs(b, u.ZHIDs)
	return string(append(b, ']'))
}
