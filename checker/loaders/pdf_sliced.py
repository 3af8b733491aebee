"""A ruled table a browser sliced at the page's edge, and the cells the slice left open.

Breaking a table over pages, a browser runs the frame's sides on to the page's edge and leaves
every cell the page cut open: no rule below it on the first page, none above its rest on the next.
A cell it finished is closed by its own rule, however full its last line (a browser sizes a
column to its widest text, so that cell's line is always full: the fit test Writer's prints need,
``pdf_broken_row.py``, took whole rows for broken ones here). So the drawing itself says which
text goes on: the band between the last row line and the page's edge is a row of its own (a cell
open above it reaches into it; a row the page cut is its cells), and on the next page a cell
with no rule above it finishes the open cell it stands under.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import attrs

from checker.loaders.grid import Grid
from checker.loaders.pdf_broken_row import Foot, Head
from checker.loaders.pdf_continued import SNAP


def sliced_rows(rows: list[float], cols: list[float], vertical) -> tuple[list[float], bool]:
    """A table's row lines with the page's edges where they slice it (a side runs on past the
    first or last row line), and whether the bottom edge does; ``vertical`` sorted."""
    near = [vertical[bisect_left(vertical, edge - SNAP, key=_x):bisect_right(vertical, edge + SNAP, key=_x)]
            for edge in (cols[0], cols[-1])]  # ``vertical`` is sorted by x
    sides = [(y0, y1) for segments in near for _, y0, y1 in segments if y0 < rows[-1] and y1 > rows[0]]
    start = min((y0 for y0, _ in sides), default=rows[0])
    end = max((y1 for _, y1 in sides), default=rows[-1])
    cut = end > rows[-1] + SNAP
    return [start] * (start < rows[0] - SNAP) + rows + [end] * cut, cut


def _x(segment) -> float:
    return segment[0]


def finished(before: Grid, foot: Foot, grid: Grid, head: Head, opened: frozenset[int]) -> tuple[Grid, Grid]:
    """(``before``, ``grid``) with the text of each cell of ``grid``'s first row that the page
    opened (``opened``: no rule above it) moved into the open cell of ``before``'s last row
    (``foot``, all open) it stands under."""
    into: dict[int, list[str]] = {}
    moved = set()
    for cell in head.cells:
        if cell.index not in opened:
            continue
        under = [f for f in foot.cells
                 if min(cell.right, f.right) - max(cell.left, f.left) > 0.5 * (cell.right - cell.left)]
        if len(under) == 1:
            into.setdefault(under[0].index, []).append(grid.cells[cell.index].text)
            moved.add(cell.index)
    if not moved:
        return before, grid
    before_cells = tuple(attrs.evolve(c, text="".join([c.text, *into[i]]).strip()) if i in into else c
                         for i, c in enumerate(before.cells))
    grid_cells = tuple(attrs.evolve(c, text="") if i in moved else c for i, c in enumerate(grid.cells))
    return attrs.evolve(before, cells=before_cells), attrs.evolve(grid, cells=grid_cells)

