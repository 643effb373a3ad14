package eval

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPyFloat(t *testing.T) {
	tests := []struct {
		s    string
		want float64
		ok   bool
	}{
		// Python 3.11: float(s).
		{"0.93", 0.93, true}, {"1", 1, true}, {"0", 0, true}, {".5", 0.5, true}, {"1.", 1, true},
		{" 0.25\t", 0.25, true}, {"\u3000 0.5\u2028", 0.5, true}, {"+0.5", 0.5, true}, {"-0", math.Copysign(0, -1), true},
		{"1e-1", 0.1, true}, {"1E+0", 1, true}, {"0.1_2", 0.12, true}, {"1_0e-1_0", 1e-9, true},
		{"٠٫٥", 0, false}, {"٠.٥", 0.5, true}, {"０.５", 0.5, true},
		{"inf", math.Inf(1), true}, {"-Infinity", math.Inf(-1), true}, {"1e999", math.Inf(1), true}, {"1e-999", 0, true},
		{"", 0, false}, {" ", 0, false}, {".", 0, false}, {"e1", 0, false}, {"1e", 0, false}, {"1e+", 0, false},
		{"0x1p-2", 0, false}, {"_1", 0, false}, {"1_", 0, false}, {"1__0", 0, false}, {"1_.5", 0, false}, {"1._5", 0, false},
		{"0.5]", 0, false}, {"1,5", 0, false}, {"infin", 0, false}, {"nan(1)", 0, false}, {"½", 0, false}, {"1 2", 0, false},
	}
	for _, tc := range tests {
		got, err := pyFloat(tc.s)
		if !tc.ok {
			assert.ErrorIs(t, err, errBadFloat, "%q", tc.s)
			continue
		}
		if assert.NoError(t, err, "%q", tc.s) {
			assert.Equal(t, tc.want, got, "%q", tc.s)
			assert.Equal(t, math.Signbit(tc.want), math.Signbit(got), "%q", tc.s)
		}
	}
	nan, err := pyFloat(" NaN ")
	require.NoError(t, err)
	assert.True(t, math.IsNaN(nan))
}

func TestReadScoredLadder(t *testing.T) {
	src := "[0]:[0]:0.93\n\n[1,2]:[1]: 0.5 \r\n[]:[2]:1:more\r[3]:[]:0"
	want := []Link{
		{Src: []int{0}, Tgt: []int{0}, Score: 0.93},
		{Src: []int{1, 2}, Tgt: []int{1}, Score: 0.5},
		{Src: []int{}, Tgt: []int{2}, Score: 1},
		{Src: []int{3}, Tgt: []int{}, Score: 0},
	}
	got, err := ReadScoredLadder(strings.NewReader(src), "p.align")
	require.NoError(t, err)
	assert.Equal(t, want, got)
	got, err = ReadScoredLadder(iotest.OneByteReader(strings.NewReader(src)), "p.align")
	require.NoError(t, err)
	assert.Equal(t, want, got)

	plain, err := ReadLadder(strings.NewReader(src), "p.align")
	require.NoError(t, err)
	assert.Zero(t, plain[0].Score, "ReadLadder ignores scores")
}

func TestReadScoredLadderErrors(t *testing.T) {
	tests := []struct {
		desc, src string
		line      int
		want      error
		msg       string
	}{
		{"no score", "[0]:[0]:0.5\n[1]:[1]\n", 2, ErrNoScore, "p.align:2: eval: link without a score"},
		{"empty score", "[0]:[0]:\n", 1, ErrNoScore, "p.align:1: eval: link without a score"},
		{"score not a number", "[0]:[0]:high\n", 1, ErrBadScore, `p.align:1: eval: score not a number in [0,1]: could not convert string to float: "high"`},
		{"score above 1", "[0]:[0]:1.5\n", 1, ErrBadScore, "p.align:1: eval: score not a number in [0,1]: 1.5"},
		{"negative score", "[0]:[0]:-0.2\n", 1, ErrBadScore, "p.align:1: eval: score not a number in [0,1]: -0.2"},
		{"NaN", "[0]:[0]:nan\n", 1, ErrBadScore, "p.align:1: eval: score not a number in [0,1]: NaN"},
		{"infinity", "[0]:[0]:inf\n", 1, ErrBadScore, "p.align:1: eval: score not a number in [0,1]: +Inf"},
		{"bad link", "[0]:[0]:0.5\n[0]-[1]:0.5\n", 2, ErrBadLink, `p.align:2: eval: bad ladder line "[0]-[1]:0.5"`},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := ReadScoredLadder(strings.NewReader(tc.src), "p.align")
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.line, pe.Line)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, tc.msg, err.Error())
		})
	}
}

func TestCalibrate(t *testing.T) {
	l := func(src, tgt []int, score float64) Link { return Link{Src: src, Tgt: tgt, Score: score} }
	gold := []Link{l([]int{0}, []int{0}, 0), l([]int{1}, []int{1}, 0), l([]int{2}, []int{}, 0)}
	pred := []Link{
		l([]int{0}, []int{0}, 0.95), // right
		l([]int{1}, []int{2}, 0.85), // wrong
		l([]int{2}, []int{}, 0.35),  // right, null
		l([]int{}, []int{2}, 0.05),  // wrong, null
	}
	c, err := Calibrate([]DocPair{{Name: "x", Gold: gold, Pred: pred}})
	require.NoError(t, err)
	// calib.py on these links:
	// all {'links': 4, 'ece': 0.4, 'mean_score': 0.55, 'right': 0.5}
	// null {'links': 2, 'ece': 0.35, 'mean_score': 0.2, 'right': 0.5}
	assert.Equal(t, "all {'links': 4, 'ece': 0.4, 'mean_score': 0.55, 'right': 0.5}\n"+
		"null {'links': 2, 'ece': 0.35, 'mean_score': 0.2, 'right': 0.5}", c.String())
	assert.Equal(t, 4, c.All.Links)
	assert.Equal(t, CalibrationBin{Lo: 0.8, Hi: 0.9, Links: 1, MeanScore: 0.85, Right: 0}, c.All.Bins[8])
	assert.Equal(t, CalibrationBin{Lo: 0.3, Hi: 0.4, Links: 1, MeanScore: 0.35, Right: 1}, c.Null.Bins[3])
	assert.Equal(t, CalibrationBin{Lo: 0.5, Hi: 0.6}, c.Null.Bins[5])
	n := 0
	for k, b := range c.All.Bins {
		assert.InDelta(t, float64(k)/10, b.Lo, 1e-15)
		assert.InDelta(t, float64(k+1)/10, b.Hi, 1e-15)
		n += b.Links
	}
	assert.Equal(t, c.All.Links, n)

	b, err := json.Marshal(c)
	require.NoError(t, err)
	var v struct {
		All struct {
			Links int
			ECE   float64
			Bins  []map[string]float64
		}
	}
	require.NoError(t, json.Unmarshal(b, &v))
	assert.Equal(t, 4, v.All.Links)
	assert.Equal(t, 0.4, v.All.ECE)
	require.Len(t, v.All.Bins, CalibrationBins)
	assert.Equal(t, map[string]float64{"lo": 0.9, "hi": 1, "links": 1, "mean_score": 0.95, "right": 1}, v.All.Bins[9])
	assert.Equal(t, map[string]float64{"lo": 0.1, "hi": 0.2, "links": 0}, v.All.Bins[1])

	// Score 1 falls in the last bin, 0 in the first.
	c, err = Calibrate([]DocPair{{Gold: gold, Pred: []Link{l([]int{0}, []int{0}, 1), l([]int{1}, []int{2}, 0)}}})
	require.NoError(t, err)
	assert.Equal(t, 1, c.All.Bins[9].Links)
	assert.Equal(t, 1, c.All.Bins[0].Links)
	assert.Equal(t, 0.0, c.All.ECE)
}

func TestCalibrateEmpty(t *testing.T) {
	for _, docs := range [][]DocPair{nil, {{Name: "x", Gold: []Link{{Src: []int{0}, Tgt: []int{0}}}}}} {
		c, err := Calibrate(docs)
		require.NoError(t, err)
		assert.Equal(t, "all {'links': 0}\nnull {'links': 0}", c.String())
		b, err := c.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, `{"all": {"links": 0}, "null": {"links": 0}}`, string(b))
		assert.Equal(t, 0.0, c.All.ECE)
	}
}

func TestCalibrateBadScore(t *testing.T) {
	for _, s := range []float64{math.NaN(), math.Inf(1), -0.01, 1.01} {
		_, err := Calibrate([]DocPair{{Name: "x", Pred: []Link{{Src: []int{0}, Tgt: []int{0}, Score: 0.5}, {Src: []int{1}, Tgt: []int{}, Score: s}}}})
		assert.ErrorIs(t, err, ErrBadScore, "%v", s)
		assert.ErrorContains(t, err, "x: link 1 ([1]:[]): eval: score not a number in [0,1]")
	}
}

func TestCalibrateLadderPaths(t *testing.T) {
	dir := t.TempDir()
	gold, pred := filepath.Join(dir, "gold"), filepath.Join(dir, "pred")
	require.NoError(t, os.Mkdir(gold, 0o755))
	require.NoError(t, os.Mkdir(pred, 0o755))
	write := func(path, s string) { require.NoError(t, os.WriteFile(path, []byte(s), 0o644)) }
	write(filepath.Join(gold, "a.align"), "[0]:[0]\n[1]:[1]\n")
	write(filepath.Join(gold, "b.align"), "[0]:[0]\n")
	write(filepath.Join(gold, "notes.txt"), "not a ladder")
	write(filepath.Join(pred, "a.align"), "[0]:[0]:0.9\n[1]:[]:0.2\n")
	// No prediction for b: it adds no links.
	c, err := CalibrateLadderPaths(gold, pred)
	require.NoError(t, err)
	assert.Equal(t, 2, c.All.Links)
	assert.Equal(t, 1, c.Null.Links)
	assert.Equal(t, 0.5, c.All.Right)

	// Two files: one document.
	c1, err := CalibrateLadderPaths(filepath.Join(gold, "a.align"), filepath.Join(pred, "a.align"))
	require.NoError(t, err)
	assert.Equal(t, c, c1)

	// A prediction without scores.
	write(filepath.Join(pred, "b.align"), "[0]:[0]:1\n[1]:[1]\n")
	_, err = CalibrateLadderPaths(gold, pred)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, filepath.Join(pred, "b.align"), pe.File)
	assert.Equal(t, 2, pe.Line)
	assert.ErrorIs(t, err, ErrNoScore)

	// A bad gold line.
	write(filepath.Join(gold, "a.align"), "[0]:[0]\n[1]-[1]\n")
	_, err = CalibrateLadderPaths(gold, pred)
	assert.ErrorIs(t, err, ErrBadLink)

	_, err = CalibrateLadderPaths(filepath.Join(dir, "none"), filepath.Join(pred, "a.align"))
	require.NoError(t, err, "a missing gold file reads as no links, as in score_ladder.py")
}
