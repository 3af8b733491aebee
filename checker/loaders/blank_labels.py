"""Blank label slots of a table without rules, read as the label above going on, that may be a
label printed after a repeated header instead: named, never guessed silently.

A table without rules shows a merged 一级/二级 label only by its text, on the first of its rows
(``pdf_text_table.py``: a LibreOffice Writer print of a DOCX without borders, whose cells are
top-aligned when the DOCX gives no vertical alignment). A blank slot under it is read as the
label going on. Where a producer splits a
table into parts with a repeated header and prints a label the split cuts after it, the rows
above the header hold a blank cell of their own instead, and print the same glyphs: the rows
above the header read as the label above whichever they were. Measured on 60 drawn Writer
documents (tests/loaders/pagebreak_rate.py, 30 with rows that may break and 30 kept whole): 10
such parts in each 30, the label above right in 9 and wrong in 1, and nothing on the page tells
them apart. So where the part above ends in such slots and the next part's first row prints a
different label, the reading stands and is named
(E114, at the part's last row), unless the 一级 label in force was printed in the part above and
goes on in the next (printed again, or left blank under the header): a label the split cut and
printed after it would have cut its 一级 too, left blank above.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from checker.loaders import issues as ids
from checker.loaders.grid import Grid, table_place
from grammar.folding import squash
from policy.forms.model import LoadIssue


class _Part(NamedTuple):
    """What a table part showed where its repeated header ended it."""

    tails: dict[int, str]  # label column → the label read over its last row's guessed slot
    printed: frozenset[int]  # label columns that printed a label in the part
    labels: dict[int, str | None]  # label column → the label in force on its last row
    last: tuple[Grid, int]  # its last data row


class BlankLabels:
    """Fed the label columns of each data row of one form's indicator table: which printed a
    label, which went on over a slot of a grid whose spans its reader guessed."""

    def __init__(self) -> None:
        self._tails: dict[int, str] = {}
        self._printed: set[int] = set()  # since the part's header
        self._last: tuple[Grid, int] | None = None
        self._part: _Part | None = None  # the part a repeated header just ended

    def start_row(self, grid: Grid, r: int) -> None:
        self._last = (grid, r)

    def printed(self, col: int) -> None:
        self._tails.pop(col, None)
        self._printed.add(col)

    def went_on(self, grid: Grid, col: int, label: object) -> None:
        """The label above went on over row's slot in ``col``: a guess where the grid's spans are."""
        if grid.spans_guessed and isinstance(label, str):
            self._tails[col] = label
        else:
            self._tails.pop(col, None)

    def forget(self, col: int) -> None:
        """The slot waits for a label printed further on (a blank block): no label went on."""
        self._tails.pop(col, None)

    def header(self, labels: dict[int, str | None], moved: Callable[[int], int]) -> None:
        """A header repeated where the table goes on; ``labels``: those in force above it;
        ``moved``: the column under the new header of a label column under the old one."""
        if self._last is not None:
            self._part = _Part({moved(c): label for c, label in self._tails.items()},
                               frozenset(map(moved, self._printed)),
                               {moved(c): label for c, label in labels.items()}, self._last)
        self._tails, self._printed = {}, set()

    @property
    def after_header(self) -> bool:
        """Whether a repeated header ended a part and the next part's first row is still to come."""
        return self._part is not None

    def first_row(self, labels: dict[int, str | None], level1: int | None) -> LoadIssue | None:
        """On the next part's first data row, whose ``labels`` are read (``level1``: the 一级
        column): the notice for the rows above the header, if their label is in doubt."""
        part, self._part = self._part, None
        if part is None:
            return None
        if level1 is not None and level1 in part.printed and _same(part.labels.get(level1), labels.get(level1)):
            return None  # a label the split cut would have cut its 一级 too, left blank above
        differ = [col for col in sorted(part.tails) if col in labels and not _same(part.tails[col], labels[col])]
        if not differ:
            return None
        grid, r = part.last
        where = table_place(grid.cells[0].location.path, grid.name, r, differ[0])
        return ids.cell_warning(ids.BLANK_LABEL_BEFORE_HEADER, where,
                                above=_listed(part.tails[c] for c in differ), after=_listed(labels[c] for c in differ))


def _same(a: str | None, b: str | None) -> bool:
    return squash(a or "") == squash(b or "")


def _listed(labels) -> str:
    """Labels in column order, each once ("效益指标 / 生态效益" for the 一级 and two 二级 columns);
    a column with none in force adds nothing (not "效益指标 / ")."""
    return " / ".join(dict.fromkeys(label for label in labels if label))
