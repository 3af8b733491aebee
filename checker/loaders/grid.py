"""The grid model: what every document adapter (HTML, DOCX, form-layout XLSX, PDF) hands to form
recovery.

A ``Grid`` is one table of a document (or one run of prose lines between tables) as cells with
their text, their row and column spans, and their place in the source. Only a merged region's
origin cell is stored; ``covering`` answers which origin covers a slot, so a 一级 label merged
over six rows is one cell that the six rows share. Places are ``Location``s a user can find:
``Sheet1!C14`` in a workbook, ``table 2`` / ``R5C3`` in DOCX and HTML, ``page 3 table 1`` /
``R5C3`` in a PDF (the sheet field names the container, the cell field the row and column).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from policy.forms.model import Location

# Characters that are invisible in every viewer and break a label match ("项目\u200b名称").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

TABLE = "table"
PROSE = "prose"  # paragraphs between tables: one cell a row (titles, 单位：万元 lines)
TEXT = "text"  # the extracted-text layout: cells drift between columns, rows are read by meaning


@attrs.frozen
class GridCell:
    """One origin cell: 0-based row and column in its grid, its spans and its source place."""

    text: str
    row: int
    col: int
    location: Location
    rowspan: int = 1
    colspan: int = 1

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@attrs.frozen
class Grid:
    """One table (or prose run) of a document, its cells in reading order.

    ``name`` is how reports name the grid ("table 2", "page 3 table 1", "Sheet1"); ``page`` is the
    1-based page for paged sources (a table continued on the next page is a new grid there);
    ``kind`` is TABLE or PROSE."""

    name: str
    cells: tuple[GridCell, ...]
    kind: str = TABLE
    page: int | None = None
    continues: bool = False  # a paged table its reader found going on from the page before
    # Columns whose first-row cell its reader saw ruled off from the page before, where the
    # producer leaves a cell the page splits open: none goes on from the part above.
    ruled_off: frozenset[int] = frozenset()
    # Merged cells its reader inferred from blank slots under printed text (a table without
    # rules): a blank label slot may be the label above going on or a blank cell of its own.
    spans_guessed: bool = False
    _slots: dict[tuple[int, int], GridCell] = attrs.field(init=False, eq=False, repr=False)
    _rows: tuple[tuple[GridCell, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    width: int = attrs.field(init=False, eq=False)  # columns: one past the last cell's last column

    def __attrs_post_init__(self) -> None:
        slots: dict[tuple[int, int], GridCell] = {}
        by_row: dict[int, list[GridCell]] = {}
        for cell in self.cells:
            by_row.setdefault(cell.row, []).append(cell)
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    slots.setdefault((r, c), cell)
        height = max((c.last_row for c in self.cells), default=-1) + 1
        rows = tuple(tuple(sorted(by_row.get(r, ()), key=lambda c: c.col)) for r in range(height))
        object.__setattr__(self, "_slots", slots)
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "width", max((c.last_col for c in self.cells), default=-1) + 1)

    @property
    def height(self) -> int:
        return len(self._rows)

    def row(self, index: int) -> tuple[GridCell, ...]:
        """The origin cells that start on row ``index``, left to right."""
        return self._rows[index]

    def covering(self, row: int, col: int) -> GridCell | None:
        """The origin cell whose merged region covers (row, col), if any."""
        return self._slots.get((row, col))


def clean(text: str) -> str:
    """A cell's text without invisible characters, stripped (NBSP and U+3000 are blanks)."""
    return text.translate(_INVISIBLE).strip()


def cell_name(row: int, col: int) -> str:
    """R1C1 notation, 1-based: the row and column of a cell in a table without a grid of letters."""
    return f"R{row + 1}C{col + 1}"


def column_letters(index: int) -> str:
    """0 → A, 26 → AA."""
    index += 1
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def table_place(path: str, container: str, row: int, col: int) -> Location:
    """A cell of a DOCX/HTML/PDF table: ``container`` names the table (and page), the cell R1C1."""
    return Location(path, sheet=container, cell=cell_name(row, col))


def sheet_place(path: str, sheet: str, row: int, col: int) -> Location:
    """A workbook cell, ``Sheet1!C14``; the line is the sheet row, as the flat XLSX reader gives."""
    return Location(path, row + 1, sheet=sheet, cell=f"{column_letters(col)}{row + 1}")


def grid_from_rows(
    name: str,
    rows: Iterable[Sequence[str]],
    place,
    kind: str = TABLE,
    page: int | None = None,
) -> Grid:
    """A grid without merged cells from rows of texts (``place(row, col)`` gives each Location);
    empty texts are left out. Prose runs and tests build grids this way."""
    cells = [
        GridCell(text, r, c, place(r, c))
        for r, texts in enumerate(rows)
        for c, text in enumerate(texts)
        if text
    ]
    return Grid(name, tuple(cells), kind, page)
