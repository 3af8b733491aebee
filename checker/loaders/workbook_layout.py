"""Workbooks in the form's own layout (the 申报表 template: merged cells, ☑/□ ticks) → grids.

A workbook whose sheets carry a flat-export header is read as a flat table (``xlsx.py``); one
without is read here, every sheet one grid with its merged ranges as spans, every cell placed
as ``Sheet1!C14``. XLSX values come from openpyxl in read-only mode (the same cell text as the
flat reader: number formats applied), merged ranges from the sheet part's ``<mergeCell>``
elements (read-only openpyxl does not expose them). Legacy ``.xls`` is read with python-calamine,
flat header first, then the layout.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal

from checker.loaders import issues as ids
from checker.loaders.flat_table import Row, forms_from_rows
from checker.loaders.grid import Grid, GridCell, sheet_place
from checker.loaders.limits import Limits
from checker.loaders.recovery import recover
from policy.forms.model import Document, Location

MAX_COLUMNS = 256
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def merged_ranges(data: bytes, part: str) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col), 0-based, of a sheet part's merged ranges."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part.lstrip("/"))
    ranges = []
    for m in _MERGE.finditer(xml):
        r1, c1 = int(m.group(2)) - 1, _column_index(m.group(1))
        r2 = int(m.group(4)) - 1 if m.group(4) else r1
        c2 = _column_index(m.group(3)) if m.group(3) else c1
        ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return ranges


def sheet_grid(path: str, sheet: str, rows: list[Row], merges: list[tuple[int, int, int, int]]) -> Grid:
    """A sheet's grid: each non-empty cell, and each merged range's origin with its spans."""
    spans = {}
    for r1, c1, r2, c2 in merges:
        if c1 < MAX_COLUMNS:
            spans[(r1, c1)] = (r2 - r1 + 1, min(c2, MAX_COLUMNS - 1) - c1 + 1)
    cells = []
    seen = set()
    for row in rows:
        r = row.line - 1
        for c, text in enumerate(row.cells):
            if text or (r, c) in spans:
                rowspan, colspan = spans.get((r, c), (1, 1))
                cells.append(GridCell(text, r, c, sheet_place(path, sheet, r, c), rowspan, colspan))
                seen.add((r, c))
    for (r, c), (rowspan, colspan) in spans.items():
        if (r, c) not in seen:  # a blank merged origin: a label printed elsewhere, or nothing
            cells.append(GridCell("", r, c, sheet_place(path, sheet, r, c), rowspan, colspan))
    return Grid(sheet, tuple(cells))


def load_xlsx_layout(data: bytes, path: str, limits: Limits, no_header) -> Document:
    """The forms of an XLSX in the form's layout; ``no_header`` (the flat reader's E011) when
    recovery finds no form either."""
    import openpyxl

    from checker.loaders.xlsx import _sheet_rows

    where = Location(path)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        grids = []
        budget = limits.max_rows
        try:
            for sheet in workbook.worksheets:
                rows, seen = _sheet_rows(sheet, budget)
                merges = merged_ranges(data, getattr(sheet, "_worksheet_path", "") or "")
                grids.append(sheet_grid(path, sheet.title, rows, merges))
                budget -= seen
                if budget <= 0:
                    break
        finally:
            workbook.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl/zipfile raise many types on broken parts
        return Document(path, error=ids.file_error(ids.BROKEN_ZIP, where, reason=type(exc).__name__), format="xlsx")
    return _document(grids, path, "xlsx-layout", limits, no_header)


def load_xls(data: bytes, path: str, limits: Limits) -> Document:
    """A legacy .xls workbook: flat-export sheets as today's flat tables, else the form layout."""
    where = Location(path)
    try:
        import python_calamine

        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        budget = limits.max_rows
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = _calamine_rows(sheet, name, budget)
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            sheets.append((name, rows, merges))
            budget -= len(rows)
            if budget <= 0:
                break
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types on broken files
        error = ids.file_error(ids.BROKEN_DOCUMENT, where, kind="XLS", reason=type(exc).__name__)
        return Document(path, error=error, format="xls")
    forms, issues, found = [], [], False
    for _, rows, _ in sheets:
        sheet_forms, sheet_issues, error = forms_from_rows(rows, path, limits, index_start=len(forms))
        if error is None:
            found = True
            forms.extend(sheet_forms)
            issues.extend(sheet_issues)
    if found:
        return Document(path, tuple(forms[: limits.max_forms_per_file]), tuple(issues), format="xls")
    grids = [sheet_grid(path, name, rows, merges) for name, rows, merges in sheets]
    return _document(grids, path, "xls-layout", limits, ids.file_error(ids.NO_HEADER, where))


def _document(grids: list[Grid], path: str, fmt: str, limits: Limits, no_header) -> Document:
    recovered = recover(grids, path, limits)
    if not recovered.forms:
        return Document(path, error=no_header, format=fmt)
    return Document(path, recovered.forms, recovered.issues, format=fmt)


def _calamine_rows(sheet, name: str, cap: int) -> list[Row]:
    rows = []
    start_row, start_col = sheet.start or (0, 0)
    for offset, values in enumerate(sheet.iter_rows()):
        if offset >= cap:
            break
        texts = [""] * start_col + [_value_text(v) for v in values[: MAX_COLUMNS - start_col]]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            number = start_row + offset + 1
            rows.append(Row(number, tuple(texts), sheet=name,
                            refs=tuple(sheet_place("", name, number - 1, c).cell for c in range(len(texts)))))
    return rows


def _value_text(value) -> str:
    """A calamine value as a reader sees it: 15.0 → "15" (exactly, through its repr)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
