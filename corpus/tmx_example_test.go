package corpus_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

func ExampleNewTMXWriter() {
	w := corpus.NewTMXWriter(os.Stdout, corpus.ToolVersion("v1.0.0"),
		corpus.CreationDate(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)))
	units := []corpus.Unit{
		{EN: "Fish & chips.", ZH: "炸鱼薯条。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.93, Doc: "menu.txt",
			Script: segment.Simplified},
		{EN: "Tea. Coffee.", ZH: "茶與咖啡。", ENIDs: []int{1, 2}, ZHIDs: []int{1}, Score: 0.871,
			Script: segment.Traditional},
	}
	for _, u := range units {
		if err := w.Write(u); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	for _, warning := range w.Warnings() {
		fmt.Println(warning)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="zhenalign" creationtoolversion="v1.0.0" segtype="sentence" o-tmf="zhenalign" adminlang="en" srclang="en" datatype="plaintext" creationdate="20240506T070809Z"></header>
	//   <body>
	//     <tu tuid="menu.txt#[0]:[0]" creationdate="20240506T070809Z">
	//       <prop type="x-AlignScore">0.9300</prop>
	//       <prop type="x-AlignType">1-1</prop>
	//       <prop type="x-EnglishIds">0</prop>
	//       <prop type="x-ChineseIds">0</prop>
	//       <prop type="x-Document">menu.txt</prop>
	//       <tuv xml:lang="en">
	//         <seg>Fish &amp; chips.</seg>
	//       </tuv>
	//       <tuv xml:lang="zh-CN">
	//         <seg>炸鱼薯条。</seg>
	//       </tuv>
	//     </tu>
	//     <tu tuid="[1,2]:[1]" creationdate="20240506T070809Z">
	//       <prop type="x-AlignScore">0.8710</prop>
	//       <prop type="x-AlignType">2-1</prop>
	//       <prop type="x-EnglishIds">1,2</prop>
	//       <prop type="x-ChineseIds">1</prop>
	//       <tuv xml:lang="en">
	//         <seg>Tea. Coffee.</seg>
	//       </tuv>
	//       <tuv xml:lang="zh-CN">
	//         <seg>茶與咖啡。</seg>
	//       </tuv>
	//     </tu>
	//   </body>
	// </tmx>
	// corpus: Chinese script and language tag disagree: 1 unit in traditional script tagged zh-CN (convert the script, or set the tag)
}

func ExampleNewTMXReader() {
	const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en-US" segtype="sentence"/>
  <body>
    <tu>
      <prop type="x-AlignScore">0.75</prop>
      <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="zh-TW"><seg>按<hi>儲存</hi>。</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>No Chinese here.</seg></tuv>
    </tu>
  </body>
<!-- cut here`
	r := corpus.NewTMXReader(strings.NewReader(tmx), "memory.tmx")
	for r.Next() {
		u := r.Unit()
		fmt.Printf("%q %q %.2f %q\n", u.EN, u.ZH, u.Score, u.Script)
	}
	if err := r.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// "Press Save." "按儲存。" 0.75 "hant"
	// "No Chinese here." "" 1.00 ""
	// memory.tmx:14: XML syntax error on line 14: unexpected EOF
}
