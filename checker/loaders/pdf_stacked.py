"""Ruled tables drawn one right on another are two tables, not one.

A browser prints each HTML table in a frame of its own, sized to its content, and draws the next
table from the row where the frame before ends: no gap without rules lies between them, so the
ruling lines of both read as one run of rows, and the column lines of both would number one grid
(values a column off). What separates them is the frames. Each producer measured (Chromium,
LibreOffice Writer and Calc) draws a table's outer sides as one rule from its top to its bottom,
so where the outermost rule on the left and the one on the right each end at a row line and a new
one begins on the same line, one table ends and the next begins — whether or not the two are as
wide. A cell's side never does that in a browser's print: cells stand a cell spacing apart (1.5
pt). Those outermost rules must be frames, not the sides of the first and last cells of a row
(a producer that drew a rule per cell would otherwise split every row): each runs past a row
line of its own table, or no other rule comes near the line where they meet (a browser's cells
stand a cell spacing inside their frame; this tells a row alone at a page's top, the rest of a
table, from the next table drawn under it). A table of one row whose cells touch its frame,
drawn on another, has neither and stays in one grid with it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from checker.loaders.pdf_continued import SNAP

_MEET = 0.5  # points: a frame's side ends where the next frame's begins (cells stop 1.5 pt short)
_PROBE = 1.0  # points above and below a meeting line where the sides are compared
_SIDE = 2.0  # points: rules this close to a side are that side (a browser draws a border as a box)

Segment = tuple[float, float, float]  # a vertical rule: x, top, bottom (y downwards)


def junctions(vertical: list[Segment], rows: list[float]) -> list[float]:
    """The row positions where one ruled table's frame ends and the next one's begins, sorted;
    ``rows`` the page's row lines, sorted. A line where a rule ends and another begins, at any
    x, is asked: two tables centred on the page, of different widths, share neither side."""
    starts: dict[int, list[float]] = {}
    for _, y0, _ in vertical:
        starts.setdefault(round(y0), []).append(y0)
    candidates = set()
    for _, _, y1 in vertical:
        key = round(y1)
        if any(abs(y0 - y1) <= _MEET for k in (key - 1, key, key + 1) for y0 in starts.get(k, ())):
            candidates.add(round(y1, 1))
    return [y for y in sorted(candidates) if _frames_meet(vertical, rows, y)]


def parts(horizontal: list[Segment], vertical: list[Segment], at: list[float]) -> list[tuple[list, list]]:
    """The rules split at the junctions ``at``: (horizontal, vertical) per table band, each list
    sorted as the input, the vertical rules cut to their band."""
    edges = [float("-inf"), *at, float("inf")]
    out = []
    for lo, hi in zip(edges, edges[1:]):
        band_h = [h for h in horizontal if lo < h[0] <= hi]
        band_v = [(x, max(y0, lo), min(y1, hi)) for x, y0, y1 in vertical if min(y1, hi) - max(y0, lo) > _MEET]
        out.append((band_h, band_v))
    return out


def _frames_meet(vertical: list[Segment], rows: list[float], y: float) -> bool:
    """Whether the outermost rules on both sides end at ``y`` from above and begin there below,
    and are frames' sides: each runs past a row line of its own table, or no other rule comes
    near the line (a browser's cells stand a cell spacing inside their frame)."""
    above = [s for s in vertical if s[1] < y - _PROBE <= s[2]]
    below = [s for s in vertical if s[1] <= y + _PROBE < s[2]]
    if not above or not below:
        return False
    sides = (min(above), max(above), min(below), max(below))
    ends = all(abs(s[2] - y) <= _MEET for s in sides[:2])
    begins = all(abs(s[1] - y) <= _MEET for s in sides[2:])
    if not (ends and begins):
        return False
    if all(_crosses_a_row(s, rows) for s in sides):
        return True
    edges = [s[0] for s in sides]
    return not any(y0 - _PROBE <= y <= y1 + _PROBE and all(abs(x - edge) > _SIDE for edge in edges)
                   for x, y0, y1 in vertical)


def _crosses_a_row(segment: Segment, rows: list[float]) -> bool:
    """Whether a row line stands inside the rule, not at its own top or bottom (within SNAP)."""
    _, top, bottom = segment
    return bisect_right(rows, bottom - SNAP) > bisect_left(rows, top + SNAP)
