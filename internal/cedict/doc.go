// Package cedict is an embedded, compressed CC-CEDICT Chinese–English
// dictionary, prepared for lexical sentence alignment (which English words
// can translate a Chinese word) and for pinyin readings of characters.
//
// [Default] returns the dictionary embedded in the package, decompressed
// and parsed once; [Parse] reads another dictionary in CEDICT text format.
// A [Dict] is immutable and safe for concurrent use.
//
// # Data
//
// The embedded data is CC-CEDICT (https://cc-cedict.org/, published by
// MDBG under the Creative Commons Attribution-ShareAlike 4.0 licence; see
// LICENSE.cedict beside this file), taken from the npm package named by
// [DataSource], snapshot [DataDate]. gen.go converts it back to CEDICT text
// ("TRAD SIMP [pin1 yin1] /sense/sense/"), sorted by simplified headword,
// and stores it gzip-compressed; run "go generate" to rebuild it.
//
// # Glosses and words
//
// Every raw sense of an entry ([Entry.Senses]) is cleaned into glosses
// ([Entry.Glosses]), short lower-cased English phrases, and the content
// words of those glosses ([Entry.Words]) are kept for matching single
// English words. The rules, in the order they apply to one sense:
//
//  1. A sense starting with "CL:" (classifiers) is dropped.
//  2. Parenthetical remarks, "(...)" and "（...）", nested or not, are
//     removed: "hair (on the head)" → "hair". The raw sense keeps them.
//  3. The sense is split at ";", which CEDICT puts between near-synonyms:
//     "to promote; to advance" → "to promote", "to advance".
//  4. Each part loses leading "lit.", "fig." and "abbr." (with a "for",
//     "of" or "to" after it), then a leading "to " (infinitive marker):
//     "to advance" → "advance".
//  5. A part is dropped when it is a cross reference or a note rather than
//     a translation: "... variant of X" with X in Chinese characters (the
//     reference is kept in [Entry.VariantOf]); "see X", "see also X",
//     "same as X", "also written X", "also pr. [...]", "also called X" and
//     the like when X is Chinese or bracketed pinyin; "surname ...",
//     "two-character surname ..."; "classifier for ...", "measure word
//     for ..."; and usage notes "used in ...", "used as ...", ... (but not
//     "used to" or "used up").
//  6. Chinese characters, "|" and bracketed pinyin ("[Zhong1 guo2]") are
//     removed, double quotes dropped, spaces collapsed, the ends trimmed of
//     spaces and ",.:", and the text lower-cased. What is left, if
//     anything, is a gloss; an entry keeps each gloss once.
//
// The content words of a gloss are its tokens (runs of letters and digits,
// keeping inner "-", "'" and "." as in "well-known", "don't", "u.s") less a
// trailing "'s" and less function words (articles, prepositions,
// conjunctions, forms of "be", "sb", "sth", "one's", "etc", ...); a
// hyphenated word also gives its parts. "economic and trade" gives
// "economic" and "trade". A gloss with more than six content words is an
// explanation rather than a translation, and gives none. Words are not
// lemmatised.
//
// # Lookups
//
// [Dict.Lookup] finds entries by simplified or traditional headword,
// [Dict.Words] the English words for a Chinese word (following "variant
// of" references one step), [Dict.Readings] the pinyin of a character, and
// [Dict.Headwords] lists the simplified headwords, for loading a word
// segmenter.
package cedict
