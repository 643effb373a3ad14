#!/bin/sh
# Regenerates the fixtures of package input from the seed pages and the
# sources in src/. Run from input/testdata; go test never runs it.
# Needs (Debian 12): apt-get install -y pandoc python3-docx libc-bin
# (iconv is in libc-bin). The outputs are committed; see README.md.
set -eu
SEEDS=../../testdata/seeds
for id in 000 001 004; do
	seed=$(ls $SEEDS/${id}_*.txt)
	# HTML: pandoc's HTML writer inside a page with the site's furniture.
	# --wrap=none: pandoc would otherwise wrap lines at a space between two
	# Chinese characters, and a line break between Chinese characters is
	# no space in HTML (CSS Text 3), so the text would change.
	python3 src/seedast.py "$seed" | pandoc -f json -t html5 --standalone --wrap=none \
		--template src/site.html --metadata pagetitle="Chongqing and the World $id" -o seeds/$id.html
	# DOCX: python-docx, one paragraph per line.
	/usr/bin/python3 src/seeddocx.py "$seed" seeds/$id.docx
	# EPUB 3: pandoc, the first line as the title, which pandoc's EPUB
	# writer puts both on a title page and at the head of the chapter: the
	# template src/epub3.xhtml (pandoc -D epub3 without the title page
	# section) leaves the title page empty, so the text stays in order.
	python3 src/seedast.py --title "$seed" | pandoc -f json -t epub3 --template src/epub3.xhtml \
		--metadata lang=zh-Hant -o seeds/$id.epub
	# ODT: pandoc.
	python3 src/seedast.py "$seed" | pandoc -f json -t odt -o seeds/$id.odt
	# Encodings: glibc iconv. UTF-16 with a byte order mark; Big5 drops
	# the characters it cannot hold (-c).
	iconv -f UTF-8 -t GB18030 "$seed" > seeds/$id.gb18030.txt
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$seed"; } > seeds/$id.utf16le.txt
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$seed"; } > seeds/$id.utf16be.txt
	iconv -c -f UTF-8 -t BIG5 "$seed" > seeds/$id.big5.txt || true
	# glibc's own reading of the Big5 file: what Big5 can hold of the seed.
	iconv -f BIG5 -t UTF-8 seeds/$id.big5.txt > seeds/$id.big5.utf8.txt
done
# The HTML page of seed 000 as a mainland site serves it: GB18030 bytes
# under <meta charset="gb2312">.
sed 's/<meta charset="utf-8">/<meta charset="gb2312">/' seeds/000.html | iconv -f UTF-8 -t GB18030 > seeds/000.gb18030.html
# Subtitles: the Chinese SRT in GB18030 and in UTF-16 (Windows Notepad's
# "Unicode").
iconv -f UTF-8 -t GB18030 subs/film.zh.srt > subs/film.zh.gb18030.srt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE subs/film.zh.srt; } > subs/film.zh.utf16.srt
# Feature documents.
/usr/bin/python3 src/features.py docs/features.docx
pandoc -f markdown -t docx src/notes.md -o docs/notes.docx
pandoc -f markdown -t odt src/notes.md -o docs/notes.odt
pandoc -f markdown -t epub3 --metadata title="Notes" --metadata lang=en src/notes.md -o docs/notes.epub
