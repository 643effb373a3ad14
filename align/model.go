package align

import (
	"math"
	"slices"
)

// item is a matchable element of a unit once the document's vocabulary is
// known: the ids it matches (any of them) and what matching it is worth.
type item struct {
	ids  []uint32
	kind kind
	pen  float32 // scale of the penalty when unmatched
	// g is log(found/chance) for one unit of average length on the other
	// side, sc the scale of the item's kind, pn minus its penalty when
	// unmatched: a match adds sc·max(0, g-log(r))+pn in a bead whose other
	// side is r times the average length.
	g, sc, pn float32
}

// unit is a sentence or a paragraph as the search sees it.
type unit struct {
	chars int
	block int32 // see rawUnit
	solo  bool
	ends  endFlags
	items []item
	// pen is the sum of the penalties of all items of the unit when none is
	// matched.
	pen float32
}

// maxSide is the most units on one side of a bead (1-6, 6-1).
const maxSide = 6

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
	// maxItems is the most items a unit keeps (see capItems).
	maxItems int
}

func defaultParams() params {
	return params{
		found: [2][numKinds]float64{
			sideZH: {kindNumber: 0.85, kindLatin: 0.8, kindName: 0.6, kindPunct: 0.75, kindWord: 0.3, kindLearned: 0.3, kindGlossary: 0.95},
			sideEN: {kindNumber: 0.85, kindLatin: 0.8, kindName: 0.6, kindPunct: 0.75, kindWord: 0.35, kindLearned: 0.3, kindGlossary: 0.95},
		},
		scale:   [numKinds]float64{kindNumber: 1, kindLatin: 1, kindName: 1, kindPunct: 1, kindWord: 0.8, kindLearned: 1, kindGlossary: 2},
		lenVar0: 0.01, lenVar1: 6, lenScale: 1, temp: 1, minPost: 0.5, nullPrior: 1e-4, nullRun: 0.3,
		endDiffer: [numEnds]float64{-2, 0, 0, -4}, absentDigits: true, minPostPara: -0.25, maxItems: maxItems, paraLenVar0: 0.04, paraFoundWord: [2]float64{sideZH: 0.2, sideEN: 0.3}, blockCost: 2, priorWeight: 10,
		learnMin: 2, learnScore: 0.8, learnDice: 0.5, learnTop: 3, parallelOdds: 2.2, shrink: 0.42,
	}
}

// vocab maps item keys to ids and counts in how many units of each side
// every id occurs.
type vocab struct {
	ids  map[string]uint32
	keys []string   // by id
	df   [2][]int32 // [side][id]
}

func (v *vocab) id(key string) uint32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.ids))
	v.ids[key] = id
	v.keys = append(v.keys, key)
	v.df[0] = append(v.df[0], 0)
	v.df[1] = append(v.df[1], 0)
	return id
}

// Sides of the model: the Chinese side is side 0 (rows of the search grid),
// the English side is side 1 (columns).
const (
	sideZH = 0
	sideEN = 1
)

// model is the scoring model of one alignment problem: both sides' units,
// the length ratio and the item weights estimated from the document.
type model struct {
	units [2][]unit
	// cum holds the prefix sums of the units' lengths: cum[side][i] is
	// the length of units [0,i) in characters.
	cum [2][]int
	// layout is set when some unit has a language block or is never
	// paired (a mixed document's paragraphs).
	layout bool
	// ratio is the English length in characters per Chinese character.
	ratio float64
	// lenVarR is the variance of the log length ratio of random pairs.
	lenVarR float64
	lenTab  lenTable
	keys    []string // item keys by id, for debugging
	// meanLen is the mean length of a unit of each side, lnMean its
	// lnLen.
	meanLen, lnMean [2]float64
	p               params
	opts            *options
}

// newModel builds the model of the raw units of both sides.
func newModel(zh, en []rawUnit, p params, opts *options) *model {
	m := &model{p: p, opts: opts}
	v := &vocab{ids: map[string]uint32{}}
	// Keys on each side, to keep only the items that can match something.
	have := [2]map[string]bool{{}, {}}
	for _, u := range en {
		for _, it := range u.items {
			if m.kindOff(it.kind) {
				continue
			}
			for _, k := range it.keys {
				have[sideEN][k] = true
			}
		}
	}
	for _, u := range zh {
		for _, it := range u.items {
			if m.kindOff(it.kind) {
				continue
			}
			for _, k := range it.keys {
				have[sideZH][k] = true
			}
		}
		if !opts.noNames {
			for _, k := range u.names {
				if have[sideEN][k] {
					have[sideZH][k] = true
				}
			}
		}
	}
	var ar arena
	var scratch []uint32
	seen := map[uint32]bool{} // the ids counted in a unit
	build := func(side int, raws []rawUnit) []unit {
		other := have[1-side]
		units := make([]unit, len(raws))
		for i, ru := range raws {
			u := unit{chars: ru.chars, block: ru.block, solo: ru.solo, ends: ru.ends}
			add := func(keys []string, k kind, pen float32, known bool) {
				ids := scratch[:0]
				defer func() { scratch = ids[:0] }()
				for _, key := range keys {
					if other[key] {
						ids = append(ids, v.id(key))
					}
				}
				if len(ids) == 0 {
					if !known || !(p.keepAbsent || p.absentDigits && k == kindNumber && pen == 1) {
						return
					}
					// Absent from the whole other side: an id of its own
					// that never matches, so the item only counts against
					// links.
					ids = append(ids, v.id(absentKey(side, keys[0])))
				}
				slices.Sort(ids)
				ids = slices.Compact(ids)
				for _, o := range u.items { // one item per set of ids
					if slices.Equal(o.ids, ids) {
						return
					}
				}
				u.items = append(u.items, item{ids: ar.copy(ids), kind: k, pen: pen})
			}
			for _, it := range ru.items {
				if !m.kindOff(it.kind) {
					add(it.keys, it.kind, it.pen, it.known)
				}
			}
			if side == sideZH && !opts.noNames {
				// Name n-grams match English names but carry no weight
				// of their own (see weigh).
				var keys []string
				for _, key := range ru.names {
					if other[key] {
						keys = append(keys, key)
					}
				}
				slices.Sort(keys)
				keys = slices.Compact(keys)
				for _, key := range keys {
					add([]string{key}, kindName, 0, false)
				}
			}
			// Count document frequencies, once per unit and id.
			clear(seen)
			for _, it := range u.items {
				for _, id := range it.ids {
					if !seen[id] {
						seen[id] = true
						v.df[side][id]++
					}
				}
			}
			units[i] = u
		}
		return units
	}
	m.units[sideEN] = build(sideEN, en)
	m.units[sideZH] = build(sideZH, zh)
	for side := range 2 {
		m.cum[side] = make([]int, len(m.units[side])+1)
		for i, u := range m.units[side] {
			m.cum[side][i+1] = m.cum[side][i] + u.chars
			m.layout = m.layout || u.block >= 0 || u.solo
		}
	}
	m.capItems(v, p.maxItems)
	m.weigh(v)
	m.keys = v.keys
	m.lengths()
	return m
}

// kindOff reports whether the items of kind k are switched off.
func (m *model) kindOff(k kind) bool {
	switch k {
	case kindNumber:
		return m.opts.noNumbers
	case kindLatin:
		return m.opts.noLatin
	case kindName:
		return m.opts.noNames
	case kindPunct:
		return m.opts.noPunct
	}
	return false
}

// capItems keeps at most maxItems items per unit, those least likely to
// match by chance (the rarest on the other side): long paragraphs and the
// blocks of the coarse pass have more, and the rare ones are the anchors.
func (m *model) capItems(v *vocab, limit int) {
	for side := range 2 {
		df := v.df[1-side]
		for ui := range m.units[side] {
			u := &m.units[side][ui]
			if len(u.items) <= limit {
				continue
			}
			// Each item's frequency, computed once for the sort.
			type ranked struct {
				freq int32
				it   item
			}
			rs := make([]ranked, len(u.items))
			for k, it := range u.items {
				rs[k].it = it
				for _, id := range it.ids {
					rs[k].freq += df[id]
				}
			}
			slices.SortStableFunc(rs, func(a, b ranked) int { return int(a.freq - b.freq) })
			for k := range limit {
				u.items[k] = rs[k].it
			}
			u.items = u.items[:limit:limit]
		}
	}
}

// The chance of an item is estimated from its document frequency on the
// other side, smoothed toward chancePrior with the weight of chanceWeight
// units, which matters only in short documents.
const (
	chancePrior  = 0.05
	chanceWeight = 5
)

// weigh sets the gains and penalties of all items. Matching an item is
// evidence log(found/chance), where chance is the probability that a
// random unit of the other side holds it (its document frequency there);
// missing it is evidence log((1-found)/(1-chance)). The chance of a match
// grows with the length of the other side of a bead: for r times the
// average length it is about r·chance, so a match adds log(found/chance) -
// log(r) (see pairTable.beadItems).
func (m *model) weigh(v *vocab) {
	for side := range 2 {
		other := 1 - side
		n := float64(len(m.units[other]))
		for ui := range m.units[side] {
			u := &m.units[side][ui]
			u.pen = 0
			for k := range u.items {
				it := &u.items[k]
				if side == sideZH && it.kind == kindName {
					continue // Han n-grams only help English names to match
				}
				var df float64
				for _, id := range it.ids {
					df += float64(v.df[other][id])
				}
				chance := math.Min((df+chanceWeight*chancePrior)/(n+chanceWeight), 0.95)
				found := m.p.found[side][it.kind]
				scale := m.p.scale[it.kind]
				pen := math.Min(0, math.Log((1-found)/(1-chance))) * float64(it.pen)
				it.g = float32(math.Log(found / chance))
				it.sc = float32(scale)
				it.pn = float32(-scale * pen)
				u.pen += float32(scale * pen)
			}
		}
	}
}

// lengths estimates the length ratio of the two sides and the spread of
// the log length ratio of random pairs.
func (m *model) lengths() {
	var zh, en float64
	for _, u := range m.units[sideZH] {
		zh += float64(u.chars)
	}
	for _, u := range m.units[sideEN] {
		en += float64(u.chars)
	}
	ratio := defaultRatio
	if zh > 0 && en > 0 {
		ratio = en / zh
	}
	m.setRatio(ratio)
}

// defaultRatio is the number of English characters per Chinese character
// in translations (3.38 on mac-dev, 2.98 on champollion, 3.26 on the Bible,
// 2.86 on the seeds' gold pairs); ratios estimated from a document are kept
// within a factor 1.6 of it, as untranslated text can skew them.
const defaultRatio = 3.1

// setRatio sets the length ratio of the model, kept near defaultRatio.
func (m *model) setRatio(r float64) {
	m.ratio = min(max(r, defaultRatio/1.6), defaultRatio*1.6)
	for side := range 2 {
		var sum float64
		for _, u := range m.units[side] {
			sum += float64(u.chars)
		}
		m.meanLen[side] = sum / math.Max(1, float64(len(m.units[side])))
		scale := 1.0
		if side == sideZH {
			scale = m.ratio
		}
		m.lnMean[side] = math.Log(scale*m.meanLen[side] + lenSmooth)
	}
	m.lenVarR = logVar(m.units[sideZH], m.ratio) + logVar(m.units[sideEN], 1)
	if m.lenVarR < 0.25 {
		m.lenVarR = 0.25
	}
	m.tabulate()
}

// beadRatio estimates the length ratio from the beads that link both sides
// with a score of at least 0.5, or returns ok false when they hold too
// little text.
func (m *model) beadRatio(beads []bead, rg region) (r float64, ok bool) {
	var zh, en float64
	for _, b := range beads {
		if b.i0 == b.i1 || b.j0 == b.j1 || b.score < 0.5 {
			continue
		}
		for i := b.i0; i < b.i1; i++ {
			zh += float64(m.units[sideZH][rg.r0+i].chars)
		}
		for j := b.j0; j < b.j1; j++ {
			en += float64(m.units[sideEN][rg.c0+j].chars)
		}
	}
	if zh < 50 {
		return 0, false
	}
	return en / zh, true
}

// logVar returns the variance of log(scale × length) over units.
func logVar(us []unit, scale float64) float64 {
	if len(us) < 2 {
		return 0.5
	}
	var s, s2 float64
	for _, u := range us {
		x := math.Log(scale*float64(u.chars) + lenSmooth)
		s += x
		s2 += x * x
	}
	n := float64(len(us))
	return math.Max(0, s2/n-(s/n)*(s/n))
}

// lenSmooth is added to lengths before taking logarithms.
const lenSmooth = 2.0

// lengthScore is the log-likelihood ratio of the lengths of a bead with zh
// Chinese and en English characters: true translation against random pair.
func (m *model) lengthScore(zh, en int) float64 {
	if m.opts.noLength {
		return 0
	}
	t := &m.lenTab
	if zh < len(t.lnZ) && en < len(t.lnE) {
		x := t.lnE[en] - t.lnZ[zh]
		f := m.ratio*float64(zh) + float64(en)
		k := int(f)
		if k+1 >= len(t.halfInvVT) {
			return m.lengthScoreSlow(zh, en)
		}
		w := f - float64(k)
		hv := t.halfInvVT[k]*(1-w) + t.halfInvVT[k+1]*w
		sd := t.lnSdRatio[k]*(1-w) + t.lnSdRatio[k+1]*w
		return m.p.lenScale * (x*x*(t.halfInvVR-hv) + sd)
	}
	return m.lengthScoreSlow(zh, en)
}

func (m *model) lengthScoreSlow(zh, en int) float64 {
	cz := m.ratio * float64(zh)
	x := math.Log((float64(en) + lenSmooth) / (cz + lenSmooth))
	vt := m.p.lenVar0 + m.p.lenVar1/(cz+float64(en)+lenSmooth)
	vr := m.lenVarR
	return m.p.lenScale * (-x*x/(2*vt) - 0.5*math.Log(vt) + x*x/(2*vr) + 0.5*math.Log(vr))
}

// lenTable holds the logarithms lengthScore needs, by length, for beads of
// up to maxSide of the model's longest units (the search calls lengthScore
// for every cell and link type).
type lenTable struct {
	lnZ, lnE  []float64 // log(c·z+2), log(e+2)
	halfInvVT []float64 // 1/(2·vt) by int(c·z)+e
	lnSdRatio []float64 // 0.5·log(vr/vt) by int(c·z)+e
	halfInvVR float64
}

// tabulate fills the length tables; called whenever the ratio changes.
func (m *model) tabulate() {
	maxLen := func(us []unit) int {
		var top [maxSide]int
		for _, u := range us {
			for k := range top {
				if u.chars > top[k] {
					copy(top[k+1:], top[k:len(top)-1])
					top[k] = u.chars
					break
				}
			}
		}
		n := 0
		for _, v := range top {
			n += v
		}
		return min(n, 1<<16)
	}
	nz, ne := maxLen(m.units[sideZH]), maxLen(m.units[sideEN])
	t := lenTable{lnZ: make([]float64, nz+1), lnE: make([]float64, ne+1), halfInvVR: 1 / (2 * m.lenVarR)}
	for z := range t.lnZ {
		t.lnZ[z] = math.Log(m.ratio*float64(z) + lenSmooth)
	}
	for e := range t.lnE {
		t.lnE[e] = math.Log(float64(e) + lenSmooth)
	}
	// Computed as lengthScore computes its index, so that rounding of
	// the float sum cannot step past the table.
	ns := int(m.ratio*float64(nz)+float64(ne)) + 2
	t.halfInvVT = make([]float64, ns)
	t.lnSdRatio = make([]float64, ns)
	for k := range ns {
		vt := m.p.lenVar0 + m.p.lenVar1/(float64(k)+lenSmooth)
		t.halfInvVT[k] = 1 / (2 * vt)
		t.lnSdRatio[k] = 0.5 * math.Log(m.lenVarR/vt)
	}
	m.lenTab = t
}

// absentKey is the key of an item of side whose keys are all absent from
// the other side: it starts with a byte no real key has.
func absentKey(side int, key string) string {
	return string(rune(side)) + "\x00" + key
}

// arena hands out small slices of ids from large chunks, so that a model's
// hundreds of thousands of items cost few allocations.
type arena struct {
	chunk []uint32
}

const arenaChunk = 1 << 16

// copy returns a copy of ids that lives in the arena.
func (a *arena) copy(ids []uint32) []uint32 {
	if len(ids) > arenaChunk/4 {
		return slices.Clone(ids)
	}
	if cap(a.chunk)-len(a.chunk) < len(ids) {
		a.chunk = make([]uint32, 0, arenaChunk)
	}
	n := len(a.chunk)
	a.chunk = append(a.chunk, ids...)
	return a.chunk[n : n+len(ids) : n+len(ids)]
}

// lnLen returns log(n+2) for n English characters, log(c·n+2) for n
// Chinese characters (c the length ratio), from the tables when it can.
func (m *model) lnLen(side, n int) float64 {
	t := &m.lenTab
	if side == sideEN {
		if n < len(t.lnE) {
			return t.lnE[n]
		}
		return math.Log(float64(n) + lenSmooth)
	}
	if n < len(t.lnZ) {
		return t.lnZ[n]
	}
	return math.Log(m.ratio*float64(n) + lenSmooth)
}
