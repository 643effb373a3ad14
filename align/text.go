package align

import (
	"errors"
	"fmt"
	"io"

	"github.com/zhenalign/zhenalign/segment"
)

// ErrInputs means AlignTexts or AlignReaders got neither one nor two texts.
var ErrInputs = errors.New("align: want one mixed text or two texts")

// AlignTexts aligns raw text: one text holding English and Chinese
// interleaved (as AlignMixed), or two texts, one per language, in either
// order (as AlignDocuments; Src is the first). With WithPresplit, the two
// texts hold one sentence per line.
//
//	res, err := align.New().AlignTexts(english, chinese)
//	for p := range res.Pairs(align.Sentences) { fmt.Println(p.EN, "|", p.ZH) }
func (al *Aligner) AlignTexts(texts ...string) (*Alignment, error) {
	bs := make([][]byte, len(texts))
	for i, t := range texts {
		bs[i] = []byte(t)
	}
	return al.alignBytes(bs)
}

// AlignReaders reads all of each reader and aligns the texts as
// AlignTexts does.
func (al *Aligner) AlignReaders(rs ...io.Reader) (*Alignment, error) {
	bs := make([][]byte, len(rs))
	for i, r := range rs {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("align: reading text %d: %w", i+1, err)
		}
		bs[i] = b
	}
	return al.alignBytes(bs)
}

func (al *Aligner) alignBytes(texts [][]byte) (*Alignment, error) {
	if len(texts) < 1 || len(texts) > 2 || (len(texts) == 1 && al.opts.presplit) {
		return nil, fmt.Errorf("%w, got %d (presplit: %v)", ErrInputs, len(texts), al.opts.presplit)
	}
	var opts []segment.Option
	if al.opts.presplit {
		opts = append(opts, segment.Presplit())
	}
	seg := segment.New(opts...)
	docs := make([]*segment.Document, len(texts))
	for i, t := range texts {
		d, err := seg.Parse(t)
		if err != nil {
			return nil, fmt.Errorf("text %d: %w", i+1, err)
		}
		docs[i] = d
	}
	if len(docs) == 1 {
		return al.AlignMixed(docs[0])
	}
	return al.AlignDocuments(docs[0], docs[1])
}
