// Package input turns documents as people have them into the UTF-8 text
// that package segment reads: plain text in UTF-8, UTF-16, GB18030 or Big5,
// HTML pages, Word (DOCX) and OpenDocument (ODT) files, EPUB books and
// SubRip or WebVTT subtitles.
//
//	t, err := input.ReadFile("report.en.docx")
//	doc, err := segment.Parse(t.Data)
//
// [Read] takes the bytes of a document and a name (for errors and the
// extension), [ReadFile] a path and [ReadAll] a reader; all three return a
// [Text]: the text, one paragraph per line, and what was found on the way
// (format, encoding, subtitle cue times, language hints).
//
// # Formats
//
//   - text: kept as it is, only decoded to UTF-8.
//   - html (and XHTML): block elements (p, div, h1…h6, li, td, th…) become
//     lines, and so does <br>; runs of white space collapse to one space,
//     and a line break between two Chinese characters to nothing (as CSS
//     renders it); <pre> keeps its white space. Left out with their content:
//     head, script, style, noscript, template, nav, aside, footer, form and
//     its controls, iframe, object, svg, math, audio, video, ruby
//     annotations (rt, rp: pinyin over characters); header unless inside
//     article, main, section or blockquote (where it holds the article's
//     title); elements that are hidden (hidden attribute,
//     aria-hidden="true", display:none, visibility:hidden); elements whose
//     ARIA role marks site furniture (navigation, banner, contentinfo,
//     complementary, search, menu, menubar, toolbar) and whose class or id
//     is one of nav, navbar, navigation, menu, breadcrumb(s), sidebar,
//     footer, copyright, skip-link; note references and back links; notes
//     (unless [WithNotes]). Character references are decoded. lang and
//     xml:lang attributes become [LangHint] spans.
//   - docx: word/document.xml (or the part the package's officeDocument
//     relationship names, such as word/document2.xml), one line per paragraph (w:p, so one per
//     table cell paragraph too), runs joined as they are, w:tab as a tab,
//     w:br and w:cr as line ends. Left out: hidden runs (w:vanish), deleted
//     and moved-away text of tracked changes, field codes, the fallback
//     copy of alternate content, headers, footers, comments, and
//     footnotes and endnotes (after the body with [WithNotes]).
//   - odt: content.xml, one line per text:p and text:h, white space
//     collapsed as ODF says, text:s, text:tab, text:line-break kept. Left
//     out: annotations, tracked deletions, tables of contents and indexes,
//     frame titles and descriptions, notes (after the body with
//     [WithNotes]).
//   - epub: the documents of the spine, in order, each read as XHTML (as
//     HTML when it is not well-formed); non-linear documents only with
//     [WithNotes].
//   - srt, vtt: one line per cue, its text lines joined with a space (with
//     nothing between two Chinese characters), markup removed (<i>, <font>,
//     <c.class>, <v Speaker>, timestamps, {\an8}, ruby annotations),
//     character references decoded. [Text.Presplit] is set: each line is
//     one sentence, to be parsed with segment.Presplit; [Text.Cues] holds
//     the times of line i at index i. The WebVTT header and NOTE, STYLE
//     and REGION blocks are skipped, and cue numbers; where a cue would
//     start, a line with "-->" that is not a timing line, or text in a
//     block without one, is an [ErrMalformed] that gives the line, so
//     that no text is left out unseen.
//
// PDF is not read: [ErrPDF] says to convert it with pdftotext -layout
// (poppler-utils). Word 97-2003 .doc, RTF, spreadsheets and presentations
// give [ErrFormat].
//
// # Detection order
//
// Unless [WithFormat] names the format, it is detected from the content
// first, then the name's extension:
//
//  1. "%PDF-" at the start (or a .pdf name): [ErrPDF].
//  2. A zip archive: EPUB or ODT by its mimetype member, DOCX by
//     word/document.xml (or _rels/.rels and a word/ folder), EPUB by
//     META-INF/container.xml, ODT by content.xml.
//     An OLE compound file (.doc) or RTF: [ErrFormat]. A .docx, .odt or
//     .epub name on something that is not a zip: [ErrMalformed].
//  3. Text (decoded from UTF-16 when it has a byte order mark) starting
//     with "WEBVTT": vtt; with an HTML tag from the WHATWG sniffing list
//     (<!DOCTYPE html, <html, <head, <body, <div, <p, <table…) or an XML
//     declaration followed by <html: html; with a cue number and a timing
//     line, or a timing line: srt.
//  4. The extension: .html, .htm, .xhtml as html, .srt, .vtt.
//  5. Otherwise text. Ordinary text, in particular text that merely
//     contains markup further down, stays text.
//
// # Encodings
//
// Text, HTML and subtitles are decoded with, in order: the byte order mark
// (UTF-8, UTF-16LE, UTF-16BE), which wins as in browsers; the encoding
// named by [WithEncoding]; for
// HTML the charset declared by <meta charset>, <meta http-equiv> or the XML
// declaration (unless it decodes to many U+FFFD where detection finds a
// clean decoding: pages are sometimes saved in another encoding than they
// declare); UTF-8 when the bytes are valid UTF-8; then GB18030 (a superset
// of GBK and GB2312) or Big5, whichever decodes the first 64 KiB into
// frequent Chinese characters (the 1500 most frequent of simplified and of
// traditional text, from the frequencies of gse's dictionaries, see
// gen.go): a wrong decoding spreads over rare characters. Text that is
// still mostly UTF-8 with a few invalid bytes is read as UTF-8 with U+FFFD
// for them; anything else gives [ErrEncoding]. NUL bytes give
// [ErrFormat] (binary data, or UTF-16 without a byte order mark, whose
// encoding must then be named). [Text.Encoding] reports the encoding used.
// The XML parts of DOCX, ODT and EPUB are decoded as their declarations
// and byte order marks say.
//
// # Offsets
//
// Byte offsets that segment computes on [Text.Data] (Sentence.Start and
// End), and the spans of [Text.Hints], refer to Text.Data, the extracted
// UTF-8 text, not to the file. For a plain text file that is valid UTF-8
// they are the same: Data is then the file itself, byte order mark
// included. For everything else (decoded text, HTML, DOCX, ODT, EPUB,
// subtitles), they are offsets into Data, which a caller must keep (or
// regenerate with the same options) to use them; a subtitle line is
// better found by its index, which is the index of its [Cue].
//
// # Security limits
//
// Read never opens anything but the bytes it is given: no file, URL,
// DTD or external entity named inside a document is fetched. XML parts
// of DOCX, ODT and EPUB that declare a DTD (in XHTML: a DTD with an
// internal subset or entity declarations) are refused with
// [ErrMalformed]. [ReadFile] and [ReadAll] read at most the limit set by
// [WithMaxSize] ([DefaultMaxSize], 64 MiB, by default) and refuse larger
// files with [ErrTooLarge]; the members of a zip archive may unpack to at
// most the same limit in all, counted on the bytes actually inflated (the
// sizes the archive records can lie), so a zip bomb stops there with
// [ErrTooLarge]. HTML trees are walked without recursion. Every error
// wraps one of the Err values and names the file in a [ParseError], and
// no partial text is ever returned with an error.
//
// # Concurrency
//
// Read, ReadAll and ReadFile keep no state between calls and are safe for
// concurrent use; the table of frequent characters is built once, on
// first use.
package input
