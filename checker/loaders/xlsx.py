"""XLSX workbooks: guarded unzip, then openpyxl in read-only mode, every sheet a flat table.

The zip is checked before openpyxl sees it (member count, declared uncompressed size — zipfile
never inflates a member beyond its declared size), and openpyxl parses XML through defusedxml.
Read-only mode does not expose merged ranges: a merged cell reads as its value in the top-left
cell and blanks below, which is exactly how the flat-table reader treats project cells (blank →
continue the project above) and 一级/二级 cells (blank → continue the row above).

Cells are read as Excel shows them: a percent format scales by 100 only when its % sign is a
format code, not literal text (`0"%"`, `0\\%` show 95 as "95%"). A formula cell whose result
was never saved has no value to read: it is reported, not read as blank.
"""

from __future__ import annotations

from grammar.numbers import format_decimal

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from typing import Any

from checker.loaders import issues as ids
from checker.loaders.flat_table import HEADER_SCAN_ROWS, Row, forms_from_rows
from checker.loaders.limits import Limits
from policy.forms.model import Document, LoadIssue, Location

MAX_COLUMNS = 256  # a flat table has a dozen columns; cells past this are not read


def load_xlsx(data: bytes, path: str, limits: Limits) -> Document:
    """A Document from an XLSX file's bytes; never raises."""
    where = Location(path)
    problem = check_zip(data, path, limits)
    if problem is not None:
        return Document(path, error=problem, format="xlsx")
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on broken files
        return Document(path, error=ids.file_error(ids.BROKEN_ZIP, where, reason=_reason(exc)), format="xlsx")
    forms: list = []
    issues: list[LoadIssue] = []
    found_header = False
    headerless: list[LoadIssue] = []
    try:
        budget = limits.max_rows
        for sheet in workbook.worksheets:
            uncached = _formulas_without_result(data, getattr(sheet, "_worksheet_path", None))
            rows, seen = _sheet_rows(sheet, budget)
            issues.extend(
                ids.cell_warning(ids.UNCACHED_FORMULA, Location(path, _row_of(ref), sheet=sheet.title, cell=ref), cell=ref)
                for ref in sorted(uncached, key=lambda r: (_row_of(r), len(r), r))
                if _row_of(ref) <= min(seen, budget)
            )
            sheet_forms, sheet_issues, error = forms_from_rows(rows, path, limits, index_start=len(forms))
            if error is None:
                found_header = True
                forms.extend(sheet_forms)
                issues.extend(sheet_issues)
            elif rows:  # a sheet with content but no header is said, not skipped
                headerless.append(ids.cell_warning(
                    ids.SHEET_WITHOUT_HEADER, Location(path, rows[0].line, sheet=sheet.title),
                    sheet=sheet.title, rows=HEADER_SCAN_ROWS))
            if seen > budget:
                where = Location(path, seen, sheet=sheet.title, cell=f"A{seen}")
                issues.append(ids.file_error(ids.TOO_MANY_ROWS, where, limit=limits.max_rows))
                break
            budget -= seen
    except Exception as exc:  # noqa: BLE001 - a corrupt sheet part fails only while iterating
        return Document(path, error=ids.file_error(ids.BROKEN_ZIP, where, reason=_reason(exc)), format="xlsx")
    finally:
        workbook.close()
    if not found_header:
        return Document(path, error=ids.file_error(ids.NO_HEADER, where), format="xlsx")
    return Document(path, tuple(forms[: limits.max_forms_per_file]), tuple(headerless + issues), format="xlsx")


def check_zip(data: bytes, path: str, limits: Limits, marker: str = "xl/workbook.xml") -> LoadIssue | None:
    """Why an Office zip (XLSX, DOCX) must not be opened, or None: broken, too many members, too
    large uncompressed, or without its main part (``marker``)."""
    where = Location(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # a central directory asking for a zip version zipfile lacks
        RuntimeError,
    ) as exc:
        return ids.file_error(ids.BROKEN_ZIP, where, reason=_reason(exc))
    if len(infos) > limits.max_zip_members:
        return ids.file_error(
            ids.ZIP_BOMB, where, reason=f"{len(infos)} members > {limits.max_zip_members}"
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_xlsx_uncompressed_bytes:
        return ids.file_error(
            ids.ZIP_BOMB, where, reason=f"{total} bytes uncompressed > {limits.max_xlsx_uncompressed_bytes}"
        )
    names = {i.filename for i in infos}
    if not any(n.endswith(marker.rsplit("/", 1)[-1]) for n in names):
        return ids.file_error(ids.BROKEN_ZIP, where, reason=f"no {marker}")
    return None


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


def _formulas_without_result(data: bytes, part: str | None) -> set[str]:
    """References of the formula cells of sheet ``part`` that carry no saved result (``<v>``):
    openpyxl's data_only mode reads them as blank. A sheet without any formula is scanned once,
    in chunks, and not parsed."""
    if not part:
        return set()
    from defusedxml.ElementTree import iterparse

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            with zf.open(part.lstrip("/")) as stream:
                tail = b""
                while chunk := stream.read(1 << 16):
                    if _FORMULA_TAG.search(tail + chunk):
                        break
                    tail = chunk[-32:]
                else:
                    return set()
            found: set[str] = set()
            with zf.open(part.lstrip("/")) as stream:
                for _, element in iterparse(stream, events=("end",)):
                    tag = element.tag.rsplit("}", 1)[-1]
                    if tag != "c":
                        if tag == "row":
                            element.clear()
                        continue
                    children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
                    has_result = "v" in children and (children["v"].text or "") != ""
                    if "f" in children and not has_result and element.get("r"):
                        found.add(element.get("r"))
            return found
    except Exception:  # noqa: BLE001 - the sheet itself is read (and its damage reported) by openpyxl
        return set()


def _row_of(ref: str) -> int:
    digits = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$").replace("$", "")
    return int(digits) if digits.isdigit() else 0


def _sheet_rows(sheet: Any, cap: int) -> tuple[list[Row], int]:
    """The non-empty rows among the first ``cap`` rows, and how many rows were looked at
    (``cap + 1`` when the sheet goes on beyond the cap)."""
    from openpyxl.cell.read_only import EMPTY_CELL

    rows: list[Row] = []
    # The declared <dimension> may be wrong (rows beyond it would be dropped unseen): ignore it.
    sheet.reset_dimensions()
    number = 0
    padding = None
    # Read-only openpyxl pads missing rows and columns with empty cells, so a tiny sheet naming
    # row 1048576 or column XFD expands: columns are capped, padded rows skipped by identity.
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), 1):
        if number > cap:
            return rows, number
        if cells is padding:  # openpyxl yields one shared tuple for every missing row
            continue
        if all(cell is EMPTY_CELL for cell in cells):
            padding = cells
            continue
        texts = [cell_text(cell) for cell in cells]
        while texts and not texts[-1]:
            texts.pop()
        refs = [f"{column_letter(col)}{number}" for col in range(1, len(texts) + 1)]
        rows.append(Row(number, tuple(texts), sheet=sheet.title, refs=tuple(refs)))
    return rows, number


def cell_text(cell: Any) -> str:
    """A cell's value as text the way a reader sees it: 150000.0 → "150000", 95% → "95%"."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            scaled = _scales_by_100(fmt)
            return format_decimal(number * 100 if scaled else number) + "%"
        return format_decimal(number)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _scales_by_100(fmt: str) -> bool:
    """Whether a number format's % is the percent code (×100), not literal text: `0%` and `0.0%`
    scale, `0"%"`, `0\\%` and `[$%]0` show the number as it is."""
    return "%" in _LITERALS.sub("", fmt.split(";", 1)[0])


def column_letter(index: int) -> str:
    """1 → A, 27 → AA (what openpyxl's get_column_letter does, without importing it)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__
