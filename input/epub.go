package input

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"path"
	"strings"
)

// readEPUB reads the documents of an EPUB's spine in order, each as XHTML
// (HTML when it is not well-formed XML). Non-linear documents are read
// only with WithNotes.
func readEPUB(data []byte, o *options) (*Text, error) {
	a, err := openZip(data, o.maxSize)
	if err != nil {
		return nil, err
	}
	if !a.has("META-INF/container.xml") {
		return nil, errMissing("META-INF/container.xml", "an EPUB")
	}
	opfPath, err := rootFile(a)
	if err != nil {
		return nil, err
	}
	opf, err := a.read(opfPath)
	if err != nil {
		return nil, err
	}
	var pkg struct {
		Manifest []struct {
			ID        string `xml:"id,attr"`
			Href      string `xml:"href,attr"`
			MediaType string `xml:"media-type,attr"`
		} `xml:"manifest>item"`
		Spine []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"spine>itemref"`
	}
	if err := decodePart(opf, opfPath, &pkg); err != nil {
		return nil, err
	}
	type item struct{ href, mediaType string }
	items := make(map[string]item, len(pkg.Manifest))
	for _, it := range pkg.Manifest {
		items[it.ID] = item{it.Href, it.MediaType}
	}
	if len(pkg.Spine) == 0 {
		return nil, fmt.Errorf("%w: %s: the spine lists no document", ErrMalformed, opfPath)
	}
	b := builder{limit: int(min(o.maxSize, maxInt))}
	enc := ""
	for _, ref := range pkg.Spine {
		if strings.TrimSpace(ref.Linear) == "no" && !o.notes {
			continue
		}
		it, ok := items[ref.IDRef]
		if !ok {
			return nil, fmt.Errorf("%w: %s: the spine names %q, which the manifest lacks", ErrMalformed, opfPath, ref.IDRef)
		}
		switch it.mediaType {
		case "application/xhtml+xml", "text/html", "application/x-dtbook+xml":
		default:
			continue // images, SVG pages
		}
		name, err := memberPath(opfPath, it.href)
		if err != nil {
			return nil, err
		}
		doc, err := a.read(name)
		if err != nil {
			return nil, err
		}
		text, e, err := decodeHTML(doc, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if enc == "" {
			enc = e
		}
		if err := extractHTML(text, &b, name, true, o.notes); err != nil {
			return nil, err
		}
	}
	if enc == "" {
		enc = encUTF8
	}
	return &Text{Data: b.bytes(), Encoding: enc, Hints: b.hints}, nil
}

// rootFile returns the path of the package document named by
// META-INF/container.xml.
func rootFile(a *archive) (string, error) {
	const part = "META-INF/container.xml"
	doc, err := a.read(part)
	if err != nil {
		return "", err
	}
	var c struct {
		RootFiles []struct {
			FullPath  string `xml:"full-path,attr"`
			MediaType string `xml:"media-type,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := decodePart(doc, part, &c); err != nil {
		return "", err
	}
	for _, r := range c.RootFiles {
		if r.MediaType == "application/oebps-package+xml" || r.MediaType == "" {
			if !a.has(r.FullPath) {
				return "", fmt.Errorf("%w: %s names %s, which the archive lacks", ErrMalformed, part, r.FullPath)
			}
			return r.FullPath, nil
		}
	}
	return "", fmt.Errorf("%w: %s names no package document", ErrMalformed, part)
}

// memberPath resolves href, relative to the package document at opf, to
// the name of a zip member.
func memberPath(opf, href string) (string, error) {
	u, err := url.Parse(href)
	if err != nil || u.IsAbs() || u.Host != "" {
		return "", fmt.Errorf("%w: %s: the manifest names %q, which is not inside the book", ErrMalformed, opf, href)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(opf), p)
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	return p, nil
}

// decodePart decodes a small XML part into v, rejecting DTDs.
func decodePart(doc []byte, part string, v any) error {
	if err := xmlParts(doc, part, func(*xml.Decoder, xml.Token) error { return nil }); err != nil {
		return err
	}
	if err := newXMLDecoder(doc, false).Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrMalformed, part, err)
	}
	return nil
}
