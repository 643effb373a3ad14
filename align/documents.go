package align

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"github.com/zhenalign/zhenalign/segment"
)

// AlignMixed aligns the English and the Chinese paragraphs of one document
// where the two languages are interleaved. Src is the English side and Tgt
// the Chinese one. Paragraphs in neither language (dates, numbers) join the
// English side, so that every sentence of the document appears in exactly
// one link.
func (al *Aligner) AlignMixed(doc *segment.Document) (*Alignment, error) {
	al = al.ready()
	if err := checkDocument(doc); err != nil {
		return nil, err
	}
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
	res, err := al.alignSides(en, zh, true, &lay)
	if err == nil && (len(zh.Sentences) == 0 || len(en.Sentences) == 0) && !doc.Empty() {
		res.Warnings = append(res.Warnings, oneLanguage(doc))
	}
	return res, err
}

// oneLanguage returns the warning for a mixed document holding text in one
// language only (or in neither).
func oneLanguage(doc *segment.Document) error {
	var has [3]bool
	for _, s := range doc.Sentences {
		if s.End > s.Start {
			has[s.Lang] = true
		}
	}
	switch {
	case has[segment.Chinese]:
		return fmt.Errorf("%w (Chinese text only)", ErrOneLanguage)
	case has[segment.English]:
		return fmt.Errorf("%w (English text only)", ErrOneLanguage)
	}
	return fmt.Errorf("%w (no English or Chinese text: only numbers, dates or symbols)", ErrOneLanguage)
}

// checkDocument reports a nil document, and one whose paragraphs do not
// cover its sentences in order (a Document not made by segment.Parse).
func checkDocument(d *segment.Document) error {
	if d == nil {
		return ErrNilDocument
	}
	next := 0
	for i, p := range d.Paragraphs {
		if p.First != next || p.Count < 0 || p.First+p.Count > len(d.Sentences) {
			return fmt.Errorf("%w: paragraph %d holds sentences [%d,%d), want them from %d, of %d", ErrBadDocument, i, p.First, p.First+p.Count, next, len(d.Sentences))
		}
		next += p.Count
	}
	if len(d.Paragraphs) > 0 && next != len(d.Sentences) {
		return fmt.Errorf("%w: the paragraphs hold %d of %d sentences", ErrBadDocument, next, len(d.Sentences))
	}
	return nil
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
	al = al.ready()
	if err := checkDocument(a); err != nil {
		return nil, err
	}
	if err := checkDocument(b); err != nil {
		return nil, err
	}
	if a.Empty() && b.Empty() {
		return nil, ErrEmpty
	}
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
	rz, re, tab, lx, err := al.features(zh, en)
	if err != nil {
		return nil, err
	}
	if lx == nil {
		// Without the dictionary's words the evidence is weaker: the
		// searches keep more cells (see beamNoDict).
		wide := *al
		wide.p.beam = beamNoDict
		al = &wide
	}
	md, pbeads := al.paragraphPass(tab, rz, re, zs, es, paras, lay)
	beads, pbeads := al.sentencePass(md, rz, re, zs, es, pbeads, paras, lay)
	if !al.opts.noLearn && lx != nil {
		// Second round, when word pairs were learned from the first
		// round's links (else it would find the same links). The link
		// priors are not re-estimated: omissions the first round
		// invented would raise their own priors, and the second round
		// would invent more. The dictionary and the learned pairs make
		// the path stand out: the second round searches with a narrower
		// beam (see beamLearned).
		if learned := al.learn(rz, re, beads, lx); len(learned) > 0 {
			addLearned(tab, rz, learned)
			md, pbeads = al.paragraphPass(tab, rz, re, zs, es, paras, lay)
			second := *al
			second.p.beam = beamLearned
			beads, pbeads = second.sentencePass(md, rz, re, zs, es, pbeads, paras, lay)
		}
	}
	// No key is interned from here on: the index of the keys can go.
	tab.release()
	if paras {
		res.Paragraphs = toLinks(al.calibrate(pbeads), swapped)
	}
	res.Sentences = toLinks(al.calibrate(beads), swapped)
	if w := mostlyOmissions(beads, len(zh), len(en)); w != nil {
		res.Warnings = append(res.Warnings, w)
	}
	return res, nil
}

// Most sentences left as omissions in a long document mean the texts are
// not translations of each other, or the search lost its way: said in a
// warning (ErrMostlyOmissions) when at least mostlyShare of the sentences
// of an alignment of at least mostlyMin sentences are.
const (
	mostlyShare = 0.5
	mostlyMin   = 40
)

// mostlyOmissions returns the warning for beads of n Chinese and m English
// sentences that leave most sentences unlinked, or nil.
func mostlyOmissions(beads []bead, n, m int) error {
	if n+m < mostlyMin {
		return nil
	}
	omitted := 0
	for _, b := range beads {
		if !isLink(b) {
			omitted += b.i1 - b.i0 + b.j1 - b.j0
		}
	}
	if float64(omitted) < mostlyShare*float64(n+m) {
		return nil
	}
	return fmt.Errorf("%w (%d of %d sentences, %.0f%%): the texts may not be translations of each other", ErrMostlyOmissions,
		omitted, n+m, 100*float64(omitted)/float64(n+m))
}

// minParallelUnits is the fewest sentences whose features are extracted
// by several workers.
const minParallelUnits = 256

// features computes the raw units of both sides: English first, so that
// the Chinese side keeps only the name spellings the English side has. It
// also returns the table of the units' item keys (see keyTable), and the
// lexicon used, nil without a dictionary.
func (al *Aligner) features(zh, en []segment.Sentence) (rz, re []rawUnit, tab *keyTable, lx *lexicon, err error) {
	f := &extractor{opts: &al.opts}
	if !al.opts.noDict {
		d := al.opts.dict
		if d == nil {
			if d, err = DefaultDictionary(); err != nil {
				return nil, nil, nil, nil, err
			}
		}
		if d.usable() {
			f.lex = newLexicon(d)
		}
	}
	// Each worker has its own lexicon: the lexicon caches the
	// translations it looks up.
	w := al.opts.workerCount()
	if len(zh)+len(en) < minParallelUnits {
		w = 1
	}
	fs := make([]*extractor, w)
	for k := range fs {
		fs[k] = &extractor{opts: f.opts, lex: f.lex}
		if k > 0 && f.lex != nil {
			fs[k].lex = newLexicon(f.lex.d)
		}
	}
	re = make([]rawUnit, len(en))
	inChunks(len(en), w, func(lo, hi, k int) {
		for i := lo; i < hi; i++ {
			re[i] = englishFeatures(en[i].Norm, fs[k])
		}
	})
	f.addNames(re)
	rz = make([]rawUnit, len(zh))
	inChunks(len(zh), w, func(lo, hi, k int) {
		fk := fs[k]
		fk.names = f.names
		for i := lo; i < hi; i++ {
			rz[i] = chineseFeatures(zh[i].Norm, fk)
		}
	})
	tab = newKeyTable()
	tab.intern(re)
	tab.intern(rz)
	return rz, re, tab, f.lex, nil
}

// paragraphPass returns the sentence model of the raw units of both sides
// and, when paras is set, the paragraph beads (each paragraph one unit);
// the sentence model takes the length ratio of the paragraphs aligned.
// The searches do not change the model.
func (al *Aligner) paragraphPass(tab *keyTable, rz, re []rawUnit, zs, es Side, paras bool, lay *layout) (md *model, pbeads []bead) {
	sentences := func() *model {
		md := newModel(tab, rz, re, al.p, &al.opts)
		md.setClauses()
		return md
	}
	if !paras {
		return sentences(), nil
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
	pm := newModel(tab, pz, pe, pp, &al.opts)
	prg := region{0, len(pz), 0, len(pe)}
	// Untranslated paragraphs skew the document's length ratio: align
	// with the usual ratio first, then with the ratio of what aligned.
	pm.setRatio(defaultRatio)
	ptypes := paragraphTypes()
	para := *al
	para.p.minPost = al.p.minPostPara
	pbeads = para.alignRegion(pm, pz, pe, prg, ptypes)
	r, ok := pm.beadRatio(pbeads, prg)
	if ok {
		pm.setRatio(r)
	}
	// How many paragraphs are left untranslated varies much between
	// documents: re-estimate the link priors from the first pass.
	ptypes = reestimate(ptypes, pbeads, al.p.priorWeight)
	pbeads = para.alignRegion(pm, pz, pe, prg, ptypes)
	// The sentence model is built once the paragraph model and searches
	// are done with, so that the two are never in memory together.
	md = sentences()
	if ok {
		md.setRatio(r)
	}
	return md, pbeads
}

// sentencePass aligns the sentences: all at once without paragraphs,
// else inside each paragraph link of pbeads. Paragraphs that the paragraph
// pass left out on both sides between the same two links (a gap) are
// aligned again sentence by sentence, a link only between sentences that
// share an item other than punctuation, with the unrelated-texts
// alternative on: a short paragraph that repeats looks to the paragraph
// pass, whose omissions are likely, like one nobody translated. It returns
// the sentence beads and the paragraph beads, those of the gaps replaced
// by the paragraphs their sentence links join.
func (al *Aligner) sentencePass(md *model, rz, re []rawUnit, zs, es Side, pbeads []bead, paras bool, lay *layout) (beads, pout []bead) {
	if !paras {
		return al.alignRegion(md, rz, re, region{0, len(rz), 0, len(re)}, al.types), pbeads
	}
	// Sentence pass inside each paragraph link. Whether the texts
	// translate each other was weighed by the paragraph pass, and is in
	// the paragraph links' scores: a short paragraph is too little
	// evidence to weigh it again.
	inner := *al
	inner.p.parallelOdds = 0
	gapAl := *al
	gapAl.p.gapShared = true
	parts := paragraphParts(pbeads, lay)
	// The parts are aligned by the workers at once, each search with one
	// worker, and their beads joined in order.
	found := make([][]bead, len(parts))
	rgs := make([]region, len(parts))
	for k, pt := range parts {
		r0, r1 := sentRange(zs.Paragraphs, pt.i0, pt.i1)
		c0, c1 := sentRange(es.Paragraphs, pt.j0, pt.j1)
		rgs[k] = region{r0, r1, c0, c1}
	}
	w := al.opts.workerCount()
	if w > 1 {
		inner.opts.workers = 1
		inner.opts.progress = nil
		gapAl.opts.workers = 1
		gapAl.opts.progress = nil
	}
	var mu sync.Mutex
	done := 0
	inChunks(len(parts), w, func(lo, hi, _ int) {
		for k := lo; k < hi; k++ {
			if rg := rgs[k]; rg.r0 < rg.r1 && rg.c0 < rg.c1 {
				if parts[k].gap {
					found[k] = gapAl.alignRegion(md, rz, re, rg, al.types)
				} else {
					found[k] = inner.alignRegion(md, rz, re, rg, al.types)
				}
			}
			if w > 1 && al.opts.progress != nil {
				mu.Lock()
				done++
				al.opts.progress(done, len(parts))
				mu.Unlock()
			}
		}
	})
	// omit appends the omissions of the sentences of the paragraph
	// beads pbs, each scored as its paragraph bead.
	omit := func(pbs []bead) {
		for _, pb := range pbs {
			r0, r1 := sentRange(zs.Paragraphs, pb.i0, pb.i1)
			c0, c1 := sentRange(es.Paragraphs, pb.j0, pb.j1)
			for r := r0; r < r1; r++ {
				beads = append(beads, bead{i0: r, i1: r + 1, j0: c0, j1: c0, score: pb.score})
			}
			for c := c0; c < c1; c++ {
				beads = append(beads, bead{i0: r1, i1: r1, j0: c, j1: c + 1, score: pb.score})
			}
		}
		pout = append(pout, pbs...)
	}
	for k, pt := range parts {
		r0, r1, c0, c1 := rgs[k].r0, rgs[k].r1, rgs[k].c0, rgs[k].c1
		if r0 == r1 || c0 == c1 || pt.gap && !slices.ContainsFunc(found[k], isLink) {
			// An omission, or a gap whose sentences translate nothing:
			// the paragraph pass's omissions stand.
			omit(pbeads[pt.k0:pt.k1])
			continue
		}
		first := len(beads)
		for _, b := range found[k] {
			b.i0, b.i1, b.j0, b.j1 = b.i0+r0, b.i1+r0, b.j0+c0, b.j1+c0
			if !pt.gap {
				b.score *= pt.score
			}
			beads = append(beads, b)
		}
		if !pt.gap {
			pout = append(pout, pbeads[pt.k0:pt.k1]...)
			continue
		}
		pout = append(pout, gapParagraphs(beads[first:], pbeads[pt.k0:pt.k1], zs.Paragraphs, es.Paragraphs, pt)...)
	}
	return beads, pout
}

// part is what the sentence pass aligns at once: the paragraphs
// [i0,i1) and [j0,j1) of the paragraph beads [k0,k1), one paragraph link
// or omission scored score, or a gap.
type part struct {
	i0, i1, j0, j1 int
	k0, k1         int
	score          float64
	gap            bool
}

// paragraphParts returns the parts of paragraph beads pbeads: each link
// and each omission its own part, but a run of omissions holding
// paragraphs of both sides, none of them a paragraph in neither language
// (lay), one gap.
func paragraphParts(pbeads []bead, lay *layout) []part {
	solo := func(b bead) bool {
		if lay == nil {
			return false
		}
		for i := b.i0; i < b.i1; i++ {
			if lay.soloZH[i] {
				return true
			}
		}
		for j := b.j0; j < b.j1; j++ {
			if lay.soloEN[j] {
				return true
			}
		}
		return false
	}
	omitted := func(b bead) bool { return !isLink(b) && !solo(b) }
	var parts []part
	for k := 0; k < len(pbeads); {
		b := pbeads[k]
		e := k + 1
		if omitted(b) {
			for e < len(pbeads) && omitted(pbeads[e]) {
				e++
			}
		}
		last := pbeads[e-1]
		if e-k > 1 && b.i0 < last.i1 && b.j0 < last.j1 {
			parts = append(parts, part{i0: b.i0, i1: last.i1, j0: b.j0, j1: last.j1, k0: k, k1: e, gap: true})
			k = e
			continue
		}
		for ; k < e; k++ {
			b := pbeads[k]
			parts = append(parts, part{i0: b.i0, i1: b.i1, j0: b.j0, j1: b.j1, k0: k, k1: k + 1, score: b.score})
		}
	}
	return parts
}

// gapParagraphs returns the paragraph beads of gap pt, whose paragraph
// beads were omissions (old), from the beads of its sentences: the
// paragraphs that sentence links join make one link, scored as the mean of
// those sentence links; the others stay omissions with their old scores.
func gapParagraphs(beads, old []bead, pz, pe []segment.Paragraph, pt part) []bead {
	oldZ, oldE := map[int]float64{}, map[int]float64{}
	for _, b := range old {
		for i := b.i0; i < b.i1; i++ {
			oldZ[i] = b.score
		}
		for j := b.j0; j < b.j1; j++ {
			oldE[j] = b.score
		}
	}
	var out []bead
	nz, ne := pt.i0, pt.j0 // the first paragraphs not yet in out
	omit := func(z1, e1 int) {
		for ; nz < z1; nz++ {
			out = append(out, bead{i0: nz, i1: nz + 1, j0: ne, j1: ne, score: oldZ[nz]})
		}
		for ; ne < e1; ne++ {
			out = append(out, bead{i0: nz, i1: nz, j0: ne, j1: ne + 1, score: oldE[ne]})
		}
	}
	var cur bead
	var sum float64
	n := 0
	flush := func() {
		if n == 0 {
			return
		}
		omit(cur.i0, cur.j0)
		cur.score = sum / float64(n)
		out = append(out, cur)
		nz, ne = cur.i1, cur.j1
		n, sum = 0, 0
	}
	for _, b := range beads {
		if !isLink(b) {
			continue
		}
		z0, z1 := paragraphOf(pz, b.i0), paragraphOf(pz, b.i1-1)+1
		e0, e1 := paragraphOf(pe, b.j0), paragraphOf(pe, b.j1-1)+1
		if n > 0 && (z0 < cur.i1 || e0 < cur.j1) {
			cur.i1, cur.j1 = max(cur.i1, z1), max(cur.j1, e1)
		} else {
			flush()
			cur = bead{i0: z0, i1: z1, j0: e0, j1: e1}
		}
		sum += b.score
		n++
	}
	flush()
	omit(pt.i1, pt.j1)
	return out
}

// isLink reports whether b links units of both sides.
func isLink(b bead) bool { return b.i0 < b.i1 && b.j0 < b.j1 }

// paragraphOf returns the index of the paragraph of ps holding sentence s.
func paragraphOf(ps []segment.Paragraph, s int) int {
	return sort.Search(len(ps), func(k int) bool { return ps[k].First+ps[k].Count > s })
}

// alignRegion aligns the units of region rg of model md with link types
// types, coarse-to-fine when the region's grid is large.
func (al *Aligner) alignRegion(md *model, rz, re []rawUnit, rg region, types []beadType) []bead {
	n, m := rg.r1-rg.r0, rg.c1-rg.c0
	sub := *al
	sub.types = types
	if (n+1)*(m+1) <= al.opts.maxCells {
		return sub.searchBand(md, rg, fullBand(n, m))
	}
	bd := al.coarseBand(md.tab, rz[rg.r0:rg.r1], re[rg.c0:rg.c1])
	return sub.searchWindows(md, rg, bd)
}

// searchBand runs the search over region rg within band bd.
func (al *Aligner) searchBand(md *model, rg region, bd band) []bead {
	return al.searchFree(md, rg, bd, [2]int{-1, -1})
}

// searchFree is searchBand with English omissions free along rows free
// (absolute, -1 for none; see scorer.freeRows).
func (al *Aligner) searchFree(md *model, rg region, bd band, free [2]int) []bead {
	n := rg.r1 - rg.r0
	pt := newPairTable(md, rg.r0, rg.r1, rg.c0, rg.c1)
	s := &scorer{m: md, pairs: pt, types: al.types, memo: new(memo), freeRows: free, needShared: al.p.gapShared}
	var progress func(int)
	if al.opts.progress != nil {
		total := 3 * (n + 1)
		progress = func(i int) {
			if i%256 == 0 || i == total-1 {
				al.opts.progress(i+1, total)
			}
		}
	}
	minPar := al.opts.minParallel
	if minPar == 0 {
		minPar = minParallelBeads
	}
	beads, _ := s.search(rg, bd, al.p.temp, al.p.beam, al.p.minPost, al.p.parallelOdds, al.opts.workerCount(), minPar, progress)
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

// mergeRange joins consecutive raw units into one. The result refers to
// us for its items and names (see rawUnit.parts) rather than copying them:
// on a long document the copies cost as much memory as the sentences'.
func mergeRange(us []rawUnit) rawUnit {
	b := rawUnit{block: -1, parts: us}
	for _, u := range us {
		b.ends = u.ends
		b.chars += u.chars
	}
	return b
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
