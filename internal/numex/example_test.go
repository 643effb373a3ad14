package numex_test

import (
	"fmt"

	"github.com/zhenalign/zhenalign/internal/numex"
)

func ExampleEnglish() {
	s := "On November 15th, 2022, nearly 50 business representatives attended."
	for _, n := range numex.English(s) {
		fmt.Printf("%-8s %6g %-6s %q\n", n.Kind, n.Value, n.Flags, s[n.Start:n.End])
	}
	// Output:
	// month        11        "November"
	// day          15        "15th"
	// year       2022        "2022"
	// cardinal     50 approx "50"
}

func ExampleChinese() {
	s := "2022年11月15日，双方近50家企业代表出席，捐赠40万只口罩。"
	for _, n := range numex.Chinese(s) {
		fmt.Printf("%-8s %6g %-6s %q\n", n.Kind, n.Value, n.Flags, s[n.Start:n.End])
	}
	// Output:
	// year       2022        "2022年"
	// month        11        "11月"
	// day          15        "15日"
	// cardinal     50 approx "50"
	// cardinal 400000        "40万"
}

func ExampleMatch() {
	en := numex.English("Donating 400,000 masks on February 18th")
	zh := numex.Chinese("2月18日，捐赠40万只口罩")
	matched, total := numex.Match(en, zh)
	fmt.Printf("%.2f of %.2f\n", matched, total)

	// A different date on the Chinese side.
	zh = numex.Chinese("2月19日，捐赠40万只口罩")
	matched, total = numex.Match(en, zh)
	fmt.Printf("%.2f of %.2f\n", matched, total)
	// Output:
	// 3.90 of 3.90
	// 2.90 of 3.90
}

func ExampleSimilarity() {
	en := numex.English("21 June 1989")
	fmt.Printf("%.2f\n", numex.Similarity(en, numex.Chinese("一九八九年六月二十一日")))
	fmt.Printf("%.2f\n", numex.Similarity(en, numex.Chinese("一九八九年六月二十二日")))
	// Output:
	// 1.00
	// 0.76
}

func ExampleNumber_Matches() {
	en := numex.English("the 20th CPC National Congress")[0]
	zh := numex.Chinese("党的二十大")[0]
	fmt.Println(en.Kind, zh.Kind, en.Matches(zh))
	// Output:
	// ordinal cardinal true
}

func ExampleAppendChinese() {
	var buf []numex.Number
	for _, s := range []string{"百余名党员", "第44个植树节"} {
		buf = numex.AppendChinese(buf[:0], s)
		fmt.Println(buf)
	}
	// Output:
	// [cardinal 100 approx [0:6]]
	// [ordinal 44 [0:5]]
}
