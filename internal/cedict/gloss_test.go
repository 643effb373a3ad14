package cedict

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// cleanAll runs the cleaner on one raw sense and collects what it reports.
func cleanAll(sense string) (glosses, ws []string, ref string) {
	var c cleaner
	c.sense(sense, func(g []byte) {
		glosses = append(glosses, string(g))
		words(g, func(i, j int) { ws = append(ws, string(g[i:j])) })
	}, func(head, pinyin []byte) {
		ref = string(head)
		if len(pinyin) > 0 {
			ref += "[" + string(pinyin) + "]"
		}
	})
	return glosses, ws, ref
}

func TestCleanSense(t *testing.T) {
	tests := []struct {
		desc, sense string
		glosses     []string
		words       []string
		ref         string
	}{
		{desc: "plain", sense: "economy", glosses: []string{"economy"}, words: []string{"economy"}},
		{desc: "lower-cased", sense: "China", glosses: []string{"china"}, words: []string{"china"}},
		{desc: "to-infinitives split at semicolon", sense: "to promote; to advance",
			glosses: []string{"promote", "advance"}, words: []string{"promote", "advance"}},
		{desc: "function words", sense: "economic and trade",
			glosses: []string{"economic and trade"}, words: []string{"economic", "trade"}},
		{desc: "parenthesis", sense: "hair (on the head)", glosses: []string{"hair"}, words: []string{"hair"}},
		{desc: "nested parentheses", sense: "(literary) (usually (not) followed) completely",
			glosses: []string{"completely"}, words: []string{"completely"}},
		{desc: "full-width parentheses", sense: "tea（茶）", glosses: []string{"tea"}, words: []string{"tea"}},
		{desc: "only a parenthesis", sense: "(completed action marker)"},
		{desc: "classifier", sense: "CL:個|个[ge4],位[wei4]"},
		{desc: "variant of", sense: "variant of 臺|台[tai2]", ref: "臺[tai2]"},
		{desc: "old variant of", sense: "old variant of 家[jia1]", ref: "家[jia1]"},
		{desc: "variant without pinyin", sense: "variant of 突", ref: "突"},
		{desc: "variant note in parentheses", sense: "to understand clearly (variant of 瞭|了[liao3])",
			glosses: []string{"understand clearly"}, words: []string{"understand", "clearly"}},
		{desc: "see", sense: "see 葡萄[pu2 tao5]"},
		{desc: "see also", sense: "see also 見微知著|见微知著[jian4 wei1 zhi1 zhu4]"},
		{desc: "to see is a verb", sense: "to see; to look at",
			glosses: []string{"see", "look at"}, words: []string{"see", "look"}},
		{desc: "surname", sense: "surname Tai"},
		{desc: "two-character surname", sense: "two-character surname Shangguan"},
		{desc: "abbr. for Chinese", sense: "abbr. for 中國|中国[Zhong1 guo2]"},
		{desc: "abbr. for English", sense: "abbr. for computers, communications, and consumer electronics",
			glosses: []string{"computers, communications, and consumer electronics"},
			words:   []string{"computers", "communications", "consumer", "electronics"}},
		{desc: "abbr. in parentheses", sense: "Taiwan (abbr.)", glosses: []string{"taiwan"}, words: []string{"taiwan"}},
		{desc: "abbr. then English", sense: "abbr. for 五卅運動|五卅运动[wu3 sa4 yun4 dong4], The May Thirtieth Movement",
			glosses: []string{"the may thirtieth movement"}, words: []string{"may", "thirtieth", "movement"}},
		{desc: "inline reference removed", sense: "similar to 雨[yu3] but heavier",
			glosses: []string{"similar to but heavier"}, words: []string{"similar", "heavier"}},
		{desc: "lit. and fig.", sense: "lit. to eat vinegar; fig. to be jealous",
			glosses: []string{"eat vinegar", "be jealous"}, words: []string{"eat", "vinegar", "jealous"}},
		{desc: "also pr.", sense: "also pr. [zhuo2]"},
		{desc: "also written", sense: "also written 台灣|台湾[Tai2 wan1]"},
		{desc: "also called English", sense: "also called Tyrian purple",
			glosses: []string{"also called tyrian purple"}, words: []string{"called", "tyrian", "purple"}},
		{desc: "used in", sense: "used in 葡萄[pu2 tao5]"},
		{desc: "used in place names", sense: "used in place names"},
		{desc: "used to", sense: "used to", glosses: []string{"used to"}, words: []string{"used"}},
		{desc: "used up", sense: "used up; finished",
			glosses: []string{"used up", "finished"}, words: []string{"used", "up", "finished"}},
		{desc: "classifier for", sense: "classifier for vehicles or machines"},
		{desc: "possessive and hyphen", sense: "Down's syndrome; well-known",
			glosses: []string{"down's syndrome", "well-known"}, words: []string{"down", "syndrome", "well-known", "known"}},
		{desc: "quotes", sense: `"Code Geass"`, glosses: []string{"code geass"}, words: []string{"code", "geass"}},
		{desc: "decimal and abbreviation", sense: "U.S. 3.5 percent",
			glosses: []string{"u.s. 3.5 percent"}, words: []string{"u.s", "3.5", "percent"}},
		{desc: "space before comma left by a reference", sense: "Peng'an county in Nanchong 南充[Nan2 chong1], Sichuan",
			glosses: []string{"peng'an county in nanchong, sichuan"}, words: []string{"peng'an", "county", "nanchong", "sichuan"}},
		{desc: "one's", sense: "to curb one's evil instincts",
			glosses: []string{"curb one's evil instincts"}, words: []string{"curb", "evil", "instincts"}},
		{desc: "sb and sth", sense: "to give sb sth", glosses: []string{"give sb sth"}, words: []string{"give"}},
		{desc: "unbalanced parenthesis", sense: "broken (remark", glosses: []string{"broken"}, words: []string{"broken"}},
		{desc: "stray closing parenthesis", sense: "odd) case", glosses: []string{"odd case"}, words: []string{"odd", "case"}},
		{desc: "non-ASCII letters", sense: "Éclair", glosses: []string{"éclair"}, words: []string{"éclair"}},
		{desc: "empty", sense: ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			glosses, ws, ref := cleanAll(tc.sense)
			assert.Equal(t, tc.glosses, glosses, "glosses")
			assert.Equal(t, tc.words, ws, "words")
			assert.Equal(t, tc.ref, ref, "ref")
		})
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct{ desc, in, head, pinyin string }{
		{"trad|simp[py]", "臺|台[tai2]", "臺", "tai2"},
		{"single form", "家[jia1]", "家", "jia1"},
		{"no pinyin", "突", "突", ""},
		{"followed by text", "突, rarely", "突", ""},
		{"pinyin after other text is not ours", "突 and 家[jia1]", "突", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			head, py := parseRef([]byte(tc.in))
			assert.Equal(t, tc.head, string(head))
			assert.Equal(t, tc.pinyin, string(py))
		})
	}
}
