package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/zhenalign/zhenalign/batch"
)

// ErrNoMatch means a glob matches no file.
var ErrNoMatch = errors.New("pipeline: the pattern matches no file")

// Plan finds the documents of input, as zhenalign batch finds them:
//
//   - a folder (local): walked by batch.Discover;
//   - a glob, local (/data/crawl/*.txt) or on a Beam file system
//     (gs://bucket/crawl/*): the files it matches are paired on their
//     names, by batch.Discover (local; a folder matched is walked) or
//     batch.PlanFiles (URLs, which cannot be walked);
//   - any other file, local or a URL: a manifest, read by
//     batch.ReadManifest; the files of its first document must exist
//     (a document given for a manifest is an error, not a failure per
//     line).
//
// With presplit, every document must be a pair. The file systems of
// URLs must be registered (import gs, for example, or beamx).
func Plan(ctx context.Context, input string, presplit bool) (*batch.Plan, error) {
	glob := strings.ContainsAny(input, "*?[")
	if scheme(input) == "" {
		if glob {
			matches, err := filepath.Glob(input)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", input, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: %w", input, ErrNoMatch)
			}
			return batch.Discover(matches, presplit)
		}
		fi, err := os.Stat(input)
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			return batch.Discover([]string{input}, presplit)
		}
	}
	fs, err := filesystem.New(ctx, input)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	if glob {
		matches, err := fs.List(ctx, input)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", input, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: %w", input, ErrNoMatch)
		}
		return batch.PlanFiles(matches, presplit), nil
	}
	r, err := fs.OpenRead(ctx, input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", input, err)
	}
	defer r.Close()
	plan, err := batch.ReadManifest(r, input, presplit)
	if err != nil {
		return nil, err
	}
	// A document given for a manifest would give a failure per line:
	// the files of the first document must be there.
	if len(plan.Jobs) > 0 {
		for _, f := range plan.Jobs[0].Files() {
			if err := exists(ctx, f); err != nil {
				return nil, fmt.Errorf("%s is read as a manifest (one document a line), and its first document %s cannot be read: %w", input, f, err)
			}
		}
	}
	return plan, nil
}

// exists reports an error when the file path cannot be found.
func exists(ctx context.Context, path string) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	_, err = fs.Size(ctx, path)
	return err
}
