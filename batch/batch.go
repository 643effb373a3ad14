package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Job is one document to align: a mixed file (Mixed), or a pair of files
// (EN and ZH).
type Job struct {
	// Name identifies the document in output and messages: the mixed file's
	// path, or the pair's common name, relative to the folder it was found
	// in. Discover makes names unique (see the package documentation).
	Name   string
	Mixed  string
	EN, ZH string
}

// Files returns the paths of the job's files.
func (j Job) Files() []string {
	if j.Mixed != "" {
		return []string{j.Mixed}
	}
	return []string{j.EN, j.ZH}
}

// Plan is what Discover found.
type Plan struct {
	Jobs []Job
	// Unpaired lists the language-tagged files without a partner.
	Unpaired []string
	// Skipped lists the files left out because they are not text.
	Skipped []string
}

// ErrNoInput means Discover was given no path.
var ErrNoInput = errors.New("batch: no folder or file given")

// skipExt lists the extensions of files that are not documents to align.
var skipExt = map[string]bool{
	".align": true, ".tmx": true, ".jsonl": true, ".json": true, ".xml": true, ".gz": true,
	".zip": true, ".bz2": true, ".xz": true, ".7z": true, ".tar": true, ".pdf": true, ".doc": true,
	".docx": true, ".xls": true, ".xlsx": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true,
	".webp": true, ".svg": true, ".mp3": true, ".mp4": true, ".exe": true, ".so": true, ".o": true,
	".csv": true, ".tsv": true, ".ladder": true, ".md5": true, ".sha256": true,
}

// Discover finds the documents in paths (folders, walked recursively, and
// files). With presplit, every document must be a pair (a mixed file cannot
// be split one sentence per line): lone files are reported as unpaired.
func Discover(paths []string, presplit bool) (*Plan, error) {
	if len(paths) == 0 {
		return nil, ErrNoInput
	}
	var files []string
	// names maps each file to its name in output: its path relative to
	// the folder it was found in, or its base name.
	names := map[string]string{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			files = append(files, p)
			names[p] = filepath.Base(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
				if rel, err := filepath.Rel(p, path); err == nil {
					names[path] = rel
				} else {
					names[path] = path
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
	}
	sort.Strings(files)
	files = slices.Compact(files)

	plan := &Plan{}
	// alts holds the path-based name of each job, for duplicate names.
	var alts []string
	type half struct{ en, zh, name string }
	pairs := map[string]*half{}
	var keys []string
	for _, f := range files {
		if skipExt[strings.ToLower(filepath.Ext(f))] {
			plan.Skipped = append(plan.Skipped, f)
			continue
		}
		key, lang := languageOf(f)
		if lang == "" {
			if presplit {
				plan.Unpaired = append(plan.Unpaired, f)
				continue
			}
			plan.Jobs = append(plan.Jobs, Job{Name: names[f], Mixed: f})
			alts = append(alts, f)
			continue
		}
		h := pairs[key]
		if h == nil {
			name, _ := languageOf(names[f])
			h = &half{name: name}
			pairs[key] = h
			keys = append(keys, key)
		}
		if lang == "en" {
			h.en = f
		} else {
			h.zh = f
		}
	}
	for _, k := range keys {
		h := pairs[k]
		switch {
		case h.en != "" && h.zh != "":
			plan.Jobs = append(plan.Jobs, Job{Name: h.name, EN: h.en, ZH: h.zh})
			alts = append(alts, k)
		case h.en != "":
			plan.Unpaired = append(plan.Unpaired, h.en)
		default:
			plan.Unpaired = append(plan.Unpaired, h.zh)
		}
	}
	uniqueNames(plan.Jobs, alts)
	sort.SliceStable(plan.Jobs, func(i, j int) bool { return plan.Jobs[i].Name < plan.Jobs[j].Name })
	return plan, nil
}

// uniqueNames gives jobs distinct names. Of the jobs sharing a name, the
// one whose first file comes first by path keeps it; the others take their
// path-based name alts[i] (numbered "#2", "#3"... in the unlikely case that
// it is taken too). The outcome does not depend on the order of jobs.
func uniqueNames(jobs []Job, alts []string) {
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	// A file belongs to one job only, so this order is total.
	sort.Slice(order, func(a, b int) bool {
		ja, jb := jobs[order[a]], jobs[order[b]]
		if ja.Name != jb.Name {
			return ja.Name < jb.Name
		}
		return ja.Files()[0] < jb.Files()[0]
	})
	taken := make(map[string]bool, len(jobs))
	var dups []int
	for _, i := range order {
		if taken[jobs[i].Name] {
			dups = append(dups, i)
			continue
		}
		taken[jobs[i].Name] = true
	}
	for _, i := range dups {
		name := alts[i]
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s#%d", alts[i], n)
		}
		taken[name] = true
		jobs[i].Name = name
	}
}

// languageOf returns the pairing key of a language-tagged file and its
// language ("en" or "zh"), or "" for a file whose name says no language.
func languageOf(path string) (key, lang string) {
	dir, base := filepath.Split(path)
	// DIR/en/NAME, DIR/zh/NAME
	parent := filepath.Base(filepath.Clean(dir))
	if l := langCode(parent); l != "" {
		return filepath.Join(filepath.Dir(filepath.Clean(dir)), base), l
	}
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	// NAME.en.txt, or NAME.en with no extension
	for _, s := range []string{stem, base} {
		if i := strings.LastIndexByte(s, '.'); i > 0 {
			if l := langCode(s[i+1:]); l != "" {
				rest := s[:i]
				if s == stem {
					rest += ext
				}
				return filepath.Join(dir, rest), l
			}
		}
	}
	// NAME_en.txt, NAME-zh.txt
	if i := strings.LastIndexAny(stem, "_-"); i > 0 {
		if l := langCode(stem[i+1:]); l != "" {
			return filepath.Join(dir, stem[:i]+ext), l
		}
	}
	return "", ""
}

func langCode(s string) string {
	switch strings.ToLower(s) {
	case "en", "eng", "english":
		return "en"
	case "zh", "zho", "chi", "cn", "chinese", "zh-cn", "zh-tw", "zh_cn", "zh_tw":
		return "zh"
	}
	return ""
}
