// Package segment reads raw English and Chinese text, including documents
// where the two languages are interleaved, and divides it into paragraphs
// and sentences, each with its language, its byte span in the input, a
// cleaned text and a simplified-script form for matching.
//
// # Paragraphs and languages
//
// A paragraph is a line (lines end at \n, \r\n, \r, U+2028 or U+2029).
// A line holding an English run glued to a Chinese run, such as a caption
// followed by its translation, is divided into two paragraphs at the
// language boundary. Each line is cut into runs of Latin letters and runs
// of Han characters (with CJK punctuation); a two-state search assigns the
// runs to language blocks, paying for every letter kept in a block of the
// other language (a Han character costs 2.5 letters) and for every change of
// language (30 letters, 6 after sentence-final punctuation). So Latin words
// inside Chinese (COVID-19, APEC, iChongqing) stay in the Chinese run, a
// Chinese name inside English stays in the English run, and a title glued
// to its translation ("...as Volunteers重慶市政府外辦...") is cut at the first
// Han character. Lines with neither language (dates, numbers, or only
// punctuation such as "。。。" or "《》": punctuation weighs nothing) become
// paragraphs of language Other.
//
// # Cleanup
//
// Scraped pages sometimes carry the pinyin reading of a character after
// it, in brackets: 經(jīng)貿(mào). Sentence.Text has these removed when the
// bracketed syllable is a reading of the character (readings from Unihan
// through github.com/mozillazg/go-pinyin); 中國(China) and (APEC) stay. The
// original is always input[Start:End]. Signs of a broken encoding (U+FFFD,
// invalid UTF-8, an ASCII '?' inside Chinese text that does not end a
// sentence) set the Mojibake flag; nothing is repaired.
//
// # Script
//
// Chinese sentences get a Script (traditional, simplified, mixed or
// ambiguous) and a Norm in simplified script, made with the OpenCC tables
// (phrases first, then characters: 頭髮 → 头发, 乾淨 → 干净), after Unicode
// NFKC (full-width digits become ASCII). English Norm is NFKC of Text.
//
// # Sentences
//
// English: '.', '!' or '?' (with closing quotes or brackets) ends a
// sentence when a space and then a capital letter, a digit or an opening
// quote follow; when glued to a capital letter after a lower-case word or
// a number ("San Francisco.He said", "since 2020.The"); when glued to a
// digit after a word ("in China.2023 marks"); and at the end of a
// paragraph. Not after abbreviations (Mr., Dr., No., Co., months...),
// initials, dotted abbreviations (U.S., e.g.), numbered list items ("127.
// After"), or an ellipsis inside a sentence. "etc." followed by a capital
// does end a sentence.
//
// Chinese: 。！？ (and '!' or '?' after a Han character that is followed by
// Han text, a quotation mark, space or the end) end a sentence, with any
// closing quotes or brackets; so does an ellipsis closing a quotation
// (……”) or followed directly by Han text. '；' does not.
//
// With the Presplit option, every input line is one sentence (empty lines
// included), so sentence i is line i. Lines then end only at \n, \r\n or
// \r; U+2028 and U+2029 do not end them.
//
// # Input
//
// Input must be UTF-8. Parse rejects input starting with a UTF-16 byte
// order mark, input holding NUL bytes and input that is mostly not UTF-8;
// a UTF-8 byte order mark is allowed and treated as white space.
//
// # Concurrency
//
// A Segmenter is immutable after New and safe for concurrent use. The
// conversion tables are parsed once, on first use.
package segment
