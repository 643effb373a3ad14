#!/usr/bin/python3
"""Write a seed page (UTF-8 text) as a pandoc JSON document on stdout.

Every non-empty line becomes one paragraph, its words Str and Space
inlines, wrapped in a Div whose lang attribute is "zh-Hant" when the line
holds more Han characters than Latin letters, "en" otherwise (the HTML
fixtures carry these as lang hints).

With --title, the first line becomes the document title instead (pandoc's
EPUB writer puts the title on a title page: the text stays in order).
Usage: seedast.py [--title] SEED.txt > SEED.json
"""
import json
import sys
import unicodedata


def lang(line):
    han = sum(1 for c in line if "CJK" in unicodedata.name(c, ""))
    latin = sum(1 for c in line if c.isascii() and c.isalpha())
    return "zh-Hant" if han > latin else "en"


def inlines(line):
    out = []
    for i, w in enumerate(line.split()):
        if i:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": w})
    return out


def main():
    args = sys.argv[1:]
    title = "--title" in args
    args = [a for a in args if a != "--title"]
    lines = [l.strip() for l in open(args[0], encoding="utf-8").read().splitlines() if l.strip()]
    meta = {}
    if title:
        meta["title"] = {"t": "MetaInlines", "c": inlines(lines[0])}
        lines = lines[1:]
    blocks = [{"t": "Div", "c": [["", [], [["lang", lang(l)]]], [{"t": "Para", "c": inlines(l)}]]} for l in lines]
    json.dump({"pandoc-api-version": [1, 22, 2, 1], "meta": meta, "blocks": blocks}, sys.stdout, ensure_ascii=False)


main()
