package align

import (
	"math"

	"github.com/zhenalign/zhenalign/segment"
)

// Side is one side of an alignment: sentences in one language and the
// paragraphs they belong to.
type Side struct {
	Lang segment.Lang
	// Sentences are the side's sentences in document order; link indices
	// refer to this slice.
	Sentences []segment.Sentence
	// Paragraphs are the side's paragraphs; First and Count index
	// Sentences (not the Document's sentence list), and Sentence.Para of
	// the sentences is left as in the Document.
	Paragraphs []segment.Paragraph
}

// Alignment is the result of aligning two documents, or the English and
// Chinese paragraphs of one mixed document.
type Alignment struct {
	Src, Tgt Side
	// Paragraphs links Src.Paragraphs to Tgt.Paragraphs. When a document
	// is a single paragraph, it holds one link joining all paragraphs. It
	// is nil when there are no paragraphs to link: with WithoutParagraphs
	// (presplit input) and from Aligner.Align.
	Paragraphs []Link
	// Sentences links Src.Sentences to Tgt.Sentences. Inside aligned
	// paragraphs, the score of a sentence link is its probability within
	// the paragraph link times the paragraph link's score.
	Sentences []Link
}

// AlignMixed aligns the English and the Chinese paragraphs of one document
// where the two languages are interleaved. Src is the English side and Tgt
// the Chinese one. Paragraphs in neither language (dates, numbers) join the
// English side, so that every sentence of the document appears in exactly
// one link.
func (al *Aligner) AlignMixed(doc *segment.Document) (*Alignment, error) {
	var en, zh Side
	en.Lang, zh.Lang = segment.English, segment.Chinese
	// Blocks are runs of paragraphs in one language; a translation is
	// normally in a block next to its original's.
	var lay layout
	block, last := 0, segment.Other
	for _, p := range doc.Paragraphs {
		s, solo := &en, &lay.soloEN
		b := &lay.blockEN
		if p.Lang == segment.Chinese {
			s, solo, b = &zh, &lay.soloZH, &lay.blockZH
		}
		if p.Lang != segment.Other {
			if last != segment.Other && p.Lang != last {
				block++
			}
			last = p.Lang
		}
		q := p
		q.First = len(s.Sentences)
		s.Sentences = append(s.Sentences, doc.Sentences[p.First:p.First+p.Count]...)
		s.Paragraphs = append(s.Paragraphs, q)
		*solo = append(*solo, p.Lang == segment.Other)
		*b = append(*b, int32(block))
	}
	return al.alignSides(en, zh, true, &lay)
}

// layout is what the paragraph pass knows of a mixed document's layout:
// the block of each paragraph, and which paragraphs are in neither language
// (they are never paired).
type layout struct {
	blockEN, blockZH []int32
	soloEN, soloZH   []bool
}

// AlignDocuments aligns two documents, one English and one Chinese, in
// either order: paragraphs first when both have several, then the
// sentences inside each pair of aligned paragraphs. Src is a and Tgt is b.
// When one side is a single paragraph, Paragraphs holds one link joining
// all paragraphs; it is nil only with WithoutParagraphs or an empty side.
func (al *Aligner) AlignDocuments(a, b *segment.Document) (*Alignment, error) {
	sa := Side{Lang: sideLang(a.Sentences), Sentences: a.Sentences, Paragraphs: a.Paragraphs}
	sb := Side{Lang: sideLang(b.Sentences), Sentences: b.Sentences, Paragraphs: b.Paragraphs}
	paras := len(sa.Paragraphs) > 1 && len(sb.Paragraphs) > 1 && !al.opts.noParagraphs
	res, err := al.alignSides(sa, sb, paras, nil)
	if err != nil || paras || al.opts.noParagraphs || len(sa.Paragraphs) == 0 || len(sb.Paragraphs) == 0 {
		return res, err
	}
	// One side is a single paragraph: the only paragraph alignment links
	// it to all the other side's, scored as the mean of its sentence links.
	var sum float64
	for _, l := range res.Sentences {
		sum += l.Score
	}
	res.Paragraphs = []Link{{Src: seq(len(sa.Paragraphs)), Tgt: seq(len(sb.Paragraphs)), Score: sum / float64(max(1, len(res.Sentences)))}}
	return res, nil
}

// alignSides aligns two sides, paragraph-first when paras is set. With
// learning on, a second round of passes adds the word pairs learned from
// the first round's links (see learn).
func (al *Aligner) alignSides(src, tgt Side, paras bool, lay *layout) (*Alignment, error) {
	zh, en, swapped, err := orient(src.Sentences, tgt.Sentences, src.Lang, tgt.Lang)
	if err != nil {
		return nil, err
	}
	// The sides' languages say which is which from here on (Pairs reads
	// them), even for an empty side.
	src.Lang, tgt.Lang = segment.Chinese, segment.English
	if swapped {
		src.Lang, tgt.Lang = segment.English, segment.Chinese
	}
	res := &Alignment{Src: src, Tgt: tgt}
	zs, es := src, tgt
	if swapped {
		zs, es = tgt, src
	}
	if len(zh) == 0 || len(en) == 0 {
		// One side is empty: everything is an omission, with no
		// features to compute.
		res.Sentences = toLinks(omissions(len(zh), len(en)), swapped)
		if paras {
			res.Paragraphs = toLinks(omissions(len(zs.Paragraphs), len(es.Paragraphs)), swapped)
		}
		return res, nil
	}
	if len(zs.Paragraphs) == 0 || len(es.Paragraphs) == 0 {
		paras = false
	}
	rz, re, lx, err := al.features(zh, en)
	if err != nil {
		return nil, err
	}
	md, pbeads := al.paragraphPass(rz, re, zs, es, paras, lay)
	beads := al.sentencePass(md, rz, re, zs, es, pbeads, paras)
	if !al.opts.noLearn {
		// Second round: word pairs learned from the first round's
		// links. The link priors are not re-estimated: omissions the
		// first round invented would raise their own priors, and the
		// second round would invent more. The paragraph pass is run
		// again only when learning changed the units.
		if lx != nil {
			if learned := al.learn(rz, re, beads, lx); len(learned) > 0 {
				addLearned(rz, learned)
				md, pbeads = al.paragraphPass(rz, re, zs, es, paras, lay)
			}
		}
		beads = al.sentencePass(md, rz, re, zs, es, pbeads, paras)
	}
	if paras {
		res.Paragraphs = toLinks(al.calibrate(pbeads), swapped)
	}
	res.Sentences = toLinks(al.calibrate(beads), swapped)
	return res, nil
}

// paragraphPass returns the sentence model of the raw units of both sides
// and, when paras is set, the paragraph beads (each paragraph one unit);
// the sentence model takes the length ratio of the paragraphs aligned.
// The searches do not change the model.
func (al *Aligner) paragraphPass(rz, re []rawUnit, zs, es Side, paras bool, lay *layout) (md *model, pbeads []bead) {
	md = newModel(rz, re, al.p, &al.opts)
	if !paras {
		return md, nil
	}
	// Paragraph pass: each paragraph is one unit.
	pz := mergeParagraphs(rz, zs.Paragraphs)
	pe := mergeParagraphs(re, es.Paragraphs)
	if lay != nil {
		for i := range pz {
			pz[i].block, pz[i].solo = lay.blockZH[i], lay.soloZH[i]
		}
		for i := range pe {
			pe[i].block, pe[i].solo = lay.blockEN[i], lay.soloEN[i]
		}
	}
	pp := al.p
	pp.found[sideZH][kindWord] = al.p.paraFoundWord[sideZH]
	pp.found[sideEN][kindWord] = al.p.paraFoundWord[sideEN]
	pp.keepAbsent = true
	pp.maxItems = maxParaItems
	pp.lenVar0 = al.p.paraLenVar0
	pm := newModel(pz, pe, pp, &al.opts)
	prg := region{0, len(pz), 0, len(pe)}
	// Untranslated paragraphs skew the document's length ratio: align
	// with the usual ratio first, then with the ratio of what aligned.
	pm.setRatio(defaultRatio)
	ptypes := paragraphTypes()
	para := *al
	para.p.minPost = al.p.minPostPara
	pbeads = para.alignRegion(pm, pz, pe, prg, ptypes)
	if r, ok := pm.beadRatio(pbeads, prg); ok {
		pm.setRatio(r)
		md.setRatio(r)
	}
	// How many paragraphs are left untranslated varies much between
	// documents: re-estimate the link priors from the first pass.
	ptypes = reestimate(ptypes, pbeads, al.p.priorWeight)
	pbeads = para.alignRegion(pm, pz, pe, prg, ptypes)
	return md, pbeads
}

// sentencePass aligns the sentences: all at once without paragraphs,
// else inside each paragraph link of pbeads.
func (al *Aligner) sentencePass(md *model, rz, re []rawUnit, zs, es Side, pbeads []bead, paras bool) (beads []bead) {
	if !paras {
		return al.alignRegion(md, rz, re, region{0, len(rz), 0, len(re)}, al.types)
	}
	// Sentence pass inside each paragraph link.
	for _, pb := range pbeads {
		r0, r1 := sentRange(zs.Paragraphs, pb.i0, pb.i1)
		c0, c1 := sentRange(es.Paragraphs, pb.j0, pb.j1)
		if r0 == r1 || c0 == c1 {
			for r := r0; r < r1; r++ {
				beads = append(beads, bead{i0: r, i1: r + 1, j0: c0, j1: c0, score: pb.score})
			}
			for c := c0; c < c1; c++ {
				beads = append(beads, bead{i0: r1, i1: r1, j0: c, j1: c + 1, score: pb.score})
			}
			continue
		}
		bs := al.alignRegion(md, rz, re, region{r0, r1, c0, c1}, al.types)
		for _, b := range bs {
			b.i0, b.i1, b.j0, b.j1 = b.i0+r0, b.i1+r0, b.j0+c0, b.j1+c0
			b.score *= pb.score
			beads = append(beads, b)
		}
	}
	return beads
}

// omissions returns the beads of n Chinese and m English units of which
// one count is 0: all omissions, each certain.
func omissions(n, m int) []bead {
	beads := make([]bead, 0, n+m)
	for i := range n {
		beads = append(beads, bead{i0: i, i1: i + 1, score: 1})
	}
	for j := range m {
		beads = append(beads, bead{j0: j, j1: j + 1, score: 1})
	}
	return beads
}

// sentRange returns the sentences of paragraphs [p0,p1).
func sentRange(ps []segment.Paragraph, p0, p1 int) (int, int) {
	if p0 == p1 {
		if p0 < len(ps) {
			return ps[p0].First, ps[p0].First
		}
		if len(ps) == 0 {
			return 0, 0
		}
		last := ps[len(ps)-1]
		return last.First + last.Count, last.First + last.Count
	}
	return ps[p0].First, ps[p1-1].First + ps[p1-1].Count
}

// mergeParagraphs joins the raw units of the sentences of each paragraph.
func mergeParagraphs(us []rawUnit, ps []segment.Paragraph) []rawUnit {
	out := make([]rawUnit, len(ps))
	for i, p := range ps {
		out[i] = mergeRange(us[p.First : p.First+p.Count])
	}
	return out
}

// mergeRange joins consecutive raw units into one.
func mergeRange(us []rawUnit) rawUnit {
	b := rawUnit{block: -1}
	for _, u := range us {
		b.ends = u.ends
		b.chars += u.chars
		b.items = append(b.items, u.items...)
		b.names = append(b.names, u.names...)
	}
	return b
}

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

// alignRegion aligns the units of region rg of model md with link types
// types, coarse-to-fine when the region's grid is large.
func (al *Aligner) alignRegion(md *model, rz, re []rawUnit, rg region, types []beadType) []bead {
	n, m := rg.r1-rg.r0, rg.c1-rg.c0
	var bd band
	if (n+1)*(m+1) <= al.opts.maxCells {
		bd = fullBand(n, m)
	} else {
		bd = al.coarseBand(rz[rg.r0:rg.r1], re[rg.c0:rg.c1])
	}
	sub := *al
	sub.types = types
	return sub.searchBand(md, rg, bd)
}

// seq returns 0, 1, ..., n-1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// calibrate turns the posteriors of beads into the probabilities that
// their links are right: the model treats its cues as independent, so its
// log-odds are too large, by a factor set on the development sets as a
// whole (see shrink). It changes beads in place and returns them.
func (al *Aligner) calibrate(beads []bead) []bead {
	if al.p.shrink == 1 {
		return beads
	}
	for k := range beads {
		p := min(max(beads[k].score, minOdds), 1-minOdds)
		beads[k].score = 1 / (1 + math.Pow((1-p)/p, al.p.shrink))
	}
	return beads
}

// minOdds bounds the posteriors that calibrate maps, so that a certain
// link scores below 1: 1 - 1e-6 maps to 0.997 with a factor 0.42.
const minOdds = 1e-6
