package numex_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/numex"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// goldenCase is one golden file: the extractor's output over every line of
// the inputs.
type goldenCase struct {
	name   string   // golden file name in testdata, without .golden
	inputs []string // globs of input files
	lang   string   // "en" or "zh": the extractor to run
}

// TestGolden compares the extractors' output over the sample sentences and
// the seed documents with testdata/*.golden, so a change that alters any
// output shows as a diff. Each extractor also runs over the other
// language's text, where Arabic numerals, Roman numerals and stray words
// take other paths. Regenerate with go test -run TestGolden -update and
// review the diff.
func TestGolden(t *testing.T) {
	seeds := filepath.Join("..", "..", "testdata", "seeds", "*.txt")
	cases := []goldenCase{
		{"sample.en", []string{"testdata/sample.en"}, "en"},
		{"sample.zh", []string{"testdata/sample.zh"}, "zh"},
		{"sample.zh.en", []string{"testdata/sample.zh"}, "en"},
		{"sample.en.zh", []string{"testdata/sample.en"}, "zh"},
		{"seeds.en", []string{seeds}, "en"},
		{"seeds.zh", []string{seeds}, "zh"},
	}
	for _, gc := range cases {
		t.Run(gc.name, func(t *testing.T) {
			got := goldenOutput(t, gc)
			path := filepath.Join("testdata", gc.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -run TestGolden -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

// goldenOutput runs the case's extractor over each line of its inputs and
// returns one line per number: file, line number, the number and its text.
func goldenOutput(t *testing.T, gc goldenCase) string {
	t.Helper()
	extract := numex.English
	if gc.lang == "zh" {
		extract = numex.Chinese
	}
	var b strings.Builder
	for _, glob := range gc.inputs {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		require.NotEmpty(t, files, "no input for %s", glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			for i, line := range strings.Split(string(data), "\n") {
				for _, n := range extract(line) {
					fmt.Fprintf(&b, "%s:%d\t%v\t%q\n", filepath.Base(f), i+1, n, line[n.Start:n.End])
				}
			}
		}
	}
	return b.String()
}
