package eval

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
)

func TestReadPairs(t *testing.T) {
	tests := []struct {
		desc, src string
		want      []corpus.Unit
	}{
		{"strings", `{"en": "Hello.", "zh": "你好。"}`, []corpus.Unit{{EN: "Hello.", ZH: "你好。"}}},
		{"lists joined", `{"en": ["A.", "B."], "zh": ["甲。", "乙。"]}`, []corpus.Unit{{EN: "A. B.", ZH: "甲。乙。"}}},
		{"list with empty item", `{"en": [""], "zh": ["", "乙"]}`, []corpus.Unit{{ZH: "乙"}}},
		{"missing and null sides", "{\"en\": \"A\"}\n{\"en\": null, \"zh\": \"乙\"}", []corpus.Unit{{EN: "A"}, {ZH: "乙"}}},
		{"no sides", `{"score": 0.5}`, []corpus.Unit{{}}},
		{"falsy values read as empty", `{"en": 0, "zh": false}` + "\n" + `{"en": [], "zh": {}}` + "\n" + `{"en": 0.0e5, "zh": -0}` + "\n" + `{"en": 1e-400, "zh": -0.0}`,
			[]corpus.Unit{{}, {}, {}, {}}},
		{"other keys ignored", `{"en": "A", "zh": "乙", "score": 7, "en_ids": "x", "meta": {"x": [1, true, null]}}`, []corpus.Unit{{EN: "A", ZH: "乙"}}},
		{"huge numbers", `{"en": "A", "zh": "乙", "s": 1e999, "t": -123456789012345678901234567890}`, []corpus.Unit{{EN: "A", ZH: "乙"}}},
		{"escapes", `{"en": "a\"b\\c\/d\u00e9\ud83d\ude42\n", "zh": "\u4e2d"}`, []corpus.Unit{{EN: "a\"b\\c/dé🙂\n", ZH: "中"}}},
		{"lone surrogate", `{"en": "a\ud800b", "zh": "乙"}`, []corpus.Unit{{EN: "a\ufffdb", ZH: "乙"}}},
		{"duplicate key last wins", `{"en": "A", "en": "B", "zh": "乙"}`, []corpus.Unit{{EN: "B", ZH: "乙"}}},
		{"blank lines and crlf", "\r\n  \r\n{\"en\": \"A\", \"zh\": \"乙\"}\r\n\n", []corpus.Unit{{EN: "A", ZH: "乙"}}},
		{"unicode whitespace around", "\u3000{\"en\": \"A\", \"zh\": \"乙\"}\u0085", []corpus.Unit{{EN: "A", ZH: "乙"}}},
		{"empty input", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := ReadPairs(strings.NewReader(tc.src), "p.jsonl")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			slow, err := ReadPairs(iotest.OneByteReader(strings.NewReader(tc.src)), "p.jsonl")
			require.NoError(t, err)
			assert.Equal(t, tc.want, slow)
		})
	}
}

func TestReadPairsErrors(t *testing.T) {
	// Each of these makes score_pairs.py exit or raise.
	tests := []struct {
		desc, src string
		line      int
		want      error
	}{
		{"not json", "{\"en\": \"A\", \"zh\": \"B\"}\n\nnot json", 3, ErrNotJSON},
		{"trailing comma", `{"en": "A",}`, 1, ErrNotJSON},
		{"single quotes", `{'en': 'A'}`, 1, ErrNotJSON},
		{"extra data", `{"en": "A"} {}`, 1, ErrNotJSON},
		{"raw control character", "{\"en\": \"A\tB\"}", 1, ErrNotJSON},
		{"bad escape", `{"en": "\x41"}`, 1, ErrNotJSON},
		{"leading zero", `{"en": "A", "n": 01}`, 1, ErrNotJSON},
		{"byte order mark inside", "{\"en\": \"A\"}\n\ufeff{\"en\": \"A\"}", 2, ErrNotJSON},
		{"deep nesting", `{"en": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}", 1, ErrNotJSON},
		// Python's json reads these literals; JSON has no such numbers.
		{"NaN", `{"en": "A", "zh": "乙", "score": NaN}`, 1, ErrNotJSON},
		{"Infinity", `{"en": "A", "zh": "乙", "s": [Infinity]}`, 1, ErrNotJSON},
		{"-Infinity", `{"en": "A", "zh": "乙", "s": -Infinity}`, 1, ErrNotJSON},
		{"not an object", `["A", "B"]`, 1, ErrBadPair},
		{"number side", `{"en": 5, "zh": "B"}`, 1, ErrBadPair},
		{"true side", `{"en": "A", "zh": true}`, 1, ErrBadPair},
		{"object side", `{"en": {"a": 1}, "zh": "B"}`, 1, ErrBadPair},
		{"list of numbers", `{"en": ["A", 1], "zh": "B"}`, 1, ErrBadPair},
		{"invalid utf-8", "{\"en\": \"\xff\"}", 1, ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := ReadPairs(strings.NewReader(tc.src), "p.jsonl")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "p.jsonl", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

func TestReadPairsErrorText(t *testing.T) {
	tests := []struct{ desc, src, want string }{
		{"NaN", `{"en": "A", "zh": "乙", "score": NaN}`,
			"p.jsonl:1: eval: not JSON: NaN at column 33 (Python's json reads it, JSON has no such number)"},
		{"-Infinity", `{"en": "甲乙", "s": -Infinity}`,
			"p.jsonl:1: eval: not JSON: -Infinity at column 19 (Python's json reads it, JSON has no such number)"},
		{"syntax", `{"en": "甲乙" "zh": ""}`, `p.jsonl:1: eval: not JSON: invalid character '"' after object key:value pair at column 13`},
		{"extra data", `{"en": "甲"}  {}`, "p.jsonl:1: eval: not JSON: extra data at column 14"},
		{"truncated", `{"en": "甲"`, "p.jsonl:1: eval: not JSON: unexpected EOF"},
		{"not an object", `"甲"`, "p.jsonl:1: eval: bad pair: not a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := ReadPairs(strings.NewReader(tc.src), "p.jsonl")
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestScorePairs(t *testing.T) {
	p := func(en, zh string) corpus.Unit { return corpus.Unit{EN: en, ZH: zh} }
	tests := []struct {
		desc       string
		gold, pred []corpus.Unit
		want       PairScore
	}{
		// Generated with python3 3.11.7: score(load(GOLD), load(PRED)) of
		// /work/shared/tools/score_pairs.py on the same pairs as JSONL.
		{"empty", nil, nil, PairScore{}},
		{"identical", []corpus.Unit{p("A b.", "甲乙。")}, []corpus.Unit{p("a B", "甲乙")},
			PairScore{1, 1, PRF{1.0, 1.0, 1.0}, PRF{1.0, 1.0, 1.0}}},
		{"empty sides dropped", []corpus.Unit{p("A", ""), p("", "甲"), p("B", "乙")}, []corpus.Unit{p("...", "乙"), p("B", "乙")},
			PairScore{1, 1, PRF{1.0, 1.0, 1.0}, PRF{1.0, 1.0, 1.0}}},
		{"containment", []corpus.Unit{p("One two three.", "一二三。")}, []corpus.Unit{p("One two", "一二")},
			PairScore{1, 1, PRF{0.0, 0.0, 0.0}, PRF{1.0, 1.0, 1.0}}},
		{"one side only overlaps", []corpus.Unit{p("One two three.", "一二三。")}, []corpus.Unit{p("One two", "四五六")},
			PairScore{1, 1, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}}},
		{"duplicate predictions", []corpus.Unit{p("A", "甲")}, []corpus.Unit{p("A", "甲"), p("A", "甲"), p("C", "丙")},
			PairScore{1, 3, PRF{0.6667, 1.0, 0.8}, PRF{0.6667, 1.0, 0.8}}},
		{"ratio", []corpus.Unit{p("abcdefgh", "甲乙丙丁戊")}, []corpus.Unit{p("abcdxefgh", "甲乙丙丁己")},
			PairScore{1, 1, PRF{0.0, 0.0, 0.0}, PRF{1.0, 1.0, 1.0}}},
		{"ratio just below", []corpus.Unit{p("abcd", "甲乙丙丁戊")}, []corpus.Unit{p("bcde", "甲乙丙丁戊")},
			PairScore{1, 1, PRF{0.0, 0.0, 0.0}, PRF{0.0, 0.0, 0.0}}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, ScorePairs(tc.gold, tc.pred))
		})
	}
}

func TestScoreJSON(t *testing.T) {
	ls := LadderScore{Docs: 2, GoldLinks: 3, PredLinks: 4, Paper: PRF{1, 0.5, 0.6667}, Lax: PRF{0.0001, 0.00001, 0}}
	b, err := json.Marshal(ls)
	require.NoError(t, err)
	assert.JSONEq(t, `{"docs": 2, "gold_links": 3, "pred_links": 4, "paper": {"p": 1.0, "r": 0.5, "f1": 0.6667},
		"strict": {"p": 0.0, "r": 0.0, "f1": 0.0}, "lax": {"p": 0.0001, "r": 1e-05, "f1": 0.0}}`, string(b))
	raw, err := ls.MarshalJSON()
	require.NoError(t, err)
	// The text of Python's json.dumps (repr floats, ", " and ": ").
	assert.Equal(t, `{"docs": 2, "gold_links": 3, "pred_links": 4, "paper": {"p": 1.0, "r": 0.5, "f1": 0.6667}, `+
		`"strict": {"p": 0.0, "r": 0.0, "f1": 0.0}, "lax": {"p": 0.0001, "r": 1e-05, "f1": 0.0}}`, string(raw))

	ps := PairScore{Gold: 1, Pred: 2, Strict: PRF{0.5, 1, 0.6667}}
	b, err = json.Marshal(ps)
	require.NoError(t, err)
	assert.JSONEq(t, `{"gold": 1, "pred": 2, "strict": {"p": 0.5, "r": 1.0, "f1": 0.6667}, "lax": {"p": 0.0, "r": 0.0, "f1": 0.0}}`, string(b))
}

func TestRound4(t *testing.T) {
	// Python 3.11: round(x, 4).
	tests := []struct{ x, want float64 }{
		{0.03125, 0.0312}, {0.09375, 0.0938}, {2.0 / 3, 0.6667}, {0.12345, 0.1235},
		{0.00005, 0.0001}, {0.00015, 0.0001}, {1, 1}, {0, 0}, {0.99995, 1.0}, {0.4999999, 0.5},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, round4(tc.x), "%v", tc.x)
	}
}
