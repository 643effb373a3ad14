// Copyright 2026 The zhenalign Authors. All rights reserved.

package opencc_test

import (
	"fmt"

	"github.com/zhenalign/zhenalign/internal/opencc"
)

func ExampleT2S() {
	t2s, err := opencc.T2S()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t2s.Convert("他的頭髮乾淨，後來去了重慶。"))
	fmt.Println(t2s.Convert("乾隆年間，衞生"))
	// Output:
	// 他的头发干净，后来去了重庆。
	// 乾隆年间，卫生
}

func ExampleS2T() {
	s2t, err := opencc.S2T()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s2t.Convert("他的头发干净，后来去了皇后镇。"))
	// Output:
	// 他的頭髮乾淨，後來去了皇后鎮。
}

func ExampleConverter_Convert() {
	t2s, err := opencc.T2S()
	if err != nil {
		fmt.Println(err)
		return
	}
	// ASCII, text that is already simplified and invalid UTF-8 pass through.
	fmt.Printf("%q\n", t2s.Convert("GDP 發展 \xff 发展"))
	// Output:
	// "GDP 发展 \xff 发展"
}

func ExampleClassify() {
	for _, s := range []string{"經濟發展", "经济发展", "中文", "皇后", "電腦电脑"} {
		trad, simp := opencc.Classify(s)
		fmt.Println(s, trad, simp)
	}
	// Output:
	// 經濟發展 3 0
	// 经济发展 0 3
	// 中文 0 0
	// 皇后 0 0
	// 電腦电脑 2 2
}
