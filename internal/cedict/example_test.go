package cedict_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zhenalign/zhenalign/internal/cedict"
)

func ExampleDict_Lookup() {
	d, err := cedict.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Lookup("头发") {
		fmt.Println(e.Trad, e.Simp, e.Pinyin)
		fmt.Printf("%q → %q\n", e.Senses, e.Glosses)
	}
	// Output:
	// 頭髮 头发 tou2 fa5
	// ["hair (on the head)"] → ["hair"]
}

func ExampleDict_Words() {
	d, err := cedict.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Words("经济"))
	fmt.Println(d.Words("經貿")) // traditional headwords work too
	// Output:
	// [economy economic]
	// [economy trade]
}

func ExampleDict_Readings() {
	d, err := cedict.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Readings('重'))
	// Output:
	// [chong2 zhong4]
}

func ExampleParse() {
	const dict = `# my glossary
推進 推进 [tui1 jin4] /to push forward; to promote; to advance/CL:個|个[ge4]/
昰 是 [shi4] /variant of 是[shi4]/
是 是 [shi4] /is; are; am/yes/correct; right; true/
`
	d, err := cedict.Parse(strings.NewReader(dict), "glossary.u8")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Len(), d.Lookup("推進")[0].Glosses)
	fmt.Println(d.Words("昰"))
	fmt.Println(slices.Collect(d.Headwords()))

	_, err = cedict.Parse(strings.NewReader("推進 推进 /to advance/\n"), "bad.u8")
	fmt.Println(err)
	// Output:
	// 3 [push forward promote advance]
	// [yes correct right true]
	// [推进 是]
	// bad.u8:1: cedict: malformed line: missing "[" before the pinyin
}
