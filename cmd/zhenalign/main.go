package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"

	"github.com/zhenalign/zhenalign/settings"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The aligner's memory is mostly a few large arrays that live
		// through one search: collecting at half the live heap instead
		// of the whole keeps a book under 500 MB (bible/006: 440 MB
		// instead of 440–566 MB, a 10 MB page 394 MB instead of 506–553
		// MB) at no measurable cost in time. $GOGC still decides when set.
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// gcPercent is the command's garbage collection target (see main).
const gcPercent = 50

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// mu guards temps, the temporary output files being written, and
	// aborting, set once they are removed before exiting.
	mu       sync.Mutex
	temps    map[string]bool
	aborting bool
}

// command is one subcommand of the tool.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"segment", "split a document into paragraphs and sentences", runSegment},
		{"align", "align English and Chinese sentences or paragraphs", runAlign},
		{"batch", "align every document of folders on several cores", runBatch},
		{"convert", "convert and filter parallel text (TMX or JSONL in, any format out)", runConvert},
		{"eval", "score an alignment against gold (ladder or JSONL pairs)", runEval},
		{"review", "check and correct an alignment in the browser", runReview},
	}
}

// errUsage marks an error in the command line: exit status 2.
var errUsage = errors.New("usage")

// run executes the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, "zhenalign", version())
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, syscall.EPIPE):
			// The reader of the output went away (| head): end quietly,
			// with the status a shell gives a process killed by SIGPIPE.
			return 128 + int(syscall.SIGPIPE)
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "zhenalign %s: %v\n", c.name, err)
			return 2
		case errors.Is(err, settings.ErrFlag):
			fmt.Fprintf(stderr, "zhenalign %s: %v: %v\n", c.name, errUsage, err)
			return 2
		}
		fmt.Fprintf(stderr, "zhenalign %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(stderr, "zhenalign: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: zhenalign COMMAND [flags] [files]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "  version   print the version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'zhenalign COMMAND -h' for the flags of a command.")
}

// parseFlags parses args with fs, allowing flags after the positional
// arguments ("align FILE -f jsonl"), and returns the positional ones. "--"
// ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // fs.Parse reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	// The flag package prints the whole usage on any mistake; say only
	// what is wrong, and print the usage when it is asked for.
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(flags)
	fs.SetOutput(out)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v (run 'zhenalign %s -h' for help)", errUsage, err, fs.Name())
	}
	return pos, nil
}

// warn prints each warning of command cmd on standard error.
func (e *env) warn(cmd string, warnings []error) {
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "zhenalign %s: warning: %v\n", cmd, w)
	}
}

// plural returns one when n is 1, many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// readInput reads a named file, or standard input for "-".
func (e *env) readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(name)
}
