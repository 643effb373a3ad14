package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/settings"
)

// Beam's Go SDK finds DoFns and their element types on the workers by
// registration, at init.
func init() {
	register.DoFn4x1[context.Context, string, func(int, string), func(string), error](&alignFn{})
	register.DoFn4x1[context.Context, int, func(*string) bool, func(string), error](&writeShardFn{})
	register.DoFn3x1[context.Context, []byte, func(*string) bool, error](&writeFailuresFn{})
	register.DoFn4x1[context.Context, []byte, func(*string) bool, func(*string) bool, error](&writeCountsFn{})
	register.Function1x2(shardMarker)
	register.Emitter2[int, string]()
	register.Emitter1[string]()
	register.Iter1[string]()
}

// document is the element of an aligned document: its name and units.
type document struct {
	Name  string
	Units []corpus.Unit
}

// alignFn aligns each document (a JSON batch.Job) and emits its units,
// keyed by shard, or its failure.
type alignFn struct {
	Flags  []string
	Shards int

	al   *align.Aligner
	opts batch.Options
	fs   fileSystems
}

// Setup builds the Aligner once per worker: the settings, the glossary and
// the dictionary (read through Beam's file systems).
func (f *alignFn) Setup(ctx context.Context) error {
	a, _, err := parseSettings(f.Flags)
	if err != nil {
		return err
	}
	f.fs = fileSystems{}
	opts, err := a.OptionsWith(func(name string) (io.ReadCloser, error) { return f.fs.open(ctx, name) })
	if err != nil {
		return err
	}
	f.al = align.New(opts...)
	f.opts = batch.Options{Level: a.Level, Presplit: a.Presplit}
	return nil
}

// ProcessElement aligns one document. Only a job that is not JSON (a bug)
// fails the bundle; a document that fails goes to fail.
func (f *alignFn) ProcessElement(ctx context.Context, line string, emit func(int, string), fail func(string)) error {
	var job batch.Job
	if err := json.Unmarshal([]byte(line), &job); err != nil {
		return fmt.Errorf("pipeline: job %q: %w", line, err)
	}
	r := f.align(ctx, job)
	if r.Err != nil {
		b, err := json.Marshal(Failure{Doc: job.Name, Files: job.Files(), Error: r.Err.Error()})
		if err != nil {
			return err
		}
		beam.NewCounter(Namespace, "failures").Inc(ctx, 1)
		fail(string(b))
		return nil
	}
	b, err := json.Marshal(document{Name: job.Name, Units: r.Units})
	if err != nil {
		return fmt.Errorf("pipeline: %s: %w", job.Name, err)
	}
	beam.NewCounter(Namespace, "documents").Inc(ctx, 1)
	beam.NewCounter(Namespace, "units").Inc(ctx, int64(len(r.Units)))
	types := map[string]int64{}
	for _, u := range r.Units {
		types[u.Type()]++
	}
	for t, n := range types {
		beam.NewCounter(Namespace, "units_"+t).Inc(ctx, n)
	}
	emit(ShardOf(job.Name, f.Shards), string(b))
	return nil
}

// align reads the files of job and aligns them.
func (f *alignFn) align(ctx context.Context, job batch.Job) batch.Result {
	var data [][]byte
	for _, name := range job.Files() {
		b, err := f.fs.read(ctx, name)
		if err != nil {
			return batch.Result{Job: job, Err: fmt.Errorf("%s: %w", name, err)}
		}
		data = append(data, b)
	}
	return batch.AlignData(f.al, job, data, f.opts)
}

// Teardown closes the file systems.
func (f *alignFn) Teardown() error { return f.fs.close() }

// writeShardFn writes the documents of one shard, in name order, filtered,
// as one file (two for moses).
type writeShardFn struct {
	Flags   []string
	Output  string
	Shards  int
	Version string

	level corpus.Level
	out   *settings.Output
}

// Setup parses the settings.
func (f *writeShardFn) Setup() error {
	a, o, err := parseSettings(f.Flags)
	if err != nil {
		return err
	}
	f.level, f.out = a.Level, o
	return nil
}

// ProcessElement writes shard i: the documents that docs yields (JSON
// documents; "" is the marker of the shard). Once the file is committed,
// it emits the Counts of the shard (JSON, Failures 0).
func (f *writeShardFn) ProcessElement(ctx context.Context, i int, docs func(*string) bool, emit func(string)) error {
	var all []document
	var s string
	for docs(&s) {
		if s == "" {
			continue
		}
		var d document
		if err := json.Unmarshal([]byte(s), &d); err != nil {
			return fmt.Errorf("pipeline: shard %d: %w", i, err)
		}
		all = append(all, d)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].Name < all[b].Name })
	filter, err := f.out.Filter() // one per shard: deduplication is per shard
	if err != nil {
		return err
	}
	names := ShardFiles(f.Output, i, f.Shards, f.out.Format)
	files := make([]*newFile, len(names))
	defer func() {
		for _, nf := range files {
			nf.abort(ctx) // after commit, nothing to do
		}
	}()
	for k, name := range names {
		if files[k], err = createFile(ctx, name); err != nil {
			return err
		}
	}
	var w corpus.Writer
	if f.out.Format == "moses" {
		w = corpus.NewMosesWriter(files[0], files[1])
	} else if w, err = f.out.NewWriter(files[0], f.level, false, f.Version); err != nil {
		return err
	}
	counts := Counts{Documents: len(all), Types: map[string]int{}}
	for _, d := range all {
		for _, u := range d.Units {
			counts.Units++
			counts.Types[u.Type()]++
			if !filter.Keep(&u) {
				continue
			}
			if err := w.Write(u); err != nil {
				return fmt.Errorf("pipeline: %s: %s: %w", names[0], d.Name, err)
			}
			if corpus.Writes(f.out.Format, u) {
				counts.Written++ // not a unit the format leaves out
			}
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("pipeline: %s: %w", names[0], err)
	}
	for _, nf := range files {
		if err := nf.commit(ctx); err != nil {
			return err
		}
	}
	beam.NewCounter(Namespace, "units_written").Inc(ctx, int64(counts.Written))
	b, err := json.Marshal(counts)
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}

// writeFailuresFn writes the failures (a side input of JSON Failures) to
// the failures file, in document order, once.
type writeFailuresFn struct {
	Output string
}

// ProcessElement writes the failures file, empty when no document failed.
func (f *writeFailuresFn) ProcessElement(ctx context.Context, _ []byte, failures func(*string) bool) error {
	var lines []string
	var s string
	for failures(&s) {
		lines = append(lines, s)
	}
	sort.Strings(lines) // {"doc":NAME... first: in document order
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return writeFile(ctx, FailuresFile(f.Output), b.Bytes())
}

// writeCountsFn writes the counts of the run (CountsFile): the sum of the
// shards' Counts (a side input of JSON Counts) and the number of failures
// (a side input of JSON Failures), once.
type writeCountsFn struct {
	Output string
}

// ProcessElement writes the counts file.
func (f *writeCountsFn) ProcessElement(ctx context.Context, _ []byte, shards, failures func(*string) bool) error {
	total := Counts{Types: map[string]int{}}
	var s string
	for shards(&s) {
		var c Counts
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return fmt.Errorf("pipeline: counts %q: %w", s, err)
		}
		total.add(c)
	}
	for failures(&s) {
		total.Failures++
	}
	b, err := json.Marshal(total)
	if err != nil {
		return err
	}
	return writeFile(ctx, CountsFile(f.Output), append(b, '\n'))
}

// fileSystems holds the Beam file systems opened by a DoFn, by scheme.
type fileSystems map[string]filesystem.Interface

func scheme(path string) string {
	if i := strings.Index(path, "://"); i > 0 {
		return path[:i]
	}
	return ""
}

// get returns the file system of path, opened on first use.
func (m fileSystems) get(ctx context.Context, path string) (filesystem.Interface, error) {
	if fs, ok := m[scheme(path)]; ok {
		return fs, nil
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	m[scheme(path)] = fs
	return fs, nil
}

func (m fileSystems) open(ctx context.Context, path string) (io.ReadCloser, error) {
	fs, err := m.get(ctx, path)
	if err != nil {
		return nil, err
	}
	r, err := fs.OpenRead(ctx, path)
	if err != nil && !strings.Contains(err.Error(), path) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return r, err
}

func (m fileSystems) read(ctx context.Context, path string) ([]byte, error) {
	fs, err := m.get(ctx, path)
	if err != nil {
		return nil, err
	}
	return filesystem.Read(ctx, fs, path)
}

func (m fileSystems) close() error {
	var errs []error
	for k, fs := range m {
		errs = append(errs, fs.Close())
		delete(m, k)
	}
	return errors.Join(errs...)
}

// newFile is a file being written through Beam's file systems: under a
// temporary name, renamed by commit, so that a reader never sees half a
// file and a retried write replaces the file whole.
type newFile struct {
	fs        filesystem.Interface
	w         io.WriteCloser
	tmp, path string
	done      bool
}

// createFile starts writing the file path.
func createFile(ctx context.Context, path string) (*newFile, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	tmp := fmt.Sprintf("%s.tmp-%016x", path, rand.Uint64())
	w, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		fs.Close()
		return nil, fmt.Errorf("%s: %w", tmp, err)
	}
	return &newFile{fs: fs, w: w, tmp: tmp, path: path}, nil
}

func (f *newFile) Write(p []byte) (int, error) { return f.w.Write(p) }

// commit closes the file and gives it its name.
func (f *newFile) commit(ctx context.Context) error {
	if err := f.w.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.tmp, err)
	}
	if err := filesystem.Rename(ctx, f.fs, f.tmp, f.path); err != nil {
		return fmt.Errorf("%s: %w", f.path, err)
	}
	f.done = true
	return f.fs.Close()
}

// abort removes the temporary file of a write that did not commit. A nil f
// does nothing.
func (f *newFile) abort(ctx context.Context) {
	if f == nil || f.done {
		return
	}
	f.done = true
	f.w.Close()
	if rm, ok := f.fs.(filesystem.Remover); ok {
		rm.Remove(ctx, f.tmp)
	}
	f.fs.Close()
}

// writeFile writes data to the file path, as newFile does.
func writeFile(ctx context.Context, path string, data []byte) error {
	f, err := createFile(ctx, path)
	if err != nil {
		return err
	}
	defer f.abort(ctx)
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("%s: %w", f.tmp, err)
	}
	return f.commit(ctx)
}
