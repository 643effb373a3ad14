package strtab_test

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/internal/strtab"
)

func TestTable(t *testing.T) {
	words := []string{"a", "ab", "abc", "b", "中", "中国", "中国人"}
	tab, err := strtab.New(words)
	require.NoError(t, err)
	assert.Equal(t, len(words), tab.Len())
	assert.Equal(t, words, slices.Collect(tab.All()))
	for i, w := range words {
		assert.Equal(t, w, tab.At(i))
		j, ok := tab.Find(w)
		assert.True(t, ok, w)
		assert.Equal(t, i, j, w)
	}
	for _, tc := range []struct {
		s  string
		at int
	}{{"", 0}, {"aa", 1}, {"abd", 3}, {"c", 4}, {"中国a", 6}, {"中国人民", 7}} {
		i, ok := tab.Find(tc.s)
		assert.False(t, ok, tc.s)
		assert.Equal(t, tc.at, i, tc.s)
	}

	_, err = strtab.New([]string{"b", "a"})
	assert.Error(t, err)
	_, err = strtab.New([]string{"a", "a"})
	assert.Error(t, err)

	var empty strtab.Table
	_, ok := empty.Find("a")
	assert.False(t, ok)
}

func TestBinary(t *testing.T) {
	words := []string{"a", "ab", "abc", "b", "中", "中国", "中国人"}
	tab, err := strtab.New(words)
	require.NoError(t, err)
	b, err := tab.AppendBinary([]byte{7})
	require.NoError(t, err)
	b = append(b, 0x81, 0x01) // a uvarint after the table: 129
	r := strtab.NewReader(string(b))
	assert.Equal(t, "\x07", r.Bytes(1))
	got := r.Table()
	require.NoError(t, r.Err())
	assert.Equal(t, words, slices.Collect(got.All()))
	assert.Equal(t, uint64(129), r.Uvarint())
	assert.Equal(t, 0, r.Len())
	require.NoError(t, r.Err())

	for _, bad := range []string{
		"",                           // no count
		"\x05\x01\x00\x01a",          // count too large
		"\x02\x02\x00\x01b\x00\x01a", // not sorted
		"\x02\x02\x00\x01a\x00\x01a", // repeated
		"\x02\x03\x00\x01a\x02\x01b", // shares more than the previous has
		"\x01\x05\x00\x05ab",         // rest too long
		"\x01\x80",                   // bad uvarint
		"\x02\x03\x00\x01a\x00\x01b", // size too large
		"\x02\x01\x00\x01a\x00\x01b", // size too small
		"\x01\xff\xff\x03\x00\x01a",  // size impossible
	} {
		r := strtab.NewReader(bad)
		r.Table()
		assert.ErrorIs(t, r.Err(), strtab.ErrFormat, "%q", bad)
	}
	r = strtab.NewReader("ab")
	assert.Empty(t, r.Bytes(3))
	assert.ErrorIs(t, r.Err(), strtab.ErrFormat)
	assert.Zero(t, r.Uvarint(), "after an error")
}

func TestUvarint(t *testing.T) {
	for _, x := range []uint64{0, 1, 127, 128, 300, 16383, 16384, 1 << 35, math.MaxUint64} {
		b := binary.AppendUvarint(nil, x)
		got, n := strtab.Uvarint(string(b) + "\x05")
		assert.Equal(t, x, got, "%d", x)
		assert.Equal(t, len(b), n, "%d", x)
	}
	for _, bad := range []string{"", "\x80", "\xff\xff", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02"} {
		x, n := strtab.Uvarint(bad)
		assert.Zero(t, x, "%q", bad)
		assert.Zero(t, n, "%q", bad)
	}
}
