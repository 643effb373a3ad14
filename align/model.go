package align

import (
	"math"
	"slices"
	"strings"
)

// item is a matchable element of a unit once the document's vocabulary is
// known: the ids it matches (any of them) and what matching it is worth.
type item struct {
	ids  []uint32
	kind kind
	pen  float32 // scale of the penalty when unmatched
	// g is log(found/chance) for one unit of average length on the other
	// side, pn minus its penalty when unmatched: a match adds sc·max(0,
	// g-log(r))+pn in a bead whose other side is r times the average
	// length, sc the scale of the item's kind (model.scale; without a
	// field of its own, an item takes 40 bytes instead of 48).
	g, pn float32
}

// unit is a sentence or a paragraph as the search sees it.
type unit struct {
	chars  int
	block  int32 // see rawUnit
	solo   bool
	ends   endFlags
	cuts   []int32 // see rawUnit
	speech bool
	items  []item
	// pen is the sum of the penalties of all items of the unit when none is
	// matched.
	pen float32
}

// maxSide is the most units on one side of a bead (1-6, 6-1).
const maxSide = 6

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
	tab     *keyTable // the document's item keys
	// clauses switches on the clause cue (see clauseScore): the
	// sentence model sets it with setClauses. clauseLnHN is
	// log(2/(σ√(2π))), clauseHalfInvVar 1/(2σ²), clauseLnG[k] log(2k)
	// (log(1/2) for k = 0).
	clauses                      bool
	clauseLnHN, clauseHalfInvVar float64
	clauseLnG                    [66]float64
	// meanLen is the mean length of a unit of each side, lnMean its
	// lnLen.
	meanLen, lnMean [2]float64
	// scale holds the scale of the items of each side and kind (the
	// kind's scale, 0 for the Han n-grams of names, see weigh).
	scale [2][numKinds]float32
	p     params
	opts  *options
}

// newModel builds the model of the raw units of both sides, whose keys
// tab interned.
func newModel(tab *keyTable, zh, en []rawUnit, p params, opts *options) *model {
	m := &model{p: p, opts: opts, tab: tab}
	b := &modelBuilder{m: m, v: &vocab{byKey: make([]uint32, len(tab.keys))}, seen: map[uint32]bool{}}
	b.collectKeys(zh, en)
	m.units[sideEN] = b.units(sideEN, en)
	m.units[sideZH] = b.units(sideZH, zh)
	for side := range 2 {
		m.cum[side] = make([]int, len(m.units[side])+1)
		for i, u := range m.units[side] {
			m.cum[side][i+1] = m.cum[side][i] + u.chars
			m.layout = m.layout || u.block >= 0 || u.solo
		}
	}
	m.adaptEnds()
	m.capItems(b.v, p.maxItems)
	m.weigh(b.v)
	m.lengths()
	return m
}

// modelBuilder turns raw units into the units of a model: it keeps the
// items that can match something on the other side, gives their keys ids,
// and counts document frequencies.
type modelBuilder struct {
	m *model
	v *vocab
	// have marks the key ids of each side, to keep only the items that
	// can match something.
	have [2][]bool
	ar   arena[uint32]
	// items is where the items of the unit being built are gathered
	// before they are copied to itemAr.
	items  []item
	itemAr arena[item]
	// scratch holds the ids of the item being added; seen the ids
	// counted in the unit being built.
	scratch []uint32
	seen    map[uint32]bool
	// sets indexes the items of the unit being built by a hash of their
	// ids, once it has many (see add); nil otherwise.
	sets map[uint64][]int32
}

// collectKeys records the keys of the items of both sides, and the name
// keys of the Chinese side that spell a name of the English side.
func (b *modelBuilder) collectKeys(zh, en []rawUnit) {
	nk := len(b.m.tab.keys)
	b.have = [2][]bool{make([]bool, nk), make([]bool, nk)}
	for side, raws := range [2][]rawUnit{sideZH: zh, sideEN: en} {
		for i := range raws {
			for l := range raws[i].leaves {
				for _, it := range l.interned {
					if b.m.kindOff(it.kind) {
						continue
					}
					for _, k := range it.ids {
						b.have[side][k] = true
					}
				}
			}
		}
	}
	if !b.m.opts.noNames {
		for i := range zh {
			for l := range zh[i].leaves {
				for _, k := range l.nameIDs {
					if b.have[sideEN][k] {
						b.have[sideZH][k] = true
					}
				}
			}
		}
	}
}

// units builds the units of one side from its raw units.
func (b *modelBuilder) units(side int, raws []rawUnit) []unit {
	other := b.have[1-side]
	units := make([]unit, len(raws))
	var keys []uint32
	for i, ru := range raws {
		u := unit{chars: ru.chars, block: ru.block, solo: ru.solo, ends: ru.ends, cuts: ru.cuts, speech: ru.speech, items: b.items[:0]}
		b.sets = nil
		for l := range ru.leaves {
			for _, it := range l.interned {
				if !b.m.kindOff(it.kind) {
					b.add(&u, side, it.ids, it.kind, it.pen, it.known)
				}
			}
		}
		if side == sideZH && !b.m.opts.noNames {
			// Name n-grams match English names but carry no weight of
			// their own (see weigh). They are added in the order of
			// their keys.
			keys = keys[:0]
			for l := range ru.leaves {
				for _, key := range l.nameIDs {
					if other[key] {
						keys = append(keys, key)
					}
				}
			}
			tk := b.m.tab.keys
			slices.SortFunc(keys, func(x, y uint32) int { return strings.Compare(tk[x], tk[y]) })
			keys = slices.Compact(keys)
			for k := range keys {
				b.add(&u, side, keys[k:k+1], kindName, 0, false)
			}
		}
		b.items = u.items
		if len(u.items) == 0 {
			u.items = nil
		} else {
			u.items = b.itemAr.copy(u.items)
		}
		// Count document frequencies, once per unit and id.
		clear(b.seen)
		for _, it := range u.items {
			for _, id := range it.ids {
				if !b.seen[id] {
					b.seen[id] = true
					b.v.df[side][id]++
				}
			}
		}
		units[i] = u
	}
	return units
}

// add adds to u, a unit of side, the item of kind k matching any of keys,
// unless no key can match on the other side (then a known item is kept,
// in the paragraph pass, as one that only counts against links) or u has
// an item with the same ids already.
func (b *modelBuilder) add(u *unit, side int, keys []uint32, k kind, pen float32, known bool) {
	other := b.have[1-side]
	ids := b.scratch[:0]
	defer func() { b.scratch = ids[:0] }()
	for _, key := range keys {
		if other[key] {
			ids = append(ids, b.v.id(key))
		}
	}
	if len(ids) == 0 {
		if !known || !(b.m.p.keepAbsent || b.m.p.absentDigits && k == kindNumber && pen == 1) {
			return
		}
		// Absent from the whole other side: an id of its own that never
		// matches, so the item only counts against links.
		ids = append(ids, b.v.absentID(side, keys[0]))
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	// One item per set of ids: a scan while the unit has few items, an
	// index by hash once it has many (the blocks of the coarse pass).
	if b.sets == nil && len(u.items) >= minIndexedItems {
		b.sets = make(map[uint64][]int32, 2*len(u.items))
		for k, o := range u.items {
			h := hashIDs(o.ids)
			b.sets[h] = append(b.sets[h], int32(k))
		}
	}
	if b.sets == nil {
		for _, o := range u.items {
			if slices.Equal(o.ids, ids) {
				return
			}
		}
	} else {
		h := hashIDs(ids)
		for _, k := range b.sets[h] {
			if slices.Equal(u.items[k].ids, ids) {
				return
			}
		}
		b.sets[h] = append(b.sets[h], int32(len(u.items)))
	}
	u.items = append(u.items, item{ids: b.ar.copy(ids), kind: k, pen: pen})
}

// minIndexedItems is the number of items of a unit from which add finds
// repeated sets of ids through an index rather than a scan.
const minIndexedItems = 32

// hashIDs returns a hash of a set of ids (FNV-1a).
func hashIDs(ids []uint32) uint64 {
	h := uint64(14695981039346656037)
	for _, id := range ids {
		h = (h ^ uint64(id)) * 1099511628211
	}
	return h
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

// punctShare returns how much less often the other side of the document
// uses a mark (question, exclamation, quotation) than side does: the
// share of its units holding the mark over the share of side's, at most
// 1. A mark is found in a translation at most as often as the other side
// uses it: the quotation marks of English dialogue are often absent from
// its Chinese, which may mark speech by a colon alone.
func (m *model) punctShare(v *vocab, side int, id uint32) float64 {
	other := 1 - side
	own := float64(v.df[side][id]) / float64(max(1, len(m.units[side])))
	oth := float64(v.df[other][id]) / float64(max(1, len(m.units[other])))
	if own == 0 {
		return 1
	}
	return max(min(1, oth/own), 0.01)
}

// weigh sets the gains and penalties of all items. Matching an item is
// evidence log(found/chance), where chance is the probability that a
// random unit of the other side holds it (its document frequency there);
// missing it is evidence log((1-found)/(1-chance)). The chance of a match
// grows with the length of the other side of a bead: for r times the
// average length it is about r·chance, so a match adds log(found/chance) -
// log(r) (see pairTable.beadItems).
func (m *model) weigh(v *vocab) {
	for side := range 2 {
		for k := range numKinds {
			m.scale[side][k] = float32(m.p.scale[k])
		}
	}
	m.scale[sideZH][kindName] = 0 // Han n-grams only help English names to match
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
				if it.kind == kindPunct && len(it.ids) == 1 {
					found *= m.punctShare(v, side, it.ids[0])
				}
				scale := m.p.scale[it.kind]
				pen := math.Min(0, math.Log((1-found)/(1-chance))) * float64(it.pen)
				it.g = float32(math.Log(found / chance))
				it.pn = float32(-scale * pen)
				u.pen += float32(scale * pen)
			}
		}
	}
}

// adaptEnds switches off the end cues that one side of the document never
// shows: where the Chinese text writes speech after 说： without quotation
// marks and the English quotes it, a turn of dialogue ending with a
// closing mark in English has none in Chinese, and the cue would only
// push the English sentence into the wrong bead.
func (m *model) adaptEnds() {
	var seen [2]endFlags
	for side := range 2 {
		for _, u := range m.units[side] {
			seen[side] |= u.ends
		}
	}
	for k := range numEnds {
		if (seen[sideZH]&seen[sideEN])&(1<<k) == 0 {
			m.p.endDiffer[k] = 0
		}
	}
}

// setClauses switches on the clause cue when its weight is not 0.
func (m *model) setClauses() {
	sg := m.p.clauseSigma
	m.clauses = m.p.clauseW != 0 && sg > 0
	m.clauseLnHN = math.Log(2 / (sg * math.Sqrt(2*math.Pi)))
	m.clauseHalfInvVar = 1 / (2 * sg * sg)
	m.clauseLnG[0] = math.Log(0.5)
	for k := 1; k < len(m.clauseLnG); k++ {
		m.clauseLnG[k] = math.Log(2 * float64(k))
	}
}
