"""Whether a page break that split a table's 指标值 column fell inside one row or between two,
by what the text on each side of it says.

A writer carries onto the next page only the text of a row that did not fit: a row the page
broke splits its value where a line wrapped ("≤259.2万" / "元", "6000份（本）/年" / "（次）",
"≥3500" / "0次/天"), so the part above the break is never a whole value followed by another
whole value. Where the part above is a complete quantitative value (what the grammar reads as a
bound with its unit, a percentage, a deadline or a date; a magnitude without its unit, "≤259.2万",
is not one), the part below is one too, and the two read together are no value, the break fell
between two rows: a whole row ended at the page's foot, and the next page's first row is a row
of its own. Geometry cannot tell the two apart (``pdf_broken_row.py``); this can. Where the two
read as one value together, the page split a value. Qualitative text on either side ("按时完成" /
"有效提升") says nothing: a phrase may go on anywhere, or end anywhere.

Which columns hold the value the table's indicator header says, found among the grids already
read (a table's header may stand pages above the break) by ``columns.read_header``, the reader
recovery uses: one place knows what a header looks like. The join is weighed where the loader
makes it, not undone later by recovery: undoing would need each join recorded in the grid and
its row split back out of merged labels and renumbered rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum

from checker.loaders.columns import read_header
from checker.loaders.grid import Grid, clean
from checker.loaders.recovery import begins_a_form
from grammar import DateValue, Quantity, Range, parse_value


class Reading(Enum):
    """What a value column's text on both sides of a page break says of the break."""

    TWO_ROWS = "two rows"  # two complete values, no value together
    ONE_VALUE = "one value"  # a value the page split: one together
    UNSURE = "unsure"  # qualitative text: a phrase's rest and a new row's phrase read alike


# Texts by their cell's first column: the row above a break, and what the next page's first row
# holds under (or would carry on into) those cells → what the value column says, None where it
# holds no text on one side.
Weigh = Callable[[Mapping[int, str], Mapping[int, str]], "Reading | None"]


def is_complete(text: str) -> bool:
    """Whether ``text`` is a whole quantitative value: a quantity or range with a unit of its own,
    or a date value (a deadline, a date, a period, a frequency)."""
    value = parse_value(text)
    if isinstance(value, (Quantity, Range)):
        return value.unit is not None and bool(value.unit.base)
    return isinstance(value, DateValue)


_GOES_ON = tuple("，；、：,;:")  # a list of values goes on after one (the grammar drops it at a value's end)


def two_values(above: str, below: str) -> bool:
    """Whether ``above`` and ``below``, a value cell's text on either side of a page break, are
    two rows' values: each complete, and no value when read as one text."""
    return not above.rstrip().endswith(_GOES_ON) and is_complete(above) and is_complete(below) \
        and parse_value(above + below).kind == "text"


def value_spans(grids: Sequence[Grid]) -> list[range]:
    """The 指标值 column spans the last indicator header among ``grids`` (oldest first) names;
    none where the last table to begin (a 项目名称 row, a form's title) has none yet: a form's
    project block is not under the form before's header."""
    for grid in reversed(grids):
        for r in range(grid.height - 1, -1, -1):
            header = read_header(grid, r)
            if header is not None:
                return [group.value for group in header.groups if group.value is not None]
            if begins_a_form([text for cell in grid.row(r) if (text := clean(cell.text))]):
                return []
    return []


def reading(above: str, below: str) -> Reading | None:
    """What a value cell's text ``above`` and ``below`` a page break says; None if one is blank."""
    if not above.strip() or not below.strip():
        return None
    if two_values(above, below):
        return Reading.TWO_ROWS
    return Reading.ONE_VALUE if parse_value(above + below).kind != "text" else Reading.UNSURE


def weigh_under(grids: Callable[[], Sequence[Grid]]) -> Weigh:
    """What the value columns say of a join, for a table under the header among what ``grids``
    gives (asked only when a join is weighed: a header is looked for only then). Two rows where
    any value column says so; else unsure where any is unsure."""

    def weigh(above: Mapping[int, str], below: Mapping[int, str]) -> Reading | None:
        found = {reading(_in(above, span), _in(below, span)) for span in value_spans(grids())}
        return next((r for r in (Reading.TWO_ROWS, Reading.UNSURE, Reading.ONE_VALUE) if r in found), None)

    return weigh


def _in(texts: Mapping[int, str], span: range) -> str:
    """The texts of cells starting in ``span``, left to right (a value printed over several)."""
    return "".join(texts[col] for col in sorted(texts) if col in span)
