#!/usr/bin/python3
"""Write features.docx with python-docx: a tab, a line break, a run split
in the middle of a word, a hidden run, a two-by-two table.
Usage: features.py OUT.docx
"""
import sys

import docx

doc = docx.Document()
doc.add_heading("Chongqing and the World", level=1)
p = doc.add_paragraph("Name:")
p.add_run().add_tab()
p.add_run("Chong")
p.add_run("qing").bold = True
p = doc.add_paragraph("First line")
p.add_run().add_break()
p.add_run("second line")
p = doc.add_paragraph("Shown ")
r = p.add_run("hidden text ")
r.font.hidden = True
p.add_run("again.")
t = doc.add_table(rows=2, cols=2)
t.cell(0, 0).text = "English cell"
t.cell(0, 1).text = "中文單元格"
t.cell(1, 0).text = "Tree"
t.cell(1, 1).text = "樹"
doc.add_paragraph("重慶與世界。")
doc.core_properties.author = "zhenalign"
doc.save(sys.argv[1])
