package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"
)

// archive reads the members of a zip file within a budget of
// decompressed bytes shared by all the members read.
type archive struct {
	files  map[string]*zip.File
	budget int64
	limit  int64
}

// openZip opens data as a zip archive; reading its members may unpack at
// most limit bytes in all.
func openZip(data []byte, limit int64) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: corrupt zip archive: %v", ErrMalformed, err)
	}
	a := &archive{files: make(map[string]*zip.File, len(zr.File)), budget: limit, limit: limit}
	for _, f := range zr.File {
		if _, dup := a.files[f.Name]; !dup {
			a.files[f.Name] = f
		}
	}
	return a, nil
}

// has reports whether the archive holds a member of that name.
func (a *archive) has(name string) bool { return a.files[name] != nil }

// read returns the content of the named member. The sizes the archive
// records are not trusted: the data is cut at the budget.
func (a *archive) read(name string) ([]byte, error) {
	f := a.files[name]
	if f == nil {
		return nil, fmt.Errorf("%w: %s is missing from the archive", ErrMalformed, name)
	}
	if f.UncompressedSize64 > uint64(a.budget) {
		return nil, a.tooLarge(name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, a.budget+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	if int64(len(b)) > a.budget {
		return nil, a.tooLarge(name)
	}
	a.budget -= int64(len(b))
	return b, nil
}

func (a *archive) tooLarge(name string) error {
	return fmt.Errorf("%w: %s unpacks past the limit of %d bytes for the archive (a zip bomb?)", ErrTooLarge, name, a.limit)
}

// newXMLDecoder returns a decoder for an XML part. Parts in UTF-16 (with
// a byte order mark) are converted first; other declared encodings are
// decoded through the WHATWG index, unless converted says that doc is
// UTF-8 already whatever it declares.
func newXMLDecoder(doc []byte, converted bool) *xml.Decoder {
	switch name, n := bom(doc); name {
	case encUTF8:
		doc = doc[n:]
	case encUTF16LE, encUTF16BE:
		e := utf16LE
		if name == encUTF16BE {
			e = utf16BE
		}
		if out, err := e.NewDecoder().Bytes(doc[n:]); err == nil {
			doc, converted = out, true
		}
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if converted {
			return r, nil
		}
		e, _, err := lookupEncoding(label)
		if err != nil {
			return nil, err
		}
		return transform.NewReader(r, e.NewDecoder()), nil
	}
	return d
}

// checkDoctype rejects a DTD in an XML part: any DOCTYPE in the parts of
// DOCX, ODT and EPUB packages, and in XHTML (plain set) one that declares
// entities or has an internal subset. encoding/xml neither fetches DTDs
// nor expands the entities they declare, so such a document could only be
// read wrong; it is refused instead.
func checkDoctype(d xml.Directive, part string, plain bool) error {
	s := strings.TrimSpace(string(d))
	if !strings.HasPrefix(strings.ToUpper(s), "DOCTYPE") && !strings.HasPrefix(strings.ToUpper(s), "ENTITY") {
		return nil
	}
	if plain && strings.HasPrefix(strings.ToUpper(s), "DOCTYPE") && !strings.ContainsAny(s, "[<") && !strings.Contains(strings.ToUpper(s), "ENTITY") {
		return nil
	}
	return fmt.Errorf("%w: %sa DTD or entity declaration (<!%s>); external entities and DTDs are not read", ErrMalformed, partPrefix(part), clip(s, 60))
}

// clip shortens s to at most n bytes, on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// xmlParts walks the tokens of an XML part of a package, rejecting DTDs.
// visit is called for every token; it may call d.Skip.
func xmlParts(doc []byte, part string, visit func(d *xml.Decoder, tok xml.Token) error) error {
	d := newXMLDecoder(doc, false)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrMalformed, part, err)
		}
		if dir, ok := tok.(xml.Directive); ok {
			if err := checkDoctype(dir, part, false); err != nil {
				return err
			}
			continue
		}
		if err := visit(d, tok); err != nil {
			return err
		}
	}
}
