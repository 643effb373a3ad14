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
//     batch.ReadManifest.
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
	return batch.ReadManifest(r, input, presplit)
}
