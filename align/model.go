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
	// gain[b-1] is the score added when the item is matched in a bead whose
	// other side has b units, over the penalty it has when unmatched.
	gain [maxSide]float32
}

// unit is a sentence or a paragraph as the search sees it.
type unit struct {
	chars int
	block int32 // see rawUnit
	solo  bool
	items []item
	// pen[b-1] is the sum of the penalties of all items of the unit when
	// none is matched and the other side of the bead has b units.
	pen [maxSide]float32
}

// maxSide is the most units on one side of a bead (1-4, 4-1).
const maxSide = 4

// params are the constants of the scoring model. They were set on the
// development sets as a whole (see the package documentation).
type params struct {
	// found[k] is the probability that an item of kind k of a sentence is
	// found again in its translation.
	found [numKinds]float64
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
	// temp is the temperature of the posterior link scores.
	temp float64
	// minPost is subtracted from the posterior of every bead when the
	// path of maximum expected accuracy is chosen.
	minPost float64
	// minPostPara is minPost for the paragraph pass, where an omission
	// is as good an answer as a link.
	minPostPara float64
}

func defaultParams() params {
	return params{
		found:   [numKinds]float64{kindNumber: 0.85, kindLatin: 0.8, kindName: 0.6, kindPunct: 0.75, kindWord: 0.5},
		scale:   [numKinds]float64{kindNumber: 1, kindLatin: 1, kindName: 1, kindPunct: 1, kindWord: 1},
		lenVar0: 0.04, lenVar1: 6, lenScale: 1, temp: 1, minPost: 0.5, minPostPara: -0.25, blockCost: 2, priorWeight: 10,
	}
}

// vocab maps item keys to ids and counts in how many units of each side
// every id occurs.
type vocab struct {
	ids map[string]uint32
	df  [2][]int32 // [side][id]
}

func (v *vocab) id(key string) uint32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.ids))
	v.ids[key] = id
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
	// ratio is the English length in characters per Chinese character.
	ratio float64
	// lenVarR is the variance of the log length ratio of random pairs.
	lenVarR float64
	lenTab  lenTable
	p       params
	opts    *options
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
	build := func(side int, raws []rawUnit) []unit {
		other := have[1-side]
		units := make([]unit, len(raws))
		for i, ru := range raws {
			u := unit{chars: ru.chars, block: ru.block, solo: ru.solo}
			add := func(keys []string, k kind, pen float32) {
				var ids []uint32
				for _, key := range keys {
					if other[key] {
						ids = append(ids, v.id(key))
					}
				}
				if len(ids) == 0 {
					return
				}
				slices.Sort(ids)
				ids = slices.Compact(ids)
				for _, o := range u.items { // one item per set of ids
					if slices.Equal(o.ids, ids) {
						return
					}
				}
				u.items = append(u.items, item{ids: ids, kind: k, pen: pen})
			}
			for _, it := range ru.items {
				if !m.kindOff(it.kind) {
					add(it.keys, it.kind, it.pen)
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
					add([]string{key}, kindName, 0)
				}
			}
			// Count document frequencies, once per unit and id.
			seen := map[uint32]bool{}
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
	m.weigh(v)
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

// weigh sets the gains and penalties of all items. Matching an item is
// evidence log(found/chance), where chance is the probability that a
// random unit of the other side holds it (its document frequency there);
// missing it is evidence log((1-found)/(1-chance)). A bead whose other side
// has b units holds an item by chance with probability 1-(1-chance)^b.
func (m *model) weigh(v *vocab) {
	for side := range 2 {
		other := 1 - side
		n := float64(len(m.units[other]))
		for ui := range m.units[side] {
			u := &m.units[side][ui]
			u.pen = [maxSide]float32{}
			for k := range u.items {
				it := &u.items[k]
				var df float64
				for _, id := range it.ids {
					df += float64(v.df[other][id])
				}
				chance := math.Min((df+0.5)/(n+1), 0.95)
				found := m.p.found[it.kind]
				scale := m.p.scale[it.kind]
				if side == sideZH && it.kind == kindName {
					// Han n-grams only help English names to match.
					it.gain = [maxSide]float32{}
					continue
				}
				for b := 1; b <= maxSide; b++ {
					cb := 1 - math.Pow(1-chance, float64(b))
					gain := math.Max(0, math.Log(found/cb))
					pen := math.Min(0, math.Log((1-found)/(1-cb))) * float64(it.pen)
					it.gain[b-1] = float32(scale * (gain - pen))
					u.pen[b-1] += float32(scale * pen)
				}
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
	ns := int(m.ratio*float64(nz)) + ne + 2
	t.halfInvVT = make([]float64, ns)
	t.lnSdRatio = make([]float64, ns)
	for k := range ns {
		vt := m.p.lenVar0 + m.p.lenVar1/(float64(k)+lenSmooth)
		t.halfInvVT[k] = 1 / (2 * vt)
		t.lnSdRatio[k] = 0.5 * math.Log(m.lenVarR/vt)
	}
	m.lenTab = t
}
