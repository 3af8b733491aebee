"""Rewrite 指标值 cells of the extracted-text layout (TAB-separated rows, drifting columns).

The layout has no fixed value column, so the fixer does not guess: it rewrites exactly the cells
the loader read as values, at the line and column the loader recorded (``value_location``), and
only when the text found there is the value as loaded, alone in its cell (a value the loader cut
to the cell limit, or joined from several cells, is left alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.fixer.edits import LineIndex, Span, apply_spans
from policy.forms.model import Document

_REST_OF_CELL = re.compile(r"[^\t\r\n]*")
_BLANK = " \t\u3000"


def plan(text: str, document: Document, rewrite: Callable[[str], str | None]) -> list[Span]:
    lines = LineIndex(text)
    spans: dict[int, Span] = {}
    for form in document.forms:
        for indicator in form.indicators:
            where, value = indicator.value_location, indicator.value_text
            if where is None or value is None or where.line is None or where.column is None:
                continue
            new = rewrite(value)
            if new is None:
                continue
            start = lines.offset(where.line, where.column)
            if start is None or text[start:start + len(value)] != value:
                continue
            end = start + len(value)
            rest = _REST_OF_CELL.match(text, end).group()
            cell_start = max(text.rfind("\t", 0, start), text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            if rest.strip(_BLANK) or text[cell_start:start].strip(_BLANK):
                continue  # the value is not the whole cell
            spans[start] = Span(start, end, new, value, new)
    return [spans[k] for k in sorted(spans)]


def apply(text: str, spans: list[Span]) -> str:
    return apply_spans(text, spans)
