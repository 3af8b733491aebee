"""Cells of the extracted-text layout: TAB-split rows, their columns, checkbox options.

A ``Cell`` keeps its 0-based index in the row and the 1-based character column where it starts
(tabs count as one character), so every value can be located in the source line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from checker.model import Checkbox

_SPACES = re.compile(r"[\s\u3000]+")
_NON_TAB = re.compile(r"[^\t]+")
_CHECKBOX = re.compile(r"<input\b([^>]*)>", re.IGNORECASE)
_CHECKED = re.compile(r"\bchecked\b", re.IGNORECASE)


class Cell(NamedTuple):
    """One non-empty cell: its stripped text, index in the row and character column.

    A NamedTuple, not an attrs class: the loader makes one per cell of every row, and a tuple is
    several times cheaper to build."""

    text: str
    index: int
    column: int


def split_cells(line: str, max_chars: int) -> tuple[list[Cell], list[Cell]]:
    """The non-empty cells of a TAB-separated line, and those that were cut to ``max_chars``."""
    cells: list[Cell] = []
    cut: list[Cell] = []
    # Most cells of a row are empty; visit only the runs between TABs (the regex skips the rest
    # in C). A cell's index is the number of TABs before it, its column its 1-based offset.
    index = counted = 0  # TABs before ``counted``: counting stays linear on hostile long lines
    for m in _NON_TAB.finditer(line):
        raw = m.group()
        text = raw.strip().strip("\u3000").strip()
        if text:
            index += line.count("\t", counted, m.start())
            counted = m.start()
            start = counted + 1 + (len(raw) - len(raw.lstrip()))
            cell = Cell(text[:max_chars], index, start)
            cells.append(cell)
            if len(text) > max_chars:
                cut.append(Cell(text, index, start))
    return cells, cut


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """The text without any whitespace: labels split by extraction ("经济效益 指标") compare equal."""
    return _SPACES.sub("", text)


def is_checkbox_cell(text: str) -> bool:
    return "<" in text and _CHECKBOX.search(text) is not None


@lru_cache(maxsize=1024)  # the same few checkbox rows recur on every form
def parse_checkboxes(text: str) -> tuple[Checkbox, ...]:
    """Options of a checkbox cell: ``<input checked="" type="checkbox"/> 延续项目`` → ticked."""
    options = []
    matches = list(_CHECKBOX.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = text[m.end() : end].strip()
        checked = _CHECKED.search(m.group(1)) is not None
        if label:
            options.append(Checkbox(label=_SPACES.sub(" ", label), checked=checked))
    return tuple(options)
