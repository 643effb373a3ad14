package segment

import (
	"fmt"
	"strconv"
	"strings"
)

// Lang is the language of a run, paragraph or sentence.
type Lang uint8

// Languages. Other covers text with neither English nor Chinese content:
// dates, numbers, punctuation-only lines.
const (
	Other Lang = iota
	English
	Chinese
)

// String returns "en", "zh" or "none".
func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Chinese:
		return "zh"
	}
	return "none"
}

// Script is the writing system of a Chinese span.
type Script uint8

// Scripts. NoScript is used for text that is not Chinese. Ambiguous means the
// text holds only characters written alike in both scripts; Mixed means it
// holds characters specific to each.
const (
	NoScript Script = iota
	Simplified
	Traditional
	Mixed
	Ambiguous
)

// String returns "", "hans", "hant", "mixed" or "ambiguous".
func (s Script) String() string {
	switch s {
	case Simplified:
		return "hans"
	case Traditional:
		return "hant"
	case Mixed:
		return "mixed"
	case Ambiguous:
		return "ambiguous"
	}
	return ""
}

// Flags record what cleanup found in a sentence.
type Flags uint8

const (
	// Annotated means pinyin annotations were removed from Text.
	Annotated Flags = 1 << iota
	// Mojibake means the span holds signs of a broken encoding: U+FFFD,
	// invalid UTF-8, or an ASCII '?' inside a run of Han characters.
	Mojibake
)

// flagNames are the names Flags.String gives the flags, in bit order.
var flagNames = [...]string{"annotated", "mojibake"}

// String returns the names of the flags set in f, in lower case, in bit
// order and separated by commas: "annotated", "mojibake",
// "annotated,mojibake". It returns "" when no flag is set. Bits that name
// no flag are written as one hexadecimal number ("annotated,0x80"); Parse
// never sets them.
func (f Flags) String() string {
	var b strings.Builder
	for i, name := range flagNames {
		if f&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(name)
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("0x")
		b.WriteString(strconv.FormatUint(uint64(rest), 16))
	}
	return b.String()
}

// Sentence is one sentence of a Document.
//
// Input[Start:End] is the original text, byte offsets into the input given
// to Parse. Text is the cleaned text (scraping annotations removed, the
// original otherwise kept as written); Norm is the form used for matching:
// simplified script for Chinese, Unicode NFKC for the rest.
type Sentence struct {
	Lang   Lang
	Script Script
	Text   string
	Norm   string
	Start  int
	End    int
	Para   int // index into Document.Paragraphs
	Flags  Flags
}

// Paragraph is one paragraph of a Document: a line, or the part of a line
// holding one language when a line glues English and Chinese together.
// Its sentences are Document.Sentences[First:First+Count].
type Paragraph struct {
	Lang   Lang
	Script Script
	Start  int
	End    int
	First  int
	Count  int
}

// Document is parsed text: paragraphs in input order and the sentences of
// all paragraphs, in input order.
type Document struct {
	Paragraphs []Paragraph
	Sentences  []Sentence
	// InvalidBytes counts the bytes of the input that are not UTF-8 (Parse
	// accepts a few in otherwise valid text, see Mojibake), and
	// FirstInvalid is the byte offset of the first of them (-1 when there
	// is none).
	InvalidBytes, FirstInvalid int
}

// InvalidUTF8 returns nil when the input of d was valid UTF-8, and otherwise
// an error wrapping ErrInvalidUTF8 that gives the count of invalid bytes
// and the offset of the first: a warning, since Parse went on.
func (d *Document) InvalidUTF8() error {
	if d == nil || d.InvalidBytes == 0 {
		return nil
	}
	bytes := "bytes"
	if d.InvalidBytes == 1 {
		bytes = "byte"
	}
	return fmt.Errorf("%w: %d %s replaced by U+FFFD, the first at offset %d", ErrInvalidUTF8, d.InvalidBytes, bytes, d.FirstInvalid)
}

// Empty reports whether d holds no text: no sentence with a non-empty span
// (End > Start). This is the case for empty or blank input, and for the
// empty lines that Presplit keeps as empty sentences. Sentences of
// language Other (dates, numbers, punctuation) are text, so a Document
// holding only those is not empty. A nil Document is empty.
func (d *Document) Empty() bool {
	if d == nil {
		return true
	}
	for _, s := range d.Sentences {
		if s.End > s.Start {
			return false
		}
	}
	return true
}
