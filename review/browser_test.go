package review_test

import (
	"bytes"
	"context"
	"flag"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/review"
)

var screenshot = flag.String("screenshot", "", "TestBrowser saves a 1280x800 screenshot of the page in this PNG file")

// browserPath returns the Chromium (or Chrome) found on the PATH, or "".
func browserPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "chromium-headless-shell", "headless-shell",
		"google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// pageRow is a row as the page shows it.
type pageRow struct {
	Row       int      `json:"row"`
	Confirmed bool     `json:"confirmed"`
	EN        []string `json:"en"`
	ZH        []string `json:"zh"`
}

const readRows = `Array.from(document.querySelectorAll('[data-row]')).map(r => ({
	row: Number(r.dataset.row), confirmed: r.dataset.confirmed === 'true',
	en: Array.from(r.querySelectorAll('.cell.en .sent')).map(s => s.textContent),
	zh: Array.from(r.querySelectorAll('.cell.zh .sent')).map(s => s.textContent)}))`

// wantRows returns the rows the page should show for d.
func wantRows(d *review.Doc) []pageRow {
	en, zh := d.Sentences(review.English), d.Sentences(review.Chinese)
	var out []pageRow
	for i, l := range d.Links() {
		r := pageRow{Row: i, Confirmed: l.Confirmed, EN: []string{}, ZH: []string{}}
		for _, k := range l.EN {
			r.EN = append(r.EN, en[k].Text)
		}
		for _, k := range l.ZH {
			r.ZH = append(r.ZH, zh[k].Text)
		}
		out = append(out, r)
	}
	return out
}

// serve serves d on a loopback port until the test ends or stop is called.
func serve(t *testing.T, d *review.Doc, save, tok string) (url string, stop func()) {
	t.Helper()
	srv, err := review.NewServer(d, review.WithSave(save), review.WithToken(tok))
	require.NoError(t, err)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, l) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		assert.NoError(t, <-done)
	}
	t.Cleanup(stop)
	return srv.URL(l.Addr()), stop
}

// TestBrowser drives the page in a headless Chromium: it loads seed 001,
// merges, splits, confirms, moves a sentence and undoes it, then restarts
// the server from the save file and checks the rows and the exports.
func TestBrowser(t *testing.T) {
	exe := browserPath()
	if exe == "" {
		t.Skip("no Chromium on the PATH (Debian: apt-get install chromium): browser test skipped")
	}
	if testing.Short() {
		t.Skip("short")
	}
	d, _ := seedDoc(t)
	shadow, _ := seedDoc(t) // the same edits, made by the model directly
	save := filepath.Join(t.TempDir(), "state.jsonl")
	url, stop := serve(t, d, save, "first-token")

	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 800))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		require.NoError(t, chromedp.Do(ctx, steps...), what)
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
		require.NoError(t, err, expr)
		return s
	}
	// waitFor polls a JavaScript condition.
	waitFor := func(cond string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second)))
		require.NoError(t, err, "waiting for %s (status: %s)", cond, eval(`document.getElementById('status').textContent`))
	}
	rowSel := func(i int) chromedp.CSS { return chromedp.CSS(`.row[data-row="` + itoa(i) + `"] .meta`) }
	checkRows := func(what string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]pageRow](readRows))
		require.NoError(t, err)
		require.Equal(t, wantRows(shadow), got, what)
	}

	do("load", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.row[data-row="0"]`)))
	n := d.Len()
	checkRows("the rows of the alignment, in order")

	// Click selects a row and gives it focus.
	do("click row 2", chromedp.Click(rowSel(2)))
	assert.Equal(t, "2", eval(`document.activeElement.dataset.row`))
	assert.Equal(t, "true", eval(`String(document.activeElement.classList.contains('sel'))`))

	// m merges the selected row with the next.
	require.NoError(t, shadow.Merge(2))
	do("merge", chromedp.KeyEvent("m"))
	waitFor(`document.querySelectorAll('[data-row]').length === ` + itoa(n-1))
	checkRows("after the merge")
	assert.Equal(t, "2", eval(`document.activeElement.dataset.row`), "the merged row stays selected")

	// s splits: the cut of the Chinese side moves left, Enter splits.
	require.Equal(t, "2-2", shadow.Unit(0).Type())
	require.NoError(t, shadow.Split(0, 1, 0))
	do("split", chromedp.Click(rowSel(0)), chromedp.KeyEvent("s"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowLeft),
		chromedp.KeyEvent(kb.Enter))
	waitFor(`document.querySelectorAll('[data-row]').length === ` + itoa(n))
	checkRows("after the split")

	// c confirms the selected row.
	require.NoError(t, shadow.Confirm(3, true))
	do("confirm", chromedp.Click(rowSel(3)), chromedp.KeyEvent("c"))
	waitFor(`document.getElementById('n-confirmed').textContent === '1'`)
	checkRows("after the confirmation")

	// Alt+↑ moves the first Chinese sentence of a row to the row above;
	// u undoes it.
	row := 5
	for l, _ := shadow.Link(row); len(l.ZH) == 0; l, _ = shadow.Link(row) {
		row++
	}
	require.NoError(t, shadow.MoveUp(row, review.Chinese))
	do("move up", chromedp.Click(rowSel(row)), chromedp.KeyEvent("l"), chromedp.KeyEvent(kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierAlt)))
	waitFor(`document.getElementById('status').textContent.startsWith('Moved up')`)
	checkRows("after the move")
	require.NoError(t, shadow.Undo())
	do("undo", chromedp.KeyEvent("u"))
	waitFor(`document.getElementById('status').textContent.startsWith('Undone')`)
	checkRows("after the undo")

	// The help overlay and the filter.
	do("help", chromedp.KeyEvent("?"))
	assert.Equal(t, "false", eval(`String(document.getElementById('help').hidden)`))
	do("close help", chromedp.KeyEvent(kb.Escape))
	assert.Equal(t, "true", eval(`String(document.getElementById('help').hidden)`))
	do("filter", chromedp.KeyEvent("f"))
	assert.Equal(t, "true", eval(`String(document.querySelector('.row[data-row="3"]').hidden)`), "a confirmed row is hidden")
	do("unfilter", chromedp.Click(chromedp.ID("f-unconfirmed")))
	assert.Equal(t, "false", eval(`String(document.querySelector('.row[data-row="3"]').hidden)`))
	do("keys after a click on the checkbox", chromedp.KeyEvent("j"))
	assert.Equal(t, itoa(row+1), eval(`document.activeElement.dataset.row`))

	// n jumps to the next unconfirmed row scoring below the threshold.
	next := -1
	for i, l := range shadow.Links() {
		if i > row+1 && !l.Confirmed && l.Score < 0.8 {
			next = i
			break
		}
	}
	require.Positive(t, next, "seed 001 has a row scoring below 0.8")
	do("next low", chromedp.KeyEvent("n"))
	assert.Equal(t, itoa(next), eval(`document.activeElement.dataset.row`))

	// Every edit is in the save file.
	saved, err := review.Load(save)
	require.NoError(t, err)
	assert.Equal(t, shadow.Links(), saved.Links())

	// Restart from the save file: the same rows, the same exports.
	stop()
	d2, err := review.Load(save)
	require.NoError(t, err)
	url, _ = serve(t, d2, save, "second-token")
	do("reload", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.row[data-row="0"]`)))
	checkRows("after the restart")
	assert.Equal(t, "1", eval(`document.getElementById('n-confirmed').textContent`))

	base := strings.TrimSuffix(url[:strings.Index(url, "?")], "/")
	for _, f := range []string{"tmx", "jsonl", "tsv"} {
		var want bytes.Buffer
		require.NoError(t, review.Export(&want, shadow, f, "(devel)"))
		// The page's download button, fetched by the page.
		got := eval(`fetch(document.querySelector('a[data-format="` + f + `"]').href).then(r => r.text())`)
		assert.Equal(t, want.String(), got, f)
		res, err := http.Get(base + "/export?format=" + f + "&token=second-token")
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode)
	}
	assert.Contains(t, eval(`fetch('/export?format=jsonl&token=first-token').then(r => String(r.status))`), "403", "the old token is dead")
	for _, f := range []string{"xliff", "xlsx"} {
		assert.Equal(t, "true", eval(`String(document.querySelector('a[data-format="`+f+`"]') !== null)`), "a download link for %s", f)
	}

	if *screenshot != "" {
		takeScreenshot(t, ctx, *screenshot)
	}
}

// takeScreenshot saves the page as the README shows it: two rows
// confirmed, the next low-scoring row below them selected and being split.
func takeScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("g"), chromedp.KeyEvent("n"), chromedp.KeyEvent("k"), chromedp.KeyEvent("c"),
		chromedp.KeyEvent("k"), chromedp.KeyEvent("c")))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('n-confirmed').textContent === '3'`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("n"), chromedp.KeyEvent("s")))
	time.Sleep(200 * time.Millisecond)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(name, png, 0o644))
	t.Logf("screenshot saved in %s", name)
}

func itoa(i int) string { return strconv.Itoa(i) }
