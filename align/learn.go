package align

import (
	"maps"
	"slices"
	"sort"
)

// learn estimates word pairs from the confident one-to-one links of a
// first pass: a Chinese word and an English stem that occur together in at
// least learnMin of those links, with a Dice coefficient
// 2·c(zh,en)/(c(zh)+c(en)) of at least learnDice, keeping the learnTop best
// stems per word. It returns, for each Chinese word, its learned stems.
// This is what the document teaches about itself: names and terms the
// dictionary lacks, and the translator's own choices; pairs the dictionary
// has already are left out (Hunalign's realign
// step does the same with its own measure).
func (al *Aligner) learn(rz, re []rawUnit, beads []bead, lx *lexicon) map[string][]string {
	// Words and stems get ids as they are first seen, and the counts are
	// kept by ids: a long document has many pairs.
	zid, eid := map[string]int32{}, map[string]int32{}
	var zwords, ewords []string
	intern := func(ids map[string]int32, words *[]string, w string) int32 {
		id, ok := ids[w]
		if !ok {
			id = int32(len(*words))
			ids[w] = id
			*words = append(*words, w)
		}
		return id
	}
	var czh, cen []int
	cpair := map[uint64]int{}
	var zw, ew []int32
	for _, b := range beads {
		if b.i1-b.i0 != 1 || b.j1-b.j0 != 1 || b.score < al.p.learnScore {
			continue
		}
		zw, ew = zw[:0], ew[:0]
		for _, w := range rz[b.i0].words {
			zw = append(zw, intern(zid, &zwords, w))
		}
		for _, w := range re[b.j0].words {
			ew = append(ew, intern(eid, &ewords, w))
		}
		czh = append(czh, make([]int, len(zwords)-len(czh))...)
		cen = append(cen, make([]int, len(ewords)-len(cen))...)
		slices.Sort(zw)
		zw = slices.Compact(zw)
		slices.Sort(ew)
		ew = slices.Compact(ew)
		for _, z := range zw {
			czh[z]++
			for _, e := range ew {
				cpair[uint64(z)<<32|uint64(e)]++
			}
		}
		for _, e := range ew {
			cen[e]++
		}
	}
	type cand struct {
		en   string
		dice float64
	}
	best := map[string][]cand{}
	for p, c := range cpair {
		if c < al.p.learnMin {
			continue
		}
		z, e := int32(p>>32), int32(p&(1<<32-1))
		d := 2 * float64(c) / float64(czh[z]+cen[e])
		if d < al.p.learnDice {
			continue
		}
		zs, es := zwords[z], ewords[e]
		if _, known := slices.BinarySearch(lx.translations(zs), es); known {
			continue // the dictionary has it already
		}
		best[zs] = append(best[zs], cand{es, d})
	}
	out := make(map[string][]string, len(best))
	for z, cs := range best {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].dice != cs[j].dice {
				return cs[i].dice > cs[j].dice
			}
			return cs[i].en < cs[j].en
		})
		cs = cs[:min(len(cs), al.p.learnTop)]
		stems := make([]string, len(cs))
		for i, c := range cs {
			stems[i] = c.en
		}
		slices.Sort(stems)
		out[z] = stems
	}
	return out
}

// addLearned gives every Chinese unit an item for each of its words with
// learned stems.
func addLearned(tab *keyTable, rz []rawUnit, learned map[string][]string) {
	seen := map[string]bool{}
	ids := make(map[string][]uint32, len(learned))
	// In the order of the words, so that the keys' ids do not depend on
	// the map's.
	for _, w := range slices.Sorted(maps.Keys(learned)) {
		ids[w] = tab.idsOf(learned[w])
	}
	var add []idItem
	for i := range rz {
		u := &rz[i]
		clear(seen)
		add = add[:0]
		for _, w := range u.words {
			keys := ids[w]
			if keys == nil || seen[w] {
				continue
			}
			seen[w] = true
			add = append(add, idItem{ids: keys, kind: kindLearned, pen: 1})
		}
		if len(add) > 0 {
			// Exactly as long as needed: append would leave up to
			// as much again unused, in every unit.
			items := make([]idItem, len(u.interned), len(u.interned)+len(add))
			copy(items, u.interned)
			u.interned = append(items, add...)
		}
	}
}
