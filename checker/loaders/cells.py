"""Cells of the extracted-text layout: TAB-split rows, their columns, checkbox options.

A ``Cell`` keeps its 0-based index in the row and the 1-based character column where it starts
(tabs count as one character), so every value can be located in the source line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from grammar.folding import collapse
from policy.forms.model import Checkbox

_CHECKBOX = re.compile(r"<input\b([^>]*)>", re.IGNORECASE)
_CHECKED = re.compile(r"\bchecked\b", re.IGNORECASE)


class Cell(NamedTuple):
    """One non-empty cell: its stripped text, index in the row and character column.

    A NamedTuple, not an attrs class: the loader makes one per cell of every row, and a tuple is
    several times cheaper to build."""

    text: str
    index: int
    column: int


# ``Cell(text, index, column)`` without the Python-level ``__new__`` the NamedTuple generates.
_new_cell = tuple.__new__


def split_cells(line: str, max_chars: int) -> tuple[list[Cell], list[Cell]]:
    """The non-empty cells of a TAB-separated line, and those that were cut to ``max_chars``.

    A cell's index is the number of TABs before it, its column the 1-based offset of its first
    non-blank character (U+3000 is blank, like every ``str.isspace`` character). One pass over
    ``line.split("\\t")``: linear even on hostile lines of many TABs.
    """
    cells: list[Cell] = []
    cut: list[Cell] = []
    column = 1  # where the current part starts
    for index, raw in enumerate(line.split("\t")):
        if raw:
            text = raw.strip()
            if text:
                # The first character survived the strip unless it was blank.
                start = column if raw[0] == text[0] else column + len(raw) - len(raw.lstrip())
                if len(text) > max_chars:
                    cells.append(_new_cell(Cell, (text[:max_chars], index, start)))
                    cut.append(_new_cell(Cell, (text, index, start)))
                else:
                    cells.append(_new_cell(Cell, (text, index, start)))
            column += len(raw)
        column += 1
    return cells, cut


def is_checkbox_cell(text: str) -> bool:
    return "<" in text and _CHECKBOX.search(text) is not None


# The same few checkbox rows recur on every form: the cache buys 2.5% of the per-form work
# (callgrind, 300 text forms; share of the per-form work, i.e. the run less its ~700 M start-up).
@lru_cache(maxsize=1024)
def parse_checkboxes(text: str) -> tuple[Checkbox, ...]:
    """Options of a checkbox cell: ``<input checked="" type="checkbox"/> 延续项目`` → ticked."""
    options = []
    matches = list(_CHECKBOX.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = text[m.end() : end].strip()
        checked = _CHECKED.search(m.group(1)) is not None
        if label:
            options.append(Checkbox(label=collapse(label), checked=checked))
    return tuple(options)
