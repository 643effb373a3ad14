package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
)

// checkOutput reports, before any work is done, an output name that cannot
// be written: a directory, or a file in a directory that does not exist.
// "-" and "" (standard output) are always fine.
func checkOutput(name string) error {
	if name == "-" || name == "" {
		return nil
	}
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return fmt.Errorf("%w: -o %s: is a directory", errUsage, name)
	}
	dir := filepath.Dir(name)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("%w: -o %s: directory %s does not exist", errUsage, name, dir)
	}
	if !fi.IsDir() {
		return fmt.Errorf("%w: -o %s: %s is not a directory", errUsage, name, dir)
	}
	return nil
}

// writeOutput calls write with standard output for "-", or with a file that
// replaces name only once write has succeeded, so that a failed run never
// leaves a half-written file behind.
func (e *env) writeOutput(name string, write func(io.Writer) error) error {
	if name == "-" || name == "" {
		return write(e.stdout)
	}
	return e.writeFiles([]string{name}, func(ws []io.Writer) error { return write(ws[0]) })
}

// writeFiles calls write with one temporary file per name and, once write
// and every close have succeeded, renames them over the names: either all
// the files are replaced or none is. A file that already exists keeps its
// permissions; a new one is made readable by all (0644).
func (e *env) writeFiles(names []string, write func([]io.Writer) error) (err error) {
	tmps := make([]*os.File, 0, len(names))
	defer func() {
		// On failure, remove every temporary file not yet renamed.
		for _, f := range tmps {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
				e.temps.Delete(f.Name())
			}
		}
	}()
	ws := make([]io.Writer, len(names))
	for k, name := range names {
		f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
		if err != nil {
			return fmt.Errorf("-o %s: %w", name, err)
		}
		e.temps.Store(f.Name(), true)
		tmps = append(tmps, f)
		ws[k] = f
	}
	if err := write(ws); err != nil {
		return err
	}
	for k, f := range tmps {
		name := names[k]
		if err := f.Close(); err != nil {
			return fmt.Errorf("-o %s: %w", name, err)
		}
		mode := fs.FileMode(0o644)
		if fi, err := os.Stat(name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.Chmod(f.Name(), mode); err != nil {
			return fmt.Errorf("-o %s: %w", name, err)
		}
	}
	for k, f := range tmps {
		if err := os.Rename(f.Name(), names[k]); err != nil {
			return fmt.Errorf("-o %s: %w", names[k], err)
		}
		e.temps.Delete(f.Name())
		tmps[k] = nil
	}
	return nil
}

// version returns the module version the binary was built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// removeTemps removes the files writeOutput has not finished, before an
// abort.
func (e *env) removeTemps() {
	e.temps.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}
