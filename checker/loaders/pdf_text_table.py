"""A table without ruling lines, recovered from where its text sits on a PDF page.

A table printed without borders (a DOCX whose tables have no rules, printed by LibreOffice
Writer; a web page without ``border``) leaves only glyphs. Their positions still hold the
table: text in a cell starts at the cell's left edge, so the left edges of glyph runs line up
in columns; a row's cells start on one baseline; a cell's wrapped text goes on one line pitch
further down, in the same column, and only after a line that filled the column.

- glyphs → lines by their vertical centre, lines → runs wherever the gap between two glyphs is
  wider than a space;
- columns: left edges of runs that line up on at least two lines (a centred title does not make
  a column; a run that starts inside a column belongs to it);
- rows: a line continues the row above only when each of its runs sits one line pitch below a
  run of the same column of that row (a wrapped cell); anything else starts a row. Where rows
  are spaced wider than the pitch (paragraph spacing, cell padding) that is enough; where they
  are not, the run above must also have ended where the column's widest line ends (a wrap, not
  a new row).

A row broken by a page break: the next page's first lines continue the previous page's last row
when each of their runs falls in a column where that row's last line could not take the run's
first word (an opening bracket goes with the glyph after it; a cell is at least as wide as the
run, so a line wider than the room left above starts a row), and not under every cell of that
row (then it is a new row: a page rarely cuts them all, and a row of one cell broken by the page
reads as two rows); their text is handed back (``carried``) to be appended to the previous
page's cells. Lines of one cell at the top of a page under an inner column of the page before
are rows of the table, not prose; a page number centred below the table (at no column's edge) is
prose.

Merged cells leave no trace but their text at the top of their rows: a cell covers the rows below
it that have nothing in its column or left of it (a 一级 label printed once; Writer prints it on
the first line of its first row, unless the document centres it vertically: then it stands in
the middle of its rows, and a label standing off every cell's first line marks a column whose
labels are placed by their middles, ``pdf_centred_labels.py``). So a merged label whose text a producer printed on the later
page of a break cannot be told from a new label there: without rules, it is read as the later
page's, and the blank slots above it as the label above going on (the grid says its spans are
guessed: ``blank_labels.py`` names them above a repeated header). A merged label's text runs on
over the rows it covers, even past the page's last row when rows are kept whole ("产出指" / "标" beside the next
page's new row): a run that finishes a 一级 or 二级 label's word goes back to it, there and
beside a new row's first line on the same page. A row of two or more cells alone at a page's
foot (a form's 项目名称 row, its table going on on the next page) is a table, not prose.

A page where a line sits between two others closer than two em (a browser centres each cell in
its row; never a Writer print, whose centred labels do so too) is read by
``pdf_centred_table.py`` instead: runs split at gaps as narrow as the browser's cell spacing,
rows from cells' centres; of its rows, only a merged label's word the page cut goes on on the
next page (its rest on that page's first line).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from checker.loaders.grid import PROSE, Grid, GridCell, table_place
from checker.loaders.line_breaks import breaks_nowhere, lead_length
from checker.loaders.pdf_broken_row import is_ideograph
from checker.loaders.pdf_centred_labels import Slack, Span, first_rows
from checker.loaders.pdf_centred_table import TICKS, Cell, Seam, centred_cells, is_centred, rejoined, split_overruns
from checker.loaders.recovery import is_page_number
from checker.loaders.value_halves import Reading, Weigh
from policy.forms.hierarchy import canonical_level1, canonical_level2
from policy.forms.model import Location


class Glyph(NamedTuple):
    """One character: vertical centre (downwards), left and right edge, height, text."""

    y: float
    left: float
    right: float
    size: float
    ch: str


class _Run(NamedTuple):
    left: float
    right: float
    text: str
    lead: float  # the width of its first glyph
    y: float = 0.0  # the vertical centre of its glyphs (a line's runs stand apart by up to half its height)
    seams: tuple[Seam, ...] = ()  # where two of its glyphs stand apart though too close to part cells


def _wraps(run: _Run, room: float | None) -> bool:
    """Whether ``run`` can be the wrapped rest of a line that left ``room``: its first glyph did
    not fit there (a writer wraps only then)."""
    return room is not None and run.lead > room - _FIT


class _Line(NamedTuple):
    y: float
    size: float
    runs: list[_Run]


_RUN_GAP = 0.7  # in glyph heights: a wider gap between two glyphs separates two cells
# In glyph heights, in a word processor's print: a line's glyphs stand this close one under the
# next at most (a digit's box 1.1 pt under an ideograph's, at 11 pt); a label centred in its rows
# stands anywhere off another cell's line (5.0 pt under one, measured).
_TIGHT = 0.25
# In glyph heights, on a page whose cells are centred in their rows (a browser's print): a wider
# gap between two glyphs' advances may separate two cells (pdf_centred_table.py). Measured on 30
# drawn forms Chromium printed without borders: one word's advances stand at most 0.09 em apart
# (a radical look-alike boxed by its ink), cells 0.25 em and more.
_CELL_GAP = 0.17
# In glyph heights: a gap between two glyphs' advances wider than this, though narrower than
# _CELL_GAP, is a seam: the text before it may have run on over its cell's edge, up to the next
# cell's text. Measured on 60 drawn documents Chromium printed without borders: such text stands
# 0.92–1.5 pt (0.08–0.13 em) before the next cell's; one word's glyphs 0.00 em apart, but some
# ideographs boxed by their ink 0.40–0.44 pt (0.03–0.04 em) and radical look-alikes up to 0.09 em.
_SEAM = 0.05
_COLUMN_SNAP = 0.6  # in glyph heights: left edges this close start the same column
_ALIGNED = 1.0  # points: the same, where runs start at their glyphs' advances (a browser's print)
# In glyph heights: a line's column is its table's last when no run this close above or below it
# starts right of it (a browser prints each HTML table sized apart, so a page's column starts mix
# those of its tables; the project block's are far from the indicator table's rows)
_NEAR = 3.0
_FIT = 1.0  # points: a glyph surely fitted in the room a line left when narrower by this much
_PITCH_SLACK = 0.25  # of a line pitch
# In glyph heights: a centred label's middle this close to its rows' middle is centred on them
_LABEL_SLACK = 0.12
# In glyph heights: a label's first line this close to another cell's first starts on its row (a
# digit's box stands 1.1 pt under an ideograph's at 11 pt; a cell's wrap read as a new cell, "（本" /
# "）/年", 2.4 pt under a centred label measured)
_START_SLACK = 0.15
_ROW_LINES = 4  # lines of a row alone at a page's foot read as a table (a 项目名称 row wraps to two or three)
_FOOT_SLACK = 2.0  # line pitches a row the page broke may stop short of the body's end (widow control moves lines)


class PageTable(NamedTuple):
    """What the next page needs of this page's borderless table: its column starts, its line
    pitch and, per column of its last row, the room its last line left (to the column's widest
    line's end): text goes on there only when its first glyph would not have fitted."""

    columns: list[float]
    pitch: float
    open_row: dict[int, float]
    open_right: dict[int, float] = {}  # per column of its last row, where that row's last line ends
    foot: float | None = None  # the bottom edge of its last line
    centred: bool = False  # cells centred in their rows (pdf_centred_table.py): no row goes on
    texts: dict[int, str] = {}  # per column, the text of its last cell on the page
    # Cells a run was split into where its text ran up to a column's start with no cell gap
    # (pdf_centred_table.split_overruns): the place of the cell before, its text and the next's.
    overruns: tuple[tuple[Location, str, str], ...] = ()
    # Columns whose merged labels the document centres vertically (pdf_centred_labels.py): their
    # labels on the next page are placed so too, also where none stands off its rows' lines.
    centred_labels: frozenset[int] = frozenset()
    # Centred labels another run of rows centres as well: the place of the cell read, its text,
    # and the row (R5) the other run starts at.
    doubted_labels: tuple[tuple[Location, str, str], ...] = ()
    # A cell of the page's last row that a browser broke across the page (its place and text):
    # its rest on the next page reads as rows of their own (pdf_centred_table._broken_at_foot).
    broken: tuple[tuple[Location, str], ...] = ()


def text_grids(glyphs: list[Glyph], path: str, number: int, before: PageTable | None = None,
               height: float | None = None, weigh: Weigh | None = None, top_aligned: bool = False
               ) -> tuple[list[Grid], PageTable | None, dict[int, str]]:
    """(grids, this page's table for the next page, text carried back into the previous page's
    last row by column) of a page without ruling lines: the lines above the first line of two or
    more cells as prose, the rest as one table. ``before``: the previous page's table; its
    column starts are kept when this page's columns agree with them (a table continued on the
    next page keeps its column numbers); ``weigh``: what the value cells say of text carried back
    (``value_halves.py``): where it would join two rows, it is a row of its own; ``top_aligned``:
    the producer prints each cell at its row's top unless the document centres it (LibreOffice
    Writer), so a line between two others is a centred cell's, never a browser's centred table."""
    lines = _lines(glyphs, tight=top_aligned)
    centred = not top_aligned and (is_centred(lines, _median([line.size for line in lines]))
                                   or before is not None and before.centred)
    if centred:  # cells may stand closer than a space is wide
        lines = rejoined(_lines(glyphs, cells_apart=True))
    carried: dict[int, list[str]] = {}
    if before is not None and lines and not centred:
        carried, rest = _carry(lines, before, height)
        if carried and weigh is not None and weigh({c: before.texts.get(c, "") for c in before.open_row},
                                                   {c: _joined(parts) for c, parts in carried.items()}) \
                is Reading.TWO_ROWS:
            carried, rest = _label_rests(lines, before)
        lines = rest
    elif before is not None and lines and before.centred:
        carried, lines = _label_rests(lines, before)
    if before is not None and not centred and lines:
        lines = _centred_rests(lines, before, carried)
    joined = {col: _joined(parts) for col, parts in carried.items()}
    first = next((i for i, line in enumerate(lines) if len(line.runs) >= 2), None)
    # Rows of one cell under inner columns of the page before: its table goes on (a page may
    # hold nothing else, but its number in the margin below them), also when a title follows them
    # and the page before's last row went on at the top of this one (its cells go on under a new
    # row's).
    above = lines[:first]
    if first is None and len(above) >= 2 and len(above[-1].runs) == 1 and is_page_number(above[-1].runs[0].text):
        above = above[:-1]
    goes_on = before is not None and bool(lines) and (
        all(_inside(line, before) for line in above) or bool(carried) and _inside(lines[0], before))
    if not goes_on and (first is None or sum(len(line.runs) >= 2 for line in lines) < 2) \
            and not (first is not None and _row_at_foot(lines[first:])):
        return ([_prose(lines, path, number)] if lines else []), None, joined
    if goes_on:
        first = 0
    grids = [_prose(lines[:first], path, number)] if first else []
    body = lines[first:]
    size = _median([line.size for line in body])
    foot = body[-1:] if _page_number_below(body, size) else []
    body = body[: len(body) - len(foot)]
    snap = _ALIGNED if centred else _COLUMN_SNAP * size
    starts = _column_starts(body, size, snap)
    if before and all(any(abs(s - c) <= _COLUMN_SNAP * size for c in before.columns) for s in starts):
        starts = before.columns
    if centred:
        body, overruns = split_overruns(body, starts)
        grid, table = _centred_table(body, starts, size, path, number, overruns)
    else:
        grid, table = _table(body, starts, size, path, number, before.centred_labels if before else frozenset())
    grids.append(grid)
    if foot:
        grids.append(_prose(foot, path, number))
    return grids, table, joined


def _row_at_foot(lines: list[_Line]) -> bool:
    """Whether ``lines``, the page's last, are one row of two or more cells whose text wraps:
    the first of them holds the cells, and each of the few lines after it stands less than two
    glyph heights under the one before, its runs where those cells start (a 项目名称 row alone
    at a page's foot, its table going on on the next page)."""
    head = lines[0]
    if len(head.runs) < 2 or not 2 <= len(lines) <= _ROW_LINES:
        return False
    starts = [run.left for run in head.runs]
    return all(line.y - above.y < 2 * head.size
               and all(any(abs(run.left - x) <= _COLUMN_SNAP * line.size for x in starts) for run in line.runs)
               for above, line in zip(lines, lines[1:]))


def _page_number_below(body: list[_Line], size: float) -> bool:
    """Whether the page's last line is its number printed in the margin, outside the table: a
    lone page-number-shaped run ("3", "- 3 -") that starts at none of the columns the lines
    above it share (a cell's text starts at its column's edge; a centred footer does not)."""
    if len(body) < 3 or len(body[-1].runs) != 1 or not is_page_number(body[-1].runs[0].text):
        return False
    left = body[-1].runs[0].left
    return not any(abs(left - start) <= _COLUMN_SNAP * size for start in _column_starts(body[:-1], size))


def _inside(line: _Line, before: PageTable) -> bool:
    """Whether every run of ``line`` starts at a column of ``before`` past its first (a title or
    a paragraph starts at the margin, where the first column does)."""
    return all(any(abs(run.left - c) <= _COLUMN_SNAP * line.size for c in before.columns[1:]) for run in line.runs)


def _carry(lines: list[_Line], before: PageTable, height: float | None
           ) -> tuple[dict[int, list[str]], list[_Line]]:
    """The lines at the top of a page that finish the previous page's last row, and the rest.
    With the page's ``height``: only when that row's last line reaches the body's end, taken as
    the height less this page's first line's top (margins as wide above as below): a page breaks
    a row only where its next line does not fit."""
    cut_all = False  # the row ends less than a line above the body's end: no room for another
    if height is not None and before.foot is not None:
        body_end = height - (lines[0].y - lines[0].size / 2)
        if before.foot < body_end - _FOOT_SLACK * before.pitch:
            return _label_rests(lines, before)  # a merged cell breaks where its page's rows end
        cut_all = before.foot >= body_end - before.pitch
    carried: dict[int, list[str]] = {}
    last: dict[int, float] = {}
    for i, line in enumerate(lines):
        placed = [(_column(before.columns, run.left, line.size), run) for run in line.runs]
        if i == 0:
            # Text under every cell of the row above is a new row: a page rarely cuts all of them,
            # unless that row of two or more cells ends less than a line above the body's end
            # (measured on 60 drawn Writer documents: no whole row does; rows cut stop 1.0–25.8 pt
            # above it, a line pitch is 15 pt). Under a row of one cell inside its column it goes
            # on, and is named (``doubtful_join``): in those documents all three such rows were
            # cut, none whole, and nothing on the page tells the two apart (a line running past
            # its column is no cell: a form's title at a page's foot under which the table went on).
            one_cell = len(placed) == 1 and not _runs_past(before, placed[0][0])
            goes_on = all(_wraps(run, _room(before, col, run)) for col, run in placed) \
                and ({col for col, _ in placed} != set(before.open_row) or cut_all and len(placed) >= 2 or one_cell)
        else:
            goes_on = all(
                col in last and abs(line.y - last[col] - before.pitch) <= _PITCH_SLACK * before.pitch
                for col, _ in placed
            )
        if not goes_on:
            if i == 0:
                return _label_rests(lines, before)
            return carried, lines[i:]
        for col, run in placed:
            carried.setdefault(col, []).append(run.text)
            last[col] = line.y
    return carried, []


def _centred_rests(lines: list[_Line], before: PageTable, carried: dict[int, list[str]]) -> list[_Line]:
    """``lines`` without the rests of labels the page before centred and could not finish, added
    to ``carried``. A centred label the page cuts inside a row goes on on the next page, centred
    on the rows its cell holds there ("产出指" at a page's foot, "标" in the middle of the next
    page's rows under it): the first text of such a label column on the page, one to three lines
    one pitch apart, is its rest when it finishes that column's last label on the page before,
    in a column whose labels the page before showed centred, or where the rest stands between
    other cells' lines, closer under one than a line pitch (a label whose first part stood on its
    row's first line: "数量指" over a one-line row at a page's foot, "标" between the next page's
    lines)."""
    gone: set[int] = set()
    ys: list[float] = []
    slack = _START_SLACK * lines[0].size

    def between(y: float) -> bool:
        if not ys:
            ys.extend(sorted(run.y for line in lines for run in line.runs))
        return bisect_left(ys, y - slack) > bisect_right(ys, y - before.pitch + slack)

    # A label's first part: a few ideographs (the longest label word has nine).
    wanted = {col: text for col, text in before.texts.items() if 0 < len(text) < 9 and not any(c.isascii() for c in text)}
    firsts: dict[int, list[_Run]] = {col: [] for col in wanted}  # per such column, its first three runs on the page
    left = len(wanted)
    for line in lines:
        if not left:
            break
        for run in line.runs:
            runs = firsts.get(_column(before.columns, run.left, line.size))
            if runs is not None and len(runs) < 3:
                runs.append(run)
                left -= len(runs) == 3
    for col, text in sorted(wanted.items()):
        parts: list[_Run] = []
        for run in firsts.get(col, []):
            if parts and abs(run.y - parts[-1].y - before.pitch) > _PITCH_SLACK * before.pitch or len(parts) == 3 \
                    or not parts and col not in before.centred_labels and not between(run.y):
                break
            parts.append(run)
            if _finishes_label([text], "".join(r.text for r in parts)):
                carried.setdefault(col, []).extend(r.text for r in parts)
                gone |= {id(r) for r in parts}
                break
    if not gone:
        return lines
    rest = [line._replace(runs=[r for r in line.runs if id(r) not in gone]) for line in lines]
    return [line for line in rest if line.runs]


def _runs_past(before: PageTable, col: int) -> bool:
    """Whether the page before's last line in ``col`` ends past the next column's start."""
    return col + 1 < len(before.columns) and before.open_right.get(col, 0.0) > before.columns[col + 1]


def doubtful_join(before: PageTable, carried: dict[int, str], top: float, height: float) -> tuple[int, str] | None:
    """(column, message variant) of text ``carried`` back into the page before's last row on
    evidence a row of its own would give as well, or None: into a row of one cell (a new row of
    one cell looks the same: ""), or into a row ending more than a line pitch above the body's end,
    taken as ``height`` less the page's ``top`` (a whole row whose cells end on full lines looks
    the same: ".room"; measured on 60 drawn Writer documents, rows the page cut stop 1.0–25.8 pt
    above it, the whole row joined 20.8 pt). A merged label's rest, which finishes its word, is
    never doubtful."""
    cols = [c for c in sorted(carried) if not _finishes_label([before.texts.get(c, "")], carried[c])]
    if not cols:
        return None
    if len(carried) == 1 and set(carried) == set(before.open_row):
        return cols[0], ""
    if before.foot is not None and before.foot < height - top - before.pitch:
        return cols[0], ".room"
    return None


def _label_rests(lines: list[_Line], before: PageTable) -> tuple[dict[int, list[str]], list[_Line]]:
    """The rests of merged labels the page cut, taken out of the page's first lines, and those
    lines without them. A merged label's text runs on whatever rows it covers, so a page that
    keeps rows whole still cuts it ("产出指" / "标"), and its rest shares the next page's first
    line with a new row's cells. A run is such a rest when it could not have fitted on the line
    above and the column's last cell on the page before, with it and the runs one line pitch
    below it in that column, reads as a 一级 or 二级 label, which it did not alone. A browser's
    print whose cells are centred in their rows tells no room: it breaks a merged label's text
    where the page ends, its rows going on, and the label word alone says where it goes."""
    snap = _ALIGNED if before.centred else None
    taken: dict[int, list[tuple[int, _Run]]] = {}
    for col, run in ((_column(before.columns, run.left, lines[0].size, snap), run) for run in lines[0].runs):
        text = before.texts.get(col)
        if text is None or col in taken or not (before.centred or _wraps(run, _room(before, col, run))):
            continue
        parts, y = [(0, run)], lines[0].y
        for i, line in enumerate(lines[1:3], 1):  # a label is a few glyphs: three lines at most
            if _finishes_label([text], "".join(r.text for _, r in parts)):
                break
            below = [r for r in line.runs if _column(before.columns, r.left, line.size, snap) == col]
            if not below or abs(line.y - y - before.pitch) > _PITCH_SLACK * before.pitch:
                break
            parts.append((i, below[0]))
            y = line.y
        if _finishes_label([text], "".join(r.text for _, r in parts)):
            taken[col] = parts
    gone = {(i, id(run)) for parts in taken.values() for i, run in parts}
    rest = [line._replace(runs=[r for r in line.runs if (i, id(r)) not in gone]) for i, line in enumerate(lines)]
    carried = {col: [run.text for _, run in parts] for col, parts in taken.items()}
    return carried, [line for line in rest if line.runs]


def _room(before: PageTable, col: int, run: _Run) -> float | None:
    """The room the previous page's last line in ``col`` left: to its column's widest line on
    that page, or to where ``run`` ends if further (a cell is at least as wide as any of its
    lines: a merged cell's text on the next page shows a width its one short line did not)."""
    room = before.open_row.get(col)
    if room is None or col not in before.open_right:
        return room
    return max(room, run.right - before.open_right[col])


def carry_back(grid: Grid, carried: dict[int, str]) -> Grid:
    """``grid`` with ``carried`` texts appended to its last row's cells (a row broken across a
    page): a column without a cell on that row gains one."""
    last = grid.height - 1
    cells = list(grid.cells)
    for col, text in sorted(carried.items()):
        cell = grid.covering(last, col)
        if cell is not None:
            cells[cells.index(cell)] = GridCell(_joined([cell.text, text]), cell.row, cell.col, cell.location,
                                                cell.rowspan, cell.colspan)
        else:
            cells.append(GridCell(text, last, col, table_place(grid.cells[0].location.path, grid.name, last, col)))
    return attrs.evolve(grid, cells=tuple(cells))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 1.0


def _lines(glyphs: list[Glyph], cells_apart: bool = False, tight: bool = False) -> list[_Line]:
    """Glyphs as lines of runs. ``cells_apart``: cells may stand as close as 0.25 em (a browser's
    print), so a run also ends where the next glyph's advance starts further than _CELL_GAP from
    its own, with no space between and no tick glyph either side (a text layer may leave a space
    out before one: "□一次性 ☑经常性"; a checkbox a browser drew stands 0.18 em before its label).
    ``tight``: a run's glyphs stand no further than _TIGHT one under the next (a word processor's
    line), though runs up to half a glyph height apart share a line: a label centred in its rows
    may stand half a line off another cell's line, and must neither join it nor cut it."""
    ordered = sorted(glyphs)
    flat: list[list[Glyph]] = []
    for glyph in ordered:
        if flat and abs(glyph.y - flat[-1][0].y) <= flat[-1][0].size * 0.5:
            flat[-1].append(glyph)
        else:
            flat.append([glyph])
    # Lines whose glyphs all stand within _TIGHT of one another are the same either way.
    tight = tight and any(g[-1].y - g[0].y > g[0].size * _TIGHT for g in flat)
    grouped = _tight(ordered) if tight else [[g] for g in flat]  # lines of groups of glyphs
    out = []
    for groups in grouped:
        size = _median([g.size for members in groups for g in members if g.ch.strip()])
        runs = _runs(groups[0], size, cells_apart) if len(groups) == 1 else \
            sorted((run for members in groups for run in _runs(members, size, cells_apart)), key=lambda r: r.left)
        if runs:
            out.append(_Line(groups[0][0].y, size, runs))
    return out


def _tight(ordered: list[Glyph]) -> list[list[list[Glyph]]]:
    """Glyphs, top to bottom, as lines of groups: a group's glyphs stand within _TIGHT one under
    the next, and groups within half a glyph height of a line's first glyph share the line."""
    grouped: list[list[list[Glyph]]] = []
    for glyph in ordered:
        if grouped and glyph.y - grouped[-1][-1][-1].y <= grouped[-1][-1][0].size * _TIGHT:
            grouped[-1][-1].append(glyph)
        elif grouped and abs(glyph.y - grouped[-1][0][0].y) <= grouped[-1][0][0].size * 0.5:
            grouped[-1].append([glyph])
        else:
            grouped.append([[glyph]])
    return grouped


def _runs(members: list[Glyph], size: float, cells_apart: bool) -> list[_Run]:
    """One line's glyphs as runs, left to right (``_lines``)."""
    members.sort(key=lambda g: g.left)
    runs: list[_Run] = []
    text, run_glyphs = "", []
    seams: list[tuple[int, int]] = []  # (glyph index, text offset) of the run's seams
    spaced = False  # a space since the run's last glyph
    for g in members:
        if not g.ch.strip():  # a space: inside a run, never its edge
            if text:
                text += g.ch
                spaced = True
            continue
        if run_glyphs and (g.left - run_glyphs[-1].right > _RUN_GAP * size
                           or cells_apart and not spaced and g.ch not in TICKS
                           and run_glyphs[-1].ch not in TICKS and _advance_gap(run_glyphs[-1], g, size) > _CELL_GAP * size):
            runs.append(_run(run_glyphs, text, size if cells_apart else None, seams))
            text, run_glyphs, seams = "", [], []
        elif cells_apart and run_glyphs and not spaced and g.ch in TICKS and _advance_gap(run_glyphs[-1], g, size) > _CELL_GAP * size:
            text += " "  # a space the text layer left out before a tick glyph
        elif cells_apart and run_glyphs and not spaced and g.ch not in TICKS and run_glyphs[-1].ch not in TICKS \
                and _advance_gap(run_glyphs[-1], g, size) > _SEAM * size:
            seams.append((len(run_glyphs), len(text)))
        text += g.ch
        run_glyphs.append(g)
        spaced = False
    if run_glyphs:
        runs.append(_run(run_glyphs, text, size if cells_apart else None, seams))
    return runs


def _advance_gap(before: Glyph, after: Glyph, em: float) -> float:
    """The room between two glyphs' advances. An ideograph advances one em, but a PDF may box it
    by its ink (Chromium's radical look-alikes: 目 8 pt wide at 12 pt, 2 pt short of the next
    glyph); centred in its em, the box gives the advance back."""
    return _advance(after, em)[0] - _advance(before, em)[1]


def _advance(glyph: Glyph, em: float) -> tuple[float, float]:
    if glyph.right - glyph.left < em and is_ideograph(glyph.ch):
        middle = (glyph.left + glyph.right) / 2
        return middle - em / 2, middle + em / 2
    return glyph.left, glyph.right


def _run(glyphs: list[Glyph], text: str, em: float | None = None, seams: list[tuple[int, int]] = ()) -> _Run:
    """A run of glyphs; its lead is the part a writer cannot break off its first glyph: a number
    or Latin word ("19", "2024"), or a character with the punctuation that may not start a line,
    after any opening bracket (which may not end one: "（次）" moves to the next line whole).
    With ``em``, its edges are its glyphs' advances (where a column's cells start exactly), and
    ``seams`` (glyph index, text offset) are kept with the edges either side and the lead after."""
    n = lead_length(glyphs)
    left, right = glyphs[0].left, glyphs[-1].right
    kept: tuple[Seam, ...] = ()
    if em is not None:
        left, right = _advance(glyphs[0], em)[0], _advance(glyphs[-1], em)[1]
        kept = tuple(Seam(offset, _advance(glyphs[i - 1], em)[1], _advance(glyphs[i], em)[0],
                          glyphs[i + lead_length(glyphs[i:]) - 1].right - _advance(glyphs[i], em)[0])
                     for i, offset in seams)
    return _Run(left, right, text.strip(), glyphs[n - 1].right - left, _median([g.y for g in glyphs]), kept)


def _column_starts(lines: list[_Line], size: float, snap: float | None = None) -> list[float]:
    """Left edges of columns, left to right: the leftmost, and each edge shared by runs on two or
    more lines or by a run beside another on its line (a centred title, alone on its line, makes
    no column)."""
    edges = sorted((run.left, i) for i, line in enumerate(lines) for run in line.runs)
    clusters: list[list[tuple[float, int]]] = []
    for edge in edges:
        if clusters and edge[0] - clusters[-1][0][0] <= (_COLUMN_SNAP * size if snap is None else snap):
            clusters[-1].append(edge)
        else:
            clusters.append([edge])
    starts = [c[0][0] for i, c in enumerate(clusters)
              if i == 0 or len({line for _, line in c}) >= 2 or any(len(lines[line].runs) >= 2 for _, line in c)]
    return starts


def _column(starts: list[float], x: float, size: float, snap: float | None = None) -> int:
    """The column a run starting at ``x`` belongs to: the last start at or left of it (``starts``
    ascend, as ``_column_starts`` gives them)."""
    return max(bisect_right(starts, x + (_COLUMN_SNAP * size if snap is None else snap)) - 1, 0)


def _pitch(lines: list[_Line], size: float) -> float:
    """The distance between two lines of one wrapped cell: the commonest gap between successive
    lines that is between one and two glyph heights."""
    gaps = Counter(
        round(b.y - a.y, 0) for a, b in zip(lines, lines[1:]) if size <= b.y - a.y <= 2 * size
    )
    return float(gaps.most_common(1)[0][0]) if gaps else 1.45 * size


def _table(lines: list[_Line], starts: list[float], size: float, path: str, number: int,
           centred: frozenset[int] = frozenset()) -> tuple[Grid, PageTable]:
    """The page's table; ``centred``: columns whose labels the page before showed centred."""
    pitch = _pitch(lines, size)
    widest = _widest(lines, starts, size)
    foot = lines[-1].y + lines[-1].size / 2
    lines, labels, others = _centred_labels(lines, starts, size, pitch, widest, centred)
    gaps = [b.y - a.y for a, b in zip(lines, lines[1:])]
    spaced = sum(1.3 * pitch < gap < 2.5 * pitch for gap in gaps) >= 2
    rows: list[dict[int, list[str]]] = []
    heights: list[list[tuple[int, float]]] = []  # per row, (id, centre) of each of its runs
    last: dict[int, tuple[float, float, float]] = {}  # column → (y of its last line, the room that line left, its end)
    texts: dict[int, list[str]] = {}  # column → the lines of its last cell

    def goes_on(col: int, run: _Run, y: float) -> bool:
        return col in last and (spaced or _wraps(run, last[col][1])) and abs(y - last[col][0] - pitch) <= _PITCH_SLACK * pitch

    for line in lines:
        placed = [(_column(starts, run.left, size), run) for run in line.runs]
        continues = rows and all(goes_on(col, run, run.y) for col, run in placed)
        if rows and not continues:
            # A merged label's last line beside a new row's first one (a label runs on over the
            # rows it covers): it goes on, one pitch under its own line, when it finishes the
            # label's word.
            spill = [(col, run) for col, run in placed if goes_on(col, run, run.y)
                     and _finishes_label(rows[-1][col], run.text)]
            for col, run in spill:
                rows[-1][col].append(run.text)
                heights[-1].append((id(run), run.y))
                last[col] = (run.y, 0.0, run.right)
            placed = [(col, run) for col, run in placed if all(run is not r for _, r in spill)]
            if not placed:
                continue
        if not continues:
            rows.append({})
            heights.append([])
            last = {}
        row = rows[-1]
        for col, run in placed:
            row.setdefault(col, []).append(run.text)
            heights[-1].append((id(run), run.y))
            texts[col] = row[col]
            end_col = _column(starts, run.right, size)  # a merged cell's line may end columns further
            last[col] = (run.y, max(widest.get(end_col, run.right) - run.right, 0.0), run.right)
    doubted = _coincident(rows, heights, others, size)
    if labels:
        doubted += _place_labels(rows, [Span(min(y for _, y in row), max(y for _, y in row)) for row in heights],
                                 labels, size)
    for col in {col for col, _ in labels}:  # a label's rest on the next page finishes the last one
        texts[col] = next(row[col] for row in reversed(rows) if col in row)
    name = f"page {number} table 1"
    spans = _printed_once(rows, len(starts))
    cells = [
        GridCell(_joined(rows[r][c]) if c in rows[r] else "", r, c, table_place(path, name, r, c), span)
        for (r, c), span in sorted(spans.items())
    ]
    open_row = {col: room for col, (_, room, _) in last.items()}
    open_right = {col: right for col, (_, _, right) in last.items()}
    last_texts = {col: _joined(parts) for col, parts in texts.items()}
    grid = Grid(name, tuple(cells), page=number, spans_guessed=True)  # a blank label slot: the label above, or its own
    named = tuple((table_place(path, name, r, c), _joined(rows[r][c]), f"R{other + 1}") for r, c, other in doubted)
    return grid, PageTable(starts, pitch, open_row, open_right, foot, texts=last_texts,
                           centred_labels=frozenset(col for col, _ in labels) | centred, doubted_labels=named)


def _centred_labels(lines: list[_Line], starts: list[float], size: float, pitch: float,
                    widest: dict[int, float], known: frozenset[int]
                    ) -> tuple[list[_Line], list[tuple[int, list[_Run]]], list[tuple[int, list[_Run]]]]:
    """(``lines`` without the merged labels a document centres in their rows, those labels with
    their columns, top to bottom, and the labels left in ``lines``: those of other columns). A cell's text starts where its row's other cells start, unless
    it is centred: a 一级 or 二级 label whose first line starts where no other cell starts stands
    off its rows' lines (a word processor's print: pdf_centred_labels.py), and so do all labels of
    a column where one does and labels are most of its cells (a 三级 name that is a label word,
    "群众满意度", alone on its row is not), or where the page before showed them (``known``). In
    such a column a label is a cell the wrapped lines of one pitch apart make whose text is a
    label word, or any cell standing off its rows' lines."""
    blocks: list[tuple[int, list[_Run]]] = []
    open_blocks: dict[int, list[_Run]] = {}
    for line in lines:
        for run in line.runs:
            col = _column(starts, run.left, size)
            block = open_blocks.get(col)
            if block is not None and abs(run.y - block[-1].y - pitch) <= _PITCH_SLACK * pitch \
                    and _wraps(run, max(widest.get(_column(starts, block[-1].right, size), block[-1].right)
                                        - block[-1].right, 0.0)):
                block.append(run)
            else:
                open_blocks[col] = [run]
                blocks.append((col, open_blocks[col]))
    is_label = {id(block): _label_word("".join([run.text for run in block])) for _, block in blocks}
    cells = [(col, block) for col, block in blocks if not is_label[id(block)]]
    cell_starts = sorted(block[0].y for _, block in cells)
    run_ys = sorted(run.y for _, block in cells for run in block)
    slack = _START_SLACK * size
    near: list[tuple[list[float], float]] = []  # the other cells' lines and the row pitch, when asked

    def off(block: list[_Run]) -> bool:
        """Whether a label stands off its rows' lines: no other cell starts on its first line, and
        another cell's line stands there or closer above than rows stand apart (a row's first
        cell alone on its line, a 三级 name that is a label word, "满意度", has none)."""
        y = block[0].y
        i = bisect_left(cell_starts, y - slack)
        if i < len(cell_starts) and cell_starts[i] <= y + slack:
            return False
        # Two or more other cells' lines beside it are a row's line, not a wrapped cell's later
        # line: on a page of one-line rows, the rows' pitch is the only pitch there is, and each
        # row's cells read as the lines of the cells above (a continued form's last page).
        j = bisect_left(run_ys, y - slack)
        if bisect_right(run_ys, y + slack, j) - j >= 2:
            return False
        if not near:
            near.append((sorted(run.y for _, cell in cells for run in cell), _row_pitch(cells, pitch)))
        ys, row_pitch = near[0]
        j = bisect_right(ys, y - row_pitch + slack)
        return j < len(ys) and ys[j] <= y + slack

    columns = known | {col for col, block in blocks if is_label[id(block)] and off(block)}
    others = [(col, block) for col, block in blocks if col not in columns and is_label[id(block)]]
    if not columns:
        return lines, [], others
    labels = [(col, block) for col, block in blocks if col in columns and (is_label[id(block)] or off(block))]
    taken = {id(run) for _, block in labels for run in block}
    rest = [line._replace(runs=[run for run in line.runs if id(run) not in taken]) for line in lines]
    return [line for line in rest if line.runs], labels, others


def _row_pitch(cells: list[tuple[int, list[_Run]]], pitch: float) -> float:
    """How far rows stand apart: the commonest gap between two cells one under the other in a
    column (``cells`` top to bottom), at least a line pitch less _FIT; else ``pitch``."""
    gaps: Counter[int] = Counter()
    below: dict[int, list[_Run]] = {}
    for col, block in cells:
        if col in below and pitch - _FIT <= block[0].y - below[col][-1].y <= 2.5 * pitch:
            gaps[round(block[0].y - below[col][-1].y)] += 1
        below[col] = block
    return float(gaps.most_common(1)[0][0]) if gaps else pitch


def _coincident(rows: list[dict[int, list[str]]], heights: list[list[tuple[int, float]]],
                candidates: list[tuple[int, list[_Run]]], size: float) -> list[tuple[int, int, int]]:
    """(row, column, another first row) of labels read where they stand, on a row's first line,
    that may be centred instead: their column is blank on the first row under its header (一级指标
    or 二级指标: a 三级 name may be a label word, "质量指标"), and placed by their middles they
    start right under it. A centred label's
    middle falls on a row's first line now and then (lines stand a pitch apart; a page showed no
    label of its column off its rows' lines, 1 document in 30 drawn with centred labels), and a
    top-aligned label's rows blank under a header (printed on the other side of a table's split)
    centre it by chance as well (2 documents of the 60 drawn top-aligned: read right, named too)."""
    headers = [(r, col) for r, row in enumerate(rows[:-1]) for col, parts in row.items()
               if col not in rows[r + 1] and any(word in "".join(parts).replace(" ", "") for word in ("一级指标", "二级指标"))]
    if not headers or not candidates:  # no label column blank under its header
        return []
    by_column: dict[int, list[list[_Run]]] = {}
    for col, block in candidates:
        by_column.setdefault(col, []).append(block)
    row_of = {i: r for r, row in enumerate(heights) for i, _ in row}
    out: list[tuple[int, int, int]] = []
    for col, blocks in by_column.items():
        stand = [row_of.get(id(block[0])) for block in blocks]
        own = {id(run) for block in blocks for run in block}
        extents = [[y for i, y in row if i not in own] for row in heights]
        walls = [r for r, row in enumerate(rows) if col in row and r not in stand]
        for wall in walls:
            start, end = wall + 1, next((r for r in walls if r > wall), len(rows))
            if (wall, col) not in headers:
                continue
            members = [(block, r) for block, r in zip(blocks, stand) if r is not None and start <= r < end]
            if not members or col in rows[start] or any(not ys for ys in extents[start:end]):
                continue
            placing = first_rows([Span(block[0].y, block[-1].y) for block, _ in members],
                                 [Span(min(ys), max(ys)) for ys in extents[start:end]],
                                 Slack(_LABEL_SLACK * size, _START_SLACK * size), foot=end == len(rows))
            if placing is not None and placing.rows[0] == 0:
                out.append((members[0][1], col, start))
    return out


def _place_labels(rows: list[dict[int, list[str]]], extents: list[Span], labels: list[tuple[int, list[_Run]]],
                  size: float) -> list[tuple[int, int, int]]:
    """Put each centred label's text on the first of the rows it covers (pdf_centred_labels.py),
    placed with the other labels of its column between two of that column's other cells; a
    label no placing fits goes on the row it stands beside. Returns (row, column, another first
    row) of each label another placing starts elsewhere."""
    doubted: list[tuple[int, int, int]] = []
    by_column: dict[int, list[list[_Run]]] = {}
    for col, block in labels:
        by_column.setdefault(col, []).append(block)
    for col, blocks in by_column.items():
        walls = [r for r, row in enumerate(rows) if col in row]  # the column's other cells
        segments: dict[int, list[list[_Run]]] = {}  # the first row under a wall → its labels
        for block in blocks:
            above = [r for r in walls if extents[r].first < block[0].y]
            segments.setdefault(above[-1] + 1 if above else 0, []).append(block)
        for start, members in segments.items():
            end = next((r for r in walls if r >= start), len(rows))
            spans = [Span(block[0].y, block[-1].y) for block in members]
            placing = first_rows(spans, extents[start:end], Slack(_LABEL_SLACK * size, _START_SLACK * size),
                                 foot=end == len(rows))
            for i, block in enumerate(members):
                if placing is not None:
                    r = start + placing.rows[i]
                    other = next((firsts[i] for firsts in placing.others if firsts[i] != placing.rows[i]), None)
                    if other is not None:
                        doubted.append((r, col, start + other))
                else:
                    r = max([r for r in range(start, end) if extents[r].first <= block[0].y + _START_SLACK * size],
                            default=start)
                if r < len(rows):  # (labels under the table's last row of other text: none measured)
                    rows[r].setdefault(col, []).extend(run.text for run in block)
    return doubted


def _centred_table(lines: list[_Line], starts: list[float], size: float, path: str, number: int,
                   overruns: Sequence[tuple[_Run, _Run]] = ()) -> tuple[Grid, PageTable]:
    """The table of a page whose cells are centred in their rows (pdf_centred_table.py); the
    next page continues its columns and finishes only a merged label's word the page cut
    (``texts``: each column's last cell).
    ``overruns``: runs split where a cell's text ran up to the next's, named by the cell before."""
    # A line that cannot break may run on past its column's edge (Chromium lets it): the lines
    # that could break show where the column ends.
    widest = {**_widest(lines, starts, size, _ALIGNED),
              **_widest(lines, starts, size, _ALIGNED, lambda run: not breaks_nowhere(run.text))}
    reach = _reach(lines, starts, size)
    used: list[list[float]] = [[] for _ in starts]  # per column, the heights of the runs starting in it
    for line in lines:
        for r in line.runs:
            used[_column(starts, r.left, size, _ALIGNED)].append(r.y)
    for ys in used:
        ys.sort()

    def next_start(col: int, y: float) -> float | None:
        """The start of the next column right of ``col``, unless no run near ``y`` starts right
        of it: then ``col`` is its table's last, and the starts further right are another
        table's (a browser sizes each apart)."""
        near = any(bisect_left(ys, y - _NEAR * size) < bisect_right(ys, y + _NEAR * size) for ys in used[col + 1:])
        return starts[col + 1] if near else None

    def wraps(above: _Run, run: _Run) -> bool:
        """The room ``above`` left: to its column's widest line (as _table's), or at least to the
        next column's start less a cell gap, where its cell ends at the earliest (unless its
        column is its table's last: ``next_start``). A line that
        ends in a column further on (a merged cell, or a column of another table on the page)
        has only the latter: that column's widest line may be another table's; and no more
        than the widest line starting where it does leaves (a table sized apart may set a
        column start inside a cell of this one, and another far right)."""
        own = _column(starts, above.left, size, _ALIGNED)
        col = _column(starts, above.right - _ALIGNED, size, _ALIGNED)  # the column it ends in
        room = widest.get(col, above.right) - above.right if col == own else 0.0
        edge = next_start(col, above.y)
        if edge is not None:
            room = max(room, edge - _CELL_GAP * size - above.right)
        if col != own:
            room = min(room, reach[own] - above.right)
        return _wraps(run, max(room, 0.0))

    height, cells, broken = centred_cells(lines, lambda x: _column(starts, x, size, _ALIGNED), size, _label_word, wraps)
    name = f"page {number} table 1"
    # Every column gets a cell on the first row, as _table's grid: a page continuing the table
    # above is as wide as it. A blank one covers the rows down to the column's first cell: what
    # the page before had in force there goes on (a label over rows the page break split).
    first = {}
    for c in cells:
        first[c.col] = min(first.get(c.col, c.row), c.row)
    cells += [Cell(0, c, max(first.get(c, height), 1), []) for c in range(len(starts)) if first.get(c) != 0]
    grid = Grid(name, tuple(GridCell(_joined(c.parts), c.row, c.col, table_place(path, name, c.row, c.col), c.rowspan)
                            for c in sorted(cells)), page=number)
    named = []
    for before, after in overruns:
        col = _column(starts, before.left, size, _ALIGNED)
        cell = next((c for c in cells if c.col == col and before.text in c.parts), None)
        if cell is not None:
            named.append((table_place(path, name, cell.row, cell.col), _joined(cell.parts), after.text))
    # Per column, its last cell's text: a merged label the page cut goes on on the next page.
    last = {c.col: c for c in sorted(cells, key=lambda c: (c.row + c.rowspan, c.row)) if c.parts}
    texts = {col: _joined(c.parts) for col, c in last.items()}
    cut = next((c for c in cells if broken is not None and c.col == broken[0] and broken[1] in c.parts), None)
    cut_at = () if cut is None else ((table_place(path, name, cut.row, cut.col), _joined(cut.parts)),)
    return grid, PageTable(starts, _pitch(lines, size), {}, centred=True, texts=texts, overruns=tuple(named),
                           broken=cut_at)


def _finishes_label(parts: list[str], text: str) -> bool:
    """Whether ``text`` after a cell's lines ``parts`` makes them a 一级 or 二级 label they were
    not, or the label's name with 指标 after it ("满意度" / "指标")."""
    before, after = _joined(parts), _joined([*parts, text])
    return _label_word(after) and (not _label_word(before) or after.endswith("指标") and not before.endswith("指标"))


def _label_word(text: str) -> bool:
    """Whether ``text`` names a 一级 or 二级 indicator: a cell that may be merged over rows."""
    return canonical_level1(text) is not None or canonical_level2(text) is not None


def _printed_once(rows: list[dict[int, list[str]]], width: int) -> dict[tuple[int, int], int]:
    """(row, column) → rows covered, for the cells of a borderless table. A cell covers the rows
    below it with nothing in its column: a merged cell (a 一级 label, 项目资金) prints its text
    once, at the top of the rows it stands for. Rows at the top of a page with nothing in a
    column get one blank cell there: whatever the page before had in force goes on."""
    spans: dict[tuple[int, int], int] = {}
    for c in range(width):
        origin = (0, c)
        spans[origin] = 0
        for r, row in enumerate(rows):
            if c in row and r > 0:
                origin = (r, c)
                spans[origin] = 0
            spans[origin] += 1
    return spans


def _widest(lines: list[_Line], starts: list[float], size: float, snap: float | None = None,
            keep: Callable[[_Run], bool] | None = None) -> dict[int, float]:
    """Per column, the right edge of its widest line that stays inside it: where a wrapped line
    of that column ends (a line of a merged cell running on into the next column is left out),
    among the runs ``keep`` keeps."""
    widest: dict[int, float] = {}
    for line in lines:
        for run in line.runs:
            if keep is not None and not keep(run):
                continue
            col = _column(starts, run.left, size, snap)
            if col + 1 < len(starts) and run.right > starts[col + 1]:
                continue
            widest[col] = max(widest.get(col, run.right), run.right)
    return widest


def _reach(lines: list[_Line], starts: list[float], size: float) -> dict[int, float]:
    """Per column, the right edge of the widest line starting in it, lines that run on past
    the next column's start too (``_widest`` leaves those out)."""
    reach: dict[int, float] = {}
    for line in lines:
        for run in line.runs:
            col = _column(starts, run.left, size, _ALIGNED)
            reach[col] = max(reach.get(col, run.right), run.right)
    return reach


def _joined(parts: list[str]) -> str:
    """A wrapped cell's lines as one text: the wrap adds no character (as in pdf.py's cells)."""
    return " ".join("".join(parts).split(" ")).strip()


def _prose(lines: list[_Line], path: str, number: int) -> Grid:
    cells = tuple(
        GridCell(" ".join(run.text for run in line.runs), i, 0, Location(path, sheet=f"page {number}", cell=f"L{i + 1}"))
        for i, line in enumerate(lines)
    )
    return Grid(f"page {number}", cells, PROSE, number)
