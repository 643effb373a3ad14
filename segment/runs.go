package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
)

// class is the role a rune plays when a line is divided into languages.
type class uint8

const (
	clsNeutral  class = iota // digits, ASCII punctuation, symbols
	clsSpace                 // white space
	clsLatin                 // Latin letters (English run)
	clsHan                   // Han ideographs (Chinese run)
	clsCJKPunct              // CJK and full-width punctuation (Chinese run, no weight)
	clsInvalid               // a byte that is not valid UTF-8
)

// classify returns the class of r.
func classify(r rune) class {
	switch {
	case r < 0x80:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			return clsLatin
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\v', r == '\f':
			return clsSpace
		}
		return clsNeutral
	case r == utf8.RuneError:
		return clsInvalid
	case han.Is(r):
		return clsHan
	case 0x3000 <= r && r <= 0x303F: // CJK symbols and punctuation
		if r == 0x3000 {
			return clsSpace
		}
		if r == 0x3007 { // 〇
			return clsHan
		}
		return clsCJKPunct
	case 0xFF01 <= r && r <= 0xFF65: // full-width forms
		if (0xFF21 <= r && r <= 0xFF3A) || (0xFF41 <= r && r <= 0xFF5A) {
			return clsLatin
		}
		if 0xFF10 <= r && r <= 0xFF19 {
			return clsNeutral
		}
		return clsCJKPunct
	case r == 0xFEFF:
		return clsSpace
	case unicode.IsSpace(r):
		return clsSpace
	case unicode.Is(unicode.Latin, r):
		return clsLatin
	}
	return clsNeutral
}

// isSpaceRune reports whether r is white space for trimming spans.
func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return r == 0x3000 || r == 0xFEFF || r == 0x00A0 || unicode.IsSpace(r)
}

// run is a maximal stretch of one strong class (Latin or Chinese) within a
// line. Byte offsets are relative to the line.
type run struct {
	start, end int
	zh         bool
	weight     float64 // letters for Latin, Han characters for Chinese
	endsSent   bool    // the run ends with sentence-final punctuation
}

// Costs of the language-block segmentation of a line (see blocks).
const (
	costLatinInZH = 1.0  // per Latin letter kept inside a Chinese block
	costHanInEN   = 2.5  // per Han character kept inside an English block
	costSwitch    = 30.0 // changing language between two runs
	costSwitchEnd = 6.0  // changing language after sentence-final punctuation
)

// strongRuns lists the Latin and Chinese runs of line.
func strongRuns(line []byte, runs []run) []run {
	runs = runs[:0]
	cur := -1 // index of the open run
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRune(line[i:])
		c := classify(r)
		if n == 1 && r == utf8.RuneError {
			c = clsInvalid
		}
		switch c {
		case clsLatin, clsHan, clsCJKPunct:
			zh := c != clsLatin
			if cur < 0 || runs[cur].zh != zh {
				runs = append(runs, run{start: i, zh: zh})
				cur = len(runs) - 1
			}
			runs[cur].end = i + n
			switch c {
			case clsLatin:
				runs[cur].weight++
				runs[cur].endsSent = false
			case clsHan:
				runs[cur].weight++
				runs[cur].endsSent = false
			case clsCJKPunct:
				runs[cur].endsSent = r == '。' || r == '！' || r == '？'
			}
		case clsNeutral:
			if cur >= 0 && !runs[cur].zh {
				// A full stop, question or exclamation mark right after
				// a Latin run ends an English sentence.
				if r == '.' || r == '!' || r == '?' {
					runs[cur].endsSent = true
				} else if r != '"' && r != '\'' && r != 0x2019 && r != 0x201D && r != ')' {
					runs[cur].endsSent = false
				}
			}
		}
		i += n
	}
	return runs
}

// blocks divides the strong runs of a line into language blocks and returns,
// for each run, whether it belongs to a Chinese block. It minimises the cost
// of letters kept in a block of the other language plus a cost per language
// change (a two-state Viterbi search): a Latin acronym inside Chinese or a
// Chinese name inside English stays where it is; an English caption glued
// to its Chinese translation becomes two blocks.
func blocks(runs []run, zh []bool, back []uint8) []bool {
	zh = zh[:0]
	n := len(runs)
	if n == 0 {
		return zh
	}
	// back[2*i+s] is the state of run i-1 on the best path to state s at run i.
	back = back[:0]
	own := func(r run, stateZH bool) float64 {
		switch {
		case r.zh == stateZH:
			return 0
		case r.zh:
			return r.weight * costHanInEN
		}
		return r.weight * costLatinInZH
	}
	en, cn := own(runs[0], false), own(runs[0], true)
	back = append(back, 0, 0)
	for i := 1; i < n; i++ {
		sw := costSwitch
		if runs[i-1].endsSent {
			sw = costSwitchEnd
		}
		var bEN, bZH uint8
		nen, ncn := en, cn
		if cn+sw < en {
			nen, bEN = cn+sw, 1
		}
		if en+sw < cn {
			ncn, bZH = en+sw, 0
		} else {
			bZH = 1
		}
		en, cn = nen+own(runs[i], false), ncn+own(runs[i], true)
		back = append(back, bEN, bZH)
	}
	for range n {
		zh = append(zh, false)
	}
	state := uint8(0)
	if cn < en {
		state = 1
	}
	for i := n - 1; i >= 0; i-- {
		zh[i] = state == 1
		state = back[2*i+int(state)]
	}
	return zh
}

// splitGap returns the offset in line where a block of one language ends
// and the next begins, given the end of the last run of the first block and
// the start of the first run of the second. toZH tells the direction.
//
// English then Chinese: the break goes after the last white space in the
// gap; without space, after sentence-final punctuation; otherwise before
// any opening quotes or brackets that precede the first Han character.
// Chinese then English: the break goes at the first white space in the
// gap; otherwise after the closing punctuation that follows the Chinese.
func splitGap(line []byte, gapStart, gapEnd int, toZH bool) int {
	gap := line[gapStart:gapEnd]
	if toZH {
		if k := lastSpace(gap); k >= 0 {
			return gapStart + k
		}
		for i := len(gap); i > 0; {
			r, n := utf8.DecodeLastRune(gap[:i])
			if r == '.' || r == '!' || r == '?' {
				return gapStart + i
			}
			i -= n
		}
		i := len(gap)
		for i > 0 {
			r, n := utf8.DecodeLastRune(gap[:i])
			if !isOpening(r) {
				break
			}
			i -= n
		}
		return gapStart + i
	}
	if k := firstSpace(gap); k >= 0 {
		return gapStart + k
	}
	i := 0
	for i < len(gap) {
		r, n := utf8.DecodeRune(gap[i:])
		if !isClosing(r) && r != '.' && r != '!' && r != '?' {
			break
		}
		i += n
	}
	return gapStart + i
}

func firstSpace(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if isSpaceRune(r) {
			return i
		}
		i += n
	}
	return -1
}

func lastSpace(b []byte) int {
	for i := len(b); i > 0; {
		r, n := utf8.DecodeLastRune(b[:i])
		if isSpaceRune(r) {
			return i - n
		}
		i -= n
	}
	return -1
}

// isOpening reports whether r opens a quotation or a bracket.
func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', 0x2018, 0x201C, 0x00AB, 0x300A, 0x300C, 0x300E, 0x3010, 0x3008, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B:
		return true
	}
	return false
}

// isClosing reports whether r closes a quotation or a bracket.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', 0x2019, 0x201D, 0x00BB, 0x300B, 0x300D, 0x300F, 0x3011, 0x3009, 0x3015, 0x3017, 0xFF09, 0xFF3D, 0xFF5D:
		return true
	}
	return false
}
