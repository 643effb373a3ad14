package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/corpus"
)

// PairScore is the result of [ScorePairs], the dictionary score_pairs.py
// prints with --json. Gold and Pred count the pairs with two non-empty
// normalised sides. The P, R and F1 values are rounded to 4 decimals.
type PairScore struct {
	Gold, Pred  int
	Strict, Lax PRF
}

// String returns the line score_pairs.py prints, e.g.
// "gold=9 pred=11  strict P=0.455 R=0.667 F1=0.540  lax P=0.818 R=1.000 F1=0.900".
func (s PairScore) String() string {
	return fmt.Sprintf("gold=%d pred=%d  strict P=%.3f R=%.3f F1=%.3f  lax P=%.3f R=%.3f F1=%.3f",
		s.Gold, s.Pred, s.Strict.P, s.Strict.R, s.Strict.F1, s.Lax.P, s.Lax.R, s.Lax.F1)
}

// MarshalJSON returns the text score_pairs.py --json prints, e.g.
// {"gold": 9, "pred": 11, "strict": {"p": 0.4545, "r": 0.6667, "f1": 0.5405}, "lax": {...}}.
// (encoding/json removes the spaces.)
func (s PairScore) MarshalJSON() ([]byte, error) {
	b := fmt.Appendf(nil, `{"gold": %d, "pred": %d, "strict": `, s.Gold, s.Pred)
	b = s.Strict.appendJSON(b)
	b = append(b, `, "lax": `...)
	b = s.Lax.appendJSON(b)
	return append(b, '}'), nil
}

// ReadPairs reads JSONL pairs the way score_pairs.py does: one JSON object
// per line, lines blank after stripping whitespace skipped. "en" and "zh"
// may be strings, lists of strings (joined with " " for en and "" for zh)
// or missing, null or another empty value (read as ""); other members,
// "score" included, are ignored. Each pair is returned as a
// [corpus.Unit] with only EN and ZH set, including pairs with an empty
// side; [ScorePairs] drops those after normalising. A line that is not
// JSON, not an object, or has another kind of "en" or "zh" is reported as
// a *ParseError naming name and the line. An empty input gives no pairs
// and no error.
//
// It accepts more than [corpus.JSONLReader], which wants en or zh as
// strings and scores in [0,1], so that it scores every file score_pairs.py
// scores. Lines are decoded with encoding/json, which differs from
// Python's json.loads in one way (and two corner cases, see the package
// documentation): the literals NaN, Infinity and -Infinity, which Python
// accepts as numbers and JSON does not have, are errors ([ErrNotJSON]).
// Numbers of any size are read.
func ReadPairs(r io.Reader, name string) ([]corpus.Unit, error) {
	var pairs []corpus.Unit
	err := eachLine(r, name, func(_ int, line string) error {
		v, err := decodeJSON(line)
		if err != nil {
			return err
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%w: not a JSON object", ErrBadPair)
		}
		en, err := side(obj, "en", " ")
		if err != nil {
			return err
		}
		zh, err := side(obj, "zh", "")
		if err != nil {
			return err
		}
		pairs = append(pairs, corpus.Unit{EN: en, ZH: zh})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pairs, nil
}

// decodeJSON parses line as one JSON value followed only by whitespace,
// numbers as json.Number (so that none overflows).
func decodeJSON(line string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(line, err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		rest := strings.TrimLeft(line[end:], " \t\n\r")
		col := utf8.RuneCountInString(line[:len(line)-len(rest)]) + 1
		return nil, fmt.Errorf("%w: extra data at column %d", ErrNotJSON, col)
	}
	return v, nil
}

// jsonError wraps an error of encoding/json in ErrNotJSON with the column
// (in characters, from 1), naming the Python literals JSON lacks.
func jsonError(line string, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) || se.Offset < 1 || se.Offset > int64(len(line)) {
		return fmt.Errorf("%w: %v", ErrNotJSON, err)
	}
	at := int(se.Offset) - 1 // the byte that stopped the decoder
	col := utf8.RuneCountInString(line[:at]) + 1
	lit := ""
	switch {
	case strings.HasPrefix(line[at:], "NaN"):
		lit = "NaN"
	case strings.HasPrefix(line[at:], "Infinity") && at > 0 && line[at-1] == '-':
		lit, col = "-Infinity", col-1
	case strings.HasPrefix(line[at:], "Infinity"):
		lit = "Infinity"
	}
	if lit != "" {
		return fmt.Errorf("%w: %s at column %d (Python's json reads it, JSON has no such number)", ErrNotJSON, lit, col)
	}
	return fmt.Errorf("%w: %v at column %d", ErrNotJSON, se, col)
}

// truthy is Python's truth value of a decoded JSON value.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	case json.Number:
		if !strings.ContainsAny(string(v), ".eE") { // an int
			return strings.Trim(string(v), "-0") != ""
		}
		f, _ := strconv.ParseFloat(string(v), 64) // ±Inf on overflow, 0 on underflow, as float() in Python
		return f != 0
	}
	return true
}

// side is `o.get(key) or ""` followed by the list join of score_pairs.py.
func side(obj map[string]any, key, sep string) (string, error) {
	v := obj[key]
	if !truthy(v) {
		return "", nil
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return "", fmt.Errorf("%w: %q holds a list item that is not a string", ErrBadPair, key)
			}
			parts[i] = s
		}
		return strings.Join(parts, sep), nil
	}
	return "", fmt.Errorf("%w: %q is not a string or a list of strings", ErrBadPair, key)
}

// ReadPairsFile reads the JSONL pair file at path with [ReadPairs].
func ReadPairsFile(path string) ([]corpus.Unit, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadPairs(f, path)
}

// ScorePairFiles scores the JSONL prediction file pred against the JSONL
// gold file gold, as `score_pairs.py GOLD PRED` does.
func ScorePairFiles(gold, pred string) (PairScore, error) {
	g, err := ReadPairsFile(gold)
	if err != nil {
		return PairScore{}, err
	}
	p, err := ReadPairsFile(pred)
	if err != nil {
		return PairScore{}, err
	}
	return ScorePairs(g, p), nil
}

// text is one normalised side: the string and, when needed, its code
// points, their sorted multiset and a matcher with the text as b.
type text struct {
	s      string
	rs     []rune
	sorted []rune
	m      *seqMatcher
}

func newText(s string) *text {
	rs := []rune(s)
	sorted := slices.Clone(rs)
	slices.Sort(sorted)
	return &text{s: s, rs: rs, sorted: sorted}
}

// textPair is a pair of normalised sides.
type textPair struct{ en, zh *text }

// pairKey is a pair of normalised sides compared as Python compares
// (en, zh) tuples.
type pairKey struct{ en, zh string }

// normPairs normalises pairs and keeps those with two non-empty sides,
// sharing one *text between equal strings.
func normPairs(pairs []corpus.Unit, cache map[string]*text) ([]textPair, []pairKey) {
	get := func(s string) *text {
		t, ok := cache[s]
		if !ok {
			t = newText(s)
			cache[s] = t
		}
		return t
	}
	var tps []textPair
	var keys []pairKey
	for _, p := range pairs {
		en, zh := Normalize(p.EN), Normalize(p.ZH)
		if en == "" || zh == "" {
			continue
		}
		tps = append(tps, textPair{get(en), get(zh)})
		keys = append(keys, pairKey{en, zh})
	}
	return tps, keys
}

// sortedCommon counts the common elements of two sorted multisets.
func sortedCommon(a, b []rune) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// overlaps is score_pairs.py's overlaps(a, b): both non-empty and one
// contains the other or SequenceMatcher(None, a, b, autojunk=False).ratio()
// >= 0.8. The ratio is computed only when its upper bounds
// (real_quick_ratio, quick_ratio) reach 0.8.
func overlaps(a, b *text) bool {
	if a.s == "" || b.s == "" {
		return false
	}
	if strings.Contains(b.s, a.s) || strings.Contains(a.s, b.s) {
		return true
	}
	la, lb := len(a.rs), len(b.rs)
	length := la + lb
	if pyRatio(min(la, lb), length) < 0.8 {
		return false
	}
	if pyRatio(sortedCommon(a.sorted, b.sorted), length) < 0.8 {
		return false
	}
	if b.m == nil {
		b.m = newSeqMatcher(b.rs)
	}
	return b.m.ratio(a.rs) >= 0.8
}

// ScorePairs scores predicted pairs against gold pairs as score_pairs.py
// does. Both sides of every pair are normalised with [Normalize]; pairs
// with an empty side are ignored; only EN and ZH of the units are read.
// Empty or nil inputs score 0.
//
// Strict precision counts predicted pairs (duplicates included) equal to
// some gold pair; strict recall counts gold pairs equal to some predicted
// pair. Lax precision counts predicted pairs whose English overlaps the
// English and whose Chinese overlaps the Chinese of one gold pair, lax
// recall gold pairs overlapped so by some predicted pair; two texts
// overlap when one contains the other or difflib's ratio is at least 0.8.
// Lax scoring compares every predicted pair with every gold pair: time
// grows with their product, memory only with their sum.
func ScorePairs(gold, pred []corpus.Unit) PairScore {
	cache := make(map[string]*text)
	g, gkeys := normPairs(gold, cache)
	p, pkeys := normPairs(pred, cache)

	gset := make(map[pairKey]struct{}, len(gkeys))
	for _, k := range gkeys {
		gset[k] = struct{}{}
	}
	pset := make(map[pairKey]struct{}, len(pkeys))
	for _, k := range pkeys {
		pset[k] = struct{}{}
	}
	strictTP, strictRec := 0, 0
	for _, k := range pkeys {
		if _, ok := gset[k]; ok {
			strictTP++
		}
	}
	for _, k := range gkeys {
		if _, ok := pset[k]; ok {
			strictRec++
		}
	}

	// Python tests English first; both tests are pure, and Chinese is
	// shorter and more often rejected by the cheap bounds.
	match := func(x, y textPair) bool { return overlaps(x.zh, y.zh) && overlaps(x.en, y.en) }
	recalled := make([]bool, len(g))
	laxP, laxR := 0, 0
	for _, x := range p {
		for gi, y := range g {
			if match(x, y) {
				laxP++
				recalled[gi] = true
				break
			}
		}
	}
	for gi, y := range g {
		if !recalled[gi] {
			for _, x := range p {
				if match(x, y) {
					recalled[gi] = true
					break
				}
			}
		}
		if recalled[gi] {
			laxR++
		}
	}
	return PairScore{
		Gold:   len(g),
		Pred:   len(p),
		Strict: prf(strictTP, len(p), strictRec, len(g)),
		Lax:    prf(laxP, len(p), laxR, len(g)),
	}
}
