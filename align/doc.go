// Package align aligns English and Chinese text: paragraphs, then the
// sentences inside each pair of aligned paragraphs, with links from 1-1 up
// to 1-4/4-1 and 2-2/2-3/3-2, and 1-0/0-1 for what is not translated. Every
// sentence of both sides appears in exactly one link, and each link has a
// score in [0,1], its probability under the model.
//
// # Inputs
//
// [Aligner.Align] aligns two lists of sentences (for example the lines of
// two files already split one sentence per line, see segment.Presplit).
// [Aligner.AlignDocuments] aligns two documents, paragraphs first when both
// have several. [Aligner.AlignMixed] aligns the English and the Chinese
// paragraphs of one document where they are interleaved, as on bilingual
// web pages. The language of each side is detected; the order of the sides
// in the result is the caller's.
//
// # Model
//
// A bead joins a Chinese units to b English units (units are sentences or
// paragraphs). Its score is a sum of log-likelihood ratios, "translation"
// against "two unrelated texts", plus the log prior of its type:
//
//	score = log P(a-b) + length + Σ items
//
// Length: x = log((e+2)/(c·z+2)) for z Chinese and e English characters
// (white space excluded), where c, the English characters per Chinese
// character, is estimated from the document and kept within a factor 1.6 of
// 3.1 (3.38 on literary text, 2.98 on news, 3.26 on the Bible). Under
// translation x ~ N(0, 0.04 + 6/(c·z+e+2)); for unrelated texts x ~ N(0, v)
// with v the variance of log lengths in the document. length is the log
// ratio of the two densities.
//
// Items are what a sentence offers for matching: numbers and date parts in
// either script (15th = 十五日, 2022年11月15日 = November 15th, 2022, 40万 =
// 400,000, 百余 = over a hundred); Latin tokens written the same on both
// sides (COVID-19, APEC); names, the pinyin of Han n-grams against
// capitalised English words split into pinyin syllables (王雯 = Wang Wen,
// 重庆 = Chongqing; tone marks ignored, traditional script read through
// segment's simplified Norm); and the marks of questions, exclamations and
// quotations. An item found on the other side of the bead adds
// log(found/chance); one not found adds log((1-found)/(1-chance)), where
// found is the probability that an item of its kind survives translation
// (numbers 0.85, Latin tokens 0.8, names 0.6, punctuation 0.75) and chance
// the probability that a random unit of the other side holds it, from its
// document frequency there (for a bead whose other side has b units,
// 1-(1-chance)^b). Items that nothing on the other side could match are
// dropped. Numbers written in words count against a pair less than numbers
// in digits; list markers and weak numbers ("one") only count for it.
//
// Link priors: 1-1 0.80, 1-2 and 2-1 0.06, 1-0 and 0-1 0.02, 1-3 and 3-1
// 0.01, 2-2 0.005, 1-4 and 4-1 0.003, 2-3 and 3-2 0.002. Paragraphs: 1-1
// 0.25, 1-0 and 0-1 0.30, 1-2 and 2-1 0.04, 1-3 and 3-1 0.01, 2-2 0.005,
// re-estimated from a first pass over each document (with the weight of 10
// links), since the share of untranslated paragraphs varies widely. In a
// mixed document, a paragraph and its translation are expected in adjacent
// language blocks: each block further apart costs 2; paragraphs in neither
// language (dates) are never paired.
//
// These constants were set on the development sets as a whole (the seed
// pages, mac-dev, champollion), not per document.
//
// # Search
//
// The forward-backward algorithm over the grid of (Chinese, English)
// prefixes gives every possible bead its posterior probability; the result
// is the path with the largest sum of posteriors less 0.5 per bead
// (-0.25 for paragraphs, where an omission is as good an answer as a link):
// maximum expected accuracy decoding. The score of a link is its posterior;
// inside a paragraph link, times the paragraph link's.
//
// Grids larger than [WithMaxCells] are searched coarse-to-fine: blocks of
// consecutive sentences are aligned first, and the sentence search is
// confined to a band around the block path (after Vecalign, Thompson and
// Koehn 2019), so time and memory grow linearly with the input. Each pair of
// sentences in the band is compared once: an inverted index from item ids
// to sentences finds the pairs that share items, and a bead's matches are
// the union of its pairs' matches.
//
// # Concurrency
//
// An Aligner is immutable after New and safe for concurrent use; each call
// allocates its own search state.
package align
