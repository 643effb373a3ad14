package segment

import (
	"golang.org/x/text/unicode/norm"

	"github.com/zhenalign/zhenalign/internal/opencc"
)

// newSentence builds the sentence text[a:b] of language lang in paragraph
// para. It also returns the counts of traditional-only and simplified-only
// characters, from which the paragraph's script is derived.
func newSentence(text []byte, a, b int, lang Lang, para int) (Sentence, int, int) {
	clean, flags := clean(text[a:b])
	s := Sentence{Lang: lang, Text: clean, Start: a, End: b, Para: para, Flags: flags}
	var trad, simp int
	s.Norm = norm.NFKC.String(clean)
	if lang == Chinese {
		trad, simp = classifyScript(s.Norm)
		s.Script = scriptOf(trad, simp)
		s.Norm = toSimplified(s.Norm)
	}
	return s, trad, simp
}

// ScriptOf returns the script of text read as one line, as Parse with
// Presplit gives it to the first sentence (the text up to the first line
// break): NoScript when that line is not mostly Chinese or when Parse
// rejects text. It is cheaper than Parse: nothing is converted to
// simplified script.
func ScriptOf(text string) Script {
	b := []byte(text)
	if len(b) == 0 || check(b) != nil {
		return NoScript
	}
	end, _ := lineEnd(b, 0, false)
	s, e := trim(b, 0, end)
	if lineLang(strongRuns(b[s:e], nil)) != Chinese {
		return NoScript
	}
	c, _ := clean(b[s:e])
	return scriptOf(classifyScript(norm.NFKC.String(c)))
}

// scriptOf names the script of a span holding trad traditional-only and
// simp simplified-only characters: a stray character of the other script
// in ten does not make it Mixed.
func scriptOf(trad, simp int) Script {
	switch {
	case trad == 0 && simp == 0:
		return Ambiguous
	case simp*10 <= trad:
		return Traditional
	case trad*10 <= simp:
		return Simplified
	}
	return Mixed
}

// classifyScript counts the traditional-only and simplified-only
// characters of s.
func classifyScript(s string) (trad, simp int) { return opencc.Classify(s) }

// toSimplified converts s to simplified script with the OpenCC tables
// (phrases first, then characters).
func toSimplified(s string) string {
	c, err := opencc.T2S()
	if err != nil {
		// The tables are embedded in the binary: they cannot be missing,
		// and a test parses them. Matching then works on the text as
		// written, which is still correct for simplified input.
		return s
	}
	return c.Convert(s)
}
