package numex

import "math"

// group puts kinds that may denote the same quantity together: a Year 2022
// may be written as a bare 2022, a Day 4 as "and 4", "二十大" (20) as
// "the 20th".
func group(k Kind) int {
	switch k {
	case Cardinal, Ordinal, Year, Day:
		return 0
	}
	return int(k)
}

// Matches reports whether n and m can be the same number written in two
// languages: equal values (within a relative 1e-9) and compatible kinds.
// Cardinal, Ordinal, Year and Day are compatible with each other; a Month
// also matches an Ordinal ("the second month" = 二月); Percent, Fraction,
// Weekday and Decade match only their own kind, and a decade without its
// century (90年代) matches any decade ending so (1990s). Markers match only
// markers, on value.
func (n Number) Matches(m Number) bool {
	nm, mm := n.Flags&Marker != 0, m.Flags&Marker != 0
	if nm || mm {
		return nm && mm && sameValue(n.Value, m.Value)
	}
	if n.Kind == Decade || m.Kind == Decade {
		if n.Kind != m.Kind {
			return false
		}
		a, b := n.Value, m.Value
		if a < 100 || b < 100 {
			a, b = math.Mod(a, 100), math.Mod(b, 100)
		}
		return sameValue(a, b)
	}
	if group(n.Kind) != group(m.Kind) {
		if !(n.Kind == Month && m.Kind == Ordinal || n.Kind == Ordinal && m.Kind == Month) {
			return false
		}
	}
	return sameValue(n.Value, m.Value)
}

// Match pairs the numbers of a with those of b, each used at most once,
// preferring pairs of the same kind, and returns the summed [Number.Weight]
// of the paired numbers on both sides (matched) and of all numbers on both
// sides (total), so 0 ≤ matched ≤ total. Markers and Weak numbers count in
// total only when paired: a list marker or a stray "one" on one side is no
// evidence against a pair. total is 0 when neither side has a number that
// counts; the caller should then treat the pair as neutral.
//
// Match does not allocate when both sides hold at most 64 numbers.
func Match(a, b []Number) (matched, total float64) {
	var ua, ub bitset
	ua.init(len(a))
	ub.init(len(b))
	for pass := 0; pass < 2; pass++ {
		for i := range a {
			if ua.has(i) {
				continue
			}
			for j := range b {
				if ub.has(j) || pass == 0 && a[i].Kind != b[j].Kind || !a[i].Matches(b[j]) {
					continue
				}
				ua.set(i)
				ub.set(j)
				matched += a[i].Weight() + b[j].Weight()
				break
			}
		}
	}
	for i := range a {
		if ua.has(i) || !a[i].optional() {
			total += a[i].Weight()
		}
	}
	for j := range b {
		if ub.has(j) || !b[j].optional() {
			total += b[j].Weight()
		}
	}
	return matched, total
}

// sameValue compares two extracted values with a relative tolerance, so
// values computed through different scales (50万, 500,000) agree.
func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	d := math.Abs(a - b)
	m := math.Max(math.Abs(a), math.Abs(b))
	return d <= 1e-9*m
}

// Similarity returns matched/total from [Match], in [0, 1]. It returns 0
// when total is 0 (no numbers that count on either side); call [Match] to
// tell that case from a mismatch.
func Similarity(a, b []Number) float64 {
	m, t := Match(a, b)
	if t == 0 {
		return 0
	}
	return m / t
}

// bitset marks used indices: in a word up to 64, in a slice beyond.
type bitset struct {
	small uint64
	large []bool
}

func (b *bitset) init(n int) {
	if n > 64 {
		b.large = make([]bool, n)
	}
}

func (b *bitset) has(i int) bool {
	if b.large != nil {
		return b.large[i]
	}
	return b.small&(1<<uint(i)) != 0
}

func (b *bitset) set(i int) {
	if b.large != nil {
		b.large[i] = true
		return
	}
	b.small |= 1 << uint(i)
}
