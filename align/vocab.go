package align

import "slices"

// keyTable interns the keys of a document's items once its features are
// extracted: the models of the passes (coarse blocks, paragraphs,
// sentences, in both rounds) look keys up by id instead of hashing their
// strings.
type keyTable struct {
	ids  map[string]uint32
	keys []string // by id
	ar   arena[uint32]
	// items holds the interned items of the units.
	items arena[idItem]
	buf   []uint32
}

func newKeyTable() *keyTable { return &keyTable{ids: map[string]uint32{}} }

// id returns the id of key, giving it one if it has none.
func (t *keyTable) id(key string) uint32 {
	if t.ids == nil {
		t.ids = make(map[string]uint32, len(t.keys))
		for i, k := range t.keys {
			t.ids[k] = uint32(i)
		}
	}
	if id, ok := t.ids[key]; ok {
		return id
	}
	id := uint32(len(t.keys))
	t.ids[key] = id
	t.keys = append(t.keys, key)
	return id
}

// release drops the index of the keys (id builds it again if need be):
// the models only need the keys by id.
func (t *keyTable) release() { t.ids = nil }

// idsOf returns the ids of keys, in the table's arena.
func (t *keyTable) idsOf(keys []string) []uint32 {
	t.buf = t.buf[:0]
	for _, k := range keys {
		t.buf = append(t.buf, t.id(k))
	}
	return t.ar.copy(t.buf)
}

// intern replaces the items and name keys of us by interned ones.
func (t *keyTable) intern(us []rawUnit) {
	var items []idItem
	for i := range us {
		u := &us[i]
		items = items[:0]
		for _, it := range u.items {
			items = append(items, idItem{ids: t.idsOf(it.keys), kind: it.kind, pen: it.pen, known: it.known})
		}
		if len(items) > 0 {
			u.interned = t.items.copy(items)
		}
		u.items = nil
		if len(u.names) > 0 {
			u.nameIDs, u.names = t.idsOf(u.names), nil
		}
	}
}

// vocab maps the key ids of a model's items to the model's own ids, given
// in the order the model meets them, and counts in how many units of each
// side every id occurs.
type vocab struct {
	byKey []uint32 // model id + 1 by key id, 0 for none
	// absent holds the ids of the items whose keys are all absent from
	// the other side, by side<<32 | key id.
	absent map[uint64]uint32
	df     [2][]int32 // [side][id]
}

func (v *vocab) id(key uint32) uint32 {
	if int(key) >= len(v.byKey) {
		v.byKey = append(v.byKey, make([]uint32, int(key)+1-len(v.byKey))...)
	}
	if id := v.byKey[key]; id != 0 {
		return id - 1
	}
	id := v.next()
	v.byKey[key] = id + 1
	return id
}

// absentID returns the id of an item of side whose keys are all absent
// from the other side, first of them key: an id no key of the other side
// has.
func (v *vocab) absentID(side int, key uint32) uint32 {
	k := uint64(side)<<32 | uint64(key)
	if id, ok := v.absent[k]; ok {
		return id
	}
	if v.absent == nil {
		v.absent = map[uint64]uint32{}
	}
	id := v.next()
	v.absent[k] = id
	return id
}

// next returns a new id.
func (v *vocab) next() uint32 {
	id := uint32(len(v.df[0]))
	v.df[0] = append(v.df[0], 0)
	v.df[1] = append(v.df[1], 0)
	return id
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
