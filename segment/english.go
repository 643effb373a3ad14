package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
)

// abbreviations are words that, followed by a full stop, do not end a
// sentence even when a capital letter or a digit comes next. Lower case.
// "etc" is not one: "governance,etc. Chen introduced" is two sentences.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "messrs": true, "dr": true, "prof": true,
	"st": true, "mt": true, "ft": true, "no": true, "nos": true, "vol": true,
	"vols": true, "pp": true, "fig": true, "figs": true, "art": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "jr": true,
	"sr": true, "vs": true, "cf": true, "approx": true, "dept": true, "ch": true,
	"sec": true, "para": true, "paras": true, "op": true, "cit": true, "ibid": true,
	"co": true, "corp": true, "cap": true, "bros": true, "ave": true, "rd": true, "esq": true,
}

// englishBreaks appends to ends the byte offsets in s at which an English
// sentence ends, not counting the end of s, following the conventions in
// the package documentation.
func englishBreaks(s []byte, ends []int) []int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		term := i
		// Take in further terminal punctuation and closing quotes/brackets.
		j := i + 1
		for j < len(s) {
			r, n := utf8.DecodeRune(s[j:])
			if r == '.' || r == '!' || r == '?' || r == '…' || isClosing(r) {
				j += n
				continue
			}
			break
		}
		if j >= len(s) {
			break
		}
		next, _ := utf8.DecodeRune(s[j:])
		spaced := isSpaceRune(next)
		k := j
		for k < len(s) {
			r, n := utf8.DecodeRune(s[k:])
			if !isSpaceRune(r) {
				break
			}
			k += n
		}
		if k >= len(s) {
			break
		}
		next, _ = utf8.DecodeRune(s[k:])
		if englishBreak(s, term, j, next, spaced) {
			ends = append(ends, j)
		}
		i = j - 1
	}
	return ends
}

// englishBreak decides whether the terminal punctuation at s[term] (closed
// by quotes up to s[end]) ends a sentence, when next is the first non-space
// rune after it and spaced tells whether white space came between.
func englishBreak(s []byte, term, end int, next rune, spaced bool) bool {
	word, dotted := wordBefore(s, term)
	prev, _ := utf8.DecodeLastRune(s[:term])
	if !spaced {
		// Glued: "Francisco.He said", "in China.2023 marks".
		if s[term] == '?' && isLetter(prev) {
			return false // "Tr?ndelag"-style mojibake or "?" inside a word
		}
		// The terminal sequence is s[term:end]; closers may be multi-byte.
		if last, _ := utf8.DecodeLastRune(s[term+1 : end]); isClosing(last) {
			// "word."Next, word.)Next or word.”Next: treat like a space.
			return startsSentence(next) && !isAbbreviation(word, dotted, s, term)
		}
		switch {
		case unicode.IsUpper(next):
			if '0' <= prev && prev <= '9' {
				return true // "since 2020.The preliminary stage"
			}
			if len(word) < 2 || dotted || isAbbreviation(word, dotted, s, term) {
				return false
			}
			// The word must end in a lower-case letter ("Francisco.He"),
			// not be an acronym ("U.S.A", "Co.,LTD.").
			return unicode.IsLower(prev)
		case '0' <= next && next <= '9':
			return s[term] == '.' && isLetter(prev) && len(word) >= 2 && !isAbbreviation(word, dotted, s, term) && !dotted
		}
		return false
	}
	if !startsSentence(next) {
		return false
	}
	seq := s[term:end]
	if isEllipsis(seq) {
		// "I... I can't" continues; an ellipsis closing a quotation
		// ("Wait..." or “Wait…”) ends.
		last, _ := utf8.DecodeLastRune(seq)
		return isClosing(last)
	}
	if s[term] != '.' {
		return true
	}
	if isListNumber(s, term) {
		return false
	}
	return !isAbbreviation(word, dotted, s, term)
}

// isListNumber reports whether the full stop at s[term] follows a number of
// one to three digits standing alone, a paragraph or list number ("127. After
// considering", "6. DR. IP asked"), rather than the end of a sentence.
func isListNumber(s []byte, term int) bool {
	i := term
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if n := term - i; n == 0 || n > 3 {
		return false
	}
	return i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '('
}

// isEllipsis reports whether the terminal sequence seq holds an ellipsis.
func isEllipsis(seq []byte) bool {
	for i := 0; i+1 < len(seq); i++ {
		if seq[i] == '.' && seq[i+1] == '.' {
			return true
		}
	}
	for _, r := range string(seq) {
		if r == '…' {
			return true
		}
	}
	return false
}

// startsSentence reports whether r may begin a sentence: an upper-case
// letter, a digit, an opening quote or bracket, or a Han character.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || ('0' <= r && r <= '9') || isOpening(r) || han.Is(r) || r == '¿' || r == '¡'
}

// isAbbreviation reports whether the word before the full stop at s[term]
// is an abbreviation: a listed one, an initial ("John F. Kennedy"), or a
// dotted abbreviation ("U.S.", "e.g.", "a.m." before a digit).
func isAbbreviation(word []byte, dotted bool, s []byte, term int) bool {
	if len(word) == 0 {
		return false
	}
	if dotted {
		return true
	}
	if len(word) == 1 {
		r, _ := utf8.DecodeRune(word)
		return unicode.IsUpper(r)
	}
	if len(word) > 8 {
		return false
	}
	var low [8]byte
	for i, c := range word {
		if c >= 0x80 {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return abbreviations[string(low[:len(word)])]
}

// wordBefore returns the letters immediately before s[term], and whether
// they are part of a dotted abbreviation such as "U.S" or "e.g".
func wordBefore(s []byte, term int) (word []byte, dotted bool) {
	i := term
	for i > 0 {
		r, n := utf8.DecodeLastRune(s[:i])
		if !isLetter(r) {
			break
		}
		i -= n
	}
	word = s[i:term]
	// "U.S" : a single letter preceded by "X." forms a dotted abbreviation.
	if len(word) == 1 && i >= 2 && s[i-1] == '.' {
		r, _ := utf8.DecodeLastRune(s[:i-1])
		if isLetter(r) {
			j := i - 1
			for j > 0 {
				r, n := utf8.DecodeLastRune(s[:j])
				if !isLetter(r) {
					break
				}
				j -= n
			}
			if i-1-j == 1 {
				dotted = true
			}
		}
	}
	return word, dotted
}
