package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/review"
	"github.com/zhenalign/zhenalign/settings"
)

func runReview(e *env, args []string) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	save := fs.String("save", "", "file that keeps the review: written at every edit, read back when it exists")
	addr := fs.String("addr", "127.0.0.1:0", "address to serve the page on (port 0: any free port)")
	open := fs.Bool("open", false, "open the page in the browser")
	presplit := fs.Bool("presplit", false, "the two inputs hold one sentence per line, ids = 0-based line numbers")
	glossary := fs.String("glossary", "", "TSV file of English<TAB>Chinese terms to use as strong anchors (# comments)")
	dictFile := fs.String("dict", "", "dictionary in CC-CEDICT format to use instead of the embedded CC-CEDICT")
	inf := settings.NewInput(fs)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, `usage: zhenalign review [flags] FILE [FILE_B]
       zhenalign review --save STATE

Aligns the documents (one mixed file or two files, any input align takes)
or loads an alignment (JSONL as "align -f jsonl" writes it, or TMX), and
serves a page to check and correct it in the browser. The page's address,
with its session token, is printed on standard output; the command serves
until interrupted (Ctrl+C).

With --save, every edit is written to STATE before the page shows it, and
a STATE that exists is read back instead of the input: the review goes on
where it stopped.

`)
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	resume := false
	if *save != "" {
		if fi, err := os.Stat(*save); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
			resume = true
		}
	}
	if len(pos) > 2 || (len(pos) == 0 && !resume) {
		return fmt.Errorf("%w: want one mixed file, two files, or an alignment (or --save with an existing file), got %d arguments", errUsage, len(pos))
	}
	if *presplit && len(pos) == 1 {
		return fmt.Errorf("%w: --presplit needs two files, one per language", errUsage)
	}
	if err := inf.Check(); err != nil {
		return err
	}
	var doc *review.Doc
	if resume {
		if doc, err = review.Load(*save); err != nil {
			return err
		}
		if len(pos) == 1 && pos[0] != "-" && !sameFile(pos[0], *save) && doc.Name() != "" {
			if data, err := os.ReadFile(pos[0]); err == nil && !review.IsAlignment(pos[0], data) && filepath.Base(pos[0]) != doc.Name() {
				return fmt.Errorf("--save %s holds the review of %s, not of %s: give another --save file", *save, doc.Name(), pos[0])
			}
		}
		fmt.Fprintf(e.stderr, "zhenalign review: resuming %s: %d links, %d confirmed\n", *save, doc.Len(), doc.Confirmed())
	} else {
		as := settings.Alignment{Input: *inf, Presplit: *presplit, Glossary: *glossary, Dict: *dictFile}
		opts, err := as.Options()
		if err != nil {
			return err
		}
		srcs := make([]align.Source, len(pos))
		for k, name := range pos {
			data, err := e.readInput(name)
			if err != nil {
				return err
			}
			srcs[k] = align.Source{Name: name, Data: data}
		}
		var warnings []error
		doc, warnings, err = review.Open(align.New(opts...), srcs...)
		if err != nil {
			return err
		}
		e.warn("review", warnings)
	}
	opts := []review.Option{review.WithToolVersion(version())}
	if *save != "" {
		opts = append(opts, review.WithSave(*save))
	} else {
		fmt.Fprintln(e.stderr, "zhenalign review: warning: no --save file: the edits are lost when the command stops")
	}
	srv, err := review.NewServer(doc, opts...)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", *addr, err)
	}
	if ta, ok := l.Addr().(*net.TCPAddr); ok && !ta.IP.IsLoopback() {
		fmt.Fprintf(e.stderr, "zhenalign review: warning: %s is not a loopback address: whoever can reach it and has the address below can edit\n", l.Addr())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	url := srv.URL(l.Addr())
	fmt.Fprintln(e.stdout, url)
	fmt.Fprintf(e.stderr, "zhenalign review: %d links; serving until interrupted (Ctrl+C)\n", doc.Len())
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(e.stderr, "zhenalign review: warning: could not open the browser (%v): open the address above\n", err)
		}
	}
	err = srv.Serve(ctx, l)
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// sameFile reports whether the names a and b are one file.
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// openBrowser opens url in the user's browser, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it
	return nil
}
