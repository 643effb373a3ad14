// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func t2sConv(t testing.TB) *Converter {
	t.Helper()
	c, err := T2S()
	require.NoError(t, err)
	return c
}

func s2tConv(t testing.TB) *Converter {
	t.Helper()
	c, err := S2T()
	require.NoError(t, err)
	return c
}

type convTest struct {
	desc, src, want string
}

func runConvTests(t *testing.T, c *Converter, tests []convTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			assert.Equal(t, tc.want, c.Convert(tc.src))
		})
	}
}

func TestT2S(t *testing.T) {
	runConvTests(t, t2sConv(t), []convTest{
		{"empty", "", ""},
		{"ascii", "Hello, world! 123", "Hello, world! 123"},
		{"char", "區", "区"},
		{"phrase 頭髮", "頭髮", "头发"},
		{"phrase 乾淨", "乾淨", "干净"},
		{"重慶", "重慶", "重庆"},
		{"經貿", "經貿", "经贸"},
		{"發展", "發展", "发展"},
		{"後來", "後來", "后来"},
		{"phrase keeps 乾", "乾隆皇帝", "乾隆皇帝"},
		{"longest match", "一目瞭然", "一目了然"},
		{"already simplified", "头发干净，后来", "头发干净，后来"},
		{"mixed with ascii", "abc 頭髮 def", "abc 头发 def"},
		{"taiwan 裡 and 綫", "裡面的綫", "里面的线"},
		{"fold 衞", "衞生", "卫生"},
		{"fold 敍 衹 枱", "敍述衹有枱面", "叙述只有台面"},
		{"著 is kept", "看著", "看著"},
		{"compatibility ideograph", "\uf900", "岂"},
		{"astral compatibility ideograph", "\U0002f800", "丽"},
		{"IDS copied", "⿰氵發", "⿰氵發"},
		{"IDS incomplete at end", "⿰發", "⿰发"},
		{"nested IDS incomplete counts as operand", "⿰⿰發", "⿰⿰發"},
		{"IDS keeps compatibility ideograph", "⿰\uf900發", "⿰\uf900發"},
		{"invalid UTF-8 kept", "頭\xff髮\xe4\xb8", "头\xff发\xe4\xb8"},
		{"full-width punctuation", "「發」，（區）", "「发」，（区）"},
		{"astral", "𠵾㩜", "𠵾㨫"},
	})
}

func TestS2T(t *testing.T) {
	runConvTests(t, s2tConv(t), []convTest{
		{"empty", "", ""},
		{"ascii", "Hello, world! 123", "Hello, world! 123"},
		{"char", "区", "區"},
		{"phrase 头发", "头发", "頭髮"},
		{"phrase 干净", "干净", "乾淨"},
		{"phrase 一干二净", "一干二净", "一乾二淨"},
		{"后 in 皇后", "皇后后来", "皇后後來"},
		{"ascii key", "PN结", "PN結"},
		{"longest match", "SQL注入攻击", "SQL注入攻擊"},
		{"compatibility ideograph", "\uf900", "豈"},
		{"IDS copied", "⿰氵发", "⿰氵发"},
		{"invalid UTF-8 kept", "头\xff发\xe4\xb8", "頭\xff發\xe4\xb8"},
		{"astral", "𠵾", "㗲"},
	})
}

// TestUnchanged checks that Convert returns its argument itself, without
// allocating, when nothing changes. (Text with ideographic description
// characters is the exception: it allocates an index of them.)
func TestUnchanged(t *testing.T) {
	convs := map[string]*Converter{"t2s": t2sConv(t), "s2t": s2tConv(t)}
	for _, tc := range []struct{ desc, conv, src string }{
		{"empty", "t2s", ""},
		{"ascii", "t2s", benchASCII},
		{"ascii", "s2t", benchASCII},
		{"simplified", "t2s", benchSimp},
		{"traditional", "s2t", "頭髮乾淨"},
		{"invalid UTF-8", "t2s", "\xff\xfe\xe4\xb8 \xc0\x80"},
		{"invalid UTF-8", "s2t", "\xff\xfe\xe4\xb8 \xc0\x80"},
		{"identity phrase", "t2s", "乾隆"},
	} {
		t.Run(tc.conv+" "+tc.desc, func(t *testing.T) {
			c := convs[tc.conv]
			got := c.Convert(tc.src)
			require.Equal(t, tc.src, got)
			assert.Equal(t, unsafe.StringData(tc.src), unsafe.StringData(got), "not the same string")
			assert.Zero(t, testing.AllocsPerRun(10, func() { c.Convert(tc.src) }))
		})
	}
}

func TestZeroConverter(t *testing.T) {
	var zero Converter
	assert.Equal(t, "頭髮", zero.Convert("頭髮"))
	var nilConv *Converter
	assert.Equal(t, "頭髮", nilConv.Convert("頭髮"))
}

func TestIDSRunIsLinear(t *testing.T) {
	// opencc-js takes exponential time on a run of IDCs; Convert must not.
	// Like opencc-js (checked up to 12 IDCs), it copies the run and 發.
	s := strings.Repeat("⿰", 100000) + "發"
	start := time.Now()
	got := t2sConv(t).Convert(s)
	assert.Less(t, time.Since(start), 10*time.Second)
	assert.Equal(t, s, got)
}

// TestFold pins the Taiwan and Hong Kong variants T2S folds (see gen.go).
func TestFold(t *testing.T) {
	c := t2sConv(t)
	fold := map[rune]rune{}
	for k, v := range c.pre {
		if !isCompat(k) {
			fold[k] = v
		}
	}
	assert.Equal(t, map[rune]rune{
		'敍': '敘', '枱': '檯', '潀': '潨', '睪': '睾', '簷': '檐',
		'粧': '妝', '糭': '糉', '衞': '衛', '衹': '只',
	}, fold)
	for k := range fold {
		trad, simp := Classify(string(k))
		assert.Equal(t, [2]int{1, 0}, [2]int{trad, simp}, "Classify(%q)", k)
	}
}

func isCompat(r rune) bool {
	return r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		desc, src  string
		trad, simp int
	}{
		{"empty", "", 0, 0},
		{"ascii", "Hello", 0, 0},
		{"traditional", "頭髮乾淨", 3, 0},
		{"simplified", "头发干净", 0, 3},
		{"both scripts alike", "中文", 0, 0},
		{"characters of both scripts", "后干只里台乾著着吃么", 0, 0},
		{"taiwan forms", "裡綫衞", 3, 0},
		{"mixed", "電腦电脑", 2, 2},
		{"invalid UTF-8", "\xff發\xe4\xb8", 1, 0},
		{"astral simplified", "𫵷", 0, 1},
		{"compatibility ideograph", "\uf900", 0, 0},
		{"seed sentence", "為深入貫徹落實中白兩國元首達成的系列共識", 8, 0}, // 為貫徹實兩國達識
	} {
		t.Run(tc.desc, func(t *testing.T) {
			trad, simp := Classify(tc.src)
			assert.Equal(t, tc.trad, trad, "trad")
			assert.Equal(t, tc.simp, simp, "simp")
		})
	}
}

// TestClassifySets checks the generated sets against the converters: a
// traditional-only character changes under T→S, a simplified-only one
// under S→T, and none is both.
func TestClassifySets(t *testing.T) {
	ts, st := t2sConv(t), s2tConv(t)
	var ntrad, nsimp int
	for r := rune(0); r <= unicode.MaxRune; r++ {
		isTrad := inSet(r, tradLo, tradHi, tradBits, tradAstral)
		isSimp := inSet(r, simpLo, simpHi, simpBits, simpAstral)
		if !isTrad && !isSimp {
			continue
		}
		s := string(r)
		require.False(t, isTrad && isSimp, "%q is in both sets", r)
		if isTrad {
			ntrad++
			assert.NotEqual(t, s, ts.Convert(s), "traditional-only %q unchanged by T2S", r)
		} else {
			nsimp++
			assert.NotEqual(t, s, st.Convert(s), "simplified-only %q unchanged by S2T", r)
		}
	}
	assert.Greater(t, ntrad, 3000)
	assert.Greater(t, nsimp, 3000)
}

// hanLines returns the lines of file holding Han characters.
func hanLines(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	var lines []string
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.IndexFunc(line, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			lines = append(lines, line)
		}
	}
	return lines
}

// TestGolden compares with the output of opencc-js itself, made by
// testdata/golden.mjs.
func TestGolden(t *testing.T) {
	convs := map[string]*Converter{"t2s": t2sConv(t), "s2t": s2tConv(t)}
	for _, tc := range []struct{ input, golden, conv string }{
		{"../../testdata/seeds/001_04ade73db5640df0.txt", "testdata/seed001.t2s.golden", "t2s"},
		{"testdata/seed001.t2s.golden", "testdata/seed001.s2t.golden", "s2t"},
		{"testdata/cases.txt", "testdata/cases.t2s.golden", "t2s"},
		{"testdata/cases.txt", "testdata/cases.s2t.golden", "s2t"},
	} {
		t.Run(filepath.Base(tc.golden), func(t *testing.T) {
			in := hanLines(t, tc.input)
			b, err := os.ReadFile(tc.golden)
			require.NoError(t, err)
			want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			require.Len(t, want, len(in))
			c := convs[tc.conv]
			for i := range in {
				assert.Equal(t, want[i], c.Convert(in[i]), "line %d: %s", i+1, in[i])
			}
		})
	}
}

func TestLoadEmbedded(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		size       int
	}{{t2sName, t2sData, t2sSize}, {s2tName, s2tData, s2tSize}} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			c, err := load(tc.name, tc.data, tc.size)
			t.Logf("built in %v from %d compressed bytes", time.Since(start), len(tc.data))
			require.NoError(t, err)
			assert.Greater(t, len(c.nodes), 1000)
		})
	}
}

func TestParseErrors(t *testing.T) {
	good := "opencc test\n@pre 1\n\uf900\t豈\n@dict 4\n0發\t发\n0頭\t头\n1髮\n0髮\t发\n"
	c, err := parse("test", []byte(good))
	require.NoError(t, err)
	assert.Equal(t, "头发", c.Convert("頭髮"))
	assert.Equal(t, "发", c.Convert("發"))
	assert.Equal(t, "豈", c.Convert("\uf900"))

	for _, tc := range []struct{ desc, text, msg string }{
		{"empty", "", "test:1: unexpected end of data"},
		{"magic", "hello\n", "test:1: not an opencc table"},
		{"no pre", "opencc x\n@dict 0\n", `test:2: want "@pre"`},
		{"bad count", "opencc x\n@pre x\n", "test:2: bad count"},
		{"bad pre", "opencc x\n@pre 1\nab\n", "test:3: bad @pre line"},
		{"short", "opencc x\n@pre 0\n@dict 2\n0a\tb\n", "test:3: count 2 exceeds the lines left"},
		{"huge count", "opencc x\n@pre 99999999999\n", "test:2: count 99999999999 exceeds"},
		{"unterminated", "opencc x", "test:1: last line not terminated"},
		{"order", "opencc x\n@pre 0\n@dict 2\n0b\tc\n0a\tb\n", "test:5: keys out of order"},
		{"duplicate", "opencc x\n@pre 0\n@dict 2\n0a\tc\n0a\tb\n", "test:5: keys out of order"},
		{"prefix", "opencc x\n@pre 0\n@dict 1\n1a\tb\n", "test:4: shared prefix longer"},
		{"empty suffix", "opencc x\n@pre 0\n@dict 2\n0a\tb\n1\tc\n", "test:5: empty key suffix"},
		{"empty value", "opencc x\n@pre 0\n@dict 1\n0a\t\n", "test:4: empty value"},
		{"derived char", "opencc x\n@pre 0\n@dict 1\n0a\n", "test:4: single rune without value"},
		{"invalid key", "opencc x\n@pre 0\n@dict 1\n0\xff\tb\n", "test:4: invalid UTF-8 in key"},
		{"invalid value", "opencc x\n@pre 0\n@dict 1\n0a\t\xff\n", "test:4: invalid UTF-8 in value"},
		{"trailing", "opencc x\n@pre 0\n@dict 0\nmore\n", "test:4: trailing data"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := parse("test", []byte(tc.text))
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "test", pe.File)
			assert.Contains(t, err.Error(), "opencc: "+tc.msg)
		})
	}

	t.Run("gzip", func(t *testing.T) {
		_, err := load("bad.gz", "this is not gzip data", 10)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.ErrorIs(t, err, gzip.ErrHeader)
	})
	t.Run("size", func(t *testing.T) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		_, err := zw.Write([]byte(good))
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		_, err = load("x.gz", buf.String(), len(good)-1)
		assert.ErrorContains(t, err, "longer than recorded")
		_, err = load("x.gz", buf.String(), len(good)+1)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	})
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				ts, err := T2S()
				if !assert.NoError(t, err) {
					return
				}
				st, err := S2T()
				if !assert.NoError(t, err) {
					return
				}
				assert.Equal(t, benchSimp, ts.Convert(benchTrad))
				assert.Equal(t, "頭髮", st.Convert("头发"))
			}
		})
	}
	wg.Wait()
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"", "abc", benchTrad, benchSimp, "⿰⿰發", "⿰\uf900發", "\xff頭", "𠵾\U0002f800", "PN结", "乾隆衞生"} {
		f.Add(s)
	}
	ts, err := T2S()
	require.NoError(f, err)
	st, err := S2T()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		hasHan := strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
		for _, c := range []*Converter{ts, st} {
			got := c.Convert(s)
			if utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("Convert(%q) = %q, not valid UTF-8", s, got)
			}
			if ascii(got) != ascii(s) {
				t.Fatalf("Convert(%q) = %q changed the ASCII bytes", s, got)
			}
			if !hasHan && got != s {
				t.Fatalf("Convert(%q) = %q changed text without Han", s, got)
			}
		}
		trad, simp := Classify(s)
		if trad < 0 || simp < 0 || trad+simp > utf8.RuneCountInString(s) {
			t.Fatalf("Classify(%q) = %d, %d", s, trad, simp)
		}
	})
}

// ascii returns the ASCII bytes of s.
func ascii(s string) string {
	var b []byte
	for i := range len(s) {
		if s[i] < utf8.RuneSelf {
			b = append(b, s[i])
		}
	}
	return string(b)
}
