package main

import (
	"bytes"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sys/unix"
)

// openTerminal opens a pseudo-terminal and returns its terminal side, or
// skips the test.
func openTerminal(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	fd := int(ptmx.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	tty, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// TestBinaryFormatsNotToTerminal checks that XLSX and Parquet are refused
// on a terminal, and that text formats are not.
func TestBinaryFormatsNotToTerminal(t *testing.T) {
	tty := openTerminal(t)
	for _, f := range []string{"xlsx", "parquet"} {
		var errb bytes.Buffer
		code := run([]string{"align", seed001, "-f", f}, nil, tty, &errb)
		assert.Equal(t, 2, code)
		assert.Contains(t, errb.String(), "-f "+f+" is a binary format: write it to a file with -o, or pipe it")
	}
	var errb bytes.Buffer
	code := run([]string{"align", seed001, "-f", "xlsx", "-o", t.TempDir() + "/x.xlsx"}, nil, tty, &errb)
	assert.Equal(t, 0, code, errb.String())
}
