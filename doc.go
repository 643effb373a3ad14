// Package zhenalign is the root of a module that turns English–Chinese text
// into clean parallel text: sentence and paragraph alignment for
// translation memories and machine-translation training data. The root
// package holds no code; the work is done by its packages:
//
//   - [github.com/zhenalign/zhenalign/segment] splits raw text into
//     paragraphs and sentences, finds the English and Chinese runs and
//     normalises the Chinese script for matching;
//   - [github.com/zhenalign/zhenalign/align] pairs paragraphs and
//     sentences, each link scored with the probability that it is right
//     (Aligner.AlignSources goes from input bytes to an alignment);
//   - [github.com/zhenalign/zhenalign/corpus] writes and reads parallel
//     text (TMX, TSV, Moses, JSONL, ladder) and filters it;
//   - [github.com/zhenalign/zhenalign/batch] aligns folders of documents on
//     all cores;
//   - [github.com/zhenalign/zhenalign/eval] scores an alignment against
//     gold;
//   - [github.com/zhenalign/zhenalign/input] reads documents as people
//     have them (encodings, HTML, DOCX, ODT, EPUB, subtitles) into text;
//   - [github.com/zhenalign/zhenalign/review] is the edit model and the
//     server of the review page.
//
// The command zhenalign (cmd/zhenalign) is a thin layer over them. The
// code is under the Apache License 2.0; the embedded dictionary data keep
// their own licences, listed in the file NOTICE.
package zhenalign
