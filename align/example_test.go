package align_test

import (
	"fmt"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/segment"
)

func ExampleAligner_Align() {
	zh, _ := segment.Parse([]byte("2022年11月15日，重庆举行论坛。\n王雯主持会议。\n约50家企业出席，其中12家来自白俄罗斯。"), segment.Presplit())
	en, _ := segment.Parse([]byte("On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired the meeting.\nAbout 50 businesses attended.\n12 of them came from Belarus."), segment.Presplit())
	links, err := align.New().Align(zh.Sentences, en.Sentences)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l.Src, l.Tgt, l.Score > 0.5)
	}
	// Output:
	// [0] [0] true
	// [1] [1] true
	// [2] [2 3] true
}

func ExampleAligner_AlignMixed() {
	page := "Nearly 50 business representatives from Chongqing and Belarus attended the forum.雙方近50家企業代表出席論壇。\n" +
		"The Forum was co-hosted by Wang Wen on November 15th.\n論壇於11月15日由王雯主持。\n來源/重慶外事微信公眾號\n"
	doc, err := segment.Parse([]byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := align.New().AlignMixed(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p := range res.Pairs(align.Paragraphs) {
		fmt.Printf("%v %v %q | %q\n", p.ENIDs, p.ZHIDs, p.EN, p.ZH)
	}
	// Output:
	// [0] [0] "Nearly 50 business representatives from Chongqing and Belarus attended the forum." | "雙方近50家企業代表出席論壇。"
	// [1] [1] "The Forum was co-hosted by Wang Wen on November 15th." | "論壇於11月15日由王雯主持。"
	// [] [2] "" | "來源/重慶外事微信公眾號"
}

func ExampleAligner_AlignTexts() {
	english := "The forum was held online on November 15th, 2022.\nNearly 50 businesses attended it."
	chinese := "2022年11月15日，论坛以线上形式举行。\n近50家企业出席论坛。"
	res, err := align.New().AlignTexts(english, chinese)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p := range res.Pairs(align.Sentences) {
		fmt.Printf("%s | %s\n", p.EN, p.ZH)
	}
	// Output:
	// The forum was held online on November 15th, 2022. | 2022年11月15日，论坛以线上形式举行。
	// Nearly 50 businesses attended it. | 近50家企业出席论坛。
}
