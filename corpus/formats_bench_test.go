package corpus_test

import (
	"io"
	"testing"

	"github.com/zhenalign/zhenalign/corpus"
)

// BenchmarkWriters writes 10,000 generated units in each format; the bytes
// are those of the units' texts.
//
//	go test ./corpus -run '^$' -bench Writers
func BenchmarkWriters(b *testing.B) {
	units := make([]corpus.Unit, 10000)
	var size int64
	for i := range units {
		units[i] = tmxBenchUnit(i)
		size += int64(len(units[i].EN) + len(units[i].ZH))
	}
	hash := corpus.WithHash(corpus.ExactHash)
	for _, bc := range []struct {
		name string
		mk   func(io.Writer) corpus.Writer
	}{
		{"tmx", func(w io.Writer) corpus.Writer { return corpus.NewTMXWriter(w) }},
		{"xliff", func(w io.Writer) corpus.Writer { return corpus.NewXLIFFWriter(w) }},
		{"jsonl", func(w io.Writer) corpus.Writer { return corpus.NewJSONLWriter(w) }},
		{"jsonl+hash", func(w io.Writer) corpus.Writer { return corpus.NewJSONLWriter(w, hash) }},
		{"hf", func(w io.Writer) corpus.Writer { return corpus.NewHFWriter(w) }},
		{"tsv", func(w io.Writer) corpus.Writer { return corpus.NewTSVWriter(w) }},
		{"parquet", func(w io.Writer) corpus.Writer { return corpus.NewParquetWriter(w) }},
		{"xlsx", func(w io.Writer) corpus.Writer { return corpus.NewXLSXWriter(w) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				w := bc.mk(io.Discard)
				for _, u := range units {
					if err := w.Write(u); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHash hashes the texts of a unit as --hash and --dedup do.
func BenchmarkHash(b *testing.B) {
	u := tmxBenchUnit(1)
	b.SetBytes(int64(len(u.EN) + len(u.ZH)))
	b.ReportAllocs()
	b.Run("exact", func(b *testing.B) {
		b.SetBytes(int64(len(u.EN) + len(u.ZH)))
		for b.Loop() {
			corpus.Hash(u.EN, u.ZH)
		}
	})
	b.Run("near", func(b *testing.B) {
		b.SetBytes(int64(len(u.EN) + len(u.ZH)))
		b.ReportAllocs()
		for b.Loop() {
			corpus.NearHash(u.EN, u.ZH)
		}
	})
}
