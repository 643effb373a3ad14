package segment

import (
	"strings"
	"unicode/utf8"

	gopinyin "github.com/mozillazg/go-pinyin"
	"golang.org/x/text/unicode/norm"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/pinyin"
)

// A pinyin annotation is a Han character followed by one of its readings
// in brackets, as some scrapers leave them: 經(jīng)貿(mào). maxAnnotation is the
// longest bracketed syllable looked at, in bytes ("zhuàng" is 7).
const maxAnnotation = 16

// annotationAt reports whether b, which follows a Han character r, starts
// with a bracketed pinyin reading of r, and returns its length in bytes.
// Both ASCII and full-width brackets are recognised. A bracketed word that
// is not a reading of r, such as 中國(China) or (APEC), is not an annotation.
func annotationAt(r rune, b []byte) int {
	var close rune
	n := 0
	switch {
	case len(b) > 0 && b[0] == '(':
		close, n = ')', 1
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBC && b[2] == 0x88: // （
		close, n = '）', 3
	default:
		return 0
	}
	end := -1
	for i := n; i < len(b) && i-n <= maxAnnotation; {
		c, sz := utf8.DecodeRune(b[i:])
		if c == close {
			end = i
			break
		}
		if !isPinyinLetter(c) {
			return 0
		}
		i += sz
	}
	if end <= n {
		return 0
	}
	if !isReading(r, string(b[n:end])) {
		return 0
	}
	_, csz := utf8.DecodeRune(b[end:])
	return end + csz
}

// isPinyinLetter reports whether c may appear in a pinyin syllable written
// with tone marks: lower-case ASCII letters and the marked vowels.
func isPinyinLetter(c rune) bool {
	if 'a' <= c && c <= 'z' {
		return true
	}
	return strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ\u0304\u0301\u030c\u0300", c)
}

// isReading reports whether syl is a reading of the Han character r. A
// syllable written without tone marks matches a reading of any tone.
func isReading(r rune, syl string) bool {
	readings, ok := gopinyin.PinyinDict[int(r)]
	if !ok {
		return false
	}
	syl = norm.NFC.String(syl)
	bare := pinyin.Toneless(syl)
	toneless := bare == strings.ReplaceAll(syl, "ü", "v")
	for rd := range strings.SplitSeq(readings, ",") {
		if rd == syl || (toneless && pinyin.Toneless(rd) == bare) {
			return true
		}
	}
	return false
}

// clean returns the text of span with pinyin annotations removed, and what
// it found. The result shares span's bytes when nothing is removed.
func clean(span []byte) (string, Flags) {
	var flags Flags
	var b []byte // nil until something is removed
	last := 0    // start of the bytes not yet copied to b
	prev := rune(-1)
	for i := 0; i < len(span); {
		r, n := utf8.DecodeRune(span[i:])
		switch {
		case r == utf8.RuneError:
			// U+FFFD or a byte that is not UTF-8: kept as it is.
			flags |= Mojibake
		case r == '?' && prev >= 0:
			// "廖謹?shù", "正?;?0周年", "Tr?ndelag"; not "呢?" at a sentence end.
			next, _ := utf8.DecodeRune(span[i+n:])
			if (han.Is(prev) && !asciiTerminal(span, i, i+n)) || (isLetter(prev) && next >= 'a' && next <= 'z') {
				flags |= Mojibake
			}
		case han.Is(r):
			if k := annotationAt(r, span[i+n:]); k > 0 {
				b = append(b, span[last:i+n]...)
				last = i + n + k
				flags |= Annotated
				prev = r
				i = last
				continue
			}
		}
		prev = r
		i += n
	}
	if b == nil {
		return string(span), flags
	}
	b = append(b, span[last:]...)
	return string(b), flags
}

func isLetter(r rune) bool {
	return classify(r) == clsLatin
}
