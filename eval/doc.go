// Package eval scores sentence alignments against gold alignments.
//
// It reimplements, number for number, the reference scorers that the
// project's results are reported with: tools/score_ladder.py (links in
// ladder format, "[i,j]:[k]"), tools/score_pairs.py (aligned text pairs
// in JSONL) and tools/calib.py (calibration of link scores). Every count,
// every rounding and every printed line is meant to be identical to the
// Python output, so results from either can be compared directly.
//
// # Ladder scoring
//
// [ReadLadder] reads one link per line, [ScoreLadders] micro-averages over
// documents three metrics:
//
//   - paper: exact links, null links counted (aligner-eval utils/eval.py, the
//     metric of the published Bertalign MAC-Test table);
//   - strict and lax: vecalign's score.py (Sennrich & Volk 2011), where lax
//     also credits a predicted link that shares a source–target edge with
//     gold.
//
// [ScoreLadderPaths] accepts a file or a directory pair like the Python main.
//
// # Calibration
//
// A link's score is meant as the probability that the link is right.
// [Calibrate] checks that on predicted links carrying scores (the ladder
// format zhenalign writes, "[i,j]:[k]:0.9990", read by
// [ReadScoredLadder]) as calib.py does: a link is right when it is exactly
// a gold link, scores fall into ten bins of width 0.1, and the expected
// calibration error (ECE) weighs each bin's distance between mean score
// and share right by its links. It reports all links and the null links
// alone, with their bins ([Calibration]). [CalibrateLadderPaths] takes a
// file or a directory pair like ScoreLadderPaths.
//
// # Pair scoring
//
// [ReadPairs] reads {"en": ..., "zh": ...} objects into [corpus.Unit]
// values, the type package corpus writes and filters, so the units of an
// alignment ([corpus.FromAlignment]) score directly. [ScorePairs] compares
// the pairs after [Normalize] (NFKC, pinyin annotations after a Han character
// removed, whitespace removed, case folded, edge punctuation stripped):
// strict counts equal pairs, lax counts pairs whose two sides each overlap
// the same gold pair (one contains the other, or Python difflib's
// SequenceMatcher ratio is at least 0.8).
//
// # Fidelity to Python
//
// Character classes follow Python's str methods: whitespace is str.isspace,
// word characters are str.isalnum plus "_", case folding is str.casefold.
// The Unicode tables are Go's (Unicode 15.0); a Python built on another
// Unicode version can differ on characters assigned in between (Python 3.11
// uses Unicode 14.0, so for example CJK Extension H characters are letters
// here and punctuation there). Lines split on "\n", "\r\n" and "\r" as in
// Python's text mode. A UTF-8 byte order mark at the start of a file is
// skipped, where the Python scripts stop with an error.
//
// JSON is read with encoding/json, which reads the same pairs as Python's
// json.loads with one divergence: Python also accepts the literals NaN,
// Infinity and -Infinity as numbers (its json.dumps writes them for float
// NaN and infinities), and [ReadPairs] reports them as [ErrNotJSON], since
// JSON has no such numbers and zhenalign never writes them. Two corner
// cases differ as well: a lone UTF-16 surrogate escape ("\ud800"), which
// Python keeps as a surrogate code point, is read as U+FFFD, and values
// nested deeper than Python's recursion limit (about 1000 levels), where
// Python stops with a RecursionError, are read up to encoding/json's
// 10000.
//
// Calibration takes scores in [0,1] only ([ErrBadScore]): calib.py stops on
// NaN and infinities, but puts scores above 1 into the last bin and some
// negative ones, by Python's negative list indexing, into other bins.
// Scores are summed left to right, as Python's sum() does up to 3.11
// (Python 3.12 compensates the rounding errors, which can change a last
// digit).
//
// # Concurrency
//
// The package has no mutable state; all functions are safe for concurrent
// use.
package eval
