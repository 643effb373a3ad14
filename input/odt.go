package input

import (
	"encoding/xml"
	"strconv"
)

// Namespaces of OpenDocument.
const (
	textNS   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	svgNS    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

// readODT reads the body of an OpenDocument text (content.xml) and, with
// WithNotes, its footnotes and endnotes after the body.
func readODT(data []byte, o *options) (*Text, error) {
	a, err := openZip(data, o.maxSize)
	if err != nil {
		return nil, err
	}
	if !a.has("content.xml") {
		return nil, errMissing("content.xml", "an OpenDocument text")
	}
	doc, err := a.read("content.xml")
	if err != nil {
		return nil, err
	}
	body := builder{limit: int(min(o.maxSize, maxInt))}
	notes := builder{limit: body.limit}
	if err := odfText(doc, "content.xml", &body, &notes, o.notes); err != nil {
		return nil, err
	}
	body.append(&notes)
	return &Text{Data: body.bytes(), Encoding: encUTF8}, nil
}

// odfText appends the paragraphs of office:text to body: text:p and text:h
// are paragraphs, white space collapses as ODF says, text:s, text:tab and
// text:line-break are kept. Notes go to notes when withNotes is set and
// are left out otherwise, as are annotations (comments), tracked deletions,
// tables of contents and indexes (generated copies of headings), and the
// titles and descriptions of frames.
func odfText(doc []byte, part string, body, notes *builder, withNotes bool) error {
	inText := 0 // depth inside office:text
	b := body
	return xmlParts(doc, part, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Space {
			case officeNS:
				switch t.Name.Local {
				case "text":
					inText++
				case "annotation", "annotation-end", "forms", "scripts":
					return d.Skip()
				}
			case svgNS:
				return d.Skip() // svg:title, svg:desc
			case textNS:
				if inText == 0 {
					return nil
				}
				switch t.Name.Local {
				case "tracked-changes", "table-of-content", "alphabetical-index", "illustration-index",
					"table-index", "object-index", "user-index", "bibliography", "note-citation", "sequence-decls":
					return d.Skip()
				case "note":
					if !withNotes {
						return d.Skip()
					}
					b = notes
				case "p", "h":
					b.endLine()
				case "s":
					n := 1
					for _, a := range t.Attr {
						if a.Name.Local == "c" {
							if c, err := strconv.Atoi(a.Value); err == nil && c > 0 {
								n = c
							}
						}
					}
					b.spaces(n)
				case "tab":
					b.tab()
				case "line-break":
					b.endLine()
				}
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == officeNS && t.Name.Local == "text":
				inText--
			case t.Name.Space == textNS && (t.Name.Local == "p" || t.Name.Local == "h"):
				b.endLine()
			case t.Name.Space == textNS && t.Name.Local == "note":
				b.endLine()
				b = body
			}
		case xml.CharData:
			if inText > 0 {
				b.text(string(t), true)
			}
		}
		return nil
	})
}
