// Package devdata finds the development sets that live outside the
// repository (../shared/data), for tests and benchmarks that skip when they
// are absent. Nothing from those sets is committed to the repository.
package devdata

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dir returns the directory of the named development set (for example
// "mac-dev"), looking in ../shared/data upwards from the working
// directory, or "" when it is not there. ZHENALIGN_DATA overrides the
// location of the data directory.
func Dir(set string) string {
	if d := os.Getenv("ZHENALIGN_DATA"); d != "" {
		return existing(filepath.Join(d, set))
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if p := existing(filepath.Join(d, "..", "shared", "data", set)); p != "" {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Shared returns the ../shared directory above the working directory, or "".
func Shared() string {
	d := Dir("")
	if d == "" {
		return ""
	}
	return filepath.Dir(filepath.Clean(d))
}

func existing(p string) string {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return p
	}
	return ""
}

// Docs lists the document names of a set: the files of its gold directory
// without the .align extension, sorted.
func Docs(dir string) []string {
	ents, err := os.ReadDir(filepath.Join(dir, "gold"))
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".align"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}
