package numex

// This file holds the Roman numerals both extractors read: annex II,
// Form III, World War II; a one-letter numeral (annex I, chapter V) only
// after a word that introduces one.

// romans holds the canonical Roman numerals from 1 to 39.
var romans = [...]string{"",
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
	"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	"XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
	"XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
}

// romanValue returns the value of w when it is an upper-case Roman numeral
// written with I, V and X in canonical form (annex II, Form III), else 0.
func romanValue(w string) int {
	if len(w) == 0 || len(w) > 7 {
		return 0
	}
	total := 0
	for i := 0; i < len(w); i++ {
		v := romanDigit(w[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(w) && romanDigit(w[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= len(romans) || romans[total] != w {
		return 0
	}
	return total
}

// romanDigit returns the value of the Roman digit c (I, V or X), or 0.
func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	}
	return 0
}

// romanIntro lists the words after which a one-letter Roman numeral is a
// number: annex I, chapter V.
var romanIntro = [...]string{"annex", "annexes", "chapter", "section", "article", "schedule", "table",
	"phase", "form", "volume", "title", "appendix"}

// romanIntroNotI lists the words after which a one-letter Roman numeral is
// a number unless it is "I", more often the pronoun there: part X, but
// "for my part I will".
var romanIntroNotI = [...]string{"part", "class", "grade", "stage", "type", "category", "book"}

// romanContext reports whether the word before s[p], separated from it by
// ASCII spaces, introduces a one-letter Roman numeral: annex I, chapter V,
// part X.
func romanContext(s string, p int) bool {
	i := p
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && isLetter(s[j-1]) {
		j--
	}
	if i == p || j == i {
		return false
	}
	w := s[j:i]
	for _, k := range romanIntro {
		if eqFold(w, k) {
			return true
		}
	}
	if s[p] == 'I' {
		return false
	}
	for _, k := range romanIntroNotI {
		if eqFold(w, k) {
			return true
		}
	}
	return false
}
