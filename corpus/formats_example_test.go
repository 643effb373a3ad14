package corpus_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

func ExampleNewXLIFFWriter() {
	w := corpus.NewXLIFFWriter(os.Stdout, corpus.ToolVersion("v1.0.0"),
		corpus.CreationDate(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)))
	w.Write(corpus.Unit{EN: "Tea. Coffee.", ZH: "茶與咖啡。", ENIDs: []int{1, 2}, ZHIDs: []int{1}, Score: 0.871,
		Doc: "menu.txt", Script: segment.Traditional})
	w.Write(corpus.Unit{EN: "Fish.", ZH: "鸡。", ENIDs: []int{3}, ZHIDs: []int{2}, Score: 0.12, Doc: "menu.txt"})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:zhenalign="https://github.com/zhenalign/zhenalign/xliff">
	//   <file original="menu.txt" source-language="en" target-language="zh-TW" datatype="plaintext" date="2024-05-06T07:08:09Z" tool-id="zhenalign">
	//     <header>
	//       <tool tool-id="zhenalign" tool-name="zhenalign" tool-version="v1.0.0"/>
	//     </header>
	//     <body>
	//       <trans-unit id="[1,2]:[1]" xml:space="preserve" zhenalign:score="0.8710" zhenalign:type="2-1" zhenalign:en-ids="1,2" zhenalign:zh-ids="1">
	//         <source>Tea. Coffee.</source>
	//         <target state="translated">茶與咖啡。</target>
	//         <note from="zhenalign">score 0.8710, link 2-1, English sentences 1,2, Chinese sentences 1</note>
	//       </trans-unit>
	//       <trans-unit id="[3]:[2]" xml:space="preserve" zhenalign:score="0.1200" zhenalign:type="1-1" zhenalign:en-ids="3" zhenalign:zh-ids="2">
	//         <source>Fish.</source>
	//         <target state="needs-review-translation">鸡。</target>
	//         <note from="zhenalign">score 0.1200, link 1-1, English sentences 3, Chinese sentences 2</note>
	//       </trans-unit>
	//     </body>
	//   </file>
	// </xliff>
}

func ExampleNewHFWriter() {
	w := corpus.NewHFWriter(os.Stdout, corpus.WithHash(corpus.ExactHash))
	w.Write(corpus.Unit{EN: "Hello.", ZH: "你好。", Score: 0.98})
	w.Write(corpus.Unit{EN: "Untranslated.", Score: 0.8}) // one side: left out
	w.Close()
	// Output:
	// {"translation":{"en":"Hello.","zh":"你好。"},"hash":"052c528fba1b0490"}
}

func ExampleHash() {
	// bifixer's hash of a pair: xxh64 of "Hello.\t你好。".
	fmt.Println(corpus.HashString(corpus.Hash("Hello.", "你好。")))
	// Near duplicates hash alike.
	fmt.Println(corpus.NearHash("Hello, World! (2022)", "你好，世界！") == corpus.NearHash("hello world", "你好世界"))
	fmt.Printf("%q\n", corpus.NearDupText("Café No. 5, ＴＯＫＹＯ"))
	// Output:
	// 052c528fba1b0490
	// true
	// "cafenotokyo"
}

func ExampleNewTSVReader() {
	r := corpus.NewTSVReader(strings.NewReader("Line one.\\nLine two.\t第一行。\\n第二行。\t0.9\nUntranslated.\t\t0.3\n"), "x.tsv")
	for r.Next() {
		u := r.Unit()
		fmt.Printf("%q %q %v %s\n", u.EN, u.ZH, u.Score, u.Type())
	}
	if err := r.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// "Line one.\nLine two." "第一行。\n第二行。" 0.9 1-1
	// "Untranslated." "" 0.3 1-0
}
