"""The extracted-text layout: forms as published, converted to TAB-separated text.

Many forms per file, each starting at its 项目名称 row, usually under a title line (…绩效目标…
表, which also gives the budget year), then the project block and the 绩效指标 table. This module
answers the one-shot questions dispatch asks of such a file; ``text_grid`` turns the lines into a
grid for the one form recovery (``recovery``), which reads it. See the corpus README for what the
extraction does to the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.loaders.cells import Cell, split_cells
from checker.loaders.grid import clean
from grammar.folding import squash


def is_title(cells: Sequence[Cell]) -> bool:
    """A title row: …绩效目标…表 in the first cell, alone or with one more (e.g. （2022年度）)."""
    if not 1 <= len(cells) <= 2:
        return False
    return is_title_text(cells[0].text)


def is_title_text(first: str) -> bool:
    """Whether a cell's text is a form title: …绩效目标…表."""
    if len(first) > 120 or "目" not in first:  # cheap test: most rows have no 目 at all
        return False
    text = squash(first)
    pos = text.find("绩效目标")
    return pos >= 0 and "表" in text[pos:]


def has_form_title(lines: list[str]) -> bool:
    return any(is_title(split_cells(clean(line), 1000)[0]) for line in lines if "绩效" in line)


def has_text_layout(lines: list[str]) -> bool:
    """Whether the lines look like extracted forms: a form title or a 项目名称 label cell (an
    invisible character inside the label does not hide it)."""
    for line in lines:
        cells, _ = split_cells(line, 1000)
        if is_title(cells) or any(squash(clean(c.text)) == "项目名称" for c in cells):
            return True
    return False
