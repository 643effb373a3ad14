package gen

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNPMFilesLocal reads the same package from a tarball and from a
// folder, keeping some files.
func TestNPMFilesLocal(t *testing.T) {
	files := map[string]string{"package.json": `{"name":"x"}`, "data/all.js": "[]", "README.md": "read me"}
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, content := range files {
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(content)), Typeflag: tar.TypeReg}))
		_, err := tw.Write([]byte(content))
		require.NoError(t, err)
		p := filepath.Join(dir, "unpacked", filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "package/data", Typeflag: tar.TypeDir, Mode: 0o755}))
	require.NoError(t, tw.Close())
	require.NoError(t, zw.Close())
	tgz := filepath.Join(dir, "x-1.0.0.tgz")
	require.NoError(t, os.WriteFile(tgz, buf.Bytes(), 0o644))

	keep := func(name string) bool { return name != "README.md" }
	want := map[string][]byte{"package.json": []byte(files["package.json"]), "data/all.js": []byte(files["data/all.js"])}
	for _, local := range []string{tgz, filepath.Join(dir, "unpacked")} {
		got, err := NPMFiles("x", "1.0.0", local, keep)
		require.NoError(t, err)
		assert.Equal(t, want, got, local)
	}
	all, err := NPMFiles("x", "1.0.0", tgz, nil)
	require.NoError(t, err)
	assert.Len(t, all, 3)
	_, err = NPMFiles("x", "1.0.0", filepath.Join(dir, "missing.tgz"), nil)
	assert.Error(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.tgz"), []byte("not gzip"), 0o644))
	_, err = NPMFiles("x", "1.0.0", filepath.Join(dir, "bad.tgz"), nil)
	assert.ErrorContains(t, err, "bad.tgz")
}
