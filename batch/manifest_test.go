package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/batch"
	"github.com/zhenalign/zhenalign/corpus"
)

// jobRows returns name, EN, ZH and Mixed of each job.
func jobRows(jobs []batch.Job) [][4]string {
	var rows [][4]string
	for _, j := range jobs {
		rows = append(rows, [4]string{j.Name, j.EN, j.ZH, j.Mixed})
	}
	return rows
}

// TestPlanFiles checks that paths are paired on their names alone (URLs
// included) as Discover pairs the files given to it.
func TestPlanFiles(t *testing.T) {
	for _, tc := range []struct {
		desc     string
		paths    []string
		presplit bool
		want     [][4]string
		unpaired []string
		skipped  []string
	}{
		{desc: "none"},
		{
			desc:  "object store",
			paths: []string{"gs://b/crawl/x.zh.txt", "gs://b/crawl/page.html", "gs://b/crawl/x.en.txt", "gs://b/crawl/tm.tmx", "gs://b/crawl/lone_en.txt"},
			want: [][4]string{
				{"page.html", "", "", "gs://b/crawl/page.html"},
				{"x.txt", "gs://b/crawl/x.en.txt", "gs://b/crawl/x.zh.txt", ""},
			},
			unpaired: []string{"gs://b/crawl/lone_en.txt"},
			skipped:  []string{"gs://b/crawl/tm.tmx"},
		},
		{
			desc:  "folders of languages, a path given twice",
			paths: []string{"/d/en/001", "/d/zh/001", "/d/en/001"},
			want:  [][4]string{{"001", "/d/en/001", "/d/zh/001", ""}},
		},
		{
			desc:  "names shared: paths",
			paths: []string{"/a/x.txt", "/b/x.txt"},
			want:  [][4]string{{"/a/x.txt", "", "", "/a/x.txt"}, {"/b/x.txt", "", "", "/b/x.txt"}},
		},
		{
			desc:     "presplit: pairs only",
			paths:    []string{"/a/x.txt", "/a/y.en", "/a/y.zh"},
			presplit: true,
			want:     [][4]string{{"y", "/a/y.en", "/a/y.zh", ""}},
			unpaired: []string{"/a/x.txt"},
		},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			plan := batch.PlanFiles(tc.paths, tc.presplit)
			assert.Equal(t, tc.want, jobRows(plan.Jobs))
			assert.Equal(t, tc.unpaired, plan.Unpaired)
			var skipped []string
			for _, s := range plan.Skipped {
				skipped = append(skipped, s.Path)
			}
			assert.Equal(t, tc.skipped, skipped)
		})
	}
}

// TestPlanFilesDiscover checks that the files of a folder, given one by
// one, are planned alike by Discover and PlanFiles.
func TestPlanFilesDiscover(t *testing.T) {
	root := t.TempDir()
	touch(t, root, map[string]string{"a.en.txt": "a", "a.zh.txt": "b", "b.txt": "c", "c_zh.txt": "d", "x.jsonl": "{}"})
	paths, err := filepath.Glob(filepath.Join(root, "*"))
	require.NoError(t, err)
	want, err := batch.Discover(paths, false)
	require.NoError(t, err)
	assert.Equal(t, want, batch.PlanFiles(paths, false))
}

func TestReadManifest(t *testing.T) {
	for _, tc := range []struct {
		desc, manifest string
		presplit       bool
		want           [][4]string
		unpaired       []string
		err            string // "" for none
	}{
		{
			desc:     "mixed and pairs, comments, CRLF, BOM",
			manifest: "\uFEFF# crawl\r\n/c/page.html\r\n\r\ngs://b/x.en.txt\tgs://b/x.zh.txt\r\n/c/en.txt\t/c/zh.txt\n",
			want: [][4]string{
				{"page.html", "", "", "/c/page.html"},
				{"x.txt", "gs://b/x.en.txt", "gs://b/x.zh.txt", ""},
				{"en.txt", "/c/en.txt", "/c/zh.txt", ""},
			},
		},
		{
			desc:     "names given and shared",
			manifest: "/a/x.txt\t\tfirst\n/b/x.txt\n/c/x.txt\n/d/first\n/e/y.en\t/e/y.zh\tlast\n",
			want: [][4]string{
				{"first", "", "", "/a/x.txt"},
				{"/b/x.txt", "", "", "/b/x.txt"},
				{"/c/x.txt", "", "", "/c/x.txt"},
				{"/d/first", "", "", "/d/first"},
				{"last", "/e/y.en", "/e/y.zh", ""},
			},
		},
		{
			desc:     "presplit: mixed unpaired",
			manifest: "/a/x.txt\n/a/y.en\t/a/y.zh\n",
			presplit: true,
			want:     [][4]string{{"y", "/a/y.en", "/a/y.zh", ""}},
			unpaired: []string{"/a/x.txt"},
		},
		{desc: "four columns", manifest: "a\n\nb\tc\td\te\n", err: "m.tsv:3: batch: bad manifest line: 4 columns"},
		{desc: "English missing", manifest: "\tzh.txt\n", err: "m.tsv:1: batch: bad manifest line: a pair needs its English file"},
		{desc: "no path", manifest: "\t\tname\n", err: "m.tsv:1: batch: bad manifest line: no path"},
		{desc: "file twice", manifest: "a.en\ta.zh\nb\na.zh\n", err: "m.tsv:3: batch: bad manifest line: a.zh is already listed on line 1"},
		{desc: "name twice", manifest: "a\t\tn\nb\t\tn\n", err: `m.tsv:2: batch: bad manifest line: the name "n" is already given on line 1`},
		{desc: "empty", manifest: "# nothing\n", err: "m.tsv lists no document"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			plan, err := batch.ReadManifest(strings.NewReader(tc.manifest), "m.tsv", tc.presplit)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				if strings.Contains(tc.err, "bad manifest line") {
					assert.ErrorIs(t, err, batch.ErrManifest)
					var me *batch.ManifestError
					require.ErrorAs(t, err, &me)
					assert.Equal(t, "m.tsv", me.File)
				} else {
					assert.ErrorIs(t, err, batch.ErrNoInput)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, jobRows(plan.Jobs))
			assert.Equal(t, tc.unpaired, plan.Unpaired)
		})
	}
}

// TestAlignData checks that aligning the bytes of a document gives what
// Run gives from its files, and that a wrong number of contents fails the
// document.
func TestAlignData(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"a.en.txt": "On November 15th, 2022, Chongqing held a forum.\nWang Wen chaired it.\n",
		"a.zh.txt": "2022年11月15日，重庆举行论坛。\n王雯主持论坛。\n",
		"b.txt":    "Nearly 50 businesses attended the forum.近50家企业出席论坛。\n",
		"c.txt":    "",
	}
	touch(t, root, files)
	plan, err := batch.Discover([]string{root}, false)
	require.NoError(t, err)
	opts := batch.Options{Level: corpus.Sentences}
	var want []batch.Result
	require.NoError(t, batch.Run(context.Background(), plan.Jobs, opts, func(r batch.Result) error {
		want = append(want, r)
		return nil
	}))
	al := align.New()
	for i, j := range plan.Jobs {
		var data [][]byte
		for _, f := range j.Files() {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			data = append(data, b)
		}
		got := batch.AlignData(al, j, data, opts)
		assert.Equal(t, want[i].Units, got.Units, j.Name)
		assert.Equal(t, want[i].Err, got.Err, j.Name)
		assert.Equal(t, want[i].Sentences, got.Sentences, j.Name)
	}
	r := batch.AlignData(nil, plan.Jobs[0], [][]byte{[]byte("one")}, opts)
	assert.ErrorIs(t, r.Err, batch.ErrData)
	assert.Contains(t, r.Err.Error(), plan.Jobs[0].EN)
}
