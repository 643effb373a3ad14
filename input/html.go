package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads an HTML or XHTML page.
func readHTML(data []byte, o *options) (*Text, error) {
	text, enc, err := decodeHTML(data, o.encoding)
	if err != nil {
		return nil, err
	}
	b := builder{limit: int(min(o.maxSize, maxInt))}
	if err := extractHTML(text, &b, "", false, o.notes); err != nil {
		return nil, err
	}
	t := &Text{Data: b.bytes(), Encoding: enc, Hints: b.hints}
	t.Replaced, t.FirstReplaced = replaced(data, text, enc)
	return t, nil
}

// decodeHTML converts a page to UTF-8: the encoding is forced, or given by
// the byte order mark, or declared in the page (<meta charset>, <meta
// http-equiv="Content-Type">, <?xml encoding>), or detected.
func decodeHTML(data []byte, forced string) ([]byte, string, error) {
	declared := ""
	if forced == "" {
		if name, _ := bom(data); name == "" {
			declared = declaredCharset(data)
		}
	}
	return decodeText(data, forced, declared)
}

var (
	xmlDeclEncoding = regexp.MustCompile(`^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
	contentCharset  = regexp.MustCompile(`(?i)charset\s*=\s*["']?([A-Za-z0-9._:-]+)`)
)

// declaredCharset returns the charset a page declares in its XML
// declaration or in a <meta> element before <body> (within the first
// 16 KiB, read as ASCII), "" if none.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), 16<<10)]
	if m := xmlDeclEncoding.FindSubmatch(bytes.TrimLeft(head, " \t\r\n")); m != nil {
		return string(m[1])
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
				var charset, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						charset = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if charset != "" {
					return strings.TrimSpace(charset)
				}
				if equiv == "content-type" {
					if m := contentCharset.FindStringSubmatch(content); m != nil {
						return m[1]
					}
				}
			}
		}
	}
}

// extractHTML appends the text of an HTML or XHTML document to b. Pages
// that start with an XML declaration or come from an EPUB (asXML) are read
// as XML first, so that self-closed elements (<script/>, <a id=""/>)
// close; if that fails, as HTML. part names the document in errors ("" for
// a page read alone); notes keeps the elements marked as notes.
func extractHTML(doc []byte, b *builder, part string, asXML, notes bool) error {
	w := htmlWalker{b: b, notes: notes}
	if asXML || bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(doc, []byte("\uFEFF")), " \t\r\n"), []byte("<?xml")) {
		nb := builder{limit: b.limit}
		w.b = &nb
		err := w.walkXML(doc, part)
		if err == nil {
			b.append(&nb)
			return nil
		}
		if errors.Is(err, ErrMalformed) {
			return err
		}
		w = htmlWalker{b: b, notes: notes} // not well-formed: read it as HTML
	}
	node, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("%w: %sHTML: %v", ErrMalformed, partPrefix(part), err)
	}
	w.walkTree(node)
	b.endLine()
	return nil
}

func partPrefix(part string) string {
	if part == "" {
		return ""
	}
	return part + ": "
}

// htmlWalker turns elements into paragraphs.
type htmlWalker struct {
	b     *builder
	notes bool     // keep footnote and endnote sections
	langs []string // language of each open element, "" when unmarked
	pre   int      // depth of open <pre> elements
	sect  int      // depth of open sectioning elements (article, main, section)
}

// Elements left out with their content: scripts and styles, site
// furniture (navigation, page header and footer, sidebars, forms),
// embedded objects, and ruby annotations (pinyin over characters).
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true, "title": true,
	"nav": true, "aside": true, "footer": true, "form": true, "menu": true, "dialog": true,
	"button": true, "select": true, "textarea": true, "input": true, "datalist": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "math": true, "canvas": true,
	"audio": true, "video": true, "map": true, "rt": true, "rp": true,
}

// skippedRoles are ARIA roles of site furniture.
var skippedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "toolbar": true,
}

// skippedClasses are class and id tokens that common site templates give
// to their furniture.
var skippedClasses = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true,
	"breadcrumbs": true, "sidebar": true, "footer": true, "copyright": true, "skip-link": true,
}

// blocks are the elements that start and end a paragraph.
var blocks = map[string]bool{
	"address": true, "article": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "dd": true, "details": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "html": true,
	"legend": true, "li": true, "main": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "tr": true, "ul": true,
}

// start enters an element; it returns false when the element is left out
// with its content (and then end is not called for it).
func (w *htmlWalker) start(tag string, attr func(string) (string, bool)) bool {
	if skipped[tag] || tag == "header" && w.sect == 0 || hidden(attr) {
		return false
	}
	if w.furniture(attr) {
		return false
	}
	lang := ""
	if n := len(w.langs); n > 0 {
		lang = w.langs[n-1]
	}
	if v, ok := attr("lang"); ok {
		lang = strings.TrimSpace(v)
	}
	w.langs = append(w.langs, lang)
	switch tag {
	case "pre", "listing", "xmp", "plaintext":
		w.pre++
	case "article", "main", "section", "blockquote":
		w.sect++
	}
	if blocks[tag] || tag == "br" {
		w.b.endLine()
	}
	w.b.setLang(lang)
	return true
}

// Roles and epub:type values of notes: the reference marks and back links
// are always left out, the notes themselves unless WithNotes is given.
var (
	noteMarks = []string{"doc-noteref", "noteref", "doc-backlink", "backlink", "pagebreak", "doc-pagebreak"}
	noteTexts = []string{"doc-endnotes", "doc-footnote", "doc-endnote", "footnotes", "footnote", "endnotes",
		"endnote", "rearnotes", "rearnote", "note"}
)

// furniture reports elements marked as note references, back links and
// page breaks, and, unless notes are kept, as notes.
func (w *htmlWalker) furniture(attr func(string) (string, bool)) bool {
	for _, k := range [...]string{"role", "epub:type"} {
		v, ok := attr(k)
		if !ok {
			continue
		}
		for _, t := range strings.Fields(strings.ToLower(v)) {
			if slices.Contains(noteMarks, t) || !w.notes && slices.Contains(noteTexts, t) {
				return true
			}
		}
	}
	return false
}

// end leaves an element entered by start.
func (w *htmlWalker) end(tag string) {
	switch tag {
	case "pre", "listing", "xmp", "plaintext":
		w.pre--
	case "article", "main", "section", "blockquote":
		w.sect--
	}
	if blocks[tag] {
		w.b.endLine()
	}
	w.langs = w.langs[:len(w.langs)-1]
	lang := ""
	if n := len(w.langs); n > 0 {
		lang = w.langs[n-1]
	}
	w.b.setLang(lang)
}

// hidden reports elements that are not rendered: the hidden attribute,
// aria-hidden="true", display:none or visibility:hidden styles, and
// elements whose role, class or id marks them as site furniture.
func hidden(attr func(string) (string, bool)) bool {
	if _, ok := attr("hidden"); ok {
		return true
	}
	if v, _ := attr("aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
		return true
	}
	if v, _ := attr("type"); strings.EqualFold(v, "hidden") {
		return true
	}
	if v, ok := attr("style"); ok {
		s := strings.ToLower(strings.Join(strings.Fields(v), ""))
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	if v, ok := attr("role"); ok && skippedRoles[strings.ToLower(strings.TrimSpace(v))] {
		return true
	}
	for _, k := range [...]string{"class", "id"} {
		if v, ok := attr(k); ok {
			for _, c := range strings.Fields(strings.ToLower(v)) {
				if skippedClasses[c] {
					return true
				}
			}
		}
	}
	return false
}

// textNode writes the text of a text node.
func (w *htmlWalker) textNode(s string) {
	w.b.text(s, w.pre == 0)
}

// walkTree walks a parsed HTML tree without recursion (documents may nest
// deeply).
func (w *htmlWalker) walkTree(root *html.Node) {
	n := root.FirstChild
	for n != nil {
		descend := false
		switch n.Type {
		case html.ElementNode:
			node := n
			descend = w.start(strings.ToLower(n.Data), func(k string) (string, bool) { return nodeAttr(node, k) })
		case html.TextNode:
			w.textNode(n.Data)
		}
		if descend {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			w.end(strings.ToLower(n.Data))
		}
		for n.NextSibling == nil {
			n = n.Parent
			if n == root || n == nil {
				return
			}
			if n.Type == html.ElementNode {
				w.end(strings.ToLower(n.Data))
			}
		}
		n = n.NextSibling
	}
}

// nodeAttr returns the value of attribute k of n; "lang" also matches
// xml:lang.
func nodeAttr(n *html.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + a.Key
		}
		if strings.EqualFold(key, k) || k == "lang" && strings.EqualFold(key, "xml:lang") {
			return a.Val, true
		}
	}
	return "", false
}

// xmlNS is the namespace of xml:lang.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// epubNS is the namespace of epub:type.
const epubNS = "http://www.idpf.org/2007/ops"

// walkXML walks an XHTML document with encoding/xml, which never reads a
// DTD nor expands entities it declares; a DTD with an internal subset
// (entity declarations) is an error. HTML's named entities (&nbsp;) are
// known.
func (w *htmlWalker) walkXML(doc []byte, part string) error {
	d := newXMLDecoder(doc, true) // decoded by decodeHTML
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%sXHTML: %v", partPrefix(part), err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if err := checkDoctype(t, part, true); err != nil {
				return err
			}
		case xml.StartElement:
			tag := strings.ToLower(t.Name.Local)
			attr := func(k string) (string, bool) {
				for _, a := range t.Attr {
					key := a.Name.Local
					switch a.Name.Space {
					case "", "http://www.w3.org/1999/xhtml":
					case xmlNS, "xml":
						key = "xml:" + key
					case epubNS, "epub":
						key = "epub:" + key
					default:
						key = a.Name.Space + ":" + key
					}
					if strings.EqualFold(key, k) || k == "lang" && key == "xml:lang" {
						return a.Value, true
					}
				}
				return "", false
			}
			if !w.start(tag, attr) {
				if err := d.Skip(); err != nil {
					return fmt.Errorf("%sXHTML: %v", partPrefix(part), err)
				}
			}
		case xml.EndElement:
			if len(w.langs) > 0 {
				w.end(strings.ToLower(t.Name.Local))
			}
		case xml.CharData:
			w.textNode(string(t))
		}
	}
	w.b.endLine()
	return nil
}
