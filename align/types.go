package align

// Link joins sentences of the source side to sentences of the target side.
// Src and Tgt hold indices into the two sentence lists, ascending; an empty
// slice on one side is an omission (1-0 or 0-1). Score is in [0,1]: higher
// means the link is more likely right.
type Link struct {
	Src   []int
	Tgt   []int
	Score float64
}
