package align

import "math"

// beadType is a kind of link: a Chinese units joined to b English units.
type beadType struct {
	a, b  int
	prior float64 // log probability
}

// defaultTypes are the link types searched, with their prior log
// probabilities (set on the development sets as a whole).
//
// Omissions come in runs (an untranslated passage): a run of k omitted
// sentences is one bead of type k-0 or 0-k, with prior nullPrior·nullRun^(k-1)
// instead of nullPrior^k; the result splits it into k links.
func defaultTypes(p params) []beadType {
	ts := []beadType{
		{1, 1, 0.80}, {1, 2, 0.06}, {2, 1, 0.06},
		{1, 3, 0.01}, {3, 1, 0.01}, {2, 2, 0.005}, {1, 4, 0.003}, {4, 1, 0.003},
		{2, 3, 0.002}, {3, 2, 0.002},
		{1, 5, 0.001}, {5, 1, 0.001}, {2, 4, 0.0005}, {4, 2, 0.0005},
		{1, 6, 0.0003}, {6, 1, 0.0003}, {3, 3, 0.0003},
		{2, 5, 0.0002}, {5, 2, 0.0002}, {3, 4, 0.0002}, {4, 3, 0.0002},
	}
	for k := 1; k <= maxNullRun; k++ {
		pr := p.nullPrior * math.Pow(p.nullRun, float64(k-1))
		ts = append(ts, beadType{k, 0, pr}, beadType{0, k, pr})
	}
	for i := range ts {
		ts[i].prior = math.Log(ts[i].prior)
	}
	return ts
}

// maxNullRun is the longest run of omissions searched as one bead.
const maxNullRun = 4

// paragraphTypes are the link types of the paragraph pass. Untranslated
// paragraphs (notes, bylines, dates) are common in scraped bilingual
// pages, so omissions are likelier than between sentences.
func paragraphTypes() []beadType {
	ts := []beadType{
		{1, 1, 0.25}, {1, 0, 0.3}, {0, 1, 0.3}, {1, 2, 0.04}, {2, 1, 0.04},
		{1, 3, 0.01}, {3, 1, 0.01}, {2, 2, 0.005},
	}
	for i := range ts {
		ts[i].prior = math.Log(ts[i].prior)
	}
	return ts
}

// reestimateExpected returns types with priors re-estimated from the
// expected counts of each type, smoothed toward the current priors by
// weight pseudo counts.
func reestimateExpected(types []beadType, expected []float64, weight float64) []beadType {
	var total float64
	for _, e := range expected {
		total += e
	}
	total += weight
	out := make([]beadType, len(types))
	for k, t := range types {
		out[k] = t
		out[k].prior = math.Log((expected[k] + weight*math.Exp(t.prior)) / total)
	}
	return out
}

// reestimate returns types with priors re-estimated from the link types of
// beads: the counts, smoothed toward the current priors by weight pseudo
// counts (see reestimateExpected). Every bead has one of the types.
func reestimate(types []beadType, beads []bead, weight float64) []beadType {
	counts := make([]float64, len(types))
	for _, b := range beads {
		for k, t := range types {
			if t.a == b.i1-b.i0 && t.b == b.j1-b.j0 {
				counts[k]++
			}
		}
	}
	return reestimateExpected(types, counts, weight)
}
