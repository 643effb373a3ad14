package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/beam/pipeline"
	"github.com/zhenalign/zhenalign/corpus"
)

const (
	enText = "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired it.\n"
	zhText = "2022年11月15日，重庆举行论坛。\n王雯主持论坛。\n"
	mixed  = "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n"
)

// TestPlan checks the three kinds of input, local and on a Beam file
// system (memfs, as gs:// would be).
func TestPlan(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, text := range map[string]string{"a.en.txt": enText, "a.zh.txt": zhText, "b.txt": mixed, "sub/c.txt": mixed} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		memfs.Write("memfs://plan/"+name, []byte(text))
	}
	manifest := filepath.Join(t.TempDir(), "m.tsv")
	require.NoError(t, os.WriteFile(manifest, []byte("memfs://plan/a.en.txt\tmemfs://plan/a.zh.txt\nmemfs://plan/b.txt\n"), 0o644))
	memfs.Write("memfs://plan/docs.manifest", []byte("memfs://plan/b.txt\t\tthe-b\n"))
	memfs.Write("memfs://plan/bad.manifest", []byte("a\tb\tc\td\n"))
	for _, tc := range []struct {
		desc, input string
		names       []string
		err         error
		msg         string
	}{
		{desc: "folder", input: dir, names: []string{"a.txt", "b.txt", filepath.Join("sub", "c.txt")}},
		{desc: "local glob: files and folders", input: filepath.Join(dir, "*"), names: []string{"a.txt", "b.txt", "c.txt"}},
		{desc: "local manifest", input: manifest, names: []string{"a.txt", "b.txt"}},
		{desc: "glob on a file system", input: "memfs://plan/*.txt", names: []string{"a.txt", "b.txt"}},
		{desc: "manifest on a file system", input: "memfs://plan/docs.manifest", names: []string{"the-b"}},
		{desc: "no match", input: "memfs://plan/*.html", err: pipeline.ErrNoMatch},
		{desc: "local no match", input: filepath.Join(dir, "*.html"), err: pipeline.ErrNoMatch},
		{desc: "missing", input: filepath.Join(dir, "nope"), err: os.ErrNotExist},
		{desc: "a document for a manifest", input: filepath.Join(dir, "b.txt"), err: os.ErrNotExist, msg: "b.txt is read as a manifest (one document a line)"},
		{desc: "bad manifest", input: "memfs://plan/bad.manifest", err: batch.ErrManifest, msg: "memfs://plan/bad.manifest:1: batch: bad manifest line"},
		{desc: "unknown scheme", input: "nofs://x/y", msg: `file system scheme "nofs" not registered`},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			plan, err := pipeline.Plan(ctx, tc.input, false)
			if tc.err != nil || tc.msg != "" {
				require.Error(t, err)
				if tc.err != nil {
					assert.ErrorIs(t, err, tc.err)
				}
				assert.Contains(t, err.Error(), tc.msg)
				return
			}
			require.NoError(t, err)
			var names []string
			for _, j := range plan.Jobs {
				names = append(names, j.Name)
			}
			assert.Equal(t, tc.names, names)
		})
	}
}

// TestObjectStore runs the pipeline with its input, glossary and output
// on a Beam file system (memfs, in the test process, as gs:// would be on
// a cluster).
func TestObjectStore(t *testing.T) {
	ctx := context.Background()
	memfs.Write("memfs://store/in/a.en.txt", []byte(enText))
	memfs.Write("memfs://store/in/a.zh.txt", []byte(zhText))
	memfs.Write("memfs://store/in/b.txt", []byte(mixed))
	memfs.Write("memfs://store/in/c.txt", nil)
	memfs.Write("memfs://store/glossary.tsv", []byte("Wang Wen\t王雯\n"))
	plan, err := pipeline.Plan(ctx, "memfs://store/in/*", false)
	require.NoError(t, err)
	require.Len(t, plan.Jobs, 3)
	_, flags := settingsOf(t, "--glossary", "memfs://store/glossary.tsv", "-f", "jsonl")
	cfg := pipeline.Config{Flags: flags, Output: "memfs://store/out/corpus", Shards: 2}
	require.NoError(t, pipeline.WriteJobs(ctx, pipeline.JobsFile(cfg.Output), plan.Jobs))
	metrics := runJobs(t, cfg)
	assert.Equal(t, int64(2), metrics["documents"])
	assert.Equal(t, int64(1), metrics["failures"])

	fs, err := filesystem.New(ctx, cfg.Output)
	require.NoError(t, err)
	units := 0
	for i := range 2 {
		b, err := filesystem.Read(ctx, fs, pipeline.ShardName(cfg.Output, i, 2, ".jsonl"))
		require.NoError(t, err)
		r := corpus.NewJSONLReader(bytes.NewReader(b), "shard")
		for r.Next() {
			units++
		}
		require.NoError(t, r.Err())
	}
	assert.Equal(t, 3, units)
	b, err := filesystem.Read(ctx, fs, pipeline.FailuresFile(cfg.Output))
	require.NoError(t, err)
	assert.Contains(t, string(b), `{"doc":"c.txt","files":["memfs://store/in/c.txt"],"error":"memfs://store/in/c.txt: align: no text to align`)
	left, err := fs.List(ctx, "memfs://store/out/*.tmp-*")
	require.NoError(t, err)
	assert.Empty(t, left)
}
