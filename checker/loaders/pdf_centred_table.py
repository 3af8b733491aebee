"""A table without borders printed by a browser, where each cell is centred vertically in its row.

Chromium prints an HTML table without ``border`` so: no rule, cells as close as 3 pt apart, and
each cell's text centred in its row — a one-line cell beside a two-line one sits between its
lines, a merged label between the rows it covers (or on the middle one of an odd number). Lines
then say nothing of rows; cells do. Measured on 30 drawn forms so printed, at 12 pt glyphs:

- three successive lines stand less than 2 em apart only here, the middle one beside the others'
  text (a line set between two others; word processors, whose cells start at their row's top,
  keep them 2.4 em apart or more);
- a gap between two cells is 3.0 pt or more (cell spacing and padding), but a space the text
  layer leaves out is 3.0 pt too (Chromium drops a space set alone between two glyphs of
  other fonts: "市府办 譙小涛", "□一次性 ☑经常性"): narrow gaps separate cells only on a line
  where the text after one of them starts at an edge where other text starts on another line
  (a column) or stands as a cell elsewhere, and never beside a tick glyph (a list of options);
- a cell's wrapped lines stand 18–19.5 pt apart, successive rows' lines in one column mostly
  21 pt or more (a line's height and 3 pt of padding and spacing) but 19.5 pt where a taller
  row follows: a line goes on the cell above in its column when closer than 1.69 em and the
  line above could not take its first word (a wrap); a line set in the Latin font alone
  ("2022") has a shorter line box, so that distance shrinks by 3.2 pt before it and 1.3 pt after
  it (with columns fixed narrower than their text, the next row's "2022" stands 17.8 pt under a
  cell's last line);
- a wrapped cell is centred in its row, so a block whose first or last lines centre on another
  column's cell while the whole block centres on none holds two rows' cells (a column as wide as
  the upper one's text: 20.1 pt between them where a taller glyph box moves a line); never a
  label word, whose lines stand on the centres of the one-line rows it covers where columns are
  fixed narrower than it ("数量指" / "标" beside two rows); once cut, the rest is asked again
  (three rows' cells in one column);
- text that cannot break runs on over a column fixed too narrow for it ("≥35000" in 3 em) up to
  the next cell's text, 0.9–1.5 pt before it (cells 2.25 pt apart at least): split where the
  text after such a gap starts exactly at a column's start, and named (``split_overruns``);
- a row is the blocks whose centres agree; a block whose text overlaps the rows above and below
  it is a merged label between them, and a merged label covers as many rows above its centre
  as below it (blank in its column), which places it at its first row for the grid; where that
  fits several spans, it takes one that starts where the labels right of it do (an 一级 label
  over its 二级 ones), covers those that start on its rows (where a page break splits its rows,
  the browser may set its text on the first of them), and none reaches a row with nothing right
  of it (the table has ended). A label over short rows and a tall one may stand inside the tall
  one's text, off its middle: a group of label words overlapping the row below is a label.

The page's table is returned as cells with the rows they cover; ``pdf_text_table.py`` makes
the grid of them as of a word processor's table.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

TICKS = frozenset("☑☐☒□■√✓✔")
_CENTRED_SPAN = 2.0  # em: three successive lines this close hold a line centred between two
_WRAP = 1.69  # em: successive lines of one column closer than this are one cell's
# em: what a line without an ideograph or fullwidth mark (set in the Latin font: "2022", "≥**%")
# takes off that, as the line below and as the line above. Its line box is shorter than one with
# an ideograph: measured on Chromium's prints at 12 pt, its glyph boxes' centres stand 14.8 pt
# under the line above in one cell (18 between two lines with ideographs) and the line below
# 16.7 pt under it; rows add 3 pt (17.8 and 19.7 pt: within _WRAP of a line with ideographs).
_LATIN_BELOW = 0.27
_LATIN_ABOVE = 0.105
_CENTRE_SLACK = 0.17  # em: block centres this close are one row's (mixed fonts shift a line 1.3 pt)
_SPAN_SLACK = 0.4  # em: a merged block's centre and the middle of the rows it covers (rows are 1.75 em apart)
_MIDDLE = 1.0  # points: the same, for a label that overlaps no row above it (a coincidence otherwise)
# em: half a line's height (18–19.5 pt at 12 pt), less what a font's box shifts a line: rows stay
# apart by their padding and spacing, and a label between two rows overlaps both
_HALF_LINE = 0.7
_HALF_GAP = 0.2  # em: half the gap between two rows' extents so measured (2.1 pt at 12 pt)
_ALIGN = 1.0  # points: a cell's text starts at its column's edge, to the glyph box's precision
_NARROW = 0.7  # em: a wider gap separates two cells whatever follows (pdf_text_table's _RUN_GAP)
# points: a seam's next glyph starts at a column's start (Chromium starts a cell's text at its
# column's edge exactly: 0.00 pt off where its text ran over; ideographs boxed by their ink that
# fall near a column of another table stand 0.33 pt off and more)
_AT_START = 0.25


def is_centred(lines: Sequence[Any], em: float) -> bool:
    """Whether ``lines`` (top to bottom, each with ``y`` and ``runs`` of ``left`` and ``right``)
    hold a line set between two others less than _CENTRED_SPAN apart, beside their text (a
    superscript stands over its own line's text)."""
    def beside(line, other) -> bool:
        return not any(r.left < o.right and o.left < r.right for r in line.runs for o in other.runs)

    return any(c.y - a.y < _CENTRED_SPAN * em and beside(b, a) and beside(b, c)
               for a, b, c in zip(lines, lines[1:], lines[2:]))


def rejoined(lines: list[Any]) -> list[Any]:
    """``lines`` (each with ``size`` and ``runs`` of ``left``, ``right``, ``text``, ``y``) with the
    runs split at a narrow gap joined back, with a space, unless the line is one of cells packed
    tight: a run after one of its narrow gaps starts at a column (where a run of other text
    starts on another line) or stands as a cell elsewhere."""
    edges: dict[float, set[str]] = {}
    for line in lines:
        for run in line.runs:
            edges.setdefault(round(run.left, 1), set()).add(run.text)
    ordered = sorted(edges)

    def column_at(run) -> bool:
        lo, hi = bisect_left(ordered, run.left - _ALIGN), bisect_right(ordered, run.left + _ALIGN)
        return any(edges[e] - {run.text} for e in ordered[lo:hi])

    def narrow(line, i: int) -> bool:
        return i > 0 and line.runs[i].left - line.runs[i - 1].right <= _NARROW * line.size

    # Texts that stand as cells of their own somewhere: a header's "三级指标" over a column
    # left empty is one, since the other column group's "三级指标" starts at a column.
    standing = {run.text for line in lines for i, run in enumerate(line.runs) if not narrow(line, i) or column_at(run)}
    out = []
    for line in lines:
        # A line of cells packed tight (a header over narrow columns): where one of its narrow
        # gaps parts two cells, all do.
        tight = any(narrow(line, i) and (column_at(run) or run.text in standing) for i, run in enumerate(line.runs))
        runs = [line.runs[0]] if line.runs else []
        for i, run in enumerate(line.runs[1:], 1):
            last = runs[-1]
            if narrow(line, i) and not tight:
                runs[-1] = last._replace(right=run.right, text=f"{last.text} {run.text}")
            else:
                runs.append(run)
        out.append(line._replace(runs=runs))
    return out


class Seam(NamedTuple):
    """Where two glyphs of a run stand apart, though closer than cells: the text's offset there,
    the advance edges before and after, and the lead of the text after (what cannot wrap off)."""

    offset: int
    before: float
    after: float
    lead: float


def split_overruns(lines: list[Any], starts: Sequence[float], align: float = _AT_START) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """(``lines`` with runs split at each seam where the text after it starts at a column, the
    (before, after) runs of each split). Chromium lets text that cannot break run on over a
    column too narrow for it ("≥35000" in 3 em), up to the next cell's text: 0.9–1.5 pt apart
    where cells stand 2.25 pt apart at least. A column's start (where other lines' cells start)
    right at such a gap is all that tells the cells apart; a word's glyphs never stand apart there,
    but a radical look-alike may (its box is its ink), so each split is named (the caller's notice)."""
    ordered = sorted(starts)

    def at_start(x: float) -> bool:
        i = bisect_left(ordered, x - align)
        return i < len(ordered) and ordered[i] <= x + align

    out, found = [], []
    for line in lines:
        runs = []
        for run in line.runs:
            pieces = [run]
            for seam in reversed(run.seams):  # from the right: the offsets of those left stay true
                head = pieces[0]
                if not at_start(seam.after):
                    continue
                after = head._replace(left=seam.after, text=head.text[seam.offset:].strip(), lead=seam.lead, seams=())
                pieces[:1] = [head._replace(right=seam.before, text=head.text[:seam.offset].rstrip(),
                                            seams=tuple(s for s in head.seams if s.offset < seam.offset)), after]
            found += zip(pieces, pieces[1:])
            runs += pieces
        out.append(line._replace(runs=runs))
    return out, found


class _Block(NamedTuple):
    """A cell's wrapped lines: its column, the ``y`` of its first and last line, text parts."""

    col: int
    first: float
    last: float
    top: float
    bottom: float
    parts: list[str]
    ys: list[float]  # each part's height

    @property
    def centre(self) -> float:
        return (self.first + self.last) / 2


class Cell(NamedTuple):
    row: int
    col: int
    rowspan: int
    parts: list[str]  # its lines' texts


def centred_cells(lines: list[Any], column: Callable[[float], int], em: float,
                  may_span: Callable[[str], bool], wraps: Callable[[Any, Any], bool]
                  ) -> tuple[int, list[Cell], tuple[int, str] | None]:
    """(rows, cells, the column and first line of a cell the page broke or None) of a table
    whose cells are centred in their rows, each cell with the rows it covers (a merged label's,
    by where it is centred; a blank is no cell). ``column`` gives the column of a run's left
    edge; ``may_span``: whether a block of this text may be a merged label centred on the middle
    one of the rows it covers (nothing else shows it); ``wraps(above, run)``: whether ``run``
    can be the wrapped rest of the run ``above``."""
    blocks = _blocks(lines, column, em, wraps)
    if not blocks:
        return 0, [], None
    whole = blocks
    blocks = _unwrapped(blocks, em, may_span)
    rows, labels = _rows(blocks, em, may_span)
    merged = {(b.col, b.first) for b in blocks if id(b) in labels}
    broken = _broken_at_foot(whole, em, lambda b: (b.col, b.first) in merged or may_span(" ".join(b.parts)))
    extents = [_extent(row, may_span) for row in rows]
    boxes = _boxes(extents, em)
    placed: dict[int, list[tuple[int, int, _Block]]] = {}  # column → (first row, last row, block)
    for block in blocks:
        over = [r for r, (top, bottom) in enumerate(extents) if top < block.bottom and block.top < bottom]
        if not over:  # between rows that do not reach it: the nearest row's
            over = [min(range(len(rows)), key=lambda r: abs(sum(extents[r]) / 2 - block.centre))]
        placed.setdefault(block.col, []).append((over[0], over[-1], block))
    rightmost = [max(b.col for b in row) for row in rows]
    out: list[Cell] = []
    inner: list[Cell] = []  # the labels of the nearest column right of this one that holds any
    for col, members in sorted(placed.items(), reverse=True):  # right to left: inner labels first
        members.sort(key=lambda m: (m[0], m[2].first))
        free = 0  # the first row no block of this column has taken
        spans: list[Cell] = []
        for i, (a, b, block) in enumerate(members):
            below = members[i + 1][0] - 1 if i + 1 < len(members) else len(rows) - 1
            # A label covers no row with nothing right of it (a title, a page number: the table
            # ended there).
            below = next((r - 1 for r in range(b + 1, below + 1) if rightmost[r] <= col), below)
            first, last = a, b
            if id(block) in labels or may_span(" ".join(block.parts)):
                first, last = _span(boxes, block.centre, free, a, b, below, em, _nests(inner))
                last = _around(inner, first, last, below)
                spans.append(Cell(first, col, last - first + 1, block.parts))
            out.append(Cell(first, col, last - first + 1, block.parts))
            free = max(free, last + 1)
        inner = spans or inner
    return len(rows), sorted(out + _blank_feet(out, set(placed), len(rows))), broken


def _broken_at_foot(blocks: list[_Block], em: float, label: Callable[[_Block], bool]) -> tuple[int, str] | None:
    """(column, first line) of a cell that ends on the page's last line while a cell of two
    lines or more in another column starts on its first line and ends a line or more above it,
    or None. A browser breaks a row taller than the page's rest across the page and then sets
    its cells at the row's top, not centred (a row it did not break centres them): what goes on
    on the next page is read as rows of its own there, so the caller names it. Merged labels
    (``label``: label words, and blocks read as centred between rows) are left out, and so is a
    one-line cell (a label centred over its row and the one above stands on the row's first
    line: "总体目标"); a row the page's number or other text follows was not broken."""
    def cell(block: _Block) -> bool:
        return not label(block)

    lowest = sorted(blocks, key=lambda b: -b.last)
    for block in lowest:
        if lowest[0].last - block.last > _CENTRE_SLACK * em:
            break
        if cell(block) and any(other.col != block.col and abs(other.first - block.first) <= _CENTRE_SLACK * em
                               and block.last - other.last > _HALF_LINE * em and len(other.parts) >= 2 and cell(other)
                               for other in blocks):
            return block.col, block.parts[0]
    return None


def _blank_feet(cells: list[Cell], columns: set[int], height: int) -> list[Cell]:
    """A blank cell over the rows at a table part's foot that nothing covers in a column: a
    merged label whose text the producer printed on the other side of a page or table break
    (nothing else shows it) covers them. A part ends where a row has nothing right of the
    column, or where a table of other columns starts (a browser sizes each table apart): a row
    of three cells or more in at most one of the columns the two rows above it use (the page's
    left edge), a merged cell over them included (rows of tall cells under merged labels hold
    few cells each)."""
    rightmost = [-1] * height
    covered: dict[int, set[int]] = {}
    used: list[set[int]] = [set() for _ in range(height)]
    spanned: list[set[int]] = [set() for _ in range(height)]  # the columns a cell covers on each row
    for cell in cells:
        rightmost[cell.row] = max(rightmost[cell.row], cell.col)
        used[cell.row].add(cell.col)
        covered.setdefault(cell.col, set()).update(range(cell.row, cell.row + cell.rowspan))
        for r in range(cell.row, cell.row + cell.rowspan):
            spanned[r].add(cell.col)
    texts: list[list[str]] = [[] for _ in range(height)]
    for cell in cells:
        texts[cell.row].append("".join(cell.parts))
    seen: set[tuple[str, ...]] = set()  # rows of three cells or more met so far, by their texts
    part, number = [], 0
    for r, in_row in enumerate(used):
        row_texts = tuple(sorted(texts[r]))
        if len(in_row) >= 3 and (len(in_row & set().union(*spanned[max(r - 2, 0):r])) <= 1 or row_texts in seen):
            number += 1
        if len(in_row) >= 3:
            seen.add(row_texts)
        part.append(number)
    blanks = []
    for col in columns:
        taken = covered.get(col, set())
        for above in sorted(taken):
            if above + 1 in taken:
                continue
            end = above + 1
            while end < height and end not in taken and rightmost[end] > col and part[end] == part[above]:
                end += 1
            # The part ends with the blank (its last row, or a repeated header next), not at a label.
            if end > above + 1 and (end not in taken or part[end] != part[above]):
                blanks.append(Cell(above + 1, col, end - above - 1, []))
    return blanks


def _boxes(extents: list[tuple[float, float]], em: float) -> list[tuple[float, float]]:
    """Each row's box: its text's extent grown half way to the rows above and below, by
    _HALF_GAP at most (rows are set one under the other; halving the gap between two cancels
    what a font's box shifts a line; a row away from the next, or at the page's ends, grows as
    one set among others would)."""
    cap = _HALF_GAP * em
    gaps = [max(b[0] - a[1], 0.0) / 2 for a, b in zip(extents, extents[1:])]
    above = [cap] + [min(g, cap) for g in gaps]
    below = [min(g, cap) for g in gaps] + [cap]
    return [(top - up, bottom + down) for (top, bottom), up, down in zip(extents, above, below)]


def _extent(group: list[_Block], may_span: Callable[[str], bool]) -> tuple[float, float]:
    """The top and bottom of a row's text, leaving out label words (a merged label centred on
    the middle one of its rows joins that row's group, and may be taller than it)."""
    core = [b for b in group if not may_span(" ".join(b.parts))] or group
    return min(b.top for b in core), max(b.bottom for b in core)


def _unwrapped(blocks: list[_Block], em: float, may_span: Callable[[str], bool]) -> list[_Block]:
    """``blocks`` with those taken apart that hold cells of successive rows in a column as
    narrow as their text (no wrap tells them apart, and a font's box shifts a line up to 1.3 pt).
    A wrapped cell is centred in its row: its lines stand off its row's centre, where no cell is
    centred but a merged label between two rows may be (label words are left out). So a block
    is cut where each of its lines stands on the centre of a cell of another column, a different
    one for each, or where its first lines do and the whole block centres beside none; then,
    against the blocks so cut, where its last lines do (first the rows above: a block that holds
    two rows' cells misplaces its centre, which a wrapped cell's last line may meet)."""
    return _cut(_cut(blocks, em, may_span, upper=True), em, may_span, upper=False)


def _cut(blocks: list[_Block], em: float, may_span: Callable[[str], bool], upper: bool) -> list[_Block]:
    """One pass of ``_unwrapped``: ``upper``, cuts at each line or under the first lines; else
    over the last lines."""
    centres = sorted((b.centre, b.col, i) for i, b in enumerate(blocks) if not may_span(" ".join(b.parts)))
    keys = [c for c, _, _ in centres]

    def hit(y: float, col: int) -> int | None:
        lo, hi = bisect_left(keys, y - _CENTRE_SLACK * em), bisect_right(keys, y + _CENTRE_SLACK * em)
        return next((i for _, c, i in centres[lo:hi] if c != col), None)

    out = []
    for block in blocks:
        ys = block.ys
        # A label word is one cell: wrapped over rows of one line each, its lines stand on
        # their centres (the rows share its height), yet no two rows' cells read as a label.
        label = may_span(" ".join(block.parts))
        hits = [hit(y, block.col) for y in ys] if upper and not label else []
        cuts: list[int] = []
        if len(hits) >= 2 and None not in hits and len(set(hits)) == len(hits):
            cuts = list(range(1, len(ys)))
        elif not label:
            cuts = _ends(ys, lambda y: hit(y, block.col) is not None, upper)
        half = (block.bottom - block.top - (block.last - block.first)) / 2
        for a, b in zip([0, *cuts], [*cuts, len(ys)]):
            out.append(_Block(block.col, ys[a], ys[b - 1], ys[a] - half, ys[b - 1] + half, block.parts[a:b], ys[a:b]))
    return out


def _ends(ys: list[float], centred: Callable[[float], bool], upper: bool) -> list[int]:
    """Where to cut a block of lines at ``ys`` that centres beside no cell (``centred``): under
    its first lines that do (``upper``), and so on in what is left, which may hold the next
    row's cell and the one after it (cells of three rows or more in a column as narrow as their
    text); else once, over its last lines that do (what the cuts from above left)."""
    cuts: list[int] = []
    start, end = 0, len(ys)
    while end - start >= 2 and not centred((ys[start] + ys[end - 1]) / 2):
        if not upper:
            return [k for k in range(1, end) if centred((ys[k] + ys[end - 1]) / 2)][:1]
        k = next((k for k in range(start + 1, end) if centred((ys[start] + ys[k - 1]) / 2)), None)
        if k is None:
            break
        cuts.append(k)
        start = k
    return cuts


def _span(boxes: list[tuple[float, float]], centre: float, free: int, a: int, b: int, below: int,
          em: float, nests: Callable[[int, int], bool] = lambda first, last: True) -> tuple[int, int]:
    """The first and last row a block centred at ``centre`` over rows ``a``–``b`` covers: from
    the earliest blank row above it that as many rows below, still blank, centre it, among the
    spans the labels right of it ``nests`` in (else the earliest of any)."""
    found = []
    for first in range(free, a + 1):
        for last in range(b, max(below, b) + 1):
            middle = (boxes[first][0] + boxes[last][1]) / 2
            if abs(middle - centre) <= _SPAN_SLACK * em:
                found.append((first, last))
            if middle > centre:
                break
    return next((span for span in found if nests(*span)), found[0] if found else (a, b))


def _around(inner: list[Cell], first: int, last: int, below: int) -> int:
    """The last row a label over rows ``first``–``last`` covers, grown to the last row of each
    ``inner`` label (the column right of it) that starts on them, up to ``below``: an 二级 label
    lies under one 一级. A browser sets the text of a merged label a page break splits off the
    middle of its rows on the page (on the first of them, beside the 二级 label's first line)."""
    for cell in inner:
        if first <= cell.row <= last:
            last = max(last, min(cell.row + cell.rowspan - 1, below))
    return last


def _nests(inner: list[Cell]) -> Callable[[int, int], bool]:
    """Whether the rows ``first``–``last`` of a label may hold the ``inner`` labels (the column
    right of it): not when that column is blank on the first row and a label starts further
    down (an 一级 label over a blank 二级 cell and then a 二级 label would leave the blank one
    under no label; rows where both are blank at a table's top go on from above)."""
    def nests(first: int, last: int) -> bool:
        blank = not any(c.row <= first < c.row + c.rowspan for c in inner)
        return not (blank and any(first < c.row <= last for c in inner))
    return nests


def _blocks(lines: list[Any], column: Callable[[float], int], em: float,
            wraps: Callable[[Any, Any], bool]) -> list[_Block]:
    """Runs of one column on successive lines, each wrapped from the one above, as blocks."""
    building: list[list] = []  # [column, first y, last y, top, bottom, parts, their ys, last run]
    open_blocks: dict[int, list] = {}
    half = _HALF_LINE * em
    for line in lines:
        for run in line.runs:  # by each run's own height: a line holds runs up to half a line apart
            col = column(run.left)
            block = open_blocks.get(col)
            if block is not None and _close((run.y - block[2]) / em, block[7], run) and wraps(block[7], run):
                block[2], block[4], block[7] = run.y, max(block[4], run.y + half), run
                block[5].append(run.text)
                block[6].append(run.y)
            else:
                block = [col, run.y, run.y, run.y - half, run.y + half, [run.text], [run.y], run]
                building.append(block)
                open_blocks[col] = block
    return [_Block(*b[:7]) for b in building]


def _close(gap: float, above: Any, run: Any) -> bool:
    """Whether ``run``, ``gap`` em under ``above`` (a line of its column), stands close enough
    to go on its cell: within _WRAP, less what a line of the Latin font takes off (asked only
    where that decides)."""
    if gap > _WRAP or gap <= _WRAP - _LATIN_ABOVE - _LATIN_BELOW:
        return gap <= _WRAP
    return gap <= _WRAP - _LATIN_ABOVE * _latin(above.text) - _LATIN_BELOW * _latin(run.text)


def _latin(text: str) -> bool:
    """Whether a line of ``text`` holds no ideograph, fullwidth mark or radical (all at U+2E80
    and on): a browser sets it in the page's Latin font alone, in a shorter line box."""
    return all(ord(ch) < 0x2E80 for ch in text)


def _rows(blocks: list[_Block], em: float, may_span: Callable[[str], bool]) -> tuple[list[list[_Block]], set[int]]:
    """(rows, the ids of merged labels' blocks): blocks grouped by their centres, top to bottom,
    and the groups that are labels between rows taken out. Rows never overlap (padding, spacing
    and the lines' leading part them), so going down, a group whose text overlaps the row above
    it is a label centred between rows, and so is one centred inside a taller row below, where
    the middle of that row and the one above falls (a label over a short row and a tall one; a
    group of label words below is no such row: it may be a label itself), and so is a group of
    label words whose text overlaps the row below (a label over short rows and a tall one,
    centred inside the tall one's text but off its middle)."""
    groups: list[list[_Block]] = []
    for block in sorted(blocks, key=lambda b: b.centre):
        if groups and block.centre - groups[-1][-1].centre <= _CENTRE_SLACK * em:
            groups[-1].append(block)
        else:
            groups.append([block])
    extents = [_extent(g, may_span) for g in groups]
    words = [all(may_span(" ".join(b.parts)) for b in g) for g in groups]  # groups of label words only
    rows: list[list[_Block]] = []
    labels: set[int] = set()
    last = None  # the extent of the row above
    for i, group in enumerate(groups):
        top, bottom = extents[i]
        centre = sum(b.centre for b in group) / len(group)
        between = last is not None and (top < last[1] or any(
            t < centre < b and abs((last[0] + b) / 2 - centre) <= _MIDDLE and not label
            for (t, b), label in zip(extents[i + 1:], words[i + 1:]))
            or i + 1 < len(groups) and extents[i + 1][0] < bottom and words[i])
        if between:
            labels.update(id(b) for b in group)
        else:
            rows.append(group)
            last = extents[i]
    return rows, labels
