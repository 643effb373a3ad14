package corpus_test

import (
	"fmt"
	"os"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

func ExampleFilter() {
	units := []corpus.Unit{
		{EN: "Hello.", ZH: "你好。", ENIDs: []int{0}, ZHIDs: []int{0}, Score: 0.98},
		{EN: "Hello.", ZH: "你好。", ENIDs: []int{1}, ZHIDs: []int{1}, Score: 0.97},
		{EN: "A doubtful pair.", ZH: "可疑。", ENIDs: []int{2}, ZHIDs: []int{2}, Score: 0.3},
		{EN: "Hair.", ZH: "頭髮。", ENIDs: []int{3}, ZHIDs: []int{3}, Score: 0.9, Script: segment.Traditional},
	}
	f, err := corpus.NewFilter(corpus.MinScore(0.5), corpus.Dedup(), corpus.ConvertScript(corpus.ToSimplified))
	if err != nil {
		fmt.Println(err)
		return
	}
	w := f.Writer(corpus.NewTSVWriter(os.Stdout))
	for _, u := range units {
		if err := w.Write(u); err != nil {
			fmt.Println(err)
		}
	}
	w.Close()
	// Output:
	// Hello.	你好。	0.9800
	// Hair.	头发。	0.9000
}

func ExampleJSONLWriter() {
	w := corpus.NewJSONLWriter(os.Stdout)
	w.Write(corpus.Unit{EN: "Two sentences. Here.", ZH: "两句。", ENIDs: []int{0, 1}, ZHIDs: []int{0}, Score: 0.93, Doc: "a.txt"})
	w.Write(corpus.Unit{EN: "Untranslated.", ENIDs: []int{2}, Score: 0.8})
	w.Close()
	// Output:
	// {"en":"Two sentences. Here.","zh":"两句。","en_ids":[0,1],"zh_ids":[0],"type":"2-1","score":0.93,"doc":"a.txt"}
	// {"en":"Untranslated.","zh":"","en_ids":[2],"zh_ids":[],"type":"1-0","score":0.8}
}
