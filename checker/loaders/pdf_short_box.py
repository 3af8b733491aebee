"""The rest of a merged cell a browser drew on the next page shorter than its rows.

In a table with separate borders (a browser's default) each cell draws its own box, a cell
spacing (1.5 pt) from its neighbours'. Chromium draws the rest of a merged cell the page cut as a
box as tall as the cell had left, which may end inside a row the cell covers or on a row line
above one; the slots below it, down to the next cell's box in that column, get no box at all.
Snapped into row lines, that short box's bottom reads as the cell's end, and the rows under it as
blank cells of their own: an 一级 label slot read blank that way was filled from the next table's
label, a row off, without a word (seed-7 form 155 with ticks as glyphs).

Such a box is the box of a cell the page cut (its sides start where the page's first table
does, with the frame's, or a cell spacing lower) whose bottom rule has a neighbour's side
standing a cell spacing off each of its ends (separate borders), no other rule under it within
SNAP in its column (every other box's bottom has the next cell's box top there) and a rule
further down that closes the column: its bottom is not a rule, and the cell runs on down to that
rule. In a table with collapsed borders (Calc, Writer) a cell's bottom is the next cell's top and
its ends meet the neighbours' sides: nothing there stands off, and no rule is dropped. The
part's first rule stays: where the page cut every cell of its first row open, a short box's
bottom is all that bounds that row from above.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from math import inf
from operator import itemgetter

from checker.loaders.pdf_continued import SNAP

_SIDE = 0.5  # points: a box's own side meets its bottom's end; a neighbour's stands further off
_CORNER = 1.0  # points: a 1 px border's two edges stand 0.75 apart, the next box's top 1.5 under

Segment = tuple[float, float, float]  # horizontal: y, left, right; vertical: x, top, bottom (y downwards)


def without_short_boxes(horizontal: list[Segment], vertical: list[Segment]) -> list[Segment]:
    """``horizontal`` without the bottoms of short boxes (both lists sorted, as ``pdf._tables``
    sorts them; the result keeps the order)."""
    if not vertical:
        return horizontal
    # Only the boxes of cells the page cut are asked: their sides start where the page's first
    # table does, with its frame's (or a cell spacing lower), and there are a few a page. Asking
    # every rule whether it is a box's bottom with nothing under it cost 3.6% of reading a 31-page
    # Chromium print end to end (callgrind: 4,240 → 4,392 M instructions; 0.2% asked so).
    top = min(map(itemgetter(1), vertical))
    cut = sorted((x, bottom) for x, start, bottom in vertical if start <= top + SNAP)
    at_x = [x for x, _ in cut]
    # The part's first rule stays, whatever it is: where the page cut every cell on the part's
    # first row open, a short box's bottom is all that bounds that row (a table starts on a rule).
    first = bisect_left(horizontal, (top - _CORNER,))
    if first == len(horizontal):
        return horizontal
    first_rule = horizontal[first][0]
    asked = set()  # the rules at a cut side's bottom (the frame's sides are cut too)
    for bottom in {bottom for _, bottom in cut if bottom > first_rule + _CORNER}:
        lo = bisect_left(horizontal, (bottom - _CORNER,))
        asked.update(range(lo, bisect_right(horizontal, (bottom + _CORNER, inf), lo)))
    short = set()
    for i in sorted(asked):
        h = horizontal[i]
        if _comes_down(h, cut, at_x) and not _ruled_under(h, i, horizontal) and _stands_off(h, vertical) \
                and _closed_below(h, i, horizontal):
            short.add(h)
    if not short:
        return horizontal
    return [h for h in horizontal if h not in short]


def _comes_down(h: Segment, cut: list[tuple[float, float]], at_x: list[float]) -> bool:
    """Whether sides of a cut cell's box come down to the rule ``h`` at both its ends
    (``cut``: those sides' x and bottom, sorted; ``at_x`` their x)."""
    y, left, right = h
    return all(any(abs(cut[k][1] - y) <= _CORNER for k in range(bisect_left(at_x, x - _SIDE),
                                                                   bisect_right(at_x, x + _SIDE)))
               for x in (left, right))


def _ruled_under(h: Segment, i: int, horizontal: list[Segment]) -> bool:
    """Whether a rule other than the box's own (its border's other edge) lies under ``h`` (at
    ``i``) within SNAP, across its column: the next cell's box top, or a frame."""
    y, left, right = h
    start = bisect_right(horizontal, (y, inf), i)
    for other in horizontal[start:bisect_right(horizontal, (y + SNAP, inf), start)]:
        if _across(other, left, right) and not (other[0] - y <= _CORNER and abs(other[1] - left) <= _CORNER
                                                and abs(other[2] - right) <= _CORNER):
            return True
    return False


def _stands_off(h: Segment, vertical: list[Segment]) -> bool:
    """Whether a neighbour's side stands a cell spacing off each end of the rule, near its height
    (separate borders: collapsed ones meet the rule's ends)."""
    y, left, right = h

    def near(sides: list[Segment]) -> bool:
        return any(top <= y + SNAP and bottom >= y - SNAP for _, top, bottom in sides)

    return near(vertical[bisect_left(vertical, (left - SNAP,)):bisect_left(vertical, (left - _SIDE,))]) and \
        near(vertical[bisect_right(vertical, (right + _SIDE, inf)):
                      bisect_right(vertical, (right + SNAP, inf))])


def _closed_below(h: Segment, i: int, horizontal: list[Segment]) -> bool:
    """Whether a rule further down crosses the rule's column (not a table the page's edge cut)."""
    y, left, right = h
    start = bisect_right(horizontal, (y + SNAP, inf), i)
    return any(_across(other, left, right) for other in horizontal[start:])


def _across(h: Segment, left: float, right: float) -> bool:
    return h[1] < right - _SIDE and h[2] > left + _SIDE
