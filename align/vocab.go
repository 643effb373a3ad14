package align

import "slices"

// vocab maps item keys to ids and counts in how many units of each side
// every id occurs.
type vocab struct {
	ids  map[string]uint32
	keys []string   // by id
	df   [2][]int32 // [side][id]
}

func (v *vocab) id(key string) uint32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.ids))
	v.ids[key] = id
	v.keys = append(v.keys, key)
	v.df[0] = append(v.df[0], 0)
	v.df[1] = append(v.df[1], 0)
	return id
}

// absentKey is the key of an item of side whose keys are all absent from
// the other side: it starts with a byte no real key has.
func absentKey(side int, key string) string {
	return string(rune(side)) + "\x00" + key
}

// arena hands out small slices (of ids, of items) from large chunks, so
// that a model's hundreds of thousands of items cost few allocations and
// no slack: a slice grown by append holds up to twice what it needs.
type arena[T any] struct {
	chunk []T
}

const arenaChunk = 1 << 16

// copy returns a copy of s that lives in the arena.
func (a *arena[T]) copy(s []T) []T {
	if len(s) > arenaChunk/4 {
		return slices.Clone(s)
	}
	if cap(a.chunk)-len(a.chunk) < len(s) {
		a.chunk = make([]T, 0, arenaChunk)
	}
	n := len(a.chunk)
	a.chunk = append(a.chunk, s...)
	return a.chunk[n : n+len(s) : n+len(s)]
}
