// Package fileerr defines the error the packages of zhenalign return for a
// malformed line of a file they read (a glossary, a dictionary, a ladder, a
// JSONL or TMX file). Each package names it ParseError, as an alias.
package fileerr

import "strconv"

// ParseError reports where a file is malformed.
type ParseError struct {
	File string // the name the caller gave the input
	Line int    // 1-based; 0 when the error concerns the whole file
	Err  error
}

// Error returns "file:line: message", "file: message" without a line, and
// "line N: message" without a file name.
func (e *ParseError) Error() string {
	switch {
	case e.File == "":
		return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	case e.Line <= 0:
		return e.File + ": " + e.Err.Error()
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
