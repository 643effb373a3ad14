package eval

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file holds a small JSON reader with the behaviour of Python's
// json.loads (the C scanner, strict mode): standard JSON plus the literals
// NaN, Infinity and -Infinity. Only what the pair reader needs is kept of
// each value: strings and arrays in full, numbers and objects as their
// Python truth value. A lone UTF-16 surrogate escape, which Python keeps as
// a surrogate code point, becomes U+FFFD.

// jsonNumber is a parsed number; only its Python truth value matters.
type jsonNumber struct{ nonzero bool }

// jsonObject is a parsed object: its members, last duplicate winning.
type jsonObject map[string]any

// maxJSONDepth bounds nesting (Python stops at its recursion limit).
const maxJSONDepth = 10000

type jsonParser struct {
	s     string
	i     int
	depth int
}

// parsePyJSON parses s as one JSON value followed only by whitespace.
func parsePyJSON(s string) (any, error) {
	p := &jsonParser{s: s}
	p.ws()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.i != len(p.s) {
		return nil, p.errorf("extra data")
	}
	return v, nil
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s at column %d", ErrNotJSON, fmt.Sprintf(format, args...), utf8.RuneCountInString(p.s[:p.i])+1)
}

func (p *jsonParser) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) lit(word string) bool {
	if strings.HasPrefix(p.s[p.i:], word) {
		p.i += len(word)
		return true
	}
	return false
}

func (p *jsonParser) value() (any, error) {
	if p.i >= len(p.s) {
		return nil, p.errorf("expecting value")
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '-' || c >= '0' && c <= '9':
		if p.lit("-Infinity") {
			return jsonNumber{nonzero: true}, nil
		}
		return p.number()
	case p.lit("null"):
		return nil, nil
	case p.lit("true"):
		return true, nil
	case p.lit("false"):
		return false, nil
	case p.lit("NaN"), p.lit("Infinity"):
		return jsonNumber{nonzero: true}, nil
	}
	return nil, p.errorf("expecting value")
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > maxJSONDepth {
		return p.errorf("nested too deeply")
	}
	return nil
}

func (p *jsonParser) object() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.i++ // '{'
	obj := jsonObject{}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return obj, nil
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.errorf("expecting property name enclosed in double quotes")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errorf("expecting ':' delimiter")
		}
		p.i++
		p.ws()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		obj[k] = v
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == '}' {
			p.i++
			return obj, nil
		}
		if p.i >= len(p.s) || p.s[p.i] != ',' {
			return nil, p.errorf("expecting ',' delimiter")
		}
		p.i++
		p.ws()
	}
}

func (p *jsonParser) array() (any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.i++ // '['
	arr := []any{}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return arr, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return arr, nil
		}
		if p.i >= len(p.s) || p.s[p.i] != ',' {
			return nil, p.errorf("expecting ',' delimiter")
		}
		p.i++
		p.ws()
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (p *jsonParser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case p.i < len(p.s) && p.s[p.i] >= '1' && p.s[p.i] <= '9':
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			p.i++
		}
	default:
		p.i = start
		return nil, p.errorf("expecting value")
	}
	isFloat := false
	if p.i+1 < len(p.s) && p.s[p.i] == '.' && isDigit(p.s[p.i+1]) {
		isFloat = true
		p.i += 2
		for p.i < len(p.s) && isDigit(p.s[p.i]) {
			p.i++
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		j := p.i + 1
		if j < len(p.s) && (p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		if j < len(p.s) && isDigit(p.s[j]) {
			isFloat = true
			for j < len(p.s) && isDigit(p.s[j]) {
				j++
			}
			p.i = j
		}
	}
	lit := p.s[start:p.i]
	if !isFloat {
		return jsonNumber{nonzero: strings.Trim(lit, "-0") != ""}, nil
	}
	f, _ := strconv.ParseFloat(lit, 64) // ±Inf on overflow, as float() in Python
	return jsonNumber{nonzero: f != 0}, nil
}

func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:4], 16, 32)
	if err != nil || s[0] == '+' || s[0] == '-' {
		return 0, false
	}
	return rune(v), true
}

func (p *jsonParser) str() (string, error) {
	p.i++ // opening quote
	var b strings.Builder
	for {
		j := p.i
		for j < len(p.s) && p.s[j] != '"' && p.s[j] != '\\' && p.s[j] >= 0x20 {
			j++
		}
		b.WriteString(p.s[p.i:j])
		p.i = j
		if p.i >= len(p.s) {
			return "", p.errorf("unterminated string")
		}
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			return b.String(), nil
		case c < 0x20:
			return "", p.errorf("invalid control character")
		}
		// backslash
		if p.i+1 >= len(p.s) {
			return "", p.errorf("unterminated string")
		}
		esc := p.s[p.i+1]
		p.i += 2
		switch esc {
		case '"', '\\', '/':
			b.WriteByte(esc)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(p.s[p.i:])
			if !ok {
				p.i -= 2
				return "", p.errorf("invalid \\uXXXX escape")
			}
			p.i += 4
			if utf16.IsSurrogate(r) && r < 0xdc00 && strings.HasPrefix(p.s[p.i:], `\u`) {
				if r2, ok := hex4(p.s[p.i+2:]); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
					r = utf16.DecodeRune(r, r2)
					p.i += 6
				}
			}
			b.WriteRune(r) // a lone surrogate is written as U+FFFD
		default:
			p.i -= 2
			return "", p.errorf("invalid \\escape")
		}
	}
}
