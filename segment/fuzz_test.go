package segment_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/segment"
)

// FuzzParse checks that Parse never panics and that its spans are ordered,
// not overlapping, inside the input and on UTF-8 boundaries, with invalid
// bytes kept in some span.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "He came. She left.", "雙方近50家企業代表出席論壇。Nearly 50 attended.",
		"經(jīng)貿(mào)合作。", "Co., Ltd. with\r\nthe Park.", "\xff\xfe\xfd", "a\x80b. C?d", "中國(China)(APEC)",
		"'I... I... can't.' 韦小宝道：“不过…… 不过……”", "\ufeff\u2028x\u2029",
		"He toured the USA.”Then 「Wait...」 Go.", "。。。\n——\n《》", "\xff\xfeh\x00", "\xfe\xff\x00h",
		"One\u2028two\rthree\r\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, src []byte, presplit bool) {
		var opts []segment.Option
		if presplit {
			opts = append(opts, segment.Presplit())
		}
		doc, err := segment.Parse(src, opts...)
		if err != nil {
			return
		}
		prev := 0
		covered := make([]bool, len(src))
		starts := runeStarts(src)
		for i, s := range doc.Sentences {
			if s.Start < prev || s.End < s.Start || s.End > len(src) {
				t.Fatalf("sentence %d span [%d,%d) after %d in %d bytes", i, s.Start, s.End, prev, len(src))
			}
			if !starts[s.Start] || !starts[s.End] {
				t.Fatalf("sentence %d span [%d,%d) not on rune boundaries", i, s.Start, s.End)
			}
			if s.Para < 0 || s.Para >= len(doc.Paragraphs) {
				t.Fatalf("sentence %d in paragraph %d of %d", i, s.Para, len(doc.Paragraphs))
			}
			for k := s.Start; k < s.End; k++ {
				covered[k] = true
			}
			prev = s.End
		}
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n == 1 && !covered[i] {
				t.Fatalf("invalid byte at %d dropped", i)
			}
			i += n
		}
		if presplit {
			// Only \n, \r\n and \r end a line: U+2028 and U+2029 do not.
			lines := 0
			for i := 0; i < len(src); lines++ {
				j := i
				for j < len(src) && src[j] != '\n' && src[j] != '\r' {
					j++
				}
				switch {
				case j+1 < len(src) && src[j] == '\r' && src[j+1] == '\n':
					j += 2
				case j < len(src):
					j++
				}
				i = j
			}
			if len(doc.Sentences) != lines {
				t.Fatalf("presplit: %d sentences for %d lines", len(doc.Sentences), lines)
			}
		}
		// A paragraph is English or Chinese exactly when it holds a letter
		// or a Han character; punctuation alone makes it Other.
		for i, p := range doc.Paragraphs {
			if hasWeight(src[p.Start:p.End]) != (p.Lang != segment.Other) {
				t.Fatalf("paragraph %d %q has language %s", i, src[p.Start:p.End], p.Lang)
			}
			for _, s := range doc.Sentences[p.First : p.First+p.Count] {
				if s.Lang != p.Lang {
					t.Fatalf("paragraph %d of language %s holds a sentence of language %s", i, p.Lang, s.Lang)
				}
			}
		}
		// Empty is true exactly when the input is only white space.
		if doc.Empty() != onlySpace(src) {
			t.Fatalf("Empty() = %v for %q", doc.Empty(), src)
		}
		for _, s := range doc.Sentences {
			_ = s.Flags.String() // must not panic
		}
	})
}

// hasWeight reports whether b holds a Latin letter or a Han character.
func hasWeight(b []byte) bool {
	for _, r := range string(b) {
		if unicode.Is(unicode.Latin, r) || han.Is(r) {
			return true
		}
	}
	return false
}

// onlySpace reports whether b holds nothing but white space (the UTF-8
// byte order mark included).
func onlySpace(b []byte) bool {
	for _, r := range string(b) {
		if !unicode.IsSpace(r) && r != '\ufeff' {
			return false
		}
	}
	return true
}

// runeStarts marks the offsets at which decoding src rune by rune stops
// (an invalid byte counts as one rune), and len(src).
func runeStarts(src []byte) []bool {
	starts := make([]bool, len(src)+1)
	for i := 0; i < len(src); {
		starts[i] = true
		_, n := utf8.DecodeRune(src[i:])
		i += n
	}
	starts[len(src)] = true
	return starts
}

// FuzzScriptOf checks that ScriptOf gives the script Parse with Presplit
// gives the first sentence.
func FuzzScriptOf(f *testing.F) {
	for _, s := range []string{"", "头发干净。", "頭髮乾淨。", "  中文 English words here\r\n第二行", "\n中文", "\x00中文", "\xff\xfe中", "Ab 中文字"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := segment.NoScript
		if doc, err := segment.Parse([]byte(s), segment.Presplit()); err == nil && len(doc.Sentences) > 0 {
			want = doc.Sentences[0].Script
		}
		if got := segment.ScriptOf(s); got != want {
			t.Fatalf("ScriptOf(%q) = %v, Parse gives %v", s, got, want)
		}
	})
}
