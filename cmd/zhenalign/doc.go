// Command zhenalign turns English–Chinese text into parallel text: it splits
// documents into sentences, aligns them, and writes translation memories
// and training data.
//
// Usage:
//
//	zhenalign segment [flags] FILE
//	zhenalign align   [flags] MIXED_FILE
//	zhenalign align   [flags] FILE_A FILE_B
//	zhenalign batch   [flags] DIR_OR_FILE...
//	zhenalign convert [flags] IN
//	zhenalign eval    [flags] GOLD PRED
//	zhenalign review  [flags] FILE...
//	zhenalign version
//
// segment prints the paragraphs and sentences of a document (-f jsonl or
// text), with their language, script, clean and simplified text and byte
// span; --presplit takes one sentence per line.
//
// align aligns one document where English and Chinese are interleaved, or
// two documents, one per language, in either order (ids in the output follow
// the order given); --presplit takes files holding one sentence per line.
// --level para writes paragraph links instead of sentence links.
//
// batch aligns every document it finds in folders: mixed files, and pairs
// named NAME.en.txt + NAME.zh.txt, NAME_en + NAME_zh or en/NAME + zh/NAME,
// on -j workers, into one combined output or, with --split, one file per
// document. Failed documents are reported and the exit status is 1.
//
// convert reads a TMX or JSONL file and writes it in another format.
//
// align, batch and convert share the output flags: -f tmx, tsv, moses,
// jsonl or ladder, and for align and convert also text (two columns, the
// default on a terminal); -o OUT (for moses, the prefix of OUT.en and
// OUT.zh); the filters --min-score, --types, --min-ratio, --max-ratio,
// --drop-identical, --drop-no-han, --drop-omissions, --dedup and
// --zh-script; and, for TMX only, --zh-lang.
// align and batch also take --glossary FILE (TSV English<TAB>Chinese
// terms), --dict FILE (a CC-CEDICT-format dictionary) and --no-learn;
// align takes the ablation switches --no-length, --no-numbers, --no-names,
// --no-latin, --no-punct and --no-dict, and -v (how each input was read).
//
// align, batch and segment read plain text in UTF-8, UTF-16, GB18030 or
// Big5, HTML, DOCX, ODT, EPUB, and SRT or WebVTT subtitles (each cue a
// sentence; JSONL output gives the times as en_time and zh_time), the
// format and encoding detected (see package input); --input-format and
// --encoding force them, --notes keeps footnotes. PDF is refused with the
// advice to convert it with pdftotext -layout.
//
// eval scores an alignment against gold: ladder files or folders of them
// (the paper metric, strict and lax P/R/F1, as the reference scorer of the
// development data prints them, and the calibration of the link scores
// when the prediction has them) or JSONL pair files (strict and lax);
// --json prints JSON.
//
// review aligns documents (or loads an alignment, JSONL or TMX) and serves
// a page on the loopback interface where a translator corrects it: merge,
// split, move a sentence, confirm, undo, keyboard first, every edit saved
// to --save before the page shows it; the URL printed carries a random
// token that every request must give. See package review.
//
// Exit status: 0 on success, 1 on an error (a message on standard error),
// 2 on a command-line mistake.
package main
