"""A ruled PDF table row the page broke, joined back.

A producer that lets rows break (Writer by default, Chromium) prints the rest of a row's cells at
the top of the next page, in a row of its own between rules. Joining by where the cells' text
ends alone merged whole rows that ended at a page's foot (tried: 1 in 4 drawn documents with
rows kept whole), which loses an indicator silently. So the rest is joined only when all of
this holds:

- the row's fragment reaches the page's foot: its bottom rule lies within a line or two of where
  the body ends, taken as the page height less the next page's top (margins as wide above as
  below), and nothing but the table stands above the next page's part;
- every cell with text in the next page's first row lies under one cell of the fragment whose
  text runs to the fragment's bottom rule, and that cell's last line could not take the first
  word of that text: a writer moves a word on only when it does not fit (the room is measured
  to the cell's right rule less the padding its text keeps on the left; an ideograph counts one
  em wide even where the PDF drew it narrower: Writer lays a line out with the CJK font's full
  width and may still print an ideograph after a Latin run ("5.其他") as the Latin font's
  .notdef box, 6.6 pt wide at 11 pt). Where only some cells
  pass, the row on the next page is a row of its own, and only a merged cell (a label over
  several rows, "项目资" / "金") that passes is finished from it.

A whole row at a page's foot meets the first test only when the next row would not fit, and the
second only when each of its cells under the next row's text happens to end on a full line.
Nothing Writer prints tells the two apart (measured on 60 drawn documents, 23 rows it broke, 2
whole rows joined as broken and 63 whole rows left at a page's foot; and in 200 generated forms
printed with rows kept whole, a two-cell row joined without a notice): it draws the same bottom
rule and, on the next page, the same top rule; the text sits at the same offsets from both; a
broken row stops 0.1–12.9 pt above the body's end, the whole rows joined 12.1 and 13.4 pt above
it. What the value cells hold does, where the value column has text on both sides (``weigh``,
``value_halves.py``; the caller knows the table's header, which names that column): a value
complete above the break over a complete value below it, no value together ("2023年9月底前" /
"100%"), ends a whole row, and the join is refused; a value the page split ("≤259.2万" / "元")
reads as one (4 such joins in the 30 drawn documents whose rows may break, none refused).
Qualitative text says nothing: a join on two or more cells whose value reads so is named
(``Join.variant`` ".text", E113.text; 3 right joins in those 30). With one cell carrying on, a
whole row ends on a full line one time in three in a column three ideographs wide, and the next
row often has no value to weigh (both whole rows joined in the 60 documents: their next row's
value is blank). So a row joined on one cell alone is still joined (11 of the 23 broken rows are)
but named (``Join.doubtful``, E113): if it was a row of its own, an indicator was merged into the
one above, and the reader says where.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import attrs

from checker.loaders.grid import Grid
from checker.loaders.line_breaks import lead_length
from checker.loaders.value_halves import Reading, Weigh

_FIT = 0.25  # points: what the room a line left is measured short by (glyph boxes are loose)
_AT_FOOT = 1.8  # glyph heights between a cell's last line and the fragment's bottom rule
_BODY_SLACK = 2.5  # glyph heights a fragment's foot may stop short of the body's end


class Ink(NamedTuple):
    """One visible glyph of a ruled cell: vertical centre (downwards), left and right edge, height,
    and, for an ideograph drawn narrower than an em, its font size (0: not measured)."""

    y: float
    left: float
    right: float
    size: float
    ch: str
    em: float = 0.0


class FootCell(NamedTuple):
    """A cell of a page's last ruled table that reaches its last row."""

    index: int  # the cell's place in its grid's cells
    left: float  # its rules
    right: float
    room: float | None  # what its last line left before the right padding; None: no text
    at_foot: bool  # its last line sits on the fragment's bottom rule
    size: float


class HeadCell(NamedTuple):
    """A cell with text on the first row of a page's first ruled table."""

    index: int
    left: float
    right: float
    lead: float  # the width of the first word of its text


class Join(NamedTuple):
    """The two grids after a join was weighed, and where in ``grid.cells`` the cell is that a join
    rested on alone, or the first of the cells of one whose values read alike either way (None:
    no join, or a join not in doubt), with the E113 variant that says which."""

    before: Grid
    grid: Grid
    doubtful: int | None = None
    variant: str = ""  # "": one cell carried the row on; ".text": its value is qualitative text


class Foot(NamedTuple):
    bottom: float  # the table's bottom rule
    cells: list[FootCell]


class Head(NamedTuple):
    body_end: float  # where the page before's body ends: the page height less this table's top rule
    alone: bool  # nothing above the table on its page
    cells: list[HeadCell]


def _lines(ink: list[Ink]) -> list[list[Ink]]:
    out: list[list[Ink]] = []
    for glyph in sorted(ink):
        if out and abs(glyph.y - out[-1][0].y) <= glyph.size * 0.5:
            out[-1].append(glyph)
        else:
            out.append([glyph])
    return [sorted(line, key=lambda g: g.left) for line in out]


def is_ideograph(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _short(glyphs: list[Ink]) -> float:
    """What ``glyphs`` lack of the width the writer laid them out with: an ideograph takes one em
    (every CJK font draws it so), whatever box the PDF drew for it."""
    return sum(max(g.em - (g.right - g.left), 0.0) for g in glyphs if g.em and is_ideograph(g.ch))


def foot_cell(index: int, left: float, right: float, bottom: float, ink: list[Ink]) -> FootCell:
    lines = _lines([g for g in ink if g.ch.strip()])
    if not lines:
        return FootCell(index, left, right, None, False, 0.0)
    padding = max(min(g.left for line in lines for g in line[:1]) - left, 0.0)
    last = lines[-1]
    size = max(g.size for g in last)
    room = right - padding - max(g.right for g in last) - _short(last)
    return FootCell(index, left, right, room, bottom - last[0].y <= _AT_FOOT * size, size)


def head_cell(index: int, left: float, right: float, ink: list[Ink]) -> HeadCell | None:
    lines = _lines([g for g in ink if g.ch.strip()])
    if not lines:
        return None
    first = lines[0]
    n = lead_length(first)
    # Up to the next glyph's left edge where there is one: a glyph's advance, not its looser box.
    end = first[n].left if n < len(first) else first[n - 1].right
    return HeadCell(index, left, right, end - first[0].left + _short(first[:n]))


def _over(head: HeadCell, cells: list[FootCell]) -> FootCell | None:
    """The one fragment cell ``head`` lies under (most of its width)."""
    under = [c for c in cells if min(head.right, c.right) - max(head.left, c.left) > 0.5 * (head.right - head.left)]
    return under[0] if len(under) == 1 else None


def joined(before: Grid, foot: Foot, grid: Grid, head: Head, weigh: Weigh | None = None) -> Join:
    """(``before``, ``grid``) with ``grid``'s first row appended to ``before``'s last row when the
    page broke that row (see the module docstring); both unchanged otherwise, also where
    ``weigh`` says, by what the value cells hold, that they are two rows (``value_halves.py``)."""
    texted = [c for c in foot.cells if c.room is not None]
    if not head.alone or not head.cells or not texted:
        return Join(before, grid)
    size = max(c.size for c in texted)
    if foot.bottom < head.body_end - _BODY_SLACK * size:
        return Join(before, grid)
    moves: dict[int, int] = {}  # the next page's cell → the fragment's cell it finishes
    for cell in head.cells:
        above = _over(cell, foot.cells)
        if above is not None and above.room is not None and above.at_foot and above.room < cell.lead - _FIT:
            moves[cell.index] = above.index
    if len(moves) < len(head.cells):  # a row of its own, but for a merged label the page cut
        moves = {h: f for h, f in moves.items() if before.cells[f].rowspan > 1 or grid.cells[h].rowspan > 1}
    if not moves:
        return Join(before, grid)
    into: dict[int, list[str]] = {}
    for source, target in moves.items():
        into.setdefault(target, []).append(grid.cells[source].text)
    said = weigh({before.cells[f].col: before.cells[f].text for f in into},
                 {before.cells[f].col: _joined(texts) for f, texts in into.items()}) if weigh is not None else None
    if said is Reading.TWO_ROWS:
        return Join(before, grid)
    before_cells = tuple(
        attrs.evolve(c, text=_joined([c.text, *into[i]])) if i in into else c for i, c in enumerate(before.cells)
    )
    grid_cells = tuple(attrs.evolve(c, text="") if i in moves else c for i, c in enumerate(grid.cells))
    done = attrs.evolve(before, cells=before_cells), attrs.evolve(grid, cells=grid_cells)
    # The whole row moved on one cell's evidence: a whole row whose cell ended on a full line reads the same.
    if len(moves) == len(head.cells) == 1:
        return Join(*done, next(iter(moves)))
    # On several cells' evidence, but its values qualitative: a whole row of such reads the same.
    if said is Reading.UNSURE and len(moves) == len(head.cells):
        return Join(*done, min(moves, key=lambda h: grid.cells[h].col), ".text")
    return Join(*done)


def _joined(parts: list[str]) -> str:
    """Parts of one cell's text: the page break adds no character (as a wrap adds none)."""
    return "".join(parts).strip()
