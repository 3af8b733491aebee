"""Where the 指标值 cells are in a flat table (CSV/XLSX, one indicator per row).

The header row is found by its labels within the first rows, as the loader does. Only a column
headed 指标值 (or 指标值及单位, the value and unit in one cell) is rewritten. When the layout splits
operator, number and unit over separate cells (指标性质 | 指标值 | 度量单位, 指标值类型 | 指标值 |
计量单位), no cell holds a whole value, so nothing is rewritten: spreading a canonical value back
over three cells is a choice the fixer does not make.
"""

from __future__ import annotations

import re
from typing import Sequence

import attrs

HEADER_SEARCH_ROWS = 20
_NAME_LABELS = frozenset({"三级指标", "三级指标名称", "指标名称"})
_VALUE_LABELS = frozenset({"指标值", "指标值及单位", "年度指标值", "指标值（含数字及文字描述）"})
_SPLIT_LABELS = frozenset({"指标性质", "指标值类型", "度量单位", "计量单位"})
_SPACES = re.compile(r"\s+")


def _label(cell: object) -> str:
    return _SPACES.sub("", str(cell)) if cell is not None else ""


@attrs.frozen
class ValueColumns:
    """The header's row index (0-based), the value columns (0-based), and whether the layout is
    split (then ``columns`` is empty)."""

    header_row: int
    columns: tuple[int, ...]
    split: bool = False


def find_value_columns(rows: Sequence[Sequence[object]]) -> ValueColumns | None:
    """The value columns of the first header row among the first rows, or None."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = [_label(cell) for cell in row]
        if not any(label in _NAME_LABELS for label in labels):
            continue
        columns = tuple(i for i, label in enumerate(labels) if label in _VALUE_LABELS)
        if not columns:
            continue
        if any(label in _SPLIT_LABELS for label in labels):
            return ValueColumns(index, (), split=True)
        return ValueColumns(index, columns)
    return None
