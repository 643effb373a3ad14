package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

// stateRow is one line of a save file: the row corpus.JSONLWriter writes
// for the link (but for the score, written in full rather than to four
// decimals, and not raised to 1 when confirmed), whether it is confirmed,
// and the sentences of each side, so that a link read back can be split
// again.
type stateRow struct {
	corpus.Row
	Confirmed bool      `json:"confirmed"`
	ENSents   []sentRow `json:"en_sents"`
	ZHSents   []sentRow `json:"zh_sents"`
}

// sentRow is one sentence in a save file. Lang is left out when it is the
// side's language, Script and Time when there is none.
type sentRow struct {
	Text   string `json:"text"`
	Para   int    `json:"para"`
	Lang   string `json:"lang,omitempty"`
	Script string `json:"script,omitempty"`
	Time   string `json:"time,omitempty"`
}

// WriteState writes d as a save file: one JSON object per link and line,
// the row "zhenalign align -f jsonl" writes (en, zh, en_ids, zh_ids, type,
// score, doc, en_time, zh_time) with three more fields: "confirmed", and
// "en_sents" and "zh_sents", the sentences of each side ({"text", "para",
// and "lang", "script" and "time" when they differ from the default}). The
// score is the link's own, unrounded; the exports write 1 for a confirmed
// link. Commands that read JSONL (convert, eval) read a save file as they
// read align's output.
func WriteState(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, l := range d.links {
		u := d.Unit(i)
		row := stateRow{
			Row: corpus.Row{EN: u.EN, ZH: u.ZH, ENIDs: u.ENIDs, ZHIDs: u.ZHIDs, Type: u.Type(), Score: l.Score,
				Doc: u.Doc, ENTime: cueString(u.ENTime), ZHTime: cueString(u.ZHTime)},
			Confirmed: l.Confirmed,
			ENSents:   sentRows(d.en, l.EN, segment.English),
			ZHSents:   sentRows(d.zh, l.ZH, segment.Chinese),
		}
		if err := enc.Encode(row); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func cueString(c *input.Cue) string {
	if c == nil {
		return ""
	}
	return c.String()
}

func sentRows(ss []Sentence, ids []int, lang segment.Lang) []sentRow {
	out := make([]sentRow, len(ids))
	for k, i := range ids {
		s := ss[i]
		out[k] = sentRow{Text: s.Text, Para: s.Para, Script: s.Script.String(), Time: cueString(s.Cue)}
		if s.Lang != lang {
			out[k].Lang = s.Lang.String()
		}
	}
	return out
}

// Save writes d to the file name so that a crash at any moment leaves
// either the previous file or the new one, whole: it writes a temporary
// file beside it, flushes it to the disk (fsync), renames it over name and
// flushes the folder. A file that exists keeps its permissions; a new one
// is readable by its owner only (0600).
func Save(name string, d *Doc) error {
	return save(name, func(w io.Writer) error { return WriteState(w, d) })
}

// tempPattern is the pattern of the temporary files Save writes beside
// the file name.
func tempPattern(name string) string { return "." + filepath.Base(name) + ".tmp*" }

// removeTemps removes the temporary files that saves of the file name
// interrupted by a crash left beside it.
func removeTemps(name string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(name), tempPattern(name)))
	for _, f := range old {
		os.Remove(f)
	}
}

// save writes a file as Save does, its content written by write.
func save(name string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(name)
	mode := os.FileMode(0o600)
	if fi, err := os.Stat(name); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, tempPattern(name))
	if err != nil {
		return fmt.Errorf("review: saving %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("review: saving %s: %w", name, err)
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return err
	}
	// The rename is durable once the folder is flushed; not every system
	// can open a folder for that, and the file itself is complete anyway.
	if df, err := os.Open(dir); err == nil {
		df.Sync()
		df.Close()
	}
	return nil
}

// Load reads the Doc saved in the file name by Save (see ReadJSONL).
func Load(name string) (*Doc, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("review: %w", err)
	}
	return ReadJSONL(bytes.NewReader(data), name)
}

// ErrDocs means the units to review come from more than one document.
var ErrDocs = errors.New("review: units from several documents: review one at a time")

// ErrMixedIDs means some units of a side have sentence ids and others,
// with text on that side, have none.
var ErrMixedIDs = errors.New("review: some units have sentence ids and some do not")

// ReadJSONL reads a Doc from a save file (see WriteState) or from JSON
// lines as "zhenalign align -f jsonl" writes them, naming the input name
// in errors. Rows are read with corpus.JSONLReader, whose errors (a
// *corpus.ParseError giving the line) stop the reading. A row without
// "en_sents" or "zh_sents" gets its sentences from its text (see
// FromUnits), and "confirmed" is false when absent.
func ReadJSONL(r io.Reader, name string) (*Doc, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("review: reading %s: %w", name, err)
	}
	var units []corpus.Unit
	jr := corpus.NewJSONLReader(bytes.NewReader(data), name)
	for jr.Next() {
		units = append(units, jr.Unit())
	}
	if err := jr.Err(); err != nil {
		return nil, err
	}
	// The extra fields, from the same lines: the reader skips blank lines
	// and a byte order mark, and so does this loop.
	extra := make([]unitState, 0, len(units))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var row struct {
			Confirmed bool      `json:"confirmed"`
			ENSents   []sentRow `json:"en_sents"`
			ZHSents   []sentRow `json:"zh_sents"`
		}
		if err := json.Unmarshal(b, &row); err != nil {
			return nil, &corpus.ParseError{File: name, Line: line, Err: err}
		}
		us := unitState{confirmed: row.Confirmed, line: line}
		for k, ss := range [][]sentRow{row.ENSents, row.ZHSents} {
			if ss == nil {
				continue
			}
			sents, err := fromRows(ss, Side(k))
			if err != nil {
				return nil, &corpus.ParseError{File: name, Line: line, Err: err}
			}
			us.sents[k] = sents
			us.given[k] = true
		}
		extra = append(extra, us)
	}
	if len(extra) != len(units) {
		return nil, fmt.Errorf("review: %s: %d rows read, %d expected", name, len(extra), len(units))
	}
	return fromUnits(units, extra, name)
}

// fromRows returns the sentences of a save file's rows for side s (IDs
// are set by the caller).
func fromRows(rows []sentRow, s Side) ([]Sentence, error) {
	out := make([]Sentence, len(rows))
	for k, r := range rows {
		x := Sentence{Text: r.Text, Para: r.Para, Lang: segment.English}
		if s == Chinese {
			x.Lang = segment.Chinese
		}
		switch r.Lang {
		case "":
		case "en":
			x.Lang = segment.English
		case "zh":
			x.Lang = segment.Chinese
		case "none":
			x.Lang = segment.Other
		default:
			return nil, fmt.Errorf("%s_sents[%d]: unknown lang %q (want en, zh or none)", s, k, r.Lang)
		}
		switch r.Script {
		case "":
		case "hans":
			x.Script = segment.Simplified
		case "hant":
			x.Script = segment.Traditional
		case "mixed":
			x.Script = segment.Mixed
		case "ambiguous":
			x.Script = segment.Ambiguous
		default:
			return nil, fmt.Errorf("%s_sents[%d]: unknown script %q (want hans, hant, mixed or ambiguous)", s, k, r.Script)
		}
		if r.Time != "" {
			c, err := input.ParseCue(r.Time)
			if err != nil {
				return nil, fmt.Errorf("%s_sents[%d]: %w", s, k, err)
			}
			x.Cue = &c
		}
		out[k] = x
	}
	return out, nil
}

// unitState is what a save file adds to a unit: whether it is confirmed,
// and the sentences of each side when given.
type unitState struct {
	confirmed bool
	sents     [2][]Sentence
	given     [2]bool
	line      int // 0 when the unit does not come from a file's line
}

// ReadTMX reads a Doc from a TMX document (see corpus.TMXReader), naming
// the input name in errors. Units with neither an English nor a Chinese
// text (other languages only) are left out; their sentences come from
// their text (see FromUnits).
func ReadTMX(r io.Reader, name string) (*Doc, error) {
	tr := corpus.NewTMXReader(r, name)
	var units []corpus.Unit
	for tr.Next() {
		u := tr.Unit()
		if u.EN == "" && u.ZH == "" && len(u.ENIDs) == 0 && len(u.ZHIDs) == 0 {
			continue
		}
		units = append(units, u)
	}
	if err := tr.Err(); err != nil {
		return nil, err
	}
	return FromUnits(units)
}

// FromUnits returns the Doc of units read from a parallel-text file, one
// link per unit, unconfirmed, with the unit's score. The units must come
// from one document (else ErrDocs); the Doc is named after it.
//
// A unit side's sentences come from its text: with one sentence id or
// none, the text is one sentence; with several ids, the text is divided
// into sentences by package segment, and when that does not give as many
// sentences as ids, the first id takes the whole text and the others an
// empty sentence, so that no id is lost. A side whose units have no ids
// at all (a TMX from another tool) numbers its sentences in order from 0;
// a side where some units with text have ids and others do not is an
// error (ErrMixedIDs).
func FromUnits(units []corpus.Unit) (*Doc, error) {
	return fromUnits(units, nil, "")
}

// fromUnits builds the Doc of units, with the save file's additions when
// extra is not nil; file names the input in errors.
func fromUnits(units []corpus.Unit, extra []unitState, file string) (*Doc, error) {
	where := func(k int) string {
		if extra != nil && extra[k].line > 0 {
			return fmt.Sprintf("%s:%d", file, extra[k].line)
		}
		return fmt.Sprintf("unit %d", k+1)
	}
	name := ""
	for k, u := range units {
		if k == 0 {
			name = u.Doc
		} else if u.Doc != name {
			return nil, fmt.Errorf("%w: %s names %q, %s %q", ErrDocs, where(0), name, where(k), u.Doc)
		}
	}
	// Does each side have ids?
	var hasIDs, lacksIDs [2]int
	for k, u := range units {
		for s, x := range []struct {
			text string
			ids  []int
		}{{u.EN, u.ENIDs}, {u.ZH, u.ZHIDs}} {
			switch {
			case len(x.ids) > 0:
				hasIDs[s] = k + 1
			case x.text != "" || (extra != nil && len(extra[k].sents[s]) > 0):
				lacksIDs[s] = k + 1
			}
		}
	}
	for s := range 2 {
		if hasIDs[s] > 0 && lacksIDs[s] > 0 {
			return nil, fmt.Errorf("%w: %s sentences: %s has ids, %s has none", ErrMixedIDs, Side(s), where(hasIDs[s]-1), where(lacksIDs[s]-1))
		}
	}
	var sides [2][]Sentence
	var paras [2]int
	links := make([]Link, len(units))
	for k, u := range units {
		l := Link{Score: u.Score}
		if extra != nil {
			l.Confirmed = extra[k].confirmed
		}
		for s, x := range []struct {
			text string
			ids  []int
		}{{u.EN, u.ENIDs}, {u.ZH, u.ZHIDs}} {
			var sents []Sentence
			if extra != nil && extra[k].given[s] {
				sents = extra[k].sents[s]
				if hasIDs[s] > 0 && len(sents) != len(x.ids) {
					return nil, fmt.Errorf("review: %s: %d %s sentences for %d ids", where(k), len(sents), Side(s), len(x.ids))
				}
			} else {
				sents = divide(x.text, len(x.ids), Side(s), paras[s])
			}
			for j := range sents {
				if hasIDs[s] > 0 {
					sents[j].ID = x.ids[j]
				} else {
					sents[j].ID = len(sides[s])
				}
				paras[s] = max(paras[s], sents[j].Para)
				*l.ids(Side(s)) = append(*l.ids(Side(s)), len(sides[s]))
				sides[s] = append(sides[s], sents[j])
			}
		}
		if len(l.EN) == 0 && len(l.ZH) == 0 {
			return nil, fmt.Errorf("%w: %s has no sentence", ErrInvalid, where(k))
		}
		links[k] = l
	}
	return New(name, sides[English], sides[Chinese], links)
}

// divide returns the sentences of one side of a unit, text with n ids (see
// FromUnits), numbering paragraphs from para: the unit continues the
// paragraph of the unit before it, and a newline in its text starts a new
// one.
func divide(text string, n int, s Side, para int) []Sentence {
	lang := segment.English
	if s == Chinese {
		lang = segment.Chinese
	}
	one := func(t string) Sentence {
		x := Sentence{Text: t, Lang: lang, Para: para}
		if lang == segment.Chinese {
			x.Script = segment.ScriptOf(t)
		}
		return x
	}
	if n == 0 && text == "" {
		return nil
	}
	if n <= 1 {
		return []Sentence{one(text)}
	}
	if doc, err := segment.Parse([]byte(text)); err == nil && len(doc.Sentences) == n {
		out := make([]Sentence, n)
		for k, x := range doc.Sentences {
			out[k] = Sentence{Text: x.Text, Lang: x.Lang, Script: x.Script, Para: para + x.Para}
		}
		if join(out, seq(n)) == text {
			return out
		}
	}
	out := make([]Sentence, n)
	out[0] = one(text)
	for k := 1; k < n; k++ {
		out[k] = one("")
	}
	return out
}

// seq returns 0, 1, … n-1.
func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// looksLikeTMX reports whether data starts, after white space and a byte
// order mark, with XML that holds a <tmx element early on.
func looksLikeTMX(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimLeft(head, "\xEF\xBB\xBF \t\r\n")
	return bytes.HasPrefix(head, []byte("<")) && bytes.Contains(bytes.ToLower(head), []byte("<tmx"))
}

// looksLikeJSONL reports whether data starts, after white space and a
// byte order mark, with a JSON object.
func looksLikeJSONL(data []byte) bool {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], "\xEF\xBB\xBF \t\r\n")
	return bytes.HasPrefix(head, []byte("{"))
}

// alignmentKind tells whether a file is an alignment to load rather than a
// document to align: "jsonl", "tmx", or "".
func alignmentKind(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".tmx":
		return "tmx"
	}
	switch {
	case looksLikeJSONL(data):
		return "jsonl"
	case looksLikeTMX(data):
		return "tmx"
	}
	return ""
}
