"""A report as a workbook reviewers can annotate: one row per finding, with empty
"decision" (a drop-down list) and "note" columns, filters on the header, and a summary sheet.

Every text from a form is written as a string cell (never a formula, whatever it starts with)
with characters a workbook cannot hold removed.
"""

from __future__ import annotations

import io
from typing import Any

from checker.citation import source_json
from checker.report import safe_render

COLUMNS = ("path", "form", "form_name", "line", "level1", "level2", "indicator", "value",
           "severity", "code", "name", "message", "citation", "accepted", "decision", "note")
WIDTHS = {"path": 24, "form_name": 24, "level1": 12, "level2": 12, "indicator": 24, "value": 20,
          "message": 60, "citation": 30, "accepted": 16, "decision": 14, "note": 40}


def report_workbook(report: Any, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    def t(key: str) -> str:
        return safe_render(f"serve.xlsx.{key}", {}, lang)

    book = Workbook()
    sheet = book.active
    sheet.title = t("sheet.findings")
    sheet.append([t(f"col.{c}") for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for d in report.diagnostics:
        ind = d.indicator
        row = [d.path, d.form.index + 1 if d.form else None, d.form.name if d.form else None, d.line,
               ind.level1 if ind else None, ind.level2 if ind else None, ind.name if ind else None,
               ind.value if ind else None, safe_render(f"core.severity.{d.severity}", {}, lang), d.code,
               d.name, d.message(lang), source_json(d.code, d.source, lang).get("citation"), d.suppressed, None, None]
        _append(sheet, row)
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(column, 10)
        if column in ("message", "note", "value", "indicator"):
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = max(sheet.max_row, 2)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=1, column=len(COLUMNS)).column_letter}{last}"
    decision = sheet.cell(row=1, column=COLUMNS.index("decision") + 1).column_letter
    choices = DataValidation(type="list", formula1='"' + t("decisions").replace('"', "") + '"',
                             allow_blank=True)
    sheet.add_data_validation(choices)
    choices.add(f"{decision}2:{decision}{max(last, 1000)}")

    summary = book.create_sheet(t("sheet.summary"))
    summary.append([t("summary.key"), t("summary.value")])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for key, value in report.summary().items():
        _append(summary, [key, value])
    summary.column_dimensions["A"].width = 20

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _append(sheet: Any, values: list[Any]) -> None:
    """Append a row; text is stored as text (openpyxl would read "=..." as a formula) without
    the control characters XML cannot carry."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row = sheet.max_row + 1
    for column, value in enumerate(values, start=1):
        if value is None or isinstance(value, (int, float)):
            sheet.cell(row=row, column=column, value=value)
            continue
        cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
        cell.data_type = "s"
