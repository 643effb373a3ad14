package settings

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/zhenalign/zhenalign/align"
)

// ErrFlag is matched (errors.Is) by the errors of a value given to a flag.
var ErrFlag = errors.New("settings: bad flag value")

// FlagError is a mistake in the value of a flag: Error says which flag and
// what is wrong with it, as a command prints it.
type FlagError struct{ Msg string }

func (e *FlagError) Error() string { return e.Msg }

// Is reports whether target is ErrFlag.
func (e *FlagError) Is(target error) bool { return target == ErrFlag }

func flagErrorf(format string, args ...any) error {
	return &FlagError{Msg: fmt.Sprintf(format, args...)}
}

// Finite is a flag.Value of a float64 that is a number: NaN and
// infinities are refused.
type Finite struct{ P *float64 }

func (f Finite) String() string {
	if f.P == nil {
		return "0"
	}
	return strconv.FormatFloat(*f.P, 'g', -1, 64)
}

// Set parses s.
func (f Finite) Set(s string) error {
	x, err := strconv.ParseFloat(s, 64)
	if errors.Is(err, strconv.ErrRange) {
		return fmt.Errorf("want a finite number, not %s", s)
	}
	if err != nil {
		return errors.New("want a number")
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Errorf("want a finite number, not %s", s)
	}
	*f.P = x
	return nil
}

// Level is a flag.Value of an align.Level: "sent" or "para".
type Level struct{ L *align.Level }

func (l Level) String() string {
	if l.L != nil && *l.L == align.Paragraphs {
		return "para"
	}
	return "sent"
}

// Set parses s.
func (l Level) Set(s string) error {
	switch s {
	case "sent":
		*l.L = align.Sentences
	case "para":
		*l.L = align.Paragraphs
	default:
		return errors.New("--level must be sent or para")
	}
	return nil
}
