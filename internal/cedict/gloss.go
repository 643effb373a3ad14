package cedict

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// This file turns raw CEDICT senses into glosses and content words; the
// rules are listed in the package documentation (doc.go).

// cleaner holds the scratch buffers used while cleaning senses. It is
// owned by one parse and never shared.
type cleaner struct {
	noParen []byte
	out     []byte
}

// sense cleans one raw sense. It calls gloss for every non-empty gloss
// (the slice is only valid during the call) and ref for a "variant of"
// cross reference, with the referenced headword and its pinyin ("" if
// none).
func (c *cleaner) sense(raw string, gloss func([]byte), ref func(head, pinyin []byte)) {
	s := trimSpace(raw)
	if hasPrefixFold(s, "CL:") {
		return
	}
	c.noParen = removeParens(c.noParen[:0], s)
	rest := c.noParen
	for len(rest) > 0 {
		part := rest
		if i := bytes.IndexByte(rest, ';'); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		c.part(part, gloss, ref)
	}
}

// part cleans one ";"-separated part of a sense without parentheses.
func (c *cleaner) part(p []byte, gloss func([]byte), ref func(head, pinyin []byte)) {
	p = stripMarkers(trimSpaceBytes(p))
	if isNote(p) {
		return
	}
	if hasRef(p) {
		if i := indexFold(p, "variant of "); i >= 0 && isRefStart(p[i+len("variant of "):]) {
			head, py := parseRef(p[i+len("variant of "):])
			if len(head) > 0 {
				ref(head, py)
			}
			return
		}
		for _, prefix := range refPrefixes {
			if q := p; cutFold(&q, prefix) && isRefStart(q) {
				return
			}
		}
	}

	c.out = stripRefsLower(c.out[:0], p)
	if len(c.out) > 0 {
		gloss(c.out)
	}
}

// stripMarkers removes leading "lit.", "fig.", "abbr. for" (or "of",
// "to") and then "to " from p, which has no leading spaces.
func stripMarkers(p []byte) []byte {
	for {
		switch {
		case cutFold(&p, "lit."), cutFold(&p, "fig."):
		case cutFold(&p, "abbr."):
			_ = cutFold(&p, "for ") || cutFold(&p, "of ") || cutFold(&p, "to ")
		default:
			cutFold(&p, "to ")
			return p
		}
	}
}

// refPrefixes introduce a cross reference when Chinese or pinyin follows.
var refPrefixes = [...]string{
	"see also ", "see ", "same as ", "also written ", "also pr. ", "also pr ", "taiwan pr. ", "pr. ",
	"also called ", "also known as ", "also translated as ", "also ", "erhua of ", "contraction of ",
	"written as ", "short for ",
}

// isNote reports whether p is a usage note or a name, not a translation.
func isNote(p []byte) bool {
	switch {
	case hasPrefixFoldBytes(p, "surname "), equalFold(p, "surname"),
		hasPrefixFoldBytes(p, "two-character surname"),
		hasPrefixFoldBytes(p, "classifier for "), hasPrefixFoldBytes(p, "classifier of "),
		hasPrefixFoldBytes(p, "measure word for "):
		return true
	case hasPrefixFoldBytes(p, "used "):
		q := p[len("used "):]
		return !hasPrefixFoldBytes(q, "up") && !equalFold(q, "to")
	}
	return false
}

// hasRef reports whether p may hold a reference: a byte that starts a
// UTF-8 sequence of U+2000 or above (all of CJK), or "[".
func hasRef(p []byte) bool {
	for _, b := range p {
		if b == '[' || b >= 0xE2 {
			return true
		}
	}
	return false
}

// isRefStart reports whether p starts with Chinese characters or a
// bracketed pinyin reference.
func isRefStart(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	if p[0] == '[' {
		return true
	}
	r, _ := utf8.DecodeRune(p)
	return isCJK(r)
}

// parseRef reads a reference such as 臺|台[tai2] and returns its first
// headword and its pinyin.
func parseRef(p []byte) (head, pinyin []byte) {
	i := 0
	for i < len(p) {
		r, n := utf8.DecodeRune(p[i:])
		if r == '|' || r == '[' || r == ',' || r == ' ' || r == ')' || r == '，' {
			break
		}
		i += n
	}
	head = p[:i]
	if j := bytes.IndexByte(p[i:], '['); j >= 0 {
		rest := p[i+j+1:]
		if k := bytes.IndexByte(rest, ']'); k >= 0 && !bytes.ContainsAny(p[i:i+j], " ,") {
			pinyin = rest[:k]
		}
	}
	return head, pinyin
}

// isCJK reports whether r is a Chinese character, kana or CJK punctuation,
// which never belong in an English gloss.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x2E80 && r <= 0x303F) || // radicals, CJK symbols and punctuation
		(r >= 0x3040 && r <= 0x30FF) || // kana
		(r >= 0x3200 && r <= 0x33FF) || // enclosed CJK, compatibility
		(r >= 0xFE30 && r <= 0xFE4F) || // CJK compatibility forms
		(r >= 0xFF00 && r <= 0xFF60) // full-width forms
}

// removeParens appends s to dst without its parenthetical remarks.
// An unmatched ")" is dropped; an unmatched "(" drops the rest.
func removeParens(dst []byte, s string) []byte {
	if !mayHaveParens(s) {
		return append(dst, s...)
	}
	depth := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '(':
				depth++
			case b == ')':
				if depth > 0 {
					depth--
				}
			case depth == 0:
				dst = append(dst, b)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '（':
			depth++
		case r == '）':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}

// mayHaveParens reports whether s holds "(", ")" or the first byte of
// "（" or "）".
func mayHaveParens(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '(' || c == ')' || c == 0xEF {
			return true
		}
	}
	return false
}

// stripRefsLower appends p to dst lower-cased, without Chinese characters,
// "|", bracketed pinyin and double quotes, with runs of spaces collapsed
// and the ends trimmed of spaces and ",.:".
func stripRefsLower(dst, p []byte) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(p); {
		b := p[i]
		if b < utf8.RuneSelf {
			i++
			switch {
			case b == '[':
				if j := bytes.IndexByte(p[i:], ']'); j >= 0 {
					i += j + 1
				} else {
					i = len(p)
				}
				continue
			case b == '|', b == '"', b == ']':
				continue
			case b == ' ' || b == '\t':
				space = true
				continue
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
			case b == ',' || b == '.' || b == ':' || b == '!' || b == '?':
				space = false // "in 南充[Nan2 chong1], Sichuan" → "in, sichuan"
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, b)
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		i += n
		switch {
		case isCJK(r), r == utf8.RuneError && n == 1, r == '“', r == '”':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	// Trim trailing and leading separators left behind by removed text.
	for len(dst) > start {
		switch dst[len(dst)-1] {
		case ' ', ',', '.', ':':
			dst = dst[:len(dst)-1]
			continue
		}
		break
	}
	lead := start
	for lead < len(dst) && (dst[lead] == ' ' || dst[lead] == ',' || dst[lead] == ':') {
		lead++
	}
	if lead > start {
		dst = append(dst[:start], dst[lead:]...)
	}
	return dst
}

// words calls fn with the byte range [i, j) of each content word of the
// lower-cased gloss g.
func words(g []byte, fn func(i, j int)) {
	for i := 0; i < len(g); {
		r, n := rune(g[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(g[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(g) {
			r, n := rune(g[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRune(g[i:])
			}
			if isWordRune(r) {
				i += n
				continue
			}
			// Inner joiners: well-known, don't, u.s., 3.5
			if (r == '-' || r == '\'' || r == '’' || r == '.') && i+n < len(g) {
				r2, _ := utf8.DecodeRune(g[i+n:])
				if isWordRune(r2) && (r != '.' || unicode.IsLetter(r2) || isDigit(g[i-1]) && unicode.IsDigit(r2)) {
					i += n
					continue
				}
			}
			break
		}
		word(g, start, i, fn)
	}
}

// word calls fn for the token g[i:j] and, if it is hyphenated, for its
// parts, leaving out function words.
func word(g []byte, i, j int, fn func(i, j int)) {
	tok := g[i:j]
	if isStopWord(tok) { // one's, sb's
		return
	}
	if bytes.HasSuffix(tok, []byte("'s")) {
		j -= len("'s")
	} else if bytes.HasSuffix(tok, []byte("’s")) {
		j -= len("’s")
	}
	tok = g[i:j]
	if len(tok) == 0 || isStopWord(tok) {
		return
	}
	fn(i, j)
	if bytes.IndexByte(tok, '-') < 0 {
		return
	}
	for k := i; k < j; {
		e := bytes.IndexByte(g[k:j], '-')
		if e < 0 {
			e = j - k
		}
		if e > 0 && !isStopWord(g[k:k+e]) {
			fn(k, k+e)
		}
		k += e + 1
	}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isStopWord reports whether w (lower case) is a function word that says
// little about what a gloss means.
func isStopWord(w []byte) bool {
	switch string(w) {
	case "a", "an", "the", "of", "to", "and", "or", "nor", "in", "on", "at", "for", "with", "by",
		"from", "as", "but", "into", "onto", "upon", "than", "that", "this", "these", "those", "which",
		"who", "whom", "whose", "it", "its", "be", "is", "are", "was", "were", "been", "being",
		"am", "do", "does", "did", "sb", "sth", "sb's", "sth's", "someone", "somebody", "something",
		"one's", "oneself", "etc", "e.g", "i.e", "esp", "lit", "fig", "abbr", "cf", "well", "also",
		"so", "such", "some", "any", "very", "kind", "sort", "type", "e", "g", "s", "'s":
		return true
	}
	return false
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

func trimSpaceBytes(s []byte) []byte {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case;
// prefix must be ASCII.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != lowerASCII(prefix[i]) {
			return false
		}
	}
	return true
}

func hasPrefixFoldBytes(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != lowerASCII(prefix[i]) {
			return false
		}
	}
	return true
}

func equalFold(s []byte, t string) bool {
	return len(s) == len(t) && hasPrefixFoldBytes(s, t)
}

// cutFold removes prefix (ASCII, any case) from *p if present, and
// following spaces.
func cutFold(p *[]byte, prefix string) bool {
	if !hasPrefixFoldBytes(*p, prefix) {
		return false
	}
	*p = trimSpaceBytes((*p)[len(prefix):])
	return true
}

// indexFold returns the index of the ASCII string sub in s, ignoring ASCII
// case, or -1.
func indexFold(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFoldBytes(s[i:], sub) {
			return i
		}
	}
	return -1
}

// asciiWord marks the ASCII letters and digits. It is never written.
var asciiWord = [utf8.RuneSelf]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true,
	'j': true, 'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true,
	's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true,
	'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true,
	'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
}
