package input

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Names of the encodings this package detects, as Text.Encoding reports them.
const (
	encUTF8    = "UTF-8"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	encGB18030 = "GB18030"
	encBig5    = "Big5"
)

var (
	utf16LE = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	utf16BE = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
)

// candidates are the encodings tried, in order of preference, when text is
// neither marked by a byte order mark nor valid UTF-8.
var candidates = [...]struct {
	name string
	enc  encoding.Encoding
}{
	{encGB18030, simplifiedchinese.GB18030},
	{encBig5, traditionalchinese.Big5},
}

// aliases are names of Chinese code pages that the WHATWG and IANA indexes
// do not know.
var aliases = map[string]string{
	"cp936": "gb18030", "windows-936": "gb18030", "ms936": "gb18030", "euc-cn": "gb18030",
	"cp950": "big5", "windows-950": "big5", "ms950": "big5", "big5hkscs": "big5",
	"utf16": "utf-16le", "utf16le": "utf-16le", "utf16be": "utf-16be", "utf8": "utf-8",
}

// lookupEncoding returns the encoding with the given label or name and the
// name Text.Encoding reports for it. GBK (and GB2312, which WHATWG labels as
// GBK) is decoded as GB18030, a superset.
func lookupEncoding(label string) (encoding.Encoding, string, error) {
	l := strings.ToLower(strings.TrimSpace(label))
	if a, ok := aliases[l]; ok {
		l = a
	}
	e, err := htmlindex.Get(l)
	if err != nil {
		if e, err = ianaindex.IANA.Encoding(l); err != nil || e == nil {
			return nil, "", fmt.Errorf("%w: %q names no encoding known here (try gb18030, big5, utf-16le, utf-16be, utf-8, windows-1252)", ErrEncoding, label)
		}
	}
	if e == encoding.Replacement {
		return nil, "", fmt.Errorf("%w: %q is not an encoding that can be decoded", ErrEncoding, label)
	}
	if n, err := htmlindex.Name(e); err == nil {
		switch n {
		case "gbk", "gb18030":
			return simplifiedchinese.GB18030, encGB18030, nil
		case "utf-8":
			return xunicode.UTF8, encUTF8, nil
		case "utf-16le":
			return utf16LE, encUTF16LE, nil
		case "utf-16be":
			return utf16BE, encUTF16BE, nil
		case "big5":
			return traditionalchinese.Big5, encBig5, nil
		}
	}
	name, err := ianaindex.MIME.Name(e)
	if err != nil || name == "" {
		if name, err = htmlindex.Name(e); err != nil {
			name = l
		}
	}
	return e, name, nil
}

// bom returns the encoding named by the byte order mark data starts with,
// and the mark's length; "" and 0 when there is none.
func bom(data []byte) (string, int) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return encUTF8, 3
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return encUTF16LE, 2
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return encUTF16BE, 2
	}
	return "", 0
}

// decodeText converts data to UTF-8. The encoding is, in order: the byte
// order mark (as in browsers, it wins), forced (a WithEncoding name),
// declared (a charset found in the
// document, "" for none) unless it decodes badly where detection does well,
// UTF-8 when data is valid UTF-8, then the Chinese candidate that decodes
// best, then UTF-8 again when data is mostly UTF-8 (its invalid bytes
// become U+FFFD). Valid UTF-8 comes back as data itself, byte order mark
// included; decoded text has none.
func decodeText(data []byte, forced, declared string) ([]byte, string, error) {
	var fe encoding.Encoding
	var fname string
	if forced != "" {
		var err error
		if fe, fname, err = lookupEncoding(forced); err != nil {
			return nil, "", err
		}
	}
	switch name, n := bom(data); name {
	case encUTF8:
		return decodeWith(data, xunicode.UTF8, encUTF8)
	case encUTF16LE:
		return decodeWith(data[n:], utf16LE, encUTF16LE)
	case encUTF16BE:
		return decodeWith(data[n:], utf16BE, encUTF16BE)
	}
	if fe != nil {
		return decodeWith(data, fe, fname)
	}
	if declared != "" {
		if e, name, err := lookupEncoding(declared); err == nil {
			if name == encUTF16LE || name == encUTF16BE {
				// A charset found by reading the bytes as ASCII cannot
				// be UTF-16 (WHATWG: such a label means UTF-8).
				e, name = xunicode.UTF8, encUTF8
			}
			out, name, err := decodeWith(data, e, name)
			if err != nil || !garbled(out) {
				return out, name, err
			}
			// Declared wrongly (a page saved in another encoding than its
			// <meta> says): keep the declaration unless detection finds
			// an encoding that decodes well.
			if out2, name2, err2 := detectEncoding(data); err2 == nil && !garbled(out2) {
				return out2, name2, nil
			}
			return out, name, nil
		}
	}
	return detectEncoding(data)
}

// detectEncoding decodes data without byte order mark nor declaration.
func detectEncoding(data []byte) ([]byte, string, error) {
	if utf8.Valid(data) {
		return checkNUL(data, encUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, "", binaryError(i)
	}
	probe := data[:min(len(data), 1<<16)]
	if len(probe) < len(data) {
		// Cut after a line end: '\n' is never part of a GB18030 or Big5
		// character, so the probe ends on a character boundary.
		if i := bytes.LastIndexByte(probe, '\n'); i > 0 {
			probe = probe[:i+1]
		}
	}
	best, bestQ := -1, 0.0
	for i, c := range candidates {
		out, err := c.enc.NewDecoder().Bytes(probe)
		if err != nil {
			continue
		}
		if q := quality(out); q > bestQ {
			best, bestQ = i, q
		}
	}
	if best >= 0 && bestQ >= minQuality {
		return decodeWith(data, candidates[best].enc, candidates[best].name)
	}
	if mostlyUTF8(probe) {
		return checkNUL(bytes.ToValidUTF8(data, []byte("\uFFFD")), encUTF8)
	}
	return nil, "", fmt.Errorf("%w: not UTF-8, and neither GB18030 nor Big5 decodes it as Chinese text; name the encoding (--encoding windows-1252, gb18030, big5..., or input.WithEncoding)", ErrEncoding)
}

// minQuality is the quality a Chinese decoding needs to be chosen.
const minQuality = 0.5

// decodeWith decodes data with e, reported as name.
func decodeWith(data []byte, e encoding.Encoding, name string) ([]byte, string, error) {
	if e == xunicode.UTF8 {
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return checkNUL(data, name)
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("%w: decoding as %s: %v", ErrEncoding, name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return checkNUL(out, name)
}

// checkNUL rejects text holding a NUL character: binary data.
func checkNUL(text []byte, name string) ([]byte, string, error) {
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return nil, "", binaryError(i)
	}
	return text, name, nil
}

func binaryError(i int) error {
	return fmt.Errorf("%w: binary data, not text (NUL at offset %d); UTF-16 text without a byte order mark needs its encoding named (--encoding utf-16le, or input.WithEncoding)", ErrFormat, i)
}

// garbled reports whether decoded text holds many replacement characters:
// more than 16, and more than a quarter of its non-ASCII characters (the
// threshold segment uses for input that is not UTF-8).
func garbled(text []byte) bool {
	bad, nonASCII := 0, 0
	for _, r := range string(text[:min(len(text), 1<<16)]) {
		if r >= utf8.RuneSelf {
			nonASCII++
			if r == utf8.RuneError {
				bad++
			}
		}
	}
	return bad >= 16 && bad*4 > nonASCII
}

// mostlyUTF8 reports whether invalid bytes are rare in p: fewer than 16,
// or at most a quarter of the non-ASCII bytes.
func mostlyUTF8(p []byte) bool {
	invalid, nonASCII := 0, 0
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		}
		nonASCII += n
		i += n
	}
	return invalid < 16 || invalid*4 <= nonASCII
}

// quality scores a decoding of Chinese text: the share of its non-ASCII
// characters that are frequent Han characters or CJK punctuation, less
// three times the share of signs of a wrong decoding (U+FFFD, private
// use, C1 controls). A right decoding scores near 1; decoding Big5 as
// GB18030 or the reverse gives characters spread over the whole
// repertoire, most of them rare.
func quality(text []byte) float64 {
	good, bad, n := 0, 0, 0
	common := commonSet()
	for _, r := range string(text) {
		if r < utf8.RuneSelf {
			continue
		}
		n++
		switch {
		case r == utf8.RuneError, r >= 0xE000 && r <= 0xF8FF, r >= 0x80 && r <= 0x9F:
			bad++
		case r >= hanFirst && r <= hanLast:
			if common[(r-hanFirst)/64]&(1<<((r-hanFirst)%64)) != 0 {
				good++
			}
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E, r >= 0x2010 && r <= 0x2027, r == 0xB7:
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(good-3*bad) / float64(n)
}

// The block of CJK Unified Ideographs, where the frequent characters are.
const hanFirst, hanLast = 0x4E00, 0x9FFF

//go:generate go run gen.go

// commonSet returns commonHan as a bitset over hanFirst..hanLast.
var commonSet = sync.OnceValue(func() []uint64 {
	set := make([]uint64, (hanLast-hanFirst)/64+1)
	for _, r := range commonHan {
		if r >= hanFirst && r <= hanLast && unicode.Is(unicode.Han, r) {
			set[(r-hanFirst)/64] |= 1 << ((r - hanFirst) % 64)
		}
	}
	return set
})
