package eval

// Tests in this file compare the Go scorers with the reference Python
// scorers in /work/shared/tools, run live. They skip when python3 or the
// scorers are missing. Nothing under /work/shared is copied into the repo:
// predictions are synthesised into t.TempDir().

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/internal/devdata"
)

// sharedDir is ../shared above the working directory, or "" without it.
var sharedDir = devdata.Shared()

// runPython runs a Python program with the reference scorers importable
// and returns its standard output.
func runPython(t *testing.T, program string, stdin []byte) []byte {
	t.Helper()
	py := pythonPath(t)
	cmd := exec.Command(py, "-c", "import sys; sys.path.insert(0, "+fmt.Sprintf("%q", toolsDir)+")\n"+program)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	return out
}

var long = flag.Bool("long", false, "also run the slow comparisons with the Python scorers")

// mainTwice runs a scorer's main() as "TOOL GOLD PRED" and as "TOOL GOLD
// PRED --json", computing score() only once (Python's lax pair scoring
// takes seconds).
const mainTwice = `import importlib, json
tool, gold, pred = sys.argv[1:4]
mod = importlib.import_module(tool.removesuffix(".py"))
score, memo = mod.score, []
def once(*args):
    if not memo:
        memo.append(score(*args))
    return memo[0]
mod.score = once
for flags in ([], ["--json"]):
    sys.argv = [tool, gold, pred] + flags
    mod.main()`

// compareTools checks that "TOOL gold pred" and "TOOL gold pred --json"
// print the same lines from Python and from Go.
func compareTools(t *testing.T, tool, gold, pred string) {
	t.Helper()
	py := pythonPath(t)
	cmd := exec.Command(py, "-c", "import sys; sys.path.insert(0, "+fmt.Sprintf("%q", toolsDir)+")\n"+mainTwice, tool, gold, pred)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, want, 2)
	for i, flag := range []string{"", " --json"} {
		c := tool + " " + gold + " " + pred + flag
		got := goScore(t, c)
		assert.Equal(t, want[i], got, c)
		t.Logf("%s\n  python: %s\n  go:     %s", c, want[i], got)
	}
}

func requireShared(t *testing.T, path string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the Python scorers")
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared data not found: %v", err)
	}
}

// perturbLadder returns a plausible prediction made from gold: links
// merged with their neighbour, split into a 1-1 and null links, dropped,
// repeated, replaced by null links, shifted.
func perturbLadder(rng *rand.Rand, gold []Link) []Link {
	var out []Link
	for i := 0; i < len(gold); i++ {
		l := gold[i]
		switch x := rng.IntN(20); {
		case x == 0 && i+1 < len(gold): // merge
			n := gold[i+1]
			out = append(out, Link{Src: append(slices.Clone(l.Src), n.Src...), Tgt: append(slices.Clone(l.Tgt), n.Tgt...)})
			i++
		case x == 1 && len(l.Src)+len(l.Tgt) > 2: // split off the first pair
			out = append(out, Link{Src: l.Src[:1], Tgt: l.Tgt[:min(1, len(l.Tgt))]})
			if len(l.Src) > 1 {
				out = append(out, Link{Src: l.Src[1:], Tgt: []int{}})
			}
			if len(l.Tgt) > 1 {
				out = append(out, Link{Src: []int{}, Tgt: l.Tgt[1:]})
			}
		case x == 2: // dropped
		case x == 3: // repeated
			out = append(out, l, l)
		case x == 4: // nulls
			for _, s := range l.Src {
				out = append(out, Link{Src: []int{s}, Tgt: []int{}})
			}
			for _, g := range l.Tgt {
				out = append(out, Link{Src: []int{}, Tgt: []int{g}})
			}
		case x == 5 && len(l.Tgt) > 0: // shifted target
			out = append(out, Link{Src: l.Src, Tgt: []int{l.Tgt[0] + 1}})
		default:
			out = append(out, l)
		}
	}
	return out
}

func writeLadder(t *testing.T, path string, links []Link, withScores bool) {
	t.Helper()
	var b strings.Builder
	for i, l := range links {
		b.WriteString(l.String())
		if withScores && i%3 == 0 {
			fmt.Fprintf(&b, ":%.2f", float64(i%7)/7)
		}
		b.WriteByte('\n')
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// TestPythonLadderShared scores the shared gold sets against synthetic
// predictions with both scorers.
func TestPythonLadderShared(t *testing.T) {
	for _, set := range []string{"mac-dev", "champollion"} {
		t.Run(set, func(t *testing.T) {
			goldDir := filepath.Join(sharedDir, "data", set, "gold")
			requireShared(t, goldDir)
			pythonPath(t)
			docs, err := ReadLadderDirs(goldDir, goldDir)
			require.NoError(t, err)
			require.NotEmpty(t, docs)
			rng := rand.New(rand.NewPCG(1, uint64(len(set))))
			predDir := t.TempDir()
			for i, d := range docs {
				if i == len(docs)-1 {
					continue // a missing prediction counts as empty
				}
				writeLadder(t, filepath.Join(predDir, d.Name+".align"), perturbLadder(rng, d.Gold), i%2 == 0)
			}
			compareTools(t, "score_ladder.py", goldDir, predDir)
			compareTools(t, "score_ladder.py", goldDir, goldDir)
			compareTools(t, "score_ladder.py", filepath.Join(goldDir, docs[0].Name+".align"), filepath.Join(predDir, docs[0].Name+".align"))
		})
	}
}

// TestPythonLadderRandom compares ScoreLadders with score() on many
// small random document sets, dense in duplicates, null links and partial
// overlaps, in one Python process.
func TestPythonLadderRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	randLinks := func() []Link {
		var out []Link
		for range rng.IntN(8) {
			side := func() []int {
				ids := []int{}
				for range rng.IntN(3) {
					ids = append(ids, rng.IntN(5))
				}
				return ids
			}
			out = append(out, Link{Src: side(), Tgt: side()})
		}
		return out
	}
	var in [][]DocPair
	for round := range 300 {
		var docs []DocPair
		for range round % 5 {
			docs = append(docs, DocPair{Gold: randLinks(), Pred: randLinks()})
		}
		in = append(in, docs)
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	out := runPython(t, `import json, score_ladder as sl
def links(ls):
    return [(tuple(l["Src"]), tuple(l["Tgt"])) for l in ls or []]
for docs in json.load(sys.stdin):
    print(json.dumps(sl.score([(links(d["Gold"]), links(d["Pred"])) for d in docs or []])))`, stdin)
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, want, len(in))
	for i, docs := range in {
		got, err := ScoreLadders(docs).MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, want[i], string(got), "%v", docs)
	}
}

// pair returns a unit with the given sides.
func pair(en, zh string) corpus.Unit { return corpus.Unit{EN: en, ZH: zh} }

// perturbPairs returns a plausible prediction made from gold pairs.
func perturbPairs(rng *rand.Rand, gold []corpus.Unit) []corpus.Unit {
	var out []corpus.Unit
	fullwidth := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r > ' ' && r < 0x7f {
				return r - 0x21 + 0xff01
			}
			return r
		}, s)
	}
	for i := 0; i < len(gold); i++ {
		p := gold[i]
		switch x := rng.IntN(12); {
		case x == 0 && i+1 < len(gold): // merged with the next pair
			out = append(out, pair(p.EN+" "+gold[i+1].EN, p.ZH+gold[i+1].ZH))
			i++
		case x == 1: // English cut short
			w := strings.Fields(p.EN)
			out = append(out, pair(strings.Join(w[:min(len(w), max(1, len(w)*3/4))], " "), p.ZH))
		case x == 2: // Chinese cut short
			r := []rune(p.ZH)
			out = append(out, pair(p.EN, string(r[:min(len(r), max(1, len(r)*9/10))])))
		case x == 3: // dropped
		case x == 4: // repeated, with odd whitespace
			out = append(out, p, pair("\u3000"+strings.ReplaceAll(p.EN, " ", "\u00a0 \t"), p.ZH+"\n"))
		case x == 5: // fullwidth and upper case
			out = append(out, pair(fullwidth(strings.ToUpper(p.EN)), fullwidth(p.ZH)))
		case x == 6 && i+1 < len(gold): // crossed
			out = append(out, pair(p.EN, gold[i+1].ZH))
		case x == 7: // one side only
			out = append(out, pair(p.EN, ""))
		default:
			out = append(out, p)
		}
	}
	return out
}

func writePairs(t *testing.T, path string, pairs []corpus.Unit) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, p := range pairs {
		var v any = map[string]string{"en": p.EN, "zh": p.ZH}
		if i%5 == 4 { // some as lists
			v = map[string]any{"en": strings.SplitAfter(p.EN, ". "), "zh": strings.SplitAfter(p.ZH, "。")}
		}
		require.NoError(t, enc.Encode(v))
	}
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

// TestPythonPairsShared scores the hand-checked seed gold against
// perturbed copies of itself, and the paragraph gold against the sentence
// gold, with both scorers.
func TestPythonPairsShared(t *testing.T) {
	seeds := filepath.Join(sharedDir, "gold", "seeds")
	sent := filepath.Join(seeds, "001_04ade73db5640df0.sent.jsonl")
	para := filepath.Join(seeds, "001_04ade73db5640df0.para.jsonl")
	requireShared(t, sent)
	pythonPath(t)
	gold, err := ReadPairsFile(sent)
	require.NoError(t, err)
	// Python needs seconds for each of these (difflib runs for most
	// pairs); the default run does one.
	rounds := uint64(1)
	if *long {
		rounds = 3
	}
	for seed := range rounds {
		pred := filepath.Join(t.TempDir(), "pred.jsonl")
		writePairs(t, pred, perturbPairs(rand.New(rand.NewPCG(seed, 9)), gold))
		compareTools(t, "score_pairs.py", sent, pred)
		if *long {
			compareTools(t, "score_pairs.py", pred, sent)
		}
	}
	if *long {
		compareTools(t, "score_pairs.py", sent, sent)
		compareTools(t, "score_pairs.py", sent, para)
		compareTools(t, "score_pairs.py", para, sent)
	}
}

// trickyRunes mixes what Normalize treats specially.
var trickyRunes = []rune("經濟貿中文(()))jīngmàoǖḿAbZß_ -.,。「」…\u3000\u00a0\t\n\x1c\u2028\u200b\u0301\u0308ＡＢ１①²ﬁİΣς\u13a0\uab70\ufa0e🙂١")

func randString(rng *rand.Rand, alphabet []rune, maxLen int) string {
	rs := make([]rune, rng.IntN(maxLen+1))
	for i := range rs {
		rs[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(rs)
}

// TestPythonNormalizeRandom compares Normalize with norm() on random
// strings.
func TestPythonNormalizeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	var in []string
	for range 3000 {
		in = append(in, randString(rng, trickyRunes, 16))
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	out := runPython(t, `import json, score_pairs
print(json.dumps([score_pairs.norm(s) for s in json.load(sys.stdin)]))`, stdin)
	var want []string
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(in))
	for i, s := range in {
		assert.Equal(t, want[i], Normalize(s), "%+q", s)
	}
}

// TestPythonRatioRandom compares the matcher with difflib on random
// strings over small alphabets (many ties among longest matches).
func TestPythonRatioRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 7))
	alphabets := [][]rune{[]rune("ab"), []rune("abc"), []rune("經濟貿易中"), []rune("abcdefghijklmnop")}
	var in [][2]string
	for i := range 4000 {
		al := alphabets[i%len(alphabets)]
		in = append(in, [2]string{randString(rng, al, 3+i%40), randString(rng, al, 3+i%37)})
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	out := runPython(t, `import json, difflib
print(json.dumps([difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in json.load(sys.stdin)]))`, stdin)
	var want []float64
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(in))
	for i, ab := range in {
		assert.Equal(t, want[i], ratio(ab[0], ab[1]), "%q %q", ab[0], ab[1])
	}
}

// TestPythonPairsRandom compares ScorePairs with score() on random pair
// lists drawn from a small pool, so that equal, contained and similar
// texts are common.
func TestPythonPairsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	pool := []string{"abcde", "abcdx", "abcdefgh", "abcdxefgh", "bcd", "xyz", "中文字符", "中文字", "文字符號", "A B-C", "a b c"}
	var in [][2][]corpus.Unit
	for range 200 {
		var sides [2][]corpus.Unit
		for k := range sides {
			for range rng.IntN(6) {
				sides[k] = append(sides[k], pair(pool[rng.IntN(len(pool))], pool[rng.IntN(len(pool))]))
			}
		}
		in = append(in, sides)
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	out := runPython(t, `import json, score_pairs as sp
def load(ps):
    ps = [(sp.norm(p["EN"]), sp.norm(p["ZH"])) for p in ps or []]
    return [p for p in ps if p[0] and p[1]]
print(json.dumps([sp.score(load(g), load(p)) for g, p in json.load(sys.stdin)]))`, stdin)
	var want []json.RawMessage
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(in))
	for i, c := range in {
		got, err := json.Marshal(ScorePairs(c[0], c[1]))
		require.NoError(t, err)
		assert.JSONEq(t, string(want[i]), string(got), "%v", c)
	}
}

// TestPythonUnicodeTables checks the character classes behind Normalize
// against Python's str methods for every code point assigned in Python's
// Unicode version: isspace, isalnum, casefold and NFKC of the single
// character.
func TestPythonUnicodeTables(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: every code point")
	}
	out := runPython(t, `import unicodedata
w = sys.stdout.write
w(unicodedata.unidata_version + "\n")
for c in range(0x110000):
    ch = chr(c)
    cat = unicodedata.category(ch)
    if cat in ("Cn", "Cs"):
        continue
    cf, nf = ch.casefold(), unicodedata.normalize("NFKC", ch)
    w("%x %d%d %s %s\n" % (c, ch.isspace(), ch.isalnum(),
        "-" if cf == ch else ",".join("%x" % ord(x) for x in cf),
        "-" if nf == ch else ",".join("%x" % ord(x) for x in nf)))`, nil)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	t.Logf("Python Unicode %s, %d assigned code points", lines[0], len(lines)-1)
	hexRunes := func(f string, self rune) string {
		if f == "-" {
			return string(self)
		}
		var b strings.Builder
		for h := range strings.SplitSeq(f, ",") {
			var r rune
			_, err := fmt.Sscanf(h, "%x", &r)
			require.NoError(t, err)
			b.WriteRune(r)
		}
		return b.String()
	}
	bad := 0
	for _, line := range lines[1:] {
		f := strings.Fields(line)
		var r rune
		_, err := fmt.Sscanf(f[0], "%x", &r)
		require.NoError(t, err)
		if !utf8.ValidRune(r) {
			continue
		}
		ok := assert.Equal(t, f[1][0] == '1', isPySpace(r), "isspace U+%04X", r) &&
			assert.Equal(t, f[1][1] == '1', isAlnum(r), "isalnum U+%04X", r) &&
			assert.Equal(t, hexRunes(f[2], r), casefold(string(r)), "casefold U+%04X", r) &&
			assert.Equal(t, hexRunes(f[3], r), norm.NFKC.String(string(r)), "NFKC U+%04X", r)
		if !ok {
			bad++
			if bad > 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

// writeScoredLadder writes links with a score on every line, drawn from
// values that sit on bin edges (k/10, 0, 1), CLI-style 4-decimal scores
// and full-precision ones.
func writeScoredLadder(t *testing.T, rng *rand.Rand, path string, links []Link) {
	t.Helper()
	var b strings.Builder
	for _, l := range links {
		b.WriteString(l.String())
		b.WriteByte(':')
		switch rng.IntN(4) {
		case 0:
			b.WriteString(strconv.FormatFloat(float64(rng.IntN(11))/10, 'g', -1, 64))
		case 1:
			b.WriteString(strconv.FormatFloat(rng.Float64(), 'f', 4, 64))
		case 2:
			b.WriteString(strconv.FormatFloat(rng.Float64(), 'g', -1, 64))
		default:
			b.WriteString(strconv.FormatFloat(1-rng.Float64()*rng.Float64()*0.3, 'f', -1, 64))
		}
		b.WriteByte('\n')
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// compareCalib checks that "calib.py gold pred" and "calib.py gold pred
// --json" print the same lines as CalibrateLadderPaths.
func compareCalib(t *testing.T, py, gold, pred string) {
	t.Helper()
	for _, flag := range []string{"", " --json"} {
		c := "calib.py " + gold + " " + pred + flag
		want := pythonScore(t, py, c)
		got := goScore(t, c)
		assert.Equal(t, want, got, c)
		t.Logf("%s\n  python: %s\n  go:     %s", c, want, got)
	}
}

// TestPythonCalibShared compares CalibrateLadderPaths with calib.py on the
// shared gold sets against scored synthetic predictions.
func TestPythonCalibShared(t *testing.T) {
	for _, set := range []string{"mac-dev", "champollion"} {
		t.Run(set, func(t *testing.T) {
			goldDir := filepath.Join(sharedDir, "data", set, "gold")
			requireShared(t, goldDir)
			py := pythonPath(t)
			docs, err := ReadLadderDirs(goldDir, goldDir)
			require.NoError(t, err)
			require.NotEmpty(t, docs)
			rng := rand.New(rand.NewPCG(11, uint64(len(set))))
			predDir := t.TempDir()
			for i, d := range docs {
				if i == len(docs)-1 {
					continue // a missing prediction adds no links
				}
				writeScoredLadder(t, rng, filepath.Join(predDir, d.Name+".align"), perturbLadder(rng, d.Gold))
			}
			compareCalib(t, py, goldDir, predDir)
		})
	}
}

// TestPythonCalibRandom compares CalibrateLadderPaths with calib.py on
// many small random document sets, run in one Python process.
func TestPythonCalibRandom(t *testing.T) {
	py := pythonPath(t)
	rng := rand.New(rand.NewPCG(12, 13))
	randLinks := func() []Link {
		var out []Link
		for range rng.IntN(12) {
			side := func() []int {
				ids := []int{}
				for range rng.IntN(3) {
					ids = append(ids, rng.IntN(4))
				}
				return ids
			}
			out = append(out, Link{Src: side(), Tgt: side()})
		}
		return out
	}
	root := t.TempDir()
	var dirs [][2]string
	for i := range 150 {
		g, p := filepath.Join(root, fmt.Sprint(i), "gold"), filepath.Join(root, fmt.Sprint(i), "pred")
		require.NoError(t, os.MkdirAll(g, 0o755))
		require.NoError(t, os.MkdirAll(p, 0o755))
		for d := range i % 4 {
			name := fmt.Sprintf("%03d.align", d)
			gold := randLinks()
			writeLadder(t, filepath.Join(g, name), gold, false)
			if rng.IntN(5) > 0 {
				writeScoredLadder(t, rng, filepath.Join(p, name), append(perturbLadder(rng, gold), randLinks()...))
			}
		}
		dirs = append(dirs, [2]string{g, p})
	}
	stdin, err := json.Marshal(dirs)
	require.NoError(t, err)
	cmd := exec.Command(py, "-c", `import contextlib, io, json, runpy, sys
calib = sys.argv[1]
for g, p in json.load(sys.stdin):
    for flags in ([], ["--json"]):
        sys.argv = [calib, g, p] + flags
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            runpy.run_path(calib, run_name="__main__")
        print(json.dumps(out.getvalue().rstrip("\n")))`, filepath.Join(toolsDir, "calib.py"))
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	dec := json.NewDecoder(bytes.NewReader(out))
	for _, d := range dirs {
		c, err := CalibrateLadderPaths(d[0], d[1])
		require.NoError(t, err)
		var plain, js string
		require.NoError(t, dec.Decode(&plain))
		require.NoError(t, dec.Decode(&js))
		assert.Equal(t, plain, c.String(), d[1])
		assert.Equal(t, js, string(c.appendJSON(nil, false)), d[1])
	}
}

// TestPythonFloatRandom compares pyFloat with Python's float() on random
// strings of number characters.
func TestPythonFloatRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	alphabet := []rune("0123456789..__eE+-  \t\u3000١５infatyINF")
	var in []string
	for range 5000 {
		in = append(in, randString(rng, alphabet, 8))
	}
	stdin, err := json.Marshal(in)
	require.NoError(t, err)
	out := runPython(t, `import json
def f(s):
    try:
        return repr(float(s))
    except ValueError:
        return None
print(json.dumps([f(s) for s in json.load(sys.stdin)]))`, stdin)
	var want []*string
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(in))
	ok := 0
	for i, s := range in {
		v, err := pyFloat(s)
		if want[i] == nil {
			assert.Error(t, err, "%q", s)
			continue
		}
		ok++
		if assert.NoError(t, err, "%q", s) {
			got := string(appendPyFloat(nil, v))
			switch {
			case math.IsInf(v, 1):
				got = "inf"
			case math.IsInf(v, -1):
				got = "-inf"
			case math.IsNaN(v):
				got = "nan"
			}
			assert.Equal(t, *want[i], got, "%q", s)
		}
	}
	t.Logf("%d of %d strings are numbers", ok, len(in))
}
