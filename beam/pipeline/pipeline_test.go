package pipeline_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/beam/pipeline"
	"github.com/zhenalign/zhenalign/corpus"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// repo is the root of the zhenalign checkout.
const repo = "../.."

// champollion is the folder of the Champollion test pairs, when present.
const champollion = "/work/shared/data/champollion"

// folder makes a folder of documents: copies of the seeds, the Champollion
// pairs (NNN.en.txt, NNN.zh.txt) unless seedsOnly or missing, and an empty
// file.
func folder(t *testing.T, seedsOnly bool) string {
	t.Helper()
	dir := t.TempDir()
	seeds, err := filepath.Glob(filepath.Join(repo, "testdata", "seeds", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds)
	cp := func(from, to string) {
		b, err := os.ReadFile(from)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), b, 0o644))
	}
	for _, f := range seeds {
		cp(f, filepath.Base(f))
	}
	if !seedsOnly {
		ens, _ := filepath.Glob(filepath.Join(champollion, "en", "*"))
		if len(ens) == 0 {
			t.Logf("no Champollion pairs in %s: the seeds only", champollion)
		}
		for _, en := range ens {
			n := filepath.Base(en)
			cp(en, n+".en.txt")
			cp(filepath.Join(champollion, "zh", n), n+".zh.txt")
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	return dir
}

// settingsOf parses args as the command does and returns the Config
// flags, with the settings.
func settingsOf(t *testing.T, args ...string) (*pipeline.Settings, []string) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	st := pipeline.NewSettings(fs)
	require.NoError(t, fs.Parse(args))
	require.NoError(t, st.Check())
	return st, st.Args(fs)
}

// runPipeline plans dir, runs the pipeline on Prism and returns its
// metrics by name.
func runPipeline(t *testing.T, dir string, cfg pipeline.Config) map[string]int64 {
	t.Helper()
	plan, err := batch.Discover([]string{dir}, false)
	require.NoError(t, err)
	require.NoError(t, pipeline.WriteJobs(context.Background(), pipeline.JobsFile(cfg.Output), plan.Jobs))
	return runJobs(t, cfg)
}

// runJobs runs the pipeline on the jobs file of cfg on Prism and returns
// its metrics by name.
func runJobs(t *testing.T, cfg pipeline.Config) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, pipeline.Build(s, pipeline.JobsFile(cfg.Output), cfg))
	res, err := prism.Execute(ctx, p)
	require.NoError(t, err)
	metrics := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == pipeline.Namespace {
			metrics[c.Name()] += c.Result()
		}
	}
	return metrics
}

// batchRun aligns dir with batch.Run and the settings of st, and writes the
// units kept by its filter with write; it returns the documents that
// failed.
func batchRun(t *testing.T, dir string, st *pipeline.Settings, write func(corpus.Unit)) []string {
	t.Helper()
	plan, err := batch.Discover([]string{dir}, st.Alignment.Presplit)
	require.NoError(t, err)
	opts, err := st.Alignment.Options()
	require.NoError(t, err)
	filter, err := st.Output.Filter()
	require.NoError(t, err)
	var failed []string
	require.NoError(t, batch.Run(context.Background(), plan.Jobs, batch.Options{Aligner: align.New(opts...),
		Level: st.Alignment.Level, Presplit: st.Alignment.Presplit}, func(r batch.Result) error {
		if r.Err != nil {
			failed = append(failed, r.Job.Name)
		}
		for _, u := range r.Units {
			if filter.Keep(&u) {
				write(u)
			}
		}
		return nil
	}))
	return failed
}

func lines(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	require.NoError(t, sc.Err())
	return out
}

// TestPipeline runs the pipeline on Prism over the seeds, the Champollion
// pairs and an empty file, and checks that the units of all its shards
// are those of batch.Run on the same folder (as a multiset: the shards
// group documents by hash), in more than one shard, and that the empty
// file is reported and the others kept.
func TestPipeline(t *testing.T) {
	dir := folder(t, false)
	st, flags := settingsOf(t, "-f", "jsonl")
	const shards = 3
	cfg := pipeline.Config{Flags: flags, Output: filepath.Join(t.TempDir(), "out", "corpus"), Shards: shards, Version: "test"}
	metrics := runPipeline(t, dir, cfg)

	var want bytes.Buffer
	jw := corpus.NewJSONLWriter(&want)
	failed := batchRun(t, dir, st, func(u corpus.Unit) { require.NoError(t, jw.Write(u)) })
	require.NoError(t, jw.Close())
	assert.Equal(t, []string{"empty.txt"}, failed)

	var got []string
	nonEmpty := 0
	docs := map[string]int{} // shard of each document
	for i := range shards {
		name := pipeline.ShardName(cfg.Output, i, shards, ".jsonl")
		b, err := os.ReadFile(name)
		require.NoError(t, err, "every shard is written")
		ls := lines(t, b)
		if len(ls) > 0 {
			nonEmpty++
		}
		r := corpus.NewJSONLReader(bytes.NewReader(b), name)
		for r.Next() {
			doc := r.Unit().Doc
			if s, ok := docs[doc]; ok {
				assert.Equal(t, i, s, "a document is in one shard: %s", doc)
			}
			docs[doc] = i
			assert.Equal(t, pipeline.ShardOf(doc, shards), i, doc)
		}
		require.NoError(t, r.Err(), "each shard is a valid file")
		got = append(got, ls...)
	}
	wantLines := lines(t, want.Bytes())
	t.Logf("%d units from %d documents in %d shards (%d not empty)", len(got), len(docs), shards, nonEmpty)
	assert.GreaterOrEqual(t, nonEmpty, 2)
	assert.Len(t, got, len(wantLines))
	assert.ElementsMatch(t, wantLines, got, "the units of the shards are those of batch.Run")

	b, err := os.ReadFile(pipeline.FailuresFile(cfg.Output))
	require.NoError(t, err)
	fl := lines(t, b)
	require.Len(t, fl, 1)
	var f pipeline.Failure
	require.NoError(t, json.Unmarshal([]byte(fl[0]), &f))
	assert.Equal(t, "empty.txt", f.Doc)
	assert.Equal(t, []string{filepath.Join(dir, "empty.txt")}, f.Files)
	assert.Contains(t, f.Error, "empty")

	// The counts the summary prints are exact, run after run.
	counts, err := pipeline.ReadCounts(context.Background(), cfg.Output)
	require.NoError(t, err)
	wantTypes := map[string]int{}
	for _, l := range wantLines {
		r := corpus.NewJSONLReader(strings.NewReader(l), "want")
		require.True(t, r.Next(), r.Err())
		wantTypes[r.Unit().Type()]++
	}
	assert.Equal(t, pipeline.Counts{Documents: len(docs), Failures: 1, Units: len(wantLines), Types: wantTypes, Written: len(got)}, counts)
	// Beam's metrics count the same, as well as the runner reports them:
	// Prism may lose a bundle's (see pipeline.Counts).
	assert.NotEmpty(t, metrics)
	for name, want := range map[string]int{"documents": len(docs), "failures": 1, "units": len(wantLines), "units_written": len(got)} {
		assert.LessOrEqual(t, metrics[name], int64(want), name)
		if metrics[name] < int64(want) {
			t.Logf("the runner reported %s %d, short of %d", name, metrics[name], want)
		}
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(cfg.Output), "*.tmp-*"))
	assert.Empty(t, left, "no temporary file is left")
}

// TestPipelineFormats checks the filters and the formats other than JSONL
// on the seeds: each shard a complete file of its format, holding the
// units batch.Run keeps with the same flags.
func TestPipelineFormats(t *testing.T) {
	dir := folder(t, true)
	for _, tc := range []struct {
		desc string
		args []string
		// count returns the units of a shard's files.
		count func(t *testing.T, files [][]byte) int
		// leftOut says the format leaves out units the filter keeps.
		leftOut bool
	}{
		{"tmx, 1-1 only", []string{"-f", "tmx", "--types", "1-1", "--zh-lang", "zh-CN"}, func(t *testing.T, files [][]byte) int {
			r := corpus.NewTMXReader(bytes.NewReader(files[0]), "shard")
			n := 0
			for r.Next() {
				assert.Equal(t, "1-1", r.Unit().Type())
				n++
			}
			require.NoError(t, r.Err())
			return n
		}, false},
		{"tmx, one-sided units left out", []string{"-f", "tmx"}, func(t *testing.T, files [][]byte) int {
			r := corpus.NewTMXReader(bytes.NewReader(files[0]), "shard")
			n := 0
			for r.Next() {
				n++
			}
			require.NoError(t, r.Err())
			return n
		}, true},
		{"xliff", []string{"-f", "xliff"}, func(t *testing.T, files [][]byte) int {
			r := corpus.NewXLIFFReader(bytes.NewReader(files[0]), "shard")
			n := 0
			for r.Next() {
				n++
			}
			require.NoError(t, r.Err())
			return n
		}, true},
		{"moses, min score", []string{"-f", "moses", "--min-score", "0.8"}, func(t *testing.T, files [][]byte) int {
			en, zh := lines(t, files[0]), lines(t, files[1])
			require.Equal(t, len(en), len(zh), "the two files of a moses shard")
			return len(en)
		}, true},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			st, flags := settingsOf(t, tc.args...)
			const shards = 2
			cfg := pipeline.Config{Flags: flags, Output: filepath.Join(t.TempDir(), "c"), Shards: shards}
			metrics := runPipeline(t, dir, cfg)
			// batch.Run's units, written by the writer of the format.
			bufs := make([]bytes.Buffer, 2)
			var w corpus.Writer
			if st.Output.Format == "moses" {
				w = corpus.NewMosesWriter(&bufs[0], &bufs[1])
			} else {
				var err error
				w, err = st.Output.NewWriter(&bufs[0], st.Alignment.Level, false, "")
				require.NoError(t, err)
			}
			kept := 0
			batchRun(t, dir, st, func(u corpus.Unit) { require.NoError(t, w.Write(u)); kept++ })
			require.NoError(t, w.Close())
			want := tc.count(t, [][]byte{bufs[0].Bytes(), bufs[1].Bytes()})
			got := 0
			for i := range shards {
				var files [][]byte
				for _, name := range pipeline.ShardFiles(cfg.Output, i, shards, st.Output.Format) {
					b, err := os.ReadFile(name)
					require.NoError(t, err)
					files = append(files, b)
				}
				got += tc.count(t, files)
			}
			assert.Positive(t, want)
			assert.Equal(t, want, got)
			// "written" counts the units in the shards: those the filter
			// keeps and the format writes.
			counts, err := pipeline.ReadCounts(context.Background(), cfg.Output)
			require.NoError(t, err)
			assert.Equal(t, got, counts.Written)
			if tc.leftOut {
				assert.Less(t, counts.Written, kept, "one-sided units kept by the filter, left out by the format")
			} else {
				assert.Equal(t, kept, counts.Written)
			}
			assert.Greater(t, counts.Units, counts.Written, "units left out")
			assert.LessOrEqual(t, metrics["units_written"], int64(counts.Written))
		})
	}
}

// TestSettings checks that the flags of a run are passed on to the workers
// as they were given, with the format and the creation date settled.
func TestSettings(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	st, args := settingsOf(t, "--types", "1-1,2-1", "--min-score", "0.25", "-o", "ignored", "--level", "para", "--no-learn")
	assert.Equal(t, []string{"-f=jsonl", "--level=para", "--min-score=0.25", "--no-learn=true", "--types=1-1,2-1",
		"--date=2023-11-14T22:13:20Z"}, args)
	assert.Equal(t, "jsonl", st.Output.Format)

	cfg := pipeline.Config{Flags: args, Output: "x"}
	require.NoError(t, cfg.Check())
	for _, tc := range []struct {
		desc string
		cfg  pipeline.Config
		msg  string
	}{
		{"no output", pipeline.Config{}, "no output prefix"},
		{"a folder", pipeline.Config{Output: "gs://b/out/"}, "the output prefix gs://b/out/ names a folder: add the files' prefix (gs://b/out/corpus)"},
		{"negative shards", pipeline.Config{Output: "x", Shards: -1}, "-1 shards"},
		{"bad flag", pipeline.Config{Output: "x", Flags: []string{"--min-score=2"}}, "--min-score must be in [0,1]"},
		{"not a flag", pipeline.Config{Output: "x", Flags: []string{"x"}}, `not a flag: "x"`},
		{"ladder", pipeline.Config{Output: "x", Flags: []string{"-f=ladder"}}, "-f ladder cannot be sharded"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			assert.ErrorContains(t, tc.cfg.Check(), tc.msg)
		})
	}
	assert.Equal(t, "p-00002-of-00010.tsv", pipeline.ShardName("p", 2, 10, ".tsv"))
	assert.Equal(t, []string{"p-00000-of-00001.en", "p-00000-of-00001.zh"}, pipeline.ShardFiles("p", 0, 1, "moses"))
}
