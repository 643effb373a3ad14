// Package review lets a translator check and correct an alignment in the
// browser before it goes into a translation memory: a [Doc] holds the
// sentences of the two sides and the links between them, with the edits a
// reviewer makes (merge, split, move a sentence to the neighbouring link,
// confirm, undo), and a [Server] serves a page of the links on the
// loopback interface and applies the edits it sends, saving each one
// before the page shows it.
//
// # Edit model
//
// A Doc's links keep the invariant of package align: every sentence of
// each side is in exactly one link, in order, and no link is empty (see
// [Doc.Check]). [Doc.Merge], [Doc.Split], [Doc.MoveUp], [Doc.MoveDown] and
// [Doc.Confirm] keep it or change nothing; [Doc.Undo] undoes them, the last
// first. The scores of edited links, and the score 1 that the exports give
// a confirmed link, are described at [Doc].
//
// # Save file
//
// [Save] writes a Doc as JSON lines: the rows of "zhenalign align -f
// jsonl", plus "confirmed" and the sentences of each side (see
// [WriteState]), so that commands reading JSONL read it too. It writes a
// temporary file, flushes it to the disk and renames it over the old one:
// a crash leaves the previous state or the new one, never a mix. [Load]
// reads it back into the same links, scores and confirmations; the undo
// history is not saved.
//
// # Loading
//
// [Open] aligns documents with align.Aligner.AlignSources, or reads an
// alignment: JSONL ([ReadJSONL], also a save file) or TMX ([ReadTMX]).
// [FromAlignment] and [FromUnits] build a Doc from an alignment or from
// units.
//
// # Exports
//
// [NewWriter] maps an export format name (tmx, xliff, tsv, jsonl, xlsx,
// ladder) to a corpus.Writer;
// [Export] writes a Doc through it.
//
// # Server
//
// The page is rendered with html/template from files embedded in the
// binary, with a small script and stylesheet and no other asset, so it
// works offline. Every row is an element carrying a data-row attribute;
// keys select (j, k, arrows), merge (m), split (s), move a sentence
// (Alt+↑, Alt+↓), confirm (c) and undo (u). [Server] lists the security
// rules: a session token on every request, loopback Host names, edits
// as same-origin JSON POST requests of bounded size, no CORS, embedded
// files only.
package review
