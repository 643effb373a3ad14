package batch_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
)

func touch(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	touch(t, root, map[string]string{
		"page.txt":           "mixed",
		"report.en.txt":      "a",
		"report.zh.txt":      "b",
		"memo_en.txt":        "a",
		"memo_zh.txt":        "b",
		"set/en/001":         "a",
		"set/zh/001":         "b",
		"set/gold/001.align": "[0]:[0]",
		"lonely-zh.txt":      "b",
		".hidden":            "x",
		"tm.tmx":             "<tmx/>",
		"notes.en":           "a",
		"notes.zh":           "b",
	})
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	var got [][3]string
	for _, j := range plan.Jobs {
		rel := func(p string) string {
			if p == "" {
				return ""
			}
			r, _ := filepath.Rel(root, p)
			return r
		}
		got = append(got, [3]string{j.Name, rel(j.EN), rel(j.ZH) + rel(j.Mixed)})
	}
	assert.Equal(t, [][3]string{
		{"memo.txt", "memo_en.txt", "memo_zh.txt"},
		{"notes", "notes.en", "notes.zh"},
		{"page.txt", "", "page.txt"},
		{"report.txt", "report.en.txt", "report.zh.txt"},
		{filepath.Join("set", "001"), filepath.Join("set", "en", "001"), filepath.Join("set", "zh", "001")},
	}, got)
	assert.Equal(t, []string{filepath.Join(root, "lonely-zh.txt")}, plan.Unpaired)
	assert.ElementsMatch(t, []batch.Skip{{filepath.Join(root, "set", "gold", "001.align"), batch.SkipNotText},
		{filepath.Join(root, "tm.tmx"), batch.SkipNotText}}, plan.Skipped)

	// With presplit, a lone file cannot be a document.
	plan, err = batch.Discover([]string{root}, true)
	require.NoError(t, err)
	assert.Len(t, plan.Jobs, 4)
	assert.Contains(t, plan.Unpaired, filepath.Join(root, "page.txt"))

	_, err = batch.Discover(nil, false)
	assert.ErrorIs(t, err, batch.ErrNoInput)
	_, err = batch.Discover([]string{filepath.Join(root, "nope")}, false)
	assert.Error(t, err)
}

func TestRun(t *testing.T) {
	root := t.TempDir()
	touch(t, root, map[string]string{
		"a.en.txt": "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired it.\n",
		"a.zh.txt": "2022年11月15日，重庆举行论坛。\n王雯主持论坛。\n",
		"b.txt":    "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n",
		"c.txt":    "",
		"d.txt":    "English only, no Chinese here.\n",
	})
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	require.Len(t, plan.Jobs, 4)
	var order []int
	var failed, warned []string
	units := 0
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{Workers: 3}, func(r batch.Result) error {
		order = append(order, r.Index)
		for _, w := range r.Warnings {
			assert.ErrorIs(t, w, align.ErrOneLanguage)
			warned = append(warned, r.Job.Name)
		}
		if r.Err != nil {
			failed = append(failed, r.Job.Name)
			return nil
		}
		units += len(r.Units)
		for _, u := range r.Units {
			assert.Equal(t, r.Job.Name, u.Doc)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3}, order, "results come in input order")
	assert.Equal(t, []string{"c.txt"}, failed)
	assert.Equal(t, []string{"d.txt"}, warned, "one language: omissions and a warning")
	assert.Equal(t, 4, units)

	// A cancelled run starts nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	err = batch.Run(ctx, plan.Jobs, batch.Options{Workers: 1}, func(batch.Result) error { n++; return nil })
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, n)
}

// TestDiscoverUniqueNames checks that documents that would share a name get
// distinct names, whatever the order of the paths given. Names starting
// with "/" stand for paths under the test folder.
func TestDiscoverUniqueNames(t *testing.T) {
	for _, tc := range []struct {
		desc  string
		files []string
		paths []string // folders or files given to Discover, under the test folder
		want  map[string]string
	}{
		{
			desc:  "same base name in two folders",
			files: []string{"d1/page.txt", "d2/page.txt"},
			paths: []string{"d1", "d2"},
			want:  map[string]string{"/d1/page.txt": "d1/page.txt", "/d2/page.txt": "d2/page.txt"},
		},
		{
			desc:  "same base name given as files",
			files: []string{"x/a.txt", "y/a.txt"},
			paths: []string{"y/a.txt", "x/a.txt"},
			want:  map[string]string{"/x/a.txt": "x/a.txt", "/y/a.txt": "y/a.txt"},
		},
		{
			desc:  "pairs in two folders",
			files: []string{"d1/memo_en.txt", "d1/memo_zh.txt", "d2/en/memo.txt", "d2/zh/memo.txt"},
			paths: []string{"d1", "d2"},
			want:  map[string]string{"/d1/memo.txt": "d1/memo_en.txt", "/d2/memo.txt": "d2/en/memo.txt"},
		},
		{
			desc:  "a mixed file and a pair",
			files: []string{"report.txt", "report.en.txt", "report.zh.txt"},
			paths: []string{"."},
			want:  map[string]string{"/report.txt#2": "report.en.txt", "/report.txt": "report.txt"},
		},
		{
			desc:  "path-based name taken too",
			files: []string{"a/report.txt", "b/report.txt", "b/report.en.txt", "b/report.zh.txt"},
			paths: []string{"a", "b"},
			want: map[string]string{
				"/a/report.txt": "a/report.txt", "/b/report.txt#2": "b/report.en.txt", "/b/report.txt": "b/report.txt",
			},
		},
		{
			desc:  "no duplicates",
			files: []string{"d1/one.txt", "d2/two.txt"},
			paths: []string{"d1", "d2"},
			want:  map[string]string{"one.txt": "d1/one.txt", "two.txt": "d2/two.txt"},
		},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{}
			for _, f := range tc.files {
				files[filepath.FromSlash(f)] = "text"
			}
			touch(t, root, files)
			under := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
			want := map[string]string{}
			for name, file := range tc.want {
				if rest, ok := strings.CutPrefix(name, "/"); ok {
					name = under(rest)
				} else {
					name = filepath.FromSlash(name)
				}
				want[name] = under(file)
			}
			var paths []string
			for _, p := range tc.paths {
				paths = append(paths, under(p))
			}
			// The names do not depend on the order of the paths.
			reversed := slices.Clone(paths)
			slices.Reverse(reversed)
			for _, ps := range [][]string{paths, reversed} {
				plan, err := batch.Discover(ps, false)
				require.NoError(t, err)
				got := map[string]string{}
				for _, j := range plan.Jobs {
					got[j.Name] = j.Files()[0]
				}
				assert.Equal(t, want, got)
				assert.Len(t, plan.Jobs, len(want), "names are unique")
			}
		})
	}
}

// TestRunFailures checks the documents reported as failures, each with its
// error, and that a good one is not.
func TestRunFailures(t *testing.T) {
	const en, zh = "Wang Wen chaired the forum.\nShe spoke.\n", "王雯主持论坛。\n她讲了话。\n"
	for _, tc := range []struct {
		desc    string
		files   map[string]string
		opts    batch.Options
		wantErr error // nil: aligned
	}{
		{"empty", map[string]string{"a.txt": ""}, batch.Options{}, align.ErrEmpty},
		{"blank", map[string]string{"a.txt": " \n\n\t\n"}, batch.Options{}, align.ErrEmpty},
		{"one side empty", map[string]string{"a.en.txt": en, "a.zh.txt": "\n"}, batch.Options{}, align.ErrEmpty},
		{"presplit blank lines", map[string]string{"a.en.txt": "\n\n", "a.zh.txt": zh}, batch.Options{Presplit: true}, align.ErrEmpty},
		{"binary", map[string]string{"a.txt": "\x00\x01"}, batch.Options{}, input.ErrFormat},
		{"presplit paragraphs", map[string]string{"a.en.txt": en, "a.zh.txt": zh},
			batch.Options{Presplit: true, Level: corpus.Paragraphs}, batch.ErrNoUnits},
		{"pair", map[string]string{"a.en.txt": en, "a.zh.txt": zh}, batch.Options{}, nil},
		{"pair, paragraphs", map[string]string{"a.en.txt": en, "a.zh.txt": zh}, batch.Options{Level: corpus.Paragraphs}, nil},
		{"presplit pair", map[string]string{"a.en.txt": en, "a.zh.txt": zh}, batch.Options{Presplit: true}, nil},
		{"mixed, paragraphs", map[string]string{"a.txt": en + zh}, batch.Options{Level: corpus.Paragraphs}, nil},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			root := t.TempDir()
			touch(t, root, tc.files)
			plan, err := batch.Discover([]string{root}, tc.opts.Presplit)
			require.NoError(t, err)
			require.Len(t, plan.Jobs, 1)
			var got []batch.Result
			require.NoError(t, batch.Run(context.Background(), plan.Jobs, tc.opts, func(r batch.Result) error {
				got = append(got, r)
				return nil
			}))
			require.Len(t, got, 1, "every document is delivered")
			if tc.wantErr == nil {
				assert.NoError(t, got[0].Err)
				assert.NotEmpty(t, got[0].Units)
				return
			}
			assert.ErrorIs(t, got[0].Err, tc.wantErr)
			assert.Nil(t, got[0].Units)
			assert.Contains(t, got[0].Err.Error(), root, "the error names the file")
		})
	}
	assert.True(t, strings.HasPrefix(batch.ErrNoUnits.Error(), "batch: "))
}

// TestRunDeliverError checks that an error from deliver stops the run: no
// result is delivered after it, and Run returns it naming the document.
func TestRunDeliverError(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"a", "b", "c", "d", "e", "f"} {
		files[name+".txt"] = "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n"
	}
	touch(t, root, files)
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	require.Len(t, plan.Jobs, 6)
	errFull := errors.New("disk full")
	for _, tc := range []struct {
		desc    string
		workers int
		failAt  int // index of the first result whose delivery fails; -1: none
		wantErr string
	}{
		{"first, one worker", 1, 0, "a.txt: disk full"},
		{"third, one worker", 1, 2, "c.txt: disk full"},
		{"third, three workers", 3, 2, "c.txt: disk full"},
		{"last", 2, 5, "f.txt: disk full"},
		{"none", 2, -1, ""},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var delivered []int
			err := batch.Run(context.Background(), plan.Jobs, batch.Options{Workers: tc.workers}, func(r batch.Result) error {
				delivered = append(delivered, r.Index)
				if r.Index == tc.failAt {
					return errFull
				}
				return nil
			})
			if tc.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, delivered)
				return
			}
			require.ErrorIs(t, err, errFull)
			assert.EqualError(t, err, tc.wantErr)
			want := make([]int, tc.failAt+1)
			for i := range want {
				want[i] = i
			}
			assert.Equal(t, want, delivered, "nothing is delivered after the error")
		})
	}
}

// TestDiscoverLinks checks that symbolic links are followed, to files and
// to folders, that a loop and a broken link are reported, and that a file
// reached twice is one document named after the first path.
func TestDiscoverLinks(t *testing.T) {
	root := t.TempDir()
	coll := filepath.Join(root, "coll")
	touch(t, coll, map[string]string{"x.txt": "a", "sub/x.txt": "b"})
	touch(t, root, map[string]string{"elsewhere/page.txt": "c", "shared/en/1": "d", "shared/zh/1": "e"})
	require.NoError(t, os.Symlink(filepath.Join(root, "elsewhere", "page.txt"), filepath.Join(coll, "linked.txt")))
	require.NoError(t, os.Symlink(filepath.Join(root, "shared"), filepath.Join(coll, "set")))
	require.NoError(t, os.Symlink(coll, filepath.Join(coll, "sub", "loop")))
	require.NoError(t, os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(coll, "broken.txt")))

	plan, err := batch.Discover([]string{coll, filepath.Join(coll, "sub", "x.txt")}, false)
	require.NoError(t, err)
	got := map[string]string{}
	for _, j := range plan.Jobs {
		got[j.Name] = strings.Join(j.Files(), " ")
	}
	assert.Equal(t, map[string]string{
		"x.txt":                       filepath.Join(coll, "x.txt"),
		filepath.Join("sub", "x.txt"): filepath.Join(coll, "sub", "x.txt"),
		"linked.txt":                  filepath.Join(coll, "linked.txt"),
		filepath.Join("set", "1"):     filepath.Join(coll, "set", "en", "1") + " " + filepath.Join(coll, "set", "zh", "1"),
	}, got, "every document once, each named by its own path")
	reasons := map[string]string{}
	for _, sk := range plan.Skipped {
		reasons[sk.Path] = sk.Reason
	}
	assert.Equal(t, batch.SkipBrokenLink, reasons[filepath.Join(coll, "broken.txt")])
	assert.Contains(t, reasons[filepath.Join(coll, "sub", "loop")], batch.SkipLoop)

	// A symbolic link to a folder given with other arguments is walked.
	link := filepath.Join(root, "link-to-elsewhere")
	require.NoError(t, os.Symlink(filepath.Join(root, "elsewhere"), link))
	plan, err = batch.Discover([]string{filepath.Join(coll, "x.txt"), link}, false)
	require.NoError(t, err)
	require.Len(t, plan.Jobs, 2)
	assert.Equal(t, "page.txt", plan.Jobs[0].Name)
	assert.Equal(t, filepath.Join(link, "page.txt"), plan.Jobs[0].Mixed)

	// The same file given twice, once through a link, is one document.
	plan, err = batch.Discover([]string{filepath.Join(root, "elsewhere", "page.txt"), filepath.Join(coll, "linked.txt")}, false)
	require.NoError(t, err)
	require.Len(t, plan.Jobs, 1)
	require.Len(t, plan.Skipped, 1)
	assert.Contains(t, plan.Skipped[0].Reason, "the same file as")
}

// TestRunProgress checks that Progress reports each document's search as
// it goes.
func TestRunProgress(t *testing.T) {
	root := t.TempDir()
	touch(t, root, map[string]string{
		"a.txt": "Nearly 50 businesses attended the forum.近50家企业出席论坛。\nWang Wen chaired it.王雯主持。\n",
		"b.txt": "The forum was held online.论坛以线上形式举行。\n",
	})
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	var mu sync.Mutex
	seen := map[int]int{}
	opts := batch.Options{Workers: 2, Progress: func(job, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		assert.LessOrEqual(t, done, total)
		seen[job]++
	}}
	require.NoError(t, batch.Run(context.Background(), plan.Jobs, opts, func(batch.Result) error { return nil }))
	assert.Positive(t, seen[0])
	assert.Positive(t, seen[1])
}

// TestNilAndEmpty checks that Run and Discover do not panic on nil or
// empty arguments.
func TestNilAndEmpty(t *testing.T) {
	assert.NotPanics(t, func() {
		var noContext context.Context
		assert.NoError(t, batch.Run(noContext, nil, batch.Options{}, nil))
		root := t.TempDir()
		touch(t, root, map[string]string{"a.txt": "Hello.\n你好。\n"})
		plan, err := batch.Discover([]string{root}, false)
		require.NoError(t, err)
		assert.NoError(t, batch.Run(context.Background(), plan.Jobs, batch.Options{Workers: -3}, nil))
		_, err = batch.Discover([]string{""}, false)
		assert.Error(t, err)
	})
}

// TestDiscoverSelfLink checks that a link to itself is a loop, not a
// broken link.
func TestDiscoverSelfLink(t *testing.T) {
	root := t.TempDir()
	touch(t, root, map[string]string{"a.txt": "text"})
	require.NoError(t, os.Symlink("self", filepath.Join(root, "self")))
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	require.Len(t, plan.Skipped, 1)
	assert.Equal(t, batch.SkipLinkLoop, plan.Skipped[0].Reason)
}
