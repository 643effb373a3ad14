package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // all runners, the local and gs file systems

	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/beam/pipeline"
)

func main() {
	os.Exit(run(context.Background(), flag.CommandLine, os.Args[1:], os.Stderr))
}

const usage = `usage: zhenalign-beam --input DIR|GLOB|MANIFEST --output PREFIX [flags]

Aligns every document of the input on an Apache Beam runner (--runner:
prism, the default, on this machine; flink, spark, dataflow on a cluster)
and writes PREFIX-00000-of-00004.jsonl... (--shards files, each complete),
PREFIX-failures.jsonl (the documents that failed), PREFIX-counts.json
(the counts of the summary) and PREFIX-jobs.jsonl (the documents
planned). The input is a folder, a glob (quoted: 'gs://bucket/crawl/*'),
or a manifest: one document a line, PATH (mixed) or EN_PATH<TAB>ZH_PATH
(a pair), with an optional third column NAME.
The flags of zhenalign batch mean the same here; --dedup deduplicates
within each shard. The exit status is 1 if a document failed.

`

// run runs the command with the flags of fs (flag.CommandLine, where
// Beam declares its own: --runner and the runners' options).
func run(ctx context.Context, fs *flag.FlagSet, args []string, stderr io.Writer) int {
	fs.SetOutput(stderr)
	st := pipeline.NewSettings(fs)
	input := fs.String("input", "", "the documents: a folder, a glob (local or gs://...) or a manifest file")
	fs.StringVar(&st.Output.Out, "output", "", "prefix of the output files (a path, or gs://bucket/prefix)")
	fs.StringVar(&st.Output.Format, "format", "", "output format, as -f: "+strings.Join(pipeline.Formats, ", ")+" (default jsonl)")
	shards := fs.Int("shards", pipeline.DefaultShards, "number of output files")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	// On a worker, Init runs the SDK harness and does not return.
	beam.Init()
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "zhenalign-beam: "+format+"\n", args...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usageErr("unexpected argument %q: give the documents with --input", fs.Arg(0))
	case *input == "":
		return usageErr("give the documents with --input DIR|GLOB|MANIFEST")
	case st.Output.Out == "" || st.Output.Out == "-":
		return usageErr("give the prefix of the output files with --output PREFIX")
	case *shards < 1:
		return usageErr("--shards must be at least 1")
	}
	if err := st.Check(); err != nil {
		return usageErr("%v", err)
	}
	if err := (pipeline.Config{Output: st.Output.Out}).Check(); err != nil {
		return usageErr("--output: %v", strings.TrimPrefix(err.Error(), pipeline.ErrConfig.Error()+": "))
	}
	if err := launch(ctx, stderr, fs, st, *input, *shards); err != nil {
		fmt.Fprintf(stderr, "zhenalign-beam: %v\n", err)
		return 1
	}
	return 0
}

// errFailed means documents failed (and the others were written).
var errFailed = errors.New("documents failed")

// launch plans the documents, runs the pipeline and reports.
func launch(ctx context.Context, stderr io.Writer, fs *flag.FlagSet, st *pipeline.Settings, input string, shards int) error {
	plan, err := pipeline.Plan(ctx, input, st.Alignment.Presplit)
	if err != nil {
		return err
	}
	for _, f := range plan.Unpaired {
		fmt.Fprintf(stderr, "unpaired: %s\n", f)
	}
	for _, sk := range plan.Skipped {
		if sk.Reason != batch.SkipNotText {
			fmt.Fprintf(stderr, "skipped: %s: %s\n", sk.Path, sk.Reason)
		}
	}
	if len(plan.Jobs) == 0 {
		return errors.New("no document to align")
	}
	pairs := 0
	for _, j := range plan.Jobs {
		if j.Mixed == "" {
			pairs++
		}
	}
	fmt.Fprintf(stderr, "found %d %s (%d mixed, %d %s), %d unpaired, %d skipped\n",
		len(plan.Jobs), plural(len(plan.Jobs), "document"), len(plan.Jobs)-pairs, pairs, plural(pairs, "pair"), len(plan.Unpaired), len(plan.Skipped))
	// The glossary and the dictionary are read here too: a mistake in
	// them stops the run before it starts, not on every worker.
	if _, err := st.Alignment.OptionsWith(func(name string) (io.ReadCloser, error) { return open(ctx, name) }); err != nil {
		return err
	}
	prefix := st.Output.Out
	cfg := pipeline.Config{Flags: st.Args(fs), Output: prefix, Shards: shards, Version: version()}
	if err := pipeline.WriteJobs(ctx, pipeline.JobsFile(prefix), plan.Jobs); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, pipeline.JobsFile(prefix), cfg); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	outputs := pipeline.ShardFiles(prefix, 0, shards, st.Output.Format)
	for k := range outputs {
		outputs[k] = strings.Replace(outputs[k], "-00000-of-", "-*-of-", 1)
	}
	fmt.Fprintf(stderr, "wrote %s; failures in %s\n", strings.Join(outputs, " and "), pipeline.FailuresFile(prefix))
	if *jobopts.Async {
		fmt.Fprintf(stderr, "submitted (--async): the runner's UI shows the job's progress and metrics\n")
		return nil
	}
	if res == nil {
		return nil // a runner without results (dot)
	}
	// The summary reads the counts the pipeline wrote, not the runner's
	// metrics: those may miss a bundle (see pipeline.Counts).
	c, err := pipeline.ReadCounts(ctx, prefix)
	if err != nil {
		return err
	}
	types := make([]string, 0, len(c.Types))
	for t := range c.Types {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		if c.Types[a] != c.Types[b] {
			return c.Types[b] - c.Types[a]
		}
		return strings.Compare(a, b)
	})
	byType := ""
	for k, t := range types {
		if k > 0 {
			byType += ", "
		}
		byType += fmt.Sprintf("%s %d", t, c.Types[t])
	}
	if byType != "" {
		byType = " (" + byType + ")"
	}
	fmt.Fprintf(stderr, "aligned %d %s, %d failed; %d %s%s, %d written\n",
		c.Documents, plural(c.Documents, "document"), c.Failures, c.Units, plural(c.Units, "unit"), byType, c.Written)
	if c.Failures > 0 {
		return fmt.Errorf("%d of %d %w: see %s", c.Failures, len(plan.Jobs), errFailed, pipeline.FailuresFile(prefix))
	}
	return nil
}

// plural returns word, with an "s" unless n is 1.
func plural[N int | int64](n N, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// open opens a file of a Beam file system (local, gs://...).
func open(ctx context.Context, name string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		fs.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readCloser{r, fs}, nil
}

// readCloser closes a file and its file system.
type readCloser struct {
	io.ReadCloser
	fs filesystem.Interface
}

func (r readCloser) Close() error { return errors.Join(r.ReadCloser.Close(), r.fs.Close()) }

// version returns the module's version, "(devel)" in a checkout.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}
