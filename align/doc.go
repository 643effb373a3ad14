// Package align aligns English and Chinese text: paragraphs, then the
// sentences inside each pair of aligned paragraphs, with links from 1-1 up
// to 1-6/6-1, 2-5/5-2 and 3-4/4-3, and 1-0/0-1 for what is not
// translated. Every sentence of both sides appears in exactly one link, and
// each link has a score in [0,1], the probability that it is right.
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
//	score = log P(a-b) + length + Σ items + ends
//
// Length: x = log((e+2)/(c·z+2)) for z Chinese and e English characters
// (white space excluded), where c, the English characters per Chinese
// character, is estimated from the document and kept within a factor 1.6 of
// 3.1 (3.38 on literary text, 2.98 on news, 3.26 on the Bible). Under
// translation x ~ N(0, 0.01 + 6/(c·z+e+2)) (0.04 + … for paragraphs); for
// unrelated texts x ~ N(0, v), v the variance of log lengths in the
// document. length is the log ratio of the two densities.
//
// Items are what a text offers for matching:
//   - numbers and date parts in either script (15th = 十五日, 2022年11月15日 =
//     November 15th, 2022, 40万 = 400,000, 百余 = over a hundred);
//   - Latin tokens written the same on both sides (COVID-19, APEC);
//   - names: capitalised English words read as pinyin, Wade–Giles or Hong
//     Kong surname spellings, against the pinyin of Han n-grams (王雯 =
//     Wang Wen, 重庆 = Chongqing, 俞国华 = Yu Kuo-hwa; tone marks ignored;
//     traditional script read through segment's simplified Norm);
//   - the marks of questions, exclamations and quotations;
//   - words: the Chinese text is divided into words over the CC-CEDICT
//     headwords (the words go-ego/gse would give; the segmenter and the
//     stems of each word come from an index generated ahead of time and
//     embedded), each word's glosses give English content words, and both
//     these and the English text's words are reduced to stems (plural,
//     -ed, -ing; stop words left out), so 促进 matches "promoted";
//   - word pairs learned from the document (below), and the terms of a
//     user glossary ([WithGlossary]).
//
// An item matched on the other side of the bead adds sc·max(0,
// log(found/chance) - log r); one not matched adds sc·log((1-found)/
// (1-chance)). found is the probability that an item of its kind and side
// survives translation (numbers 0.85, Latin tokens 0.8, names 0.6,
// punctuation 0.75, dictionary words 0.3 for Chinese and 0.35 for
// English, learned pairs 0.3, glossary terms 0.95); chance is the document
// frequency of the item on the other side (smoothed toward 0.05 with the
// weight of 5 units), r the length of the other side of the bead over the
// average (a match in a long text is less surprising); sc is 1, 0.8 for
// dictionary words and learned pairs, and 2 for glossary terms. Like Champollion's tf-idf, a
// rare pair counts more than a common one. Items that nothing on the other
// side could match are dropped; in the paragraph pass, items that the
// other side would express but its whole text lacks are kept (a paragraph
// full of them is likely untranslated), and in every pass, so are numbers
// in digits that the other side lacks (a caption, a byline). Numbers written in words count
// against a pair less than numbers in digits; list markers and weak
// numbers ("one") only count for it. Each unit keeps its 64 rarest items
// (512 for paragraphs).
//
// Ends: a bead whose last units disagree on ending with a colon costs 3,
// on ending a quotation 4: a heading such as "财政司致辞的译文：" belongs
// with what follows it, and a quoted turn of dialogue with its translation.
//
// Both punctuation cues adapt to how each document marks speech: a Chinese
// text may write a turn of dialogue after 说： without quotation marks
// where its English quotes it. An end cue that one side of the document
// never shows is not used, and the found probability of a question,
// exclamation or quotation mark is multiplied by the share of the other
// side's units holding it over the share of its own side's, when that is
// less than 1 (a mark is found in a translation at most as often as the
// other side uses it).
//
// Clauses: in a bead joining several sentences on a side, where that
// side's sentences meet the other side should have a clause boundary
// (after ，；：？！ or , ; : ? ! —) or a sentence boundary at about the
// same share of its text. For each such inner boundary, d is its distance
// to the nearest boundary of the other side (as fractions of the two
// texts), and the bead gains the log ratio of a half-normal density of
// scale 0.1 (translation) to the density of d for a point placed at
// random (2 for each gap between the other side's boundaries longer than
// 2d), at least -4. Beads holding a quotation are left out: translations
// move the attribution of speech ("'Now,' went on Old Hai, 'if you…")
// around the quotation.
//
// Link priors: 1-1 0.80, 1-2 and 2-1 0.06, 1-3 and 3-1 0.01, 2-2 0.005,
// 1-4 and 4-1 0.003, 2-3 and 3-2 0.002, 1-5 and 5-1 0.001, 2-4 and 4-2
// 0.0005, 1-6, 6-1 and 3-3 0.0003, 2-5, 5-2, 3-4 and 4-3 0.0002 (a long
// Chinese sentence is often rendered as several short English ones); a run
// of k omissions on one side (k ≤ 4) is one bead of prior 0.0001·0.3^(k-1),
// since untranslated text comes in passages. Paragraphs: 1-1 0.25, 1-0 and 0-1 0.30, 1-2 and 2-1
// 0.04, 1-3 and 3-1 0.01, 2-2 0.005, re-estimated from a first pass over
// each document (with the weight of 10 links), since the share of
// untranslated paragraphs varies widely. In a mixed document, a paragraph
// and its translation are expected in adjacent language blocks: each block
// further apart costs 2; paragraphs in neither language (dates) are never
// paired. Where the paragraph pass leaves paragraphs of both sides out
// between the same two links, with no paragraph in neither language among
// them (a gap), their sentences are aligned again with the sentence
// priors, the unrelated-texts alternative on (see Search), and a link only
// between sentences that share a word, a number, a name or a Latin token:
// a short pair repeated many times (boilerplate) has words too common in
// the document to count, and the paragraph pass, with its likely
// omissions, would leave every copy out; without a shared item, position
// and length alone would link untranslated bylines and captions that face
// each other. The paragraphs that the gap's sentence links join become
// paragraph links; a gap whose sentences link nothing keeps the paragraph
// pass's omissions. (A repeated pair that shares no item, such as "Thank
// you very much." / "非常感谢。", whose dictionary gloss is "thankful",
// stays out.)
//
// Learning: after a first round, the Chinese words and English stems of
// the 1-1 links scoring at least 0.8 are counted; a pair seen together in
// at least 2 links with a Dice coefficient of at least 0.5 that the
// dictionary lacks becomes a translation (the 3 best per Chinese word),
// and a second round aligns again (Hunalign's realign step does the same
// with its own measure). The sentence link priors are not re-estimated
// from the first round: the omissions it invents would raise their own
// priors, and the second round would invent more.
//
// These constants were set on the development sets as a whole (the seed
// pages, mac-dev, champollion), not per document.
//
// # Ablation
//
// Strict F1 (the paper metric of score_ladder.py in brackets), presplit,
// Chinese first, measured with the CLI's switches on the current model:
//
//	                                        mac-dev (literary)   champollion (news, UN, Hansard)
//	length only ¹                           .552 (.549)          .856 (.834)
//	+ numbers, names, Latin, punctuation    .807 (.804)          .935 (.925)
//	+ dictionary                            .910 (.907)          .969 (.962)
//	+ learned word pairs (default)          .918 (.915)          .974 (.968)
//
// ¹ Without the unrelated-texts alternative (see Search): length alone is
// too little evidence to tell a translation from unrelated text, and with
// it five of the six mac-dev chapters come out unaligned (strict F1 .000,
// champollion .774).
//
// The model's history on the same sets (each step on top of the one
// before; constants set on both sets as a whole):
//
//	                                        mac-dev              champollion
//	link types to 1-4, priors re-estimated  .887 (.884)          .971 (.965)
//	+ link types to 1-6, null priors fixed
//	  at 1e-4, omissions per unit, scores
//	  calibrated                            .916 (.913)          .971 (.963)
//	+ punctuation cues adapted per document .918 (.915)          .971 (.963)
//	+ colon end cue 3 (was 2)               .918 (.915)          .972 (.965)
//	+ clause cue                            .918 (.915)          .974 (.967)
//	+ learned pairs weighed as dictionary
//	  words (0.8, was 1)                    .918 (.915)          .974 (.968)
//
// The last step, to four places: champollion .9738 → .9744, mac-dev the
// same links (.9182), bible/001 .9140 → .9147, bible/006 .8563 → .8562.
//
// Tried and dropped, as they did not pay on both sets together: IBM Model 1
// translation probabilities (estimated by EM on the first round's
// confident links, seeded by the dictionary) as word pairs or as evidence
// (mac-dev up to .920, champollion down to .967), clause re-alignment of
// low-confidence runs, a cost on a quotation opened on one side only, a
// word-order cue, per-document found rates of dictionary words, cheaper
// omissions of sentences without final punctuation, a floor or a heavy tail
// (a mixture with a wide normal) on the length score, a wider length
// variance for links of three or more sentences, the length ratio and
// variance re-estimated per document from the first round's confident
// links, the priors of the link types re-estimated from the first round
// with the omissions' priors held, other priors of the n-m types, decoding
// thresholds and temperatures, other learning thresholds and scales, a
// third round, wider beams (the same links), a separate decoding cost for
// omissions (the wrong ones have posteriors above .8), the translations of
// the parts of long Chinese words, an English–Chinese dictionary
// (ECDICT, 44,000 common words) beside CC-CEDICT, lengths counted without
// punctuation (or punctuation at half weight), the exact chance of a
// match in a long bead (1-(1-chance)^r rather than r·chance, and a miss
// weighed by r too), and a likelier 2-2 link: none raised both sets
// (where champollion gained, at most .0013, mac-dev lost .0015 to .015;
// the others lowered one set or both). The constants sit at an
// optimum of the two sets together; the links still wrong need evidence
// that neither dictionary gives (free renderings, "He helped himself to a
// cake" against 拿起一块点心便吃).
//
// Published strict F1 on the same sets: Gale–Church .44 / .77, Hunalign
// without dictionary .38 / .86, Hunalign with CC-CEDICT .63 / .90,
// Champollion .69 / .96.
//
// # Search
//
// The forward-backward algorithm over the grid of (Chinese, English)
// prefixes gives every possible bead its posterior probability. The model
// assumes that the two texts translate each other; the sum over all paths
// is the likelihood ratio of that against their being unrelated (every
// unit omitted), so that with prior odds of 9 to 1 for a translation the
// posteriors are those of the mixture of the two: two texts that do not
// translate each other get omissions only. The result is the path with
// the largest sum of the probabilities that its links are right, less 0.5
// per link (-0.25 for paragraphs, where an omission is as good an answer
// as a link): maximum expected accuracy decoding. The score of a link is
// its posterior, and that of an omission the probability that its unit is
// omitted, whatever the run that omits it; inside a paragraph link, times
// the paragraph link's. The model treats its cues as independent, so its
// posteriors claim too much: a link's score is its posterior with the
// log-odds multiplied by 0.42, set on the development sets as a whole
// (fitted on mac-dev alone, 0.40, the calibration error on champollion is
// .008; fitted on champollion alone, 0.45, that on mac-dev is .019; 10
// equal-width bins, omissions included). Cells more than 40 (in log
// probability) below the best of their row are not extended, unless that
// cuts every path to the end; 25 in the second round's sentence searches,
// once the learned word pairs sharpen the path (the same links on the dev sets, a fifth
// less time on bible/006; 25 in the first round loses the path of
// bible/006 without the dictionary). Without a dictionary the evidence is
// weaker, and the beam is 60 (bible/006 with --no-dict: strict F1 .686 →
// .754, and 53–69 s → 30–32 s: with 40, window after window failed to
// meet its neighbour's path, until the whole book was searched at once).
//
// Grids larger than [WithMaxCells] are searched coarse-to-fine: blocks of
// consecutive sentences are aligned first, and the sentence search is
// confined to a band around the block path (after Vecalign, Thompson and
// Koehn 2019), so time and memory grow linearly with the input. Each pair of
// units the search can reach is compared once: an inverted index from item
// ids to units finds the pairs that share items, a 64-bit mask per pair
// records which items matched, and a bead's matches are the union of its
// pairs'. The forward pass compares a row's pairs when it gets there, only
// for the columns that beads from cells alive in the beam can touch, and
// keeps the last few rows. It scores each bead once, and keeps the scores of
// the beads starting at alive cells for the backward pass and the decoding.
// The band of a long region is searched in windows that start every 4,096
// Chinese sentences and overlap by 256, each free to start and end at any
// column; the links of two windows are joined at a cell both paths pass
// through (two windows whose paths never meet are searched again as one) (on
// bible/006, the links of one search over the whole band, scores within
// .001). Item keys are interned once after feature extraction, so the
// passes' models (blocks, paragraphs, sentences; two rounds) are built from
// integer ids.
//
// # Concurrency
//
// An Aligner is immutable after New and safe for concurrent use; each call
// allocates its own search state. The embedded dictionary is loaded once,
// on first use (a compact index: about 0.06 s and 4 MB).
//
// One call uses [WithWorkers] goroutines (one per core by default): the
// features of the sentences are extracted in shares, the sentences inside
// the paragraph links are aligned a link per worker, the windows of a long
// search a window per worker, and each row of a search has its beads
// scored in shares. The work is split by index and put
// back in order, so the result is the same, to the last bit of every score,
// whatever the number of workers.
package align
