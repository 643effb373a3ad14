package eval

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// isHan reports whether r is in the Han ranges of score_pairs.py's ANNOT
// pattern: U+3400..U+4DBF, U+4E00..U+9FFF, U+F900..U+FAFF.
func isHan(r rune) bool {
	return 0x3400 <= r && r <= 0x4dbf || 0x4e00 <= r && r <= 0x9fff || 0xf900 <= r && r <= 0xfaff
}

// isPinyin reports whether r is in score_pairs.py's PINYIN class: a-z and
// the lower-case toned vowels āáǎà ēéěè īíǐì ōóǒò ūúǔù ǖǘǚǜ ü ê ń ň ǹ ḿ.
func isPinyin(r rune) bool {
	if 'a' <= r && r <= 'z' {
		return true
	}
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì',
		'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ',
		'ü', 'ê', 'ń', 'ň', 'ǹ', 'ḿ':
		return true
	}
	return false
}

// annotationEnd returns the index just after a pinyin annotation
// "(xxx)" of one to seven pinyin characters starting at rs[i], or -1.
func annotationEnd(rs []rune, i int) int {
	if i >= len(rs) || rs[i] != '(' {
		return -1
	}
	j := i + 1
	for j < len(rs) && j-i-1 < 7 && isPinyin(rs[j]) {
		j++
	}
	if j == i+1 || j >= len(rs) || rs[j] != ')' {
		return -1
	}
	return j + 1
}

// isCherokeeUpper reports whether r is an upper-case Cherokee letter,
// which Python's str.casefold leaves alone (its case folding maps the
// lower-case letters to them) while x/text's Fold maps them to lower case.
func isCherokeeUpper(r rune) bool { return 0x13a0 <= r && r <= 0x13f5 }

// casefold is Python's str.casefold: full Unicode case folding, one
// character at a time.
func casefold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	fold := cases.Fold()
	if !strings.ContainsFunc(s, isCherokeeUpper) {
		return fold.String(s)
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexFunc(s, isCherokeeUpper)
		if i < 0 {
			b.WriteString(fold.String(s))
			break
		}
		b.WriteString(fold.String(s[:i]))
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		s = s[i+n:]
	}
	return b.String()
}

// Normalize returns s normalised the way score_pairs.py's norm() does
// before comparing: Unicode NFKC; a pinyin annotation of one to seven
// lower-case pinyin letters in ASCII parentheses right after a Han
// character removed ("經(jīng)" becomes "經"); all whitespace (Python's
// str.isspace) removed; full case folding (Python's str.casefold); and
// leading and trailing runs of characters that are not letters or numbers
// (Python's [\W_]) removed. Invalid UTF-8 is read as U+FFFD. The result
// is empty when s holds no letter or number.
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	rs := []rune(s)
	out := rs[:0]
	for i := 0; i < len(rs); {
		r := rs[i]
		if isHan(r) {
			if end := annotationEnd(rs, i+1); end >= 0 {
				out = append(out, r)
				i = end
				continue
			}
		}
		if !isPySpace(r) {
			out = append(out, r)
		}
		i++
	}
	s = casefold(string(out))
	s = strings.TrimFunc(s, func(r rune) bool { return !isAlnum(r) })
	return s
}
