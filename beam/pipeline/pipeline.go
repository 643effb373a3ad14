package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"

	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/settings"
)

// Formats are the output formats of a run: those of zhenalign batch that
// can be sharded ("ladder" has no document column, "text" is for a
// terminal).
var Formats = slices.DeleteFunc(slices.Clone(settings.Formats), func(f string) bool { return f == "ladder" || f == "text" })

// DefaultShards is the number of output shards when Config.Shards is 0.
const DefaultShards = 4

// Namespace is the namespace of the pipeline's Beam metrics.
const Namespace = "zhenalign"

// Config says what a run does.
type Config struct {
	// Flags are the flags of package settings given to the run
	// (settings.NewAlignment and settings.NewOutput with Formats, as
	// Settings.Args returns them): every worker parses them again, so
	// that a flag means what it means to zhenalign batch.
	Flags []string
	// Output is the prefix of the output files: PREFIX-00000-of-00004.jsonl
	// (see ShardName), PREFIX-failures.jsonl and PREFIX-jobs.jsonl. It
	// is a path or a URL of one of Beam's file systems (gs://...).
	Output string
	// Shards is the number of output files (0 means DefaultShards).
	Shards int
	// Version is the version of the program, written in TMX and XLIFF
	// headers.
	Version string
}

func (c Config) shards() int {
	if c.Shards <= 0 {
		return DefaultShards
	}
	return c.Shards
}

// ErrConfig means a Config cannot be run.
var ErrConfig = errors.New("pipeline: bad configuration")

// Check reports a Config that cannot be run: no output prefix (or a
// folder's, ending in "/"), a negative
// number of shards, flags that settings refuses. It is what the workers
// check again in Setup.
func (c Config) Check() error {
	if c.Output == "" {
		return fmt.Errorf("%w: no output prefix", ErrConfig)
	}
	if strings.HasSuffix(c.Output, "/") || strings.HasSuffix(c.Output, string(filepath.Separator)) {
		return fmt.Errorf("%w: the output prefix %s names a folder: add the files' prefix (%scorpus)", ErrConfig, c.Output, c.Output)
	}
	if c.Shards < 0 {
		return fmt.Errorf("%w: %d shards", ErrConfig, c.Shards)
	}
	_, _, err := parseSettings(c.Flags)
	return err
}

// ShardName returns the name of shard i of n of the output prefix, with
// the extension ext (settings.Ext of the format): PREFIX-00001-of-00004.jsonl.
func ShardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, ext)
}

// ShardFiles returns the files of shard i of n in format: one, or the two
// of moses (.en and .zh).
func ShardFiles(prefix string, i, n int, format string) []string {
	name := ShardName(prefix, i, n, settings.Ext(format))
	if format == "moses" {
		return []string{name + ".en", name + ".zh"}
	}
	return []string{name}
}

// FailuresFile returns the file listing the documents that failed.
func FailuresFile(prefix string) string { return prefix + "-failures.jsonl" }

// CountsFile returns the file of the run's Counts, written once every shard
// is.
func CountsFile(prefix string) string { return prefix + "-counts.json" }

// Counts are the counts of a run, as the file CountsFile holds them (one
// JSON object): the documents aligned, the documents that failed, the units
// aligned, by link type ("1-1": 95), and the units written in the shards:
// those the filters keep and the format writes (corpus.Writes: TMX, XLIFF,
// Moses and hf leave out a unit with an empty side).
// They are counted from the data the pipeline carries, and so are exact
// on every runner, where Beam's metrics of the same names may not be:
// runners report metrics of retried bundles, or of bundles they split,
// as they can (Prism 2.77 loses those of bundles that finish at the same
// moment, a counter's first time).
type Counts struct {
	Documents int            `json:"documents"`
	Failures  int            `json:"failures"`
	Units     int            `json:"units"`
	Types     map[string]int `json:"types"`
	Written   int            `json:"written"`
}

func (c *Counts) add(o Counts) {
	c.Documents += o.Documents
	c.Failures += o.Failures
	c.Units += o.Units
	c.Written += o.Written
	for t, n := range o.Types {
		c.Types[t] += n
	}
}

// ReadCounts reads the Counts of the run whose output prefix is prefix,
// once it has finished (through Beam's file systems).
func ReadCounts(ctx context.Context, prefix string) (Counts, error) {
	var c Counts
	fs := fileSystems{}
	defer fs.close()
	b, err := fs.read(ctx, CountsFile(prefix))
	if err != nil {
		return c, fmt.Errorf("pipeline: %s: %w", CountsFile(prefix), err)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("pipeline: %s: %w", CountsFile(prefix), err)
	}
	return c, nil
}

// JobsFile returns the file listing the documents of a run.
func JobsFile(prefix string) string { return prefix + "-jobs.jsonl" }

// ShardOf returns the shard of the document named name, among n: the FNV-1a
// hash of the name, modulo n.
func ShardOf(name string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(max(n, 1)))
}

// Failure is a document that could not be aligned, as a line of the
// failures file.
type Failure struct {
	Doc   string   `json:"doc"`
	Files []string `json:"files"`
	Error string   `json:"error"`
}

// WriteJobs writes the jobs, one JSON object a line, to the file path
// (through Beam's file systems), for Build to read.
func WriteJobs(ctx context.Context, path string, jobs []batch.Job) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, j := range jobs {
		if err := enc.Encode(j); err != nil {
			return err
		}
	}
	return writeFile(ctx, path, b.Bytes())
}

// Build adds to s the transforms that align the documents listed in
// jobsFile (as WriteJobs writes it) and write the shards and the failures
// of cfg.Output. See the package documentation.
func Build(s beam.Scope, jobsFile string, cfg Config) error {
	if err := cfg.Check(); err != nil {
		return err
	}
	n := cfg.shards()
	s = s.Scope("zhenalign")
	lines := textio.Read(s, jobsFile)
	lines = beam.Reshuffle(s, lines)
	docs, failures := beam.ParDo2(s, &alignFn{Flags: cfg.Flags, Shards: n}, lines)
	shards := make([]int, n)
	for i := range shards {
		shards[i] = i
	}
	markers := beam.ParDo(s, shardMarker, beam.CreateList(s, shards))
	groups := beam.GroupByKey(s, beam.Flatten(s, docs, markers))
	counts := beam.ParDo(s, &writeShardFn{Flags: cfg.Flags, Output: cfg.Output, Shards: n, Version: cfg.Version}, groups)
	beam.ParDo0(s, &writeFailuresFn{Output: cfg.Output}, beam.Impulse(s), beam.SideInput{Input: failures})
	beam.ParDo0(s, &writeCountsFn{Output: cfg.Output}, beam.Impulse(s), beam.SideInput{Input: counts}, beam.SideInput{Input: failures})
	return nil
}

// shardMarker keys an empty document by shard i, so that every shard is
// written, with or without documents.
func shardMarker(i int) (int, string) { return i, "" }

// parseSettings parses the flags of a Config as the command parsed them.
func parseSettings(args []string) (*settings.Alignment, *settings.Output, error) {
	fs := flag.NewFlagSet("zhenalign-beam", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	st := NewSettings(fs)
	if err := fs.Parse(args); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	if fs.NArg() > 0 {
		return nil, nil, fmt.Errorf("%w: not a flag: %q", ErrConfig, fs.Arg(0))
	}
	if err := st.Check(); err != nil {
		return nil, nil, err
	}
	return st.Alignment, st.Output, nil
}

// Settings are the flags of package settings that a run takes, those of
// zhenalign batch: how documents are read and aligned, how units are
// filtered and written.
type Settings struct {
	Alignment *settings.Alignment
	Output    *settings.Output
	names     map[string]bool
}

// NewSettings declares the flags of settings.NewAlignment and
// settings.NewOutput (formats: Formats, default jsonl) on fs.
func NewSettings(fs *flag.FlagSet) *Settings {
	// The flags are also declared on a set of their own, to know their names.
	own := flag.NewFlagSet("settings", flag.ContinueOnError)
	settings.NewAlignment(own)
	settings.NewOutput(own, "jsonl", Formats)
	st := &Settings{Alignment: settings.NewAlignment(fs), Output: settings.NewOutput(fs, "jsonl", Formats), names: map[string]bool{}}
	own.VisitAll(func(f *flag.Flag) { st.names[f.Name] = true })
	return st
}

// Check checks the flags once parsed: the format is one of Formats
// (jsonl when not given), and the checks of settings.
func (st *Settings) Check() error {
	if st.Output.Format == "" {
		st.Output.Format = "jsonl"
	}
	if !slices.Contains(Formats, st.Output.Format) {
		return &settings.FlagError{Msg: fmt.Sprintf("-f %s cannot be sharded (want one of %s)", st.Output.Format, strings.Join(Formats, ", "))}
	}
	return errors.Join(st.Alignment.Check(), st.Output.Check())
}

// Args returns the flags of the settings that were set on fs (declared
// there by NewSettings, parsed and checked), as --name=value, for
// Config.Flags. The creation date settled by Check is passed on as --date,
// so that every shard carries the same, and the format as -f (which
// another flag of the program may have set); -o is left out
// (Config.Output names the outputs).
func (st *Settings) Args(fs *flag.FlagSet) []string {
	args := []string{"-f=" + st.Output.Format}
	date := false
	fs.Visit(func(f *flag.Flag) {
		if !st.names[f.Name] || f.Name == "o" || f.Name == "f" {
			return
		}
		date = date || f.Name == "date"
		args = append(args, "--"+f.Name+"="+f.Value.String())
	})
	if !date && !st.Output.Created().IsZero() {
		args = append(args, "--date="+st.Output.Created().Format(time.RFC3339))
	}
	return args
}
