"""PDF with a text layer: pages → ruling-line grids → forms.

pypdfium2 gives each character with its box and each path with its segments. A table is where
ruling lines are: horizontal and vertical segments clustered into row and column lines, a slot
between two row lines and two column lines merged with its neighbour wherever no segment
separates them (a merged cell). Characters fall into the slot under their centre and are read
line by line, left to right (the order a viewer shows, not the content stream's). Text outside
every table is prose (titles, 单位：万元, page numbers). Tables drawn one right on another are
told apart by their frames (``pdf_stacked.py``). A table continued on the next page is a new grid
there; recovery joins them. A row the page broke is joined back before (``pdf_broken_row.py`` for
ruled tables, ``pdf_sliced.py`` where a browser sliced the table at the page's edge,
``pdf_text_table.py`` for tables without rules), unless its value cells say it is two rows
(``value_halves.py``, under the header of the grids read so far). Checkbox inputs a browser drew are read as ☑/□
among the characters (``pdf_checkboxes.py``), and the space a browser wrapped a line of Latin
text at is put back (``pdf_wraps.py``).

A PDF without any text (a scan) and an encrypted PDF are clear errors saying what to do; pages
are read one at a time and closed, so memory stays flat on long documents.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from math import inf
from typing import NamedTuple

import attrs

from checker.loaders import issues as ids
from checker.loaders.grid import PROSE, Grid, GridCell, table_place
from checker.loaders.limits import Limits
from checker.loaders.pdf_checkboxes import MAX_MARK, Box, Mark, is_square, read_squares
from checker.loaders.pdf_broken_row import Foot, Head, Ink, foot_cell, head_cell, is_ideograph, joined
from checker.loaders.pdf_clip import Clips
from checker.loaders.pdf_continued import SNAP, aligned, cluster, ends_on_a_header, goes_on
from checker.loaders.pdf_short_box import without_short_boxes
from checker.loaders.pdf_sliced import finished, sliced_rows
from checker.loaders.pdf_stacked import junctions, parts
from checker.loaders.radicals import unradical
from checker.loaders.pdf_text_table import Glyph, PageTable, carry_back, doubtful_join, text_grids
from checker.loaders.pdf_wraps import is_browser_print, wrap_spaces
from checker.loaders.recovery import document_from_grids
from checker.loaders.value_halves import Weigh, weigh_under
from policy.forms.model import Document, LoadIssue, Location

_REACH = 2.0  # points: a rule ending this short of a point still reaches it
_MIN_LENGTH = 3.0


def _has_no_pages(data: bytes) -> bool:
    """Whether pdfium opens ``data`` as a document of no pages. pypdfium2 refuses such a document
    with pdfium's last error, which no successful load resets: "Success" in a fresh process, and
    after an encrypted file a password error, for a file that asks none."""
    import pypdfium2.raw as raw

    handle = raw.FPDF_LoadMemDocument64(data, len(data), None)
    if not handle:
        return False
    raw.FPDF_CloseDocument(handle)
    return True


def load_pdf(data: bytes, path: str, limits: Limits) -> Document:
    """A Document from a PDF's bytes; never raises."""
    where = Location(path)
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        return Document(path, error=ids.file_error(ids.BROKEN_DOCUMENT, where, kind="PDF", reason="pypdfium2 missing"), format="pdf")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if _has_no_pages(data):
            return Document(path, error=ids.file_error(ids.NO_FORM_IN_GRIDS + ".pages", where, pages=0, tables=0), format="pdf")
        if "password" in str(exc).lower():
            return Document(path, error=ids.file_error(ids.ENCRYPTED, where), format="pdf")
        return Document(path, error=ids.file_error(ids.BROKEN_DOCUMENT, where, kind="PDF", reason=str(exc)[:120]), format="pdf")
    try:
        pages = len(pdf)
        browser = is_browser_print(_producer(pdf))
        # LibreOffice Writer sets a cell at its row's top unless the document centres it
        top_aligned = _producer(pdf, "Creator") == "Writer"
        grids: list[Grid] = []
        chars = 0
        borderless = None  # the last page's table without ruling lines, for its continuation
        # The last page's closing ruled table: its grids on every page it ran over, its column lines.
        ruled: tuple[list[int], list[float]] | None = None
        foot: Foot | None = None  # that table's last row, for a row the page broke
        cut = False  # whether the page's edge sliced that table
        doubts: list[LoadIssue] = []  # rows joined to the row above on one cell's evidence
        cuts = _Cuts()  # continued parts' first-row cells ruled off from the page before
        for number in range(min(pages, limits.max_pages)):
            page = pdf[number]
            try:
                read = _page_grids(page, path, number + 1, borderless, browser, weigh_under(lambda: grids), top_aligned)
            finally:
                page.close()
            # A row broken across the page goes back into the page before's table, also where that
            # page's number follows it (the only prose text_grids reads below a table).
            table = next((i for i in range(len(grids) - 1, -1, -1) if grids[i].kind != PROSE), None)
            if read.carried and table is not None:
                grids[table] = carry_back(grids[table], read.carried)
                if read.doubt is not None:  # named by the cell it was joined to
                    col, variant = read.doubt
                    cell = grids[table].covering(grids[table].height - 1, col)
                    doubts.append(ids.cell_warning(ids.DOUBTFUL_JOIN + variant, cell.location, text=read.carried[col]))
            doubts += read.notices
            borderless = read.borderless
            page_grids = list(read.grids)
            first = next((i for i, g in enumerate(page_grids) if g.kind != PROSE), None)
            chain: list[int] = []
            if ruled is not None and first in read.ruled and goes_on(ruled[1], read.ruled[first], page_grids[first]):
                chain, cols = ruled
                index = chain[-1]
                part, doubtful, variant = page_grids[first], None, ""
                # A browser closes each cell it finished with its own rule and runs the frame of a
                # table it cut on to the page's edge: a table it did not cut has nothing going on.
                if foot is not None and read.head is not None and (cut or not browser):
                    if cut:  # the drawing says which cells the page cut (pdf_sliced.py)
                        done, rest = finished(grids[index], foot, part, read.head, read.opened)
                    else:  # what the value cells hold weighed under the header of the table's parts
                        weigh = weigh_under(lambda: [grids[i] for i in chain])
                        done, rest, doubtful, variant = joined(grids[index], foot, part, read.head, weigh)
                    if done is not grids[index] and not ends_on_a_header(grids[index]):  # asked only then
                        grids[index], page_grids[first] = done, rest
                    else:
                        doubtful = None
                whole = page_grids[first] is part  # no row joined back: its first row is the page's
                before, page_grids[first], read.ruled[first] = aligned([grids[i] for i in chain], cols,
                                                                       page_grids[first], read.ruled[first])
                for i, grid in zip(chain, before):
                    grids[i] = grid
                # Said, not left to the grids' widths: a later page's part renumbers this one again.
                # A table a browser sliced says by its open cells what goes on (``finished``); the
                # rule-off reading is for producers that close a part's cells (_Cuts).
                page_grids[first] = attrs.evolve(page_grids[first], continues=True, ruled_off=cuts.ruled_off(
                    len(grids) + first, page_grids[first], read.opened) if whole and not cut else frozenset())
                if doubtful is not None:  # named by its renumbered column (aligned keeps the cells' order)
                    doubts.append(ids.cell_warning(ids.DOUBTFUL_JOIN + variant, page_grids[first].cells[doubtful].location,
                                                   text=part.cells[doubtful].text))
            last = max(read.ruled, default=None)  # the page's last ruled table (a footer may follow)
            if last is not None:
                ruled = ([*chain, len(grids) + last] if last == first else [len(grids) + last], read.ruled[last])
            else:
                ruled = None
            foot, cut = read.foot, read.cut
            grids.extend(page_grids)
            chars += read.visible
    except Exception as exc:  # noqa: BLE001 - pdfium raises on damaged page trees
        return Document(path, error=ids.file_error(ids.BROKEN_DOCUMENT, where, kind="PDF", reason=type(exc).__name__), format="pdf")
    finally:
        pdf.close()
    # Pages past the limit are never opened; the report says so whatever the pages read gave.
    cut = ()
    if pages > limits.max_pages:
        where_cut = Location(path, sheet=f"page {limits.max_pages + 1}")
        cut = (ids.file_error(ids.TOO_MANY_PAGES, where_cut, limit=limits.max_pages),)
    if pages and not chars:
        error = ids.file_error(ids.NO_TEXT_LAYER, where, pages=min(pages, limits.max_pages))
        return Document(path, issues=cut, error=error, format="pdf")
    cuts.finish(grids)
    document = document_from_grids(grids, path, "pdf", limits, pages=min(pages, limits.max_pages))
    return Document(path, document.forms, (*doubts, *document.issues, *cut), document.error, "pdf")


class _Cuts:
    """Which continued parts' first-row cells are ruled off from the page before, where the
    document shows a producer that leaves a merged cell the page splits open at the cut (Calc
    draws each cell's own borders: no rule over the cell on either page). There a blank label
    under a rule is a block of its own (its label printed further on, after a repeated header),
    not the label above going on. A producer that closes every part (Writer) shows no open cut,
    and its parts keep reading as they did."""

    def __init__(self) -> None:
        self.seen_open = False
        self._before: list[tuple[int, frozenset[int]]] = []  # parts read before an open cut was seen

    def ruled_off(self, index: int, part: Grid, opened: frozenset[int]) -> frozenset[int]:
        """The columns to mark on the part at grid ``index`` now (``opened``: its first-row cells
        left open, by their place in its cells); a part read before any open cut is marked in
        ``finish``, once the document has shown one (marking it again here would rebuild it)."""
        self.seen_open = self.seen_open or bool(opened)
        if not self.seen_open:
            self._before.append((index, opened))
            return frozenset()
        return _closed(part, opened)

    def finish(self, grids: list[Grid]) -> None:
        if self.seen_open:
            for index, opened in self._before:
                grids[index] = attrs.evolve(grids[index], ruled_off=_closed(grids[index], opened))


def _closed(part: Grid, opened: frozenset[int]) -> frozenset[int]:
    """The columns of ``part``'s first-row cells not in ``opened`` (places in its cells)."""
    return frozenset(c for i, cell in enumerate(part.cells) if cell.row == 0 and i not in opened
                     for c in range(cell.col, cell.col + cell.colspan))


def _producer(pdf, key: str = "Producer") -> str:
    """The document's ``Producer`` (or another ``key`` of its information); a string pdfium
    cannot give as text is none."""
    try:
        return pdf.get_metadata_value(key)
    except UnicodeDecodeError:
        return ""


def _segments(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]], list[Box], list[Mark]]:
    """(horizontal (y, x0, x1), vertical (x, y0, y1)) ruling segments, y measured downwards, and
    the square paths and open stroked paths that may be checkboxes and check marks (their sides
    are not rules: a checkbox's would split its cell, or make a table of a page without one).

    Through pdfium's own calls, not pypdfium2's object helpers: a browser prints a path per cell
    border (~300 a page), and a helper object and a matrix object per path cost 9.6% of checking
    a 31-page Chromium PDF end to end (callgrind: 6,131 → 5,540 M instructions)."""
    import pypdfium2.raw as raw

    height = page.get_height()
    horizontal, vertical = [], []
    x, y = ctypes.c_float(), ctypes.c_float()
    m = raw.FS_MATRIX()
    edges = [ctypes.c_float() for _ in range(4)]
    lineto = raw.FPDF_SEGMENT_LINETO
    get_segment, get_point, get_type = raw.FPDFPath_GetPathSegment, raw.FPDFPathSegment_GetPoint, \
        raw.FPDFPathSegment_GetType
    boxes: list[Box] = []
    marks: list[Mark] = []
    for obj in _path_objects(raw, page.raw):
        if not raw.FPDFPageObj_GetMatrix(obj, m):
            raise ValueError("a path without a matrix")
        a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
        count = raw.FPDFPath_CountSegments(obj)
        if count > 2000:  # a drawing, not a table's rules
            continue
        h0, v0 = len(horizontal), len(vertical)
        last = None
        for i in range(count):
            segment = get_segment(obj, i)
            get_point(segment, x, y)
            px, py = x.value, y.value
            point = (a * px + c * py + e, height - (b * px + d * py + f))
            if get_type(segment) == lineto and last is not None:
                (x0, y0), (x1, y1) = last, point
                if abs(y0 - y1) < 1 and abs(x1 - x0) >= _MIN_LENGTH:
                    horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
                elif abs(x0 - x1) < 1 and abs(y1 - y0) >= _MIN_LENGTH:
                    vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
            last = point
        if len(horizontal) - h0 >= 2 and len(vertical) - v0 >= 2:  # straight sides: a square?
            top, bottom = min(h[0] for h in horizontal[h0:]), max(h[0] for h in horizontal[h0:])
            left, right = min(v[0] for v in vertical[v0:]), max(v[0] for v in vertical[v0:])
            if is_square(left, top, right, bottom):
                filled, stroked = _draw_mode(raw, obj)
                boxes.append(Box(left, top, right, bottom, stroked, filled,
                                 (tuple(horizontal[h0:]), tuple(vertical[v0:]))))
                del horizontal[h0:], vertical[v0:]
        elif 3 <= count <= 6 and len(horizontal) == h0 and len(vertical) == v0:  # a check mark?
            mark = _open_strokes(raw, obj, (a, b, c, d, e, f), height)
            if mark is not None:
                marks.append(mark)
        if count == 0:  # a filled thin rectangle drawn as a rule (browsers print borders so)
            if not raw.FPDFPageObj_GetBounds(obj, *edges):
                raise ValueError("a path without bounds")
            left, bottom, right, top = (v.value for v in edges)
            top_y, bottom_y = height - top, height - bottom
            if top - bottom <= 2 and right - left >= _MIN_LENGTH:
                horizontal.append(((top_y + bottom_y) / 2, left, right))
            elif right - left <= 2 and top - bottom >= _MIN_LENGTH:
                vertical.append(((left + right) / 2, top_y, bottom_y))
    return horizontal, vertical, boxes, marks


def _draw_mode(raw, obj) -> tuple[bool, bool]:
    """(filled, stroked) of a path object."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False, False
    return fill.value != 0, bool(stroke.value)


def _open_strokes(raw, obj, matrix, height: float) -> Mark | None:
    """The extent of a stroked open path of straight lines only (a check mark), else None."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = [], []
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind != (raw.FPDF_SEGMENT_LINETO if i else raw.FPDF_SEGMENT_MOVETO) or raw.FPDFPathSegment_GetClose(segment):
            return None  # a curve, a second subpath or a closed shape
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        xs.append(a * x.value + c * y.value + e)
        ys.append(height - (b * x.value + d * y.value + f))
    if not _draw_mode(raw, obj)[1] or max(xs) - min(xs) > MAX_MARK or max(ys) - min(ys) > MAX_MARK:
        return None
    return Mark(min(xs), min(ys), max(xs), max(ys))


def _path_objects(raw, parent, form: bool = False, level: int = 0):
    """The page's path objects, form XObjects entered up to four levels deep (as pypdfium2's
    ``get_objects(max_depth=4)``)."""
    count = (raw.FPDFFormObj_CountObjects if form else raw.FPDFPage_CountObjects)(parent)
    if count < 0:
        raise ValueError("cannot count the page's objects")
    get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
    for i in range(count):
        obj = get(parent, i)
        if not obj:
            raise ValueError("a page object cannot be read")
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == raw.FPDF_PAGEOBJ_FORM and level < 3:
            yield from _path_objects(raw, obj, True, level + 1)


def _spans_at(segments, positions: list[float], at: float) -> list[tuple[float, float]]:
    """The extents of the segments that lie on the line at ``at`` (within SNAP); ``segments``
    sorted by position, ``positions`` their positions."""
    lo, hi = bisect_left(positions, at - SNAP), bisect_right(positions, at + SNAP)
    return [(a, b) for _, a, b in segments[lo:hi]]


def _covers(spans: list[tuple[float, float]], lo_mid: float) -> bool:
    return any(a - _REACH <= lo_mid <= b + _REACH for a, b in spans)


class _Table:
    """One ruled table of a page: its row and column lines and merged slots."""

    def __init__(self, rows: list[float], cols: list[float], horizontal, vertical, cut: bool = False):
        self.rows, self.cols = rows, cols
        self.cut = cut  # the page's edge slices it below its last rule (pdf_sliced.py)
        n, m = len(rows) - 1, len(cols) - 1
        parent = list(range(n * m))

        def find(a: int) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        # Each inner line's own segments, gathered once (a bisect on the sorted positions): a
        # browser draws a path per cell border, and testing every slot against all of a page's
        # segments cost 37.5% of checking a 31-page Chromium PDF end to end (callgrind: 10,272 →
        # 6,422 M instructions); the bisect instead of a scan per line 4.5% more (→ 6,131 M).
        at_x, at_y = [v[0] for v in vertical], [h[0] for h in horizontal]  # both sorted by _tables
        on_col = [_spans_at(vertical, at_x, x) for x in cols]
        on_row = [_spans_at(horizontal, at_y, y) for y in rows]
        for i in range(n):
            mid_y = (rows[i] + rows[i + 1]) / 2
            for j in range(m):
                mid_x = (cols[j] + cols[j + 1]) / 2
                if j + 1 < m and not _covers(on_col[j + 1], mid_y):
                    parent[find(i * m + j + 1)] = find(i * m + j)
                if i + 1 < n and not _covers(on_row[i + 1], mid_x):
                    parent[find((i + 1) * m + j)] = find(i * m + j)
        regions: dict[int, list[int]] = {}
        for k in range(n * m):
            regions.setdefault(find(k), []).append(k)
        self.slot_region = {}
        self.regions = []
        for members in regions.values():
            r0 = min(k // m for k in members)
            c0 = min(k % m for k in members)
            r1 = max(k // m for k in members)
            c1 = max(k % m for k in members)
            index = len(self.regions)
            self.regions.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
            for k in members:
                self.slot_region[k] = index
        self.n, self.m = n, m

    def region_at(self, x: float, y: float) -> int | None:
        """The region under (x, y). Text in a row's band but past the table's side belongs to
        the row's first or last cell: Writer lets a line it cannot break run past the rule."""
        if not self.rows[0] <= y <= self.rows[-1]:
            return None
        # The first row (column) whose lower (right) line is at or past y (x), by bisection: asked
        # for every character, a scan cost 4.0% of checking an 11-page Calc PDF of 20 forms end
        # to end (callgrind: 3,195 → 3,068 M instructions).
        i = min(bisect_left(self.rows, y, 1) - 1, self.n - 1)
        j = min(bisect_left(self.cols, x, 1) - 1, self.m - 1)
        return self.slot_region.get(i * self.m + j)


def _tables(horizontal, vertical) -> list[_Table]:
    """Tables of a page: runs of row lines whose bands a vertical rule crosses, apart where one
    table's frame ends on the row line the next one's begins (``pdf_stacked.py``). Sorts both
    lists in place, and drops from ``horizontal`` the bottoms of boxes a browser drew shorter than
    the merged cell's rows (``pdf_short_box.py``): the caller reads the same rules."""
    horizontal.sort()
    vertical.sort()
    horizontal[:] = without_short_boxes(horizontal, vertical)
    meets = junctions(vertical, cluster([y for y, _, _ in horizontal]))
    if meets:
        return [table for band in parts(horizontal, vertical, meets) for table in _band_tables(*band)]
    return _band_tables(horizontal, vertical)


def _band_tables(horizontal, vertical) -> list[_Table]:
    rows = cluster([y for y, _, _ in horizontal])
    tables = []
    run: list[float] = []
    for a, b in zip(rows, rows[1:]):
        mid = (a + b) / 2
        if any(y0 - _REACH <= mid <= y1 + _REACH for _, y0, y1 in vertical):
            run = run or [a]
            run.append(b)
            continue
        if len(run) >= 2:
            tables.append(run)
        run = []
    if len(run) >= 2:
        tables.append(run)
    out = []
    for table_rows in tables:
        top, bottom = table_rows[0], table_rows[-1]
        cols = cluster([x for x, y0, y1 in vertical if y0 < bottom - _REACH and y1 > top + _REACH])
        if len(cols) >= 2:
            rows, cut = sliced_rows(table_rows, cols, vertical)
            out.append(_Table(rows, cols, horizontal, vertical, cut))
    return out


class _Page(NamedTuple):
    """What one page's reading hands on (built by keyword: its fields have grown by merges)."""

    grids: list[Grid]
    visible: int  # characters that show
    borderless: PageTable | None  # the page's table without ruling lines, for the next page
    carried: dict[int, str]  # text finishing the previous page's last borderless row
    ruled: dict[int, list[float]]  # index of a ruled table's grid → its column lines
    foot: Foot | None = None  # the last ruled table's last row
    head: Head | None = None  # the first ruled table's first row
    doubt: tuple[int, str] | None = None  # column and E113 variant of text carried on weak evidence
    notices: tuple[LoadIssue, ...] = ()  # what the table without rules could not tell apart (E115-E117)
    cut: bool = False  # the page's edge slices the last ruled table
    opened: frozenset[int] = frozenset()  # the first table's first-row cells with no rule above


def _page_grids(page, path: str, number: int, before: PageTable | None, browser: bool = False,
                weigh: Weigh | None = None, top_aligned: bool = False) -> _Page:
    """The page's grids; ``browser``: printed by Chromium, whose wraps at a space carry none;
    ``weigh``: what the value cells say of a row the page broke, in a table without rules;
    ``top_aligned``: printed by a word processor (pdf_text_table.text_grids)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = unradical(textpage.get_text_range(0, count)) if count else ""
        height = page.get_height()
        boxes = [textpage.get_charbox(i, loose=True) for i in range(count)]
        # Spaces and breaks pdfium infers between text runs are not the document's: a number the
        # line broke ("≥3500" / "0次/天") must not gain a space.
        generated = [raw.FPDFText_IsGenerated(textpage.raw, i) == 1 for i in range(count)]  # line boxes: "-" sits on its line
        # An ideograph narrower than tall was drawn by a font without it (a .notdef box): its font
        # size is the width the writer laid it out with (pdf_broken_row.py).
        ems = {i: raw.FPDFText_GetFontSize(textpage.raw, i) for i, (ch, (left, bottom, right, top))
               in enumerate(zip(text, boxes)) if right - left < top - bottom and is_ideograph(ch)}
        clips = Clips(textpage.raw, height)  # asked below, so the text page stays open till then
    except BaseException:
        textpage.close()
        raise
    horizontal, vertical, squares, marks = _segments(page)
    if squares:  # checkbox inputs, read as tick glyphs where they stand among the characters
        centres = [((left + right) / 2, height - (top + bottom) / 2) for ch, (left, bottom, right, top)
                   in zip(text, boxes) if ch.strip()]
        found, cells = read_squares(squares, marks, (horizontal, vertical), centres)
        for cell in cells:  # a small cell drawn as a square: its sides are rules after all
            horizontal += cell.rules[0]
            vertical += cell.rules[1]
        text += "".join(box.glyph for box in found)
        boxes += [(box.left, height - box.bottom, box.right, height - box.top) for box in found]
        generated += [False] * len(found)
    tables = _tables(horizontal, vertical)
    placed: dict[tuple[int, int], list[tuple[float, float, float, str]]] = {}
    outside: list[tuple[float, float, float, str]] = []
    glyphs: list[Glyph] = []  # the characters outside every ruled table, with their extent
    visible = 0
    last = (0.0, 0.0, 1.0)
    touching: tuple[int, int, float, float] | None = None  # table, region, y and right edge of the glyph before
    # Glyph extents of the cells on the first table's first row and the last table's last row,
    # for a row the page broke (pdf_broken_row.py).
    ink: dict[tuple[int, int], list[Ink]] = {}
    edges = {(0, i) for i, region in enumerate(tables[0].regions) if region[0] == 0} if tables else set()
    if tables:
        edges |= {(len(tables) - 1, i) for i, (r, _, rowspan, _) in enumerate(tables[-1].regions)
                  if r + rowspan == tables[-1].n}
    wraps = wrap_spaces(text, boxes, generated) if browser else set()
    hidden: set[int] = set()  # glyphs placed by their clip, not where they are drawn (no ink)
    span_top, span_foot = (tables[0].rows[0], tables[-1].rows[-1]) if tables else (-inf, inf)
    for i, (ch, (left, bottom, right, top), made) in enumerate(zip(text, boxes, generated)):
        if i in wraps:  # the space a browser wrapped the line at (pdf_wraps.py): after the char before
            ch, right = " ", left
        elif ch in "\r\n" or made:
            continue
        if right <= left and not ch.strip():  # a space pdfium adds (a word break): after the char before
            y, x, size = last[0], last[1] + 0.01, last[2]
        else:
            y, x = height - (top + bottom) / 2, (left + right) / 2
            # Above the first table or below the last, a glyph drawn outside its clip reads where
            # its clip is (pdf_clip.py): a label the page split. Asked of every glyph, the
            # pdfium calls cost 8-15% of reading Calc and Writer PDFs.
            if i < count and not span_top <= y <= span_foot:  # (a checkbox read is no character)
                moved = clips.place(i, x, y)
                if moved is not None:
                    x, y = moved
                    hidden.add(i)
            size = max(top - bottom, 1.0)
            last = (y, x, size)
        if i >= count:  # a checkbox, appended after the characters: no glyph touches it
            touching = None
        elif ch.strip():
            visible += 1
        for t, table in enumerate(tables):
            region = table.region_at(x, y)
            if region is not None:
                # A glyph touching the one before on its line is the same cell's text even past
                # the rule: Writer lets a line it cannot break run into the next cell.
                if touching is not None and touching[0] == t and abs(touching[2] - y) < 0.2 * size \
                        and -0.5 <= left - touching[3] <= 0.1 * size:
                    region = touching[1]
                placed.setdefault((t, region), []).append((y, x, size, ch))
                if (t, region) in edges and right > left and i not in hidden:  # ink a viewer sees
                    ink.setdefault((t, region), []).append(Ink(y, left, right, size, ch, ems.get(i, 0.0)))
                touching = (t, region, y, right) if right > left else touching
                break
        else:
            outside.append((y, x, size, ch))
            glyphs.append(Glyph(y, left if right > left else x, right if right > left else x, size, ch))
    textpage.close()  # (on an error above, closing the page closes it)
    if not tables:  # no ruling lines: the table, if any, is where the text lines up
        grids, table, carried = text_grids(glyphs, path, number, before, height, weigh, top_aligned)
        top = min((g.y - g.size / 2 for g in glyphs), default=0.0)
        doubt = doubtful_join(before, carried, top, height) if before is not None and carried else None
        return _Page(grids=grids, visible=visible, borderless=table, carried=carried, ruled={}, doubt=doubt,
                     notices=_notices(table) if table is not None else ())
    grids: list[Grid] = []
    ruled: dict[int, list[float]] = {}
    prose_lines = _lines(outside)
    above = [line for line in prose_lines if not tables or line[0] < tables[0].rows[0]]
    if above:
        grids.append(_prose(above, path, number))
    for t, table in enumerate(tables):
        name = f"page {number} table {t + 1}"
        cells = []
        for index, (r, c, rowspan, colspan) in enumerate(table.regions):
            text_of = _join(_lines(placed.get((t, index), [])))
            cells.append(GridCell(text_of, r, c, table_place(path, name, r, c), rowspan, colspan))
        ruled[len(grids)] = table.cols
        grids.append(Grid(name, tuple(cells), page=number))
        below_end = tables[t + 1].rows[0] if t + 1 < len(tables) else float("inf")
        between = [line for line in prose_lines if table.rows[-1] < line[0] < below_end]
        if between:
            grids.append(_prose(between, path, number))
    return _Page(grids=grids, visible=visible, borderless=None, carried={}, ruled=ruled,
                 foot=_foot(tables[-1], len(tables) - 1, ink), head=_head(tables[0], ink, height, alone=not above),
                 cut=tables[-1].cut, opened=_opened(tables[0], horizontal))


def _foot(table: _Table, t: int, ink: dict[tuple[int, int], list[Ink]]) -> Foot:
    bottom = table.rows[-1]
    cells = [foot_cell(i, table.cols[c], table.cols[c + colspan], bottom, ink.get((t, i), []))
             for i, (r, c, rowspan, colspan) in enumerate(table.regions) if r + rowspan == table.n]
    return Foot(bottom, cells)


def _opened(table: _Table, horizontal) -> frozenset[int]:
    """The table's first-row regions with no rule above them: cells a page's edge cut open."""
    top = _spans_at(horizontal, [h[0] for h in horizontal], table.rows[0])
    return frozenset(i for i, (r, c, _, colspan) in enumerate(table.regions)
                     if r == 0 and not _covers(top, (table.cols[c] + table.cols[c + colspan]) / 2))


def _head(table: _Table, ink: dict[tuple[int, int], list[Ink]], height: float, alone: bool) -> Head:
    cells = [head_cell(i, table.cols[c], table.cols[c + colspan], ink.get((0, i), []))
             for i, (r, c, _, colspan) in enumerate(table.regions) if r == 0]
    return Head(height - table.rows[0], alone, [c for c in cells if c is not None])


def _lines(chars: list[tuple[float, float, float, str]]) -> list[tuple[float, str]]:
    """Characters grouped into lines (by their vertical centre), each read left to right."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for item in sorted(chars):
        if lines and abs(item[0] - lines[-1][0][0]) <= item[2] * 0.5:
            lines[-1].append(item)
        else:
            lines.append([item])
    out = []
    for line in lines:
        line.sort(key=lambda item: item[1])
        out.append((line[0][0], "".join(ch for _, _, _, ch in line)))
    return [(y, text) for y, text in out if text.strip()]


def _join(lines: list[tuple[float, str]]) -> str:
    """A cell's lines as one text."""
    # A wrap with no space character at the break joins without one: the text layer keeps the
    # spaces a line was broken at ("中长期目标（20**年 " / "- 20**年）"), and a number broken by
    # the line ("≥3500" / "0次/天") has none.
    return "".join(line for _, line in lines).strip()


def _notices(table: PageTable) -> tuple[LoadIssue, ...]:
    """The notices of a page's table without rules: cells split where one's text ran up to the
    next's (E115), centred labels other rows centre as well (E116), a row a browser broke (E117)."""
    return (*(ids.cell_warning(ids.OVERRUN, where, text=text, next=after) for where, text, after in table.overruns),
            *(ids.cell_warning(ids.CENTRED_LABEL_ROWS, where, label=text, other=other)
              for where, text, other in table.doubted_labels),
            *(ids.cell_warning(ids.BROKEN_ROW, where, text=text) for where, text in table.broken))


def _prose(lines: list[tuple[float, str]], path: str, number: int) -> Grid:
    cells = tuple(
        GridCell(text, i, 0, Location(path, sheet=f"page {number}", cell=f"L{i + 1}"))
        for i, (_, text) in enumerate(lines)
    )
    return Grid(f"page {number}", cells, PROSE, number)
