package align

// params are the constants of the scoring model. They were set on the
// development sets as a whole (see the package documentation).
type params struct {
	// found[side][k] is the probability that an item of kind k of a
	// sentence of that side is found again in its translation. It differs
	// by side: English words are kept only when some Chinese word of the
	// document translates them, while many Chinese words have translations
	// that the translator did not use.
	found [2][numKinds]float64
	// scale[k] multiplies the evidence of kind k.
	scale [numKinds]float64
	// lenVar0 and lenVar1 give the variance of the log length ratio of a
	// true bead: lenVar0 + lenVar1/(length in characters).
	lenVar0, lenVar1 float64
	lenScale         float64
	// blockCost is the penalty per language block between a paragraph
	// and its translation in a mixed document, beyond the adjacent one.
	blockCost float64
	// priorWeight is the weight, in links, of the default link priors
	// when they are re-estimated from a first pass.
	priorWeight float64
	// Learning: word pairs seen together in at least learnMin links that
	// score at least learnScore, with a Dice coefficient of at least
	// learnDice, at most learnTop per Chinese word.
	learnMin   int
	learnScore float64
	learnDice  float64
	learnTop   int
	// endDiffer is added to a bead's score for each end flag (colon,
	// question, exclamation, quotation) that only one of the last units of
	// its two sides has.
	endDiffer [numEnds]float64
	// nullPrior is the prior of a 1-0 or 0-1 sentence link, nullRun the
	// factor for each further omission in a run (see defaultTypes).
	nullPrior, nullRun float64
	// temp is the temperature of the posterior link scores.
	temp float64
	// minPost is subtracted from the posterior of every bead when the
	// path of maximum expected accuracy is chosen.
	minPost float64
	// minPostPara is minPost for the paragraph pass, where an omission
	// is as good an answer as a link.
	minPostPara float64
	// paraFoundWord replaces found[side][kindWord] in the paragraph pass:
	// paragraphs are long, and the share of their words a translation
	// renders is steadier than for sentences.
	paraFoundWord [2]float64
	// keepAbsent keeps, in the paragraph pass, the known items that the
	// other side's whole text lacks: a paragraph full of them is likely
	// untranslated (model items are otherwise only those that can match).
	keepAbsent bool
	// absentDigits keeps, in every pass, the numbers written in digits
	// that the other side's whole text lacks: a sentence holding one is
	// likely untranslated (a caption, a byline), and with omissions as
	// unlikely as they are, this is the evidence that earns one.
	absentDigits bool
	// paraLenVar0 is lenVar0 in the paragraph pass: a paragraph's
	// translation may be spread over other paragraphs (captions, merged
	// notes), so its length varies more than a sentence's.
	paraLenVar0 float64
	// shrink multiplies the log-odds of a link's posterior to give its
	// score, the probability that it is right (see calibrate).
	shrink float64
	// parallelOdds is the log prior odds that two texts given to the
	// aligner translate each other (see scorer.search; 0 leaves the
	// alternative out).
	parallelOdds float64
	// clauseW, clauseSigma and clauseCap are the weight, the scale σ and
	// the floor c of the clause cue (see model.clauseScore); clauseW 0
	// switches it off. Beads scoring at most clauseSkip without it are
	// not given it: it gains at most log(4/(σ√(2π))) per boundary (2.8
	// for σ = 0.1), and such beads are on no likely path.
	clauseW, clauseSigma, clauseCap float64
	clauseSkip                      float64
	// beam is the beam of the searches (see the constant beam).
	beam float64
	// maxItems is the most items a unit keeps (see capItems).
	maxItems int
	// gapShared is set for the searches of gaps (see sentencePass):
	// there a link needs its sides to share an item other than
	// punctuation, as the paragraph pass found no evidence that they
	// translate each other.
	gapShared bool
}

func defaultParams() params {
	return params{
		found: [2][numKinds]float64{
			sideZH: {kindNumber: 0.85, kindLatin: 0.8, kindName: 0.6, kindPunct: 0.75, kindWord: 0.3, kindLearned: 0.3, kindGlossary: 0.95},
			sideEN: {kindNumber: 0.85, kindLatin: 0.8, kindName: 0.6, kindPunct: 0.75, kindWord: 0.35, kindLearned: 0.3, kindGlossary: 0.95},
		},
		scale:   [numKinds]float64{kindNumber: 1, kindLatin: 1, kindName: 1, kindPunct: 1, kindWord: 0.8, kindLearned: 0.8, kindGlossary: 2},
		lenVar0: 0.01, lenVar1: 6, lenScale: 1, temp: 1, minPost: 0.5, nullPrior: 1e-4, nullRun: 0.3,
		endDiffer: [numEnds]float64{-3, 0, 0, -4}, absentDigits: true, minPostPara: -0.25, maxItems: maxItems, paraLenVar0: 0.04, paraFoundWord: [2]float64{sideZH: 0.2, sideEN: 0.3}, blockCost: 2, priorWeight: 10,
		learnMin: 2, learnScore: 0.8, learnDice: 0.5, learnTop: 3, parallelOdds: 2.2, shrink: 0.42, clauseW: 1, clauseSigma: 0.1, clauseCap: 4, clauseSkip: -20, beam: beam,
	}
}
