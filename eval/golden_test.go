package eval

import (
	"bufio"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rerun the Python scorers and rewrite testdata/python.golden")

const goldenFile = "testdata/python.golden"

// toolsDir holds the reference Python scorers; tests that need them skip
// when it is absent.
var toolsDir = filepath.Join(sharedDir, "tools")

// goScore runs the Go equivalent of "TOOL ARGS" and returns the lines the
// Python tool would print.
func goScore(t *testing.T, cmd string) string {
	t.Helper()
	fields := strings.Fields(cmd)
	require.GreaterOrEqual(t, len(fields), 3, cmd)
	asJSON := len(fields) > 3 && fields[3] == "--json"
	var s interface {
		String() string
		MarshalJSON() ([]byte, error)
	}
	switch fields[0] {
	case "score_ladder.py":
		ls, err := ScoreLadderPaths(fields[1], fields[2])
		require.NoError(t, err, cmd)
		s = ls
	case "score_pairs.py":
		ps, err := ScorePairFiles(fields[1], fields[2])
		require.NoError(t, err, cmd)
		s = ps
	case "calib.py":
		c, err := CalibrateLadderPaths(fields[1], fields[2])
		require.NoError(t, err, cmd)
		if asJSON {
			return string(c.appendJSON(nil, false)) // calib.py has no bins
		}
		s = c
	default:
		t.Fatalf("unknown tool in %q", cmd)
	}
	if asJSON {
		b, err := s.MarshalJSON()
		require.NoError(t, err)
		return string(b)
	}
	return s.String()
}

// pythonScore runs "python3 TOOL ARGS" from the package directory.
func pythonScore(t *testing.T, py, cmd string) string {
	t.Helper()
	fields := strings.Fields(cmd)
	args := append([]string{filepath.Join(toolsDir, fields[0])}, fields[1:]...)
	out, err := exec.Command(py, args...).Output()
	require.NoError(t, err, cmd)
	return strings.TrimRight(string(out), "\n")
}

// TestGolden checks the Go scorers against outputs of the Python scorers
// recorded in testdata/python.golden ("$ TOOL ARGS" then the output
// lines, up to the next "$" line). A "$" line with no output after it is
// filled in by -update.
func TestGolden(t *testing.T) {
	f, err := os.Open(goldenFile)
	require.NoError(t, err)
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	require.NoError(t, f.Close())

	var py string
	if *update {
		py = pythonPath(t)
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		out = append(out, line)
		cmd, ok := strings.CutPrefix(line, "$ ")
		if !ok {
			continue
		}
		var got []string
		for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "$ ") {
			got = append(got, lines[i+1])
			i++
		}
		want := strings.Join(got, "\n")
		if *update {
			want = pythonScore(t, py, cmd)
		}
		out = append(out, want)
		t.Run(cmd, func(t *testing.T) {
			assert.Equal(t, want, goScore(t, cmd))
		})
	}
	if *update {
		require.NoError(t, os.WriteFile(goldenFile, []byte(strings.Join(out, "\n")+"\n"), 0o644))
	}
}

// pythonPath returns the python3 executable, skipping the test when it or
// the reference scorers are missing.
func pythonPath(t *testing.T) string {
	t.Helper()
	if testing.Short() && !*update {
		t.Skip("runs the Python scorers")
	}
	if _, err := os.Stat(toolsDir); err != nil {
		t.Skipf("reference scorers not found: %v", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	return py
}
