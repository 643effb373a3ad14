package numex

// wkind classifies an English word for the number scanner.
type wkind uint8

const (
	wNone       wkind = iota
	wA                // a, an: "a hundred"
	wAnd              // and: "one hundred and five", KJV "seven and twenty"
	wOf               // of: "the 15th of November", "tens of thousands"
	wUnit             // one … nineteen
	wTen              // twenty … ninety
	wTenScore         // threescore, fourscore (KJV)
	wHundred          // hundred
	wScale            // thousand, million, billion, trillion; bn after digits
	wOrdUnit          // first … nineteenth
	wOrdTen           // twentieth … ninetieth
	wOrdHundred       // hundredth
	wOrdScale         // thousandth, millionth, billionth
	wDozen            // dozen
	wScore            // score (×20)
	wDenoms           // thirds, quarters, halves …: plural denominators
	wDenom            // half, quarter: singular denominators that are not ordinals
	wVague            // hundreds, thousands, millions, billions, dozens, tens
	wFew              // several, few: "several hundred"
	wPer              // per: "per cent"
	wCent             // cent
	wPercent          // percent, pct
	wApprox           // nearly, about, over, … : qualifies the next number
	wNo               // no: "No. 1", "no one"
	wDet              // any, every, each, the, this, that, which: "the one"
	wAnother          // another: "one another"
	wMonth            // january … december, and abbreviations
	wWeekday          // monday … sunday
	wBoth             // both: a weak 2 (两国 = both countries)
)

// wclass is the class of a word and its value: the number for number words,
// the power of ten for scales, 1–12 for months, 1–7 for weekdays.
type wclass struct {
	kind wkind
	abbr bool // abbreviated month name (Nov), which may take a dot
	val  int64
}

// classify returns the class of the ASCII word w, ignoring case.
func classify(w string) wclass {
	if len(w) == 0 || len(w) > 13 {
		return wclass{}
	}
	var buf [13]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return lookupWord(string(buf[:len(w)]))
}

// lookupWord maps a lower-case word to its class.
func lookupWord(w string) wclass {
	switch w {
	case "a", "an":
		return wclass{kind: wA, val: 1}
	case "and":
		return wclass{kind: wAnd}
	case "of":
		return wclass{kind: wOf}

	case "one":
		return wclass{kind: wUnit, val: 1}
	case "two":
		return wclass{kind: wUnit, val: 2}
	case "three":
		return wclass{kind: wUnit, val: 3}
	case "four":
		return wclass{kind: wUnit, val: 4}
	case "five":
		return wclass{kind: wUnit, val: 5}
	case "six":
		return wclass{kind: wUnit, val: 6}
	case "seven":
		return wclass{kind: wUnit, val: 7}
	case "eight":
		return wclass{kind: wUnit, val: 8}
	case "nine":
		return wclass{kind: wUnit, val: 9}
	case "ten":
		return wclass{kind: wUnit, val: 10}
	case "eleven":
		return wclass{kind: wUnit, val: 11}
	case "twelve":
		return wclass{kind: wUnit, val: 12}
	case "thirteen":
		return wclass{kind: wUnit, val: 13}
	case "fourteen":
		return wclass{kind: wUnit, val: 14}
	case "fifteen":
		return wclass{kind: wUnit, val: 15}
	case "sixteen":
		return wclass{kind: wUnit, val: 16}
	case "seventeen":
		return wclass{kind: wUnit, val: 17}
	case "eighteen":
		return wclass{kind: wUnit, val: 18}
	case "nineteen":
		return wclass{kind: wUnit, val: 19}

	case "twenty":
		return wclass{kind: wTen, val: 20}
	case "thirty":
		return wclass{kind: wTen, val: 30}
	case "forty", "fourty":
		return wclass{kind: wTen, val: 40}
	case "fifty":
		return wclass{kind: wTen, val: 50}
	case "sixty":
		return wclass{kind: wTen, val: 60}
	case "seventy":
		return wclass{kind: wTen, val: 70}
	case "eighty":
		return wclass{kind: wTen, val: 80}
	case "ninety":
		return wclass{kind: wTen, val: 90}
	case "threescore":
		return wclass{kind: wTenScore, val: 60}
	case "fourscore":
		return wclass{kind: wTenScore, val: 80}

	case "hundred":
		return wclass{kind: wHundred, val: 2}
	case "thousand":
		return wclass{kind: wScale, val: 3}
	case "million":
		return wclass{kind: wScale, val: 6}
	case "billion":
		return wclass{kind: wScale, val: 9}
	case "trillion":
		return wclass{kind: wScale, val: 12}

	case "first", "firstly":
		return wclass{kind: wOrdUnit, val: 1}
	case "secondly":
		return wclass{kind: wOrdUnit, val: 2}
	case "thirdly":
		return wclass{kind: wOrdUnit, val: 3}
	case "fourthly":
		return wclass{kind: wOrdUnit, val: 4}
	case "fifthly":
		return wclass{kind: wOrdUnit, val: 5}
	case "second":
		return wclass{kind: wOrdUnit, val: 2}
	case "third":
		return wclass{kind: wOrdUnit, val: 3}
	case "fourth":
		return wclass{kind: wOrdUnit, val: 4}
	case "fifth":
		return wclass{kind: wOrdUnit, val: 5}
	case "sixth":
		return wclass{kind: wOrdUnit, val: 6}
	case "seventh":
		return wclass{kind: wOrdUnit, val: 7}
	case "eighth":
		return wclass{kind: wOrdUnit, val: 8}
	case "ninth":
		return wclass{kind: wOrdUnit, val: 9}
	case "tenth":
		return wclass{kind: wOrdUnit, val: 10}
	case "eleventh":
		return wclass{kind: wOrdUnit, val: 11}
	case "twelfth":
		return wclass{kind: wOrdUnit, val: 12}
	case "thirteenth":
		return wclass{kind: wOrdUnit, val: 13}
	case "fourteenth":
		return wclass{kind: wOrdUnit, val: 14}
	case "fifteenth":
		return wclass{kind: wOrdUnit, val: 15}
	case "sixteenth":
		return wclass{kind: wOrdUnit, val: 16}
	case "seventeenth":
		return wclass{kind: wOrdUnit, val: 17}
	case "eighteenth":
		return wclass{kind: wOrdUnit, val: 18}
	case "nineteenth":
		return wclass{kind: wOrdUnit, val: 19}

	case "twentieth":
		return wclass{kind: wOrdTen, val: 20}
	case "thirtieth":
		return wclass{kind: wOrdTen, val: 30}
	case "fortieth":
		return wclass{kind: wOrdTen, val: 40}
	case "fiftieth":
		return wclass{kind: wOrdTen, val: 50}
	case "sixtieth":
		return wclass{kind: wOrdTen, val: 60}
	case "seventieth":
		return wclass{kind: wOrdTen, val: 70}
	case "eightieth":
		return wclass{kind: wOrdTen, val: 80}
	case "ninetieth":
		return wclass{kind: wOrdTen, val: 90}
	case "hundredth":
		return wclass{kind: wOrdHundred, val: 2}
	case "thousandth":
		return wclass{kind: wOrdScale, val: 3}
	case "millionth":
		return wclass{kind: wOrdScale, val: 6}
	case "billionth":
		return wclass{kind: wOrdScale, val: 9}

	case "dozen":
		return wclass{kind: wDozen, val: 12}
	case "score":
		return wclass{kind: wScore, val: 20}

	case "halves":
		return wclass{kind: wDenoms, val: 2}
	case "thirds":
		return wclass{kind: wDenoms, val: 3}
	case "quarters", "fourths":
		return wclass{kind: wDenoms, val: 4}
	case "fifths":
		return wclass{kind: wDenoms, val: 5}
	case "sixths":
		return wclass{kind: wDenoms, val: 6}
	case "sevenths":
		return wclass{kind: wDenoms, val: 7}
	case "eighths":
		return wclass{kind: wDenoms, val: 8}
	case "ninths":
		return wclass{kind: wDenoms, val: 9}
	case "tenths":
		return wclass{kind: wDenoms, val: 10}
	case "half":
		return wclass{kind: wDenom, val: 2}
	case "quarter":
		return wclass{kind: wDenom, val: 4}

	case "tens", "dozens":
		return wclass{kind: wVague, val: 1}
	case "hundreds":
		return wclass{kind: wVague, val: 2}
	case "thousands":
		return wclass{kind: wVague, val: 3}
	case "millions":
		return wclass{kind: wVague, val: 6}
	case "billions":
		return wclass{kind: wVague, val: 9}
	case "several", "few":
		return wclass{kind: wFew}

	case "per":
		return wclass{kind: wPer}
	case "cent":
		return wclass{kind: wCent}
	case "percent", "pct":
		return wclass{kind: wPercent}

	case "nearly", "about", "around", "approximately", "almost", "over",
		"some", "roughly", "than", "least", "circa", "approx", "exceeding":
		return wclass{kind: wApprox}

	case "no":
		return wclass{kind: wNo}
	case "any", "every", "each", "the", "this", "that", "which":
		return wclass{kind: wDet}
	case "another":
		return wclass{kind: wAnother}
	case "both":
		return wclass{kind: wBoth, val: 2}

	case "january":
		return wclass{kind: wMonth, val: 1}
	case "february":
		return wclass{kind: wMonth, val: 2}
	case "march":
		return wclass{kind: wMonth, val: 3}
	case "april":
		return wclass{kind: wMonth, val: 4}
	case "may":
		return wclass{kind: wMonth, val: 5}
	case "june":
		return wclass{kind: wMonth, val: 6}
	case "july":
		return wclass{kind: wMonth, val: 7}
	case "august":
		return wclass{kind: wMonth, val: 8}
	case "september":
		return wclass{kind: wMonth, val: 9}
	case "october":
		return wclass{kind: wMonth, val: 10}
	case "november":
		return wclass{kind: wMonth, val: 11}
	case "december":
		return wclass{kind: wMonth, val: 12}
	case "jan":
		return wclass{kind: wMonth, abbr: true, val: 1}
	case "feb":
		return wclass{kind: wMonth, abbr: true, val: 2}
	case "mar":
		return wclass{kind: wMonth, abbr: true, val: 3}
	case "apr":
		return wclass{kind: wMonth, abbr: true, val: 4}
	case "jun":
		return wclass{kind: wMonth, abbr: true, val: 6}
	case "jul":
		return wclass{kind: wMonth, abbr: true, val: 7}
	case "aug":
		return wclass{kind: wMonth, abbr: true, val: 8}
	case "sep", "sept":
		return wclass{kind: wMonth, abbr: true, val: 9}
	case "oct":
		return wclass{kind: wMonth, abbr: true, val: 10}
	case "nov":
		return wclass{kind: wMonth, abbr: true, val: 11}
	case "dec":
		return wclass{kind: wMonth, abbr: true, val: 12}

	case "monday":
		return wclass{kind: wWeekday, val: 1}
	case "tuesday":
		return wclass{kind: wWeekday, val: 2}
	case "wednesday":
		return wclass{kind: wWeekday, val: 3}
	case "thursday":
		return wclass{kind: wWeekday, val: 4}
	case "friday":
		return wclass{kind: wWeekday, val: 5}
	case "saturday":
		return wclass{kind: wWeekday, val: 6}
	case "sunday":
		return wclass{kind: wWeekday, val: 7}
	}
	return wclass{}
}

// isNumberWord reports whether k can start or continue a spelled-out number.
func (k wkind) isNumberWord() bool {
	switch k {
	case wUnit, wTen, wTenScore, wHundred, wScale, wOrdUnit, wOrdTen, wOrdHundred, wOrdScale, wDozen, wScore:
		return true
	}
	return false
}

func (k wkind) isOrdinal() bool {
	switch k {
	case wOrdUnit, wOrdTen, wOrdHundred, wOrdScale:
		return true
	}
	return false
}
