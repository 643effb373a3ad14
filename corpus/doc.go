// Package corpus reads and writes parallel text: the units an alignment
// produces (an English text, a Chinese text, the ids of their sentences, a
// score and the name of their document) in the formats translators and
// machine-translation pipelines use.
//
// # Writers
//
// Every writer implements [Writer]: Write one [Unit] at a time, then Close
// (which writes what the format needs at the end and flushes; it never
// closes the underlying io.Writer).
//
//   - [TMXWriter]: TMX 1.4b for translation-memory tools (Trados, memoQ,
//     OmegaT), with the score, link type, sentence ids and document as
//     <prop> elements and the Chinese language tag chosen from the script
//     (zh-CN or zh-TW); units with an empty side are left out.
//   - [JSONLWriter]: one JSON object per line, {"en", "zh", "en_ids",
//     "zh_ids", "type", "score", "doc"}.
//   - [TSVWriter]: English, Chinese and score separated by tabs, tabs and
//     line breaks inside the texts escaped as \t and \n.
//   - [MosesWriter]: two line-parallel files for MT toolkits.
//   - [LadderWriter]: "[i,j]:[k]:score" lines, the format of published
//     evaluations (see package eval).
//   - [TextWriter]: two columns side by side, for reading in a terminal.
//
// # Readers
//
// [TMXReader] (TMX 1.1 to 1.4, streaming, in constant memory) and
// [JSONLReader] read units back, with the same Next, Unit and Err methods
// as bufio.Scanner, so that a translation memory can be filtered,
// converted or re-scored. Writing, reading and writing again gives the same
// bytes.
//
// # Filters
//
// A [Filter] keeps the units that pass its options ([MinScore], [Types],
// [LengthRatio], [DropIdentical], [DropNoHan], [DropOmissions], [Dedup])
// and can convert the Chinese side to simplified or traditional script
// ([Script]); [Filter.Writer] applies it in front of any Writer.
package corpus
