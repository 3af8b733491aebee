"""A ruled PDF table continued on the next page keeps one set of column numbers.

Each page sees only the column lines of its own rows (a browser draws a border per cell), so the
part of a table on each page numbers its columns differently, and a row read under a label row of
the page before would shift: when both parts have the same outer edges, both are renumbered on
the union of their column lines — every part already read, on every page the table ran over, so
that a line the third page adds does not leave the first page's header numbered otherwise.

Alike frames are not enough: a part that opens with an indicator header, a 项目名称 row or a
form's title is a table of its own (the next form's project block, a self-evaluation's table
drawn as wide as the last one), and renumbering it with the table before set values a column
off their header.

A ruled row broken by the page is joined back first, on stronger evidence than where its cells'
text ends (``pdf_broken_row.py``).
"""

from __future__ import annotations

import attrs

from checker.loaders.columns import read_header
from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.recovery import opens_a_table

SNAP = 5.0  # points: lines closer than this are one line (a browser draws a cell border pair ~4 apart)


def goes_on(cols: list[float], new: list[float], part: Grid) -> bool:
    """Whether ``part``, the first ruled table on a page (column lines ``new``), goes on from the
    page before's last one (column lines ``cols``)."""
    return (same_frame(cols, new) or within_frame(cols, new)) and not opens_a_table(part)


def ends_on_a_header(grid: Grid) -> bool:
    """Whether a table part's last row finishes its indicator header. A page that breaks right
    under a header broke no row (a browser moves the first row whole): the text the next page
    opens with is its own cells', never the rest of a header cell (a merged 一级 label there was
    read into the header's 一级指标 cell, its rows left without one)."""
    last = grid.height - 1
    return any((header := read_header(grid, r)) is not None and r + header.rows - 1 == last
               for r in (last - 1, last) if r >= 0)


def same_frame(cols: list[float], new: list[float]) -> bool:
    return abs(cols[0] - new[0]) <= SNAP and abs(cols[-1] - new[-1]) <= SNAP


def within_frame(cols: list[float], new: list[float]) -> bool:
    """Whether a table part's column lines all stand on the page before's (the same left edge):
    the rest of one table of those columns, where the page before read a wider table stacked on
    it into the same grid (a browser sizes each HTML table to its content)."""
    return abs(cols[0] - new[0]) <= SNAP and all(any(abs(x - c) <= SNAP for c in cols) for x in new)


def aligned(before: list[Grid], cols: list[float], grid: Grid, new: list[float]
            ) -> tuple[list[Grid], Grid, list[float]]:
    """The parts of a continued table read so far (all numbered on ``cols``) and its part on the
    next page renumbered on the union of their column lines."""
    if cols == new:
        return before, grid, new
    union = cluster(cols + new)
    if len(union) > len(cols):  # the page adds a line: the parts before are numbered anew
        before = [_renumbered(b, cols, union) for b in before]
    return before, _renumbered(grid, new, union), union


def cluster(values: list[float]) -> list[float]:
    """Ruling-line positions, sorted, with those within SNAP of the one before taken as it: one
    place clusters lines, for a page's grid (pdf.py) and for a table continued over pages."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def _renumbered(grid: Grid, cols: list[float], union: list[float]) -> Grid:
    # Each column line's new number worked out once, not once per cell: per cell it cost 3.4% of
    # checking a 31-page Chromium PDF end to end, whose every page continues a table (callgrind:
    # 5,540 → 5,351 M instructions).
    at = [min(range(len(union)), key=lambda k: abs(union[k] - x)) for x in cols]
    path = grid.cells[0].location.path if grid.cells else ""
    cells = []
    for cell in grid.cells:
        c0, c1 = at[cell.col], at[cell.col + cell.colspan]
        cells.append(GridCell(cell.text, cell.row, c0, table_place(path, grid.name, cell.row, c0),
                              cell.rowspan, max(c1 - c0, 1)))
    ruled_off = frozenset(k for c in grid.ruled_off for k in range(at[c], max(at[c + 1], at[c] + 1)))
    return attrs.evolve(grid, cells=tuple(cells), ruled_off=ruled_off)
