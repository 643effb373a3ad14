package input

import (
	"encoding/xml"
	"fmt"
	"path"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	wNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	mcNS      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// readDOCX reads the body of a Word document (word/document.xml) and, with
// WithNotes, its footnotes and endnotes.
func readDOCX(data []byte, o *options) (*Text, error) {
	a, err := openZip(data, o.maxSize)
	if err != nil {
		return nil, err
	}
	main, err := mainPart(a)
	if err != nil {
		return nil, err
	}
	b := builder{limit: int(min(o.maxSize, maxInt))}
	parts := []string{main}
	if o.notes {
		for _, p := range [...]string{"word/footnotes.xml", "word/endnotes.xml"} {
			if a.has(p) {
				parts = append(parts, p)
			}
		}
	}
	for _, part := range parts {
		doc, err := a.read(part)
		if err != nil {
			return nil, err
		}
		if err := wordText(doc, part, &b); err != nil {
			return nil, err
		}
		b.endLine()
	}
	return &Text{Data: b.bytes(), Encoding: encUTF8}, nil
}

func isW(n xml.Name) bool { return n.Space == wNS || n.Space == wStrictNS }

// wordText appends the paragraphs of a WordprocessingML part to b: runs
// joined, w:tab as a tab, w:br and w:cr as line ends, one paragraph per
// w:p (table cells included). Left out: hidden runs (w:vanish), deleted
// and moved-away text, field instructions, the fallback copy of
// alternate content (text boxes would come twice), and separator notes.
func wordText(doc []byte, part string, b *builder) error {
	var (
		stack  []string // local names of the open w: elements
		hidden bool     // the current run is hidden
		inText bool     // inside w:t
	)
	parent := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1]
	}
	return xmlParts(doc, part, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == mcNS && t.Name.Local == "Fallback" {
				return d.Skip()
			}
			if !isW(t.Name) {
				return nil
			}
			switch t.Name.Local {
			case "moveFrom", "del", "instrText", "delText", "delInstrText":
				return d.Skip()
			case "footnote", "endnote":
				if typ := wAttr(t, "type"); typ != "" && typ != "normal" {
					return d.Skip() // separator, continuationSeparator, continuationNotice
				}
			case "r":
				hidden = false
			case "vanish":
				if len(stack) >= 2 && parent() == "rPr" && stack[len(stack)-2] == "r" {
					v := wAttr(t, "val")
					hidden = v != "false" && v != "0" && v != "off"
				}
			case "t":
				inText = parent() == "r" && !hidden
			case "tab":
				if parent() == "r" && !hidden {
					b.tab()
				}
			case "br", "cr":
				if parent() == "r" && !hidden {
					b.endLine()
				}
			case "noBreakHyphen":
				if parent() == "r" && !hidden {
					b.text("-", false)
				}
			}
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if !isW(t.Name) {
				return nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p", "tc":
				b.endLine()
			}
		case xml.CharData:
			if inText {
				b.text(lineBreaks.Replace(string(t)), false)
			}
		}
		return nil
	})
}

// wAttr returns the value of the w: attribute local.
func wAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// mainPart returns the name of the main document part: word/document.xml,
// or the target of the package's officeDocument relationship (some tools
// write word/document2.xml).
func mainPart(a *archive) (string, error) {
	const doc, rels = "word/document.xml", "_rels/.rels"
	if a.has(doc) {
		return doc, nil
	}
	if a.has(rels) {
		b, err := a.read(rels)
		if err != nil {
			return "", err
		}
		var r struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := decodePart(b, rels, &r); err != nil {
			return "", err
		}
		for _, rel := range r.Rel {
			if strings.HasSuffix(rel.Type, "/officeDocument") && strings.HasPrefix(strings.TrimPrefix(rel.Target, "/"), "word/") {
				if p := strings.TrimPrefix(path.Clean("/"+rel.Target), "/"); a.has(p) {
					return p, nil
				}
			}
		}
	}
	return "", errMissing(doc, "a Word document")
}

// errMissing is the error for a package without its main part.
func errMissing(part, what string) error {
	return fmt.Errorf("%w: no %s in the archive, so not %s", ErrMalformed, part, what)
}

// lineBreaks turns line breaks inside a text element into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")
