package segment_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
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
		// Closing quotes and brackets after a terminator may be
		// multi-byte: the rune, not the last byte, decides.
		{"glued ascii quote after acronym", "He toured the USA.\"Then he left.",
			[]sent{{"en", "He toured the USA.\""}, {"en", "Then he left."}}},
		{"glued curly quote after acronym", "He toured the USA.”Then he left.",
			[]sent{{"en", "He toured the USA.”"}, {"en", "Then he left."}}},
		{"glued curly single quote after acronym", "He toured the USA.’Then he left.",
			[]sent{{"en", "He toured the USA.’"}, {"en", "Then he left."}}},
		{"glued corner bracket after acronym", "He toured the USA.」Then he left.",
			[]sent{{"en", "He toured the USA.」"}, {"en", "Then he left."}}},
		{"glued white corner bracket after acronym", "He toured the USA.』Then he left.",
			[]sent{{"en", "He toured the USA.』"}, {"en", "Then he left."}}},
		{"glued full-width parenthesis after acronym", "He toured the USA.）Then he left.",
			[]sent{{"en", "He toured the USA.）"}, {"en", "Then he left."}}},
		{"glued curly quotes back to back", "She said “Go.”“Now.”",
			[]sent{{"en", "She said “Go.”"}, {"en", "“Now.”"}}},
		{"glued curly quote before a digit", "He said “Go.”2023 began.",
			[]sent{{"en", "He said “Go.”"}, {"en", "2023 began."}}},
		{"glued curly quote after an abbreviation", "He met “Dr.”Wang there.",
			[]sent{{"en", "He met “Dr.”Wang there."}}},
		{"glued curly quote before lower case", "He said “Go.”then left.",
			[]sent{{"en", "He said “Go.”then left."}}},
		{"ellipsis closing an ascii quotation", "He said \"Wait...\" Then he left.",
			[]sent{{"en", "He said \"Wait...\""}, {"en", "Then he left."}}},
		{"ellipsis closing a curly quotation", "He said “Wait...” Then he left.",
			[]sent{{"en", "He said “Wait...”"}, {"en", "Then he left."}}},
		{"question and ellipsis character closing a curly quotation", "He said “Really?…” Then he left.",
			[]sent{{"en", "He said “Really?…”"}, {"en", "Then he left."}}},
		{"ellipsis closing a single curly quotation", "He said ‘Wait...’ Then he left.",
			[]sent{{"en", "He said ‘Wait...’"}, {"en", "Then he left."}}},
		{"ellipsis closing a corner bracket", "He said 「Wait...」 Then he left.",
			[]sent{{"en", "He said 「Wait...」"}, {"en", "Then he left."}}},
		{"ellipsis closing a full-width parenthesis", "He paused （and waited...） Then he left.",
			[]sent{{"en", "He paused （and waited...）"}, {"en", "Then he left."}}},
		{"ellipsis closing guillemets", "He said «Wait...» Then he left.",
			[]sent{{"en", "He said «Wait...»"}, {"en", "Then he left."}}},
		{"ellipsis inside a sentence", "I… I can't. I... I won't.",
			[]sent{{"en", "I… I can't."}, {"en", "I... I won't."}}},
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

// TestPresplitLineEnds checks that only \n, \r\n and \r end a line in
// Presplit mode, while U+2028 and U+2029 also end one otherwise.
func TestPresplitLineEnds(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		presplit  []string // sentence texts with Presplit
		plain     []string // sentence texts without
	}{
		{"newline", "One.\nTwo.", []string{"One.", "Two."}, []string{"One.", "Two."}},
		{"crlf", "One.\r\nTwo.", []string{"One.", "Two."}, []string{"One.", "Two."}},
		{"cr", "One.\rTwo.", []string{"One.", "Two."}, []string{"One.", "Two."}},
		{"cr cr is an empty line", "One.\r\rTwo.", []string{"One.", "", "Two."}, []string{"One.", "Two."}},
		{"line separator", "One\u2028two", []string{"One\u2028two"}, []string{"One", "two"}},
		{"paragraph separator", "One\u2029two", []string{"One\u2029two"}, []string{"One", "two"}},
		{"chinese with separators", "第一句\u2028第二句\u2029第三句\n下一行",
			[]string{"第一句\u2028第二句\u2029第三句", "下一行"}, []string{"第一句", "第二句", "第三句", "下一行"}},
		{"separators at the ends are white space", "\u2028One\u2029\nTwo", []string{"One", "Two"}, []string{"One", "Two"}},
		{"separator alone", "\u2028\nTwo", []string{"", "Two"}, []string{"Two"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			texts := func(doc *segment.Document) []string {
				out := []string{}
				for _, s := range doc.Sentences {
					out = append(out, s.Text)
				}
				return out
			}
			doc, err := segment.Parse([]byte(tc.src), segment.Presplit())
			require.NoError(t, err)
			assert.Equal(t, tc.presplit, texts(doc), "Presplit")
			assert.Len(t, doc.Paragraphs, len(tc.presplit))
			checkSpans(t, []byte(tc.src), doc)
			doc, err = segment.Parse([]byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, tc.plain, texts(doc), "without Presplit")
			checkSpans(t, []byte(tc.src), doc)
		})
	}
}

// TestPunctuationOnly checks that lines holding no letter and no Han
// character are of language Other, CJK punctuation included, with and
// without Presplit; one punctuation mark does not make a line Chinese.
func TestPunctuationOnly(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		want      []sent
	}{
		{"ideographic full stops", "。。。", []sent{{"none", "。。。"}}},
		{"dashes", "——", []sent{{"none", "——"}}},
		{"double angle brackets", "《》", []sent{{"none", "《》"}}},
		{"corner brackets", "「」『』", []sent{{"none", "「」『』"}}},
		{"mixed cjk punctuation", "，、；：？！…… 【】（）", []sent{{"none", "，、；：？！…… 【】（）"}}},
		{"full-width digits and punctuation", "（２０２３）。", []sent{{"none", "（２０２３）。"}}},
		{"ideographic space", "。\u3000。", []sent{{"none", "。\u3000。"}}},
		{"between chinese lines", "第一句。\n。。。\n第二句。", []sent{{"zh", "第一句。"}, {"none", "。。。"}, {"zh", "第二句。"}}},
		{"between english lines", "One.\n《》\nTwo.", []sent{{"en", "One."}, {"none", "《》"}, {"en", "Two."}}},
		{"with han it is chinese", "《書》", []sent{{"zh", "《書》"}}},
		{"ideographic zero is han", "〇。", []sent{{"zh", "〇。"}}},
		{"with latin it is english", "《Go》", []sent{{"en", "《Go》"}}},
		{"english line ending in cjk punctuation", "He came。。。", []sent{{"en", "He came。。。"}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			for _, presplit := range []bool{false, true} {
				var opts []segment.Option
				if presplit {
					opts = append(opts, segment.Presplit())
				}
				doc, err := segment.Parse([]byte(tc.src), opts...)
				require.NoError(t, err)
				assert.Equal(t, tc.want, sentences(t, doc), "presplit=%v", presplit)
				for _, s := range doc.Sentences {
					assert.Equal(t, s.Lang, doc.Paragraphs[s.Para].Lang, "presplit=%v: sentence and paragraph language", presplit)
					if s.Lang == segment.Other {
						assert.Equal(t, segment.NoScript, s.Script, "presplit=%v", presplit)
						assert.Equal(t, segment.NoScript, doc.Paragraphs[s.Para].Script, "presplit=%v", presplit)
					}
				}
				checkSpans(t, []byte(tc.src), doc)
			}
		})
	}
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

	// UTF-16 without a byte order mark holds NUL bytes.
	utf16 := []byte{'h', 0, 'i', 0}
	_, err = segment.Parse(utf16)
	assert.ErrorIs(t, err, segment.ErrBinary)
}

// TestUTF16 checks that input starting with a UTF-16 byte order mark is an
// encoding error that says what to do, whatever follows the mark.
func TestUTF16(t *testing.T) {
	for _, tc := range []struct {
		desc string
		src  []byte
		bom  string
	}{
		{"little-endian", []byte{0xff, 0xfe, 'h', 0, 'i', 0}, "FF FE"},
		{"big-endian", []byte{0xfe, 0xff, 0, 'h', 0, 'i'}, "FE FF"},
		{"little-endian chinese", []byte{0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65}, "FF FE"}, // 中文, no NUL byte
		{"big-endian chinese", []byte{0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87}, "FE FF"},
		{"mark only, little-endian", []byte{0xff, 0xfe}, "FF FE"},
		{"mark only, big-endian", []byte{0xfe, 0xff}, "FE FF"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			for _, presplit := range []bool{false, true} {
				var opts []segment.Option
				if presplit {
					opts = append(opts, segment.Presplit())
				}
				doc, err := segment.Parse(tc.src, opts...)
				assert.Nil(t, doc)
				require.ErrorIs(t, err, segment.ErrEncoding)
				assert.NotErrorIs(t, err, segment.ErrBinary)
				assert.True(t, strings.HasPrefix(err.Error(), "segment: "), "error %q lacks the package prefix", err)
				assert.ErrorContains(t, err, "UTF-16: convert to UTF-8")
				assert.ErrorContains(t, err, tc.bom)
				assert.ErrorContains(t, err, "offset 0")
				n := 0
				for range segment.New(opts...).Sentences(tc.src) {
					n++
				}
				assert.Zero(t, n, "Sentences yields nothing for rejected input")
			}
		})
	}
	// Not a byte order mark: a lone FF or FE, or one further in.
	for _, src := range [][]byte{{0xff}, {0xfe}, []byte("ok \xff\xfe here.")} {
		_, err := segment.Parse(src)
		assert.NoError(t, err, "%q", src)
	}
	// A UTF-8 byte order mark is fine.
	doc, err := segment.Parse([]byte("\ufeffHe came."))
	require.NoError(t, err)
	assert.Equal(t, []sent{{"en", "He came."}}, sentences(t, doc))
}

func TestDocumentEmpty(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		presplit  bool
		want      bool
	}{
		{"empty", "", false, true},
		{"empty presplit", "", true, true},
		{"blank", " \t\n\r\n\u3000\u00a0\n", false, true},
		{"blank presplit", " \t\n\r\n\u3000\u00a0\n", true, true},
		{"utf-8 byte order mark only", "\ufeff", false, true},
		{"line separators only", "\u2028\u2029", false, true},
		{"line separators only presplit", "\u2028\u2029", true, true},
		{"english", "He came.", false, false},
		{"chinese", "他來了。", false, false},
		{"english after blank lines presplit", "\n\nHe came.", true, false},
		// Any text counts, not only English or Chinese.
		{"date", "2023-03-11", false, false},
		{"punctuation only", "。。。", false, false},
		{"punctuation only presplit", "\n《》\n", true, false},
		{"invalid byte", "\xff", false, false},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var opts []segment.Option
			if tc.presplit {
				opts = append(opts, segment.Presplit())
			}
			doc, err := segment.Parse([]byte(tc.src), opts...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, doc.Empty())
		})
	}
	var nilDoc *segment.Document
	assert.True(t, nilDoc.Empty(), "a nil Document is empty")
	assert.True(t, (&segment.Document{}).Empty(), "a zero Document is empty")
	assert.True(t, (&segment.Document{Sentences: []segment.Sentence{{Start: 3, End: 3}}}).Empty(), "an empty span is no text")
	assert.False(t, (&segment.Document{Sentences: []segment.Sentence{{Start: 3, End: 3}, {Start: 4, End: 5}}}).Empty())
}

func TestFlagsString(t *testing.T) {
	for _, tc := range []struct {
		flags segment.Flags
		want  string
	}{
		{0, ""},
		{segment.Annotated, "annotated"},
		{segment.Mojibake, "mojibake"},
		{segment.Annotated | segment.Mojibake, "annotated,mojibake"},
		{segment.Mojibake | 1<<7, "mojibake,0x80"},
		{1 << 4, "0x10"},
		{^segment.Flags(0), "annotated,mojibake,0xfc"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.flags.String())
			assert.Equal(t, tc.want, fmt.Sprint(tc.flags), "Flags is a fmt.Stringer")
		})
	}
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

// TestNilAndInvalid checks that nothing panics on nil input or a nil or
// zero Segmenter, and that invalid UTF-8 is counted with its first offset.
func TestNilAndInvalid(t *testing.T) {
	var nilSeg *segment.Segmenter
	assert.NotPanics(t, func() {
		d, err := segment.Parse(nil)
		require.NoError(t, err)
		assert.True(t, d.Empty())
		d, err = nilSeg.Parse([]byte("Hello. 你好。"))
		require.NoError(t, err)
		assert.Len(t, d.Sentences, 2)
		d, err = segment.New(nil).Parse([]byte("One."))
		require.NoError(t, err)
		assert.Len(t, d.Sentences, 1)
		for range nilSeg.Sentences(nil) {
			t.Error("no sentence in nil input")
		}
	})
	d, err := segment.Parse([]byte("Good text.\xff More\xfe\xfd text 你好。"))
	require.NoError(t, err)
	assert.Equal(t, 3, d.InvalidBytes)
	assert.Equal(t, 10, d.FirstInvalid)
	d, err = segment.Parse([]byte("Good text."))
	require.NoError(t, err)
	assert.Equal(t, 0, d.InvalidBytes)
	assert.Equal(t, -1, d.FirstInvalid)
}
