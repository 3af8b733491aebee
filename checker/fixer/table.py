"""Where the 指标值 cells are in a flat table (CSV/XLSX, one indicator per row).

The header row is found by the loader's own rule (``checker.loaders.flat_table.find_header``:
项目名称, 三级指标 and a value column among the first rows), so the fixer and the loader always
agree on which column holds the values. Only a column whose role is the whole value (指标值,
目标值, 年度指标值, or 指标值及单位 — value and unit in one cell) is rewritten. When the layout
splits operator, number and unit over separate cells (指标性质 | 指标值 | 度量单位, 指标值类型 | 指标值 |
计量单位), no cell holds a whole value, so nothing is rewritten: spreading a canonical value back
over three cells is a choice the fixer does not make.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from checker.loaders.flat_table import Row, find_header


@attrs.frozen
class ValueColumns:
    """The header's row index (0-based), the value columns (0-based), and whether the layout is
    split (then ``columns`` is empty)."""

    header_row: int
    columns: tuple[int, ...]
    split: bool = False
    width: int = 0  # the header's columns: a CSV row with cells beyond them is not rewritten


def _text(cell: object) -> str:
    return "" if cell is None else str(cell)


def find_value_columns(rows: Sequence[Sequence[object]]) -> ValueColumns | None:
    """The value columns of the table's header row, or None when there is no header."""
    header = find_header([Row(n + 1, tuple(_text(c) for c in row)) for n, row in enumerate(rows)])
    if header is None:
        return None
    roles = header.roles
    groups = (roles, *header.groups)  # a repeated 三级指标/指标值 group holds values too
    if any("op" in g or "unit" in g for g in groups):
        return ValueColumns(header.index, (), split=True, width=header.width)
    columns = tuple(sorted(g[r] for g in groups for r in ("value", "value_with_unit") if r in g))
    return ValueColumns(header.index, columns, width=header.width)
