package align

import (
	"math"
	"strconv"

	"github.com/zhenalign/zhenalign/internal/numex"
)

// appendNumbers appends the numbers and date parts of text as items. Their
// keys make matching numbers share an id: cardinals, ordinals, years and
// days of the same value match (二十大 = 20th, 23日 = 23rd), months match
// months and ordinals, other kinds only their own kind.
func appendNumbers(text string, zh bool, items []rawItem) []rawItem {
	var buf [16]numex.Number
	var ns []numex.Number
	if zh {
		ns = numex.AppendChinese(buf[:0], text)
	} else {
		ns = numex.AppendEnglish(buf[:0], text)
	}
	for _, n := range ns {
		v := strconv.FormatFloat(n.Value, 'g', 10, 64)
		var keys []string
		switch {
		case n.Flags&numex.Marker != 0:
			keys = []string{"mk:" + v}
		case n.Kind == numex.Decade:
			keys = []string{"dc:" + strconv.FormatFloat(math.Mod(n.Value, 100), 'g', 10, 64)}
		case n.Kind == numex.Percent:
			keys = []string{"pc:" + v}
		case n.Kind == numex.Fraction:
			keys = []string{"fr:" + v}
		case n.Kind == numex.Weekday:
			keys = []string{"wd:" + v}
		case n.Kind == numex.Month:
			keys = []string{"mo:" + v}
		case n.Kind == numex.Ordinal && n.Value >= 1 && n.Value <= 12:
			keys = []string{"n:" + v, "mo:" + v}
		default:
			keys = []string{"n:" + v}
		}
		// A missing number counts against a pair in proportion to how
		// much it is a quantity; markers and weak numbers only help.
		pen := float32(n.Weight())
		if hasDigit(text[n.Start:n.End]) {
			pen = 1 // numbers in digits survive translation
		}
		if n.Flags&(numex.Marker|numex.Weak) != 0 {
			pen = 0
		}
		items = append(items, rawItem{keys: keys, kind: kindNumber, pen: pen, known: true})
	}
	return items
}

// hasDigit reports whether s holds an ASCII or full-width digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if '0' <= r && r <= '9' || '０' <= r && r <= '９' {
			return true
		}
	}
	return false
}
