"""Writes the adversarial corpus's workbooks (run from the repository root:
``python tests/adversarial/make_workbooks.py``); their truth is in corpus/truth.yaml."""

from __future__ import annotations

from pathlib import Path

import openpyxl

CORPUS = Path(__file__).resolve().parent / "corpus"


def sheets_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "表一"
    first.append(["项目名称", "预算数", "三级指标", "指标值"])
    first.append(["项目甲", 10, "满意度", 0.95])
    first["D2"].number_format = "0%"  # the percent code: 0.95 shows as 95%
    first.append([None, None, "完成率", 95])
    first["D3"].number_format = '0"%"'  # a literal percent sign: 95 shows as 95%
    first.append([None, None, "合格率", "=90+5"])  # saved by openpyxl: no computed result
    second = book.create_sheet("表二")
    for n in range(25):  # more than the 20 rows the header was once looked for in
        second.append([f"说明{n + 1}"])
    second.append(["项目", "三级指标", "指标值"])
    second.append(["项目乙", "份数", "4份"])
    notes = book.create_sheet("填表说明")
    notes.append(["填表说明"])
    notes.append(["请按要求填写"])
    book.save(path)


if __name__ == "__main__":
    sheets_xlsx(CORPUS / "sheets.xlsx")
