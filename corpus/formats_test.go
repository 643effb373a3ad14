package corpus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/internal/consumer"
	"github.com/zhenalign/zhenalign/segment"
)

// withDate puts the tests' creation date before opts.
func withDate(opts ...corpus.WriterOption) []corpus.WriterOption {
	return append([]corpus.WriterOption{corpus.CreationDate(tmxDate)}, opts...)
}

func writeXLIFF(t testing.TB, units []corpus.Unit, opts ...corpus.WriterOption) []byte {
	t.Helper()
	var buf bytes.Buffer
	write(t, corpus.NewXLIFFWriter(&buf, withDate(opts...)...), units)
	return buf.Bytes()
}

// unitReader is what the readers of this package have in common.
type unitReader interface {
	Next() bool
	Unit() corpus.Unit
	Err() error
}

func readAll(r unitReader) ([]corpus.Unit, error) {
	var units []corpus.Unit
	for r.Next() {
		units = append(units, r.Unit())
	}
	return units, r.Err()
}

// both returns the units with two sides after cleaning, as TMX and XLIFF
// write them.
func both(units []corpus.Unit) []corpus.Unit {
	var out []corpus.Unit
	for _, u := range units {
		if tmxClean(u.EN) != "" && tmxClean(u.ZH) != "" {
			out = append(out, u)
		}
	}
	return out
}

func TestXLIFFRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name  string
		units []corpus.Unit
		opts  []corpus.WriterOption
	}{
		{"tricky", tmxTricky, nil},
		{"tricky, Chinese source", tmxTricky, []corpus.WriterOption{corpus.SourceLang(segment.Chinese), corpus.WithHash(corpus.ExactHash)}},
		{"seed001", seedUnits(t), []corpus.WriterOption{corpus.ChineseLang("zh-Hant-TW"), corpus.ToolVersion("v1")}},
		{"tricky, tsv units", tricky, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := writeXLIFF(t, tc.units, tc.opts...)
			got, err := readAll(corpus.NewXLIFFReader(bytes.NewReader(first), "a.xlf"))
			require.NoError(t, err)
			want := both(tc.units)
			require.Len(t, got, len(want))
			for i, w := range want {
				assert.Equal(t, tmxClean(w.EN), got[i].EN)
				assert.Equal(t, tmxClean(w.ZH), got[i].ZH)
				assert.Equal(t, tmxClean(w.Doc), got[i].Doc)
				assert.Equal(t, tmxRound4(w.Score), got[i].Score)
				if len(w.ENIDs)+len(w.ZHIDs) > 0 {
					assert.Equal(t, w.ENIDs, got[i].ENIDs)
					assert.Equal(t, w.ZHIDs, got[i].ZHIDs)
				}
			}
			second := writeXLIFF(t, got, tc.opts...)
			assert.Equal(t, string(first), string(second), "write → read → write gives the same bytes")
			slow, err := readAll(corpus.NewXLIFFReader(iotest.OneByteReader(bytes.NewReader(first)), "a.xlf"))
			require.NoError(t, err)
			assert.Equal(t, got, slow, "one byte at a time")
		})
	}
}

func TestXLIFFWriter(t *testing.T) {
	u := corpus.Unit{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.87654, Doc: "a.txt", Script: segment.Simplified}
	low := corpus.Unit{EN: "Doubtful.", ZH: "可疑。", ENIDs: []int{1}, ZHIDs: []int{1}, Score: 0.3, Doc: "a.txt", Script: segment.Simplified}
	for _, tc := range []struct {
		desc  string
		opts  []corpus.WriterOption
		units []corpus.Unit
		want  []string
		not   []string
	}{
		{desc: "defaults", units: []corpus.Unit{u, low},
			want: []string{
				`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:zhenalign="https://github.com/zhenalign/zhenalign/xliff">` + "\n" +
					`  <file original="a.txt" source-language="en" target-language="zh-CN" datatype="plaintext" date="2024-05-06T07:08:09Z" tool-id="zhenalign">` + "\n" +
					"    <header>\n      <tool tool-id=\"zhenalign\" tool-name=\"zhenalign\" tool-version=\"(devel)\"/>\n    </header>\n    <body>\n" +
					`      <trans-unit id="[0]:[0]" xml:space="preserve" zhenalign:score="0.8765" zhenalign:type="1-1" zhenalign:en-ids="0" zhenalign:zh-ids="0">` + "\n" +
					"        <source>Hello.</source>\n        <target state=\"translated\">你好。</target>\n" +
					"        <note from=\"zhenalign\">score 0.8765, link 1-1, English sentences 0, Chinese sentences 0</note>\n      </trans-unit>\n",
				`<target state="needs-review-translation">可疑。</target>`,
				"    </body>\n  </file>\n</xliff>\n",
			}},
		{desc: "review threshold", opts: []corpus.WriterOption{corpus.ReviewBelow(0.9)}, units: []corpus.Unit{u},
			want: []string{`<target state="needs-review-translation">你好。</target>`}},
		{desc: "Chinese source", opts: []corpus.WriterOption{corpus.SourceLang(segment.Chinese)}, units: []corpus.Unit{u},
			want: []string{`source-language="zh-CN" target-language="en"`, "<source>你好。</source>\n        <target state=\"translated\">Hello.</target>"}},
		{desc: "one file per document", units: []corpus.Unit{u, {EN: "b", ZH: "乙", Doc: "b.txt", ENIDs: []int{0}, ZHIDs: []int{0}}, {EN: "c", ZH: "丙", Doc: "a.txt", ENIDs: []int{2}, ZHIDs: []int{2}}},
			want: []string{`<file original="a.txt"`, `<file original="b.txt"`, `<trans-unit id="3"`}},
		{desc: "no units", want: []string{"  <file original=\"\" source-language=\"en\" target-language=\"zh-CN\"", "    <body>\n    </body>\n  </file>\n</xliff>\n"},
			not: []string{"<trans-unit"}},
		{desc: "one side", units: []corpus.Unit{{EN: "a", Score: 1}, {ZH: "乙", Score: 1}}, not: []string{"<trans-unit"}},
		{desc: "escaping", units: []corpus.Unit{{EN: "a & <b>\r\n\"c\"", ZH: "乙\x01", Doc: "x\"&<y>\t.txt", Score: 1}},
			want: []string{`<file original="x&quot;&amp;&lt;y&gt;&#x9;.txt"`, "<source>a &amp; &lt;b&gt;&#xD;\n\"c\"</source>", `<target state="translated">乙</target>`,
				`<trans-unit id="1" xml:space="preserve" zhenalign:score="1.0000">`, `<note from="zhenalign">score 1.0000</note>`}},
		{desc: "traditional file", units: []corpus.Unit{{EN: "a", ZH: "頭髮", Script: segment.Traditional, Score: 1}},
			want: []string{`target-language="zh-TW"`}},
		{desc: "per unit is one tag in XLIFF", opts: []corpus.WriterOption{corpus.ChineseLangPerUnit()},
			units: []corpus.Unit{{EN: "a", ZH: "頭髮", Script: segment.Traditional, Score: 1}, {EN: "b", ZH: "头发", Script: segment.Simplified, Score: 1}, {EN: "c", ZH: "发", Script: segment.Simplified, Score: 1}},
			want:  []string{`target-language="zh-CN"`}, not: []string{"zh-TW"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			out := string(writeXLIFF(t, tc.units, tc.opts...))
			for _, w := range tc.want {
				assert.Contains(t, out, w)
			}
			for _, n := range tc.not {
				assert.NotContains(t, out, n)
			}
			_, err := readAll(corpus.NewXLIFFReader(strings.NewReader(out), "x.xlf"))
			assert.NoError(t, err)
		})
	}
}

func TestXLIFFReader(t *testing.T) {
	doc := func(body string) string {
		return `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f.txt" source-language="en-US" target-language="zh-Hant" datatype="plaintext"><body>` +
			body + `</body></file></xliff>`
	}
	for _, tc := range []struct {
		desc, src string
		want      []corpus.Unit
	}{
		{"another tool's", doc(`<trans-unit id="1"><source>Click <g id="1">Save</g><x id="2"/> now<ph id="3">&lt;br/&gt;</ph>.</source><target state="final">按<mrk mtype="term">儲存</mrk>。</target><alt-trans><target>x</target></alt-trans></trans-unit>`),
			[]corpus.Unit{{EN: "Click Save now.", ZH: "按儲存。", Score: 1, Doc: "f.txt", Script: segment.Traditional}}},
		{"groups and untranslated units", doc(`<group><trans-unit id="a"><source>One.</source></trans-unit><trans-unit id="b"><source>Two.</source><seg-source>Two.</seg-source><target/></trans-unit></group>`),
			[]corpus.Unit{{EN: "One.", Score: 1, Doc: "f.txt"}, {EN: "Two.", Score: 1, Doc: "f.txt"}}},
		{"Chinese source", `<xliff version="1.2"><file original="z" source-language="zh-CN" target-language="en"><body><trans-unit id="1"><source>你好</source><target>Hello</target></trans-unit></body></file></xliff>`,
			[]corpus.Unit{{EN: "Hello", ZH: "你好", Score: 1, Doc: "z", Script: segment.Simplified}}},
		{"empty", `<xliff version="1.2"/>`, nil},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := readAll(corpus.NewXLIFFReader(strings.NewReader(tc.src), "x.xlf"))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	for _, tc := range []struct {
		desc, src, msg string
		line           int
		is             error
	}{
		{"not xliff", "<tmx/>", "<tmx>", 1, corpus.ErrNotXLIFF},
		{"empty input", "", "not an XLIFF", 1, corpus.ErrNotXLIFF},
		{"bad score", "<xliff xmlns:z=\"https://github.com/zhenalign/zhenalign/xliff\">\n<file><body>\n<trans-unit z:score=\"2\"><source>a</source></trans-unit></body></file></xliff>", "zhenalign:score", 3, corpus.ErrScore},
		{"bad ids", "<xliff xmlns:z=\"https://github.com/zhenalign/zhenalign/xliff\">\n<file><body>\n<trans-unit z:en-ids=\"3,1\"><source>a</source></trans-unit></body></file></xliff>", "zhenalign:en-ids", 3, corpus.ErrIDs},
		{"truncated", "<xliff><file><body>\n<trans-unit><source>a", "unexpected EOF", 2, nil},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := readAll(corpus.NewXLIFFReader(strings.NewReader(tc.src), "x.xlf"))
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.line, pe.Line, "%v", err)
			assert.Contains(t, err.Error(), tc.msg)
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
}

func TestXLIFFGolden(t *testing.T) {
	got := writeXLIFF(t, seedUnits(t), corpus.ToolVersion("golden"))
	golden(t, filepath.Join("xliff", "seed001.xlf"), got)
}

func TestTSVReader(t *testing.T) {
	var buf bytes.Buffer
	write(t, corpus.NewTSVWriter(&buf, corpus.WithHash(corpus.ExactHash)), tricky)
	got, err := readAll(corpus.NewTSVReader(bytes.NewReader(buf.Bytes()), "t.tsv"))
	require.NoError(t, err)
	require.Len(t, got, len(tricky))
	for i, u := range tricky {
		assert.Equal(t, u.EN, got[i].EN)
		assert.Equal(t, u.ZH, got[i].ZH)
		assert.Equal(t, u.Score, got[i].Score)
	}
	var again bytes.Buffer
	write(t, corpus.NewTSVWriter(&again, corpus.WithHash(corpus.ExactHash)), got)
	assert.Equal(t, buf.String(), again.String(), "write → read → write gives the same bytes")

	got, err = readAll(corpus.NewTSVReader(strings.NewReader("\ufeffa\tb\r\n\n  \nc\\\\t\td\t0.5\n"), "t.tsv"))
	require.NoError(t, err)
	assert.Equal(t, []corpus.Unit{{EN: "a", ZH: "b", Score: 1}, {EN: `c\t`, ZH: "d", Score: 0.5}}, got)

	for _, tc := range []struct {
		desc, src string
		line      int
		is        error
	}{
		{"one column", "a\tb\nno tab here\n", 2, corpus.ErrTSVColumns},
		{"bad score", "a\tb\t1.5\n", 1, corpus.ErrScore},
		{"not a number", "a\tb\tx\n", 1, corpus.ErrScore},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := readAll(corpus.NewTSVReader(strings.NewReader(tc.src), "t.tsv"))
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

func TestHFWriter(t *testing.T) {
	var buf bytes.Buffer
	write(t, corpus.NewHFWriter(&buf), tricky)
	assert.Equal(t, `{"translation":{"en":"Tabs\tand\nnewlines \\ backslash","zh":"制表符\t与\n换行"}}`+"\n"+
		`{"translation":{"en":"Quotes \"and\" <tags> & ampersands","zh":"「引號」與＆"}}`+"\n", buf.String())
	got, err := readAll(corpus.NewJSONLReader(bytes.NewReader(buf.Bytes()), "hf.jsonl"))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, tricky[3].ZH, got[1].ZH)
	assert.Equal(t, 1.0, got[1].Score)
}

// parquetRows reads a Parquet file with hyparquet.
type parquetFile struct {
	RowGroups int      `json:"row_groups"`
	Columns   []string `json:"columns"`
	CreatedBy string   `json:"created_by"`
	Rows      []struct {
		EN    string  `json:"en"`
		ZH    string  `json:"zh"`
		Score float64 `json:"score"`
		Type  string  `json:"type"`
		Doc   string  `json:"doc"`
		ENIDs []int   `json:"en_ids"`
		ZHIDs []int   `json:"zh_ids"`
		Hash  string  `json:"hash"`
	} `json:"rows"`
}

// TestParquetHyparquet writes units as Parquet and reads them back with
// hyparquet, a Parquet reader of another project (npm).
func TestParquetHyparquet(t *testing.T) {
	node, dir := consumer.Node(t, "hyparquet")
	script := consumer.Script(t, "read.mjs", consumer.ParquetScript)
	units := append(seedUnits(t), tricky...)
	for _, tc := range []struct {
		desc   string
		opts   []corpus.WriterOption
		groups int
		cols   []string
	}{
		{"defaults", nil, 1, []string{"en", "zh", "score", "type", "doc", "en_ids", "zh_ids"}},
		{"hash, small row groups", []corpus.WriterOption{corpus.WithHash(corpus.ExactHash), corpus.ParquetRowGroup(10)}, (len(units) + 9) / 10,
			[]string{"en", "zh", "score", "type", "doc", "en_ids", "zh_ids", "hash"}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var buf bytes.Buffer
			write(t, corpus.NewParquetWriter(&buf, tc.opts...), units)
			path := writeTemp(t, "x.parquet", buf.Bytes())
			var got parquetFile
			require.NoError(t, json.Unmarshal(consumer.Run(t, node, script, dir, path), &got))
			assert.Equal(t, tc.groups, got.RowGroups)
			assert.Equal(t, tc.cols, got.Columns)
			assert.Equal(t, "zhenalign version (devel)", got.CreatedBy)
			require.Len(t, got.Rows, len(units))
			for i, u := range units {
				r := got.Rows[i]
				assert.Equal(t, u.EN, r.EN)
				assert.Equal(t, u.ZH, r.ZH)
				assert.Equal(t, tmxRound4(u.Score), r.Score)
				assert.Equal(t, u.Type(), r.Type)
				assert.Equal(t, u.Doc, r.Doc)
				assert.Equal(t, nonNil(u.ENIDs), r.ENIDs)
				assert.Equal(t, nonNil(u.ZHIDs), r.ZHIDs)
				if len(tc.cols) == 8 {
					assert.Equal(t, corpus.HashString(corpus.Hash(u.EN, u.ZH)), r.Hash)
				}
			}
		})
	}
}

func nonNil(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// TestParquetStreams checks that the Parquet writer writes each row group
// out when it is full, before Close: memory holds one row group (and
// parquet-go's 32 KB output buffer).
func TestParquetStreams(t *testing.T) {
	const group = 2000 // rows of about 36 bytes compressed: more than the 32 KB buffer
	var out countingWriter
	w := corpus.NewParquetWriter(&out, corpus.ParquetRowGroup(group))
	for i := range group - 1 {
		require.NoError(t, w.Write(tmxBenchUnit(i)), i)
	}
	assert.Zero(t, out.n, "nothing but the row group held")
	require.NoError(t, w.Write(tmxBenchUnit(group-1)))
	assert.Positive(t, out.n, "the first full row group is written")
	first := out.n
	for i := range 9 * group {
		require.NoError(t, w.Write(tmxBenchUnit(group+i)))
	}
	before := out.n
	assert.Greater(t, before, 8*first, "ten row groups written before Close")
	require.NoError(t, w.Close())
	assert.Greater(t, out.n, before)
	assert.NoError(t, w.Close(), "Close after Close")
	assert.Error(t, w.Write(tmxBenchUnit(0)))
}

type xlsxFile struct {
	Sheet   string  `json:"sheet"`
	Freeze  string  `json:"freeze"`
	Rows    [][]any `json:"rows"`
	Fills   []any   `json:"fills"`
	Bold    bool    `json:"bold"`
	Tables  []string
	Created string `json:"created"`
}

// TestXLSXOpenpyxl writes units as a workbook and reads it back with
// openpyxl (Debian python3-openpyxl).
func TestXLSXOpenpyxl(t *testing.T) {
	py := consumer.Python(t, "python3-openpyxl", "openpyxl")
	script := consumer.Script(t, "xlsx.py", consumer.XLSXScript)
	units := append(seedUnits(t), tricky...)
	units = append(units, corpus.Unit{EN: "=1+1", ZH: "@SUM(A1)", Score: 0.1})
	var buf bytes.Buffer
	write(t, corpus.NewXLSXWriter(&buf, withDate(corpus.WithHash(corpus.ExactHash))...), units)
	path := writeTemp(t, "x.xlsx", buf.Bytes())
	var got xlsxFile
	require.NoError(t, json.Unmarshal(consumer.Run(t, py, script, path), &got))
	assert.Equal(t, "units", got.Sheet)
	assert.Equal(t, "A2", got.Freeze)
	assert.True(t, got.Bold)
	assert.Equal(t, []string{"units"}, got.Tables)
	assert.Equal(t, "2024-05-06T07:08:09", got.Created)
	require.Len(t, got.Rows, len(units)+1)
	assert.Equal(t, []any{"en", "zh", "score", "type", "doc", "ids", "hash"}, got.Rows[0])
	for i, u := range units {
		r := got.Rows[i+1]
		str := func(s string) any { return s }
		ids := ""
		if len(u.ENIDs)+len(u.ZHIDs) > 0 {
			ids = "[" + idList(u.ENIDs) + "]:[" + idList(u.ZHIDs) + "]"
		}
		assert.Equal(t, []any{str(u.EN), str(u.ZH), tmxRound4(u.Score), u.Type(), str(u.Doc), str(ids), corpus.HashString(corpus.Hash(u.EN, u.ZH))}, r, "row %d", i+1)
		if u.Score < corpus.DefaultReviewBelow {
			assert.Equal(t, "FFFFC7CE", got.Fills[i+1], "low score highlighted, row %d", i+1)
		} else {
			assert.Nil(t, got.Fills[i+1], "row %d", i+1)
		}
	}
}

func TestXLSXWriter(t *testing.T) {
	units := seedUnits(t)
	var a, b bytes.Buffer
	write(t, corpus.NewXLSXWriter(&a, withDate()...), units)
	write(t, corpus.NewXLSXWriter(&b, withDate()...), units)
	assert.Equal(t, a.Bytes(), b.Bytes(), "the same units and date give the same bytes")
	assert.Equal(t, "PK", a.String()[:2])

	long := corpus.Unit{EN: strings.Repeat("a", corpus.XLSXMaxCell+5), ZH: strings.Repeat("中", 10), Score: 1}
	var c bytes.Buffer
	w := corpus.NewXLSXWriter(&c)
	write(t, w, []corpus.Unit{long})
	require.Len(t, w.Warnings(), 1)
	assert.ErrorIs(t, w.Warnings()[0], corpus.ErrCellTruncated)

	fw := corpus.NewXLSXWriter(&failWriter{})
	require.NoError(t, fw.Write(units[0]))
	assert.Error(t, fw.Close())
	assert.Error(t, fw.Close(), "the error is sticky")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestCATWarnings checks the warnings of the TMX and XLIFF writers.
func TestCATWarnings(t *testing.T) {
	long := strings.Repeat("长", corpus.LongSegment+1)
	units := []corpus.Unit{
		{EN: "a", ZH: long, Doc: "d", ENIDs: []int{0}, ZHIDs: []int{0}, Script: segment.Simplified},
		{EN: strings.Repeat("a", corpus.LongSegment), ZH: "頭髮", Doc: "d", ENIDs: []int{1}, ZHIDs: []int{1}, Script: segment.Traditional},
		{EN: long, ZH: long, Doc: "d", ENIDs: []int{2}, ZHIDs: []int{2}, Script: segment.Simplified},
	}
	for name, mk := range map[string]func(io.Writer, ...corpus.WriterOption) interface {
		corpus.Writer
		Warnings() []error
	}{
		"tmx": func(w io.Writer, o ...corpus.WriterOption) interface {
			corpus.Writer
			Warnings() []error
		} {
			return corpus.NewTMXWriter(w, o...)
		},
		"xliff": func(w io.Writer, o ...corpus.WriterOption) interface {
			corpus.Writer
			Warnings() []error
		} {
			return corpus.NewXLIFFWriter(w, o...)
		},
	} {
		t.Run(name, func(t *testing.T) {
			w := mk(io.Discard)
			write(t, w, units)
			ws := w.Warnings()
			require.Len(t, ws, 2)
			assert.ErrorIs(t, ws[0], corpus.ErrLongSegment)
			assert.EqualError(t, ws[0], "corpus: segments longer than 2,000 characters (Trados' limit): 3 segments, the first in unit d#[0]:[0]")
			assert.ErrorIs(t, ws[1], corpus.ErrScriptTag)
			assert.Contains(t, ws[1].Error(), "1 unit in traditional script tagged zh-CN")
			w = mk(io.Discard, corpus.ChineseLangPerUnit())
			write(t, w, units[1:2])
			assert.Empty(t, w.Warnings())
		})
	}
}

// TestTMXDTD validates the TMX output against the TMX 1.4b DTD
// (testdata/dtd/tmx14.dtd) with xmllint (Debian libxml2-utils).
func TestTMXDTD(t *testing.T) {
	xmllint := consumer.Xmllint(t)
	dir := t.TempDir()
	dtd, err := os.ReadFile(filepath.Join("testdata", "dtd", "tmx14.dtd"))
	require.NoError(t, err)
	// Beside the files, so that their DOCTYPE finds it.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "tmx14.dtd"), dtd, 0o644))
	var files []string
	for name, tc := range map[string]struct {
		units []corpus.Unit
		opts  []corpus.WriterOption
	}{
		"seed001":       {seedUnits(t), nil},
		"tricky":        {tmxTricky, []corpus.WriterOption{corpus.WithHash(corpus.NearDup), corpus.TMXCreationID("tester")}},
		"chinese-first": {tmxTricky, []corpus.WriterOption{corpus.SourceLang(segment.Chinese), corpus.ChineseLangPerUnit(), corpus.TMXSegType(corpus.Paragraphs)}},
		"empty":         {nil, nil},
		"subtitles":     {subtitleUnits(t), nil},
	} {
		p := filepath.Join(dir, name+".tmx")
		require.NoError(t, os.WriteFile(p, writeTMX(t, tc.units, tc.opts...), 0o644))
		files = append(files, p)
	}
	consumer.Run(t, xmllint, append([]string{"--noout", "--nonet", "--dtdvalid", filepath.Join(dir, "tmx14.dtd")}, files...)...)

	// The DTD is strict enough to catch a missing header attribute.
	bad := filepath.Join(dir, "bad.tmx")
	require.NoError(t, os.WriteFile(bad, []byte(`<tmx version="1.4"><header/><body/></tmx>`), 0o644))
	_, err = exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", filepath.Join(dir, "tmx14.dtd"), bad).Output()
	assert.Error(t, err)
}

// xliffConsumed is what consumer.XLIFFScript prints.
type xliffConsumed struct {
	SourceLanguage string   `json:"source_language"`
	TargetLanguage string   `json:"target_language"`
	Files          []string `json:"files"`
	Units          []struct {
		ID, Source, Target, State, Notes, Score, Type, Hash string
		StateN                                              int    `json:"state_n"`
		ENIDs                                               string `json:"en_ids"`
		ZHIDs                                               string `json:"zh_ids"`
	} `json:"units"`
}

// TestXLIFFTranslateToolkit reads what XLIFFWriter writes with
// translate-toolkit (Debian python3-translate).
func TestXLIFFTranslateToolkit(t *testing.T) {
	py := consumer.Python(t, "python3-translate", "translate.storage.xliff")
	script := consumer.Script(t, "xliff.py", consumer.XLIFFScript)
	units := append(seedUnits(t), tmxTricky...)
	units = append(units, corpus.Unit{EN: "Low.", ZH: "低。", Score: 0.2, Doc: "low.txt", ENIDs: []int{0}, ZHIDs: []int{0}})
	data := writeXLIFF(t, units, corpus.WithHash(corpus.ExactHash))
	path := writeTemp(t, "x.xlf", data)
	var got xliffConsumed
	require.NoError(t, json.Unmarshal(consumer.Run(t, py, script, path), &got))
	assert.Equal(t, "en", got.SourceLanguage)
	assert.Equal(t, "zh-TW", got.TargetLanguage, "seed 001 is traditional")
	// Two <file original=""> (units without a document), which
	// translate-toolkit does not list.
	assert.Equal(t, []string{"001_04ade73db5640df0.txt", "tricky.txt", "trad.txt", "ctl.txt", "low.txt"}, got.Files)
	want, err := readAll(corpus.NewXLIFFReader(bytes.NewReader(data), "x.xlf"))
	require.NoError(t, err)
	require.Len(t, got.Units, len(want))
	require.Len(t, want, len(both(units)))
	for i, w := range want {
		g := got.Units[i]
		assert.Equal(t, w.EN, g.Source, "unit %d", i)
		assert.Equal(t, w.ZH, g.Target, "unit %d", i)
		// translate-toolkit's states: 100 unreviewed (a translation), 80
		// needs review.
		state, stateN := "translated", 100
		if w.Score < corpus.DefaultReviewBelow {
			state, stateN = "needs-review-translation", 80
		}
		assert.Equal(t, state, g.State, "unit %d", i)
		assert.Equal(t, stateN, g.StateN, "unit %d: translate-toolkit's state", i)
		assert.Contains(t, g.Notes, "score "+g.Score)
		assert.Equal(t, corpus.HashString(corpus.Hash(w.EN, w.ZH)), g.Hash)
		if len(w.ENIDs)+len(w.ZHIDs) > 0 {
			assert.Equal(t, idList(w.ENIDs), g.ENIDs)
			assert.Equal(t, idList(w.ZHIDs), g.ZHIDs)
			if strings.HasSuffix(g.ID, "]") { // not a position
				assert.True(t, strings.HasSuffix(g.ID, "["+idList(w.ENIDs)+"]:["+idList(w.ZHIDs)+"]"), g.ID)
			}
		}
	}
}

// TestSubtitleTimesRoundTrip checks that the subtitle times of units come
// back from TMX and XLIFF as they went in, and that a bad time is an error
// naming the file and line.
func TestSubtitleTimesRoundTrip(t *testing.T) {
	units := subtitleUnits(t)
	for _, f := range []struct {
		name  string
		write func([]corpus.Unit) []byte
		read  func([]byte) ([]corpus.Unit, error)
	}{
		{"tmx", func(us []corpus.Unit) []byte { return writeTMX(t, us) },
			func(b []byte) ([]corpus.Unit, error) {
				return readAll(corpus.NewTMXReader(bytes.NewReader(b), "a.tmx"))
			}},
		{"xliff", func(us []corpus.Unit) []byte { return writeXLIFF(t, us) },
			func(b []byte) ([]corpus.Unit, error) {
				return readAll(corpus.NewXLIFFReader(bytes.NewReader(b), "a.xlf"))
			}},
	} {
		t.Run(f.name, func(t *testing.T) {
			out := f.write(units)
			got, err := f.read(out)
			require.NoError(t, err)
			require.Len(t, got, len(units))
			for i, u := range units {
				assert.Equal(t, u.ENTime, got[i].ENTime, "unit %d", i)
				assert.Equal(t, u.ZHTime, got[i].ZHTime, "unit %d", i)
			}
			assert.Equal(t, string(out), string(f.write(got)), "write → read → write gives the same bytes")
			bad := bytes.Replace(out, []byte("00:00:03.500"), []byte("half past three"), 1)
			_, err = f.read(bad)
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Positive(t, pe.Line)
		})
	}
}

// subtitleUnits returns units with subtitle times (and one without).
func subtitleUnits(t *testing.T) []corpus.Unit {
	cue := func(s string) *input.Cue {
		c, err := input.ParseCue(s)
		require.NoError(t, err)
		return &c
	}
	return []corpus.Unit{
		{EN: "Chongqing, 1943.", ZH: "重庆，1943年。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.99, Doc: "film.srt",
			ENTime: cue("00:00:01.000 --> 00:00:03.200"), ZHTime: cue("00:00:01.000 --> 00:00:03.200")},
		{EN: "Where are you going? To the river.", ZH: "你要去哪儿？", ENIDs: []int{1, 2}, ZHIDs: []int{1}, Score: 0.85, Doc: "film.srt",
			ENTime: cue("00:00:03.500 --> 00:00:09.000"), ZHTime: cue("00:00:03.500 --> 00:00:06.000")},
		{EN: "No times.", ZH: "没有时间。", ENIDs: []int{3}, ZHIDs: []int{2}, Score: 0.9, Doc: "film.srt"},
	}
}
