package align

import "math"

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
		if !isLink(b) || b.score < 0.5 {
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
