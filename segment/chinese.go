package segment

import (
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
)

// isChineseTerminal reports whether r ends a Chinese sentence: 。！？ and
// their half- and full-width variants. The semicolon does not, and an ASCII
// '?' inside Chinese text is the trace of a broken encoding, not a question.
func isChineseTerminal(r rune) bool {
	switch r {
	case '。', '！', '？', '｡', '!', '?':
		return true
	}
	return false
}

// chineseBreaks appends to ends the byte offsets in s at which a Chinese
// sentence ends, not counting the end of s. A sentence ends after 。！？ and
// any closing quotes or brackets that follow them, and after an ellipsis
// that closes a quotation (……”).
func chineseBreaks(s []byte, ends []int) []int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		i += n
		ellipsis := r == '…'
		if !isChineseTerminal(r) && !ellipsis {
			continue
		}
		if (r == '!' || r == '?') && !asciiTerminal(s, i-n, i) {
			continue
		}
		closed := false
		for i < len(s) {
			r, n := utf8.DecodeRune(s[i:])
			switch {
			case isChineseTerminal(r) || r == '…':
			case isClosing(r) && r != ')' && r != '）':
				closed = true
			default:
				goto done
			}
			i += n
		}
	done:
		if ellipsis && !closed && !(i < len(s) && startsHan(s[i:])) {
			continue
		}
		if i < len(s) && !onlySpace(s[i:]) {
			ends = append(ends, i)
		}
	}
	return ends
}

// asciiTerminal reports whether the ASCII '!' or '?' at s[i:j] ends a
// Chinese sentence: it must follow a Han character and come before a Han
// character, a quotation mark, white space or the end. Scraped pages use
// '?' for characters lost to a broken encoding ("廖謹?shù", "正?;?0周年"),
// and those are followed by other debris.
func asciiTerminal(s []byte, i, j int) bool {
	r, _ := utf8.DecodeLastRune(s[:i])
	if !han.Is(r) {
		return false
	}
	if j == len(s) {
		return true
	}
	next, _ := utf8.DecodeRune(s[j:])
	return han.Is(next) || isClosing(next) || isOpening(next) || isSpaceRune(next) || isChineseTerminal(next)
}

func startsHan(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return han.Is(r)
}

func onlySpace(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !isSpaceRune(r) {
			return false
		}
		i += n
	}
	return true
}
