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

// checkNotInput refuses an output file that is one of the inputs (the
// same file, also through a symbolic link or another path): writing it
// would replace the input with the output.
func checkNotInput(out string, inputs []string) error {
	if out == "-" || out == "" {
		return nil
	}
	fo, err := os.Stat(out)
	if err != nil {
		return nil // it does not exist yet
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fo, fi) {
			return fmt.Errorf("%w: -o %s is the input file %s: the output would replace it", errUsage, out, in)
		}
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

// writeFiles calls write with one writer per name and, once write and every
// close have succeeded, renames temporary files over the names, so that a
// failed run leaves the old files (or none) rather than half-written ones.
// A file that already exists keeps its permissions, a new one is made
// readable by all (0644), and a symbolic link is followed: the file it
// points to is replaced. A name that is not a regular file (/dev/stdout, a
// FIFO) is written directly. Should a rename fail, the files renamed before
// it stay replaced.
func (e *env) writeFiles(names []string, write func([]io.Writer) error) error {
	type out struct {
		f      *os.File
		target string // the file to replace; "" when f is written directly
		done   bool
	}
	outs := make([]out, len(names))
	defer func() {
		// On failure, remove every temporary file not yet renamed.
		for _, o := range outs {
			if o.f != nil && !o.done {
				o.f.Close()
				if o.target != "" {
					os.Remove(o.f.Name())
					e.temps.Delete(o.f.Name())
				}
			}
		}
	}()
	ws := make([]io.Writer, len(names))
	for k, name := range names {
		target := name
		if fi, err := os.Stat(name); err == nil {
			if !fi.Mode().IsRegular() {
				f, err := os.OpenFile(name, os.O_WRONLY, 0)
				if err != nil {
					return fmt.Errorf("-o %s: %w", name, err)
				}
				outs[k], ws[k] = out{f: f}, f
				continue
			}
			if t, err := filepath.EvalSymlinks(name); err == nil {
				target = t
			}
		}
		f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
		if err != nil {
			return fmt.Errorf("-o %s: %w", name, err)
		}
		e.temps.Store(f.Name(), true)
		outs[k], ws[k] = out{f: f, target: target}, f
	}
	if err := write(ws); err != nil {
		return err
	}
	for k := range outs {
		o := &outs[k]
		if err := o.f.Close(); err != nil {
			return fmt.Errorf("-o %s: %w", names[k], err)
		}
		if o.target == "" {
			o.done = true
			continue
		}
		mode := fs.FileMode(0o644)
		if fi, err := os.Stat(o.target); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.Chmod(o.f.Name(), mode); err != nil {
			return fmt.Errorf("-o %s: %w", names[k], err)
		}
	}
	for k := range outs {
		o := &outs[k]
		if o.done {
			continue
		}
		if err := os.Rename(o.f.Name(), o.target); err != nil {
			return fmt.Errorf("-o %s: %w", names[k], err)
		}
		e.temps.Delete(o.f.Name())
		o.done = true
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
