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
//     OmegaT), valid against the TMX 1.4b DTD, with a unique tuid and a
//     creationdate per unit, the score, link type, sentence ids and
//     document as <prop> elements, and one Chinese language tag per file,
//     chosen from the dominant script (zh-CN or zh-TW); units with an
//     empty side are left out.
//   - [XLIFFWriter]: XLIFF 1.2 for bilingual review in a CAT tool, one
//     <file> per document, the target's state from the score.
//   - [XLSXWriter]: an Excel workbook for reviewers, low scores
//     highlighted.
//   - [ParquetWriter]: Apache Parquet for data pipelines, written in row
//     groups as it goes.
//   - [JSONLWriter]: one JSON object per line, {"en", "zh", "en_ids",
//     "zh_ids", "type", "score", "doc"}.
//   - [HFWriter]: the JSON lines Hugging Face datasets loads as a
//     translation set, {"translation": {"en", "zh"}}.
//   - [TSVWriter]: English, Chinese and score separated by tabs, tabs and
//     line breaks inside the texts escaped as \t and \n.
//   - [MosesWriter]: two line-parallel files for MT toolkits.
//   - [LadderWriter]: "[i,j]:[k]:score" lines, the format of published
//     evaluations (see package eval).
//   - [TextWriter]: two columns side by side, for reading in a terminal.
//
// One [WriterOption] type configures every writer; each writer documents
// the options it uses ([CreationDate], [ChineseLang], [SourceLang],
// [WithHash], [ReviewBelow]...).
//
// # Readers
//
// [TMXReader] (TMX 1.1 to 1.4, streaming, in constant memory),
// [XLIFFReader], [JSONLReader] (also Hugging Face rows) and [TSVReader]
// read units back, with the same Next, Unit and Err methods as
// bufio.Scanner, so that a translation memory can be filtered, converted
// or re-scored. Writing, reading and writing again gives the same bytes.
//
// # Hashes
//
// [Hash] is bifixer's hash of a pair (xxh64 of en + "\t" + zh), the same
// in every run, so that deduplication can be shared with bifixer and
// bicleaner pipelines; [NearHash] hashes the texts normalised as bifixer's
// aggressive mode does, without its transliteration.
//
// # Filters
//
// A [Filter] keeps the units that pass its options ([MinScore], [Types],
// [LengthRatio], [DropIdentical], [DropNoHan], [DropOmissions], [Dedup],
// [DedupSide], [DedupNear])
// and can convert the Chinese side to simplified or traditional script
// ([Script]); [Filter.Writer] applies it in front of any Writer.
package corpus
