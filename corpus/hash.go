package corpus

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/text/unicode/norm"
)

// HashMode says which texts a hash is computed from.
type HashMode uint8

// Hash modes.
const (
	// ExactHash hashes the texts as they are: bifixer's hash.
	ExactHash HashMode = iota
	// NearDup hashes the texts normalised by [NearDupText], so that units
	// differing only in case, punctuation, digits, spacing or accents get
	// the same hash: the idea of bifixer's aggressive deduplication.
	NearDup
)

// Hash returns the hash bifixer (github.com/bitextor/bifixer, file
// src/bifixer/bifixer.py) gives a sentence pair for deduplication:
// xxh64, seed 0, of the UTF-8 bytes of en + "\t" + zh. bifixer computes it
// on the texts after its own fixes (character repair, punctuation
// normalisation, and always stripping spaces and newlines at both ends);
// zhenalign's texts are trimmed already, so on zhenalign's output run
// through bifixer with its fixes switched off, the two hashes agree. The
// value is the same in every run and on every machine, so that it can be
// shared with bifixer and bicleaner pipelines; [HashString] formats it as
// bifixer prints it.
func Hash(en, zh string) uint64 {
	var d xxhash.Digest
	d.Reset()
	d.WriteString(en)
	d.WriteString("\t")
	d.WriteString(zh)
	return d.Sum64()
}

// NearHash returns Hash of the two texts normalised by [NearDupText]: the
// same value for units that differ only in case, punctuation, digits,
// white space and accents. bifixer's aggressive mode (--aggressive_dedup)
// hashes its texts the same way after lower-casing them, removing every
// character that is not a letter and transliterating the rest to ASCII
// with unidecode; zhenalign does not transliterate (see NearDupText), so
// its near hashes are not bifixer's aggressive ones.
func NearHash(en, zh string) uint64 {
	return Hash(NearDupText(en), NearDupText(zh))
}

// HashString formats a hash as bifixer writes it (Python's hexdigest): 16
// lower-case hex digits.
func HashString(h uint64) string {
	s := strconv.FormatUint(h, 16)
	if len(s) < 16 {
		s = strings.Repeat("0", 16-len(s)) + s
	}
	return s
}

// hashOf returns the hash of u in mode m.
func hashOf(u Unit, m HashMode) uint64 {
	if m == NearDup {
		return NearHash(u.EN, u.ZH)
	}
	return Hash(u.EN, u.ZH)
}

// NearDupText returns s lower-cased, decomposed (NFKD, so that "é" loses
// its accent and full-width "Ａ" becomes "a") and stripped of every
// character that is not a letter (Unicode category L): punctuation,
// digits, symbols, marks and white space go. This is bifixer's aggressive
// normalisation (lower(), then removing the characters whose category does
// not start with L) without its last step, unidecode's transliteration to
// ASCII: that step would make Chinese homophones equal (中 and 忠 both
// become "Zhong"). Simplified and traditional script stay different; a
// Filter that converts the script (ConvertScript) does so before it
// deduplicates.
func NearDupText(s string) string {
	s = norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
