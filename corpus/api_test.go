package corpus_test

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
)

// TestNilAndInvalid checks that no exported function or method panics on
// nil or invalid input: nil readers and writers fail with an error, a
// score outside [0,1] is an error, and NewFilter validates its options.
func TestNilAndInvalid(t *testing.T) {
	u := corpus.Unit{EN: "Hello.", ZH: "你好。", Score: 0.9}
	writers := func(w *bytes.Buffer, nilOut bool) map[string]corpus.Writer {
		if nilOut {
			return map[string]corpus.Writer{
				"jsonl": corpus.NewJSONLWriter(nil), "tsv": corpus.NewTSVWriter(nil), "ladder": corpus.NewLadderWriter(nil, false),
				"tmx": corpus.NewTMXWriter(nil, nil), "text": corpus.NewTextWriter(nil, 80), "moses": corpus.NewMosesWriter(nil, nil),
				"xliff": corpus.NewXLIFFWriter(nil), "hf": corpus.NewHFWriter(nil), "xlsx": corpus.NewXLSXWriter(nil),
				"parquet": corpus.NewParquetWriter(nil),
			}
		}
		return map[string]corpus.Writer{
			"jsonl": corpus.NewJSONLWriter(w), "tsv": corpus.NewTSVWriter(w), "ladder": corpus.NewLadderWriter(w, false),
			"tmx": corpus.NewTMXWriter(w), "text": corpus.NewTextWriter(w, 80), "moses": corpus.NewMosesWriter(w, w),
			"xliff": corpus.NewXLIFFWriter(w), "hf": corpus.NewHFWriter(w), "xlsx": corpus.NewXLSXWriter(w),
			"parquet": corpus.NewParquetWriter(w),
		}
	}
	for name, w := range writers(nil, true) {
		t.Run("nil writer "+name, func(t *testing.T) {
			assert.NotPanics(t, func() {
				err := w.Write(u)
				if err == nil {
					err = w.Close()
				}
				assert.Error(t, err)
			})
		})
	}
	for _, score := range []float64{math.NaN(), math.Inf(1), -3, 7} {
		for name, w := range writers(&bytes.Buffer{}, false) {
			if name == "text" || name == "moses" || name == "hf" {
				continue // no score in these formats
			}
			t.Run("score "+name, func(t *testing.T) {
				bad := u
				bad.Score = score
				assert.ErrorIs(t, w.Write(bad), corpus.ErrScore)
			})
		}
	}
	for name, r := range map[string]interface {
		Next() bool
		Err() error
	}{"jsonl": corpus.NewJSONLReader(nil, "x"), "tmx": corpus.NewTMXReader(nil, "x"), "xliff": corpus.NewXLIFFReader(nil, "x"),
		"tsv": corpus.NewTSVReader(nil, "x")} {
		t.Run("nil reader "+name, func(t *testing.T) {
			assert.NotPanics(t, func() {
				assert.False(t, r.Next())
				assert.Error(t, r.Err())
			})
		})
	}
	assert.NotPanics(t, func() {
		assert.Nil(t, corpus.FromAlignment(nil, corpus.Sentences, "d"))
		var f *corpus.Filter
		assert.True(t, f.Keep(&u), "a nil Filter keeps everything")
		assert.False(t, f.Keep(nil))
		assert.Error(t, f.Writer(nil).Write(u))
	})

	for _, tc := range []struct {
		desc string
		opt  corpus.FilterOption
		msg  string
	}{
		{"score above 1", corpus.MinScore(2), "MinScore: 2 is not in [0,1]"},
		{"score NaN", corpus.MinScore(math.NaN()), "MinScore: NaN"},
		{"type", corpus.Types("1-1", "x-y"), `Types: "x-y" is not a link type`},
		{"negative type", corpus.Types("-1-1"), "is not a link type"},
		{"ratio order", corpus.LengthRatio(5, 1), "LengthRatio: bad bounds 5..1"},
		{"ratio NaN", corpus.LengthRatio(math.NaN(), 0), "LengthRatio"},
		{"ratio negative", corpus.LengthRatio(-1, 0), "LengthRatio"},
		{"script", corpus.ConvertScript(9), "ConvertScript: unknown conversion 9"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			f, err := corpus.NewFilter(tc.opt)
			assert.Nil(t, f)
			require.ErrorIs(t, err, corpus.ErrFilterOption)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	f, err := corpus.NewFilter(nil, corpus.Types(" 1-1 "), corpus.MinScore(1), corpus.LengthRatio(0, 0))
	require.NoError(t, err)
	assert.True(t, f.Keep(&corpus.Unit{EN: "a", ZH: "b", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1}))
}

// TestJSONLReaderBOM checks that a UTF-8 byte order mark is skipped, and
// that a line that is not an object is named as such.
func TestJSONLReaderBOM(t *testing.T) {
	r := corpus.NewJSONLReader(strings.NewReader("\xEF\xBB\xBF{\"en\":\"Hi\",\"zh\":\"你好\"}\n"), "bom.jsonl")
	require.True(t, r.Next(), r.Err())
	assert.Equal(t, "Hi", r.Unit().EN)
	for _, src := range []string{"[1]\n", "\"text\"\n", "3\n", "null\n"} {
		r = corpus.NewJSONLReader(strings.NewReader(src), "x.jsonl")
		assert.False(t, r.Next())
		assert.ErrorIs(t, r.Err(), corpus.ErrNotObject, src)
		assert.NotContains(t, r.Err().Error(), "Go")
	}
	r = corpus.NewJSONLReader(strings.NewReader(`{"en":["a"],"zh":"b"}`), "x.jsonl")
	assert.False(t, r.Next())
	assert.EqualError(t, r.Err(), `x.jsonl:1: field "en": want a string, not array`)
	r = corpus.NewJSONLReader(strings.NewReader(`{"en":"a","zh":"b","score":-0.5}`), "x.jsonl")
	assert.False(t, r.Next())
	assert.ErrorIs(t, r.Err(), corpus.ErrScore)
}

// TestBlankUnits checks that the text formats leave out units with two
// empty sides, and the ladder keeps their ids.
func TestBlankUnits(t *testing.T) {
	blank := corpus.Unit{ENIDs: []int{1}, Score: 1}
	for name, mk := range map[string]func(*bytes.Buffer) corpus.Writer{
		"jsonl": func(b *bytes.Buffer) corpus.Writer { return corpus.NewJSONLWriter(b) },
		"tsv":   func(b *bytes.Buffer) corpus.Writer { return corpus.NewTSVWriter(b) },
		"text":  func(b *bytes.Buffer) corpus.Writer { return corpus.NewTextWriter(b, 80) },
		"tmx":   func(b *bytes.Buffer) corpus.Writer { return corpus.NewTMXWriter(b) },
		"xliff": func(b *bytes.Buffer) corpus.Writer { return corpus.NewXLIFFWriter(b) },
		"hf":    func(b *bytes.Buffer) corpus.Writer { return corpus.NewHFWriter(b) },
	} {
		var b bytes.Buffer
		w := mk(&b)
		require.NoError(t, w.Write(blank))
		require.NoError(t, w.Close())
		assert.NotContains(t, b.String(), `"en":""`, name)
		assert.NotContains(t, b.String(), "<tu ", name)
		assert.NotContains(t, b.String(), "<trans-unit", name)
		assert.NotContains(t, b.String(), "translation", name)
		assert.NotContains(t, b.String(), "0-1", name)
		assert.NotContains(t, b.String(), "1.0000", name)
	}
	var b bytes.Buffer
	w := corpus.NewLadderWriter(&b, false)
	require.NoError(t, w.Write(blank))
	require.NoError(t, w.Close())
	assert.Equal(t, "[1]:[]:1.0000\n", b.String())
}

// TestNilReceiversAndIDs checks that methods on nil readers and writers
// fail without panicking, and that JSONL ids are checked.
func TestNilReceiversAndIDs(t *testing.T) {
	assert.NotPanics(t, func() {
		var jr *corpus.JSONLReader
		var tr *corpus.TMXReader
		assert.False(t, jr.Next())
		assert.False(t, tr.Next())
		assert.Error(t, jr.Err())
		assert.Error(t, tr.Err())
		assert.Equal(t, corpus.Unit{}, jr.Unit())
		var jw *corpus.JSONLWriter
		var tw *corpus.TMXWriter
		assert.Error(t, jw.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.Error(t, tw.Close())
		assert.Nil(t, tw.Warnings())
		assert.Empty(t, tw.ChineseLang())
		var xw *corpus.XLIFFWriter
		var xr *corpus.XLIFFReader
		var sw *corpus.XLSXWriter
		var pw *corpus.ParquetWriter
		var hw *corpus.HFWriter
		var rr *corpus.TSVReader
		assert.Error(t, xw.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.Error(t, xw.Close())
		assert.Nil(t, xw.Warnings())
		assert.False(t, xr.Next())
		assert.Error(t, xr.Err())
		assert.Equal(t, corpus.Unit{}, xr.Unit())
		assert.Error(t, sw.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.Error(t, sw.Close())
		assert.Nil(t, sw.Warnings())
		assert.Error(t, pw.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.Error(t, pw.Close())
		assert.Error(t, hw.Write(corpus.Unit{EN: "a", ZH: "b"}))
		assert.Error(t, hw.Close())
		assert.False(t, rr.Next())
		assert.Error(t, rr.Err())
		assert.Equal(t, corpus.Unit{}, rr.Unit())
	})
	for _, src := range []string{
		`{"en":"a","zh":"中","en_ids":[-1,5]}`, `{"en":"a","zh":"中","zh_ids":[3,1]}`, `{"en":"a","zh":"中","zh_ids":[1,1]}`,
	} {
		r := corpus.NewJSONLReader(strings.NewReader(src), "x.jsonl")
		assert.False(t, r.Next())
		assert.ErrorIs(t, r.Err(), corpus.ErrIDs, src)
	}
}

// TestJSONLTimes checks that subtitle times survive a JSONL round trip and
// that a malformed one is an error naming the line.
func TestJSONLTimes(t *testing.T) {
	u := corpus.Unit{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1,
		ENTime: &input.Cue{Start: time.Second, End: 2500 * time.Millisecond}, ZHTime: &input.Cue{Start: time.Second, End: 3 * time.Second}}
	var b bytes.Buffer
	w := corpus.NewJSONLWriter(&b)
	require.NoError(t, w.Write(u))
	require.NoError(t, w.Close())
	assert.Contains(t, b.String(), `"en_time":"00:00:01.000 --> 00:00:02.500"`)
	r := corpus.NewJSONLReader(&b, "t.jsonl")
	require.True(t, r.Next(), r.Err())
	got := r.Unit()
	assert.Equal(t, *u.ENTime, *got.ENTime)
	assert.Equal(t, *u.ZHTime, *got.ZHTime)
	r = corpus.NewJSONLReader(strings.NewReader(`{"en":"a","zh":"b","en_time":"soon"}`), "t.jsonl")
	assert.False(t, r.Next())
	assert.ErrorContains(t, r.Err(), "t.jsonl:1: en_time:")
}

// TestNewWriter checks that every format name gives its writer, and that
// an unknown one is an error.
func TestNewWriter(t *testing.T) {
	u := corpus.Unit{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1}
	for _, f := range corpus.Formats {
		var b bytes.Buffer
		w, err := corpus.NewWriter(f, &b)
		require.NoError(t, err, f)
		require.NoError(t, w.Write(u), f)
		require.NoError(t, w.Close(), f)
		assert.NotEmpty(t, b.Bytes(), f)
	}
	var b bytes.Buffer
	w, err := corpus.NewWriter("ladder", &b, corpus.LadderChineseFirst())
	require.NoError(t, err)
	require.NoError(t, w.Write(corpus.Unit{EN: "a", ENIDs: []int{3}, ZHIDs: []int{}, Score: 1}))
	require.NoError(t, w.Close())
	assert.Equal(t, "[]:[3]:1.0000\n", b.String())
	_, err = corpus.NewWriter("docx", &b)
	assert.ErrorIs(t, err, corpus.ErrFormat)
}

// TestWrites checks Writes against the writers themselves: a unit is
// written (the output differs from that of no unit) exactly when Writes
// says so.
func TestWrites(t *testing.T) {
	date := corpus.CreationDate(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
	for _, tc := range []struct {
		desc string
		u    corpus.Unit
	}{
		{"two sides", corpus.Unit{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1}},
		{"English only", corpus.Unit{EN: "Hello.", ENIDs: []int{0}, ZHIDs: []int{}, Score: 0.5}},
		{"Chinese only", corpus.Unit{ZH: "你好。", ENIDs: []int{}, ZHIDs: []int{0}, Score: 0.5}},
		{"blank", corpus.Unit{ENIDs: []int{0}, ZHIDs: []int{}, Score: 0.5}},
		{"English of control characters", corpus.Unit{EN: "\x01\x02", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1}},
		{"both of control characters", corpus.Unit{EN: "\x01", ZH: "\x02", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 1}},
	} {
		for _, f := range append(slices.Clone(corpus.Formats), "moses") {
			t.Run(tc.desc+"/"+f, func(t *testing.T) {
				out := func(units ...corpus.Unit) []byte {
					var en, zh bytes.Buffer
					var w corpus.Writer
					if f == "moses" {
						w = corpus.NewMosesWriter(&en, &zh)
					} else {
						var err error
						w, err = corpus.NewWriter(f, &en, date)
						require.NoError(t, err)
					}
					for _, u := range units {
						require.NoError(t, w.Write(u))
					}
					require.NoError(t, w.Close())
					return append(en.Bytes(), zh.Bytes()...)
				}
				written := !bytes.Equal(out(), out(tc.u))
				assert.Equal(t, written, corpus.Writes(f, tc.u))
			})
		}
	}
}
