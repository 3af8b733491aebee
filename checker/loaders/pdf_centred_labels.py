"""Merged labels a Word document centres vertically, in a table without rules printed by a word
processor: the rows each covers, from where it stands.

LibreOffice Writer prints a cell at the top of its row unless the document centres it
(``w:vAlign`` center, as many a department's Word file sets its merged 一级/二级 label cells).
A centred merged label stands in the middle of the rows it covers: beside a wrapped name's later
line, or between two rows' lines. Read as text that starts a row (``pdf_text_table.py``), it
splits a row and leaves the rows above its middle under the label above. Measured on 60 drawn
documents Writer printed so (``tests/loaders/pagebreak_rate.py --borderless --centred-labels``,
with and without ``--whole-rows``):

- a label's lines centre on the middle of its rows: between its first row's first line and its
  last row's last line (the cells' spacing above and below cancels);
- a label taller than its rows starts on its first row's line, and the rows under it start
  below its last line (Writer grows the rows to hold it);
- a label the page splits is printed on the earlier page, centred on its rows there; the later
  page's rows under it print nothing in its column;
- a column's labels cover its rows one after another between two texts of other cells in that
  column (a repeated header): only the first may start below the first row (the rows above it
  go on from the label above: a page's top, or a label printed on the other side of a table
  split), and only the last end above the last row.

So a column's labels are placed together (``first_rows``): from each row the first may start
at, each next label starts right under the one before and ends where its middle falls; the
placing that fits every label with the fewest rows left over is taken. Where another placing fits
too (rows of equal heights either side of a label centre it on several spans; a label a page
splits inside a row is printed at its top, where a longer span's middle may fall), the label is
named.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Span(NamedTuple):
    """Where a text stands: the vertical centre of its first line and of its last."""

    first: float
    last: float

    @property
    def middle(self) -> float:
        return (self.first + self.last) / 2


class Slack(NamedTuple):
    """How far a label's middle may stand from its rows' (a digit's line stands 1.1 pt under an
    ideograph's at 11 pt, moving a middle by half of that at either end; in 60 documents a middle
    that was not the label's stood 1.8 pt off and more), and its first line from a row's first."""

    middle: float
    line: float


class Placing(NamedTuple):
    """A column segment's labels placed: each one's first row, and those of the other placings
    that fit them all (with more rows left over): the page cannot tell them from the one taken."""

    rows: list[int]
    others: list[list[int]]


def first_rows(labels: Sequence[Span], rows: Sequence[Span], slack: Slack, foot: bool = False) -> Placing | None:
    """The first row of each of ``labels`` (one column's, top to bottom, between two other texts
    of its column) over ``rows`` (each from its first line to its last, without those labels),
    or None where no placing fits them all. ``slack``: how far a label's middle may stand from
    its rows' middle, and its first line from a row's; ``foot``: the rows end at the page's foot, where a page may split the last
    label's cell."""
    found: dict[tuple[int, ...], int] = {}  # first rows → rows left over
    for start in range(len(rows)):
        placed = _chain(labels, rows, start, slack, foot)
        if placed is not None:
            firsts = tuple(first for first, _ in placed)
            found.setdefault(firsts, start + len(rows) - 1 - placed[-1][1])
    if not found:
        return None
    best = min(found, key=lambda firsts: (found[firsts], firsts))
    return Placing(list(best), [list(firsts) for firsts in found if firsts != best])


def _chain(labels: Sequence[Span], rows: Sequence[Span], start: int, slack: Slack,
           foot: bool = False) -> list[tuple[int, int]] | None:
    """(first, last) rows of each label, the first starting at ``start`` and each next right
    under the one before, or None where one fits no rows there. At the page's ``foot``, the last
    label may also start on its first row's line and cover every row left (a cell a page splits
    inside a row: Writer prints it at its top)."""
    out = []
    first = start
    for i, label in enumerate(labels):
        last = _last_row(label, rows, first, slack) if first < len(rows) else None
        if last is None and foot and i == len(labels) - 1 and first < len(rows) \
                and abs(label.first - rows[first].first) <= slack.line:
            last = len(rows) - 1
        if last is None:
            return None
        out.append((first, last))
        first = last + 1
    return out


def _last_row(label: Span, rows: Sequence[Span], first: int, slack: Slack) -> int | None:
    """The last row a label starting at row ``first`` covers: the one that centres it, or, for a
    label on ``first``'s first line, the last row starting above its last line (a label taller
    than its rows, which Writer grows to hold it); None when neither fits."""
    for last in range(first, len(rows)):
        middle = (rows[first].first + rows[last].last) / 2
        if abs(middle - label.middle) <= slack.middle:
            return last
        if middle > label.middle + slack.middle:
            break
    if abs(label.first - rows[first].first) > slack.line:
        return None
    last = first
    while last + 1 < len(rows) and rows[last + 1].first <= label.last + slack.line:
        last += 1
    return last if rows[last].last <= label.last + slack.line else None
