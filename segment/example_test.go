package segment_test

import (
	"fmt"

	"github.com/zhenalign/zhenalign/segment"
)

func ExampleParse() {
	text := "The forum was held online.Nearly 50 businesses attended.雙方近50家企業(yè)代表出席論壇。"
	doc, err := segment.Parse([]byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range doc.Sentences {
		fmt.Printf("%d %s [%d,%d) %s | %s\n", s.Para, s.Lang, s.Start, s.End, s.Text, s.Norm)
	}
	// Output:
	// 0 en [0,26) The forum was held online. | The forum was held online.
	// 0 en [26,56) Nearly 50 businesses attended. | Nearly 50 businesses attended.
	// 1 zh [56,102) 雙方近50家企業代表出席論壇。 | 双方近50家企业代表出席论坛。
}

func ExamplePresplit() {
	doc, err := segment.Parse([]byte("第一句。第二句。\nOne. Two.\n"), segment.Presplit())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range doc.Sentences {
		fmt.Println(i, s.Lang, s.Text)
	}
	// Output:
	// 0 zh 第一句。第二句。
	// 1 en One. Two.
}

func ExampleSegmenter_Sentences() {
	s := segment.New()
	for sent := range s.Sentences([]byte("他说：“你好吗？”我说：“很好！”")) {
		fmt.Println(sent.Text)
	}
	// Output:
	// 他说：“你好吗？”
	// 我说：“很好！”
}

func ExampleDocument_Empty() {
	for _, text := range []string{"", " \n\t\n", "\n\n", "2023-03-11", "他來了。"} {
		doc, err := segment.Parse([]byte(text), segment.Presplit())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%q: Empty %v, sentences %d\n", text, doc.Empty(), len(doc.Sentences))
	}
	// Output:
	// "": Empty true, sentences 0
	// " \n\t\n": Empty true, sentences 2
	// "\n\n": Empty true, sentences 2
	// "2023-03-11": Empty false, sentences 1
	// "他來了。": Empty false, sentences 1
}

func ExampleScriptOf() {
	fmt.Println(segment.ScriptOf("頭髮乾淨。"), segment.ScriptOf("头发干净。"), segment.ScriptOf("Clean hair.") == segment.NoScript)
	// Output: hant hans true
}
