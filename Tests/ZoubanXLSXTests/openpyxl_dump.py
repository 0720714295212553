#!/usr/bin/env python3
"""What openpyxl reads from a workbook, as JSON: the independent reader of the ZoubanXLSX tests.

Usage: openpyxl_dump.py WORKBOOK.xlsx OUT.json

For every sheet in tab order: its name, its frozen pane, whether A1 is bold, the width of
column A, and its cells as ["s", text], ["n", repr(number)] or null for an empty cell.
"""
import json
import sys

import openpyxl


def cell(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return ["b", str(value)]
    if isinstance(value, (int, float)):
        return ["n", repr(value)]
    return ["s", str(value)]


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for ws in workbook.worksheets:
        sheets.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "bold_header": bool(ws.cell(row=1, column=1).font.b),
            "width_a": ws.column_dimensions["A"].width,
            "rows": [[cell(c.value) for c in row] for row in ws.iter_rows()],
        })
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump({"sheets": sheets}, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
