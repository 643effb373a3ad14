// Package pinyin gives the toneless Hanyu Pinyin readings of Han characters
// and splits romanised names into pinyin syllables, so that 王雯 can be
// matched with "Wang Wen" and 重慶 with "Chongqing".
//
// Readings come from github.com/mozillazg/go-pinyin (Unihan kMandarin and
// kHanyuPinyin), which covers traditional and simplified characters. The
// tables are built once, on first use, and are read-only afterwards: every
// function is safe for concurrent use.
package pinyin

import (
	"slices"
	"strings"
	"sync"

	gopinyin "github.com/mozillazg/go-pinyin"
)

type tables struct {
	readings  map[rune][]string // toneless, deduplicated, ü written as "v"
	syllables map[string]bool
	maxSyl    int
}

var load = sync.OnceValue(func() *tables {
	t := &tables{readings: make(map[rune][]string, len(gopinyin.PinyinDict)), syllables: map[string]bool{}}
	for cp, rd := range gopinyin.PinyinDict {
		var out []string
		for s := range strings.SplitSeq(rd, ",") {
			s = Toneless(s)
			if s == "" {
				continue
			}
			dup := false
			for _, o := range out {
				if o == s {
					dup = true
				}
			}
			if !dup {
				out = append(out, s)
			}
			t.syllables[s] = true
			t.maxSyl = max(t.maxSyl, len(s))
		}
		t.readings[rune(cp)] = out
	}
	// Interjections are not spelt in names, and would split "Chongqing"
	// into "chong qi ng".
	for _, s := range []string{"ng", "n", "m", "hm", "hng", "o", "ê", "e"} {
		delete(t.syllables, s)
	}
	// Spellings used in names for ü: Lü = Lu = Lv = Lyu.
	for s := range t.syllables {
		if strings.Contains(s, "v") {
			t.syllables[strings.ReplaceAll(s, "v", "u")] = true
			t.syllables[strings.ReplaceAll(s, "v", "yu")] = true
		}
	}
	return t
})

// Readings returns the toneless readings of r ("zhong", "chong" for 重),
// with ü written "v", or nil when r is not a Han character with a known
// reading. The slice is shared: do not modify it.
func Readings(r rune) []string {
	return load().readings[r]
}

// IsSyllable reports whether s (lower case, toneless) is a pinyin syllable.
func IsSyllable(s string) bool {
	return load().syllables[s]
}

// Toneless removes tone marks from a pinyin syllable and writes ü as "v".
func Toneless(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch c {
		case 'ā', 'á', 'ǎ', 'à':
			c = 'a'
		case 'ē', 'é', 'ě', 'è', 'ê':
			c = 'e'
		case 'ī', 'í', 'ǐ', 'ì':
			c = 'i'
		case 'ō', 'ó', 'ǒ', 'ò':
			c = 'o'
		case 'ū', 'ú', 'ǔ', 'ù':
			c = 'u'
		case 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü':
			c = 'v'
		case 'ń', 'ň', 'ǹ':
			c = 'n'
		case 'ḿ':
			c = 'm'
		case '\u0304', '\u0301', '\u030c', '\u0300':
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Split returns the ways of writing word (lower-case ASCII letters) as a
// sequence of pinyin syllables, at most limit of them, preferring fewer
// syllables. "chongqing" gives [chong qing]; "xian" gives [xian] and
// [xi an]; "belarus" and "" give nothing. Apostrophes and hyphens must be removed
// by the caller.
func Split(word string, limit int) [][]string {
	if word == "" {
		return nil
	}
	t := load()
	// ok[i]: word[i:] can be written as syllables; the search below then
	// never enters a dead end, so its cost is bounded by limit×len(word).
	ok := make([]bool, len(word)+1)
	ok[len(word)] = true
	for i := len(word) - 1; i >= 0; i-- {
		for n := 1; n <= t.maxSyl && i+n <= len(word); n++ {
			if ok[i+n] && t.syllables[word[i:i+n]] {
				ok[i] = true
				break
			}
		}
	}
	if !ok[0] {
		return nil
	}
	var out [][]string
	var cur []string
	var rec func(i int)
	rec = func(i int) {
		if len(out) >= limit {
			return
		}
		if i == len(word) {
			out = append(out, append([]string(nil), cur...))
			return
		}
		for n := min(t.maxSyl, len(word)-i); n >= 1; n-- {
			if ok[i+n] && t.syllables[word[i:i+n]] {
				cur = append(cur, word[i:i+n])
				rec(i + n)
				cur = cur[:len(cur)-1]
			}
		}
	}
	rec(0)
	return out
}

// wgQuotes folds the apostrophes of aspiration to "'" and ü to v;
// wgFinals respells Wade–Giles finals in pinyin. Replacers are safe for
// concurrent use.
var (
	wgQuotes = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "ü", "v")
	wgFinals = strings.NewReplacer("ieh", "ie", "ien", "ian", "iung", "iong", "ung", "ong", "uei", "ui", "wa", "ua", "ueh", "ue")
)

// FromWadeGiles converts one Wade–Giles syllable (lower case: "ch'un",
// "hsu", "kuo", "shih") to the pinyin syllables it may stand for. With the
// apostrophe of aspiration, the answer is one syllable; without it, as
// names are usually printed ("Tsai", "Chen"), both readings are given:
// "tsai" gives zai and cai. Spellings of Taiwanese names that bend the
// system ("hwa", "teh") are accepted. Nil when nothing fits.
func FromWadeGiles(s string) []string {
	s = wgQuotes.Replace(s)
	if s == "" {
		return nil
	}
	if p, ok := wgWhole[s]; ok {
		return []string{p}
	}
	var out []string
	add := func(p string) {
		if IsSyllable(p) && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, r := range wgInitials {
		if !strings.HasPrefix(s, r.wg) {
			continue
		}
		rest := s[len(r.wg):]
		for _, ini := range r.py {
			add(wgSyllable(ini, rest))
		}
		break
	}
	if len(out) == 0 {
		add(wgSyllable("", s))
	}
	return out
}

// wgSyllable joins a pinyin initial (in its Wade–Giles class: "zh" and
// "ch" become j and q before i and ü; "x" is hs) to the Wade–Giles final.
func wgSyllable(ini, rest string) string {
	switch {
	case rest == "ih" && (ini == "zh" || ini == "ch" || ini == "sh" || ini == "r"):
		return ini + "i"
	case rest == "u" && (ini == "z" || ini == "c" || ini == "s"):
		return ini + "i" // tzu, tz'u, szu
	case rest == "o" && (ini == "g" || ini == "k" || ini == "h"):
		return ini + "e" // ko, k'o, ho
	case rest == "eh" && ini != "":
		return ini + "e"
	}
	front := strings.HasPrefix(rest, "i") || strings.HasPrefix(rest, "v") || strings.HasPrefix(rest, "yu")
	switch {
	case ini == "zh" && front:
		ini = "j"
	case ini == "ch" && front:
		ini = "q"
	}
	if (ini == "j" || ini == "q" || ini == "x") && strings.HasPrefix(rest, "yu") {
		rest = "u" + rest[2:]
	}
	rest = wgFinals.Replace(rest)
	return ini + rest
}

// wgInitials maps Wade–Giles initials to pinyin, longest first. Without an
// apostrophe an initial may be unaspirated as written or aspirated with the
// apostrophe dropped, so both are listed.
var wgInitials = []struct {
	wg string
	py []string
}{
	{"ch'", []string{"ch"}}, {"ts'", []string{"c"}}, {"tz'", []string{"c"}}, {"k'", []string{"k"}},
	{"p'", []string{"p"}}, {"t'", []string{"t"}},
	{"ch", []string{"zh", "ch"}}, {"hs", []string{"x"}}, {"sh", []string{"sh"}},
	{"ts", []string{"z", "c"}}, {"tz", []string{"z", "c"}}, {"ss", []string{"s"}},
	{"k", []string{"g", "k"}}, {"p", []string{"b", "p"}}, {"t", []string{"d", "t"}}, {"j", []string{"r"}},
	{"m", []string{"m"}}, {"f", []string{"f"}}, {"n", []string{"n"}}, {"l", []string{"l"}},
	{"h", []string{"h"}}, {"s", []string{"s"}}, {"w", []string{"w"}}, {"y", []string{"y"}},
}

// wgWhole lists whole syllables that the rules above would get wrong.
var wgWhole = map[string]string{
	"erh": "er", "yeh": "ye", "yen": "yan", "yu": "yu", "yung": "yong", "jih": "ri",
	"szu": "si", "ssu": "si", "tzu": "zi", "tz'u": "ci", "hwa": "hua", "hwang": "huang",
	"teh": "de", "yi": "yi", "i": "yi", "ou": "ou", "en": "en", "an": "an", "ang": "ang",
}
