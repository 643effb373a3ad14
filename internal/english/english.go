// Package english reduces English words to the stems used for lexical
// matching, on the text side (package align) and on the dictionary side
// (package lexdict, at go generate time and when a user dictionary is
// loaded), so that both sides are reduced the same way.
//
// All functions are pure and safe for concurrent use; the tables behind
// them are built once at package initialisation and never written.
package english

import "strings"

// Stem reduces a lower-case English word to a stem shared by its inflected
// forms: plural and third person -s, -ed, -ing, and a final -e, so that
// "promotes", "promoted", "promoting" and "promote" all give "promot", and a
// dictionary gloss
// ("to promote") meets the text ("promoted", "promoting"). It is applied the
// same way to the text and to the dictionary; it is not a lemmatiser.
func Stem(w string) string {
	if s, ok := irregular[w]; ok {
		return s
	}
	if len(w) <= 3 || !IsLowerASCII(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zzes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "eed"):
	case strings.HasSuffix(w, "ed") && len(w) >= 4:
		return shortStem(undouble(w[:len(w)-2]))
	case strings.HasSuffix(w, "ing") && len(w) >= 5 && !ingNoun[w]:
		return shortStem(undouble(w[:len(w)-3]))
	}
	if len(w) > 3 && w[len(w)-1] == 'e' && w[len(w)-2] != 'e' {
		w = w[:len(w)-1]
	}
	return w
}

// shortStem finishes the stem left by removing -ed or -ing: a final e is
// dropped as stem drops it from the base form ("promot"), and a stem of two
// letters ending in a consonant gets its e back ("us" from "used" and
// "using" is the base form "use").
func shortStem(w string) string {
	switch {
	case len(w) == 2 && !strings.ContainsRune("aeiouy", rune(w[1])):
		return w + "e"
	case len(w) > 3 && w[len(w)-1] == 'e' && w[len(w)-2] != 'e':
		return w[:len(w)-1]
	}
	return w
}

// undouble removes the doubled final consonant left by -ed and -ing
// ("stopped", "running"), but not a double l, s or z.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// IsLowerASCII reports whether w consists of the letters a–z only (the
// empty string does).
func IsLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// ingNoun lists words in -ing that are not verb forms.
var ingNoun = map[string]bool{
	"thing": true, "nothing": true, "something": true, "anything": true, "everything": true,
	"morning": true, "evening": true, "ceiling": true, "during": true, "spring": true,
	"string": true, "offspring": true, "wedding": true, "pudding": true,
}

// irregular maps frequent irregular forms to the stem of their base form.
var irregular = map[string]string{
	"went": "go", "gone": "go", "goes": "go", "said": "say", "says": "say", "made": "mak",
	"came": "com", "come": "com", "took": "tak", "taken": "tak", "gave": "giv", "given": "giv",
	"saw": "se", "seen": "se", "sees": "se", "see": "se", "knew": "know", "known": "know",
	"thought": "think", "told": "tell", "found": "find", "left": "leav", "felt": "feel",
	"brought": "bring", "bought": "buy", "held": "hold", "stood": "stand", "sat": "sit",
	"ran": "run", "began": "begin", "begun": "begin", "wrote": "writ", "written": "writ",
	"spoke": "speak", "spoken": "speak", "ate": "eat", "eaten": "eat", "drank": "drink",
	"slept": "sleep", "met": "meet", "lost": "los", "paid": "pay", "sent": "send", "built": "build",
	"fell": "fall", "fallen": "fall", "got": "get", "gotten": "get", "kept": "keep", "led": "lead",
	"men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
	"people": "peopl", "mice": "mous", "better": "good", "best": "good", "worse": "bad", "worst": "bad",
	"died": "die", "dies": "die", "dying": "die", "lying": "lie", "lies": "lie", "tied": "tie", "ties": "tie",
}

// IsStopWord reports whether the lower-case word w is an English function
// word, left out of lexical matching on both sides (a dictionary
// translation that is a stop word is dropped).
func IsStopWord(w string) bool { return stopWords[w] }

// stopWords holds the words of IsStopWord.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`a an the and or but nor so yet for of to in on at by with from into onto
		upon about as than then that this these those there here it its it's itself i me my mine myself
		we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
		herself they them their theirs themselves one ones be is am are was were been being have has had
		having do does did doing done will would shall should can could may might must not no yes
		if when while where which who whom whose what why how all any both each either neither every
		some such other another own same very too also just only even still again ever never more most
		much many few less least up down out off over under above below between through during before
		after since until till against among per via etc sb sth someone something oneself ones' 's
		o oh ah mr mrs ms miss dr sir madam`) {
		m[w] = true
	}
	return m
}()
