package eval_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/eval"
)

func ExampleReadLadder() {
	links, err := eval.ReadLadder(strings.NewReader("[0,1]:[0]\n[2]:[1,2]:0.93\n[3]:[]\n"), "001.align")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l.Src, l.Tgt)
	}
	// Output:
	// [0 1] [0]
	// [2] [1 2]
	// [3] []
}

func ExampleParseError() {
	_, err := eval.ReadLadder(strings.NewReader("[0]:[0]\n[1]-[1]\n"), "001.align")
	var pe *eval.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.File, pe.Line, errors.Is(err, eval.ErrBadLink))
	}
	fmt.Println(err)
	// Output:
	// 001.align 2 true
	// 001.align:2: eval: bad ladder line "[1]-[1]"
}

func ExampleScoreLadders() {
	gold := []eval.Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1, 2}}, {Src: []int{2}, Tgt: []int{}}}
	pred := []eval.Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}, {Src: []int{}, Tgt: []int{2}}, {Src: []int{2}, Tgt: []int{}}}
	s := eval.ScoreLadders([]eval.DocPair{{Name: "001", Gold: gold, Pred: pred}})
	fmt.Println(s)
	fmt.Println(s.Strict.P, s.Strict.R, s.Lax.P, s.Lax.R)
	// Output:
	// docs=1 gold=3 pred=4  paper P=0.500 R=0.667 F1=0.571  strict F1=0.500  lax F1=0.857
	// 0.5 0.5 0.75 1
}

func ExampleNormalize() {
	fmt.Println(Normalize("經(jīng)貿(mào) 合作。"))
	fmt.Println(Normalize("  “Straße”, ＡＢＣ! "))
	// Output:
	// 經貿合作
	// strasse”,abc
}

// Normalize is eval.Normalize; the alias keeps the example short.
var Normalize = eval.Normalize

func ExampleScorePairs() {
	gold := []corpus.Unit{
		{EN: "The forum was held online.", ZH: "論壇以線上形式舉行。"},
		{EN: "It was a success.", ZH: "論壇取得成功。"},
	}
	pred := []corpus.Unit{
		{EN: "The forum was held online", ZH: "論壇以線上形式舉行"}, // equal after normalising
		{EN: "It was a success. Thanks.", ZH: "論壇取得成功。"},   // contains the gold English
		{EN: "", ZH: "多餘的句子。"},                             // one side empty: ignored
	}
	fmt.Println(eval.ScorePairs(gold, pred))
	// Output:
	// gold=2 pred=2  strict P=0.500 R=0.500 F1=0.500  lax P=1.000 R=1.000 F1=1.000
}

// An alignment's units score directly against gold pairs.
func ExampleScorePairs_alignment() {
	a, err := align.New().AlignSources(
		align.Source{Data: []byte("論壇以線上形式舉行。論壇取得成功。")},
		align.Source{Data: []byte("The forum was held online. It was a success.")})
	if err != nil {
		fmt.Println(err)
		return
	}
	gold := []corpus.Unit{
		{EN: "The forum was held online.", ZH: "論壇以線上形式舉行。"},
		{EN: "It was a success.", ZH: "論壇取得成功。"},
	}
	fmt.Println(eval.ScorePairs(gold, corpus.FromAlignment(a, corpus.Sentences, "")))
	// Output:
	// gold=2 pred=2  strict P=1.000 R=1.000 F1=1.000  lax P=1.000 R=1.000 F1=1.000
}

func ExampleReadPairs() {
	src := `{"en": ["One.", "Two."], "zh": ["一。", "二。"], "score": 0.9}
{"en": null, "zh": "三。"}
`
	pairs, err := eval.ReadPairs(strings.NewReader(src), "pairs.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pairs {
		fmt.Printf("%q %q\n", p.EN, p.ZH)
	}
	// Output:
	// "One. Two." "一。二。"
	// "" "三。"
}

func ExamplePairScore_MarshalJSON() {
	s := eval.ScorePairs([]corpus.Unit{{EN: "A b", ZH: "甲乙"}}, []corpus.Unit{{EN: "a B.", ZH: "甲乙。"}})
	b, err := json.Marshal(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"gold":1,"pred":1,"strict":{"p":1.0,"r":1.0,"f1":1.0},"lax":{"p":1.0,"r":1.0,"f1":1.0}}
}

func ExampleReadScoredLadder() {
	links, err := eval.ReadScoredLadder(strings.NewReader("[0,1]:[0]:0.9990\n[2]:[]:0.4120\n"), "001.align")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range links {
		fmt.Println(l, l.Score)
	}
	_, err = eval.ReadScoredLadder(strings.NewReader("[0]:[0]:1\n[1]:[1]\n"), "002.align")
	fmt.Println(err)
	// Output:
	// [0,1]:[0] 0.999
	// [2]:[] 0.412
	// 002.align:2: eval: link without a score
}

func ExampleCalibrate() {
	gold := []eval.Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}, {Src: []int{2}, Tgt: []int{}}}
	pred := []eval.Link{
		{Src: []int{0}, Tgt: []int{0}, Score: 0.95}, // right
		{Src: []int{1}, Tgt: []int{2}, Score: 0.85}, // wrong
		{Src: []int{2}, Tgt: []int{}, Score: 0.35},  // right, a null link
		{Src: []int{}, Tgt: []int{2}, Score: 0.05},  // wrong, a null link
	}
	c, err := eval.Calibrate([]eval.DocPair{{Name: "001", Gold: gold, Pred: pred}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c) // as calib.py prints it
	for _, b := range c.All.Bins {
		if b.Links > 0 {
			fmt.Printf("%.1f-%.1f: %d links, mean score %.2f, right %.2f\n", b.Lo, b.Hi, b.Links, b.MeanScore, b.Right)
		}
	}
	// Output:
	// all {'links': 4, 'ece': 0.4, 'mean_score': 0.55, 'right': 0.5}
	// null {'links': 2, 'ece': 0.35, 'mean_score': 0.2, 'right': 0.5}
	// 0.0-0.1: 1 links, mean score 0.05, right 0.00
	// 0.3-0.4: 1 links, mean score 0.35, right 1.00
	// 0.8-0.9: 1 links, mean score 0.85, right 0.00
	// 0.9-1.0: 1 links, mean score 0.95, right 1.00
}

func ExampleCalibration_MarshalJSON() {
	c, err := eval.Calibrate([]eval.DocPair{{
		Gold: []eval.Link{{Src: []int{0}, Tgt: []int{0}}},
		Pred: []eval.Link{{Src: []int{0}, Tgt: []int{0}, Score: 0.9}, {Src: []int{1}, Tgt: []int{1}, Score: 0.7}},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := c.MarshalJSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"all": {"links": 2, "ece": 0.4, "mean_score": 0.8, "right": 0.5, "bins": [{"lo": 0.0, "hi": 0.1, "links": 0}, {"lo": 0.1, "hi": 0.2, "links": 0}, {"lo": 0.2, "hi": 0.3, "links": 0}, {"lo": 0.3, "hi": 0.4, "links": 0}, {"lo": 0.4, "hi": 0.5, "links": 0}, {"lo": 0.5, "hi": 0.6, "links": 0}, {"lo": 0.6, "hi": 0.7, "links": 0}, {"lo": 0.7, "hi": 0.8, "links": 1, "mean_score": 0.7, "right": 0.0}, {"lo": 0.8, "hi": 0.9, "links": 0}, {"lo": 0.9, "hi": 1.0, "links": 1, "mean_score": 0.9, "right": 1.0}]}, "null": {"links": 0}}
}
