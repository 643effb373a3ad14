package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Link is one line of a ladder file: indices of source sentences and of
// target sentences, 0-based, as written (not sorted, not deduplicated). An
// empty side is a null link: "[5]:[]" is 1-0.
type Link struct {
	Src, Tgt []int
	// Score is the link's score, the number after the ids in the ladder
	// format zhenalign writes ("[0]:[1]:0.93"). [ReadScoredLadder] reads
	// it; [ReadLadder], like score_ladder.py, ignores it and leaves 0.
	// [ScoreLadders] does not use it, [Calibrate] uses that of predicted
	// links.
	Score float64
}

// String formats l as a ladder line without a score, e.g. "[0,1]:[2]".
func (l Link) String() string {
	b := appendIDs(nil, l.Src)
	b = append(b, ':')
	return string(appendIDs(b, l.Tgt))
}

func appendIDs(b []byte, ids []int) []byte {
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(id), 10)
	}
	return append(b, ']')
}

// parseLink parses a stripped, non-empty ladder line like score_ladder.py's
// read(): split at "]:[" into exactly two parts; the source is the first
// part without leading "[", the target the second part up to its first
// "]"; ids are separated by ",", blank ids are skipped and the others read
// as Python's int() reads them.
func parseLink(line string) (Link, error) {
	parts := strings.Split(line, "]:[")
	if len(parts) != 2 {
		return Link{}, fmt.Errorf("%w %q", ErrBadLink, line)
	}
	a := strings.TrimLeft(parts[0], "[")
	b, _, _ := strings.Cut(parts[1], "]")
	src, err := parseIDs(a)
	if err != nil {
		return Link{}, fmt.Errorf("%w %q: %w", ErrBadLink, line, err)
	}
	tgt, err := parseIDs(b)
	if err != nil {
		return Link{}, fmt.Errorf("%w %q: %w", ErrBadLink, line, err)
	}
	return Link{Src: src, Tgt: tgt}, nil
}

func parseIDs(s string) ([]int, error) {
	ids := []int{}
	for x := range strings.SplitSeq(s, ",") {
		if pyStrip(x) == "" {
			continue
		}
		v, err := pyInt(x)
		if err != nil {
			return nil, err
		}
		ids = append(ids, v)
	}
	return ids, nil
}

// ReadLadder reads ladder lines ("[i,j]:[k]", optionally followed by
// ":score", which is ignored: Link.Score is 0) from r, as score_ladder.py
// does. Blank lines
// are skipped. A line that does not parse is a *ParseError naming name and
// the line, wrapping [ErrBadLink]. Empty sides are empty, non-nil slices.
func ReadLadder(r io.Reader, name string) ([]Link, error) {
	var links []Link
	err := eachLine(r, name, func(_ int, line string) error {
		l, err := parseLink(line)
		if err != nil {
			return err
		}
		links = append(links, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return links, nil
}

// ReadScoredLadder reads ladder lines as [ReadLadder] does, and the score
// of every link the way calib.py does: the text between the second and a
// possible third ":" ("[0]:[1]:0.93"), read as Python's float() reads it,
// into Link.Score. A line without a score is a *ParseError wrapping
// [ErrNoScore]; one whose score is not a number in [0,1] wraps
// [ErrBadScore] (calib.py stops on NaN and infinities too, but bins scores
// above 1 with the last bin and, by Python's negative indexing, puts some
// negative ones into other bins).
func ReadScoredLadder(r io.Reader, name string) ([]Link, error) {
	var links []Link
	err := eachLine(r, name, func(_ int, line string) error {
		l, err := parseLink(line)
		if err != nil {
			return err
		}
		parts := strings.Split(line, ":")
		if len(parts) < 3 || parts[2] == "" {
			return ErrNoScore
		}
		s, err := pyFloat(parts[2])
		if err != nil {
			return fmt.Errorf("%w: %w", ErrBadScore, err)
		}
		if err := checkScore(s); err != nil {
			return err
		}
		l.Score = s
		links = append(links, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return links, nil
}

// checkScore returns an error wrapping ErrBadScore when s is not in
// [0,1].
func checkScore(s float64) error {
	if !(s >= 0 && s <= 1) {
		return fmt.Errorf("%w: %v", ErrBadScore, s)
	}
	return nil
}

// ReadLadderFile reads the ladder file at path with [ReadLadder].
func ReadLadderFile(path string) ([]Link, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLadder(f, path)
}

// readLadderOrEmpty is score_ladder.py's read(): a path that cannot be
// stat'ed (for example a missing prediction) reads as no links.
func readLadderOrEmpty(path string) ([]Link, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil
	}
	return ReadLadderFile(path)
}

// DocPair is one document's gold and predicted links. Name (the file name
// without ".align" for pairs read from disk) is not used in scoring.
type DocPair struct {
	Name       string
	Gold, Pred []Link
}

// ReadLadderDirs pairs every goldDir/NAME.align with predDir/NAME.align,
// sorted by NAME. A prediction that does not exist (or a predDir that does
// not) reads as no links.
func ReadLadderDirs(goldDir, predDir string) ([]DocPair, error) {
	entries, err := os.ReadDir(goldDir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".align") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	docs := make([]DocPair, 0, len(names))
	for _, n := range names {
		g, err := readLadderOrEmpty(filepath.Join(goldDir, n))
		if err != nil {
			return nil, err
		}
		p, err := readLadderOrEmpty(filepath.Join(predDir, n))
		if err != nil {
			return nil, err
		}
		docs = append(docs, DocPair{Name: strings.TrimSuffix(n, ".align"), Gold: g, Pred: p})
	}
	return docs, nil
}

// ScoreLadderPaths scores like `score_ladder.py GOLD PRED`: when gold is a
// directory, with [ReadLadderDirs]; otherwise the two files as one
// document, a missing file reading as no links.
func ScoreLadderPaths(gold, pred string) (LadderScore, error) {
	if fi, err := os.Stat(gold); err == nil && fi.IsDir() {
		docs, err := ReadLadderDirs(gold, pred)
		if err != nil {
			return LadderScore{}, err
		}
		return ScoreLadders(docs), nil
	}
	g, err := readLadderOrEmpty(gold)
	if err != nil {
		return LadderScore{}, err
	}
	p, err := readLadderOrEmpty(pred)
	if err != nil {
		return LadderScore{}, err
	}
	return ScoreLadders([]DocPair{{Name: strings.TrimSuffix(filepath.Base(gold), ".align"), Gold: g, Pred: p}}), nil
}

// LadderScore is the result of [ScoreLadders], the dictionary
// score_ladder.py prints with --json. GoldLinks and PredLinks count every
// line read, null links and repeated links included. The P, R and F1
// values are rounded to 4 decimals.
type LadderScore struct {
	Docs, GoldLinks, PredLinks int
	Paper, Strict, Lax         PRF
}

// String returns the line score_ladder.py prints, e.g.
// "docs=6 gold=1329 pred=1329  paper P=1.000 R=1.000 F1=1.000  strict F1=1.000  lax F1=1.000".
func (s LadderScore) String() string {
	return fmt.Sprintf("docs=%d gold=%d pred=%d  paper P=%.3f R=%.3f F1=%.3f  strict F1=%.3f  lax F1=%.3f",
		s.Docs, s.GoldLinks, s.PredLinks, s.Paper.P, s.Paper.R, s.Paper.F1, s.Strict.F1, s.Lax.F1)
}

// MarshalJSON returns the text score_ladder.py --json prints, e.g.
// {"docs": 6, "gold_links": 1329, "pred_links": 1329, "paper": {"p": 1.0, "r": 1.0, "f1": 1.0}, ...}.
// (encoding/json removes the spaces.)
func (s LadderScore) MarshalJSON() ([]byte, error) {
	b := fmt.Appendf(nil, `{"docs": %d, "gold_links": %d, "pred_links": %d, "paper": `, s.Docs, s.GoldLinks, s.PredLinks)
	b = s.Paper.appendJSON(b)
	b = append(b, `, "strict": `...)
	b = s.Strict.appendJSON(b)
	b = append(b, `, "lax": `...)
	b = s.Lax.appendJSON(b)
	return append(b, '}'), nil
}

// linkKey identifies a link the way Python compares (tuple, tuple) pairs.
func linkKey(l Link) string { return l.String() }

// linkSet is the set of distinct links, in first-seen order.
type linkSet struct {
	keys  map[string]struct{}
	links []Link
}

func newLinkSet(links []Link, keep func(Link) bool) linkSet {
	s := linkSet{keys: make(map[string]struct{}, len(links))}
	for _, l := range links {
		if keep != nil && !keep(l) {
			continue
		}
		k := linkKey(l)
		if _, ok := s.keys[k]; ok {
			continue
		}
		s.keys[k] = struct{}{}
		s.links = append(s.links, l)
	}
	return s
}

func (s linkSet) has(l Link) bool {
	_, ok := s.keys[linkKey(l)]
	return ok
}

func notNull(l Link) bool   { return len(l.Src) > 0 || len(l.Tgt) > 0 }
func bothSides(l Link) bool { return len(l.Src) > 0 && len(l.Tgt) > 0 }

// precCounts is score_ladder.py's _prec(gold, test): over the distinct
// test links that are not empty on both sides, [0] exact matches, [1]
// others, [2] links exactly in gold or sharing a source→target edge with
// gold, [3] the rest.
func precCounts(gold, test []Link) [4]int {
	ts := newLinkSet(test, notNull)
	gs := newLinkSet(gold, notNull)
	s2t := make(map[int]map[int]struct{})
	for _, l := range gs.links {
		for _, i := range l.Src {
			m := s2t[i]
			if m == nil {
				m = make(map[int]struct{})
				s2t[i] = m
			}
			for _, j := range l.Tgt {
				m[j] = struct{}{}
			}
		}
	}
	var c [4]int
	for _, l := range ts.links {
		if gs.has(l) {
			c[0]++
			c[2]++
			continue
		}
		c[1]++
		if sharesEdge(l, s2t) {
			c[2]++
		} else {
			c[3]++
		}
	}
	return c
}

func sharesEdge(l Link, s2t map[int]map[int]struct{}) bool {
	for _, i := range l.Src {
		for _, j := range l.Tgt {
			if _, ok := s2t[i][j]; ok {
				return true
			}
		}
	}
	return false
}

func filter(links []Link, keep func(Link) bool) []Link {
	var out []Link
	for _, l := range links {
		if keep(l) {
			out = append(out, l)
		}
	}
	return out
}

// ScoreLadders scores predicted links against gold links, micro-averaged
// over docs, exactly as score_ladder.py's score() does:
//
//   - Paper: P and R count gold links (every line, duplicates and null
//     links included) that occur among the predicted links, over all
//     predicted and all gold lines; a link repeated in gold is counted
//     each time, so P can exceed 1.
//   - Strict: distinct links that are not empty on both sides; P over
//     predicted links, R over 1-1-or-larger gold links against
//     1-1-or-larger predicted links.
//   - Lax: like Strict, also crediting a link that shares a
//     source→target edge with the other side.
//
// Docs is len(docs); an empty input scores 0 everywhere.
func ScoreLadders(docs []DocPair) LadderScore {
	var p, r [4]int
	inter, ng, na := 0, 0, 0
	for _, d := range docs {
		pc := precCounts(d.Gold, d.Pred)
		rc := precCounts(filter(d.Pred, bothSides), filter(d.Gold, bothSides))
		for k := range p {
			p[k] += pc[k]
			r[k] += rc[k]
		}
		tset := newLinkSet(d.Pred, nil)
		for _, l := range d.Gold {
			if tset.has(l) {
				inter++
			}
		}
		ng += len(d.Gold)
		na += len(d.Pred)
	}
	ps, pl := div(p[0], p[0]+p[1]), div(p[2], p[2]+p[3])
	rs, rl := div(r[0], r[0]+r[1]), div(r[2], r[2]+r[3])
	pp, pr := div(inter, na), div(inter, ng)
	return LadderScore{
		Docs:      len(docs),
		GoldLinks: ng,
		PredLinks: na,
		Paper:     newPRF(pp, pr),
		Strict:    newPRF(ps, rs),
		Lax:       newPRF(pl, rl),
	}
}
