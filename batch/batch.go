package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
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
	// Skipped lists the paths left out, with the reason: files that are
	// not text (by their extension), broken symbolic links, symbolic
	// links that loop back to a folder being walked, files reached twice
	// by different paths, and what is neither a file nor a folder.
	Skipped []Skip
}

// Skip is a path Discover left out, and why.
type Skip struct {
	Path   string
	Reason string
}

// Reasons of Skip.
const (
	SkipNotText    = "not a text document (by its extension)"
	SkipBrokenLink = "broken symbolic link"
	SkipLinkLoop   = "symbolic link loop: the link leads back to itself"
	SkipLoop       = "symbolic link loop: the folder is already being walked"
	SkipSpecial    = "neither a regular file nor a folder"
)

// ErrNoInput means Discover was given no path.
var ErrNoInput = errors.New("batch: no folder or file given")

// skipExt lists the extensions of files that are not documents to align:
// parallel text, archives, media, programs. Documents in the formats of
// package input (.html, .docx, .odt, .epub, .srt, .vtt, text in any
// encoding) are aligned; a PDF or a Word 97 .doc is taken, and fails with
// the advice of package input, rather than being skipped in silence.
var skipExt = map[string]bool{
	".align": true, ".tmx": true, ".jsonl": true, ".json": true, ".xml": true, ".gz": true,
	".zip": true, ".bz2": true, ".xz": true, ".7z": true, ".tar": true,
	".xls": true, ".xlsx": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true,
	".webp": true, ".svg": true, ".mp3": true, ".mp4": true, ".mkv": true, ".avi": true, ".exe": true, ".so": true, ".o": true,
	".csv": true, ".tsv": true, ".ladder": true, ".md5": true, ".sha256": true, ".xlf": true, ".xliff": true, ".parquet": true,
}

// Discover finds the documents in paths (folders, walked recursively, and
// files). Symbolic links are followed, to files and to folders; a link
// that loops back to a folder being walked is reported in Skipped, and so
// is a broken one. A file reached more than once (given twice, or through
// a link) is one document, named after the first path that reached it.
// Names (see Job.Name) are paths: relative to the folder given for a file
// found in it, the base name for a file given itself, the full path when
// two files would otherwise share a name. Files and folders whose name
// starts with "." are left out of walks. With presplit, every document
// must be a pair (a mixed file cannot be split one sentence per line):
// lone files are reported as unpaired.
func Discover(paths []string, presplit bool) (*Plan, error) {
	if len(paths) == 0 {
		return nil, ErrNoInput
	}
	w := &walker{plan: &Plan{}, names: map[string]string{}, real: map[string]string{}, dirs: map[string]uint8{}}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			w.file(p, filepath.Base(p), fi)
			continue
		}
		if err := w.dir(p, p); err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
	}
	pairFiles(w.plan, w.files, w.names, presplit)
	return w.plan, nil
}

// PlanFiles pairs files as Discover does, from their paths alone: no file
// is opened or stat'ed, so that paths can be URLs of object stores
// (gs://bucket/crawl/x.en.txt) listed by another file system. Each
// document is named after its file's base name (the pair's, without the
// language tag), or its path when two documents would share a name, as
// Discover names the files given to it; a path given twice is one
// document. Files that are not text by their extension are Skipped, and
// with presplit every document must be a pair. No path gives an empty
// Plan.
func PlanFiles(paths []string, presplit bool) *Plan {
	plan := &Plan{}
	names := make(map[string]string, len(paths))
	files := make([]string, 0, len(paths))
	for _, p := range paths {
		if _, ok := names[p]; ok {
			continue
		}
		names[p] = filepath.Base(p)
		files = append(files, p)
	}
	pairFiles(plan, files, names, presplit)
	return plan
}

// pairFiles adds to plan the documents of files, named by names (the
// name of each file in output), pairing the language-tagged ones.
func pairFiles(plan *Plan, files []string, names map[string]string, presplit bool) {
	files = slices.Clone(files)
	sort.Strings(files)
	// alts holds the path-based name of each job, for duplicate names.
	var alts []string
	type half struct{ en, zh, name string }
	pairs := map[string]*half{}
	var keys []string
	for _, f := range files {
		if skipExt[strings.ToLower(filepath.Ext(f))] {
			plan.Skipped = append(plan.Skipped, Skip{f, SkipNotText})
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
			if name == "" {
				// The language is in a folder given itself (DIR/en
				// and DIR/zh as arguments): the pair is named after
				// its file.
				name = filepath.Base(key)
			}
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
	uniqueNames(plan.Jobs, alts, nil)
	sort.SliceStable(plan.Jobs, func(i, j int) bool { return plan.Jobs[i].Name < plan.Jobs[j].Name })
}

// walker collects the files of a Discover.
type walker struct {
	plan  *Plan
	files []string
	// names maps each file to its name in output; real maps the real
	// path of each file (symbolic links resolved) to the first path that
	// reached it; dirs holds the real paths of the folders walked.
	names map[string]string
	real  map[string]string
	dirs  map[string]uint8
}

// States of a folder in walker.dirs.
const (
	walking = 1 + iota // being walked: a link to it loops
	walked
)

// file records the regular file path named name, unless a path to the same
// file came first.
func (w *walker) file(path, name string, fi fs.FileInfo) {
	if !fi.Mode().IsRegular() {
		w.plan.Skipped = append(w.plan.Skipped, Skip{path, SkipSpecial})
		return
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		real = path
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if first, ok := w.real[real]; ok {
		if filepath.Clean(first) != filepath.Clean(path) {
			w.plan.Skipped = append(w.plan.Skipped, Skip{path, "the same file as " + first})
		}
		return
	}
	w.real[real] = path
	w.files = append(w.files, path)
	w.names[path] = name
}

// dir walks the folder path, found under the folder root given to
// Discover, in lexical order.
func (w *walker) dir(path, root string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	switch w.dirs[real] {
	case walking:
		w.plan.Skipped = append(w.plan.Skipped, Skip{path, SkipLoop + " (" + real + ")"})
		return nil
	case walked:
		w.plan.Skipped = append(w.plan.Skipped, Skip{path, "the same folder as one walked before (" + real + ")"})
		return nil
	}
	w.dirs[real] = walking
	defer func() { w.dirs[real] = walked }()
	entries, err := os.ReadDir(path)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(path, e.Name())
		fi, err := os.Stat(p) // follows symbolic links
		if err != nil {
			switch {
			case e.Type()&fs.ModeSymlink != 0 && errors.Is(err, syscall.ELOOP):
				w.plan.Skipped = append(w.plan.Skipped, Skip{p, SkipLinkLoop})
				continue
			case e.Type()&fs.ModeSymlink != 0:
				w.plan.Skipped = append(w.plan.Skipped, Skip{p, SkipBrokenLink})
				continue
			}
			return err
		}
		if fi.IsDir() {
			if err := w.dir(p, root); err != nil {
				return err
			}
			continue
		}
		name := p
		if rel, err := filepath.Rel(root, p); err == nil {
			name = rel
		}
		w.file(p, name, fi)
	}
	return nil
}

// uniqueNames gives jobs distinct names: the jobs that share a name all
// take their path-based name alts[i] instead (the path as given to
// Discover, which is unique for distinct files), so that no document is
// named after another's file. Should two path-based names still be the
// same (a mixed file DIR/x and the pair DIR/x.en + DIR/x.zh), the mixed file
// keeps it and the pair is numbered "#2" ("#3"...). The outcome does not depend on the order of
// jobs. The names in taken (may be nil) belong to other documents: a job
// named so takes its path-based name, numbered if need be.
func uniqueNames(jobs []Job, alts []string, taken map[string]bool) {
	count := make(map[string]int, len(jobs)+len(taken))
	for name := range taken {
		count[name]++
	}
	for _, j := range jobs {
		count[j.Name]++
	}
	for i := range jobs {
		if count[jobs[i].Name] > 1 {
			jobs[i].Name = alts[i]
		}
	}
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	// A file belongs to one job only, so this order is total. A mixed
	// file comes before a pair of the same name: its name is its path.
	sort.Slice(order, func(a, b int) bool {
		ja, jb := jobs[order[a]], jobs[order[b]]
		if ja.Name != jb.Name {
			return ja.Name < jb.Name
		}
		if (ja.Mixed == "") != (jb.Mixed == "") {
			return ja.Mixed != ""
		}
		return ja.Files()[0] < jb.Files()[0]
	})
	taken = maps.Clone(taken)
	if taken == nil {
		taken = make(map[string]bool, len(jobs))
	}
	for _, i := range order {
		name := jobs[i].Name
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s#%d", jobs[i].Name, n)
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
