package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		desc, src, want string
	}{
		// Generated with python3 3.11.7 (unicodedata 14.0.0):
		// import score_pairs from /work/shared/tools and print norm(src) for each src.
		{"annotation", "經(jīng)貿(mào)", "經貿"},
		{"annotation chain", "經(jīng)(mào)", "經(mào"},
		{"annotation twice", "中(a)(b)", "中(b"},
		{"annotation eight letters", "中(abcdefgh)", "中(abcdefgh"},
		{"annotation seven letters", "中(abcdefg)x", "中x"},
		{"annotation upper case", "中(Jing)", "中(jing"},
		{"annotation after space", "中 (jīng)", "中(jīng"},
		{"annotation fullwidth parens", "中（jīng）", "中"},
		{"annotation empty", "中()", "中"},
		{"annotation m acute", "中(ḿ)文", "中文"},
		{"annotation n grave", "嗯(ǹg)", "嗯"},
		{"annotation after Latin", "a(jing)", "a(jing"},
		{"annotation compat ideograph", "\ufa0e(x)", "\ufa0e"},
		{"ascii punctuation", "Hello, World!", "hello,world"},
		{"fullwidth", "ＡＢＣ１２３", "abc123"},
		{"quotes", "  “引号”  ", "引号"},
		{"sharp s", "Straße", "strasse"},
		{"capital sharp s", "ẞ", "ss"},
		{"ligature", "ﬁne", "fine"},
		{"dotted capital I", "İstanbul", "i\u0307stanbul"},
		{"j caron", "ǰ", "j"},
		{"combining acute composes", "e\u0301clair", "éclair"},
		{"trailing combining mark", "abc\u0308", "abc"},
		{"leading combining mark", "\u0301abc", "abc"},
		{"cherokee", "Ꭰꭰ", "ᎠᎠ"},
		{"sigma", "ΣΑΣ", "σασ"},
		{"circled digits", "①②", "12"},
		{"superscript", "x²", "x2"},
		{"square era", "㍻", "平成"},
		{"ellipsis only", "…", ""},
		{"dashes", "—test—", "test"},
		{"roman numeral", "Ⅻ", "xii"},
		{"dz digraph", "ǅ", "dž"},
		{"halfwidth katakana", "ﾊﾝｶｸ", "ハンカク"},
		{"whitespace kinds", "a b\tc\nd\re\u2028f\u0085g\u001ch\u001fi\u3000j\u00a0k\u202fl", "abcdefghijkl"},
		{"zero width space kept", "a\u200bb", "a\u200bb"},
		{"arabic digits", "١٢٣", "١٢٣"},
		{"arabic decimal separator", "٣٫٥", "٣٫٥"},
		{"underscores", "__abc__", "abc"},
		{"inner underscore", "a_b", "a_b"},
		{"empty", "", ""},
		{"punctuation only", "!!!", ""},
		{"emoji edges", "🙂hi🙂", "hi"},
		{"math bold", "𝐀𝐁", "ab"},
		{"cjk punctuation", "「你好。」", "你好"},
		{"han with annotation and period", "經(jīng)濟。", "經濟"},
		{"greek final sigma", "ὈΔΥΣΣΕΎΣ", "ὀδυσσεύσ"},
		{"armenian ligature", "և", "եւ"},
		{"kelvin sign", "K", "k"},
		{"angstrom", "Å", "å"},
		{"soft hyphen inside", "co\u00adop", "co\u00adop"},
		{"bom inside", "a\ufeffb", "a\ufeffb"},
		{"lone combining", "\u0301", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, Normalize(tc.src))
		})
	}
}

func TestIsPySpace(t *testing.T) {
	// The characters for which Python 3.11's str.isspace() is true:
	// [chr(c) for c in range(0x110000) if chr(c).isspace()].
	want := []rune{0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
		0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
		0x2028, 0x2029, 0x202f, 0x205f, 0x3000}
	var got []rune
	for r := rune(0); r <= 0x10ffff; r++ {
		if isPySpace(r) {
			got = append(got, r)
		}
	}
	assert.Equal(t, want, got)
}

func TestCasefold(t *testing.T) {
	tests := []struct {
		desc, src, want string
	}{
		// Values of Python 3.11's str.casefold().
		{"ascii", "Hello", "hello"},
		{"sharp s", "ß", "ss"},
		{"final sigma", "ς", "σ"},
		{"cherokee upper stays", "\u13a0\u13f5", "\u13a0\u13f5"},
		{"cherokee lower folds to upper", "\uab70\u13f8", "\u13a0\u13f0"},
		{"cherokee between others", "A\u13a0ß\u13a1Σ", "a\u13a0ss\u13a1σ"},
		{"turkic dotless i untouched", "ı", "ı"},
		{"long s", "ſ", "s"},
		{"greek iota subscript", "ᾳ", "αι"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, casefold(tc.src))
		})
	}
}
