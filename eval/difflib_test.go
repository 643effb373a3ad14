package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		// Generated with python3 3.11.7: difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(),
		// printed with repr(); the random ones come from random.Random(7) over "abc".
		{"", "", 1.0},
		{"a", "", 0.0},
		{"", "a", 0.0},
		{"abc", "abc", 1.0},
		{"abxcd", "abcd", 0.8888888888888888},
		{"abcd", "bcde", 0.75},
		{"qabxcd", "abycdf", 0.6666666666666666},
		{"private Thread currentThread;", "private volatile Thread currentThread;", 0.8656716417910447},
		{"abab", "baba", 0.75},
		{"baba", "abab", 0.75},
		{"aaaa", "aa", 0.6666666666666666},
		{"ab", "ba", 0.5},
		{"中华人民共和国", "中华民国", 0.7272727272727273},
		{"經濟合作", "经济合作", 0.5},
		{"hello,world", "helloworld", 0.9523809523809523},
		{"the cat sat on the mat", "the mat sat on the cat", 0.9090909090909091},
		{"bcaacabc", "acaaa", 0.6153846153846154},
		{"aaacbacaa", "cccaccbaa", 0.5555555555555556},
		{"abb", "acacbccaacc", 0.2857142857142857},
		{"baccacacabccb", "bbcbbb", 0.42105263157894735},
		{"caacbc", "bbcbb", 0.36363636363636365},
		{"acbababbacac", "cbbc", 0.5},
		{"bcbaabbc", "caaccbcccbbc", 0.5},
		{"babbacaba", "abacabbbaabbc", 0.6363636363636364},
		{"bcbcbbc", "baaaa", 0.16666666666666666},
		{"caabc", "abbaab", 0.5454545454545454},
		{"ccbacccccca", "bccbbbba", 0.42105263157894735},
		{"baaaabaabc", "aaacacabcaaac", 0.6086956521739131},
		{"cbbcbbaab", "bbbba", 0.7142857142857143},
		{"cbcbb", "caca", 0.4444444444444444},
		// Order matters: the longest-match tie-break differs.
		{"abbb", "bbab", 0.5},
		{"bbab", "abbb", 0.75},
	}
	for _, tc := range tests {
		t.Run(tc.a+"|"+tc.b, func(t *testing.T) {
			assert.Equal(t, tc.want, ratio(tc.a, tc.b)) // exact, not approximate
		})
	}
}

func TestSeqMatcherReuse(t *testing.T) {
	// One matcher serves many a's; its scratch rows must not leak between
	// calls.
	m := newSeqMatcher([]rune("abcabcab"))
	for _, a := range []string{"abc", "cab", "bbbb", "abcabcab", "", "xabcx", "abc"} {
		assert.Equal(t, ratio(a, "abcabcab"), m.ratio([]rune(a)), a)
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		desc string
		a, b string
		want bool
	}{
		{"equal", "abc", "abc", true},
		{"a in b", "bc", "abcd", true},
		{"b in a", "abcd", "bc", true},
		{"empty a", "", "abc", false},
		{"empty b", "abc", "", false},
		{"ratio above", "abcdefgh", "abcdxefgh", true}, // 2*8/17
		{"ratio 0.8 exactly", "abcde", "abcdx", true},  // 2*4/10, Python: 0.8
		{"ratio below", "abcd", "bcde", false},         // 0.75
		{"lengths too different", "abcdefghij", "abxy", false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, overlaps(newText(tc.a), newText(tc.b)))
		})
	}
}
