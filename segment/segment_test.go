package segment_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sent is the part of a Sentence that table tests compare.
type sent struct {
	Lang string
	Text string
}

func sentences(t *testing.T, doc *segment.Document) []sent {
	t.Helper()
	var out []sent
	for _, s := range doc.Sentences {
		out = append(out, sent{s.Lang.String(), s.Text})
	}
	return out
}

func TestParseSentences(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		want      []sent
	}{
		{"empty", "", nil},
		{"blank lines", "\n \n\t\n", nil},
		{"english", "He came. She left.", []sent{{"en", "He came."}, {"en", "She left."}}},
		{"abbreviations", "Mr. Wang met Dr. Li at No. 1 Road. They talked.",
			[]sent{{"en", "Mr. Wang met Dr. Li at No. 1 Road."}, {"en", "They talked."}}},
		{"company", "Chongqing High-tech Investment Group Co., Ltd. with the Park. It was signed.",
			[]sent{{"en", "Chongqing High-tech Investment Group Co., Ltd. with the Park."}, {"en", "It was signed."}}},
		{"glued capital", "the development of San Francisco.He said it was good.",
			[]sent{{"en", "the development of San Francisco."}, {"en", "He said it was good."}}},
		{"glued digit", "friendship in China.2023 marks a new start.",
			[]sent{{"en", "friendship in China."}, {"en", "2023 marks a new start."}}},
		{"glued after a number", "held for 3 times since 2020.The stage ran.",
			[]sent{{"en", "held for 3 times since 2020."}, {"en", "The stage ran."}}},
		{"no split", "Residence of Mr.Zhou-Fragrans Garden and No.1 School, Co.,LTD., etc., and more.",
			[]sent{{"en", "Residence of Mr.Zhou-Fragrans Garden and No.1 School, Co.,LTD., etc., and more."}}},
		{"etc ends", "urban governance,etc. Chen introduced the city.",
			[]sent{{"en", "urban governance,etc."}, {"en", "Chen introduced the city."}}},
		{"initials and dotted", "John F. Kennedy visited the U.S. Army base, e.g. Fort Bragg.",
			[]sent{{"en", "John F. Kennedy visited the U.S. Army base, e.g. Fort Bragg."}}},
		{"decimals and times", "It grew 3.5 percent by 2 p.m. today. Then it fell.",
			[]sent{{"en", "It grew 3.5 percent by 2 p.m. today."}, {"en", "Then it fell."}}},
		{"list markers", "Attendees include: 1) officials; 2) principals; 3)Officials from Chongqing.",
			[]sent{{"en", "Attendees include: 1) officials; 2) principals; 3)Officials from Chongqing."}}},
		{"closing quotes", "He said, \"Go now.\" She went. 'Why?' he asked.",
			[]sent{{"en", "He said, \"Go now.\""}, {"en", "She went."}, {"en", "'Why?' he asked."}}},
		{"mojibake question mark", "Trondheim in Tr?ndelag County signed it.",
			[]sent{{"en", "Trondheim in Tr?ndelag County signed it."}}},
		{"chinese", "報告會在外辦引起熱烈反響。大家表示,要深刻領會。",
			[]sent{{"zh", "報告會在外辦引起熱烈反響。"}, {"zh", "大家表示,要深刻領會。"}}},
		{"chinese quotes", "他说：“你好吗？”我说：“很好！”然后走了。",
			[]sent{{"zh", "他说：“你好吗？”"}, {"zh", "我说：“很好！”"}, {"zh", "然后走了。"}}},
		{"semicolon", "一是提高站位；二是履职尽责。",
			[]sent{{"zh", "一是提高站位；二是履职尽责。"}}},
		{"ascii question mark is mojibake", "北碚區政府黨組成員廖謹?shù)瘸鱿0⒏缓?、巴基斯坦等5國官員參加。",
			[]sent{{"zh", "北碚區政府黨組成員廖謹?shù)瘸鱿0⒏缓?、巴基斯坦等5國官員參加。"}}},
		{"latin inside chinese", "參與COVID-19防控和APEC會議,並訪問iChongqing網站。",
			[]sent{{"zh", "參與COVID-19防控和APEC會議,並訪問iChongqing網站。"}}},
		{"chinese name inside english", "Wang Wen (王雯) presided over the meeting.",
			[]sent{{"en", "Wang Wen (王雯) presided over the meeting."}}},
		{"caption english then chinese", "Nearly 50 business representatives attended the forum.雙方近50家企業代表出席論壇。",
			[]sent{{"en", "Nearly 50 business representatives attended the forum."}, {"zh", "雙方近50家企業代表出席論壇。"}}},
		{"title glued without punctuation", "Over A Hundred CPC Members of Chongqing FAO as Volunteers重慶市政府外辦百余名黨員干部下沉一線",
			[]sent{{"en", "Over A Hundred CPC Members of Chongqing FAO as Volunteers"}, {"zh", "重慶市政府外辦百余名黨員干部下沉一線"}}},
		{"caption chinese then english", "雙方近50家企業代表出席論壇。 Nearly 50 business representatives attended.",
			[]sent{{"zh", "雙方近50家企業代表出席論壇。"}, {"en", "Nearly 50 business representatives attended."}}},
		{"neither language", "2023-03-11 08:53", []sent{{"none", "2023-03-11 08:53"}}},
		{"annotations removed", "促進在經(jīng)貿(mào)、投資等領域合作,白俄羅斯明斯克州科佩爾區(qū)政府。",
			[]sent{{"zh", "促進在經貿、投資等領域合作,白俄羅斯明斯克州科佩爾區政府。"}}},
		{"brackets that are not readings", "中國(China)與(APEC)以及中國(重慶)論壇。",
			[]sent{{"zh", "中國(China)與(APEC)以及中國(重慶)論壇。"}}},
		{"bom and crlf", "\ufeffHe came.\r\n她來了。\r\n", []sent{{"en", "He came."}, {"zh", "她來了。"}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			doc, err := segment.Parse([]byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.want, sentences(t, doc))
			checkSpans(t, []byte(tc.src), doc)
		})
	}
}

func TestParseParagraphs(t *testing.T) {
	src := "English one. Two.\n中文一。中文二。\nCaption here.說明文字。\n\n2023-03-11\n"
	doc, err := segment.Parse([]byte(src))
	require.NoError(t, err)
	var got []string
	for _, p := range doc.Paragraphs {
		got = append(got, p.Lang.String()+":"+src[p.Start:p.End])
		for _, s := range doc.Sentences[p.First : p.First+p.Count] {
			assert.GreaterOrEqual(t, s.Start, p.Start)
			assert.LessOrEqual(t, s.End, p.End)
		}
	}
	assert.Equal(t, []string{"en:English one. Two.", "zh:中文一。中文二。", "en:Caption here.", "zh:說明文字。", "none:2023-03-11"}, got)
	for i, s := range doc.Sentences {
		p := doc.Paragraphs[s.Para]
		assert.True(t, i >= p.First && i < p.First+p.Count, "sentence %d outside its paragraph", i)
	}
}

func TestPresplit(t *testing.T) {
	src := "He came. She left.\n\n她來了。他走了。\nlast line"
	doc, err := segment.Parse([]byte(src), segment.Presplit())
	require.NoError(t, err)
	assert.Equal(t, []sent{{"en", "He came. She left."}, {"none", ""}, {"zh", "她來了。他走了。"}, {"en", "last line"}}, sentences(t, doc))
	require.Len(t, doc.Paragraphs, 4)
	// A final newline does not add a line.
	doc, err = segment.Parse([]byte("a.\nb.\n"), segment.Presplit())
	require.NoError(t, err)
	assert.Len(t, doc.Sentences, 2)
}

func TestScriptAndNorm(t *testing.T) {
	for _, tc := range []struct {
		desc, src, script, norm string
	}{
		{"traditional", "重慶與白俄羅斯的經貿合作。", "hant", "重庆与白俄罗斯的经贸合作。"},
		{"simplified", "重庆与白俄罗斯的经贸合作。", "hans", "重庆与白俄罗斯的经贸合作。"},
		{"phrases", "頭髮乾淨。", "hant", "头发干净。"},
		{"full width digits", "２０２２年。", "ambiguous", "2022年。"},
		{"annotations", "經(jīng)貿(mào)合作。", "hant", "经贸合作。"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			doc, err := segment.Parse([]byte(tc.src))
			require.NoError(t, err)
			require.Len(t, doc.Sentences, 1)
			s := doc.Sentences[0]
			assert.Equal(t, tc.script, s.Script.String())
			assert.Equal(t, tc.norm, s.Norm)
		})
	}
}

func TestFlags(t *testing.T) {
	doc, err := segment.Parse([]byte("經(jīng)貿合作。\n廖謹?shù)瘸鱿0⒏缓?、巴基斯坦。\n你好吗?我很好。\nbad \xff byte here."))
	require.NoError(t, err)
	require.Len(t, doc.Sentences, 5)
	assert.Equal(t, segment.Annotated, doc.Sentences[0].Flags)
	assert.Equal(t, segment.Mojibake, doc.Sentences[1].Flags&segment.Mojibake)
	assert.Zero(t, doc.Sentences[2].Flags, "a question mark ending a Chinese sentence is not mojibake")
	assert.Equal(t, "你好吗?", doc.Sentences[2].Text)
	assert.Equal(t, segment.Mojibake, doc.Sentences[4].Flags)
	assert.Equal(t, "bad \xff byte here.", doc.Sentences[4].Text, "invalid bytes are kept, not repaired")
}

func TestBadInput(t *testing.T) {
	_, err := segment.Parse([]byte("text\x00more"))
	assert.ErrorIs(t, err, segment.ErrBinary)
	assert.ErrorContains(t, err, "offset 4")

	gb := bytes.Repeat([]byte{0xd6, 0xd0, 0xce, 0xc4, 0x20}, 100) // "中文 " in GB18030
	_, err = segment.Parse(gb)
	assert.ErrorIs(t, err, segment.ErrEncoding)

	utf16 := []byte{0xff, 0xfe, 'h', 0, 'i', 0}
	_, err = segment.Parse(utf16)
	assert.ErrorIs(t, err, segment.ErrBinary)
}

func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB input")
	}
	unit := "The forum was held online. 論壇以線上形式舉行。"
	line := strings.Repeat(unit, 10<<20/len(unit))
	doc, err := segment.Parse([]byte(line))
	require.NoError(t, err)
	assert.Len(t, doc.Sentences, 2*(10<<20/len(unit)))
}

// checkSpans verifies the invariants of a parse: spans in order, not
// overlapping, inside the input, on UTF-8 boundaries, without surrounding
// white space, and every character that is not white space or a removed
// annotation inside some sentence.
func checkSpans(t *testing.T, src []byte, doc *segment.Document) {
	t.Helper()
	prev := 0
	covered := make([]bool, len(src))
	starts := runeStarts(src)
	for i, s := range doc.Sentences {
		require.LessOrEqual(t, prev, s.Start, "sentence %d starts before the previous one ends", i)
		require.LessOrEqual(t, s.Start, s.End)
		require.LessOrEqual(t, s.End, len(src))
		assert.True(t, starts[s.Start] && starts[s.End], "sentence %d not on rune boundaries", i)
		for k := s.Start; k < s.End; k++ {
			covered[k] = true
		}
		prev = s.End
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if !covered[i] && !unicode.IsSpace(r) && r != '\ufeff' {
			t.Errorf("byte %d (%q) is in no sentence", i, src[i:i+n])
			return
		}
		i += n
	}
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	require.NoError(t, err)
	return data
}

var seeds = []string{
	"000_24194bebda09ca34.txt", "001_04ade73db5640df0.txt", "002_3e00285e0875153c.txt",
	"003_091611efc21859bc.txt", "004_2e42eda222b23e5a.txt",
}

// annotation matches a pinyin annotation after a Han character the way
// ../shared/tools/score_pairs.py does.
var annotation = regexp.MustCompile(`[\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}\)`)

// TestSeeds checks the seed documents: no annotation left in the clean
// text, and no character lost.
func TestSeeds(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			src := readSeed(t, name)
			doc, err := segment.Parse(src)
			require.NoError(t, err)
			checkSpans(t, src, doc)
			annotated := 0
			for _, s := range doc.Sentences {
				assert.Empty(t, annotation.FindAllString(s.Text, -1), "annotation left in %q", s.Text)
				if s.Flags&segment.Annotated != 0 {
					annotated++
				}
				// Removing annotations loses nothing else: the span with
				// its annotations removed is the clean text.
				orig := string(src[s.Start:s.End])
				assert.Equal(t, annotation.ReplaceAllStringFunc(orig, func(m string) string {
					_, n := utf8.DecodeRuneInString(m)
					return m[:n]
				}), s.Text)
			}
			if bytes.Contains(src, []byte("(jīng)")) {
				assert.Positive(t, annotated)
			}
		})
	}
}

// TestSeed001Gold checks sentence boundaries on seed 001 against the
// hand-checked gold: 81 English and 65 Chinese sentences, and every gold
// unit made of whole sentences.
func TestSeed001Gold(t *testing.T) {
	src := readSeed(t, "001_04ade73db5640df0.txt")
	doc, err := segment.Parse(src)
	require.NoError(t, err)
	var en, zh []string
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, s := range doc.Sentences {
		switch s.Lang {
		case segment.English:
			en = append(en, squash(string(src[s.Start:s.End])))
		case segment.Chinese:
			zh = append(zh, squash(string(src[s.Start:s.End])))
		}
	}
	assert.Len(t, en, 81)
	assert.Len(t, zh, 65)
	shared := devdata.Shared()
	if shared == "" {
		t.Skip("../shared not present: gold sentence pairs unavailable")
	}
	data, err := os.ReadFile(filepath.Join(shared, "gold", "seeds", "001_04ade73db5640df0.sent.jsonl"))
	require.NoError(t, err)
	wholes := func(units []string, want string) bool {
		for i := range units {
			acc := ""
			for j := i; j < len(units) && len(acc) < len(want); j++ {
				acc += units[j]
				if acc == want {
					return true
				}
			}
		}
		return false
	}
	n := 0
	for line := range strings.Lines(string(data)) {
		var p struct{ EN, ZH string }
		require.NoError(t, json.Unmarshal([]byte(line), &p))
		assert.True(t, wholes(en, squash(p.EN)), "English gold unit not made of whole sentences: %q", p.EN)
		assert.True(t, wholes(zh, squash(p.ZH)), "Chinese gold unit not made of whole sentences: %q", p.ZH)
		n++
	}
	assert.Equal(t, 65, n)
}

type goldenRow struct {
	Para   int    `json:"para"`
	Lang   string `json:"lang"`
	Script string `json:"script"`
	Text   string `json:"text"`
	Norm   string `json:"norm"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Flags  uint8  `json:"flags,omitempty"`
}

// TestGolden compares the parse of the seeds with testdata/*.golden.jsonl.
// Regenerate with go test ./segment -update and review the diff.
func TestGolden(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			doc, err := segment.Parse(readSeed(t, name))
			require.NoError(t, err)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for _, s := range doc.Sentences {
				require.NoError(t, enc.Encode(goldenRow{s.Para, s.Lang.String(), s.Script.String(), s.Text, s.Norm, s.Start, s.End, uint8(s.Flags)}))
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".txt")+".golden.jsonl")
			if *update {
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./segment -update to create it")
			assert.Equal(t, string(want), buf.String())
		})
	}
}

func TestSentencesIterator(t *testing.T) {
	src := readSeed(t, "001_04ade73db5640df0.txt")
	s := segment.New()
	doc, err := s.Parse(src)
	require.NoError(t, err)
	var got []segment.Sentence
	for x := range s.Sentences(src) {
		got = append(got, x)
	}
	assert.Equal(t, doc.Sentences, got)
	// Stopping early is allowed.
	n := 0
	for range s.Sentences(src) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
}
