package input

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// producerText is a small bilingual document in pandoc's Markdown.
const producerText = `Chongqing held a forum on November 15th, 2022.

重慶市政府外辦和白俄羅斯駐重慶總領事館聯合主辦了論壇。

| English | 中文 |
|---------|------|
| Tree    | 樹   |

Nearly 50 business representatives attended the forum.[^1]

[^1]: A note.
`

// producerWant is the text every reader should give for producerText
// (EPUB: after the title).
const producerWant = "Chongqing held a forum on November 15th, 2022.\n" +
	"重慶市政府外辦和白俄羅斯駐重慶總領事館聯合主辦了論壇。\n" +
	"English\n中文\nTree\n樹\n" +
	"Nearly 50 business representatives attended the forum.\n"

// TestPandocOutputs converts producerText with the pandoc installed here
// (Debian package pandoc) and reads every output; it checks the readers
// against the producer's current version, where the committed fixtures
// hold one version's output.
func TestPandocOutputs(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc not installed (apt-get install pandoc): the committed fixtures are tested instead")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "doc.md")
	require.NoError(t, os.WriteFile(src, []byte(producerText), 0o644))
	for _, tc := range []struct {
		to, ext string
		args    []string
		want    string
	}{
		{"docx", "docx", nil, producerWant},
		{"odt", "odt", nil, producerWant},
		{"html5", "html", []string{"--standalone", "--metadata", "pagetitle=T"}, producerWant},
		{"epub3", "epub", []string{"--metadata", "title=Forum"}, "Forum\nForum\n" + producerWant},
	} {
		t.Run(tc.to, func(t *testing.T) {
			out := filepath.Join(dir, "doc."+tc.ext)
			args := append([]string{"-f", "markdown", "-t", tc.to, "--wrap=none", "-o", out, src}, tc.args...)
			if b, err := exec.Command(pandoc, args...).CombinedOutput(); err != nil {
				t.Fatalf("pandoc %v: %v\n%s", args, err, b)
			}
			txt, err := ReadFile(out)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(txt.Data))
			txt, err = ReadFile(out, WithNotes())
			require.NoError(t, err)
			assert.True(t, strings.Contains(string(txt.Data), "A note."), "WithNotes: %q", txt.Data)
		})
	}
}

// TestPythonDocxOutput runs the generator of features.docx with the
// python-docx installed here (Debian package python3-docx) and reads the
// result like the committed fixture.
func TestPythonDocxOutput(t *testing.T) {
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		t.Skip("/usr/bin/python3 not installed (apt-get install python3-docx)")
	}
	if exec.Command(py, "-c", "import docx").Run() != nil {
		t.Skip("python-docx not installed (apt-get install python3-docx)")
	}
	out := filepath.Join(t.TempDir(), "features.docx")
	if b, err := exec.Command(py, "testdata/src/features.py", out).CombinedOutput(); err != nil {
		t.Fatalf("features.py: %v\n%s", err, b)
	}
	got, err := ReadFile(out)
	require.NoError(t, err)
	want, err := Read(readFixture(t, "docs/features.docx"), "features.docx")
	require.NoError(t, err)
	assert.Equal(t, string(want.Data), string(got.Data))
}
