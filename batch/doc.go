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
// .pdf, images...) are skipped. Names are sorted, so the order of the
// documents, and of the output, does not depend on the file system.
//
// # Running
//
// Run aligns the documents on n workers and calls back in input order as
// results are ready, so that output can be written as it goes. A document
// that fails (unreadable, empty, binary, one language only) gives a Result
// with its error and the others go on. Cancelling the context stops Run
// from starting new documents; those in progress finish.
package batch
