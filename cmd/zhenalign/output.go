package main

import (
	"errors"
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
// same file, also through a symbolic link or another path, or the file
// standard input is redirected from for "-"): writing it would replace the
// input with the output.
func (e *env) checkNotInput(out string, inputs []string) error {
	if out == "-" || out == "" {
		return nil
	}
	fo, err := os.Stat(out)
	if err != nil {
		return nil // it does not exist yet
	}
	for _, in := range inputs {
		var fi os.FileInfo
		if in == "-" {
			if f, ok := e.stdin.(*os.File); ok && f != nil {
				fi, err = f.Stat()
			}
		} else {
			fi, err = os.Stat(in)
		}
		if fi != nil && err == nil && os.SameFile(fo, fi) {
			return fmt.Errorf("%w: -o %s is the input %s: the output would replace it", errUsage, out, in)
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
					e.forget(o.f.Name())
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
		f, err := e.createTemp(target)
		if err != nil {
			return fmt.Errorf("-o %s: %w", name, err)
		}
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
		e.forget(o.f.Name())
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

// createTemp creates and records the temporary file that will replace
// target; it fails once the command is aborting.
func (e *env) createTemp(target string) (*os.File, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.aborting {
		return nil, errAborting
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
	if err != nil {
		return nil, err
	}
	if e.temps == nil {
		e.temps = map[string]bool{}
	}
	e.temps[f.Name()] = true
	return f, nil
}

// forget drops a temporary file from the record: renamed or removed.
func (e *env) forget(name string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.temps, name)
}

var errAborting = errors.New("aborting")

// removeTemps removes the temporary files not yet finished, before an
// abort, and makes sure no new one is created: the caller exits next.
func (e *env) removeTemps() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.aborting = true
	for name := range e.temps {
		os.Remove(name)
	}
	clear(e.temps)
}
