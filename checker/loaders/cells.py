"""Cells of the extracted-text layout: TAB-split rows, their columns, checkbox options.

A ``Cell`` keeps its 0-based index in the row and the 1-based character column where it starts
(tabs count as one character), so every value can be located in the source line.
"""

from __future__ import annotations

import re

import attrs

from checker.model import Checkbox

_SPACES = re.compile(r"[\s\u3000]+")
_CHECKBOX = re.compile(r"<input\b([^>]*)>", re.IGNORECASE)


@attrs.frozen
class Cell:
    """One non-empty cell: its stripped text, index in the row and character column."""

    text: str
    index: int
    column: int


def split_cells(line: str, max_chars: int) -> tuple[list[Cell], list[Cell]]:
    """The non-empty cells of a TAB-separated line, and those that were cut to ``max_chars``."""
    cells: list[Cell] = []
    cut: list[Cell] = []
    column = 1
    for index, raw in enumerate(line.split("\t")):
        text = raw.strip().strip("\u3000").strip()
        if text:
            start = column + (len(raw) - len(raw.lstrip()))
            cell = Cell(text[:max_chars], index, start)
            cells.append(cell)
            if len(text) > max_chars:
                cut.append(Cell(text, index, start))
        column += len(raw) + 1
    return cells, cut


def squash(text: str) -> str:
    """The text without any whitespace: labels split by extraction ("经济效益 指标") compare equal."""
    return _SPACES.sub("", text)


def is_checkbox_cell(text: str) -> bool:
    return _CHECKBOX.search(text) is not None


def parse_checkboxes(text: str) -> tuple[Checkbox, ...]:
    """Options of a checkbox cell: ``<input checked="" type="checkbox"/> 延续项目`` → ticked."""
    options = []
    matches = list(_CHECKBOX.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = text[m.end() : end].strip()
        checked = re.search(r"\bchecked\b", m.group(1), re.IGNORECASE) is not None
        if label:
            options.append(Checkbox(label=_SPACES.sub(" ", label), checked=checked))
    return tuple(options)
