package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zhenalign/zhenalign/eval"
	"github.com/zhenalign/zhenalign/internal/devdata"
	"github.com/zhenalign/zhenalign/segment"
)

// TestSweep scores parameter variants on the development sets. It runs
// only when SWEEP names them: SWEEP="found.word=0.3,0.4;temp=1,2".
func TestSweep(t *testing.T) {
	spec := os.Getenv("SWEEP")
	if spec == "" {
		t.Skip("set SWEEP")
	}
	type docData struct {
		zh, en []segment.Sentence
		gold   []eval.Link
	}
	sets := map[string][]docData{}
	for _, set := range []string{"mac-dev", "champollion"} {
		dir := devdata.Dir(set)
		for _, name := range devdata.Docs(dir) {
			read := func(lang string) []segment.Sentence {
				data, _ := os.ReadFile(filepath.Join(dir, lang, name))
				doc, _ := segment.Parse(data, segment.Presplit())
				return doc.Sentences
			}
			gold, _ := eval.ReadLadderFile(filepath.Join(dir, "gold", name+".align"))
			sets[set] = append(sets[set], docData{read("zh"), read("en"), gold})
		}
	}
	// Each part is "name=v1,v2,..." (one variant per value) or
	// "name1=v+name2=w" (one variant setting both).
	var variants [][][2]string
	for _, part := range strings.Split(spec, ";") {
		if strings.Contains(part, "+") {
			var v [][2]string
			for _, a := range strings.Split(part, "+") {
				n, x, _ := strings.Cut(a, "=")
				v = append(v, [2]string{n, x})
			}
			variants = append(variants, v)
			continue
		}
		name, vals, _ := strings.Cut(part, "=")
		for _, x := range strings.Split(vals, ",") {
			variants = append(variants, [][2]string{{name, x}})
		}
	}
	for _, v := range variants {
		var opts []Option
		line := ""
		for _, a := range v {
			if a[0] == "nolearn" {
				opts = append(opts, WithoutLearning())
			}
			line += a[0] + "=" + a[1] + " "
		}
		al := New(opts...)
		for _, a := range v {
			if a[0] != "nolearn" {
				x, _ := strconv.ParseFloat(a[1], 64)
				setParam(&al.p, a[0], x)
			}
		}
		al.applyParams()
		for _, set := range []string{"mac-dev", "champollion"} {
			var docs []eval.DocPair
			for _, d := range sets[set] {
				links, err := al.Align(d.zh, d.en)
				if err != nil {
					t.Fatal(err)
				}
				pred := make([]eval.Link, len(links))
				for k, l := range links {
					pred[k] = eval.Link{Src: l.Src, Tgt: l.Tgt}
				}
				docs = append(docs, eval.DocPair{Gold: d.gold, Pred: pred})
			}
			sc := eval.ScoreLadders(docs)
			line += fmt.Sprintf("  %s %.3f", set, sc.Strict.F1)
		}
		fmt.Println(line)
	}
}

func setParam(p *params, name string, x float64) {
	switch name {
	case "found.word":
		p.found[sideZH][kindWord], p.found[sideEN][kindWord] = x, x
	case "found.name":
		p.found[sideZH][kindName], p.found[sideEN][kindName] = x, x
	case "found.number":
		p.found[sideZH][kindNumber], p.found[sideEN][kindNumber] = x, x
	case "found.punct":
		p.found[sideZH][kindPunct], p.found[sideEN][kindPunct] = x, x
	case "scale.word":
		p.scale[kindWord] = x
	case "scale.punct":
		p.scale[kindPunct] = x
	case "foundEN.word":
		p.found[sideEN][kindWord] = x
	case "foundZH.word":
		p.found[sideZH][kindWord] = x
	case "foundEN.number":
		p.found[sideEN][kindNumber] = x
	case "foundZH.number":
		p.found[sideZH][kindNumber] = x
	case "pen.word":
		p.penScale[kindWord] = x
	case "pen.learned":
		p.penScale[kindLearned] = x
	case "pen.name":
		p.penScale[kindName] = x
	case "pen.punct":
		p.penScale[kindPunct] = x
	case "found.learned":
		p.found[sideZH][kindLearned], p.found[sideEN][kindLearned] = x, x
	case "learnMin":
		p.learnMin = int(x)
	case "learnScore":
		p.learnScore = x
	case "learnDice":
		p.learnDice = x
	case "learnTop":
		p.learnTop = int(x)
	case "temp":
		p.temp = x
	case "minPost":
		p.minPost = x
	case "lenVar0":
		p.lenVar0 = x
	case "lenVar1":
		p.lenVar1 = x
	case "lenScale":
		p.lenScale = x
	case "sentPriorWeight":
		p.sentPriorWeight = x
	case "endAgree.colon":
		p.endAgree[0] = x
	case "endDiffer.colon":
		p.endDiffer[0] = x
	case "endAgree.q":
		p.endAgree[1] = x
	case "endDiffer.q":
		p.endDiffer[1] = x
	case "endAgree.x":
		p.endAgree[2] = x
	case "endDiffer.x":
		p.endDiffer[2] = x
	case "endAgree.quote":
		p.endAgree[3] = x
	case "endDiffer.quote":
		p.endDiffer[3] = x
	case "nullRun":
		p.nullRun = x
	case "nullPrior":
		p.nullPrior = x
	default:
		panic("unknown parameter " + name)
	}
}
