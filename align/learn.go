package align

import (
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
	type pair struct{ zh, en string }
	czh := map[string]int{}
	cen := map[string]int{}
	cpair := map[pair]int{}
	var zw, ew []string
	for _, b := range beads {
		if b.i1-b.i0 != 1 || b.j1-b.j0 != 1 || b.score < al.p.learnScore {
			continue
		}
		zw = append(zw[:0], rz[b.i0].words...)
		ew = append(ew[:0], re[b.j0].words...)
		slices.Sort(zw)
		zw = slices.Compact(zw)
		slices.Sort(ew)
		ew = slices.Compact(ew)
		for _, z := range zw {
			czh[z]++
			for _, e := range ew {
				cpair[pair{z, e}]++
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
		d := 2 * float64(c) / float64(czh[p.zh]+cen[p.en])
		if d < al.p.learnDice {
			continue
		}
		if _, known := slices.BinarySearch(lx.translations(p.zh), p.en); known {
			continue // the dictionary has it already
		}
		best[p.zh] = append(best[p.zh], cand{p.en, d})
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
func addLearned(rz []rawUnit, learned map[string][]string) {
	seen := map[string]bool{}
	for i := range rz {
		u := &rz[i]
		clear(seen)
		for _, w := range u.words {
			keys := learned[w]
			if keys == nil || seen[w] {
				continue
			}
			seen[w] = true
			u.items = append(u.items, rawItem{keys: keys, kind: kindLearned, pen: 1})
		}
	}
}
