package settings_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/zhenalign/zhenalign/align"
	"github.com/zhenalign/zhenalign/corpus"
	"github.com/zhenalign/zhenalign/input"
	"github.com/zhenalign/zhenalign/settings"
)

func parse(t *testing.T, args ...string) (*settings.Alignment, *settings.Output, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a := settings.NewAlignment(fs)
	o := settings.NewOutput(fs, "jsonl", settings.Formats)
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	return a, o, errors.Join(a.Check(), o.Check())
}

// TestCheck checks that bad values are FlagErrors that name the flag.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--min-score", "2"}, "--min-score must be in [0,1]"},
		{[]string{"--types", "1-x"}, `bad link type "1-x"`},
		{[]string{"--min-ratio", "5", "--max-ratio", "1"}, "bad length ratio bounds"},
		{[]string{"--zh-lang", "fr"}, "not a Chinese language tag"},
		{[]string{"--dedup-side", "en"}, "add --dedup"},
		{[]string{"-f", "ladder", "--hash"}, "-f ladder has no place for --hash"},
		{[]string{"-f", "docx"}, `unknown format "docx"`},
		{[]string{"--presplit", "--level", "para"}, "--level para cannot be used with --presplit"},
		{[]string{"--encoding", "klingon"}, "--encoding"},
		{[]string{"--date", "soon"}, `--date "soon"`},
		{[]string{"--date", "0001-01-01"}, `--date "0001-01-01": want a date from 1970 to 9999`},
		{[]string{"--date", "1969-12-31T23:59:59Z"}, "from 1970 to 9999"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			_, _, err := parse(t, tc.args...)
			require.ErrorIs(t, err, settings.ErrFlag)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	_, _, err := parse(t, "--min-score", "NaN")
	assert.ErrorContains(t, err, "want a finite number")
	for _, epoch := range []string{"99999999999999", "-1", "soon"} {
		t.Setenv("SOURCE_DATE_EPOCH", epoch)
		_, _, err := parse(t)
		assert.ErrorContains(t, err, "SOURCE_DATE_EPOCH="+strconv.Quote(epoch), epoch)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "253402300799") // 9999-12-31T23:59:59Z
	_, o, err := parse(t)
	require.NoError(t, err)
	assert.Equal(t, 9999, o.Created().Year())
}

// TestOptions checks that the flags become the options of the packages.
func TestOptions(t *testing.T) {
	dir := t.TempDir()
	gloss := filepath.Join(dir, "g.tsv")
	require.NoError(t, os.WriteFile(gloss, []byte("Foreign Affairs Office\t外辦\n"), 0o644))
	a, o, err := parse(t, "--level", "para", "--glossary", gloss, "--no-learn", "--input-format", "html",
		"-f", "tmx", "--min-score", "0.5", "--date", "2024-05-06", "--zh-lang", "zh_tw", "--hash")
	require.NoError(t, err)
	assert.Equal(t, align.Paragraphs, a.Level)
	assert.Equal(t, input.HTML, a.Input.Format)
	opts, err := a.Options()
	require.NoError(t, err)
	assert.Len(t, opts, 3, "input, no learning, glossary")

	f, err := o.Filter()
	require.NoError(t, err)
	assert.False(t, f.Keep(&corpus.Unit{EN: "a", ZH: "b", Score: 0.4}))
	var b bytes.Buffer
	w, err := o.NewWriter(&b, a.Level, false, "v1")
	require.NoError(t, err)
	require.NoError(t, w.Write(corpus.Unit{EN: "Hello.", ZH: "你好。", Score: 1}))
	require.NoError(t, w.Close())
	for _, want := range []string{`creationdate="20240506T000000Z"`, `xml:lang="zh-TW"`, `segtype="paragraph"`, `x-Hash`, `creationtoolversion="v1"`} {
		assert.Contains(t, b.String(), want)
	}

	_, err = (&settings.Alignment{Glossary: filepath.Join(dir, "missing.tsv")}).Options()
	assert.ErrorContains(t, err, "missing.tsv")
	_, o, err = parse(t, "-f", "moses", "-o", "x")
	require.NoError(t, err)
	assert.Equal(t, []string{"x.en", "x.zh"}, o.Files())
	_, err = o.NewWriter(&b, align.Sentences, false, "")
	assert.ErrorIs(t, err, corpus.ErrFormat)
}

// TestOptionsWith checks that the glossary and dictionary are read through
// the opener given, and that the creation date settled by Check is kept.
func TestOptionsWith(t *testing.T) {
	a, o, err := parse(t, "--glossary", "mem://g.tsv", "--date", "2024-05-06")
	require.NoError(t, err)
	var opened []string
	opts, err := a.OptionsWith(func(name string) (io.ReadCloser, error) {
		opened = append(opened, name)
		return io.NopCloser(strings.NewReader("Foreign Affairs Office\t外辦\n")), nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"mem://g.tsv"}, opened)
	assert.Len(t, opts, 2, "input, glossary")
	_, err = a.Options()
	assert.ErrorContains(t, err, "mem://g.tsv", "Options opens local files")
	assert.Equal(t, "2024-05-06T00:00:00Z", o.Created().Format(time.RFC3339))
	assert.True(t, (&settings.Output{}).Created().IsZero())
}
