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

// arena hands out small slices of ids from large chunks, so that a model's
// hundreds of thousands of items cost few allocations.
type arena struct {
	chunk []uint32
}

const arenaChunk = 1 << 16

// copy returns a copy of ids that lives in the arena.
func (a *arena) copy(ids []uint32) []uint32 {
	if len(ids) > arenaChunk/4 {
		return slices.Clone(ids)
	}
	if cap(a.chunk)-len(a.chunk) < len(ids) {
		a.chunk = make([]uint32, 0, arenaChunk)
	}
	n := len(a.chunk)
	a.chunk = append(a.chunk, ids...)
	return a.chunk[n : n+len(ids) : n+len(ids)]
}
