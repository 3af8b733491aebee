"""Rewrite 指标值 cells in an XLSX workbook.

openpyxl in normal (not read-only) mode is needed to write; formulas are kept as formulas (the
workbook is loaded with ``data_only=False``) and only string cells under a 指标值 header are
changed. openpyxl does not keep everything a workbook can hold (images, charts, pivot tables,
VBA): a workbook with such parts is refused rather than rewritten with losses. The caller has
already vetted the file through the loader (zip member count and uncompressed size limits).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import attrs

from checker.fixer.table import find_value_columns

# Zip members openpyxl would drop or rebuild on save: a rewrite would lose them.
_LOSSY_PARTS = ("xl/drawings/", "xl/media/", "xl/charts/", "xl/pivotTables/", "xl/pivotCache/",
                "xl/vbaProject.bin", "xl/embeddings/", "xl/activeX/", "xl/ctrlProps/")


class UnsafeEdit(Exception):
    """The saved workbook would not hold the same cells, edits aside."""


class LossyWorkbook(UnsafeEdit):
    """The workbook holds parts a rewrite would lose."""


@attrs.frozen
class CellEdit:
    sheet: str
    cell: str  # "I5"
    row: int  # 1-based
    old: str
    new: str


def lossy_parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sorted({name for name in archive.namelist() if name.startswith(_LOSSY_PARTS)})


def plan_and_apply(
    data: bytes, rewrite: Callable[[str], str | None]
) -> tuple[list[CellEdit], bytes | None, list[str]]:
    """(edits, new workbook bytes or None when nothing changes, sheets with split layouts)."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False, keep_links=True)
    edits: list[CellEdit] = []
    split_sheets: list[str] = []
    for sheet in workbook.worksheets:
        head = [
            [cell.value for cell in row]
            for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 20))
        ]
        columns = find_value_columns(head)
        if columns is None:
            continue
        if columns.split:
            split_sheets.append(sheet.title)
            continue
        for row in sheet.iter_rows(min_row=columns.header_row + 2):
            for column in columns.columns:
                if column >= len(row):
                    continue
                cell = row[column]
                if cell.data_type != "s" or not isinstance(cell.value, str):
                    continue
                new = rewrite(cell.value)
                if new is None:
                    continue
                edits.append(CellEdit(sheet.title, cell.coordinate, cell.row, cell.value, new))
                cell.value = new
    if not edits:
        return edits, None, split_sheets
    lost = lossy_parts(data)
    if lost:
        raise LossyWorkbook(", ".join(lost))
    out = io.BytesIO()
    workbook.save(out)
    new_data = out.getvalue()
    _verify(data, new_data, edits)
    return edits, new_data, split_sheets


def _cell_values(data: bytes) -> dict[tuple[str, int, int], object]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        return {
            (sheet.title, cell.row, cell.column): cell.value
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if getattr(cell, "value", None) is not None
        }
    finally:
        workbook.close()


def _verify(old: bytes, new: bytes, edits: list[CellEdit]) -> None:
    """The saved workbook holds the same cell values as the original, edits aside."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    expected = _cell_values(old)
    for edit in edits:
        letters, row = coordinate_from_string(edit.cell)
        expected[(edit.sheet, row, column_index_from_string(letters))] = edit.new
    if _cell_values(new) != expected:
        raise UnsafeEdit("the saved workbook does not hold the same cells")
