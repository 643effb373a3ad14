package cedict

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkLoad measures what the first call of Default costs: inflating
// and parsing the embedded data and building the index. retained-MB is the
// heap the resulting Dict keeps (HeapAlloc after a GC, less the baseline).
func BenchmarkLoad(b *testing.B) {
	b.SetBytes(embeddedTextSize)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := loadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "retained-MB")
	runtime.KeepAlive(d)
}

// BenchmarkParse is BenchmarkLoad without the inflating.
func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	if err := inflate(&sb, embedded[:embeddedSplit], embeddedTextSplit); err != nil {
		b.Fatal(err)
	}
	if err := inflate(&sb, embedded[embeddedSplit:], embeddedTextSize-embeddedTextSplit); err != nil {
		b.Fatal(err)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(text, embeddedName); err != nil {
			b.Fatal(err)
		}
	}
}

// benchWords are the words of a segmented Chinese sentence, with one
// traditional form and one miss.
var benchWords = []string{"中国", "经济", "的", "发展", "推进", "了", "改革", "开放", "經濟", "和", "对外", "贸易", "不是词"}

func benchBytes() int64 {
	n := 0
	for _, w := range benchWords {
		n += len(w)
	}
	return int64(n)
}

func BenchmarkLookup(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			d.Lookup(w)
		}
	}
}

func BenchmarkAppendWords(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchBytes())
	b.ReportAllocs()
	var dst []string
	for b.Loop() {
		for _, w := range benchWords {
			dst = d.AppendWords(dst[:0], w)
		}
	}
}

func BenchmarkReadings(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	const text = "中国经济的发展推进了改革开放和对外贸易"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range text {
			d.Readings(r)
		}
	}
}

// TestEmbedded checks the embedded data against what gen.go recorded, and
// that every entry prints back as the line it came from.
func TestEmbedded(t *testing.T) {
	d, err := Default()
	require.NoError(t, err)
	assert.Equal(t, embeddedEntries, d.Len())
	assert.Len(t, d.text, embeddedTextSize)
	var lines []string
	for _, l := range strings.Split(d.text, "\n") {
		if l != "" && l[0] != '#' {
			lines = append(lines, l)
		}
	}
	require.Len(t, lines, d.Len())
	i := 0
	for e := range d.All() {
		if s := e.String(); s != lines[i] {
			assert.Equal(t, lines[i], s, "entry %d", i)
			break
		}
		i++
	}
}

// TestParseParts checks that cutting the input into pieces parsed at once
// changes neither the result nor the line numbers in errors.
func TestParseParts(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("\uFEFF# comment\n")
	for i := range 50 {
		fmt.Fprintf(&sb, "經濟%d 经济%d [jing1 ji4] /economy (%d)/economic/variant of 經濟[jing1 ji4]/\r\n", i%7, i%7, i)
		if i%9 == 0 {
			sb.WriteString("\n# another comment\n")
		}
	}
	in := sb.String()
	want, err := parseParts(in, "in", 1)
	require.NoError(t, err)
	for k := 2; k <= 6; k++ {
		got, err := parseParts(in, "in", k)
		require.NoError(t, err)
		assert.Equal(t, slices.Collect(want.All()), slices.Collect(got.All()), "k=%d", k)
		assert.Equal(t, slices.Collect(want.Headwords()), slices.Collect(got.Headwords()), "k=%d", k)
		for i := range 7 {
			w := "经济" + strconv.Itoa(i)
			assert.Equal(t, want.Lookup(w), got.Lookup(w), "k=%d", k)
			assert.Equal(t, want.Words(w), got.Words(w), "k=%d", k)
		}
	}
	lines := strings.SplitAfter(in, "\n")
	for _, bad := range []int{2, len(lines) / 2, len(lines) - 1} {
		broken := slices.Clone(lines)
		broken[bad-1] = "broken\n"
		for k := 1; k <= 6; k++ {
			_, err := parseParts(strings.Join(broken, ""), "in", k)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, bad, pe.Line, "k=%d", k)
		}
	}
}
