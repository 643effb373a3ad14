// Copyright 2026 The zhenalign Authors. All rights reserved.

//go:build ignore

// gen converts the OpenCC dictionaries shipped in the npm package opencc-js
// into the two gzip-compressed tables embedded by package opencc (t2s.txt.gz,
// s2t.txt.gz), writes tables.go (source, sizes, script classification
// bitsets) and copies the Apache-2.0 licence of the data to LICENSE.opencc.
//
// Usage:
//
//	go run gen.go                              # fetch opencc-js@1.4.2 with `npm pack`
//	go run gen.go -local opencc-js-1.4.2.tgz
//	go run gen.go -local path/to/unpacked/package
//
// gen never runs during go test; it needs the network only without -local.
//
// # What is generated
//
// T→S follows opencc-js's "t2s" configuration (Converter({from: 't', to:
// 'cn'})): CJK compatibility ideographs are normalised first, then one
// longest-match pass over TSPhrases and TSCharacters (a phrase wins over a
// character; TSPhrases wins over TSCharacters for the same key). On top of
// that, gen folds the Taiwan and Hong Kong variant characters of
// TWVariantsRev and HKVariantsRev that t2s would leave unchanged although
// their standard form converts (衞→衛→卫, 敍→敘→叙, 衹→只, ...). The fold
// is a character pass after the normalisation, exactly as if opencc-js ran
// ConverterFactory([CJK], [fold], [TSPhrases, TSCharacters]). A variant is
// folded only when it is not itself in use in simplified text (so 著 and 么,
// which TWVariantsRev maps to 着 and 幺, are left alone).
//
// S→T follows opencc-js's "s2t" configuration (Converter({from: 'cn', to:
// 't'})): normalisation, then STPhrases, STPhrases_GeneratedFromRegionalPhrases
// and STCharacters in one longest-match pass.
//
// # Table format
//
// Each table is UTF-8 text, one item a line:
//
//	opencc <name>             magic line
//	@pre <n>                  n lines "k\tv": single runes rewritten before matching
//	@dict <n>                 n lines, sorted by key in byte order:
//	<p>suffix\tvalue          explicit value
//	<p>suffix                 a phrase whose value is its key converted rune by
//	                          rune with the single-rune entries of this @dict
//
// where the byte <p> is '0'+n: the key is the first n runes of the previous
// key followed by suffix (front coding; n < len(key) and n <= 15).
//
// # Script classification
//
// A character is traditional-only when T→S changes it on its own and it is
// not in use in simplified text, and simplified-only when S→T changes it on
// its own and it is not in use in traditional text. "In use" is taken from
// the data: the other direction's character table, the Taiwan and Hong Kong
// standard forms (for traditional), and being kept unchanged at the same
// position in at least minKept phrase entries (乾 in 乾隆, 后 in 皇后, 干 in
// 若干). The two sets are written to tables.go as bitsets.
package main

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/internal/gen"
)

// minKept is how many phrase entries must keep a character unchanged before
// it counts as in use in the other script.
const minKept = 3

// maxShared is the longest key prefix front coding takes from the previous
// key.
const maxShared = 15

const dictDir = "dist/esm-lib/dict/"

// dictNames are the dictionaries gen reads, in a fixed order (it matters for
// the recorded checksum).
var dictNames = []string{
	"CJK_Compatibility_Ideographs",
	"TSPhrases", "TSCharacters",
	"STPhrases", "STPhrases_GeneratedFromRegionalPhrases", "STCharacters",
	"TWVariants", "TWVariantsRev", "HKVariants", "HKVariantsRev",
}

// presets are the opencc-js configurations gen reproduces; gen stops if the
// package describes them differently, since the tables would then no longer
// match opencc-js.
var presets = []string{
	"t2s: { normalizationChain: [[dict_CJK_Compatibility_Ideographs]], conversionChain: [[dict_TSPhrases, dict_TSCharacters]] }",
	"s2t: { normalizationChain: [[dict_CJK_Compatibility_Ideographs]], conversionChain: [[dict_STPhrases, dict_STPhrases_GeneratedFromRegionalPhrases, dict_STCharacters]] }",
}

func main() {
	version := flag.String("version", "1.4.2", "version of the npm package opencc-js")
	local := flag.String("local", "", "use this npm tarball (.tgz) or unpacked package directory instead of running npm pack")
	dir := flag.String("out", ".", "directory to write the tables to")
	flag.Parse()
	if err := run(*version, *local, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(version, local, dir string) error {
	files, err := load(version, local)
	if err != nil {
		return err
	}
	if err := checkPackage(files, version); err != nil {
		return err
	}
	dicts := map[string][]pair{}
	sum := sha256.New()
	for _, name := range dictNames {
		path := dictDir + name + ".js"
		b, ok := files[path]
		if !ok {
			return fmt.Errorf("package has no %s", path)
		}
		sum.Write(b)
		d, err := parseDict(b)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		dicts[name] = d
	}
	lic, ok := files["LICENSES/Apache-2.0.txt"]
	if !ok {
		return errors.New("package has no LICENSES/Apache-2.0.txt")
	}

	compat := toMap(dicts["CJK_Compatibility_Ideographs"])
	ts := merge(dicts["TSPhrases"], dicts["TSCharacters"])
	st := merge(dicts["STPhrases"], dicts["STPhrases_GeneratedFromRegionalPhrases"], dicts["STCharacters"])
	tsChars := toMap(dicts["TSCharacters"])
	stChars := toMap(dicts["STCharacters"])

	// Which characters are in use in each script.
	kept := keptCounts(dicts["TSPhrases"], dicts["STPhrases"], dicts["STPhrases_GeneratedFromRegionalPhrases"])
	inSimp := map[rune]bool{}
	inTrad := map[rune]bool{}
	for k, v := range tsChars {
		inTrad[k] = true
		inSimp[v] = true
	}
	for k, v := range stChars {
		inSimp[k] = true
		inTrad[v] = true
	}
	for _, name := range []string{"TWVariants", "HKVariants"} {
		for _, p := range dicts[name] {
			for _, r := range p.v {
				inTrad[r] = true
			}
		}
	}
	for r, n := range kept {
		if n >= minKept {
			inSimp[r] = true
			inTrad[r] = true
		}
	}

	// Variant folding for T→S (see the package comment).
	fold := map[rune]rune{}
	for _, name := range []string{"TWVariantsRev", "HKVariantsRev"} {
		for _, p := range dicts[name] {
			k, v := single(p.k), single(p.v)
			if k < 0 || v < 0 {
				return fmt.Errorf("%s: entry %q is not a single character", name, p.k)
			}
			if _, done := fold[k]; done {
				continue
			}
			if _, ok := tsChars[k]; ok || inSimp[k] {
				continue
			}
			via := v
			if w, ok := tsChars[v]; ok {
				via = w
			}
			if via != k {
				fold[k] = v
			}
		}
	}
	t2sPre := map[rune]rune{}
	for k, v := range compat {
		if f, ok := fold[v]; ok {
			v = f
		}
		t2sPre[k] = v
	}
	for k, v := range fold {
		t2sPre[k] = v
	}

	// Classification sets.
	trad := map[rune]bool{}
	for k, v := range tsChars {
		if k != v && !inSimp[k] {
			trad[k] = true
		}
	}
	for k := range fold {
		trad[k] = true
	}
	simp := map[rune]bool{}
	for k, v := range stChars {
		if k != v && !inTrad[k] {
			simp[k] = true
		}
	}

	t2s, t2sN, err := table("t2s", t2sPre, ts)
	if err != nil {
		return err
	}
	s2t, s2tN, err := table("s2t", compat, st)
	if err != nil {
		return err
	}
	t2sGz, err := compress(t2s)
	if err != nil {
		return err
	}
	s2tGz, err := compress(s2t)
	if err != nil {
		return err
	}

	var g bytes.Buffer
	fmt.Fprintf(&g, "// Code generated by \"go run gen.go\"; DO NOT EDIT.\n")
	fmt.Fprintf(&g, "// Source: npm package opencc-js@%s (%s*.js), OpenCC dictionaries,\n", version, dictDir)
	fmt.Fprintf(&g, "// Apache-2.0; see LICENSE.opencc. SHA-256 of the dictionaries read: %s.\n", hex.EncodeToString(sum.Sum(nil)))
	fmt.Fprintf(&g, "// t2s: %d entries, %d folded variants, %d bytes, %d compressed.\n", t2sN, len(fold), len(t2s), len(t2sGz))
	fmt.Fprintf(&g, "// s2t: %d entries, %d bytes, %d compressed.\n", s2tN, len(s2t), len(s2tGz))
	fmt.Fprintf(&g, "// Classification: %d traditional-only, %d simplified-only characters.\n", len(trad), len(simp))
	fmt.Fprintf(&g, "\npackage opencc\n\nimport _ \"embed\"\n\n")
	fmt.Fprintf(&g, "// DataSource names the npm package and version the embedded tables were\n// generated from.\n")
	fmt.Fprintf(&g, "const DataSource = %q\n\n", "opencc-js@"+version)
	fmt.Fprintf(&g, "const (\n\tt2sName = \"t2s.txt.gz\"\n\tt2sSize = %d\n\ts2tName = \"s2t.txt.gz\"\n\ts2tSize = %d\n)\n\n", len(t2s), len(s2t))
	fmt.Fprintf(&g, "// t2sData is the gzip-compressed T→S table. It is never modified.\n//\n//go:embed t2s.txt.gz\nvar t2sData string\n\n")
	fmt.Fprintf(&g, "// s2tData is the gzip-compressed S→T table. It is never modified.\n//\n//go:embed s2t.txt.gz\nvar s2tData string\n\n")
	writeSet(&g, "trad", "traditional-only", trad)
	writeSet(&g, "simp", "simplified-only", simp)
	src, err := format.Source(g.Bytes())
	if err != nil {
		return fmt.Errorf("formatting tables.go: %w", err)
	}

	for name, b := range map[string][]byte{
		"t2s.txt.gz":     t2sGz,
		"s2t.txt.gz":     s2tGz,
		"tables.go":      src,
		"LICENSE.opencc": lic,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	folded := slices.Sorted(maps.Keys(fold))
	var fs []string
	for _, k := range folded {
		fs = append(fs, string(k)+"→"+string(fold[k]))
	}
	fmt.Fprintf(os.Stderr, "gen: folded variants: %s\n", strings.Join(fs, " "))
	return nil
}

// load returns the files of opencc-js, keyed by their path below the
// package root.
func load(version, local string) (map[string][]byte, error) {
	return gen.NPMFiles("opencc-js", version, local, nil)
}

// checkPackage makes sure files are opencc-js at the wanted version and that
// its presets are the ones gen reproduces.
func checkPackage(files map[string][]byte, version string) error {
	pj := string(files["package.json"])
	if !strings.Contains(pj, `"name": "opencc-js"`) || !strings.Contains(pj, `"version": "`+version+`"`) {
		return fmt.Errorf("package.json does not describe opencc-js %s", version)
	}
	full := string(files["dist/esm-lib/preset/full.js"])
	for _, p := range presets {
		if !strings.Contains(full, p) {
			return fmt.Errorf("dist/esm-lib/preset/full.js lacks %q: the presets changed, review gen.go", p)
		}
	}
	return nil
}

// pair is one dictionary entry.
type pair struct{ k, v string }

// parseDict parses a dictionary module of opencc-js: `export default
// "k v|k v|...";`.
func parseDict(b []byte) ([]pair, error) {
	s := strings.TrimSpace(string(b))
	s, ok := strings.CutPrefix(s, `export default "`)
	if !ok {
		return nil, errors.New(`no "export default" string`)
	}
	s = strings.TrimSuffix(s, ";")
	s, ok = strings.CutSuffix(s, `"`)
	if !ok || strings.ContainsAny(s, "\"\\\n\t") || !utf8.ValidString(s) {
		return nil, errors.New("unexpected string literal")
	}
	var d []pair
	for _, e := range strings.Split(s, "|") {
		f := strings.Split(e, " ")
		if len(f) != 2 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("entry %q is not \"key value\"", e)
		}
		d = append(d, pair{f[0], f[1]})
	}
	return d, nil
}

// merge combines dictionaries the way an opencc-js trie loads a group: a key
// of an earlier dictionary wins, and within one dictionary the last entry
// for a key wins.
func merge(dicts ...[]pair) map[string]string {
	m := map[string]string{}
	for i := len(dicts) - 1; i >= 0; i-- {
		for _, p := range dicts[i] {
			m[p.k] = p.v
		}
	}
	return m
}

// toMap returns a dictionary of single characters as a rune map.
func toMap(d []pair) map[rune]rune {
	m := map[rune]rune{}
	for _, p := range d {
		if k, v := single(p.k), single(p.v); k >= 0 && v >= 0 {
			m[k] = v
		}
	}
	return m
}

// single returns the only rune of s, or -1.
func single(s string) rune {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) {
		return -1
	}
	return r
}

// keptCounts counts, per rune, the phrase entries whose key and value have
// that rune at the same position.
func keptCounts(dicts ...[]pair) map[rune]int {
	n := map[rune]int{}
	for _, d := range dicts {
		for _, p := range d {
			k, v := []rune(p.k), []rune(p.v)
			if len(k) != len(v) || len(k) < 2 {
				continue
			}
			seen := map[rune]bool{}
			for i := range k {
				if k[i] == v[i] && !seen[k[i]] {
					seen[k[i]] = true
					n[k[i]]++
				}
			}
		}
	}
	return n
}

// table writes the text table of one converter and returns it with its
// number of @dict entries.
func table(name string, pre map[rune]rune, dict map[string]string) ([]byte, int, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "opencc %s\n@pre %d\n", name, len(pre))
	for _, k := range slices.Sorted(maps.Keys(pre)) {
		fmt.Fprintf(&b, "%c\t%c\n", k, pre[k])
	}
	chars := map[rune]string{}
	for k, v := range dict {
		if r := single(k); r >= 0 {
			chars[r] = v
		}
	}
	keys := slices.Sorted(maps.Keys(dict))
	fmt.Fprintf(&b, "@dict %d\n", len(keys))
	var prev []rune
	for _, k := range keys {
		if strings.ContainsAny(k, "\t\n") || strings.ContainsAny(dict[k], "\t\n") {
			return nil, 0, fmt.Errorf("%s: entry %q holds a tab or newline", name, k)
		}
		kr := []rune(k)
		n := 0
		for n < len(kr)-1 && n < len(prev) && n < maxShared && kr[n] == prev[n] {
			n++
		}
		prev = kr
		fmt.Fprintf(&b, "%c%s", '0'+n, string(kr[n:]))
		if single(k) < 0 && derive(k, chars) == dict[k] {
			b.WriteByte('\n')
		} else {
			fmt.Fprintf(&b, "\t%s\n", dict[k])
		}
	}
	return b.Bytes(), len(keys), nil
}

// derive converts a phrase rune by rune with the single-rune entries.
func derive(k string, chars map[rune]string) string {
	var b strings.Builder
	for _, r := range k {
		if v, ok := chars[r]; ok {
			b.WriteString(v)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func compress(b []byte) ([]byte, error) {
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeSet writes a rune set as a bitset over [lo, hi) for runes up to
// U+FFFF and a string of the sorted larger runes.
func writeSet(w *bytes.Buffer, name, desc string, set map[rune]bool) {
	lo, hi := rune(0xFFFF), rune(0)
	var astral []rune
	for r := range set {
		if r > 0xFFFF {
			astral = append(astral, r)
			continue
		}
		lo, hi = min(lo, r), max(hi, r+1)
	}
	lo &^= 7
	slices.SortFunc(astral, cmp.Compare)
	bits := make([]byte, (hi-lo+7)/8)
	for r := range set {
		if r <= 0xFFFF {
			bits[(r-lo)/8] |= 1 << ((r - lo) % 8)
		}
	}
	fmt.Fprintf(w, "// %sLo and %sHi bound the bitset %sBits of the %s characters\n", name, name, name, desc)
	fmt.Fprintf(w, "// up to U+FFFF: bit r-%sLo (byte (r-%sLo)/8, bit (r-%sLo)%%8) is set for each.\n", name, name, name)
	fmt.Fprintf(w, "// %sAstral holds the larger ones, sorted, 4 bytes of UTF-8 each.\n", name)
	fmt.Fprintf(w, "const (\n\t%sLo = 0x%04X\n\t%sHi = 0x%04X\n", name, lo, name, hi)
	fmt.Fprintf(w, "\t%sAstral = %q\n", name, string(astral))
	fmt.Fprintf(w, "\t%sBits = \"\" +\n", name)
	for i := 0; i < len(bits); i += 32 {
		line := bits[i:min(i+32, len(bits))]
		var sb strings.Builder
		for _, c := range line {
			fmt.Fprintf(&sb, "\\x%02x", c)
		}
		sep := " +"
		if i+32 >= len(bits) {
			sep = ""
		}
		fmt.Fprintf(w, "\t\t\"%s\"%s\n", sb.String(), sep)
	}
	fmt.Fprintf(w, ")\n\n")
}
