"""A ruled PDF table continued on the next page: one set of column numbers, and a row the page
broke joined back.

Each page sees only the column lines of its own rows (a browser draws a border per cell), so the
part of a table on each page numbers its columns differently, and a row read under a label row of
the page before would shift: when both parts have the same outer edges, both are renumbered on
the union of their column lines.

A row broken by the page (Writer lets rows break by default) leaves the rest of some cells at the
top of the next page, in a row of its own. It is joined back when every cell with text in that
first row lies under a cell of the previous page's last row whose text went on to the fragment's
foot and either wrapped there already or filled its width; a new row starts otherwise. A merged
label cut by the page ("生态效" / "益") is joined the same way and its cell on the new page left
blank, so the label goes on over the rows below.
"""

from __future__ import annotations

from typing import NamedTuple

from checker.loaders.grid import Grid, GridCell, table_place

_SNAP = 5.0  # points: the same line (as pdf.py clusters rules)
_AT_FOOT = 1.8  # glyph heights between a cell's last line and the fragment's bottom rule
_FULL = 2.5  # glyph heights between a cell's last glyph and its right rule


class Tail(NamedTuple):
    """A cell of a page's last table that reaches its last row."""

    row: int
    col: int
    left: float
    right: float
    goes_on: bool  # text to the fragment's foot, filling the width: the page may have cut it


def same_frame(cols: list[float], new: list[float]) -> bool:
    return abs(cols[0] - new[0]) <= _SNAP and abs(cols[-1] - new[-1]) <= _SNAP


def tails(table, chars_of: list[list[tuple[float, float, float, str]]]) -> list[Tail]:
    """The cells of ``table`` (pdf.py's ``_Table``) on its last row, with whether each may go on;
    ``chars_of[region]``: the (y, x centre, size, character) placed in each region."""
    out = []
    last = table.n - 1
    bottom = table.rows[-1]
    for index, (r, c, rowspan, colspan) in enumerate(table.regions):
        if r + rowspan - 1 != last:
            continue
        left, right = table.cols[c], table.cols[c + colspan]
        chars = [item for item in chars_of[index] if item[3].strip()]
        goes_on = False
        if chars:
            y = max(item[0] for item in chars)
            size = max(item[2] for item in chars)
            line = [item for item in chars if abs(item[0] - y) <= size * 0.5]
            end = max(x + size / 2 for _, x, _, _ in line)
            wrapped = any(abs(item[0] - y) > size * 0.5 for item in chars)  # a line-break rule may leave it short
            goes_on = bottom - y <= _AT_FOOT * size and (wrapped or right - end <= _FULL * size)
        out.append(Tail(r, c, left, right, goes_on))
    return out


def join_broken_row(before: Grid, grid: Grid, cols: list[float], tail: list[Tail]) -> tuple[Grid, Grid]:
    """(``before``, ``grid``) with ``grid``'s first row appended to ``before``'s last row when the
    page broke that row (see the module docstring); both unchanged otherwise."""
    if not tail or not grid.height:
        return before, grid
    moved: list[tuple[GridCell, Tail]] = []
    for cell in grid.row(0):
        if not cell.text.strip():
            continue
        left, right = cols[cell.col], cols[cell.col + cell.colspan]
        above = [t for t in tail if min(right, t.right) - max(left, t.left) > _SNAP]
        if len(above) != 1 or not above[0].goes_on:
            return before, grid
        moved.append((cell, above[0]))
    if not moved:
        return before, grid
    into = {(t.row, t.col): cell.text for cell, t in moved}
    before_cells = tuple(
        _with_text(c, _joined(c.text, into[(c.row, c.col)])) if (c.row, c.col) in into else c for c in before.cells
    )
    emptied = {id(cell) for cell, _ in moved}
    grid_cells = tuple(_with_text(c, "") if id(c) in emptied else c for c in grid.cells)
    return Grid(before.name, before_cells, before.kind, before.page), Grid(grid.name, grid_cells, grid.kind, grid.page)


def aligned(before: Grid, cols: list[float], grid: Grid, new: list[float]) -> tuple[Grid, Grid, list[float]]:
    """Both parts of a continued table renumbered on the union of their column lines."""
    if cols == new:
        return before, grid, new
    union = _cluster(cols + new)
    return _renumbered(before, cols, union), _renumbered(grid, new, union), union


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def _renumbered(grid: Grid, cols: list[float], union: list[float]) -> Grid:
    def at(i: int) -> int:
        return min(range(len(union)), key=lambda k: abs(union[k] - cols[i]))

    path = grid.cells[0].location.path if grid.cells else ""
    cells = []
    for cell in grid.cells:
        c0, c1 = at(cell.col), at(cell.col + cell.colspan)
        cells.append(GridCell(cell.text, cell.row, c0, table_place(path, grid.name, cell.row, c0),
                              cell.rowspan, max(c1 - c0, 1)))
    return Grid(grid.name, tuple(cells), grid.kind, grid.page)


def _with_text(cell: GridCell, text: str) -> GridCell:
    return GridCell(text, cell.row, cell.col, cell.location, cell.rowspan, cell.colspan)


def _joined(a: str, b: str) -> str:
    """Two parts of one cell's text: the page break adds no character."""
    return " ".join((a + b).split(" ")).strip()
