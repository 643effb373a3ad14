// Package batch aligns many documents at once: it finds the documents in
// folders (mixed documents, and pairs of files named after their language),
// aligns them on a pool of workers, and delivers the results in input order.
//
// # Finding documents
//
// Discover walks the folders and files it is given. Files whose names say
// their language are paired:
//
//	NAME.en.txt  + NAME.zh.txt      (any extension, or none: NAME.en + NAME.zh)
//	NAME_en.txt  + NAME_zh.txt      (also NAME-en / NAME-zh)
//	DIR/en/NAME  + DIR/zh/NAME
//
// A language-tagged file without its partner is reported as unpaired. Any
// other text file is a mixed document holding both languages. Hidden files
// and files that are not text (by extension: .tmx, .jsonl, .align, .gz,
// .pdf, images...) are skipped. Symbolic links are followed, to files and
// folders; a link looping back to a folder being walked, and a broken
// link, are reported in Plan.Skipped with the reason, and a file reached
// twice (given as an argument and found in a folder, or through a link) is
// one document. Names are sorted, so the order of the documents, and of
// the output, does not depend on the file system.
//
// Each document is named after its file's path relative to the folder it
// was found in (or its base name, for a file given directly), without the
// language tag for a pair. Names are unique and never another file's: when
// documents would share a name, they are all named after their path as
// given to Discover (a mixed file DIR/x and a pair DIR/x.en + DIR/x.zh
// would still share one: the pair's is then numbered "#2").
//
// PlanFiles pairs a list of paths the same way from their names alone,
// for files that cannot be walked or stat'ed (URLs of object stores).
// ReadManifest reads a manifest, a file listing one document a line: PATH
// (a mixed document) or EN_PATH<TAB>ZH_PATH (a pair), each with an
// optional third column NAME.
//
// # Running
//
// Run aligns the documents on n workers and calls back in input order as
// results are ready, so that output can be written as it goes. A document
// that fails (unreadable, empty, binary, no unit at the level asked for)
// gives a Result with its error, naming its files, and the others go on; a
// mixed document in one language only is aligned as omissions, with a
// warning in its Result. Documents are aligned with
// align.Aligner.AlignSources, the path every entry point shares, by
// AlignData, which aligns one document from its files' bytes: Run reads
// the files and calls it, and so does the Apache Beam pipeline (the
// module in beam/) with files read from its file systems.
// Cancelling the context stops Run from starting new documents; those in
// progress finish. An error returned by the callback (a failed write, say)
// stops the run the same way, and Run returns it.
package batch
