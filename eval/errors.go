package eval

import (
	"errors"

	"github.com/zhenalign/zhenalign/internal/fileerr"
)

// Errors wrapped by [ParseError].
var (
	// ErrBadLink reports a ladder line that is not "[ids]:[ids]".
	ErrBadLink = errors.New("eval: bad ladder line")
	// ErrNotJSON reports a JSONL line that is not valid JSON.
	ErrNotJSON = errors.New("eval: not JSON")
	// ErrBadPair reports a JSONL line that is valid JSON but not an object
	// whose "en" and "zh" are strings, lists of strings or empty.
	ErrBadPair = errors.New("eval: bad pair")
	// ErrNoScore reports a ladder line without the score that
	// calibration needs.
	ErrNoScore = errors.New("eval: link without a score")
	// ErrBadScore reports a ladder score that is not a number in [0,1].
	ErrBadScore = errors.New("eval: score not a number in [0,1]")
	// ErrInvalidUTF8 reports a line that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("eval: invalid UTF-8")
)

// ParseError reports where a ladder or pair file could not be read.
// File is the name given to the reader (a path for the *File functions);
// Line counts from 1, with "\n", "\r\n" and "\r" as line ends.
// Its Err is one of the Err* values above (possibly wrapped with detail)
// or an I/O error.
type ParseError = fileerr.ParseError
