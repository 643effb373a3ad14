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
	if len(w) == 0 || len(w) > maxWordLen {
		return wclass{}
	}
	var buf [maxWordLen]byte
	h := uint32(hashSeed)
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
		h = hashStep(h, buf[i])
	}
	return wordIndex.lookup(buf[:len(w)], h)
}

// wordClasses lists every word the English scanner knows, with its class
// and value (see wclass). classify reads it through wordIndex.
var wordClasses = map[string]wclass{
	// Glue: "a hundred", "one hundred and five", "tens of thousands".
	"a":   {kind: wA, val: 1},
	"an":  {kind: wA, val: 1},
	"and": {kind: wAnd},
	"of":  {kind: wOf},

	// Units and teens.
	"one":       {kind: wUnit, val: 1},
	"two":       {kind: wUnit, val: 2},
	"three":     {kind: wUnit, val: 3},
	"four":      {kind: wUnit, val: 4},
	"five":      {kind: wUnit, val: 5},
	"six":       {kind: wUnit, val: 6},
	"seven":     {kind: wUnit, val: 7},
	"eight":     {kind: wUnit, val: 8},
	"nine":      {kind: wUnit, val: 9},
	"ten":       {kind: wUnit, val: 10},
	"eleven":    {kind: wUnit, val: 11},
	"twelve":    {kind: wUnit, val: 12},
	"thirteen":  {kind: wUnit, val: 13},
	"fourteen":  {kind: wUnit, val: 14},
	"fifteen":   {kind: wUnit, val: 15},
	"sixteen":   {kind: wUnit, val: 16},
	"seventeen": {kind: wUnit, val: 17},
	"eighteen":  {kind: wUnit, val: 18},
	"nineteen":  {kind: wUnit, val: 19},

	// Tens; KJV threescore and fourscore.
	"twenty":     {kind: wTen, val: 20},
	"thirty":     {kind: wTen, val: 30},
	"forty":      {kind: wTen, val: 40},
	"fourty":     {kind: wTen, val: 40},
	"fifty":      {kind: wTen, val: 50},
	"sixty":      {kind: wTen, val: 60},
	"seventy":    {kind: wTen, val: 70},
	"eighty":     {kind: wTen, val: 80},
	"ninety":     {kind: wTen, val: 90},
	"threescore": {kind: wTenScore, val: 60},
	"fourscore":  {kind: wTenScore, val: 80},

	// Scales: val is the power of ten.
	"hundred":  {kind: wHundred, val: 2},
	"thousand": {kind: wScale, val: 3},
	"million":  {kind: wScale, val: 6},
	"billion":  {kind: wScale, val: 9},
	"trillion": {kind: wScale, val: 12},

	// Ordinal units; the -ly forms of list openers (firstly, secondly).
	"first":       {kind: wOrdUnit, val: 1},
	"firstly":     {kind: wOrdUnit, val: 1},
	"secondly":    {kind: wOrdUnit, val: 2},
	"thirdly":     {kind: wOrdUnit, val: 3},
	"fourthly":    {kind: wOrdUnit, val: 4},
	"fifthly":     {kind: wOrdUnit, val: 5},
	"second":      {kind: wOrdUnit, val: 2},
	"third":       {kind: wOrdUnit, val: 3},
	"fourth":      {kind: wOrdUnit, val: 4},
	"fifth":       {kind: wOrdUnit, val: 5},
	"sixth":       {kind: wOrdUnit, val: 6},
	"seventh":     {kind: wOrdUnit, val: 7},
	"eighth":      {kind: wOrdUnit, val: 8},
	"ninth":       {kind: wOrdUnit, val: 9},
	"tenth":       {kind: wOrdUnit, val: 10},
	"eleventh":    {kind: wOrdUnit, val: 11},
	"twelfth":     {kind: wOrdUnit, val: 12},
	"thirteenth":  {kind: wOrdUnit, val: 13},
	"fourteenth":  {kind: wOrdUnit, val: 14},
	"fifteenth":   {kind: wOrdUnit, val: 15},
	"sixteenth":   {kind: wOrdUnit, val: 16},
	"seventeenth": {kind: wOrdUnit, val: 17},
	"eighteenth":  {kind: wOrdUnit, val: 18},
	"nineteenth":  {kind: wOrdUnit, val: 19},

	// Ordinal tens and scales.
	"twentieth":  {kind: wOrdTen, val: 20},
	"thirtieth":  {kind: wOrdTen, val: 30},
	"fortieth":   {kind: wOrdTen, val: 40},
	"fiftieth":   {kind: wOrdTen, val: 50},
	"sixtieth":   {kind: wOrdTen, val: 60},
	"seventieth": {kind: wOrdTen, val: 70},
	"eightieth":  {kind: wOrdTen, val: 80},
	"ninetieth":  {kind: wOrdTen, val: 90},
	"hundredth":  {kind: wOrdHundred, val: 2},
	"thousandth": {kind: wOrdScale, val: 3},
	"millionth":  {kind: wOrdScale, val: 6},
	"billionth":  {kind: wOrdScale, val: 9},

	// Multipliers.
	"dozen": {kind: wDozen, val: 12},
	"score": {kind: wScore, val: 20},

	// Denominators: plural ones after any numerator, half and quarter after "one" or "a".
	"halves":   {kind: wDenoms, val: 2},
	"thirds":   {kind: wDenoms, val: 3},
	"quarters": {kind: wDenoms, val: 4},
	"fourths":  {kind: wDenoms, val: 4},
	"fifths":   {kind: wDenoms, val: 5},
	"sixths":   {kind: wDenoms, val: 6},
	"sevenths": {kind: wDenoms, val: 7},
	"eighths":  {kind: wDenoms, val: 8},
	"ninths":   {kind: wDenoms, val: 9},
	"tenths":   {kind: wDenoms, val: 10},
	"half":     {kind: wDenom, val: 2},
	"quarter":  {kind: wDenom, val: 4},

	// Vague magnitudes (val is the power of ten) and their quantifiers.
	"tens":      {kind: wVague, val: 1},
	"dozens":    {kind: wVague, val: 1},
	"hundreds":  {kind: wVague, val: 2},
	"thousands": {kind: wVague, val: 3},
	"millions":  {kind: wVague, val: 6},
	"billions":  {kind: wVague, val: 9},
	"several":   {kind: wFew},
	"few":       {kind: wFew},

	// Percent.
	"per":     {kind: wPer},
	"cent":    {kind: wCent},
	"percent": {kind: wPercent},
	"pct":     {kind: wPercent},

	// Approximation words: they qualify the number after them.
	"nearly":        {kind: wApprox},
	"about":         {kind: wApprox},
	"around":        {kind: wApprox},
	"approximately": {kind: wApprox},
	"almost":        {kind: wApprox},
	"over":          {kind: wApprox},
	"some":          {kind: wApprox},
	"roughly":       {kind: wApprox},
	"than":          {kind: wApprox},
	"least":         {kind: wApprox},
	"circa":         {kind: wApprox},
	"approx":        {kind: wApprox},
	"exceeding":     {kind: wApprox},

	// Words that make "one" a pronoun (no one, the one, one another); both.
	"no":      {kind: wNo},
	"any":     {kind: wDet},
	"every":   {kind: wDet},
	"each":    {kind: wDet},
	"the":     {kind: wDet},
	"this":    {kind: wDet},
	"that":    {kind: wDet},
	"which":   {kind: wDet},
	"another": {kind: wAnother},
	"both":    {kind: wBoth, val: 2},

	// Months, full and abbreviated.
	"january":   {kind: wMonth, val: 1},
	"february":  {kind: wMonth, val: 2},
	"march":     {kind: wMonth, val: 3},
	"april":     {kind: wMonth, val: 4},
	"may":       {kind: wMonth, val: 5},
	"june":      {kind: wMonth, val: 6},
	"july":      {kind: wMonth, val: 7},
	"august":    {kind: wMonth, val: 8},
	"september": {kind: wMonth, val: 9},
	"october":   {kind: wMonth, val: 10},
	"november":  {kind: wMonth, val: 11},
	"december":  {kind: wMonth, val: 12},
	"jan":       {kind: wMonth, abbr: true, val: 1},
	"feb":       {kind: wMonth, abbr: true, val: 2},
	"mar":       {kind: wMonth, abbr: true, val: 3},
	"apr":       {kind: wMonth, abbr: true, val: 4},
	"jun":       {kind: wMonth, abbr: true, val: 6},
	"jul":       {kind: wMonth, abbr: true, val: 7},
	"aug":       {kind: wMonth, abbr: true, val: 8},
	"sep":       {kind: wMonth, abbr: true, val: 9},
	"sept":      {kind: wMonth, abbr: true, val: 9},
	"oct":       {kind: wMonth, abbr: true, val: 10},
	"nov":       {kind: wMonth, abbr: true, val: 11},
	"dec":       {kind: wMonth, abbr: true, val: 12},

	// Weekdays, from Monday.
	"monday":    {kind: wWeekday, val: 1},
	"tuesday":   {kind: wWeekday, val: 2},
	"wednesday": {kind: wWeekday, val: 3},
	"thursday":  {kind: wWeekday, val: 4},
	"friday":    {kind: wWeekday, val: 5},
	"saturday":  {kind: wWeekday, val: 6},
	"sunday":    {kind: wWeekday, val: 7},
}

// isNumberWord reports whether k can start or continue a spelled-out number.
func (k wkind) isNumberWord() bool {
	switch k {
	case wUnit, wTen, wTenScore, wHundred, wScale, wOrdUnit, wOrdTen, wOrdHundred, wOrdScale, wDozen, wScore:
		return true
	}
	return false
}

// isOrdinal reports whether k is an ordinal number word (first, twentieth,
// hundredth, millionth).
func (k wkind) isOrdinal() bool {
	switch k {
	case wOrdUnit, wOrdTen, wOrdHundred, wOrdScale:
		return true
	}
	return false
}
