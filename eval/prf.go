package eval

import (
	"strconv"
	"strings"
)

// PRF holds precision, recall and F1, rounded to 4 decimals the way
// Python's round(x, 4) does (correct rounding of the binary value, ties to
// even). Values lie in [0,1], except that the ladder paper metric, like
// its Python original, exceeds 1 when gold repeats a predicted link.
type PRF struct {
	P, R, F1 float64
}

// MarshalJSON encodes p as Python's json.dumps does:
// {"p": 1.0, "r": 0.8731, "f1": 0.9322}, numbers in Python's repr form.
func (p PRF) MarshalJSON() ([]byte, error) { return p.appendJSON(nil), nil }

func (p PRF) appendJSON(b []byte) []byte {
	b = append(b, `{"p": `...)
	b = appendPyFloat(b, p.P)
	b = append(b, `, "r": `...)
	b = appendPyFloat(b, p.R)
	b = append(b, `, "f1": `...)
	b = appendPyFloat(b, p.F1)
	return append(b, '}')
}

// div is a/b, or 0 when b is 0.
func div(a, b int) float64 {
	if b == 0 {
		return 0.0
	}
	return float64(a) / float64(b)
}

// f1 is the harmonic mean, 0 when p+r is 0, with Python's operation order.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0.0
	}
	return 2 * p * r / (p + r)
}

// round4 is Python's round(x, 4).
func round4(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	if err != nil {
		return x // ±Inf or NaN: round() leaves them unchanged too.
	}
	return v
}

// newPRF rounds p, r and their F1 to 4 decimals.
func newPRF(p, r float64) PRF {
	return PRF{P: round4(p), R: round4(r), F1: round4(f1(p, r))}
}

// prf is score_pairs.py's prf(), rounded.
func prf(tpP, nP, tpR, nG int) PRF {
	return newPRF(div(tpP, nP), div(tpR, nG))
}

// appendPyFloat appends x as Python's repr(float) writes it.
func appendPyFloat(b []byte, x float64) []byte {
	if x != 0 && (x < 1e-4 && x > -1e-4 || x >= 1e16 || x <= -1e16) {
		return strconv.AppendFloat(b, x, 'e', -1, 64)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.ContainsAny(s, ".IN") {
		s += ".0"
	}
	return append(b, s...)
}
