package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/zhenalign/zhenalign/segment"
)

// fuzzNames are the names FuzzRead reads its input under, for the
// extension.
var fuzzNames = [...]string{"", "a.txt", "a.html", "a.srt", "a.vtt", "a.docx", "a.odt", "a.epub"}

// checkText asserts the invariants of a Read result: an error and no text,
// or UTF-8 text without NUL that segment accepts (valid but for plain
// UTF-8 text, which is the input itself), hints inside Data,
// and for subtitles one cue per line.
func checkText(t *testing.T, data []byte, txt *Text, err error) {
	t.Helper()
	if err != nil {
		if txt != nil {
			t.Fatalf("text and error: %v", err)
		}
		for _, e := range []error{ErrFormat, ErrPDF, ErrEncoding, ErrMalformed, ErrTooLarge, ErrNoText} {
			if errors.Is(err, e) {
				return
			}
		}
		t.Fatalf("error wraps no Err value: %v", err)
	}
	if txt.Format == Auto || txt.Encoding == "" {
		t.Fatalf("format %v, encoding %q", txt.Format, txt.Encoding)
	}
	plainUTF8 := txt.Format == PlainText && txt.Encoding == encUTF8
	if !utf8.Valid(txt.Data) && !plainUTF8 {
		t.Fatalf("invalid UTF-8: %q", txt.Data)
	}
	if bytes.IndexByte(txt.Data, 0) >= 0 {
		t.Fatalf("NUL in %q", txt.Data)
	}
	if blank(txt.Data) {
		t.Fatalf("blank text without ErrNoText: %q", txt.Data)
	}
	if plainUTF8 && !bytes.Equal(data, txt.Data) {
		t.Fatalf("UTF-8 text changed: %q -> %q", data, txt.Data)
	}
	end := 0
	for _, h := range txt.Hints {
		if h.Start < end || h.End <= h.Start || h.End > len(txt.Data) || h.Lang == "" {
			t.Fatalf("hint %+v after %d in %d bytes", h, end, len(txt.Data))
		}
		if !utf8.RuneStart(txt.Data[h.Start]) || h.End < len(txt.Data) && !utf8.RuneStart(txt.Data[h.End]) {
			t.Fatalf("hint %+v cuts a character", h)
		}
		end = h.End
	}
	var opts []segment.Option
	if txt.Presplit {
		opts = append(opts, segment.Presplit())
		if txt.Data[len(txt.Data)-1] != '\n' || bytes.IndexByte(txt.Data, '\r') >= 0 {
			t.Fatalf("subtitle lines: %q", txt.Data)
		}
	} else if txt.Cues != nil {
		t.Fatalf("cues without Presplit")
	}
	doc, err := segment.Parse(txt.Data, opts...)
	if err != nil {
		t.Fatalf("segment rejects the text: %v", err)
	}
	if txt.Presplit && len(doc.Sentences) != len(txt.Cues) {
		t.Fatalf("%d cues, %d lines in %q", len(txt.Cues), len(doc.Sentences), txt.Data)
	}
}

func addFixtures(f *testing.F, glob string, add func([]byte)) {
	paths, _ := filepath.Glob(glob)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			add(b)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Hello.\n你好。\n", "<p>One<br>two</p>", "<html lang=en><p lang=zh>中</p>", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi\n",
		"1\n00:00:01,000 --> 00:00:02,000\n\n", "\xFF\xFEa\x00", "\xFE\xFF\x00a", "%PDF-1.4", "{\\rtf1}", "PK\x03\x04",
		"<?xml version=\"1.0\"?><html><body><p>x</p></body></html>", "<pre>\x00\r\n</pre>", "\xd6\xd8\xc7\xec",
	} {
		f.Add([]byte(s), uint8(0))
	}
	addFixtures(f, "testdata/subs/*", func(b []byte) { f.Add(b, uint8(0)) })
	addFixtures(f, "testdata/docs/*.odt", func(b []byte) { f.Add(b, uint8(6)) })
	addFixtures(f, "testdata/seeds/004.*", func(b []byte) { f.Add(b, uint8(0)) })
	f.Fuzz(func(t *testing.T, data []byte, n uint8) {
		txt, err := Read(data, fuzzNames[int(n)%len(fuzzNames)], WithMaxSize(1<<20))
		checkText(t, data, txt, err)
	})
}

func FuzzDOCX(f *testing.F) {
	for _, s := range []string{
		`<w:p><w:r><w:t>Chong</w:t></w:r><w:r><w:t>qing</w:t></w:r></w:p>`,
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:br/><w:t>中</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
		`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r></w:p>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		data := makeZip(t, map[string]string{"word/document.xml": docx(body)})
		txt, err := Read(data, "f.docx", WithMaxSize(1<<20))
		checkText(t, data, txt, err)
	})
}

func FuzzEPUB(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><body><p>Hi</p><p lang="zh">你好</p></body></html>`,
		`<html><body><p>not xml<br></body></html>`,
		`<?xml version="1.0"?><!DOCTYPE html><html><body><aside epub:type="footnote">n</aside><p>x</p></body></html>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, chapter string) {
		data := epub(t, chapter)
		txt, err := Read(data, "f.epub", WithMaxSize(1<<20))
		checkText(t, data, txt, err)
	})
}
