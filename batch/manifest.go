package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ErrManifest is matched (errors.Is) by the errors of a manifest line that
// cannot be used; they are ManifestErrors, which say where.
var ErrManifest = errors.New("batch: bad manifest line")

// ManifestError is a line of a manifest that ReadManifest cannot use.
type ManifestError struct {
	File string // the name given to ReadManifest
	Line int    // 1-based
	Err  error
}

func (e *ManifestError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the error of the line, which wraps ErrManifest.
func (e *ManifestError) Unwrap() error { return e.Err }

// ReadManifest reads a manifest: a list of documents, one a line, whose
// columns are separated by tabs:
//
//	PATH                     a mixed document (both languages in one file)
//	EN_PATH<TAB>ZH_PATH      a pair: the English file, then the Chinese one
//	PATH<TAB><TAB>NAME       a mixed document named NAME
//	EN_PATH<TAB>ZH_PATH<TAB>NAME
//
// Blank lines and lines starting with "#" are left out; spaces around a
// column are trimmed. Paths are used as written (file paths or URLs such as
// gs://bucket/x.txt), nothing is opened: the files are read when aligned.
// A document without NAME is named as PlanFiles names it, after its file's
// base name (a pair's without its language tag when both files share it,
// else the English file's), or after its path when two documents would
// share a name or a NAME given on another line. The documents keep the
// order of the lines. With presplit, every document must be a pair:
// mixed ones are reported in Plan.Unpaired.
//
// name names the manifest in errors. A line with more than three columns,
// a pair with one path missing, a NAME given twice or a file listed twice
// is an error (a *ManifestError wrapping ErrManifest), and so is a
// manifest that lists no document (ErrNoInput) or cannot be read.
func ReadManifest(r io.Reader, name string, presplit bool) (*Plan, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	plan := &Plan{}
	lineErr := func(line int, format string, args ...any) error {
		return &ManifestError{File: name, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{ErrManifest}, args...)...)}
	}
	fileLine := map[string]int{} // the line listing each file
	nameLine := map[string]int{} // the line giving each NAME
	var (
		auto []int    // the jobs named by default
		alts []string // their path-based names
	)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if t := strings.TrimSpace(text); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) > 3 {
			return nil, lineErr(n, "%d columns (want PATH, or EN_PATH<TAB>ZH_PATH, and an optional NAME)", len(cols))
		}
		for k := range cols {
			cols[k] = strings.TrimSpace(cols[k])
		}
		cols = append(cols, "", "")[:3]
		en, zh, docName := cols[0], cols[1], cols[2]
		if en == "" && zh == "" {
			return nil, lineErr(n, "no path")
		}
		if en == "" {
			return nil, lineErr(n, "a pair needs its English file in the first column")
		}
		var job Job
		var alt string
		if zh == "" {
			job = Job{Name: filepath.Base(en), Mixed: en}
			alt = en
		} else {
			job = Job{EN: en, ZH: zh}
			kEN, _ := languageOf(en)
			kZH, _ := languageOf(zh)
			alt = en
			if kEN != "" && kEN == kZH {
				alt = kEN
			}
			job.Name = filepath.Base(alt)
		}
		for _, f := range job.Files() {
			if first, ok := fileLine[f]; ok {
				return nil, lineErr(n, "%s is already listed on line %d", f, first)
			}
			fileLine[f] = n
		}
		if job.Mixed != "" && presplit {
			plan.Unpaired = append(plan.Unpaired, job.Mixed)
			continue
		}
		if docName != "" {
			if first, ok := nameLine[docName]; ok {
				return nil, lineErr(n, "the name %q is already given on line %d", docName, first)
			}
			nameLine[docName] = n
			job.Name = docName
		} else {
			auto = append(auto, len(plan.Jobs))
			alts = append(alts, alt)
		}
		plan.Jobs = append(plan.Jobs, job)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(plan.Jobs) == 0 && len(plan.Unpaired) == 0 {
		return nil, fmt.Errorf("%s lists no document: %w", name, ErrNoInput)
	}
	// The documents named by default take unique names, not those given.
	jobs := make([]Job, len(auto))
	for k, i := range auto {
		jobs[k] = plan.Jobs[i]
	}
	taken := make(map[string]bool, len(nameLine))
	for n := range nameLine {
		taken[n] = true
	}
	uniqueNames(jobs, alts, taken)
	for k, i := range auto {
		plan.Jobs[i] = jobs[k]
	}
	return plan, nil
}
