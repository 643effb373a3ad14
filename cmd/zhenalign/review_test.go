//go:build unix

package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startReview runs the review command in the background and returns the
// address it prints, its standard error, and a function that interrupts
// it (as Ctrl+C does) and returns its exit status.
func startReview(t *testing.T, args ...string) (string, *syncBuffer, func() int) {
	t.Helper()
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() { code <- run(append([]string{"review"}, args...), strings.NewReader(""), &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "\n") {
		select {
		case c := <-code:
			t.Fatalf("review stopped with status %d: %s", c, stderr.String())
		default:
		}
		require.True(t, time.Now().Before(deadline), "no address printed: %s", stderr.String())
		time.Sleep(20 * time.Millisecond)
	}
	stop := func() int {
		// The command catches the interrupt: the test goes on.
		require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGINT))
		select {
		case c := <-code:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("review did not stop on an interrupt")
			return -1
		}
	}
	return strings.TrimSpace(stdout.String()), &stderr, stop
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}

func TestReviewCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	save := filepath.Join(t.TempDir(), "001.review.jsonl")
	url, stderr, stop := startReview(t, seed001, "--save", save)
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)
	require.Contains(t, url, "/?token=")
	code, body := httpGet(t, url)
	require.Equal(t, http.StatusOK, code)
	rows := strings.Count(body, `data-row="`)
	assert.Greater(t, rows, 50)
	base, _, _ := strings.Cut(url, "/?")
	code, _ = httpGet(t, base+"/")
	assert.Equal(t, http.StatusForbidden, code, "no token")
	code, body = httpGet(t, strings.Replace(url, "/?", "/export?format=tsv&", 1))
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, rows, strings.Count(body, "\n")+0, "one TSV line per link (seed 001 has no empty link)")
	assert.Equal(t, 0, stop(), stderr.String())
	data, err := os.ReadFile(save)
	require.NoError(t, err)
	assert.Equal(t, rows, strings.Count(string(data), "\n"), "the save file is written at start")

	// Again with the save file alone: the review resumes.
	url2, stderr, stop := startReview(t, "--save", save)
	assert.NotEqual(t, url, url2, "a new token")
	code, body = httpGet(t, url2)
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, rows, strings.Count(body, `data-row="`))
	assert.Equal(t, 0, stop())
	assert.Contains(t, stderr.String(), "resuming "+save)

	// The save file of another document is refused.
	other := writeFile(t, t.TempDir(), "other.txt", "He came. 他来了。\n")
	c, _, errOut := runCmd(t, "", "review", other, "--save", save)
	assert.Equal(t, 1, c)
	assert.Contains(t, errOut, "holds the review of 001_04ade73db5640df0.txt, not of "+other)
}

func TestReviewUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"review"}, "got 0 arguments"},
		{[]string{"review", "a", "b", "c"}, "got 3 arguments"},
		{[]string{"review", "--presplit", "a"}, "--presplit needs two files"},
		{[]string{"review", "--bogus", "a"}, "bogus"},
	} {
		code, _, stderr := runCmd(t, "", tc.args...)
		assert.Equal(t, 2, code, tc.args)
		assert.Contains(t, stderr, tc.want, tc.args)
	}
	code, _, stderr := runCmd(t, "", "review", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "usage: zhenalign review")
	code, _, stderr = runCmd(t, "", "review", "/nonexistent/file.txt")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "/nonexistent/file.txt")
}
