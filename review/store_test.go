package review_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/review"
)

const seed001 = "../testdata/seeds/001_04ade73db5640df0.txt"

// seedAlignment aligns seed 001 once for all the tests.
var seedAlignment = sync.OnceValues(func() (*align.Alignment, error) {
	data, err := os.ReadFile(seed001)
	if err != nil {
		return nil, err
	}
	return align.New().AlignSources(align.Source{Name: seed001, Data: data})
})

// seedDoc returns a new Doc of seed 001.
func seedDoc(t testing.TB) (*review.Doc, *align.Alignment) {
	t.Helper()
	a, err := seedAlignment()
	require.NoError(t, err)
	d, err := review.FromAlignment(a, filepath.Base(seed001))
	require.NoError(t, err)
	return d, a
}

// sameUnits checks that the units of a Doc are those of
// corpus.FromAlignment (ids compared as lists, nil or empty alike).
func sameUnits(t *testing.T, want, got []corpus.Unit) {
	t.Helper()
	require.Equal(t, len(want), len(got))
	for k := range want {
		w, g := want[k], got[k]
		assert.Equal(t, w.EN, g.EN, "unit %d", k)
		assert.Equal(t, w.ZH, g.ZH, "unit %d", k)
		assert.Equal(t, append([]int{}, w.ENIDs...), append([]int{}, g.ENIDs...), "unit %d", k)
		assert.Equal(t, append([]int{}, w.ZHIDs...), append([]int{}, g.ZHIDs...), "unit %d", k)
		assert.InDelta(t, w.Score, g.Score, 5e-5, "unit %d", k)
		assert.Equal(t, w.Script, g.Script, "unit %d", k)
		assert.Equal(t, w.Doc, g.Doc, "unit %d", k)
	}
}

func TestFromAlignment(t *testing.T) {
	d, a := seedDoc(t)
	require.NoError(t, d.Check())
	sameUnits(t, corpus.FromAlignment(a, corpus.Sentences, filepath.Base(seed001)), d.Units())
	assert.Equal(t, len(a.Src.Sentences)+len(a.Tgt.Sentences), len(d.Sentences(review.English))+len(d.Sentences(review.Chinese)))
}

func TestSaveLoad(t *testing.T) {
	d, _ := seedDoc(t)
	require.NoError(t, d.Merge(0))
	require.NoError(t, d.Split(3, 1, 0))
	require.NoError(t, d.Confirm(2, true))
	require.NoError(t, d.MoveDown(5, review.Chinese))
	name := filepath.Join(t.TempDir(), "state.jsonl")
	require.NoError(t, review.Save(name, d))
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "a new save file is the owner's")
	got, err := review.Load(name)
	require.NoError(t, err)
	assert.Equal(t, d.Links(), got.Links())
	assert.Equal(t, d.Units(), got.Units())
	assert.Equal(t, d.Sentences(review.English), got.Sentences(review.English))
	assert.Equal(t, d.Sentences(review.Chinese), got.Sentences(review.Chinese))
	assert.Equal(t, d.Name(), got.Name())
	assert.False(t, got.CanUndo(), "the history is not saved")

	// The save file is JSONL as align writes it: convert and eval read it.
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	r := corpus.NewJSONLReader(bytes.NewReader(data), name)
	n := 0
	for r.Next() {
		u := r.Unit()
		assert.Equal(t, d.Unit(n).EN, u.EN)
		n++
	}
	require.NoError(t, r.Err())
	assert.Equal(t, d.Len(), n)
	assert.Contains(t, string(data), `"confirmed":true`)

	// A save keeps the permissions of the file it replaces.
	require.NoError(t, os.Chmod(name, 0o640))
	require.NoError(t, review.Save(name, got))
	fi, err = os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm())
}

func TestReadAlignOutput(t *testing.T) {
	// The JSONL align writes, without sentences: a unit with several ids
	// is divided again into as many sentences.
	d, a := seedDoc(t)
	var b bytes.Buffer
	w := corpus.NewJSONLWriter(&b)
	for _, u := range corpus.FromAlignment(a, corpus.Sentences, "001.txt") {
		require.NoError(t, w.Write(u))
	}
	require.NoError(t, w.Close())
	got, err := review.ReadJSONL(&b, "001.jsonl")
	require.NoError(t, err)
	assert.Equal(t, "001.txt", got.Name())
	require.Equal(t, d.Len(), got.Len())
	for i := range d.Len() {
		want, u := d.Unit(i), got.Unit(i)
		assert.Equal(t, want.EN, u.EN, "row %d", i)
		assert.Equal(t, want.ZH, u.ZH, "row %d", i)
		assert.Equal(t, want.ENIDs, u.ENIDs, "row %d", i)
		assert.Equal(t, want.ZHIDs, u.ZHIDs, "row %d", i)
	}
	// The first link is 2-2: it splits into its sentences.
	require.Equal(t, "2-2", got.Unit(0).Type())
	require.NoError(t, got.Split(0, 1, 1))
	assert.Equal(t, d.Sentences(review.English)[0].Text, got.Unit(0).EN)
}

func TestFromUnits(t *testing.T) {
	for _, tc := range []struct {
		desc  string
		units []corpus.Unit
		want  []string // EN|ZH|ids of each unit
		err   error
	}{
		{"no ids: numbered in order", []corpus.Unit{{EN: "A. B.", ZH: "甲。"}, {EN: "C.", ZH: ""}, {ZH: "乙。"}},
			[]string{"A. B.|甲。|0:0", "C.||1:", "|乙。|:1"}, nil},
		{"ids with gaps kept", []corpus.Unit{{EN: "A.", ZH: "甲。", ENIDs: []int{3}, ZHIDs: []int{5}}, {EN: "B.", ZH: "乙。", ENIDs: []int{7}, ZHIDs: []int{9}}},
			[]string{"A.|甲。|3:5", "B.|乙。|7:9"}, nil},
		{"several ids, text divided", []corpus.Unit{{EN: "One. Two.", ZH: "一。二。", ENIDs: []int{0, 1}, ZHIDs: []int{0, 1}}},
			[]string{"One. Two.|一。二。|0,1:0,1"}, nil},
		{"several ids, text not divisible", []corpus.Unit{{EN: "One", ZH: "一", ENIDs: []int{0, 1}, ZHIDs: []int{0}}},
			[]string{"One|一|0,1:0"}, nil},
		{"two documents", []corpus.Unit{{EN: "A.", ZH: "甲。", Doc: "a"}, {EN: "B.", ZH: "乙。", Doc: "b"}}, nil, review.ErrDocs},
		{"mixed ids", []corpus.Unit{{EN: "A.", ZH: "甲。", ENIDs: []int{0}, ZHIDs: []int{0}}, {EN: "B.", ZH: "乙。"}}, nil, review.ErrMixedIDs},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			d, err := review.FromUnits(tc.units)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			var got []string
			for _, u := range d.Units() {
				got = append(got, u.EN+"|"+u.ZH+"|"+join(u.ENIDs)+":"+join(u.ZHIDs))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestReadTMX(t *testing.T) {
	d, _ := seedDoc(t)
	var b bytes.Buffer
	require.NoError(t, review.Export(&b, d, "tmx", "test"))
	got, err := review.ReadTMX(&b, "001.tmx")
	require.NoError(t, err)
	// TMX leaves out omissions: the other units come back, ids and all.
	var want []corpus.Unit
	for _, u := range d.Units() {
		if u.EN != "" && u.ZH != "" {
			want = append(want, u)
		}
	}
	sameUnits(t, want, got.Units())
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ desc, data, want string }{
		{"not an object", "[1]\n", "001.jsonl:1"},
		{"bad ids", `{"en":"a","zh":"b","en_ids":[2,1]}` + "\n", "001.jsonl:1"},
		{"bad lang", `{"en":"a","zh":"b","en_ids":[0],"zh_ids":[0],"en_sents":[{"text":"a","para":0,"lang":"fr"}]}` + "\n", `unknown lang "fr"`},
		{"sentences and ids disagree", `{"en":"a","zh":"b","en_ids":[0],"zh_ids":[0],"en_sents":[{"text":"a","para":0},{"text":"c","para":0}]}` + "\n", "2 en sentences for 1 ids"},
		{"no sentence", `{"en":"","zh":""}` + "\n", "has no sentence"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := review.ReadJSONL(strings.NewReader(tc.data), "001.jsonl")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestSaveFailureKeepsPrevious checks that a save that fails midway (a
// full disk, say) leaves the previous state readable and no stray file.
func TestSaveFailureKeepsPrevious(t *testing.T) {
	d, _ := seedDoc(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "state.jsonl")
	require.NoError(t, review.Save(name, d))
	before, err := os.ReadFile(name)
	require.NoError(t, err)
	require.NoError(t, d.Merge(0))
	require.Error(t, review.SaveWith(name, d, func(f *os.File) error {
		f.WriteString(`{"en":"half a`)
		return syscall.ENOSPC
	}))
	after, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the temporary file is removed")
}

// TestCrashMidSave kills a process that saves in a loop at a random
// moment: the file it leaves is always a whole state.
func TestCrashMidSave(t *testing.T) {
	if os.Getenv("REVIEW_CRASH_CHILD") != "" {
		crashChild(t)
		return
	}
	if testing.Short() {
		t.Skip("short")
	}
	d, _ := seedDoc(t)
	dir := t.TempDir()
	name := filepath.Join(dir, "state.jsonl")
	for round := range 3 {
		require.NoError(t, review.Save(name, d))
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashMidSave$")
		cmd.Env = append(os.Environ(), "REVIEW_CRASH_CHILD="+name)
		require.NoError(t, cmd.Start())
		time.Sleep(time.Duration(300+round*137) * time.Millisecond)
		require.NoError(t, cmd.Process.Kill()) // SIGKILL: no cleanup runs
		cmd.Wait()
		got, err := review.Load(name)
		require.NoError(t, err, "round %d", round)
		require.NoError(t, got.Check())
		assert.True(t, got.Len() == d.Len() || got.Len() == d.Len()-1, "a whole state: %d links", got.Len())
	}
	// A server started on the file removes what the crashes left (the
	// lock file stays).
	srv, err := review.NewServer(d, review.WithSave(name))
	require.NoError(t, err)
	defer srv.Close()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"state.jsonl", "state.jsonl.lock"}, names)
}

// TestSaveLock checks that two servers cannot save to one file at once,
// and that the lock goes with the first server.
func TestSaveLock(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no flock here: the save file is not locked")
	}
	d, _ := seedDoc(t)
	name := filepath.Join(t.TempDir(), "state.jsonl")
	first, err := review.NewServer(d, review.WithSave(name))
	require.NoError(t, err)
	_, err = review.NewServer(d, review.WithSave(name))
	require.ErrorIs(t, err, review.ErrSaveInUse)
	assert.Contains(t, err.Error(), name)

	// Another process is refused too.
	cmd := exec.Command(os.Args[0], "-test.run=^TestSaveLockChild$")
	cmd.Env = append(os.Environ(), "REVIEW_LOCK_CHILD="+name)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "in use")

	// Serve releases the lock when it returns.
	ctx, cancel := context.WithCancel(context.Background())
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	cancel()
	require.NoError(t, first.Serve(ctx, l))
	second, err := review.NewServer(d, review.WithSave(name))
	require.NoError(t, err)
	second.Close()
}

// TestSaveLockChild is the other process of TestSaveLock.
func TestSaveLockChild(t *testing.T) {
	name := os.Getenv("REVIEW_LOCK_CHILD")
	if name == "" {
		t.Skip("run by TestSaveLock")
	}
	d, _ := seedDoc(t)
	_, err := review.NewServer(d, review.WithSave(name))
	require.ErrorIs(t, err, review.ErrSaveInUse)
	fmt.Println(err)
}

// crashChild saves the Doc of seed 001, merged or not, over and over,
// until it is killed.
func crashChild(t *testing.T) {
	name := os.Getenv("REVIEW_CRASH_CHILD")
	d, err := review.Load(name)
	require.NoError(t, err)
	for i := 0; ; i++ {
		if i%2 == 0 {
			require.NoError(t, d.Merge(0))
		} else {
			require.NoError(t, d.Undo())
		}
		require.NoError(t, review.Save(name, d))
	}
}

func TestOpen(t *testing.T) {
	data, err := os.ReadFile(seed001)
	require.NoError(t, err)
	al := align.New()
	d, _, err := review.Open(al, align.Source{Name: seed001, Data: data})
	require.NoError(t, err)
	assert.Equal(t, "001_04ade73db5640df0.txt", d.Name())

	var jsonl, tmx bytes.Buffer
	require.NoError(t, review.Export(&jsonl, d, "jsonl", ""))
	require.NoError(t, review.Export(&tmx, d, "tmx", ""))
	for _, src := range []align.Source{
		{Name: "out.jsonl", Data: jsonl.Bytes()},
		{Name: "-", Data: jsonl.Bytes()}, // told by its first character
		{Name: "out.tmx", Data: tmx.Bytes()},
		{Name: "memory.xml", Data: tmx.Bytes()},
	} {
		assert.True(t, review.IsAlignment(src.Name, src.Data), src.Name)
		got, _, err := review.Open(al, src)
		require.NoError(t, err, src.Name)
		assert.Equal(t, "001_04ade73db5640df0.txt", got.Name(), src.Name)
		assert.Equal(t, d.Unit(1).EN, got.Unit(1).EN, src.Name)
	}
	assert.False(t, review.IsAlignment("page.html", []byte("<html><body>Hi 你好</body></html>")))
}

// FuzzReadJSONL reads arbitrary bytes as a save file: an error, or a Doc
// that keeps the invariant and reads back the same from its own save.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"en":"One. Two.","zh":"一。","en_ids":[0,1],"zh_ids":[0],"score":0.5}` + "\n" + `{"en":"","zh":"二。","en_ids":[],"zh_ids":[1]}`))
	f.Add([]byte(`{"en":"a","zh":"b","en_ids":[0],"zh_ids":[0],"confirmed":true,"en_sents":[{"text":"a","para":0}],"zh_sents":[{"text":"b","para":0,"lang":"none","time":"00:00:01.000 --> 00:00:02.000"}]}`))
	f.Add([]byte(`{"en":"A.","zh":"甲。"}` + "\n" + `{"en":"B.","zh":""}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := review.ReadJSONL(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		require.NoError(t, d.Check())
		var b bytes.Buffer
		require.NoError(t, review.WriteState(&b, d))
		got, err := review.ReadJSONL(&b, "again")
		require.NoError(t, err)
		assert.Equal(t, d.Links(), got.Links())
		assert.Equal(t, d.Units(), got.Units())
	})
}
