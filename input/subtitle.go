package input

import (
	"bytes"
	"fmt"
	"iter"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// readSubtitles reads SubRip or WebVTT subtitles: one line of Data per cue,
// its times in Cues.
func readSubtitles(data []byte, f Format, o *options) (*Text, error) {
	text, enc, err := decodeText(data, o.encoding, "")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	var cues []Cue
	for c, err := range parseCues(string(text)) {
		if err != nil {
			return nil, err
		}
		// A bilingual cue (a Chinese line and its English translation)
		// gives a line per language, each with the cue's times.
		for _, text := range c.texts {
			buf.WriteString(text)
			buf.WriteByte('\n')
			cues = append(cues, c.Cue)
		}
	}
	t := &Text{Data: buf.Bytes(), Encoding: enc, Presplit: true, Cues: cues}
	t.Replaced, t.FirstReplaced = replaced(data, text, enc)
	return t, nil
}

type cue struct {
	Cue
	texts []string // one per language: see splitCue
}

// parseCues yields the cues of SubRip or WebVTT text in order. A cue starts
// at a timing line ("00:00:01,000 --> 00:00:04,000", hours optional, ',' or
// '.' before the milliseconds, WebVTT settings after), after at most one
// line of its own (its number or identifier); its text is the lines up to a
// blank line or the next timing line. The WEBVTT header and NOTE, STYLE and
// REGION blocks are skipped; so is a last text line made only of digits
// when a timing line follows it directly (the next cue's number, a blank
// line missing), and a number alone in its block. Times are kept as
// written, even a cue that ends before it starts (a timing error a subtitle
// editor shows and fixes). Nothing else is left out: a line with "-->" that
// is not a timing line where a cue would start (inside a cue's text it is
// text), or text in a block without a timing line, is an error
// (ErrMalformed) that gives the line.
func parseCues(text string) iter.Seq2[cue, error] {
	return func(yield func(cue, error) bool) {
		var (
			cur   *cue
			lines []string
			// pending is the line read before any timing line in the
			// block (a cue number or identifier), pendingAt its line
			// number; skip marks a block that holds no cue (the WebVTT
			// header, NOTE, STYLE and REGION blocks).
			pending    string
			pendingAt  int
			skip       bool
			blockStart = true // at the first line of a block
		)
		flush := func() bool {
			if cur == nil {
				return true
			}
			cur.texts = splitCue(lines)
			c := *cur
			cur, lines = nil, lines[:0]
			return yield(c, nil)
		}
		// outside reports the pending line, unless it is only a number.
		outside := func() bool {
			if pending == "" || skip || isDigits(strings.TrimSpace(pending)) {
				return false
			}
			yield(cue{}, fmt.Errorf("%w: line %d: %q is outside any cue (a block without a timing line hh:mm:ss,ttt --> hh:mm:ss,ttt)", ErrMalformed, pendingAt, pending))
			return true
		}
		for n, line := range splitLines(text) {
			if start, end, ok := parseTiming(line); ok {
				// A timing line also ends a block that holds no cue
				// (a header or a NOTE without its blank line).
				skip = false
				if cur != nil && len(lines) > 0 && isDigits(strings.TrimSpace(lines[len(lines)-1])) {
					lines = lines[:len(lines)-1]
				}
				if !flush() {
					return
				}
				cur = &cue{Cue: Cue{Start: start, End: end}}
				pending = ""
				continue
			}
			if blockStart && cur == nil && isHeader(line, n == 0) {
				skip, blockStart = true, false
				continue
			}
			if strings.Contains(line, "-->") && !skip && cur == nil {
				yield(cue{}, fmt.Errorf("%w: line %d: %q is not a cue timing line (hh:mm:ss,ttt --> hh:mm:ss,ttt)", ErrMalformed, n+1, line))
				return
			}
			if strings.TrimSpace(line) == "" {
				if outside() || !flush() {
					return
				}
				pending, skip, blockStart = "", false, true
				continue
			}
			blockStart = false
			switch {
			case cur != nil:
				lines = append(lines, line)
			case skip:
			case pending == "":
				pending, pendingAt = line, n+1
			default:
				// A second line before any timing line: text outside a
				// cue, the pending line's, or this one's after a number.
				if isDigits(strings.TrimSpace(pending)) {
					pending, pendingAt = line, n+1
				}
				outside()
				return
			}
		}
		if outside() {
			return
		}
		flush()
	}
}

// isHeader reports whether line starts a block that holds no cue: the
// WebVTT header (the file's first line) or a NOTE, STYLE or REGION block.
func isHeader(line string, firstLine bool) bool {
	t := strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF"))
	if firstLine && strings.HasPrefix(t, "WEBVTT") {
		return true
	}
	for _, w := range []string{"NOTE", "STYLE", "REGION"} {
		if t == w || strings.HasPrefix(t, w+" ") || strings.HasPrefix(t, w+"\t") {
			return true
		}
	}
	return false
}

// splitLines splits text at \n, \r\n and \r.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// isTiming reports whether line is a cue timing line.
func isTiming(line string) bool {
	_, _, ok := parseTiming(line)
	return ok
}

// parseTiming parses "start --> end [settings]".
func parseTiming(line string) (start, end time.Duration, ok bool) {
	a, b, found := strings.Cut(line, "-->")
	if !found {
		return 0, 0, false
	}
	start, ok = parseTimestamp(strings.TrimSpace(a))
	if !ok {
		return 0, 0, false
	}
	b = strings.TrimSpace(b)
	if i := strings.IndexAny(b, " \t"); i >= 0 {
		b = b[:i] // WebVTT cue settings, SRT coordinates
	}
	end, ok = parseTimestamp(b)
	return start, end, ok
}

// parseTimestamp parses [hh:]mm:ss[,.]ttt (SubRip writes a comma, WebVTT
// a dot; the milliseconds may have 1 to 3 digits).
func parseTimestamp(s string) (time.Duration, bool) {
	main, frac, ok := strings.Cut(s, ",")
	if !ok {
		main, frac, ok = strings.Cut(s, ".")
	}
	if !ok || frac == "" || len(frac) > 3 || !isDigits(frac) {
		return 0, false
	}
	parts := strings.Split(main, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var d time.Duration
	for i, p := range parts {
		if !isDigits(p) || len(p) > 2 && i > 0 || len(p) > 6 {
			return 0, false
		}
		n := 0
		for _, c := range p {
			n = n*10 + int(c-'0')
		}
		if i > 0 && n > 59 {
			return 0, false
		}
		d = d*60 + time.Duration(n)*time.Second
	}
	ms := 0
	for _, c := range frac {
		ms = ms*10 + int(c-'0')
	}
	for range 3 - len(frac) {
		ms *= 10
	}
	return d + time.Duration(ms)*time.Millisecond, true
}

// splitCue returns the text of a cue's lines: one text joining them all, or
// when the cue holds lines in Chinese and lines in another language (the
// bilingual subtitles of Chinese releases), one text per run of lines in
// one language, in order. A cue whose lines are all removed gives one
// empty text, so that its cue keeps its line.
func splitCue(lines []string) []string {
	var groups [][]string
	var last, chinese, other bool
	for _, l := range lines {
		zh := hanLine(l)
		chinese, other = chinese || zh, other || !zh
		if len(groups) == 0 || zh != last {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], l)
		last = zh
	}
	if !chinese || !other {
		return []string{joinCueLines(lines)}
	}
	var texts []string
	for _, g := range groups {
		if t := joinCueLines(g); t != "" {
			texts = append(texts, t)
		}
	}
	if len(texts) == 0 {
		texts = []string{""}
	}
	return texts
}

// hanLine reports whether a line is Chinese: it holds Han characters, and
// more of them than Latin letters over three (an English line may quote a
// name in characters, a Chinese one an English word).
func hanLine(l string) bool {
	han, latin := 0, 0
	for _, r := range l {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin++
		}
	}
	return han > 0 && 3*han >= latin
}

// joinCueLines cleans the text lines of a cue and joins them: with a space,
// or with nothing between two East Asian wide characters (a Chinese line
// wrapped for the screen).
func joinCueLines(lines []string) string {
	var b strings.Builder
	var last rune
	for _, l := range lines {
		l = cleanCue(l)
		if l == "" {
			continue
		}
		first := []rune(l)[0]
		if b.Len() > 0 && !(wide(last) && wide(first)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		r := []rune(l)
		last = r[len(r)-1]
	}
	return b.String()
}

// cleanCue removes markup from a cue line: tags (<i>, <font color=…>,
// WebVTT <c.class>, <v Speaker>, timestamps), ruby annotations (<rt>…</rt>),
// SubRip/ASS override codes ({\an8}); it decodes character references
// (&amp;) and turns control characters and runs of white space into one
// space.
func cleanCue(s string) string {
	var b strings.Builder
	rt := 0
	for i := 0; i < len(s); {
		switch {
		case s[i] == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				b.WriteString(s[i:])
				i = len(s)
				continue
			}
			tag := strings.ToLower(strings.TrimSpace(s[i+1 : i+j]))
			switch {
			case tag == "rt" || strings.HasPrefix(tag, "rt "):
				rt++
			case tag == "/rt" && rt > 0:
				rt--
			}
			i += j + 1
		case s[i] == '{' && i+1 < len(s) && s[i+1] == '\\':
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				i = len(s)
				continue
			}
			i += j + 1
		default:
			j := strings.IndexAny(s[i:], "<{")
			if j < 0 {
				j = len(s) - i
			} else if j == 0 {
				j = 1
			}
			if rt == 0 {
				b.WriteString(s[i : i+j])
			}
			i += j
		}
	}
	out := html.UnescapeString(b.String())
	return strings.Join(strings.FieldsFunc(out, func(r rune) bool {
		return r == ' ' || r < 0x20 || r == 0x7F
	}), " ")
}
