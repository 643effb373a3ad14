package align

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/han"
	"github.com/zhenalign/zhenalign/internal/pinyin"
)

// Item kinds. Each kind has its own weight and its own expectation of being
// found again in a translation.
type kind uint8

const (
	kindNumber   kind = iota // a number or a date part
	kindLatin                // a Latin token written the same on both sides (APEC, COVID-19)
	kindName                 // a romanised name matched through pinyin
	kindPunct                // question and exclamation marks, quotations
	kindWord                 // a dictionary translation
	kindLearned              // a word pair learned from the document
	kindGlossary             // a term of the user's glossary
	numKinds
)

// rawItem is a matchable element of a text before the document's
// vocabulary is known: the keys it can match (any of them), and its kind.
// Once the document's features are extracted, the keys are interned (see
// keyTable) and the item becomes an idItem.
type rawItem struct {
	keys []string
	kind kind
	// pen scales the penalty of the item when it is not matched (1 for
	// most items, less for numbers that are often not written as digits).
	pen float32
	// known marks an item that the other side would express in a way
	// this package can match (a number, a word the dictionary translates),
	// so that its absence from the other side's whole text means something.
	known bool
}

// idItem is a rawItem whose keys are interned: the ids of its keys in the
// document's keyTable.
type idItem struct {
	ids   []uint32
	kind  kind
	pen   float32
	known bool
}

// rawUnit is what a unit (sentence or paragraph) offers for matching,
// computed once from its text.
type rawUnit struct {
	chars int // length in characters, white space excluded
	items []rawItem
	// interned replaces items once the keys are interned (see keyTable).
	interned []idItem
	// names holds, for Chinese units, the pinyin keys of the Han n-grams;
	// they become items only where the other side has such a name.
	// nameIDs replaces names once the keys are interned.
	names   []string
	nameIDs []uint32
	// block is the language block of a paragraph of a mixed document, or
	// -1; solo marks a unit that is never paired (a paragraph in neither
	// language).
	block int32
	solo  bool
	// ends holds what the text ends with (endColon, endQuestion...).
	ends endFlags
	// cuts holds the clause ends inside a sentence, in characters (white
	// space excluded) from its start (see clauseCuts).
	cuts []int32
	// speech marks a text holding a quotation.
	speech bool
	// words holds the Chinese words or English stems of a sentence, for
	// learning word pairs.
	words []string
	// parts, when set, holds the units that this one joins (the sentences
	// of a paragraph, the units of a block of the coarse pass): their
	// interned items and name ids, in order, are this unit's, and its own
	// are empty. See leaves.
	parts []rawUnit
}

// leaves yields the units that hold the items and names of u, in order: u
// itself, or the leaves of each unit it joins.
func (u *rawUnit) leaves(yield func(*rawUnit) bool) { u.walk(yield) }

// walk is leaves, reporting whether yield asked for more.
func (u *rawUnit) walk(yield func(*rawUnit) bool) bool {
	if u.parts == nil {
		return yield(u)
	}
	for i := range u.parts {
		if !u.parts[i].walk(yield) {
			return false
		}
	}
	return true
}

// maxNameChars is the longest Han n-gram tried as a name (艾力更, 依明巴海).
const maxNameChars = 4

// maxReadingCombos caps the pinyin spellings generated for one n-gram.
const maxReadingCombos = 8

// englishFeatures extracts the matchable items of English text.
func englishFeatures(text string, f *extractor) rawUnit {
	u := rawUnit{chars: han.NonSpace(text), block: -1, ends: endsOf(text), cuts: clauseCuts(text), items: f.items[:0], words: f.words[:0]}
	u.items = f.numbers(text, false, u.items)
	u.items = appendPunct(text, false, u.items)
	u.speech = hasQuote(u.items)
	if f.lex != nil {
		u.items = f.lex.englishWords(text, u.items, &u.words)
	}
	if f.opts.glossary != nil {
		u.items = f.opts.glossary.english(text, u.items)
	}
	for tok, capital := range latinTokens(text) {
		low := strings.ToLower(tok)
		if isAcronymish(tok) {
			u.items = append(u.items, rawItem{keys: []string{"l:" + low}, kind: kindLatin, pen: 1})
		}
		if capital && !nameStop[low] && len(low) >= 2 {
			if keys := nameKeys(low); len(keys) > 0 {
				u.items = append(u.items, rawItem{keys: keys, kind: kindName, pen: 1})
			}
		}
	}
	f.keep(&u)
	return u
}

// chineseFeatures extracts the matchable items of Chinese text (in its
// simplified Norm form).
func chineseFeatures(text string, f *extractor) rawUnit {
	u := rawUnit{chars: han.NonSpace(text), block: -1, ends: endsOf(text), cuts: clauseCuts(text), items: f.items[:0], words: f.words[:0]}
	u.items = f.numbers(text, true, u.items)
	u.items = appendPunct(text, true, u.items)
	u.speech = hasQuote(u.items)
	if f.lex != nil {
		u.items = f.lex.chineseWords(text, u.items, &u.words)
	}
	if f.opts.glossary != nil {
		u.items = f.opts.glossary.chinese(text, u.items)
	}
	for tok := range latinTokens(text) {
		if len(tok) >= 2 {
			u.items = append(u.items, rawItem{keys: []string{"l:" + strings.ToLower(tok)}, kind: kindLatin, pen: 1})
		}
	}
	if !f.opts.noNames {
		u.names = hanNgramKeys(text, f.names, u.names)
	}
	f.keep(&u)
	return u
}

// hanNgramKeys appends the pinyin keys ("p:chong qing") of the runs of one
// to maxNameChars Han characters of text that spell a name of the English
// side (names, from nameHash). Spellings are hashed as they are built, so
// that nothing is allocated for the many n-grams that spell no name.
func hanNgramKeys(text string, names map[uint64]string, keys []string) []string {
	if len(names) == 0 {
		return keys
	}
	var han [][]string // the readings of each character of a run
	flush := func() {
		for i := range han {
			keys = appendSpellings(han[i:min(len(han), i+maxNameChars)], names, keys)
		}
		han = han[:0]
	}
	for _, r := range text {
		if rd := pinyin.Readings(r); rd != nil {
			han = append(han, rd)
			continue
		}
		flush()
	}
	flush()
	return keys
}

// appendSpellings appends the keys of names spelt by the readings of the
// characters cs[:1], cs[:2], ..., trying at most maxReadingCombos
// spellings per length.
func appendSpellings(cs [][]string, names map[uint64]string, keys []string) []string {
	var cur, next [maxReadingCombos]uint64
	cur[0] = fnvOffset
	n := 1
	for k, c := range cs {
		m := 0
		for _, h := range cur[:n] {
			if k > 0 {
				h = fnvString(h, " ")
			}
			for _, rd := range c {
				if m == len(next) {
					break
				}
				next[m] = fnvString(h, rd)
				m++
			}
		}
		cur, n = next, m
		for _, h := range cur[:n] {
			if key, ok := names[h]; ok {
				keys = append(keys, key)
			}
		}
	}
	return keys
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// nameHash returns the hash of a name key's spelling ("chong qing" for the
// key "p:chong qing"), as appendSpellings computes it.
func nameHash(key string) uint64 {
	return fnvString(fnvOffset, strings.TrimPrefix(key, "p:"))
}

// latinTokens yields the Latin tokens of text (letters and digits, with
// inner hyphens and apostrophes), and whether each starts with a capital.
func latinTokens(text string) func(func(string, bool) bool) {
	return func(yield func(string, bool) bool) {
		start := -1
		for i := 0; i <= len(text); {
			r, n := rune(0), 1
			if i < len(text) {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			inner := (r == '-' || r == '\'' || r == '’') && start >= 0 && i+n < len(text) && isAlnum(rune(text[i+n]))
			if i < len(text) && (isLatinLetter(r) || unicode.IsDigit(r) && r < 0x80 || inner) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				tok := text[start:i]
				if hasLetter(tok) {
					first, _ := utf8.DecodeRuneInString(tok)
					if !yield(tok, unicode.IsUpper(first)) {
						return
					}
				}
				start = -1
			}
			i += n
		}
	}
}

func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r)
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isAcronymish reports whether an English token is likely to be written
// the same way in a Chinese translation: an acronym (APEC), a token mixing
// letters and digits (COVID-19, H2), or inner capitals (iChongqing, WeChat).
func isAcronymish(tok string) bool {
	upper, lower, digit := 0, 0, 0
	for i, r := range tok {
		switch {
		case unicode.IsUpper(r):
			if i > 0 {
				upper++
			} else if len(tok) > 1 {
				upper++
			}
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
	}
	return (upper >= 2 && upper >= lower) || (digit > 0 && upper+lower > 0) || (upper >= 1 && lower > 0 && !unicode.IsUpper(firstRune(tok)))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// appendPunct appends items for the punctuation that marks the kind of a
// sentence and survives translation: questions, exclamations, quotations.
func appendPunct(text string, zh bool, items []rawItem) []rawItem {
	var q, x, quote bool
	for _, r := range text {
		switch r {
		case '?', '？':
			q = true
		case '!', '！':
			x = true
		case '“', '”', '「', '」', '『', '』', '"':
			quote = true
		case '\'', '‘', '’':
			// In English these are mostly apostrophes; quotations with
			// single marks are found by quotedSingle below.
			if zh {
				quote = true
			}
		}
	}
	if !zh && !quote {
		quote = quotedSingle(text)
	}
	if q {
		items = append(items, rawItem{keys: []string{"?"}, kind: kindPunct, pen: 1})
	}
	if x {
		items = append(items, rawItem{keys: []string{"!"}, kind: kindPunct, pen: 1})
	}
	if quote {
		items = append(items, rawItem{keys: []string{"\""}, kind: kindPunct, pen: 1})
	}
	return items
}

// quotedSingle reports whether English text holds a quotation in single
// marks: a mark at the start of the text or after a space, not an
// apostrophe inside a word.
func quotedSingle(text string) bool {
	prev := ' '
	for i, r := range text {
		if (r == '\'' || r == '‘') && (i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '—') {
			return true
		}
		if (r == '\'' || r == '’') && i+1 == len(text) {
			return true
		}
		prev = r
	}
	return false
}

// nameStop lists capitalised English words that are also pinyin syllables
// but are not names when they start a sentence.
var nameStop = map[string]bool{
	"a": true, "an": true, "he": true, "she": true, "me": true, "we": true, "you": true,
	"can": true, "man": true, "long": true, "hang": true, "ban": true, "fan": true,
	"pan": true, "ran": true, "tan": true, "sang": true, "sun": true, "ten": true,
	"die": true, "lie": true, "tie": true, "pie": true, "bin": true, "pin": true,
	"tin": true, "gong": true, "bang": true, "gang": true, "rang": true,
	"wan": true, "hen": true, "men": true, "den": true, "zen": true, "ha": true,
	"ah": true, "oh": true, "o": true, "e": true, "ai": true, "yo": true, "ye": true,
	"no": true, "so": true, "to": true, "go": true, "do": true, "mr": true,
	"mrs": true, "ms": true, "ma": true, "pa": true, "sea": true, "she's": true,
	"then": true, "than": true, "when": true, "yes": true, "hong": true, "kong": true,
	"china": true, "chinese": true,
}

// extractor holds what feature extraction needs that is shared by the
// units of one alignment.
type extractor struct {
	opts *options
	lex  *lexicon // nil without a dictionary
	// names maps the hashes of the English side's name spellings to their
	// keys; Chinese n-grams are kept only when they spell one of them.
	names map[uint64]string
	// items and words are where the items and words of the unit being
	// extracted are gathered, before keep copies them to the arenas: a
	// slice grown by append holds up to twice what it needs, and a long
	// document's units hold millions of items.
	items   []rawItem
	words   []string
	itemAr  arena[rawItem]
	wordsAr arena[string]
}

// keep copies the items and words of u, gathered in f's slices, to f's
// arenas.
func (f *extractor) keep(u *rawUnit) {
	f.items, f.words = u.items, u.words
	u.items, u.words = nil, nil
	if len(f.items) > 0 {
		u.items = f.itemAr.copy(f.items)
	}
	if len(f.words) > 0 {
		u.words = f.wordsAr.copy(f.words)
	}
}

// addNames records the name keys of English raw units.
func (f *extractor) addNames(us []rawUnit) {
	if f.names == nil {
		f.names = map[uint64]string{}
	}
	for _, u := range us {
		for _, it := range u.items {
			if it.kind != kindName {
				continue
			}
			for _, k := range it.keys {
				f.names[nameHash(k)] = k
			}
		}
	}
}

// numbers appends the number items of text.
func (f *extractor) numbers(text string, zh bool, items []rawItem) []rawItem {
	if f.opts.noNumbers {
		return items
	}
	return appendNumbers(text, zh, items)
}

// endFlags record the punctuation a text ends with. The end of a bead's
// last unit on each side should agree: a heading ending with a colon
// ("财政司致辞的译文：") belongs with what follows it, and a question
// translates a question.
type endFlags uint8

const (
	endColon endFlags = 1 << iota
	endQuestion
	endExclaim
	endQuote
)

// numEnds is the number of end flags.
const numEnds = 4

// endsOf returns the end flags of text.
func endsOf(text string) endFlags {
	var f endFlags
	i := len(text)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch r {
		case '"', '\'', '”', '’', '」', '』', ')', '）', ']', ' ', '\t':
			if r != ' ' && r != '\t' && r != ')' && r != '）' && r != ']' {
				f |= endQuote
			}
			i -= n
			continue
		case ':', '：':
			f |= endColon
		case '?', '？':
			f |= endQuestion
		case '!', '！':
			f |= endExclaim
		}
		break
	}
	return f
}

// nameJoiners are the hyphens and apostrophes inside a romanised name
// ("Kuo-hua", "Xi'an"), removed before splitting it into syllables.
var nameJoiners = strings.NewReplacer("-", "", "'", "", "’", "")

// nameKeys returns the keys ("p:guo hua") of the ways a lower-case name
// token may spell Chinese syllables: as pinyin ("chongqing"), and as
// Wade–Giles, syllable by syllable between hyphens ("kuo-hwa",
// "ch'un-jen", "tsai"), as names from Taiwan and older texts are written.
func nameKeys(tok string) []string {
	var keys []string
	add := func(k string) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, p := range cantonese[tok] {
		add("p:" + p)
	}
	word := nameJoiners.Replace(tok)
	for _, syl := range pinyin.Split(word, 3) {
		add("p:" + strings.Join(syl, " "))
	}
	spell := []string{""}
	for _, part := range strings.Split(tok, "-") {
		cands := pinyin.FromWadeGiles(part)
		if cands == nil {
			return keys
		}
		var next []string
		for _, sp := range spell {
			for _, c := range cands {
				if len(next) < 4 {
					if sp != "" {
						next = append(next, sp+" "+c)
					} else {
						next = append(next, c)
					}
				}
			}
		}
		spell = next
	}
	for _, sp := range spell {
		add("p:" + sp)
	}
	return keys
}

// cantonese maps the Hong Kong spellings of common surnames to the pinyin
// of the characters they usually stand for (Wong 黃 huang, Cheung 張
// zhang), so that names in Hong Kong texts anchor as pinyin names do.
var cantonese = map[string][]string{
	"chan": {"chen"}, "wong": {"huang", "wang"}, "cheung": {"zhang"}, "lee": {"li"}, "li": {"li"},
	"lau": {"liu"}, "leung": {"liang"}, "lam": {"lin"}, "ho": {"he"}, "ng": {"wu"}, "tsang": {"zeng"},
	"tang": {"deng"}, "yip": {"ye"}, "ip": {"ye"}, "chow": {"zhou"}, "lai": {"li", "lai"}, "fung": {"feng"},
	"mak": {"mai"}, "kwok": {"guo"}, "tam": {"tan"}, "cheng": {"zheng"}, "chu": {"zhu"}, "lo": {"lu", "luo"},
	"tse": {"xie"}, "yeung": {"yang"}, "kwan": {"guan"}, "tsui": {"xu"}, "yuen": {"yuan"}, "tong": {"tang"},
	"hui": {"xu"}, "siu": {"xiao"}, "mok": {"mo"}, "choi": {"cai"}, "tsoi": {"cai"}, "so": {"su"},
	"poon": {"pan"}, "tai": {"dai"}, "lui": {"lv"}, "kong": {"jiang"}, "hung": {"hong"}, "shek": {"shi"},
	"szeto": {"si tu"}, "tung": {"dong"}, "law": {"luo"}, "yau": {"qiu", "you"}, "chiu": {"zhao"},
	"man": {"wen"}, "fok": {"huo"}, "liu": {"liao"}, "au": {"ou"}, "yung": {"weng", "rong"},
	"wai": {"wei"}, "kam": {"gan", "jin"}, "kan": {"jian"}, "chung": {"zhong"}, "pang": {"peng"},
	"wan": {"yun", "wen"}, "yim": {"yan"}, "to": {"du"}, "ko": {"gao"}, "sze": {"shi"}, "suen": {"sun"},
}

// clauseCuts returns the ends of the clauses of a sentence, in characters
// (white space excluded) from its start: after a comma, semicolon, colon,
// dash, question or exclamation mark (and a closing quotation mark after
// it), not at the end of the text, nor inside a number (1,700).
func clauseCuts(text string) []int32 {
	var cuts []int32
	n := int32(0)
	total := int32(han.NonSpace(text))
	pending := false
	var prev rune
	for i, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		if pending && !isCloseQuote(r) {
			if n < total {
				cuts = append(cuts, n)
			}
			pending = false
		}
		n++
		switch r {
		case '，', '；', '：', '？', '！', ';', ':', '?', '!', '—':
			pending = true
		case ',':
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			pending = !(unicode.IsDigit(prev) && unicode.IsDigit(next))
		}
		prev = r
	}
	return cuts
}

func isCloseQuote(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '"', '\'', ')', '）':
		return true
	}
	return false
}

// hasQuote reports whether items hold the quotation item of appendPunct.
func hasQuote(items []rawItem) bool {
	for _, it := range items {
		if it.kind == kindPunct && it.keys[0] == "\"" {
			return true
		}
	}
	return false
}
