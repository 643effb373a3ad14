package review_test

import (
	"fmt"
	"io"
	"os"

	"github.com/zhenalign/zhenalign/review"
	"github.com/zhenalign/zhenalign/segment"
)

// A reviewer merges two links, splits the result again another way and
// confirms a link; the exports give a confirmed link the score 1.
func ExampleDoc() {
	en := []review.Sentence{
		{ID: 0, Text: "He came.", Lang: segment.English},
		{ID: 1, Text: "He sat down.", Lang: segment.English},
	}
	zh := []review.Sentence{
		{ID: 0, Text: "他来了，", Lang: segment.Chinese},
		{ID: 1, Text: "坐了下来。", Lang: segment.Chinese},
	}
	d, err := review.New("story.txt", en, zh, []review.Link{
		{EN: []int{0}, ZH: []int{0, 1}, Score: 0.6},
		{EN: []int{1}, Score: 0.3},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Merge(0)       // one 2-2 link, score 0.3
	d.Split(0, 1, 1) // 1-1 and 1-1, each 0.3
	d.Confirm(0, true)
	for _, u := range d.Units() {
		fmt.Printf("%s %.1f %s | %s\n", u.Type(), u.Score, u.EN, u.ZH)
	}
	fmt.Println(d.Check())
	// Output:
	// 1-1 1.0 He came. | 他来了，
	// 1-1 0.3 He sat down. | 坐了下来。
	// <nil>
}

// Export writes the links in one of the corpus formats.
func ExampleExport() {
	d, _ := review.New("", []review.Sentence{{Text: "Hello.", Lang: segment.English}},
		[]review.Sentence{{Text: "你好。", Lang: segment.Chinese}},
		[]review.Link{{EN: []int{0}, ZH: []int{0}, Score: 0.95}})
	review.Export(os.Stdout, d, "tsv", "")
	fmt.Println(review.Export(io.Discard, d, "docx", ""))
	// Output:
	// Hello.	你好。	0.9500
	// review: unknown export format: "docx" (want one of [tmx xliff tsv jsonl xlsx ladder])
}
