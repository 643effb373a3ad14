package review_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
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

	"github.com/zhenalign/zhenalign/corpus"
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
	srv, err := review.NewServer(d, review.WithSave(save), review.WithToken(tok), review.WithExportOptions(corpus.CreationDate(exportDate)))
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
// merges, splits, confirms, moves a sentence up and undoes it, moves one
// down, walks the rows with the keys, filters them by score, then restarts
// the server from the save file and checks the rows and the exports (all
// five formats, byte for byte).
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

	// Alt+↓ moves the last sentence of the chosen side (still Chinese) to
	// the row below.
	for l, _ := shadow.Link(row); len(l.EN) == 0 || len(l.ZH) == 0; l, _ = shadow.Link(row) {
		row++
		require.Less(t, row, shadow.Len()-1, "seed 001 has a two-sided row with a row below")
	}
	require.NoError(t, shadow.MoveDown(row, review.Chinese))
	do("move down", chromedp.Click(rowSel(row)), chromedp.KeyEvent(kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt)))
	waitFor(`document.getElementById('status').textContent.startsWith('Moved down')`)
	checkRows("after the move down")
	assert.Equal(t, itoa(row), eval(`document.activeElement.dataset.row`), "the row stays selected")
	assert.Equal(t, "true", eval(`String(document.activeElement.classList.contains('side-zh'))`), "on its Chinese side")

	// j, k and the arrows walk the rows; h and l choose the side.
	for _, tc := range []struct {
		key  string
		want int
	}{{"k", row - 1}, {"k", row - 2}, {"j", row - 1}, {kb.ArrowDown, row}, {kb.ArrowDown, row + 1}, {kb.ArrowUp, row}} {
		do("key "+tc.key, chromedp.KeyEvent(tc.key))
		assert.Equal(t, itoa(tc.want), eval(`document.activeElement.dataset.row`), "after %q", tc.key)
	}
	do("h", chromedp.KeyEvent("h"))
	assert.Equal(t, "true", eval(`String(document.activeElement.classList.contains('side-en'))`))
	do("g", chromedp.KeyEvent("g"))
	assert.Equal(t, "0", eval(`document.activeElement.dataset.row`))
	do("k on the first row", chromedp.KeyEvent("k"), chromedp.KeyEvent(kb.ArrowUp))
	assert.Equal(t, "0", eval(`document.activeElement.dataset.row`), "k stops at the first row")
	do("G", chromedp.KeyEvent("G"))
	assert.Equal(t, itoa(shadow.Len()-1), eval(`document.activeElement.dataset.row`))
	do("j on the last row", chromedp.KeyEvent("j"))
	assert.Equal(t, itoa(shadow.Len()-1), eval(`document.activeElement.dataset.row`), "j stops at the last row")
	do("back to the row", chromedp.Click(rowSel(row)))

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

	// "below" shows only the unconfirmed rows scoring below the
	// threshold, the one typed in the box; k and j skip the hidden rows.
	shown := func() []int {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](
			`Array.from(document.querySelectorAll('[data-row]')).filter(r => !r.hidden).map(r => Number(r.dataset.row))`))
		require.NoError(t, err)
		return got
	}
	lowRows := func(threshold float64) []int {
		var out []int
		for i, l := range shadow.Links() {
			if !l.Confirmed && l.Score < threshold {
				out = append(out, i)
			}
		}
		return out
	}
	setThreshold := func(v string) {
		t.Helper()
		do("threshold "+v, chromedp.SetValue(chromedp.ID("threshold"), ""), chromedp.SendKeys(chromedp.ID("threshold"), v))
	}
	do("below", chromedp.Click(chromedp.ID("f-low")))
	require.NotEmpty(t, lowRows(0.8))
	assert.Equal(t, lowRows(0.8), shown(), "below 0.8")
	// A threshold that hides rows between the first three rows shown,
	// whatever the scores of this model are.
	var below []int
	th := ""
	for _, v := range []string{"0.9", "0.95", "0.97", "0.98", "0.99", "0.995"} {
		x, err := strconv.ParseFloat(v, 64)
		require.NoError(t, err)
		if b := lowRows(x); len(b) > 2 && len(b) < shadow.Len() && b[2]-b[0] > 2 {
			below, th = b, v
			break
		}
	}
	require.NotEmpty(t, th, "seed 001 has rows above and below some threshold, with rows hidden between the first three shown")
	setThreshold(th)
	assert.Equal(t, below, shown(), "below "+th)
	do("select a low row", chromedp.Click(rowSel(below[1])), chromedp.KeyEvent("j"))
	assert.Equal(t, itoa(below[2]), eval(`document.activeElement.dataset.row`), "j goes to the next row shown")
	do("k", chromedp.KeyEvent("k"), chromedp.KeyEvent("k"))
	assert.Equal(t, itoa(below[0]), eval(`document.activeElement.dataset.row`), "k goes to the row shown before")
	setThreshold("0")
	assert.Empty(t, shown(), "no row scores below 0")
	setThreshold("0.8")
	do("all rows", chromedp.Click(chromedp.ID("f-low")))
	assert.Len(t, shown(), shadow.Len())

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
	for _, f := range []string{"tmx", "jsonl", "tsv", "xliff", "xlsx"} {
		var want bytes.Buffer
		require.NoError(t, review.Export(&want, shadow, f, "(devel)", corpus.CreationDate(exportDate)))
		// The page's download button, fetched by the page, as base64 (xlsx
		// is a zip file).
		got := eval(`fetch(document.querySelector('a[data-format="` + f + `"]').href).then(r => r.arrayBuffer()).then(b => {
			let s = ''; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`)
		b, err := base64.StdEncoding.DecodeString(got)
		require.NoError(t, err, f)
		assert.Equal(t, want.Bytes(), b, f)
		res, err := http.Get(base + "/export?format=" + f + "&token=second-token")
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode)
		if f == "xliff" {
			// The units of the XLIFF download: the two-sided links, in order.
			r := corpus.NewXLIFFReader(bytes.NewReader(b), "review.xliff")
			var units []corpus.Unit
			for r.Next() {
				units = append(units, r.Unit())
			}
			require.NoError(t, r.Err())
			var want []string
			for _, u := range shadow.Units() {
				if u.EN != "" && u.ZH != "" {
					want = append(want, u.EN+"\t"+u.ZH)
				}
			}
			var gotUnits []string
			for _, u := range units {
				gotUnits = append(gotUnits, u.EN+"\t"+u.ZH)
			}
			assert.Equal(t, want, gotUnits, "the units of the XLIFF download")
		}
		if f == "xlsx" {
			// A workbook: a zip holding a sheet with a row per unit.
			z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			require.NoError(t, err)
			var names []string
			for _, zf := range z.File {
				names = append(names, zf.Name)
			}
			assert.Contains(t, names, "xl/worksheets/sheet1.xml")
		}
	}
	assert.Contains(t, eval(`fetch('/export?format=jsonl&token=first-token').then(r => String(r.status))`), "403", "the old token is dead")

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
