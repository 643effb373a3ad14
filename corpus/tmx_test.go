package corpus_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// tmxTricky are units whose texts need escaping or cleaning in TMX.
var tmxTricky = []corpus.Unit{
	{EN: `Fish & chips <b>bold</b> "quoted" 'single' a>b`, ZH: "鱼和薯条 & <标签> “引号”",
		ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.93, Doc: "tricky.txt", Script: segment.Simplified},
	{EN: "Tab\there, CR\rthere,\nsecond paragraph.", ZH: "制表\t符，\r回车，\n第二段。",
		ENIDs: []int{1, 2}, ZHIDs: []int{1}, Score: 0.5, Script: segment.Simplified},
	{EN: "Emoji 😀 and a rocket 🚀", ZH: "表情 😀 與火箭 🚀，這是繁體。",
		ENIDs: []int{3}, ZHIDs: []int{2, 3}, Score: 1, Doc: "trad.txt", Script: segment.Traditional},
	{EN: "Only English.", ENIDs: []int{4}, Score: 0.2},
	{ZH: "只有中文。", ZHIDs: []int{4}, Score: 0.2, Script: segment.Simplified},
	{EN: "Control\x00\x01\x1f chars\uFFFE\uFFFF and bad \xff\xfe UTF-8", ZH: "控制\x07字符\x1b",
		ENIDs: []int{5}, ZHIDs: []int{5}, Score: 0.12345, Doc: "ctl\x01.txt", Script: segment.Mixed},
	{EN: "\x01\x02", ZH: "只有控制字符的另一边", ENIDs: []int{6}, ZHIDs: []int{6}, Score: 0.3},
	{EN: "Ambiguous script", ZH: "中文", ENIDs: []int{7}, ZHIDs: []int{7}, Score: 0, Script: segment.Ambiguous},
}

// tmxTrickyRead is what reading the TMX of tmxTricky gives: units with an
// empty side skipped, illegal characters removed, scores to 4 decimals,
// ids from the x-EnglishIds and x-ChineseIds properties, Script from the
// file's language tag (zh-CN: two simplified units against one
// traditional).
var tmxTrickyRead = append(append(slices.Clone(tmxTricky[:2]), corpus.Unit{EN: "Emoji 😀 and a rocket 🚀", ZH: "表情 😀 與火箭 🚀，這是繁體。",
	ENIDs: []int{3}, ZHIDs: []int{2, 3}, Score: 1, Doc: "trad.txt", Script: segment.Simplified}), []corpus.Unit{
	{EN: "Control chars and bad  UTF-8", ZH: "控制字符",
		ENIDs: []int{5}, ZHIDs: []int{5}, Score: 0.1235, Doc: "ctl.txt", Script: segment.Simplified},
	{EN: "Ambiguous script", ZH: "中文", ENIDs: []int{7}, ZHIDs: []int{7}, Score: 0, Script: segment.Simplified},
}...)

// tmxDate is the creation date of the TMX files of the tests.
var tmxDate = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// writeTMX writes units as TMX, created at tmxDate unless opts say
// otherwise.
func writeTMX(t testing.TB, units []corpus.Unit, opts ...corpus.WriterOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	write(t, corpus.NewTMXWriter(&buf, append([]corpus.WriterOption{corpus.CreationDate(tmxDate)}, opts...)...), units)
	return buf.Bytes()
}

func readTMX(t testing.TB, r io.Reader) []corpus.Unit {
	t.Helper()
	units, err := tmxReadAll(r, "test.tmx")
	require.NoError(t, err)
	return units
}

func TestTMXRoundTrip(t *testing.T) {
	first := writeTMX(t, tmxTricky)
	got := readTMX(t, bytes.NewReader(first))
	assert.Equal(t, tmxTrickyRead, got)
	second := writeTMX(t, got)
	assert.Equal(t, string(first), string(second), "write → read → write gives the same bytes")

	// Units without ids (from another tool's TMX) get no x-AlignType.
	for i := range got {
		got[i].ENIDs, got[i].ZHIDs = nil, nil
	}
	noType := writeTMX(t, got)
	assert.NotContains(t, string(noType), "x-AlignType")
	assert.Equal(t, got, readTMX(t, bytes.NewReader(noType)))
	assert.Equal(t, string(noType), string(writeTMX(t, readTMX(t, bytes.NewReader(noType)))))

	// The writer's options survive too, as long as they are given again.
	opts := []corpus.WriterOption{corpus.TMXSegType(corpus.Paragraphs), corpus.TMXToolVersion("v1.2.3"),
		corpus.TMXChineseLang("zh-Hant-HK"), corpus.TMXAdminLang("zh-CN"), corpus.TMXCreationID("tester"),
		corpus.WithHash(corpus.ExactHash), corpus.SourceLang(segment.Chinese)}
	first = writeTMX(t, tmxTricky, opts...)
	got = readTMX(t, bytes.NewReader(first))
	for _, u := range got {
		assert.Equal(t, segment.Traditional, u.Script, "zh-Hant-HK is traditional")
	}
	assert.Equal(t, string(first), string(writeTMX(t, got, opts...)))
}

func TestTMXGolden(t *testing.T) {
	units := seedUnits(t)
	got := writeTMX(t, units, corpus.TMXToolVersion("golden"))
	path := filepath.Join("testdata", "tmx", "seed001.tmx")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./corpus -update to create it")
	assert.Equal(t, string(want), string(got))

	// Reading it back gives every unit with both sides, to 4 decimals.
	read := readTMX(t, bytes.NewReader(got))
	var wantUnits []corpus.Unit
	for _, u := range units {
		if u.EN == "" || u.ZH == "" {
			continue
		}
		// Seed 001 is in traditional script: the file's tag is zh-TW.
		wantUnits = append(wantUnits, corpus.Unit{EN: u.EN, ZH: u.ZH, ENIDs: u.ENIDs, ZHIDs: u.ZHIDs, Doc: u.Doc, Script: segment.Traditional,
			Score: tmxRound4(u.Score)})
	}
	assert.Equal(t, wantUnits, read)
	assert.Equal(t, string(got), string(writeTMX(t, read, corpus.TMXToolVersion("golden"))))
}

func tmxRound4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}

func TestTMXWriter(t *testing.T) {
	unit := corpus.Unit{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.87654, Script: segment.Traditional}
	for _, tc := range []struct {
		desc  string
		opts  []corpus.WriterOption
		units []corpus.Unit
		want  []string // substrings of the output
		not   []string
	}{
		{desc: "defaults", units: []corpus.Unit{unit},
			want: []string{
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n",
				`<header creationtool="zhenalign" creationtoolversion="(devel)" segtype="sentence" o-tmf="zhenalign" adminlang="en" srclang="en" datatype="plaintext" creationdate="20240506T070809Z">`,
				"    <tu tuid=\"[0]:[0]\" creationdate=\"20240506T070809Z\">\n      <prop type=\"x-AlignScore\">0.8765</prop>\n      <prop type=\"x-AlignType\">1-1</prop>\n" +
					"      <prop type=\"x-EnglishIds\">0</prop>\n      <prop type=\"x-ChineseIds\">0</prop>\n" +
					"      <tuv xml:lang=\"en\">\n        <seg>Hello.</seg>\n      </tuv>\n" +
					"      <tuv xml:lang=\"zh-TW\">\n        <seg>你好。</seg>\n      </tuv>\n    </tu>\n",
				"  </body>\n</tmx>\n",
			},
			not: []string{"x-Document", "x-Hash", "creationid", "\ufeff"}},
		{desc: "options",
			opts: []corpus.WriterOption{corpus.TMXToolVersion("v0.3.0"), corpus.TMXSegType(corpus.Paragraphs),
				corpus.TMXAdminLang("zh-CN"), corpus.TMXChineseLang("zh-Hans")},
			units: []corpus.Unit{unit},
			want: []string{`creationtoolversion="v0.3.0" segtype="paragraph" o-tmf="zhenalign" adminlang="zh-CN"`,
				`<tuv xml:lang="zh-Hans">`},
			not: []string{"zh-TW"}},
		{desc: "sentence segtype", opts: []corpus.WriterOption{corpus.TMXSegType(corpus.Paragraphs), corpus.TMXSegType(corpus.Sentences)},
			want: []string{`segtype="sentence"`}},
		{desc: "empty chinese tag is one per file", opts: []corpus.WriterOption{corpus.TMXChineseLang("zh-HK"), corpus.TMXChineseLang("")},
			units: []corpus.Unit{unit, {EN: "a", ZH: "b", Script: segment.Simplified}, {EN: "c", ZH: "d", Script: segment.Simplified}},
			want:  []string{`<tuv xml:lang="zh-CN">`}, not: []string{"zh-TW"}},
		{desc: "traditional dominant", units: []corpus.Unit{unit, {EN: "a", ZH: "b", Script: segment.Mixed}, {EN: "c", ZH: "d", Script: segment.Ambiguous}},
			want: []string{`<tuv xml:lang="zh-TW">`}, not: []string{"zh-CN"}},
		{desc: "tie is simplified", units: []corpus.Unit{unit, {EN: "a", ZH: "b", Script: segment.Simplified}},
			want: []string{`<tuv xml:lang="zh-CN">`}, not: []string{"zh-TW"}},
		{desc: "window: the first units choose", opts: []corpus.WriterOption{corpus.ChineseLangWindow(1)},
			units: []corpus.Unit{unit, {EN: "a", ZH: "b", Script: segment.Simplified}, {EN: "c", ZH: "d", Script: segment.Simplified}},
			want:  []string{`<tuv xml:lang="zh-TW">`}, not: []string{"zh-CN"}},
		{desc: "window 0: all units choose", opts: []corpus.WriterOption{corpus.ChineseLangWindow(0)},
			units: []corpus.Unit{unit, {EN: "a", ZH: "b", Script: segment.Simplified}, {EN: "c", ZH: "d", Script: segment.Simplified}},
			want:  []string{`<tuv xml:lang="zh-CN">`}, not: []string{"zh-TW"}},
		{desc: "per unit", opts: []corpus.WriterOption{corpus.ChineseLangPerUnit()},
			units: []corpus.Unit{unit, {EN: "a", ZH: "b"}},
			want:  []string{`<tuv xml:lang="zh-TW">`, `<tuv xml:lang="zh-CN">`, `srclang="en"`}},
		{desc: "per unit, Chinese source", opts: []corpus.WriterOption{corpus.ChineseLangPerUnit(), corpus.SourceLang(segment.Chinese)},
			units: []corpus.Unit{unit, {EN: "a", ZH: "b"}},
			want:  []string{`srclang="*all*"`}},
		{desc: "Chinese source", opts: []corpus.WriterOption{corpus.SourceLang(segment.Chinese)}, units: []corpus.Unit{unit},
			want: []string{`srclang="zh-TW"`, "<tuv xml:lang=\"zh-TW\">\n        <seg>你好。</seg>\n      </tuv>\n      <tuv xml:lang=\"en\">"}},
		{desc: "English source given back", opts: []corpus.WriterOption{corpus.SourceLang(segment.Chinese), corpus.SourceLang(segment.English)},
			units: []corpus.Unit{unit}, want: []string{`srclang="en"`}},
		{desc: "creation id and date", opts: []corpus.WriterOption{corpus.TMXCreationID("a&b"), corpus.CreationDate(time.Date(2001, 2, 3, 4, 5, 6, 7, time.FixedZone("x", 3600)))},
			units: []corpus.Unit{unit},
			want:  []string{`creationdate="20010203T030506Z" creationid="a&amp;b">`, `<tu tuid="[0]:[0]" creationdate="20010203T030506Z">`}},
		{desc: "hash", opts: []corpus.WriterOption{corpus.WithHash(corpus.ExactHash)}, units: []corpus.Unit{unit},
			want: []string{"<prop type=\"x-ChineseIds\">0</prop>\n      <prop type=\"x-Hash\">" + corpus.HashString(corpus.Hash("Hello.", "你好。")) + "</prop>"}},
		{desc: "tuids", units: []corpus.Unit{
			{EN: "a", ZH: "b", Doc: "d1", ENIDs: []int{0}, ZHIDs: []int{0}},
			{EN: "a", ZH: "b", Doc: "d1", ENIDs: []int{1, 2}, ZHIDs: []int{}},
			{EN: "a", ZH: "b", Doc: "d1", ENIDs: []int{1, 2}, ZHIDs: nil}, // repeated link: position
			{EN: "a", ZH: "b", Doc: "d2", ENIDs: []int{0}, ZHIDs: []int{0}},
			{EN: "a", ZH: "b", Doc: "d1", ENIDs: []int{5}, ZHIDs: []int{5}}, // d1 again: position
			{EN: "a", ZH: "b"}, // no ids, no document: position
			{EN: "a", ZH: "b", Doc: "d3"},
		}, want: []string{`tuid="d1#[0]:[0]"`, `tuid="d1#[1,2]:[]"`, `tuid="d1#3"`, `tuid="d2#[0]:[0]"`, `tuid="d1#5"`, `tuid="6"`, `tuid="d3#7"`}},
		{desc: "no units", want: []string{"  <body></body>\n</tmx>\n"}, not: []string{"<tu "}},
		{desc: "empty sides skipped", units: []corpus.Unit{{EN: "a"}, {ZH: "b"}, {EN: "\x00", ZH: "c"}},
			want: []string{"<body></body>"}, not: []string{"<tu "}},
		{desc: "doc", units: []corpus.Unit{{EN: "a", ZH: "b", Doc: "dir/x&y.txt", ENIDs: []int{1}}},
			want: []string{"<prop type=\"x-AlignType\">1-0</prop>\n      <prop type=\"x-EnglishIds\">1</prop>\n      <prop type=\"x-ChineseIds\"></prop>\n      <prop type=\"x-Document\">dir/x&amp;y.txt</prop>"}},
		{desc: "no ids, no type", units: []corpus.Unit{{EN: "a", ZH: "b", Score: 0.5}},
			want: []string{"<prop type=\"x-AlignScore\">0.5000</prop>\n      <tuv xml:lang=\"en\">"}, not: []string{"x-AlignType"}},
		{desc: "paragraph newlines kept", units: []corpus.Unit{{EN: "P1.\nP2.", ZH: "段一。\n段二。"}},
			want: []string{"<seg>P1.\nP2.</seg>", "<seg>段一。\n段二。</seg>"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			out := string(writeTMX(t, tc.units, tc.opts...))
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, n := range tc.not {
				assert.NotContains(t, out, n)
			}
			// Whatever the units, the output reads back.
			readTMX(t, strings.NewReader(out))
		})
	}
}

// tmxFailWriter fails after n bytes.
type tmxFailWriter struct{ n int }

var errTMXWrite = errors.New("disk full")

func (f *tmxFailWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n := f.n
		f.n = 0
		return n, errTMXWrite
	}
	f.n -= len(p)
	return len(p), nil
}

func TestTMXWriterErrors(t *testing.T) {
	t.Run("sticky write error", func(t *testing.T) {
		w := corpus.NewTMXWriter(&tmxFailWriter{n: 100})
		var err error
		// The encoder buffers, so the error shows after some units.
		for i := 0; i < 1000 && err == nil; i++ {
			err = w.Write(corpus.Unit{EN: "Some English text.", ZH: "一些中文。"})
		}
		require.ErrorIs(t, err, errTMXWrite)
		assert.ErrorIs(t, w.Write(corpus.Unit{EN: "a", ZH: "b"}), errTMXWrite)
		assert.ErrorIs(t, w.Close(), errTMXWrite)
	})
	t.Run("error on close", func(t *testing.T) {
		w := corpus.NewTMXWriter(&tmxFailWriter{n: 10})
		assert.ErrorIs(t, w.Close(), errTMXWrite)
	})
	t.Run("write after close", func(t *testing.T) {
		var buf bytes.Buffer
		w := corpus.NewTMXWriter(&buf)
		require.NoError(t, w.Close())
		n := buf.Len()
		assert.Error(t, w.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.NoError(t, w.Close(), "second Close does nothing")
		assert.Equal(t, n, buf.Len())
	})
	t.Run("nothing before the first write", func(t *testing.T) {
		var buf bytes.Buffer
		corpus.NewTMXWriter(&buf)
		assert.Zero(t, buf.Len())
	})
}

// tmxDoc wraps tus in a minimal TMX 1.4 document, starting on line 1 so
// that line numbers are easy to tell.
func tmxDoc(tus string) string {
	return `<tmx version="1.4"><header srclang="en"/><body>` + tus + "</body></tmx>"
}

func TestTMXReader(t *testing.T) {
	for _, tc := range []struct {
		desc, src string
		want      []corpus.Unit
	}{
		{desc: "TMX 1.4 xml:lang",
			src:  tmxDoc(`<tu><prop type="x-AlignScore">0.75</prop><prop type="x-AlignType">2-1</prop><prop type="x-Document">d.txt</prop><tuv xml:lang="en"><seg>Hi.</seg></tuv><tuv xml:lang="zh-CN"><seg>嗨。</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "Hi.", ZH: "嗨。", Score: 0.75, Doc: "d.txt", Script: segment.Simplified}}},
		{desc: "TMX 1.1 lang and upper case tags",
			src: `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx11.dtd"><tmx version="1.1"><body>` +
				`<tu><tuv lang="EN-US"><seg>One</seg></tuv><tuv lang="ZH-TW"><seg>一</seg></tuv></tu>` +
				`<tu><tuv LANG="en_GB"><seg>Two</seg></tuv><tuv lang="ZH_HK"><seg>二</seg></tuv></tu>` +
				`<tu><tuv xml:lang="En"><seg>Three</seg></tuv><tuv xml:lang="zh-Hant"><seg>三</seg></tuv></tu>` +
				`<tu><tuv xml:lang="eng"><seg>Four</seg></tuv><tuv xml:lang="cmn-Hans-TW"><seg>四</seg></tuv></tu>` +
				`<tu><tuv xml:lang="en"><seg>Five</seg></tuv><tuv xml:lang="zho"><seg>五</seg></tuv></tu>` +
				`<tu><tuv xml:lang="en"><seg>Six</seg></tuv><tuv xml:lang="chi-MO"><seg>六</seg></tuv></tu>` +
				`<tu><tuv xml:lang="en"><seg>Seven</seg></tuv><tuv xml:lang="zh-SG"><seg>七</seg></tuv></tu>` +
				`</body></tmx>`,
			want: []corpus.Unit{
				{EN: "One", ZH: "一", Score: 1, Script: segment.Traditional},
				{EN: "Two", ZH: "二", Score: 1, Script: segment.Traditional},
				{EN: "Three", ZH: "三", Score: 1, Script: segment.Traditional},
				{EN: "Four", ZH: "四", Score: 1, Script: segment.Simplified},
				{EN: "Five", ZH: "五", Score: 1, Script: segment.Simplified},
				{EN: "Six", ZH: "六", Score: 1, Script: segment.Traditional},
				{EN: "Seven", ZH: "七", Score: 1, Script: segment.Simplified},
			}},
		{desc: "xml:lang wins over lang",
			src:  tmxDoc(`<tu><tuv lang="fr" xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"><seg>乙</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "a", ZH: "乙", Score: 1, Script: segment.Simplified}}},
		{desc: "inline tags",
			src: tmxDoc(`<tu><tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph> now<it pos="begin">&lt;i&gt;</it><ut>{\b}</ut>.</seg></tuv>` +
				`<tuv xml:lang="zh-CN"><seg><hi type="bold">点击</hi><sub>保存</sub><unknown>吧<x/></unknown>。</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "Click Save now.", ZH: "点击保存吧。", Score: 1, Script: segment.Simplified}}},
		{desc: "native code holding sub is dropped whole",
			src:  tmxDoc(`<tu><tuv xml:lang="en"><seg>A<ph>&lt;img alt="<sub>alt text</sub>"&gt;</ph>B</seg></tuv><tuv xml:lang="zh"><seg>甲乙</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "AB", ZH: "甲乙", Score: 1, Script: segment.Simplified}}},
		{desc: "missing props",
			src:  tmxDoc(`<tu tuid="7"><tuv xml:lang="en"><seg>x</seg></tuv><tuv xml:lang="zh-CN"><seg>叉</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "x", ZH: "叉", Score: 1, Script: segment.Simplified}}},
		{desc: "other props, notes and udes",
			src: tmxDoc(`<tu><note>a note <b>x</b></note><prop type="x-Other">9</prop><prop type="x-AlignScore"> 0.5
</prop><prop>untyped</prop><tuv xml:lang="en"><prop type="x-Document">tuv-level, ignored</prop><note>n</note><seg>x</seg></tuv><tuv xml:lang="zh-CN"><seg>叉</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "x", ZH: "叉", Score: 0.5, Script: segment.Simplified}}},
		{desc: "extra tuvs: first of each language",
			src: tmxDoc(`<tu><tuv xml:lang="fr"><seg>le</seg></tuv><tuv xml:lang="en-US"><seg>first</seg></tuv><tuv xml:lang="en-GB"><seg>second</seg></tuv>` +
				`<tuv xml:lang="zh-TW"><seg>第一</seg></tuv><tuv xml:lang="zh-CN"><seg>第二</seg></tuv><tuv><seg>no lang</seg></tuv><tuv xml:lang="de"><seg>der</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "first", ZH: "第一", Score: 1, Script: segment.Traditional}}},
		{desc: "first seg of a tuv",
			src:  tmxDoc(`<tu><tuv xml:lang="en"><seg>one</seg><seg>two</seg></tuv><tuv xml:lang="zh"><seg/></tuv></tu>`),
			want: []corpus.Unit{{EN: "one", ZH: "", Score: 1, Script: segment.Simplified}}},
		{desc: "missing sides give empty text",
			src: tmxDoc(`<tu><tuv xml:lang="en"><seg>only en</seg></tuv></tu><tu><tuv xml:lang="zh-TW"><seg>只有中文</seg></tuv></tu>` +
				`<tu><tuv xml:lang="fr"><seg>ni l'un ni l'autre</seg></tuv></tu><tu/>`),
			want: []corpus.Unit{
				{EN: "only en", Score: 1},
				{ZH: "只有中文", Score: 1, Script: segment.Traditional},
				{Score: 1},
				{Score: 1},
			}},
		{desc: "CDATA and entities",
			src: tmxDoc(`<tu><tuv xml:lang="en"><seg><![CDATA[a <b> & c]]> &amp; &lt;&gt;&quot;&apos; &#65;&#x42;</seg></tuv>` +
				`<tuv xml:lang="zh"><seg>&#x4E2D;&#25991;<![CDATA[]]></seg></tuv></tu>`),
			want: []corpus.Unit{{EN: `a <b> & c & <>"' AB`, ZH: "中文", Score: 1, Script: segment.Simplified}}},
		{desc: "whitespace in seg kept, around it ignored",
			src: tmxDoc("\n  <tu>\n    <tuv xml:lang=\"en\">\n      <seg>  two  spaces\r\n</seg>\n    </tuv>\n" +
				"    <tuv xml:lang=\"zh\">\n      <seg>\t中\t</seg>\n    </tuv>\n  </tu>\n"),
			want: []corpus.Unit{{EN: "  two  spaces\n", ZH: "\t中\t", Score: 1, Script: segment.Simplified}}},
		{desc: "namespaced document, comments and processing instructions",
			src: `<?xml version="1.0" encoding="utf-8"?><!-- c --><tmx xmlns="http://www.lisa.org/tmx14" version="1.4"><?pi x?><body>` +
				`<tu><tuv xml:lang="en"><seg>a<!-- hidden --></seg></tuv><tuv xml:lang="zh"><seg>乙</seg></tuv></tu></body></tmx>`,
			want: []corpus.Unit{{EN: "a", ZH: "乙", Score: 1, Script: segment.Simplified}}},
		{desc: "UTF-8 byte order mark",
			src:  "\ufeff" + tmxDoc(`<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"><seg>乙</seg></tuv></tu>`),
			want: []corpus.Unit{{EN: "a", ZH: "乙", Score: 1, Script: segment.Simplified}}},
		{desc: "ISO-8859-1",
			src:  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + tmxDoc("<tu><tuv lang=\"EN\"><seg>caf\xe9 \xa3</seg></tuv></tu>"),
			want: []corpus.Unit{{EN: "café £", Score: 1}}},
		{desc: "empty body", src: tmxDoc("")},
		{desc: "no body", src: `<tmx version="1.4"><header/></tmx>`},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, readTMX(t, strings.NewReader(tc.src)))
			assert.Equal(t, tc.want, readTMX(t, iotest.OneByteReader(strings.NewReader(tc.src))), "one byte at a time")
		})
	}
}

// tmxUTF16 encodes s as UTF-16 with a byte order mark.
func tmxUTF16(s string, order binary.AppendByteOrder) []byte {
	var out []byte
	out = order.AppendUint16(out, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

func TestTMXReaderUTF16(t *testing.T) {
	src := string(writeTMX(t, tmxTricky))
	src = strings.Replace(src, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	for _, tc := range []struct {
		desc string
		data []byte
	}{
		{"little endian", tmxUTF16(src, binary.LittleEndian)},
		{"big endian", tmxUTF16(src, binary.BigEndian)},
		{"little endian without BOM", tmxUTF16(src, binary.LittleEndian)[2:]},
		{"big endian without BOM", tmxUTF16(src, binary.BigEndian)[2:]},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tmxTrickyRead, readTMX(t, bytes.NewReader(tc.data)))
			assert.Equal(t, tmxTrickyRead, readTMX(t, iotest.OneByteReader(bytes.NewReader(tc.data))))
		})
	}
	t.Run("lone surrogates and odd length", func(t *testing.T) {
		data := tmxUTF16(tmxDoc(`<tu><tuv xml:lang="en"><seg>aXbYc</seg></tuv></tu>`), binary.LittleEndian)
		data = bytes.Replace(data, []byte{'X', 0}, []byte{0x00, 0xD8}, 1) // high surrogate alone
		data = bytes.Replace(data, []byte{'Y', 0}, []byte{0x00, 0xDC}, 1) // low surrogate alone
		assert.Equal(t, []corpus.Unit{{EN: "a\uFFFDb\uFFFDc", Score: 1}}, readTMX(t, bytes.NewReader(data)))
		units, err := tmxReadAll(bytes.NewReader(append(data, '\n')), "bad.tmx")
		assert.NoError(t, err, "an odd final byte gives U+FFFD after the root, which is ignored")
		assert.Len(t, units, 1)
	})
}

// tmxReadAll reads every unit of a TMX document named name, and the error
// that ended the reading.
func tmxReadAll(r io.Reader, name string) ([]corpus.Unit, error) {
	var units []corpus.Unit
	tr := corpus.NewTMXReader(r, name)
	for tr.Next() {
		units = append(units, tr.Unit())
	}
	return units, tr.Err()
}

func TestTMXReaderErrors(t *testing.T) {
	good := `<tu><tuv xml:lang="en"><seg>ok</seg></tuv></tu>`
	for _, tc := range []struct {
		desc, src string
		units     int // units read before the error
		line      int
		msg       string // in the error message
		is        error
	}{
		{desc: "empty input", src: "", line: 1, is: corpus.ErrNotTMX},
		{desc: "only a prolog", src: "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", line: 3, is: corpus.ErrNotTMX},
		{desc: "other root", src: "<?xml version=\"1.0\"?>\n<html><body/></html>", line: 2, is: corpus.ErrNotTMX, msg: "<html>"},
		{desc: "plain text", src: "Hello\tworld\n", line: 2, is: corpus.ErrNotTMX},
		{desc: "mismatched tag", src: tmxDoc(good + "\n<tu>\n<tuv xml:lang=\"en\"><seg>x</tuv></tu>"), units: 1, line: 3, msg: "element <seg> closed by </tuv>"},
		{desc: "truncated", src: "<tmx><body>" + good + "\n\n<tu><tuv xml:lang=\"en\"><seg>cut", units: 1, line: 3, msg: "unexpected EOF"},
		{desc: "truncated after body", src: "<tmx>\n<body>\n" + good + "\n</body>\n", units: 1, line: 5, msg: "unexpected EOF"},
		{desc: "undefined entity", src: tmxDoc("\n\n" + `<tu><tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv></tu>`), line: 3, msg: "entity"},
		{desc: "illegal character", src: tmxDoc("\n" + `<tu><tuv xml:lang="en"><seg>a` + "\x01" + `b</seg></tuv></tu>`), line: 2, msg: "illegal character"},
		{desc: "invalid UTF-8", src: tmxDoc("\n" + `<tu><tuv xml:lang="en"><seg>a` + "\xff" + `b</seg></tuv></tu>`), line: 2, msg: "UTF-8"},
		{desc: "bad score", src: tmxDoc(good + "\n<tu>\n<prop type=\"x-AlignScore\">high</prop><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>"), units: 1, line: 3, msg: "x-AlignScore"},
		{desc: "unsupported encoding", src: "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" + tmxDoc(good), line: 1, msg: "Shift_JIS"},
		{desc: "bad attribute", src: "<tmx>\n<body>\n<tu a=b>", line: 3, msg: "unquoted"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			units, err := tmxReadAll(strings.NewReader(tc.src), "bad.tmx")
			assert.Len(t, units, tc.units)
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "bad.tmx", pe.File)
			assert.Equal(t, tc.line, pe.Line, "line of %v", err)
			assert.Contains(t, err.Error(), "bad.tmx:"+strconv.Itoa(tc.line)+": ")
			assert.Contains(t, err.Error(), tc.msg)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
	t.Run("read error", func(t *testing.T) {
		errRead := errors.New("connection reset")
		src := io.MultiReader(strings.NewReader("<tmx>\n<body>\n"+good), iotest.ErrReader(errRead))
		tr := corpus.NewTMXReader(src, "net.tmx")
		require.True(t, tr.Next())
		assert.False(t, tr.Next())
		assert.ErrorIs(t, tr.Err(), errRead)
		var pe *corpus.ParseError
		require.ErrorAs(t, tr.Err(), &pe)
		assert.Equal(t, 3, pe.Line)
		assert.False(t, tr.Next(), "the error is sticky")
		assert.ErrorIs(t, tr.Err(), errRead)
	})
}

// tmxPython returns a python3 that can import translate.storage.tmx, or
// skips the test: .ci/run installs translate-toolkit (Debian
// python3-translate); the test never installs anything itself.
func tmxPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import translate.storage.tmx").Run() == nil {
			return py
		}
	}
	t.Skip("translate-toolkit is not installed: apt-get install python3-translate (.ci/run does) to run this test")
	return ""
}

// tmxConsumerScript loads a TMX file with translate-toolkit and prints its
// header and units as JSON. Properties are not part of translate-toolkit's
// unit API, so they are read from the unit's lxml element.
const tmxConsumerScript = `
import json, sys
from translate.storage import tmx
from translate.misc.xml_helpers import getXMLlang

with open(sys.argv[1], "rb") as f:
    store = tmx.tmxfile(f)
root = store.document.getroot()
header = root.find(store.namespaced("header"))
units = []
for u in store.units:
    tuvs = u.getlanguageNodes()
    units.append({
        "source": u.source,
        "target": u.target,
        "langs": [getXMLlang(tuv) for tuv in tuvs],
        "by_lang": {getXMLlang(tuv): u.getNodeText(tuv) for tuv in tuvs},
        "props": [[p.get("type"), p.text] for p in u.xmlelement.iterchildren(store.namespaced("prop"))],
    })
json.dump({
    "version": root.get("version"),
    "doctype": store.document.docinfo.doctype,
    "encoding": store.encoding,
    "header": dict(header.attrib),
    "units": units,
}, sys.stdout, ensure_ascii=False)
`

type tmxConsumed struct {
	Version  string            `json:"version"`
	Doctype  string            `json:"doctype"`
	Encoding string            `json:"encoding"`
	Header   map[string]string `json:"header"`
	Units    []struct {
		Source string            `json:"source"`
		Target string            `json:"target"`
		Langs  []string          `json:"langs"`
		ByLang map[string]string `json:"by_lang"`
		Props  [][2]string       `json:"props"`
	} `json:"units"`
}

// TestTMXTranslateToolkit reads what TMXWriter writes with a TMX consumer
// of another project, translate-toolkit, and checks every unit, language
// and property.
func TestTMXTranslateToolkit(t *testing.T) {
	py := tmxPython(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "consume.py")
	require.NoError(t, os.WriteFile(script, []byte(tmxConsumerScript), 0o644))
	for _, tc := range []struct {
		name  string
		units func(t *testing.T) []corpus.Unit
	}{
		{"seed001", seedUnits},
		{"tricky", func(*testing.T) []corpus.Unit { return tmxTricky }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := tc.units(t)
			data := writeTMX(t, units, corpus.TMXToolVersion("test"))
			path := filepath.Join(dir, tc.name+".tmx")
			require.NoError(t, os.WriteFile(path, data, 0o644))
			out, err := exec.Command(py, script, path).Output()
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				t.Logf("stderr: %s", ee.Stderr)
			}
			require.NoError(t, err)
			var got tmxConsumed
			require.NoError(t, json.Unmarshal(out, &got))

			assert.Equal(t, "1.4", got.Version)
			assert.Equal(t, `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, got.Doctype)
			assert.Equal(t, "UTF-8", got.Encoding)
			assert.Equal(t, map[string]string{"creationtool": "zhenalign", "creationtoolversion": "test",
				"segtype": "sentence", "o-tmf": "zhenalign", "adminlang": "en", "srclang": "en",
				"datatype": "plaintext", "creationdate": "20240506T070809Z"}, got.Header)

			// What was written: the units read back by this package, whose
			// equality with the input is checked by the round-trip tests.
			want := readTMX(t, bytes.NewReader(data))
			require.Len(t, got.Units, len(want))
			for i, w := range want {
				g := got.Units[i]
				zhLang := "zh-CN"
				if w.Script == segment.Traditional {
					zhLang = "zh-TW"
				}
				assert.Equal(t, w.EN, g.Source, "unit %d source", i)
				assert.Equal(t, w.ZH, g.Target, "unit %d target", i)
				assert.Equal(t, []string{"en", zhLang}, g.Langs, "unit %d", i)
				assert.Equal(t, map[string]string{"en": w.EN, zhLang: w.ZH}, g.ByLang, "unit %d", i)
				props := [][2]string{{"x-AlignScore", strconv.FormatFloat(w.Score, 'f', 4, 64)}}
				if src := units[tmxSrcIndex(units, i)]; len(src.ENIDs)+len(src.ZHIDs) > 0 {
					props = append(props, [2]string{"x-AlignType", src.Type()},
						[2]string{"x-EnglishIds", idList(src.ENIDs)}, [2]string{"x-ChineseIds", idList(src.ZHIDs)})
				}
				if w.Doc != "" {
					props = append(props, [2]string{"x-Document", w.Doc})
				}
				assert.Equal(t, props, g.Props, "unit %d", i)
			}
		})
	}
}

// tmxSrcIndex returns the index in units of the i-th unit with two non-empty
// sides after cleaning, the i-th unit written.
func tmxSrcIndex(units []corpus.Unit, i int) int {
	for k, u := range units {
		if tmxClean(u.EN) != "" && tmxClean(u.ZH) != "" {
			if i == 0 {
				return k
			}
			i--
		}
	}
	return -1
}

// tmxClean removes what XML 1.0 does not allow, like the writer.
func tmxClean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// idList formats ids as the x-EnglishIds and x-ChineseIds properties hold
// them.
func idList(ids []int) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id))
	}
	return b.String()
}
