package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/batch"
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
	assert.ElementsMatch(t, []string{filepath.Join(root, "set", "gold", "001.align"), filepath.Join(root, "tm.tmx")}, plan.Skipped)

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
	var failed []string
	units := 0
	err = batch.Run(context.Background(), plan.Jobs, batch.Options{Workers: 3}, func(r batch.Result) {
		order = append(order, r.Index)
		if r.Err != nil {
			failed = append(failed, r.Job.Name)
			return
		}
		units += len(r.Units)
		for _, u := range r.Units {
			assert.Equal(t, r.Job.Name, u.Doc)
		}
	})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3}, order, "results come in input order")
	assert.Equal(t, []string{"c.txt", "d.txt"}, failed)
	assert.Equal(t, 3, units)

	// A cancelled run starts nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	err = batch.Run(ctx, plan.Jobs, batch.Options{Workers: 1}, func(batch.Result) { n++ })
	assert.ErrorIs(t, err, context.Canceled)
	assert.LessOrEqual(t, n, 1)
}
