// Package strtab holds sorted string tables and the varint encoding of the
// indexes that zhenalign generates and embeds (the word segmenter and the
// compact dictionary): a [Table] is a sorted list of distinct strings in
// one string with an end offset each, written front-coded, and a [Reader]
// reads such data back, keeping the first error.
//
// A Table is immutable and safe for concurrent use; a Reader is not.
package strtab

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"
)

// ErrFormat is wrapped by the errors of a [Reader] for malformed data.
var ErrFormat = errors.New("strtab: malformed data")

// Table is a sorted list of distinct strings: string i is
// data[ends[i-1]:ends[i]] (from 0 for i = 0). The zero Table is empty.
type Table struct {
	data string
	ends []uint32
}

// New returns the Table of strs, which must be sorted by bytes and
// distinct; the total length must fit in 32 bits.
func New(strs []string) (Table, error) {
	var b strings.Builder
	ends := make([]uint32, len(strs))
	for i, s := range strs {
		if i > 0 && s <= strs[i-1] {
			return Table{}, fmt.Errorf("strtab: %q after %q: not sorted or repeated", s, strs[i-1])
		}
		b.WriteString(s)
		if b.Len() > math.MaxUint32 {
			return Table{}, errors.New("strtab: table larger than 4 GiB")
		}
		ends[i] = uint32(b.Len())
	}
	return Table{data: b.String(), ends: ends}, nil
}

// Len returns the number of strings.
func (t *Table) Len() int { return len(t.ends) }

// At returns string i; it panics if i is out of range, like a slice.
func (t *Table) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.data[start:t.ends[i]]
}

// Find returns the index of s and true, or the index where s would be
// inserted and false.
func (t *Table) Find(s string) (int, bool) {
	a, b := 0, len(t.ends)
	for a < b {
		h := int(uint(a+b) >> 1)
		if t.At(h) < s {
			a = h + 1
		} else {
			b = h
		}
	}
	return a, a < len(t.ends) && t.At(a) == s
}

// All returns an iterator over the strings in order.
func (t *Table) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range t.ends {
			if !yield(t.At(i)) {
				return
			}
		}
	}
}

// Size returns the number of bytes of the strings.
func (t *Table) Size() int { return len(t.data) }

// AppendBinary appends the encoded table to b: the number of strings and
// their total length as uvarints, then the strings in order, front-coded:
// for each, the length of the prefix it shares with the one before and the
// length of the rest as uvarints, then the rest. [Reader.Table] reads it back. The error is
// always nil; it is there for encoding.BinaryAppender.
func (t *Table) AppendBinary(b []byte) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(len(t.ends)))
	b = binary.AppendUvarint(b, uint64(len(t.data)))
	prev := ""
	for s := range t.All() {
		n := 0
		for n < len(prev) && n < len(s) && prev[n] == s[n] {
			n++
		}
		b = binary.AppendUvarint(b, uint64(n))
		b = binary.AppendUvarint(b, uint64(len(s)-n))
		b = append(b, s[n:]...)
		prev = s
	}
	return b, nil
}

// Reader reads encoded data from the front. After the first error every
// method returns zero values, and [Reader.Err] reports it.
type Reader struct {
	data string
	off  int // what is read is data[:off]; an int, so reading stores no pointer
	err  error
}

// NewReader returns a Reader of data.
func NewReader(data string) *Reader { return &Reader{data: data} }

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Len returns the number of bytes not read yet.
func (r *Reader) Len() int { return len(r.data) - r.off }

// Fail records an error wrapping [ErrFormat], with the message
// fmt.Sprintf(format, args...), if the Reader has none yet.
func (r *Reader) Fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
		r.off = len(r.data)
	}
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	// Numbers below 128 are read inline.
	if off := r.off; off < len(r.data) {
		if c := r.data[off]; c < 0x80 {
			r.off = off + 1
			return uint64(c)
		}
	}
	return r.uvarint()
}

func (r *Reader) uvarint() uint64 {
	x, n := Uvarint(r.data[r.off:])
	if n <= 0 {
		r.Fail("bad uvarint")
		return 0
	}
	r.off += n
	return x
}

// Uvarint decodes an unsigned varint from the start of s and returns it
// and the number of bytes read, or 0 and 0 if s does not start with one
// (of at most 64 bits).
func Uvarint(s string) (uint64, int) {
	if len(s) >= 2 && s[1] < 0x80 && s[0] >= 0x80 {
		return uint64(s[0]&0x7f) | uint64(s[1])<<7, 2
	}
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			return 0, 0 // overflow
		}
		x |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return x, i + 1
		}
	}
	return 0, 0
}

// Count reads a uvarint that counts items of at least min bytes each in
// what follows, and fails if there cannot be that many.
func (r *Reader) Count(min int) int {
	n := r.Uvarint()
	if n > uint64(r.Len()/max(min, 1)) {
		r.Fail("count %d too large", n)
		return 0
	}
	return int(n)
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n int) string {
	if n < 0 || n > r.Len() {
		r.Fail("%d bytes wanted, %d left", n, r.Len())
		return ""
	}
	r.off += n
	return r.data[r.off-n : r.off]
}

// Table reads a table written by [Table.AppendBinary], checking that its
// strings are sorted and distinct.
func (r *Reader) Table() Table {
	n := r.Count(2)
	size := r.Uvarint()
	if r.err != nil || size > math.MaxUint32 {
		r.Fail("table too large")
		return Table{}
	}
	ends := make([]uint32, n)
	// Front coding of sorted words saves about half; the limit keeps
	// malformed data from asking for gigabytes.
	buf := make([]byte, 0, min(size, 8*uint64(r.Len())))
	ps, pe := 0, 0 // the previous string is buf[ps:pe]
	for i := range ends {
		shared, rest := r.Uvarint(), r.Uvarint()
		if r.err != nil {
			return Table{}
		}
		if shared > uint64(pe-ps) || rest > uint64(r.Len()) {
			r.Fail("string %d: bad lengths", i)
			return Table{}
		}
		start := len(buf)
		if uint64(start)+shared+rest > size {
			r.Fail("string %d: beyond the table size", i)
			return Table{}
		}
		buf = append(buf, buf[ps:ps+int(shared)]...)
		buf = append(buf, r.data[r.off:r.off+int(rest)]...)
		r.off += int(rest)
		if i > 0 && string(buf[start:]) <= string(buf[ps:pe]) {
			r.Fail("string %d: not sorted", i)
			return Table{}
		}
		ends[i] = uint32(len(buf))
		ps, pe = start, len(buf)
	}
	if uint64(len(buf)) != size {
		r.Fail("table of %d bytes, want %d", len(buf), size)
		return Table{}
	}
	return Table{data: string(buf), ends: ends}
}
