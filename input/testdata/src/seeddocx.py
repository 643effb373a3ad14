#!/usr/bin/python3
"""Write a seed page (UTF-8 text) as a Word document with python-docx:
one paragraph per non-empty line.
Usage: seeddocx.py SEED.txt OUT.docx
"""
import sys

import docx

doc = docx.Document()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if line.strip():
        doc.add_paragraph(line.strip())
doc.core_properties.author = "zhenalign"
doc.save(sys.argv[2])
