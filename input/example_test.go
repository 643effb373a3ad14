package input_test

import (
	"errors"
	"fmt"

	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/segment"
)

func ExampleRead() {
	page := []byte(`<!DOCTYPE html>
<html lang="en"><head><title>News</title><script>track()</script></head>
<body><nav><a href="/">Home</a></nav>
<article><p>Chongqing held a forum.</p><p lang="zh-Hans">重庆举办了论坛。</p></article>
<footer>© 2023</footer></body></html>`)
	t, err := input.Read(page, "news.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %s\n%s", t.Format, t.Encoding, t.Data)
	for _, h := range t.Hints {
		fmt.Printf("%s: %q\n", h.Lang, t.Data[h.Start:h.End])
	}
	// Output:
	// html UTF-8
	// Chongqing held a forum.
	// 重庆举办了论坛。
	// en: "Chongqing held a forum."
	// zh-Hans: "重庆举办了论坛。"
}

func ExampleRead_gb18030() {
	// "重庆与世界" in GB18030, as mainland archives still store it.
	data := []byte("Chongqing and the World\n\xd6\xd8\xc7\xec\xd3\xeb\xca\xc0\xbd\xe7\n")
	t, err := input.Read(data, "magazine.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %s\n%s", t.Format, t.Encoding, t.Data)
	// Output:
	// text GB18030
	// Chongqing and the World
	// 重庆与世界
}

func ExampleRead_subtitles() {
	srt := []byte("1\n00:00:01,000 --> 00:00:03,200\n<i>Chongqing, 1943.</i>\n\n" +
		"2\n00:00:03,500 --> 00:00:06,000\n- Where are you going?\n- To the river.\n")
	t, err := input.Read(srt, "film.en.srt")
	if err != nil {
		fmt.Println(err)
		return
	}
	// One sentence per line: parse with segment.Presplit.
	doc, err := segment.Parse(t.Data, segment.Presplit())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range doc.Sentences {
		fmt.Printf("%s  %s\n", t.Cues[i], s.Text)
	}
	// Output:
	// 00:00:01.000 --> 00:00:03.200  Chongqing, 1943.
	// 00:00:03.500 --> 00:00:06.000  - Where are you going? - To the river.
}

func ExampleReadFile() {
	t, err := input.ReadFile("testdata/docs/features.docx")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n%s", t.Format, t.Data)
	// Output:
	// docx
	// Chongqing and the World
	// Name:	Chongqing
	// First line
	// second line
	// Shown again.
	// English cell
	// 中文單元格
	// Tree
	// 樹
	// 重慶與世界。
}

func ExampleParseFormat() {
	f, err := input.ParseFormat("WebVTT")
	fmt.Println(f, err)
	_, err = input.ParseFormat("pdf")
	fmt.Println(errors.Is(err, input.ErrPDF))
	// Output:
	// vtt <nil>
	// true
}

func ExampleWithEncoding() {
	// Big5 bytes of "樹" (tree), too short to detect: name the encoding.
	t, err := input.Read([]byte("\xbe\xf0"), "tree.txt", input.WithEncoding("big5"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Encoding, string(t.Data))
	// Output:
	// Big5 樹
}

func ExampleWithFormat() {
	// Markup in a text file is text when the format is forced.
	t, err := input.Read([]byte("<p> marks a paragraph"), "notes", input.WithFormat(input.PlainText))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(t.Data))
	// Output:
	// <p> marks a paragraph
}

func ExampleCue_String() {
	fmt.Println(input.Cue{Start: 62500e6, End: 64e9})
	// Output:
	// 00:01:02.500 --> 00:01:04.000
}
