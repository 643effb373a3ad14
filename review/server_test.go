package review_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/review"
)

const token = "test-token"

// startServer serves a Doc of seed 001 saved to a file, on a loopback
// port, and returns the server's base URL and the save file.
// exportDate is the creation date of the test servers' exports, so that
// they compare equal with Export's.
var exportDate = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func startServer(t *testing.T) (string, string, *review.Doc) {
	t.Helper()
	d, _ := seedDoc(t)
	save := filepath.Join(t.TempDir(), "state.jsonl")
	srv, err := review.NewServer(d, review.WithSave(save), review.WithToken(token), review.WithExportOptions(corpus.CreationDate(exportDate)))
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL, save, d
}

func get(t *testing.T, u string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	require.NoError(t, err)
	for k := 0; k+1 < len(header); k += 2 {
		req.Header.Set(header[k], header[k+1])
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(b)
}

// post sends an edit; header pairs are set on the request.
func post(t *testing.T, base, body string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/edit", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Review-Token", token)
	for k := 0; k+1 < len(header); k += 2 {
		if header[k+1] == "" {
			req.Header.Del(header[k])
		} else {
			req.Header.Set(header[k], header[k+1])
		}
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(b)
}

func TestToken(t *testing.T) {
	base, _, _ := startServer(t)
	for _, path := range []string{"/", "/app.js", "/style.css", "/export?format=tmx", "/nothing", "/edit"} {
		t.Run(path, func(t *testing.T) {
			res, _ := get(t, base+path)
			assert.Equal(t, http.StatusForbidden, res.StatusCode, "no token")
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			res, _ = get(t, base+path+sep+"token=wrong")
			assert.Equal(t, http.StatusForbidden, res.StatusCode, "wrong token")
			res, _ = get(t, base+path+sep+"token="+token)
			assert.NotEqual(t, http.StatusForbidden, res.StatusCode, "right token")
		})
	}
	res, _ := get(t, base+"/", "X-Review-Token", token)
	assert.Equal(t, http.StatusOK, res.StatusCode, "the token may come as a header")
	res, _ = post(t, base, `{"op":"confirm","row":0}`, "X-Review-Token", "")
	assert.Equal(t, http.StatusForbidden, res.StatusCode, "an edit without the token")
}

func TestRandomToken(t *testing.T) {
	d, _ := seedDoc(t)
	a, err := review.NewServer(d)
	require.NoError(t, err)
	b, err := review.NewServer(d)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(a.Token()), 20)
	assert.NotEqual(t, a.Token(), b.Token())
}

func TestHostHeader(t *testing.T) {
	base, _, _ := startServer(t)
	u, err := url.Parse(base)
	require.NoError(t, err)
	for _, tc := range []struct {
		host string
		code int
	}{
		{u.Host, http.StatusOK},
		{"localhost:" + u.Port(), http.StatusOK},
		{"evil.example:" + u.Port(), http.StatusForbidden}, // DNS rebinding
		{"127.0.0.1:1", http.StatusForbidden},
		{"evil.example", http.StatusForbidden},
	} {
		res, _ := get(t, base+"/?token="+token, "Host", tc.host)
		assert.Equal(t, tc.code, res.StatusCode, tc.host)
	}
}

func TestEditRules(t *testing.T) {
	base, _, _ := startServer(t)
	u, _ := url.Parse(base)
	for _, tc := range []struct {
		desc   string
		body   string
		header []string
		code   int
	}{
		{"GET is not an edit", "", nil, http.StatusMethodNotAllowed},
		{"form body", "op=merge&row=0", []string{"Content-Type", "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"text body", `{"op":"merge","row":0}`, []string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType},
		{"other origin", `{"op":"merge","row":0}`, []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"too large", `{"op":"merge","row":0,"side":"` + strings.Repeat("x", 10<<10) + `"}`, nil, http.StatusRequestEntityTooLarge},
		{"unknown field", `{"op":"merge","row":0,"path":"/etc/passwd"}`, nil, http.StatusBadRequest},
		{"unknown op", `{"op":"delete","row":0}`, nil, http.StatusBadRequest},
		{"out of date", `{"op":"merge","row":0,"version":3}`, nil, http.StatusConflict},
		{"impossible edit", `{"op":"merge","row":1000}`, nil, http.StatusConflict},
		{"same origin", `{"op":"confirm","row":0}`, []string{"Origin", "http://" + u.Host}, http.StatusOK},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var res *http.Response
			if tc.body == "" {
				res, _ = get(t, base+"/edit?token="+token)
			} else {
				res, _ = post(t, base, tc.body, tc.header...)
			}
			assert.Equal(t, tc.code, res.StatusCode)
			assert.Empty(t, res.Header.Get("Access-Control-Allow-Origin"))
		})
	}
	req, _ := http.NewRequest(http.MethodOptions, base+"/edit?token="+token, nil)
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.NotEqual(t, http.StatusOK, res.StatusCode, "no CORS preflight succeeds")
	assert.Empty(t, res.Header.Get("Access-Control-Allow-Origin"))
}

func TestOnlyEmbeddedFiles(t *testing.T) {
	base, _, _ := startServer(t)
	for _, path := range []string{"/static/app.js", "/page.html", "/../server.go", "/%2e%2e/server.go", "/static/../server.go",
		"/..%2fserver.go", "/server.go", "/review.go", "/etc/passwd", "//etc/passwd", "/app.js/"} {
		res, body := get(t, base+path+"?token="+token)
		assert.NotEqual(t, http.StatusOK, res.StatusCode, path)
		assert.NotContains(t, body, "package review", path)
	}
	res, body := get(t, base+"/app.js?token="+token)
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, body, "data-row")
	assert.Equal(t, "text/javascript; charset=utf-8", res.Header.Get("Content-Type"))
}

func TestPage(t *testing.T) {
	base, _, d := startServer(t)
	res, body := get(t, base+"/?token="+token)
	require.Equal(t, http.StatusOK, res.StatusCode)
	csp := res.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "default-src 'none'")
	assert.Contains(t, csp, "script-src 'self'")
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))
	assert.Equal(t, d.Len(), strings.Count(body, `data-row="`), "one element per link")
	assert.Contains(t, body, `data-row="0"`)
	assert.Contains(t, body, "重慶", "the original script is kept")
	assert.NotContains(t, body, "http://", "no outside asset")
	assert.NotContains(t, body, "https://")
	for _, f := range review.Formats() {
		assert.Contains(t, body, `data-format="`+f+`"`, "a download button for %s", f)
	}
}

// TestPageEscapes checks that text is escaped: a document is not markup.
func TestPageEscapes(t *testing.T) {
	d, err := review.FromUnits([]corpus.Unit{{EN: `<script>alert(1)</script> "x" & y`, ZH: "<b>粗</b>"}})
	require.NoError(t, err)
	srv, err := review.NewServer(d, review.WithToken(token))
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	_, body := get(t, ts.URL+"/?token="+token)
	assert.NotContains(t, body, "<script>alert")
	assert.Contains(t, body, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, body, "<b>粗")
}

// editResult is the answer to an edit.
type editResult struct {
	Version, At, Removed, Select, Rows, Confirmed int
	HTML                                          string
	CanUndo                                       bool
}

func TestEditSavesFirst(t *testing.T) {
	base, save, d := startServer(t)
	n := d.Len()
	res, body := post(t, base, `{"op":"merge","row":0,"version":0}`)
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	var r editResult
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	assert.Equal(t, editResult{Version: 1, At: 0, Removed: 2, Select: 0, Rows: n - 1, HTML: r.HTML, CanUndo: true}, r)
	assert.Equal(t, 1, strings.Count(r.HTML, `data-row="`))
	// The answer came after the save: the file holds the edit.
	got, err := review.Load(save)
	require.NoError(t, err)
	assert.Equal(t, n-1, got.Len())

	res, body = post(t, base, `{"op":"confirm","row":2,"version":1}`)
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	assert.Equal(t, 1, r.Confirmed)
	assert.Contains(t, r.HTML, `data-confirmed="true"`)
	got, err = review.Load(save)
	require.NoError(t, err)
	assert.Equal(t, 1, got.Confirmed())

	res, body = post(t, base, `{"op":"undo","version":2}`)
	require.Equal(t, http.StatusOK, res.StatusCode, body)
	require.NoError(t, json.Unmarshal([]byte(body), &r))
	assert.Equal(t, 0, r.Confirmed)
	assert.Equal(t, 2, r.At)
}

func TestEditNotSaved(t *testing.T) {
	d, _ := seedDoc(t)
	dir := t.TempDir()
	save := filepath.Join(dir, "sub", "state.jsonl")
	_, err := review.NewServer(d, review.WithSave(save))
	require.Error(t, err, "a save file that cannot be written is reported at once")

	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	srv, err := review.NewServer(d, review.WithSave(save), review.WithToken(token), review.WithExportOptions(corpus.CreationDate(exportDate)))
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	n := d.Len()
	// The folder goes away: the edit cannot be saved, and is undone.
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "sub")))
	res, body := post(t, ts.URL, `{"op":"merge","row":0}`)
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.Contains(t, body, "not saved")
	assert.Equal(t, n, d.Len())
	assert.False(t, d.CanUndo())
}

func TestExport(t *testing.T) {
	base, _, d := startServer(t)
	res, body := get(t, base+"/export?format=jsonl&token="+token)
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, res.Header.Get("Content-Disposition"), `filename=001_04ade73db5640df0.review.jsonl`)
	r := corpus.NewJSONLReader(strings.NewReader(body), "export")
	n := 0
	for r.Next() {
		assert.Equal(t, d.Unit(n).EN, r.Unit().EN)
		n++
	}
	require.NoError(t, r.Err())
	assert.Equal(t, d.Len(), n)

	for _, f := range []string{"tmx", "xliff", "tsv", "xlsx", "ladder"} {
		res, body := get(t, base+"/export?format="+f+"&token="+token)
		assert.Equal(t, http.StatusOK, res.StatusCode, f)
		var want bytes.Buffer
		require.NoError(t, review.Export(&want, d, f, "(devel)", corpus.CreationDate(exportDate)))
		assert.Equal(t, want.String(), body, f)
	}
	res, body = get(t, base+"/export?format=docx&token="+token)
	assert.Equal(t, http.StatusBadRequest, res.StatusCode)
	assert.Contains(t, body, "unknown export format")
}
