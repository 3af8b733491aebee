"""Which paths of a PDF page are a table's rules, checkboxes and check marks (``pdf._segments``,
``pdf._path_objects``): rules drawn under a transformation, inside form XObjects, in paths of
several subpaths or thousands of segments, short dashes and slanted strokes that are no rules.
Written for the survivors of the mutation run of 2026-12-05 (docs/testing.md); what is asserted
is the cells the page reads as."""

from __future__ import annotations

import re

from tests.loaders.pdf_bytes import HEIGHT, one_page_pdf, pdf_file, read_page


def _y(top: float) -> float:
    return HEIGHT - top


# A ruled table (x 50-150-250, y 100-130-160 from the top) whose first row is one merged cell:
# "Name" over both columns; "A" and "B" in the second row's two cells.
_TEXT = (f"BT /F1 10 Tf 60 {_y(118)} Td (Name) Tj ET BT /F1 10 Tf 60 {_y(148)} Td (A) Tj ET "
         f"BT /F1 10 Tf 160 {_y(148)} Td (B) Tj ET ")
_RULES = [(50, 100, 250, 100), (50, 130, 250, 130), (50, 160, 250, 160),  # row lines
          (50, 100, 50, 160), (250, 100, 250, 160), (150, 130, 150, 160)]  # sides, the inner column line
MERGED = [(0, 0, 2, "Name"), (1, 0, 1, "A"), (1, 1, 1, "B")]  # (row, col, colspan, text)


def _strokes(rules: list[tuple[float, float, float, float]]) -> str:
    """Each rule (x0, top0, x1, top1), measured from the page's top, as a stroked path of its own."""
    return "".join(f"{x0} {_y(t0)} m {x1} {_y(t1)} l S " for x0, t0, x1, t1 in rules)


def _cells(content: str) -> list[tuple[int, int, int, str]]:
    read = read_page(content)
    tables = [g for g in read.grids if g.kind == "table"]
    return [(c.row, c.col, c.colspan, c.text) for g in tables for c in g.cells]


def _transformed(content: str, a: float, b: float, c: float, d: float, e: float, f: float) -> str:
    """``content``'s points (``x y m``, ``x y l``) given in page space, drawn under the matrix
    (a b c d e f) ``cm``: each point written as the user-space point the matrix maps onto it."""
    det = a * d - b * c

    def back(match: re.Match) -> str:
        x, y = float(match[1]) - e, float(match[2]) - f
        return f"{(d * x - c * y) / det:.4f} {(a * y - b * x) / det:.4f} {match[3]}"

    return f"q {a} {b} {c} {d} {e} {f} cm " + re.sub(r"(-?[\d.]+) (-?[\d.]+) ([ml])\b", back, content) + " Q "


def test_the_table_reads_as_drawn():
    assert _cells(_strokes(_RULES) + _TEXT) == MERGED


def test_rules_drawn_under_a_scale_and_a_shift_are_where_the_matrix_puts_them():
    assert _cells(_transformed(_strokes(_RULES), 2, 0, 0, 2, -5, -7) + _TEXT) == MERGED


def test_rules_drawn_under_a_rotation_are_where_the_matrix_puts_them():
    assert _cells(_transformed(_strokes(_RULES), 0, 1, -1, 0, 300, 0) + _TEXT) == MERGED
    assert _cells(_transformed(_strokes(_RULES), 0, -1, 1, 0, 0, 400) + _TEXT) == MERGED


def test_rules_drawn_in_form_xobjects_three_deep_are_read():
    """Writer and browsers may draw a page's rules inside form XObjects; they are entered up to
    three forms deep (pypdfium2's ``get_objects(max_depth=4)``)."""
    from checker.loaders import pdf as pdf_loader
    import pypdfium2 as pdfium

    def cells(depth: int) -> list[tuple[int, int, int, str]]:
        data = _with_forms(_strokes(_RULES), depth, _TEXT)
        document = pdfium.PdfDocument(data)
        try:
            page = document[0]
            try:
                read = pdf_loader._page_grids(page, "f.pdf", 1, None)
            finally:
                page.close()
        finally:
            document.close()
        return [(c.row, c.col, c.colspan, c.text) for g in read.grids if g.kind == "table" for c in g.cells]

    assert cells(1) == MERGED
    assert cells(3) == MERGED
    assert cells(4) == []  # deeper: not entered (the text is read as prose)


def _with_forms(drawn: str, depth: int, page_text: str) -> bytes:
    """A one-page PDF whose content calls form XObject 1, which calls form 2, …, down to form
    ``depth``, which draws ``drawn``; the page draws ``page_text`` itself."""
    base = one_page_pdf(page_text)
    # Append the forms as new objects after the page's (one_page_pdf: objects 1-6) and point the
    # page's resources at them; rebuild the file with a fresh cross-reference table.
    bodies = re.findall(rb"\d+ 0 obj\n(.*?)\nendobj\n", base, re.S)
    first = len(bodies) + 1
    forms = []
    for level in range(depth):
        number = first + level
        inner = drawn if level == depth - 1 else "/X Do"
        resources = f"/Resources << /XObject << /X {number + 1} 0 R >> >>" if level < depth - 1 else ""
        stream = inner.encode("latin-1")
        forms.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 400] %s /Length %d >>\nstream\n%s\nendstream"
                     % (resources.encode(), len(stream), stream))
    page_index = next(i for i, b in enumerate(bodies) if b.startswith(b"<< /Type /Page "))
    content_index = page_index + 1
    page_stream = b"/X Do " + page_text.encode("latin-1")
    bodies[content_index] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page_stream), page_stream)
    bodies[page_index] = bodies[page_index].replace(b"/Resources << ", b"/Resources << /XObject << /X %d 0 R >> " % first)
    bodies += forms
    return pdf_file(bodies)


def _one_path(rules: list[tuple[float, float, float, float]], padding: int = 0) -> str:
    """``rules`` as the subpaths of one stroked path, after ``padding`` segments of a dot drawn
    in the page's corner (a move and ``padding - 1`` lines of no length)."""
    dots = "5 5 m " + "5 5 l " * (padding - 1) if padding else ""
    return dots + "".join(f"{x0} {_y(t0)} m {x1} {_y(t1)} l " for x0, t0, x1, t1 in rules) + "S "


def test_a_path_of_up_to_2000_segments_is_a_tables_rules_and_a_longer_one_a_drawing():
    segments = 2 * len(_RULES)  # a move and a line a rule
    assert _cells(_one_path(_RULES, 2000 - segments) + _TEXT) == MERGED
    assert _cells(_one_path(_RULES, 2001 - segments) + _TEXT) == []


def test_rules_after_a_drawing_are_still_read():
    drawing = "5 5 m " + "6 6 l 5 5 l " * 1001 + "S "
    assert _cells(drawing + _strokes(_RULES) + _TEXT) == MERGED


def test_a_move_to_the_next_subpath_draws_no_rule():
    """Rules drawn as subpaths of one path: the pen's move from one rule's end to the next one's
    start is no line, even where it runs straight down through the merged cell."""
    rules = [(50, 100, 150, 100), (150, 130, 250, 130), (150, 100, 250, 100), (50, 130, 150, 130),
             (50, 160, 250, 160), (50, 100, 50, 160), (250, 100, 250, 160), (150, 130, 150, 160)]
    assert _cells(_one_path(rules) + _TEXT) == MERGED


def test_a_short_dash_is_no_rule_and_a_three_point_one_is():
    """A dash shorter than 3 pt (a leader's dot, a hyphen drawn as a path) is no rule, wherever it
    stands; at 3 pt it is."""
    dash = [(148, 112, 148, 114.9), (20, 50, 22.9, 50)]  # in the merged cell; off the table
    assert _cells(_strokes(_RULES + dash) + _TEXT) == MERGED
    assert _cells(_strokes(_RULES + [(148, 112, 148, 115)]) + _TEXT) == [
        (0, 0, 1, "Name"), (0, 1, 1, ""), (1, 0, 1, "A"), (1, 1, 1, "B")]


def test_a_horizontal_dash_shorter_than_3_points_is_no_rule_and_one_of_3_is():
    """Across the middle of the second row's first cell, halfway down: a rule there would split the cell."""
    assert _cells(_strokes(_RULES + [(99, 145, 101.9, 145)]) + _TEXT) == MERGED
    assert _cells(_strokes(_RULES + [(99, 145, 102, 145)]) + _TEXT) != MERGED


def test_a_stroke_slanted_by_a_point_is_no_rule():
    slanted = [(148, 102, 149, 128)]  # 1 pt across over 26 pt down
    assert _cells(_strokes(_RULES + slanted) + _TEXT) == MERGED
    level = [(148.5, 102, 149, 128)]  # half a point: a rule, at its middle
    assert _cells(_strokes(_RULES + level) + _TEXT)[:2] == [(0, 0, 1, "Name"), (0, 1, 1, "")]


def test_a_horizontal_stroke_slanted_by_a_point_is_no_rule():
    # Under "A" and "B": a rule there would split the second row.
    slanted = [(52, 140, 248, 141)]
    assert _cells(_strokes(_RULES + slanted) + _TEXT) == MERGED


# -- checkboxes and check marks among the paths ---------------------------------------------------

# A one-row table (x 50-150-250, y 100-130), "Kind" in its first cell, "New" in its second after a
# box drawn at x 160-171 (10.9 by 10.2 pt, as Chromium draws one).
_ROW = _strokes([(50, 100, 250, 100), (50, 130, 250, 130), (50, 100, 50, 130), (150, 100, 150, 130),
                 (250, 100, 250, 130)]) + \
    f"BT /F1 10 Tf 60 {_y(118)} Td (Kind) Tj ET BT /F1 10 Tf 175 {_y(118)} Td (New) Tj ET "
_BOX = f"q 0.7 w 160 {_y(120)} 10.9 10.2 re S Q "
_TICK = f"162 {_y(115)} m 165 {_y(118)} l 169 {_y(111)} l"  # two strokes: a move and two lines


def _row(drawn: str) -> list[str]:
    return [c.text for g in read_page(_ROW + drawn).grids for c in g.cells]


def test_a_check_mark_drawn_under_a_shift_or_a_rotation_ticks_its_box():
    assert _row(_BOX + f"q 1 w {_TICK} S Q") == ["Kind", "\u2611New"]
    # Drawn from the user space's origin, moved there by the matrix.
    assert _row(_BOX + "q 1 w " + _transformed(f"{_TICK} S", 1, 0, 0, 1, 162, _y(115)) + " Q") == ["Kind", "\u2611New"]
    assert _row(_BOX + "q 1 w " + _transformed(f"{_TICK} S", 0, 1, -1, 0, 300, 0) + " Q") == ["Kind", "\u2611New"]


def test_a_closed_shape_or_a_filled_one_in_a_box_is_no_check_mark():
    assert _row(_BOX + f"q 1 w {_TICK} h S Q") == ["Kind", "\u25a1New"]  # a triangle
    assert _row(_BOX + f"q {_TICK} f Q") == ["Kind", "\u25a1New"]  # filled, not stroked


def test_small_cells_drawn_as_squares_are_a_tables_cells():
    """A row of small cells, each drawn as a square of its own holding its text: their sides are
    the table's rules (no checkbox holds text)."""
    squares = "".join(f"{x} {_y(130)} 15 15 re S " for x in (50, 65, 80))
    texts = "".join(f"BT /F1 10 Tf {x + 3} {_y(126)} Td ({t}) Tj ET " for x, t in ((50, "a"), (65, "b"), (80, "c")))
    assert _cells(squares + texts) == [(0, 0, 1, "a"), (0, 1, 1, "b"), (0, 2, 1, "c")]


# -- where text falls: past a table's sides, on several lines, and what a rule's reach is --------


def test_text_past_a_tables_sides_belongs_to_its_rows_first_and_last_cells():
    """Writer lets a line it cannot break run past the table's side: what stands in a row's band
    left of the table is its first cell's, right of it its last cell's — not the row's below
    or above."""
    past = f"BT /F1 10 Tf 20 {_y(148)} Td (L) Tj ET BT /F1 10 Tf 270 {_y(148)} Td (R) Tj ET"
    assert _cells(_strokes(_RULES) + _TEXT + past) == [(0, 0, 2, "Name"), (1, 0, 1, "LA"), (1, 1, 1, "BR")]


def test_a_table_of_one_row_is_a_table_also_with_a_lone_rule_below_it():
    one_row = _strokes([(50, 100, 250, 100), (50, 130, 250, 130), (50, 100, 50, 130), (150, 100, 150, 130),
                        (250, 100, 250, 130)])
    below = _strokes([(50, 200, 250, 200)])  # a signature line: crossed by no side
    texts = f"BT /F1 10 Tf 60 {_y(118)} Td (Kind) Tj ET BT /F1 10 Tf 175 {_y(118)} Td (New) Tj ET "
    assert _cells(one_row + below + texts) == [(0, 0, 1, "Kind"), (0, 1, 1, "New")]


def test_a_cells_lines_are_read_top_to_bottom_each_left_to_right():
    two_lines = f"BT /F1 10 Tf 160 {_y(140)} Td (CD) Tj ET BT /F1 10 Tf 160 {_y(152)} Td (EF) Tj ET "
    rules = _RULES[:2] + [(50, 170, 250, 170)] + [(50, 100, 50, 170), (250, 100, 250, 170), (150, 130, 150, 170)]
    name = f"BT /F1 10 Tf 60 {_y(118)} Td (Name) Tj ET "
    assert _cells(_strokes(rules) + name + two_lines)[-1] == (1, 1, 1, "CDEF")


def test_glyphs_of_two_sizes_on_one_baseline_read_left_to_right():
    """A larger glyph's centre stands higher than a smaller one's on the same baseline: the line
    is still read by x."""
    mixed = f"BT /F1 12 Tf 160 {_y(150)} Td (W) Tj /F1 8 Tf (x) Tj ET "
    assert _cells(_strokes(_RULES) + f"BT /F1 10 Tf 60 {_y(118)} Td (Name) Tj ET " + mixed)[-1] == (1, 1, 1, "Wx")
    mixed = f"BT /F1 8 Tf 160 {_y(150)} Td (x) Tj /F1 12 Tf (W) Tj ET "
    assert _cells(_strokes(_RULES) + f"BT /F1 10 Tf 60 {_y(118)} Td (Name) Tj ET " + mixed)[-1] == (1, 1, 1, "xW")


def test_a_rule_ending_up_to_two_points_short_of_a_rows_middle_still_parts_its_cells():
    """The inner column line of the second row (130-160, middle 145) drawn from below, stopping
    short of the middle: up to 2 pt short it parts "A" and "B", further short it does not."""
    for top, parted in ((147, True), (146.5, True), (147.5, False)):
        rules = _RULES[:5] + [(150, top, 150, 160), (150, 100, 150, 128)]
        cells = _cells(_strokes(rules) + _TEXT)
        assert ((1, 1, 1, "B") in cells) == parted, top
    for bottom, parted in ((143, True), (143.5, True), (142.5, False)):  # drawn from above
        rules = _RULES[:5] + [(150, 130, 150, bottom)]
        cells = _cells(_strokes(rules) + _TEXT)
        assert ((1, 1, 1, "B") in cells) == parted, bottom


def test_a_check_mark_may_reach_past_its_box_by_three_tenths_of_its_side():
    """In a 20 pt box (the largest a checkbox may be), a mark 32 pt wide, or 32 pt tall, still
    ticks it: 6 pt past each side."""
    box = f"q 0.7 w 152 {_y(125)} 20 20 re S Q "  # left of "New"
    wide = f"q 1 w 146 {_y(112)} m 158 {_y(118)} l 178 {_y(108)} l S Q"
    tall = f"q 1 w 156 {_y(99)} m 160 {_y(131)} l 168 {_y(110)} l S Q"
    assert _row(box + wide) == ["Kind", "\u2611New"]
    assert _row(box + tall) == ["Kind", "\u2611New"]


def test_a_dotted_line_drawn_as_one_path_of_short_dashes_is_no_rule():
    """A leader or a dotted underline: one path of 2 pt dashes down the merged cell is no rule,
    however long the path."""
    dots = "".join(f"149 {_y(101 + 3 * k)} m 149 {_y(103 + 3 * k)} l " for k in range(9)) + "S "
    assert _cells(_strokes(_RULES) + dots + _TEXT) == MERGED
