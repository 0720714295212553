#!/usr/bin/env python3
"""Makes the .xlsx fixtures next to this script with writers independent of Zouban's.

openpyxl (3.1) keeps text as inline strings; XlsxWriter (the writer pandas uses) keeps it in the
shared-strings table, as Excel and WPS do. Each fixture is made by both, so the reader is tried
on both layouts. Run once from anywhere (pip install openpyxl xlsxwriter; python3
make_fixtures.py); the outputs are committed, so the tests need neither package to read them.

tiny-students.xlsx, tiny-students-shared.xlsx
    Catalogs/tiny/students.csv as a workbook the way Excel keeps it: whole numbers as numeric
    cells, blank cells left out; its first sheet "学生" is the table, a second sheet "填写说明"
    (another table) must be ignored.
cells.xlsx, cells-shared.xlsx
    one sheet of cell kinds for the reader: text, an integer and a fraction, a blank cell between
    filled ones, a blank row, rich text, booleans, formulas (openpyxl stores no cached result,
    XlsxWriter the one given); and a second sheet that must be ignored.
"""
import csv
import datetime
import pathlib

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]
FIXED_TIME = datetime.datetime(2026, 1, 1)


def save(workbook, name):
    # Fixed document dates (openpyxl still stamps its ZIP entries with the time of the run;
    # XlsxWriter's output is the same on every run).
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.save(HERE / name)


def student_rows():
    with open(ROOT / "Catalogs" / "tiny" / "students.csv", encoding="utf-8-sig", newline="") as source:
        return [[int(cell) if cell.isdigit() else (cell or None) for cell in row] for row in csv.reader(source)]


NOTES = [["id", "name", "说明"], ["X99", "不是学生", "this sheet must be ignored"]]


def tiny_students():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "学生"
    for row in student_rows():
        sheet.append(row)
    notes = workbook.create_sheet("填写说明")
    for row in NOTES:
        notes.append(row)
    save(workbook, "tiny-students.xlsx")


def tiny_students_shared():
    workbook = xlsxwriter.Workbook(str(HERE / "tiny-students-shared.xlsx"))
    workbook.set_properties({"created": FIXED_TIME})
    sheet = workbook.add_worksheet("学生")
    for r, row in enumerate(student_rows()):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    notes = workbook.add_worksheet("填写说明")
    for r, row in enumerate(NOTES):
        notes.write_row(r, 0, row)
    workbook.close()


def cells():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "数据"
    sheet.append(["文字", "整数", "小数", "空", "富文本", "布尔", "公式"])
    rich = CellRichText([TextBlock(InlineFont(b=True), "粗体"), "与普通"])
    sheet.append(["张三", 3, 2.5, None, rich, True, "=1+2"])
    sheet.append(["  前后空格  ", -7, 0.1, None, "=A1", False, None])
    sheet.append([])
    sheet.append(["第五行", None, None, None, None, None, "最后"])
    other = workbook.create_sheet("忽略")
    other.append(["must", "be", "ignored"])
    save(workbook, "cells.xlsx")


def cells_shared():
    workbook = xlsxwriter.Workbook(str(HERE / "cells-shared.xlsx"))
    workbook.set_properties({"created": FIXED_TIME})
    bold = workbook.add_format({"bold": True})
    sheet = workbook.add_worksheet("数据")
    sheet.write_row(0, 0, ["文字", "整数", "小数", "空", "富文本", "布尔", "公式"])
    sheet.write_row(1, 0, ["张三", 3, 2.5])
    sheet.write_rich_string(1, 4, bold, "粗体", "与普通")
    sheet.write_boolean(1, 5, True)
    sheet.write_formula(1, 6, "=1+2", None, 3)
    sheet.write_row(2, 0, ["  前后空格  ", -7, 0.1])
    sheet.write_formula(2, 4, "=A1", None, "文字")
    sheet.write_boolean(2, 5, False)
    sheet.write(4, 0, "第五行")
    sheet.write(4, 6, "最后")
    sheet.freeze_panes(1, 0)
    other = workbook.add_worksheet("忽略")
    other.write_row(0, 0, ["must", "be", "ignored"])
    workbook.close()


if __name__ == "__main__":
    tiny_students()
    tiny_students_shared()
    cells()
    cells_shared()
