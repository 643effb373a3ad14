// Command strings aligns an English and a Chinese text given as Go strings
// and prints the sentence pairs with their scores.
//
//	go run ./examples/strings
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/zhenalign/zhenalign/align"
)

const english = `The China-Belarus forum was held online on November 15th, 2022. Nearly 50 business representatives attended it.
Wang Wen, Director-General of the Foreign Affairs Office, chaired the forum. She said the two sides would deepen cooperation in trade and investment.`

const chinese = `2022年11月15日，中白论坛以线上形式举行。双方近50家企业代表出席论坛。
论坛由市政府外办主任王雯主持。她表示，双方将深化经贸和投资合作。`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	res, err := align.New().AlignTexts(english, chinese)
	if err != nil {
		return err
	}
	for p := range res.Pairs(align.Sentences) {
		fmt.Fprintf(w, "%.2f  %s\n      %s\n", p.Score, p.EN, p.ZH)
	}
	return nil
}
