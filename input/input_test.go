package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
		err  error
	}{
		{"", Auto, nil}, {"auto", Auto, nil}, {"text", PlainText, nil}, {"TXT", PlainText, nil},
		{"html", HTML, nil}, {".htm", HTML, nil}, {"xhtml", HTML, nil}, {"docx", DOCX, nil},
		{"odt", ODT, nil}, {"epub", EPUB, nil}, {"srt", SRT, nil}, {"vtt", VTT, nil},
		{"WebVTT", VTT, nil}, {"pdf", Auto, ErrPDF}, {"doc", Auto, ErrFormat}, {"rtf", Auto, ErrFormat},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFormat(tc.in)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			if tc.want != Auto {
				back, err := ParseFormat(got.String())
				require.NoError(t, err)
				assert.Equal(t, got, back, "String round trip")
			}
		})
	}
	assert.Equal(t, "Format(42)", Format(42).String())
	var f Format
	require.NoError(t, f.UnmarshalText([]byte("docx")))
	assert.Equal(t, DOCX, f)
	b, _ := f.MarshalText()
	assert.Equal(t, "docx", string(b))
	assert.ErrorIs(t, f.UnmarshalText([]byte("ppt")), ErrFormat)
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		desc, data, name string
		want             Format
	}{
		{"plain", "Hello.\n你好。\n", "a.txt", PlainText},
		{"no name", "Hello.", "", PlainText},
		{"markup later", "Use <p> for paragraphs.\n<html>", "", PlainText},
		{"less-than start", "<3 words", "", PlainText},
		{"doctype", "\n  <!DOCTYPE html><p>x", "", HTML},
		{"html tag", "<html lang=en><body>x", "page", HTML},
		{"fragment p", "<p>Hello</p>", "", HTML},
		{"comment", "<!-- saved from url --><div>x</div>", "", HTML},
		{"xhtml", `<?xml version="1.0"?>` + "\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "", HTML},
		{"xml not html", `<?xml version="1.0"?><root/>`, "", PlainText},
		{"extension html", "Hello <b>there</b>", "x.HTM", HTML},
		{"webvtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "", VTT},
		{"webvtt title", "WEBVTT - title\n", "", VTT},
		{"webvtt word", "WEBVTTX\n", "", PlainText},
		{"srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "", SRT},
		{"srt crlf", "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", "", SRT},
		{"srt no number", "00:00:01,000 --> 00:00:02,000\nHi\n", "", SRT},
		{"number then text", "1\nHello\n", "", PlainText},
		{"extension srt", "garbage", "film.srt", SRT},
		{"extension vtt", "garbage", "film.vtt", VTT},
		{"utf16 html", "\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00", "", HTML},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := detect([]byte(tc.data), tc.name)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestSeedsStayText(t *testing.T) {
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	more, _ := filepath.Glob("../testdata/*/*.txt")
	require.NotEmpty(t, paths)
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		txt, err := Read(data, p)
		require.NoError(t, err, p)
		assert.Equal(t, PlainText, txt.Format, p)
		assert.Equal(t, "UTF-8", txt.Encoding, p)
		assert.True(t, bytes.Equal(data, txt.Data), "%s: Data must be the input itself", p)
	}
}

func TestEncodings(t *testing.T) {
	zhT := "重慶與世界。中國(重慶)—白俄羅斯經貿投資論壇以線上形式成功舉行。雙方近50家企業代表出席論壇。\n"
	zhS := "重庆与世界。中国(重庆)—白俄罗斯经贸投资论坛以线上形式成功举行。双方近50家企业代表出席论坛。\n"
	gb := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		require.NoError(t, err)
		return b
	}
	big5 := func(s string) string {
		b, err := traditionalchinese.Big5.NewEncoder().String(s)
		require.NoError(t, err)
		return b
	}
	for _, tc := range []struct {
		desc, data, forced string
		want, enc          string
	}{
		{"utf8", zhT, "", zhT, "UTF-8"},
		{"utf8 bom kept", "\uFEFF" + zhT, "", "\uFEFF" + zhT, "UTF-8"},
		{"utf16le", "\xFF\xFEa\x00\x2d\x4e", "", "a中", "UTF-16LE"},
		{"utf16be", "\xFE\xFF\x00a\x4e\x2d", "", "a中", "UTF-16BE"},
		{"gb18030 traditional", gb(zhT), "", zhT, "GB18030"},
		{"gb18030 simplified", gb(zhS), "", zhS, "GB18030"},
		{"gb18030 mixed with English", gb("Chongqing FAO 重庆市政府外办 held a forum.\n"), "", "Chongqing FAO 重庆市政府外办 held a forum.\n", "GB18030"},
		{"big5", big5(zhT), "", zhT, "Big5"},
		{"forced big5", big5(zhT), "big5", zhT, "Big5"},
		{"forced gbk", gb(zhS), "GBK", zhS, "GB18030"},
		{"forced gb2312", gb(zhS), "gb2312", zhS, "GB18030"},
		{"forced cp936", gb(zhS), "cp936", zhS, "GB18030"},
		{"forced utf-16le", "a\x00\x2d\x4e", "utf-16le", "a中", "UTF-16LE"},
		{"bom over forced", "\xEF\xBB\xBF" + zhT, "gb18030", "\uFEFF" + zhT, "UTF-8"},
		{"bom gives utf-16 byte order", "\xFE\xFF\x00a", "utf-16", "a", "UTF-16BE"},
		{"forced latin1", "caf\xe9", "latin1", "café", "windows-1252"},
		{"few invalid bytes", "Hello \xff world, 你好\n", "", "Hello \xff world, 你好\n", "UTF-8"}, // plain UTF-8 is kept as it is: offsets are the file's,
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var opts []Option
			if tc.forced != "" {
				opts = append(opts, WithEncoding(tc.forced))
			}
			txt, err := Read([]byte(tc.data), "x.txt", opts...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(txt.Data))
			assert.Equal(t, tc.enc, txt.Encoding)
		})
	}
}

func TestEncodingErrors(t *testing.T) {
	_, err := Read([]byte("hello"), "a.txt", WithEncoding("klingon"))
	assert.ErrorIs(t, err, ErrEncoding)
	assert.Contains(t, err.Error(), "a.txt")
	_, err = Read([]byte("hello"), "a.txt", WithEncoding("hz-gb-2312"))
	assert.ErrorIs(t, err, ErrEncoding)
	// Windows-1252 English with curly quotes is neither UTF-8 nor Chinese.
	cp := bytes.Repeat([]byte("\x93Quoted,\x94 she said \x96 twice.\n"), 20)
	_, err = Read(cp, "letter.txt")
	assert.ErrorIs(t, err, ErrEncoding)
	assert.Contains(t, err.Error(), "letter.txt")
	// UTF-16 without a byte order mark: NUL bytes.
	_, err = Read([]byte("H\x00e\x00l\x00l\x00o\x00"), "u.txt")
	assert.ErrorIs(t, err, ErrFormat)
	assert.Contains(t, err.Error(), "utf-16le")
}

// TestEncodingFixtures reads the seed pages as iconv wrote them.
func TestEncodingFixtures(t *testing.T) {
	for _, tc := range []struct{ file, seed, enc string }{
		{"seeds/000.gb18030.txt", "000", "GB18030"},
		{"seeds/004.gb18030.txt", "004", "GB18030"},
		{"seeds/000.utf16le.txt", "000", "UTF-16LE"},
		{"seeds/004.utf16be.txt", "004", "UTF-16BE"},
		{"seeds/000.big5.txt", "000", "Big5"}, // Big5 holds all of seed 000
	} {
		t.Run(tc.file, func(t *testing.T) {
			txt, err := Read(readFixture(t, tc.file), tc.file)
			require.NoError(t, err)
			assert.Equal(t, PlainText, txt.Format)
			assert.Equal(t, tc.enc, txt.Encoding)
			assert.Equal(t, string(seedText(t, tc.seed)), string(txt.Data))
		})
	}
	// Seed 004 holds characters Big5 lacks (庆, á, é), which iconv -c
	// dropped: compare with glibc's own reading of the file.
	txt, err := Read(readFixture(t, "seeds/004.big5.txt"), "004.big5.txt")
	require.NoError(t, err)
	assert.Equal(t, "Big5", txt.Encoding)
	assert.Equal(t, string(readFixture(t, "seeds/004.big5.utf8.txt")), string(txt.Data))
}

// seedText returns the seed page with the given number.
func seedText(t testing.TB, id string) []byte {
	t.Helper()
	paths, err := filepath.Glob("../testdata/seeds/" + id + "_*.txt")
	require.NoError(t, err)
	require.Len(t, paths, 1)
	b, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	return b
}

// seedLines returns the non-blank lines of a seed page, trimmed, each
// ended by "\n": the text the extracting readers give.
func seedLines(t testing.TB, id string) string {
	var b strings.Builder
	for _, l := range strings.Split(string(seedText(t, id)), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

func TestDocumentFixtures(t *testing.T) {
	for _, tc := range []struct {
		file, seed string
		format     Format
		enc        string
	}{
		{"seeds/000.html", "000", HTML, "UTF-8"},
		{"seeds/004.html", "004", HTML, "UTF-8"},
		{"seeds/000.gb18030.html", "000", HTML, "GB18030"},
		{"seeds/000.docx", "000", DOCX, "UTF-8"},
		{"seeds/004.docx", "004", DOCX, "UTF-8"},
		{"seeds/000.odt", "000", ODT, "UTF-8"},
		{"seeds/004.odt", "004", ODT, "UTF-8"},
		{"seeds/000.epub", "000", EPUB, "UTF-8"},
		{"seeds/004.epub", "004", EPUB, "UTF-8"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := readFixture(t, tc.file)
			txt, err := Read(data, "")
			require.NoError(t, err, "detected from content alone")
			assert.Equal(t, tc.format, txt.Format)
			assert.Equal(t, tc.enc, txt.Encoding)
			assert.Equal(t, seedLines(t, tc.seed), string(txt.Data))
			assert.False(t, txt.Presplit)
			assert.Nil(t, txt.Cues)
		})
	}
}

func TestHTMLHints(t *testing.T) {
	txt, err := Read(readFixture(t, "seeds/004.html"), "004.html")
	require.NoError(t, err)
	require.NotEmpty(t, txt.Hints)
	// Every line is inside a <div lang> (en or zh-Hant) that seedast.py
	// chose by the script of the line.
	for _, h := range txt.Hints {
		span := string(txt.Data[h.Start:h.End])
		assert.NotEmpty(t, strings.TrimSpace(span))
		han := strings.ContainsFunc(span, wide)
		switch h.Lang {
		case "en", "zh-Hant":
		default:
			t.Errorf("hint %q on %q", h.Lang, clip(span, 40))
		}
		if h.Lang == "en" {
			assert.False(t, strings.HasPrefix(span, "重"), span)
		} else {
			assert.True(t, han, span)
		}
	}
}

func TestHTML(t *testing.T) {
	for _, tc := range []struct {
		desc, page, want string
		hints            []LangHint
	}{
		{"blocks and br", "<p>One<br>two</p><div>three <b>bold</b></div>", "One\ntwo\nthree bold\n", nil},
		{"whitespace", "<p>  a \n\t b  </p>", "a b\n", nil},
		{"wrapped chinese", "<p>重慶市\n政府外辦\nheld</p>", "重慶市政府外辦 held\n", nil},
		{"entities", "<p>AT&amp;T &lt;3 &nbsp;x &#20013;&#x6587;</p>", "AT&T <3 \u00a0x 中文\n", nil},
		{"furniture", `<html><head><title>T</title><style>p{}</style><script>var x="<p>no</p>"</script></head><body>
			<header><nav><a>Home</a></nav></header><form><input value=q><button>Go</button></form>
			<main><p>Text.</p></main><aside>Related</aside><footer>© 2023</footer>
			<div hidden>h1</div><div style="display: none">h2</div><span aria-hidden="true">h3</span>
			<div role="navigation">h4</div><div class="breadcrumb">h5</div><noscript>h6</noscript></body></html>`, "Text.\n", nil},
		{"header in article kept", "<header>Site</header><article><header><h1>Title</h1></header><p>Body</p></article>", "Title\nBody\n", nil},
		{"table cells", "<table><tr><td>a</td><td>甲</td></tr><tr><th>b</th></tr></table>", "a\n甲\nb\n", nil},
		{"pre", "<pre>a  b\n  c</pre>", "a  b\n  c\n", nil},
		{"ruby", "<p><ruby>經<rp>(</rp><rt>jīng</rt><rp>)</rp></ruby>貿</p>", "經貿\n", nil},
		{"lang hints", `<body lang="en"><p>Hello.</p><p lang="zh-Hant">你好。</p><p>Bye.</p></body>`, "Hello.\n你好。\nBye.\n",
			[]LangHint{{0, 6, "en"}, {7, 16, "zh-Hant"}, {17, 21, "en"}}},
		{"lang merged", `<div lang="en"><p>a</p><p>b</p></div>`, "a\nb\n", []LangHint{{0, 3, "en"}}},
		{"notes left out", `<p>Text<a role="doc-noteref" href="#n1">1</a>.</p><section role="doc-endnotes"><p>Note.</p></section>`, "Text.\n", nil},
		{"self-closing xhtml script", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><script src="a.js"/></head><body><p>Kept</p></body></html>`, "Kept\n", nil},
		{"xml:lang", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><body><p>Hi</p></body></html>`, "Hi\n", []LangHint{{0, 2, "en"}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			txt, err := Read([]byte(tc.page), "page.html")
			require.NoError(t, err)
			assert.Equal(t, HTML, txt.Format)
			assert.Equal(t, tc.want, string(txt.Data))
			assert.Equal(t, tc.hints, txt.Hints)
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	zh := "<p>重庆市政府外办主任王雯主持论坛。双方近50家企业代表出席论坛。</p>"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(zh)
	require.NoError(t, err)
	b5, err := traditionalchinese.Big5.NewEncoder().String("<p>重慶市政府外辦主任王雯主持論壇。</p>")
	require.NoError(t, err)
	for _, tc := range []struct{ desc, page, enc string }{
		{"meta charset", `<html><head><meta charset="gb2312"></head><body>` + gb, "GB18030"},
		{"http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body>` + gb, "GB18030"},
		{"xml declaration", `<?xml version="1.0" encoding="gb18030"?><html xmlns="http://www.w3.org/1999/xhtml"><body>` + gb + `</body></html>`, "GB18030"},
		{"no declaration", `<html><body>` + gb, "GB18030"},
		{"big5 meta", `<meta charset="big5">` + b5, "Big5"},
		{"wrong declaration", `<meta charset="utf-8">` + strings.Repeat(gb, 3), "GB18030"},
		{"utf-16 declared in ascii", `<meta charset="utf-16"><p>plain</p>`, "UTF-8"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			txt, err := Read([]byte(tc.page), "")
			require.NoError(t, err)
			assert.Equal(t, tc.enc, txt.Encoding)
			assert.True(t, strings.Contains(string(txt.Data), "論壇") || strings.Contains(string(txt.Data), "论坛") || tc.desc == "utf-16 declared in ascii", string(txt.Data))
		})
	}
}

func TestDOCX(t *testing.T) {
	txt, err := Read(readFixture(t, "docs/features.docx"), "features.docx")
	require.NoError(t, err)
	assert.Equal(t, DOCX, txt.Format)
	assert.Equal(t, "Chongqing and the World\nName:\tChongqing\nFirst line\nsecond line\nShown again.\n"+
		"English cell\n中文單元格\nTree\n樹\n重慶與世界。\n", string(txt.Data), "heading, tab, split run, break, hidden run, table")

	notes := readFixture(t, "docs/notes.docx")
	txt, err = Read(notes, "notes.docx")
	require.NoError(t, err)
	assert.Equal(t, "Paragraph with a note.\nEnglish\n中文\nTree\n树\nLast paragraph.\n", string(txt.Data))
	txt, err = Read(notes, "notes.docx", WithNotes())
	require.NoError(t, err)
	assert.Equal(t, "Paragraph with a note.\nEnglish\n中文\nTree\n树\nLast paragraph.\n The footnote. 这是脚注。\n", string(txt.Data))
}

func TestWordML(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	for _, tc := range []struct{ desc, body, want string }{
		{"runs", `<w:p><w:r><w:t>Chong</w:t></w:r><w:r><w:t>qing</w:t></w:r></w:p>`, "Chongqing\n"},
		{"tab stops are no tabs", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>`, "a\tb\n"},
		{"deleted and inserted", `<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>`, "new\n"},
		{"field code", `<w:p><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t>link</w:t></w:r></w:p>`, "link\n"},
		{"alternate content", `<w:p><w:r><mc:AlternateContent><mc:Choice><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>`, "box\n"},
		{"vanish off", `<w:p><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>shown</w:t></w:r></w:p>`, "shown\n"},
		{"paragraph mark vanish", `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>shown</w:t></w:r></w:p>`, "shown\n"},
		{"spaces kept", `<w:p><w:r><w:t xml:space="preserve"> a  b </w:t></w:r></w:p>`, " a  b \n"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + w + `><w:body>` + tc.body + `</w:body></w:document>`
			txt, err := Read(makeZip(t, map[string]string{"word/document.xml": doc}), "t.docx")
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(txt.Data))
		})
	}
}

func TestDOCXMainPartFromRelationships(t *testing.T) {
	data := makeZip(t, map[string]string{
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>`,
		"word/document2.xml": docx(`<w:p><w:r><w:t>Second</w:t></w:r></w:p>`),
	})
	txt, err := Read(data, "")
	require.NoError(t, err)
	assert.Equal(t, DOCX, txt.Format)
	assert.Equal(t, "Second\n", string(txt.Data))
}

func TestODTAndEPUBNotes(t *testing.T) {
	odt := readFixture(t, "docs/notes.odt")
	txt, err := Read(odt, "notes.odt")
	require.NoError(t, err)
	assert.Equal(t, ODT, txt.Format)
	assert.Equal(t, "Paragraph with a note.\nEnglish\n中文\nTree\n树\nLast paragraph.\n", string(txt.Data))
	txt, err = Read(odt, "notes.odt", WithNotes())
	require.NoError(t, err)
	assert.Equal(t, "Paragraph with a note.\nEnglish\n中文\nTree\n树\nLast paragraph.\nThe footnote. 这是脚注。\n", string(txt.Data))

	epub := readFixture(t, "docs/notes.epub")
	txt, err = Read(epub, "notes.epub")
	require.NoError(t, err)
	assert.Equal(t, EPUB, txt.Format)
	// pandoc's EPUB writer puts the title on a title page and at the head
	// of the chapter.
	assert.Equal(t, "Notes\nNotes\nParagraph with a note.\nEnglish\n中文\nTree\n树\nLast paragraph.\n", string(txt.Data))
	txt, err = Read(epub, "notes.epub", WithNotes())
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(txt.Data), "Last paragraph.\nThe footnote. 这是脚注。\n"), string(txt.Data))
}

func TestSubtitleFixtures(t *testing.T) {
	for _, tc := range []struct{ file, lines, enc string }{
		{"subs/film.en.srt", "subs/film.en.txt", "UTF-8"},
		{"subs/film.en.vtt", "subs/film.en.txt", "UTF-8"},
		{"subs/film.zh.srt", "subs/film.zh.txt", "UTF-8"},
		{"subs/film.zh.vtt", "subs/film.zh.txt", "UTF-8"},
		{"subs/film.zh.gb18030.srt", "subs/film.zh.txt", "GB18030"},
		{"subs/film.zh.utf16.srt", "subs/film.zh.txt", "UTF-16LE"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			txt, err := Read(readFixture(t, tc.file), tc.file)
			require.NoError(t, err)
			assert.True(t, txt.Presplit)
			assert.Equal(t, tc.enc, txt.Encoding)
			want := string(readFixture(t, tc.lines))
			assert.Equal(t, want, string(txt.Data))
			assert.Len(t, txt.Cues, strings.Count(want, "\n"))
			assert.Equal(t, Cue{Start: time.Second, End: 3200 * time.Millisecond}, txt.Cues[0])
			assert.Equal(t, Cue{Start: 24500 * time.Millisecond, End: 26 * time.Second}, txt.Cues[len(txt.Cues)-1])
		})
	}
}

func TestSubtitles(t *testing.T) {
	for _, tc := range []struct {
		desc, data, want string
		cues             []Cue
	}{
		{"srt", "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>world</i>\n",
			"Hello\nworld\n", []Cue{{time.Second, 2500 * time.Millisecond}, {3 * time.Second, 4 * time.Second}}},
		{"missing blank line", "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
			"A\nB\n", []Cue{{time.Second, 2 * time.Second}, {3 * time.Second, 4 * time.Second}}},
		{"empty cue kept", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
			"\nB\n", []Cue{{time.Second, 2 * time.Second}, {3 * time.Second, 4 * time.Second}}},
		{"vtt", "WEBVTT\n\nNOTE a --> b is not allowed here\n\nid\n01:02.5 --> 01:03.000 align:start\n<v Mei>Hi &amp; bye</v>\n",
			"Hi & bye\n", []Cue{{62500 * time.Millisecond, 63 * time.Second}}},
		{"vtt header, style, region", "WEBVTT - a title\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\nNOTE\ntwo lines\nof note\n\n00:01.000 --> 00:02.000\nHi\n",
			"Hi\n", []Cue{{time.Second, 2 * time.Second}}},
		{"cue right after the header", "WEBVTT\n00:01.000 --> 00:02.000\nA\n\nNOTE a note\n00:03.000 --> 00:04.000\nB\n",
			"A\nB\n", []Cue{{time.Second, 2 * time.Second}, {3 * time.Second, 4 * time.Second}}},
		{"arrow in a cue's text", "1\n00:00:01,000 --> 00:00:02,000\nA --> B\n", "A --> B\n", []Cue{{time.Second, 2 * time.Second}}},
		{"lone numbers", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n\n3\n00:00:03,000 --> 00:00:04,000\nB\n\n4\n",
			"A\nB\n", []Cue{{time.Second, 2 * time.Second}, {3 * time.Second, 4 * time.Second}}},
		{"hours", "WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nLate\n", "Late\n", []Cue{{100 * time.Hour, 100*time.Hour + time.Second}}},
		{"chinese wrap", "1\n00:00:01,000 --> 00:00:02,000\n今晚雾太大，\n船要到早上才会开。\n", "今晚雾太大，船要到早上才会开。\n", []Cue{{time.Second, 2 * time.Second}}},
		{"ass codes", "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color=\"red\">Top</font>\n", "Top\n", []Cue{{time.Second, 2 * time.Second}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			txt, err := Read([]byte(tc.data), "")
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(txt.Data))
			assert.Equal(t, tc.cues, txt.Cues)
		})
	}
	txt, err := Read([]byte("1\n00:00:05,000 --> 00:00:01,000\nBackwards\n"), "bad.srt")
	require.NoError(t, err, "times kept as written")
	assert.Equal(t, []Cue{{5 * time.Second, time.Second}}, txt.Cues)
}

func TestCueString(t *testing.T) {
	assert.Equal(t, "00:01:02.500 --> 01:00:00.001", Cue{62500 * time.Millisecond, time.Hour + time.Millisecond}.String())
	assert.Equal(t, "00:00:00.000", Timestamp(-time.Second))
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte("Hello world.\n"), 100), 0o644))
	_, err := ReadFile(p, WithMaxSize(1000))
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), p)
	txt, err := ReadFile(p)
	require.NoError(t, err)
	assert.Len(t, txt.Data, 1300)
	_, err = ReadFile(filepath.Join(dir, "missing.txt"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = ReadAll(strings.NewReader(strings.Repeat("x", 2000)), "stdin", WithMaxSize(1000))
	assert.ErrorIs(t, err, ErrTooLarge)
	txt, err = ReadAll(strings.NewReader("<p>Hi</p>"), "-")
	require.NoError(t, err)
	assert.Equal(t, "Hi\n", string(txt.Data))
}

func TestForcedFormat(t *testing.T) {
	txt, err := Read([]byte("<p>Hi</p>"), "", WithFormat(PlainText))
	require.NoError(t, err)
	assert.Equal(t, "<p>Hi</p>", string(txt.Data))
	txt, err = Read([]byte("Hi there"), "", WithFormat(HTML))
	require.NoError(t, err)
	assert.Equal(t, "Hi there\n", string(txt.Data))
	_, err = Read([]byte("not a zip"), "x", WithFormat(DOCX))
	assert.ErrorIs(t, err, ErrMalformed)
}

// TestDetectAllSeeds encodes every seed page (and the pair and presplit
// texts) in GB18030 and in Big5 (what Big5 holds) and checks that detection
// finds the encoding and gives the text back.
func TestDetectAllSeeds(t *testing.T) {
	paths, err := filepath.Glob("../testdata/*/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		text, err := os.ReadFile(p)
		require.NoError(t, err)
		if !strings.ContainsFunc(string(text), wide) {
			continue // English only: the same bytes in every encoding
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(text)
			require.NoError(t, err)
			txt, err := Read(gb, "")
			require.NoError(t, err)
			assert.Equal(t, "GB18030", txt.Encoding)
			assert.Equal(t, string(text), string(txt.Data))

			var held []rune
			enc := traditionalchinese.Big5.NewEncoder()
			for _, r := range string(text) {
				if _, err := enc.String(string(r)); err == nil {
					held = append(held, r)
				}
			}
			b5, err := traditionalchinese.Big5.NewEncoder().String(string(held))
			require.NoError(t, err)
			txt, err = Read([]byte(b5), "")
			require.NoError(t, err)
			assert.Equal(t, "Big5", txt.Encoding)
			assert.Equal(t, string(held), string(txt.Data))
		})
	}
}

func TestParseCue(t *testing.T) {
	for _, c := range []Cue{{}, {Start: 1500 * time.Millisecond, End: 62*time.Second + 5*time.Millisecond}, {Start: 100 * time.Hour, End: 101 * time.Hour}} {
		got, err := ParseCue(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	got, err := ParseCue("00:00:01,250 --> 00:00:02,000")
	require.NoError(t, err)
	assert.Equal(t, Cue{Start: 1250 * time.Millisecond, End: 2 * time.Second}, got)
	_, err = ParseCue("yesterday")
	assert.ErrorIs(t, err, ErrMalformed)
}

func TestEncodingName(t *testing.T) {
	for label, want := range map[string]string{"gbk": "GB18030", "GB2312": "GB18030", "big5": "Big5", "utf-16le": "UTF-16LE", "UTF8": "UTF-8"} {
		got, err := EncodingName(label)
		require.NoError(t, err, label)
		assert.Equal(t, want, got, label)
	}
	_, err := EncodingName("klingon")
	assert.ErrorIs(t, err, ErrEncoding)
}

// TestReplacedWarning checks that what decoding replaced by U+FFFD is
// counted, and that plain UTF-8 text keeps its bytes.
func TestReplacedWarning(t *testing.T) {
	gb := []byte("\xd6\xd0\xce\xc4\xa1\xa3\x81\x20\xff\xd6\xd0\xce\xc4\xa1\xa3 and more text here")
	txt, err := Read(gb, "g.txt", WithEncoding("gb18030"))
	require.NoError(t, err)
	require.Positive(t, txt.Replaced)
	assert.ErrorIs(t, txt.Warning(), ErrReplaced)
	assert.Contains(t, txt.Warning().Error(), "not valid GB18030")

	page := []byte("<html><body><p>Hello \xff world</p><p>你好</p></body></html>")
	txt, err = Read(page, "p.html")
	require.NoError(t, err)
	assert.Equal(t, 1, txt.Replaced)
	assert.Equal(t, 21, txt.FirstReplaced)
	assert.Contains(t, txt.Warning().Error(), "1 not valid UTF-8, replaced by U+FFFD, the first at offset 21 of the file")

	plain := []byte("Bad \xff byte here. 你好\xfe世界。")
	txt, err = Read(plain, "p.txt")
	require.NoError(t, err)
	assert.Equal(t, plain, txt.Data, "the file itself")
	assert.Zero(t, txt.Replaced)
	assert.NoError(t, txt.Warning())
}
