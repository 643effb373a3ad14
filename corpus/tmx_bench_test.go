package corpus_test

import (
	"bufio"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// go test ./corpus -run '^$' -bench TMXRead -benchtime 1x -tmxsize 100
var tmxSizeMB = flag.Int("tmxsize", 10, "size in MB of the TMX document BenchmarkTMXRead reads")

// tmxBenchPairs are the texts of the generated units.
var tmxBenchPairs = [][2]string{
	{"The forum was co-hosted by the Director-General of the Foreign Affairs Office and the Consul-General in Chongqing.",
		"论坛由市政府外办主任和驻重庆总领事共同主持。"},
	{"In 2022, trade between the two sides reached 5.3 billion US dollars, up 12.4% year on year.",
		"2022年，双方贸易额达到53亿美元，同比增长12.4%。"},
	{"Both sides agreed to deepen cooperation in logistics, agriculture & education <including exchanges>.",
		"雙方同意深化在物流、農業和教育（包括交流）等領域的合作。"},
	{"He said: \"We welcome more companies to invest here.\"\nA second paragraph follows.",
		"他说：“我们欢迎更多企业来此投资。”\n第二段随后。"},
}

// tmxBenchUnit returns the i-th generated unit.
func tmxBenchUnit(i int) corpus.Unit {
	p := tmxBenchPairs[i%len(tmxBenchPairs)]
	n := strconv.Itoa(i)
	script := segment.Simplified
	if i%len(tmxBenchPairs) == 2 {
		script = segment.Traditional
	}
	return corpus.Unit{EN: p[0] + " #" + n, ZH: p[1] + "第" + n + "条", ENIDs: []int{i}, ZHIDs: []int{i},
		Score: float64(i%10000) / 10000, Doc: "bench.txt", Script: script}
}

// tmxCountWriter counts the bytes written through it.
type tmxCountWriter struct {
	w io.Writer
	n int64
}

func (c *tmxCountWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeBenchTMX writes a TMX document of at least size bytes to path and
// returns its size and number of units.
func writeBenchTMX(b *testing.B, path string, size int64) (int64, int) {
	f, err := os.Create(path)
	require.NoError(b, err)
	defer f.Close()
	bw := bufio.NewWriter(f)
	cw := &tmxCountWriter{w: bw}
	w := corpus.NewTMXWriter(cw)
	n := 0
	for ; cw.n < size; n++ {
		require.NoError(b, w.Write(tmxBenchUnit(n)))
	}
	require.NoError(b, w.Close())
	require.NoError(b, bw.Flush())
	require.NoError(b, f.Close())
	return cw.n, n
}

// BenchmarkTMXRead reads a generated document of -tmxsize MB (10 by
// default) from a file and reports the peak of the heap in use while
// reading, which stays flat whatever the size.
func BenchmarkTMXRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.tmx")
	size, units := writeBenchTMX(b, path, int64(*tmxSizeMB)<<20)
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := ms.HeapInuse
	for b.Loop() {
		f, err := os.Open(path)
		require.NoError(b, err)
		tr := corpus.NewTMXReader(f, path)
		n := 0
		for tr.Next() {
			n++
			if n%2048 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
		require.NoError(b, tr.Err())
		require.Equal(b, units, n)
		f.Close()
	}
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak")
	b.ReportMetric(float64(units), "units/op")
}

// BenchmarkTMXWrite writes 10,000 units.
func BenchmarkTMXWrite(b *testing.B) {
	const n = 10000
	units := make([]corpus.Unit, n)
	for i := range units {
		units[i] = tmxBenchUnit(i)
	}
	cw := &tmxCountWriter{w: io.Discard}
	b.ReportAllocs()
	for b.Loop() {
		cw.n = 0
		w := corpus.NewTMXWriter(cw)
		for _, u := range units {
			if err := w.Write(u); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(cw.n)
}
