package eval

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLine bounds the length of one input line in bytes.
const maxLine = 1 << 30

// isPySpace reports whether Python's str.isspace (and the \s of a str
// regular expression) is true for r: the characters whose bidirectional
// class is WS, B or S, or whose category is Zs. Unlike unicode.IsSpace this
// includes the separators U+001C..U+001F.
func isPySpace(r rune) bool {
	switch {
	case r <= 0x20:
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	case r < 0x85:
		return false
	case r == 0x85, r == 0xa0, r == 0x1680:
		return true
	case r >= 0x2000 && r <= 0x200a:
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return false
}

// pyStrip is Python's str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, isPySpace) }

// isAlnum is Python's str.isalnum for one character: letters (L*) and
// numbers (N*). In a Python str regular expression \w is isAlnum or "_".
// Combining marks are not alphanumeric.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// splitLines is a bufio.SplitFunc splitting the way Python's text mode
// does (universal newlines): at "\r\n", "\n" or a lone "\r". The line end
// is not part of the token.
func splitLines(data []byte, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		switch {
		case i+1 < len(data) && data[i+1] == '\n':
			return i + 2, data[:i], nil
		case i+1 < len(data) || atEOF:
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a "\r" at the end of the buffer: need more.
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// eachLine calls fn with every line of r that is not empty after
// Python's str.strip(), stripped, with its 1-based number. A UTF-8 byte
// order mark at the start of r is skipped (the Python scripts stop on it).
// Invalid UTF-8 and read errors are returned as *ParseError.
func eachLine(r io.Reader, name string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxLine)
	sc.Split(splitLines)
	n := 0
	for sc.Scan() {
		n++
		b := sc.Bytes()
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if !utf8.Valid(b) {
			return &ParseError{File: name, Line: n, Err: ErrInvalidUTF8}
		}
		line := pyStrip(string(b))
		if line == "" {
			continue
		}
		if err := fn(n, line); err != nil {
			return &ParseError{File: name, Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{File: name, Line: n + 1, Err: err}
	}
	return nil
}

// ndValue returns the value 0..9 of a decimal digit (category Nd). Unicode
// encodes decimal digits in contiguous runs of ten, from zero up, so the
// value is the distance from the start of the run modulo ten.
func ndValue(r rune) int {
	s := r
	for unicode.Is(unicode.Nd, s-1) {
		s--
	}
	return int(r-s) % 10
}

var errBadInt = errors.New("invalid literal for int() with base 10")

// pyInt parses s the way Python's int(s) does: surrounding whitespace,
// an optional sign, decimal digits of any script, single underscores
// between digits. Values outside the int range are errors (Python would
// accept them).
func pyInt(s string) (int, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x7f:
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Nd, r):
			b.WriteByte(byte('0' + ndValue(r)))
		default:
			return 0, fmt.Errorf("%w: %q", errBadInt, s)
		}
	}
	t := strings.Trim(b.String(), " \t\n\v\f\r")
	digits := t
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" || digits[0] == '_' || digits[len(digits)-1] == '_' || strings.Contains(digits, "__") {
		return 0, fmt.Errorf("%w: %q", errBadInt, s)
	}
	for i := 0; i < len(digits); i++ {
		if c := digits[i]; c != '_' && (c < '0' || c > '9') {
			return 0, fmt.Errorf("%w: %q", errBadInt, s)
		}
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 10, strconv.IntSize)
	if err != nil {
		return 0, fmt.Errorf("%w: %q out of range", errBadInt, s)
	}
	return int(v), nil
}

var errBadFloat = errors.New("could not convert string to float")

// pyFloat parses s the way Python's float(s) does: surrounding whitespace,
// an optional sign, then decimal digits of any script with an optional
// point and exponent (single underscores between digits), or inf,
// infinity or nan in any case. Out-of-range values are ±Inf, as in
// Python.
func pyFloat(s string) (float64, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x7f:
			b.WriteRune(r)
		case isPySpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Nd, r):
			b.WriteByte(byte('0' + ndValue(r)))
		default:
			return 0, fmt.Errorf("%w: %q", errBadFloat, s)
		}
	}
	t := strings.Trim(b.String(), " \t\n\v\f\r")
	if strings.Contains(t, "_") {
		for i := 0; i < len(t); i++ {
			if t[i] == '_' && (i == 0 || i == len(t)-1 || !isASCIIDigit(t[i-1]) || !isASCIIDigit(t[i+1])) {
				return 0, fmt.Errorf("%w: %q", errBadFloat, s)
			}
		}
		t = strings.ReplaceAll(t, "_", "")
	}
	if !isPyFloatLiteral(t) {
		return 0, fmt.Errorf("%w: %q", errBadFloat, s)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("%w: %q", errBadFloat, s)
	}
	return v, nil // ±Inf or 0 on overflow or underflow, as Python's float()
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// isPyFloatLiteral reports whether t is a float literal without
// underscores: [+-]? (digits [.digits?] | .digits) ([eE][+-]?digits)?, or
// [+-]? inf, infinity or nan in any case. (strconv.ParseFloat also takes
// hexadecimal and underscored forms, which Python's float() refuses.)
func isPyFloatLiteral(t string) bool {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	switch strings.ToLower(t) {
	case "inf", "infinity", "nan":
		return true
	}
	digits := func(i int) int {
		for i < len(t) && isASCIIDigit(t[i]) {
			i++
		}
		return i
	}
	i := digits(0)
	n := i
	if i < len(t) && t[i] == '.' {
		j := digits(i + 1)
		n += j - i - 1
		i = j
	}
	if n == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(t)
}
