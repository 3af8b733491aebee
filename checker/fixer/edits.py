"""Text edits at known spans, and what a planned edit reports.

Every text format is rewritten the same way: find the span of each 指标值 in the decoded text,
replace exactly that span, and leave every other character alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import attrs

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@attrs.frozen
class Span:
    """A replacement of ``text[start:end]`` by ``replacement``; ``old``/``new`` are the values."""

    start: int
    end: int
    replacement: str
    old: str
    new: str


def apply_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` with every span replaced. Spans must not overlap."""
    pieces: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < cursor:
            raise ValueError("overlapping edits")
        pieces.append(text[cursor:span.start])
        pieces.append(span.replacement)
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


class LineIndex:
    """Offset → 1-based (line, column) in a text, for reporting where an edit is."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def offset(self, line: int, column: int) -> int | None:
        """The offset of 1-based (line, column), or None when the line does not exist."""
        if line < 1 or line > len(self._starts) or column < 1:
            return None
        return self._starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
