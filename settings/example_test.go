package settings_test

import (
	"flag"
	"fmt"
	"os"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/settings"
)

// A program declares the flags, parses them, checks them, and turns them
// into the options of align and corpus.
func Example() {
	fs := flag.NewFlagSet("example", flag.ContinueOnError)
	al := settings.NewAlignment(fs)
	out := settings.NewOutput(fs, "jsonl", settings.Formats)
	if err := fs.Parse([]string{"-f", "hf", "--min-score", "0.9", "--presplit"}); err != nil {
		fmt.Println(err)
		return
	}
	if err := al.Check(); err != nil {
		fmt.Println(err)
		return
	}
	if err := out.Check(); err != nil {
		fmt.Println(err)
		return
	}
	opts, _ := al.Options()
	res, _ := align.New(opts...).AlignTexts("Wang Wen chaired the forum.\nIt was held online.", "王雯主持论坛。\n论坛以线上形式举行。")
	filter, _ := out.Filter()
	w, _ := out.NewWriter(os.Stdout, al.Level, false, "example")
	for _, u := range corpus.FromAlignment(res, al.Level, "") {
		if filter.Keep(&u) {
			w.Write(u)
		}
	}
	w.Close()
	// Output:
	// {"translation":{"en":"Wang Wen chaired the forum.","zh":"王雯主持论坛。"}}
	// {"translation":{"en":"It was held online.","zh":"论坛以线上形式举行。"}}
}
