package review

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/segment"
)

// Errors of the exports.
var (
	// ErrFormat means an export format has no writer.
	ErrFormat = errors.New("review: unknown export format")
)

// maxBody caps the body of an edit request, in bytes: an edit is a few
// numbers.
const maxBody = 4 << 10

//go:embed static/page.html static/app.js static/style.css
var static embed.FS

// page is the template of the page and of its rows, parsed once.
var page = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).ParseFS(static, "static/page.html"))

// assets are the files the page loads, by path, with their content type:
// the only files the server sends.
var assets = map[string]string{
	"/app.js":    "text/javascript; charset=utf-8",
	"/style.css": "text/css; charset=utf-8",
}

// Option configures a Server.
type Option func(*options)

type options struct {
	save        string
	token       string
	toolVersion string
	export      []corpus.WriterOption
}

// WithSave makes the Server write the Doc to the file name (with Save)
// after every edit, before it answers: an edit that cannot be saved is
// undone and reported to the page as an error. Without it, edits live in
// memory only.
func WithSave(name string) Option { return func(o *options) { o.save = name } }

// WithToken sets the session token every request must carry, instead of a
// random one (for tests). An empty token keeps the random one.
func WithToken(t string) Option { return func(o *options) { o.token = t } }

// WithToolVersion sets the version of the program the TMX export names
// (its creationtoolversion); the default is "(devel)".
func WithToolVersion(v string) Option { return func(o *options) { o.toolVersion = v } }

// WithExportOptions passes opts to the writers of the exports: a fixed
// corpus.CreationDate for exports that do not change from one download to
// the next, say.
func WithExportOptions(opts ...corpus.WriterOption) Option {
	return func(o *options) { o.export = append(o.export, opts...) }
}

// Server serves the review page of a Doc and applies the edits it sends.
//
// # Security
//
// Every request must carry the session token, as the query parameter
// "token" or the header X-Review-Token; without it the answer is 403. On
// a loopback address the Host header must name the loopback address
// the request came to (127.0.0.1, localhost or [::1] with its port), so
// that a page of another site cannot reach the server through DNS
// rebinding. Edits are POST requests to /edit with a JSON body of at most
// 4 KiB, and a request whose Origin header names another site is refused:
// with the token and the JSON content type, another site's page cannot
// make one. No CORS header is ever sent. The only files served are the
// page's script and stylesheet, embedded in the binary: no path from a
// request reaches the disk. Pages carry a Content-Security-Policy that
// allows only the server's own script and stylesheet.
//
// A Server is safe for concurrent use: requests are served one at a time
// where they touch the Doc.
type Server struct {
	opts  options
	mu    sync.Mutex // guards doc and version
	doc   *Doc
	ver   int // edits applied since the Server started
	token []byte
	// unlock releases the lock of the save file (see NewServer).
	unlock func()
}

// NewServer returns a Server of d. With WithSave, it saves d at once, so
// that the save file exists before the first edit and a file that cannot
// be written is reported now, after removing the temporary files that
// saves interrupted by a crash left beside it. It also locks the save file
// until Serve returns (or Close): a second Server of the same file, in this
// process or another, gets an error wrapping ErrSaveInUse (on systems with
// flock; the lock is the file NAME.lock, left beside it).
func NewServer(d *Doc, opts ...Option) (*Server, error) {
	if d == nil {
		return nil, errors.New("review: nil Doc")
	}
	o := options{toolVersion: "(devel)"}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.token == "" {
		o.token = rand.Text()
	}
	s := &Server{opts: o, doc: d, token: []byte(o.token), unlock: func() {}}
	if o.save != "" {
		unlock, err := lockSave(o.save)
		if err != nil {
			return nil, err
		}
		removeTemps(o.save)
		if err := Save(o.save, d); err != nil {
			unlock()
			return nil, err
		}
		var once sync.Once
		s.unlock = func() { once.Do(unlock) }
	}
	return s, nil
}

// Close releases the lock of the save file, for a Server that Serve never
// ran; Serve releases it when it returns.
func (s *Server) Close() { s.unlock() }

// Token returns the session token.
func (s *Server) Token() string { return s.opts.token }

// URL returns the address of the page served on the listener address
// addr, token included.
func (s *Server) URL(addr net.Addr) string {
	host := addr.String()
	if ta, ok := addr.(*net.TCPAddr); ok && ta.IP.IsUnspecified() {
		host = net.JoinHostPort("127.0.0.1", strconv.Itoa(ta.Port))
	}
	return "http://" + host + "/?token=" + s.opts.token
}

// Serve serves the page on l until ctx is done, then shuts down, letting
// requests in progress finish (at most 5 seconds), and releases the lock
// of the save file. It returns nil after a shutdown asked for by ctx.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	defer s.unlock()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	<-done
	return err
}

// ServeHTTP answers one request (see Server for the rules).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
	if !s.hostAllowed(r) {
		httpError(w, http.StatusForbidden, "forbidden: unexpected Host header")
		return
	}
	if !s.tokenOK(r) {
		httpError(w, http.StatusForbidden, "forbidden: missing or wrong token (use the address the review command printed)")
		return
	}
	if r.URL.Path == "/edit" {
		s.serveEdit(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		httpError(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	switch p := r.URL.Path; p {
	case "/":
		s.servePage(w)
	case "/export":
		s.serveExport(w, r)
	default:
		ctype, ok := assets[p]
		if !ok {
			httpError(w, http.StatusNotFound, "not found")
			return
		}
		data, err := static.ReadFile("static" + p)
		if err != nil {
			httpError(w, http.StatusNotFound, "not found")
			return
		}
		h.Set("Content-Type", ctype)
		w.Write(data)
	}
}

// tokenOK reports whether r carries the session token.
func (s *Server) tokenOK(r *http.Request) bool {
	t := r.Header.Get("X-Review-Token")
	if t == "" {
		t = r.URL.Query().Get("token")
	}
	return subtle.ConstantTimeCompare([]byte(t), s.token) == 1
}

// hostAllowed reports whether the Host header of a request that came to a
// loopback address names a loopback address with the port it came to.
// Requests to other addresses (the server was bound to one on purpose)
// are not checked.
func (s *Server) hostAllowed(r *http.Request) bool {
	la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return true // not from a listener: a test calling ServeHTTP
	}
	ta, ok := la.(*net.TCPAddr)
	if !ok || !ta.IP.IsLoopback() {
		return true
	}
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil || port != strconv.Itoa(ta.Port) {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// httpError writes a plain-text error.
func httpError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprintln(w, msg)
}

// pageData is what the page template shows.
type pageData struct {
	Title     string
	Token     string
	Version   int
	Rows      []rowView
	Confirmed int
	CanUndo   bool
	Saved     bool
	Formats   []string
}

// rowView is one link as the template shows it.
type rowView struct {
	Index     int
	Type      string
	Score     string // two decimals, for the eye
	Exact     string // four decimals, for the script and the title
	Class     string // the colour: hi, mid or lo
	Confirmed bool
	EN, ZH    []sentView
	ZHLang    string
}

type sentView struct {
	Text     string
	NewPara  bool // the sentence starts a paragraph other than the one before
	Position int  // its position in the link's side
}

// view returns link i as the template shows it.
func (d *Doc) view(i int) rowView {
	l := d.links[i]
	u := d.Unit(i)
	v := rowView{Index: i, Type: u.Type(), Score: strconv.FormatFloat(l.Score, 'f', 2, 64),
		Exact: strconv.FormatFloat(l.Score, 'f', 4, 64), Confirmed: l.Confirmed, ZHLang: "zh-Hans"}
	switch {
	case l.Score >= 0.9:
		v.Class = "hi"
	case l.Score >= 0.5:
		v.Class = "mid"
	default:
		v.Class = "lo"
	}
	if u.Script == segment.Traditional {
		v.ZHLang = "zh-Hant"
	}
	for _, side := range []struct {
		ss   []Sentence
		ids  []int
		dest *[]sentView
	}{{d.en, l.EN, &v.EN}, {d.zh, l.ZH, &v.ZH}} {
		for k, id := range side.ids {
			sv := sentView{Text: side.ss[id].Text, Position: k}
			sv.NewPara = k > 0 && side.ss[id].Para != side.ss[side.ids[k-1]].Para
			*side.dest = append(*side.dest, sv)
		}
	}
	return v
}

// servePage renders the page with every row.
func (s *Server) servePage(w http.ResponseWriter) {
	s.mu.Lock()
	data := pageData{Title: s.doc.Name(), Token: s.opts.token, Version: s.ver, Confirmed: s.doc.Confirmed(),
		CanUndo: s.doc.CanUndo(), Saved: s.opts.save != ""}
	data.Rows = make([]rowView, s.doc.Len())
	for i := range data.Rows {
		data.Rows[i] = s.doc.view(i)
	}
	s.mu.Unlock()
	if data.Title == "" {
		data.Title = "alignment"
	}
	data.Formats = formats
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		httpError(w, http.StatusInternalServerError, "rendering the page: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// editRequest is the body of POST /edit.
type editRequest struct {
	// Op is merge, split, up, down, confirm, unconfirm or undo.
	Op  string `json:"op"`
	Row int    `json:"row"`
	// EN and ZH are the sentences the first half of a split keeps.
	EN int `json:"en"`
	ZH int `json:"zh"`
	// Side is the side of the sentence up and down move: en or zh.
	Side string `json:"side"`
	// Version is the version of the page that asks: an edit from a page
	// that missed edits is refused (409).
	Version int `json:"version"`
}

// editResponse tells the page which rows to replace: Removed rows from
// At, by HTML (the rows, rendered as on the page).
type editResponse struct {
	Version   int    `json:"version"`
	At        int    `json:"at"`
	Removed   int    `json:"removed"`
	HTML      string `json:"html"`
	Select    int    `json:"select"`
	Rows      int    `json:"rows"`
	Confirmed int    `json:"confirmed"`
	CanUndo   bool   `json:"canUndo"`
}

// serveEdit applies one edit, saves, and answers with the rows to
// replace. The answer comes only once the save file is on the disk.
func (s *Server) serveEdit(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		httpError(w, http.StatusMethodNotAllowed, "edits are POST requests")
		return
	}
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		httpError(w, http.StatusForbidden, "forbidden: request from another origin")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		httpError(w, http.StatusUnsupportedMediaType, "an edit is a JSON body (Content-Type: application/json)")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("an edit is at most %d bytes", maxBody))
		return
	}
	var req editRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		httpError(w, http.StatusBadRequest, "bad edit: "+err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if req.Version != s.ver {
		httpError(w, http.StatusConflict, "the page is out of date (edited elsewhere): reload it")
		return
	}
	d := s.doc
	before := d.snapshot()
	c, sel, err := applyEdit(d, req)
	if err != nil {
		code := http.StatusConflict
		if errors.Is(err, errBadOp) {
			code = http.StatusBadRequest
		}
		httpError(w, code, strings.TrimPrefix(err.Error(), "review: "))
		return
	}
	if err := d.Check(); err != nil { // never: the edits keep the invariant
		d.restore(before)
		httpError(w, http.StatusInternalServerError, "edit undone: "+err.Error())
		return
	}
	if s.opts.save != "" {
		if err := Save(s.opts.save, d); err != nil {
			d.restore(before)
			httpError(w, http.StatusInternalServerError, "not saved, edit undone: "+err.Error())
			return
		}
	}
	s.ver++
	var b bytes.Buffer
	for i := c.at; i < c.at+c.n; i++ {
		if err := page.ExecuteTemplate(&b, "row", d.view(i)); err != nil {
			httpError(w, http.StatusInternalServerError, "rendering: "+err.Error())
			return
		}
	}
	resp := editResponse{Version: s.ver, At: c.at, Removed: len(c.old), HTML: b.String(),
		Select: min(max(sel, 0), d.Len()-1), Rows: d.Len(), Confirmed: d.Confirmed(), CanUndo: d.CanUndo()}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

var errBadOp = errors.New("review: unknown edit")

// applyEdit applies req to d and returns the change (the rows replaced)
// and the row to select next.
func applyEdit(d *Doc, req editRequest) (change, int, error) {
	var err error
	side := English
	switch req.Side {
	case "", "en":
	case "zh":
		side = Chinese
	default:
		return change{}, 0, fmt.Errorf("%w: side %q (want en or zh)", errBadOp, req.Side)
	}
	sel := req.Row
	switch req.Op {
	case "merge":
		err = d.Merge(req.Row)
	case "split":
		err = d.Split(req.Row, req.EN, req.ZH)
	case "up":
		if l, ok := d.Link(req.Row); ok && len(*l.ids(side)) == 1 && len(*l.ids(1 - side)) == 0 {
			sel = req.Row - 1 // the row goes away
		}
		err = d.MoveUp(req.Row, side)
	case "down":
		err = d.MoveDown(req.Row, side)
	case "confirm", "unconfirm":
		err = d.Confirm(req.Row, req.Op == "confirm")
	case "undo":
		// The selection stays where it is when the undone rows hold it.
		c, err := d.undoChange()
		if sel < c.at || sel >= c.at+c.n {
			sel = c.at
		}
		return c, sel, err
	default:
		return change{}, 0, fmt.Errorf("%w: %q", errBadOp, req.Op)
	}
	if err != nil {
		return change{}, 0, err
	}
	return d.lastChange(), sel, nil
}

// sameOrigin reports whether the Origin header o names the host the
// request was sent to.
func sameOrigin(o, host string) bool {
	return strings.EqualFold(o, "http://"+host)
}

// serveExport writes the Doc in the format asked for, as a download.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	var b bytes.Buffer
	s.mu.Lock()
	err := Export(&b, s.doc, format, s.opts.toolVersion, s.opts.export...)
	name := s.doc.Name()
	s.mu.Unlock()
	switch {
	case errors.Is(err, ErrFormat):
		httpError(w, http.StatusBadRequest, strings.TrimPrefix(err.Error(), "review: "))
		return
	case err != nil:
		httpError(w, http.StatusInternalServerError, "export: "+err.Error())
		return
	}
	ctype := map[string]string{
		"tmx": "application/x-tmx+xml; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
		"jsonl": "application/jsonl; charset=utf-8", "ladder": "text/plain; charset=utf-8",
	}[format]
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if name == "" {
		base = "alignment"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": base + ".review." + format}))
	w.Write(b.Bytes())
}
