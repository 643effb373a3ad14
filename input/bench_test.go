package input

import (
	"os"
	"testing"
)

// BenchmarkRead reads each fixture kind; SetBytes counts the input bytes.
func BenchmarkRead(b *testing.B) {
	for _, bc := range []struct{ name, file string }{
		{"text-utf8", "../testdata/seeds/001_04ade73db5640df0.txt"},
		{"text-gb18030", "testdata/seeds/000.gb18030.txt"},
		{"text-big5", "testdata/seeds/000.big5.txt"},
		{"text-utf16", "testdata/seeds/000.utf16le.txt"},
		{"html", "testdata/seeds/000.html"},
		{"html-gb18030", "testdata/seeds/000.gb18030.html"},
		{"docx", "testdata/seeds/000.docx"},
		{"odt", "testdata/seeds/000.odt"},
		{"epub", "testdata/seeds/000.epub"},
		{"srt", "testdata/subs/film.zh.srt"},
		{"vtt", "testdata/subs/film.en.vtt"},
	} {
		data, err := os.ReadFile(bc.file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data, bc.file); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
