package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
)

// writeOutput calls write with standard output for "-", or with a file that
// replaces name only once write has succeeded, so that a failed run never
// leaves a half-written file behind.
func (e *env) writeOutput(name string, write func(io.Writer) error) error {
	if name == "-" || name == "" {
		return write(e.stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	e.temps.Store(tmp, true)
	defer e.temps.Delete(tmp)
	if err := write(f); err != nil {
		return errors.Join(err, f.Close(), os.Remove(tmp))
	}
	if err := f.Close(); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return os.Rename(tmp, name)
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
