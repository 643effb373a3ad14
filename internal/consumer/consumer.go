// Package consumer finds, for the tests, the programs of other projects
// that read zhenalign's output as users do: translate-toolkit (TMX,
// XLIFF), openpyxl (XLSX), hyparquet (Parquet), xmllint (the TMX DTD) and
// Python's xxhash (bifixer's hash). .ci/run installs them (Debian
// packages, and hyparquet with npm into $HOME/.cache/zhenalign-npm); the
// tests never install anything, and skip with a message saying what to
// install when a consumer is missing.
package consumer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Python returns a python3 that can import every module, or skips the
// test naming the Debian packages to install (debs). The Debian python
// (/usr/bin/python3) is tried after the first python3 of PATH, which may
// be another installation without Debian's modules.
func Python(t testing.TB, debs string, modules ...string) string {
	t.Helper()
	check := "import " + strings.Join(modules, ", ")
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", check).Run() == nil {
			return py
		}
	}
	t.Skipf("python3 cannot import %s: apt-get install %s (.ci/run does) to run this test", strings.Join(modules, ", "), debs)
	return ""
}

// NPMDir returns the folder of npm packages the tests use:
// $ZHENALIGN_NPM when set, or $HOME/.cache/zhenalign-npm, where .ci/run
// installs them (npm install --prefix).
func NPMDir() string {
	if d := os.Getenv("ZHENALIGN_NPM"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cache", "zhenalign-npm")
}

// Node returns node and the folder of the npm package pkg, installed in
// NPMDir, or skips the test.
func Node(t testing.TB, pkg string) (node, dir string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("node is not installed: apt-get install nodejs to run this test")
	}
	dir = filepath.Join(NPMDir(), "node_modules", pkg)
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		t.Skipf("npm package %s is not in %s: npm install --prefix %s %s (.ci/run does), or set ZHENALIGN_NPM, to run this test",
			pkg, NPMDir(), NPMDir(), pkg)
	}
	return node, dir
}

// Xmllint returns the path of xmllint, or skips the test.
func Xmllint(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed: apt-get install libxml2-utils (.ci/run does) to run this test")
	}
	return p
}

// Run runs a program and returns its standard output; it fails the test
// with the program's standard error when the program fails.
func Run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, ee.Stderr)
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// Script writes a program's text to a file in a temporary folder of the
// test and returns its path.
func Script(t testing.TB, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Scripts the tests share, run as Run(t, python, script, args...) or
// Run(t, node, script, dir, file).
const (
	// XLIFFScript prints the units of an XLIFF file (argv[1]) as
	// translate-toolkit reads them, as JSON.
	XLIFFScript = `
import json, sys
from translate.storage import xliff
with open(sys.argv[1], "rb") as f:
    store = xliff.xlifffile(f)
NS = "{https://github.com/zhenalign/zhenalign/xliff}"
units = []
for u in store.units:
    if u.isheader():
        continue
    target = u.xmlelement.find(store.namespaced("target"))
    units.append({
        "id": u.getid(), "source": u.source, "target": u.target,
        "state": target.get("state") if target is not None else None,
        "state_n": u.get_state_n(), "notes": u.getnotes(),
        "score": u.xmlelement.get(NS + "score"), "type": u.xmlelement.get(NS + "type"),
        "en_ids": u.xmlelement.get(NS + "en-ids"), "zh_ids": u.xmlelement.get(NS + "zh-ids"),
        "hash": u.xmlelement.get(NS + "hash"),
    })
json.dump({"source_language": store.getsourcelanguage(), "target_language": store.gettargetlanguage(),
           "files": store.getfilenames(), "units": units}, sys.stdout, ensure_ascii=False)
`
	// TMXScript prints the units of a TMX file (argv[1]) as
	// translate-toolkit reads them, as JSON.
	TMXScript = `
import json, sys
from translate.storage import tmx
with open(sys.argv[1], "rb") as f:
    store = tmx.tmxfile(f)
json.dump([{"source": u.source, "target": u.target, "id": u.getid()} for u in store.units], sys.stdout, ensure_ascii=False)
`
	// XLSXScript prints the first sheet of a workbook (argv[1]) as
	// openpyxl reads it, as JSON: its name, frozen pane, rows and the fill
	// colour of each row's first cell.
	XLSXScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
fills = [ws.cell(row=i + 1, column=1).fill.fgColor.rgb if ws.cell(row=i + 1, column=1).fill.fill_type else None for i in range(len(rows))]
json.dump({"sheet": ws.title, "freeze": ws.freeze_panes, "rows": rows, "fills": fills,
           "bold": ws["A1"].font.b, "tables": list(ws.tables.keys()), "created": wb.properties.created.isoformat()},
          sys.stdout, ensure_ascii=False)
`
	// ParquetScript prints the rows of a Parquet file as hyparquet reads
	// them, as JSON, with the number of row groups and the schema. Run it
	// as node ParquetScript DIR FILE, DIR being hyparquet's folder.
	ParquetScript = `
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
const { parquetReadObjects, parquetMetadata, toJson } = await import(pathToFileURL(process.argv[2] + '/src/index.js'))
const b = readFileSync(process.argv[3])
const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
const meta = parquetMetadata(file)
const rows = await parquetReadObjects({ file })
console.log(JSON.stringify(toJson({
  row_groups: meta.row_groups.length,
  columns: rows.length ? Object.keys(rows[0]) : [],
  created_by: meta.created_by,
  rows,
})))
`
)
