"""Checkbox inputs printed by a browser (drawn squares, no text) read as ☑/□ where they stand,
and the other small squares of a page (bullets, a rule's corner, a table's small cell) do not."""

from __future__ import annotations

import os

import pytest

from checker.loaders.pdf_checkboxes import Box, Checkbox, Mark, is_square, read_squares
from loaders.test_loader_grid_roundtrip import CHROMIUM, SAMPLE_FORM, _reads_back_every_field

NO_RULES: tuple[list, list] = ([], [])


def _outline(left: float, top: float, side: float = 10.0, stroked: bool = True, filled: bool = False) -> Box:
    return Box(left, top, left + side, top + side, stroked, filled)


def test_a_glyph_sized_square_is_a_candidate_and_a_rule_corner_or_a_cell_is_not():
    assert is_square(10, 10, 19.75, 19.75)  # Chromium's 13 px checkbox
    assert not is_square(10, 10, 10.75, 10.75)  # where two 0.75 pt borders cross
    assert not is_square(10, 10, 13.75, 13.75)  # a list's square bullet at 12 pt
    assert not is_square(10, 10, 60, 60)  # a square cell
    assert not is_square(10, 10, 20, 14)  # a short wide box


def test_an_outline_reads_unticked_and_an_outline_holding_a_check_mark_ticked():
    boxes = [_outline(10, 10), _outline(40, 10, filled=True)]
    mark = Mark(41.0, 12.0, 49.0, 18.0)
    assert read_squares(boxes, [mark], NO_RULES, []).checkboxes == [
        Checkbox(10, 10, 20, 20, False), Checkbox(40, 10, 50, 20, True)]


def test_squares_drawn_over_one_another_are_one_checkbox():
    # Chromium: a white filled square under a grey outline (unticked), under a blue filled square
    # and a white check mark (ticked).
    unticked = [Box(65.40, 14.40, 74.85, 23.85, False, True), Box(64.68, 13.68, 75.56, 24.56, True, False)]
    ticked = [Box(131.40, 14.40, 140.85, 23.85, False, True), Box(131.25, 14.25, 141.0, 24.0, False, True)]
    mark = Mark(130.99, 14.01, 141.24, 23.41)  # its stroke reaches past the box
    found = read_squares(unticked + ticked, [mark], NO_RULES, []).checkboxes
    assert [(round(c.left, 2), c.glyph) for c in found] == [(64.68, "□"), (131.25, "☑")]


def test_a_filled_square_without_mark_or_outline_is_not_read():
    """A square bullet, or a solid ■ tick: nothing on the page tells which. Nor is it a cell."""
    assert read_squares([_outline(10, 10, stroked=False, filled=True)], [], NO_RULES, []) == ([], [])


def test_a_mark_outside_the_square_does_not_tick_it():
    beside = Mark(22.0, 11.0, 30.0, 19.0)
    assert [c.checked for c in read_squares([_outline(10, 10)], [beside], NO_RULES, []).checkboxes] == [False]


def test_a_square_holding_text_is_a_cell_not_a_checkbox():
    assert read_squares([_outline(10, 10)], [], NO_RULES, [(15.0, 15.0)]) == ([], [_outline(10, 10)])
    assert len(read_squares([_outline(10, 10)], [], NO_RULES, [(25.0, 15.0)]).checkboxes) == 1  # its label beside it


def test_a_square_whose_side_goes_on_as_a_rule_is_a_tables_small_cell():
    row_rule = ([(10.0, 20.0, 200.0)], [])  # the top side, continued to the right
    column_rule = ([], [(20.0, 0.0, 10.0)])  # the right side, continued above
    apart = ([(4.0, 0.0, 200.0)], [(5.0, 0.0, 300.0)])  # the cell's own rules, a padding away
    assert read_squares([_outline(10, 10)], [], row_rule, []) == ([], [_outline(10, 10)])
    assert read_squares([_outline(10, 10)], [], column_rule, []) == ([], [_outline(10, 10)])
    assert len(read_squares([_outline(10, 10)], [], apart, []).checkboxes) == 1


def test_small_cells_each_drawn_as_a_square_are_a_grid_and_their_sides_stay_rules():
    cells = [_outline(10 + 10 * c, 10 + 10 * r) for r in range(2) for c in range(2)]  # 2 x 2, sides shared
    assert read_squares(cells, [], NO_RULES, []) == ([], cells)
    alone = [_outline(10, 10), _outline(40, 10)]  # two checkboxes of one row, apart
    assert [c.left for c in read_squares(alone, [], NO_RULES, []).checkboxes] == [10, 40]


# -- printed by Chromium ------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"no Chromium at {CHROMIUM}")

_PAGE = """<html><head><meta charset="utf-8"></head><body style="font-size:16px">
<table border="{border}">
<tr><td>项目属性</td><td><input type="checkbox">新增项目 <input type="checkbox" checked>延续项目</td></tr>
<tr><td>项目期限</td><td><input type="checkbox" disabled checked>一次性 <input type="checkbox" disabled>经常性</td></tr>
<tr><td>单选</td><td><input type="radio" name="a" checked>甲 <input type="radio" name="a">乙</td></tr>
</table>
<p>小格</p>
<table border="1" style="border-collapse:collapse"><tr><td style="width:8px;height:8px;padding:0"></td>
<td style="width:8px;height:8px;padding:0"></td><td>丙</td></tr></table>
<ul style="font-size:28px"><li>圆点</li></ul>
<ul style="font-size:28px;list-style-type:square"><li>方点</li></ul>
</body></html>"""


def _printed(html: str, directory) -> bytes:
    from bench.corpusgen.documents import print_page

    source = directory / "page.html"
    source.write_text(html, encoding="utf-8")
    return print_page(source, CHROMIUM, ["--no-sandbox"])


def _texts(content: bytes) -> list[str]:
    import pypdfium2 as pdfium

    from checker.loaders.pdf import _page_grids

    pdf = pdfium.PdfDocument(content)
    try:
        read = _page_grids(pdf[0], "page.pdf", 1, None)
    finally:
        pdf.close()
    return [c.text for g in read.grids for c in g.cells if c.text]


@pytest.mark.producer
@needs_chromium
def test_chromium_checkbox_inputs_read_as_ticks_in_their_cells(tmp_path):
    texts = _texts(_printed(_PAGE.format(border=1), tmp_path))
    assert "□新增项目☑延续项目" in texts
    assert "☑一次性□经常性" in texts  # disabled inputs are drawn in grey, the same shapes
    # Radio buttons are circles: not read (a choice of one, not a checkbox row).
    assert "甲乙" in texts
    # Bullets, a small cell's borders: no tick anywhere else.
    assert sum(t.count("☑") + t.count("□") for t in texts) == 4
    assert {"圆点", "方点", "丙"} <= set(texts)


@pytest.mark.producer
@needs_chromium
def test_chromium_checkbox_inputs_on_a_page_without_rules_are_no_tables(tmp_path):
    """A checkbox's square has straight sides: read as rules, each made a tiny ruled table."""
    texts = _texts(_printed(_PAGE.format(border=0).replace('border="1"', 'border="0"'), tmp_path))
    assert any("□新增项目" in t and "☑延续项目" in t for t in texts), texts


@pytest.mark.producer
@needs_chromium
def test_pdf_printed_by_chromium_with_checkbox_inputs_reads_back(tmp_path):
    from bench.corpusgen.documents import to_chromium_pdf

    drawn = [SAMPLE_FORM, dict(SAMPLE_FORM, name="市政府总值班室经费",
                               attributes={"kind": "延续", "term": "经常性", "basis": ["上级文件要求"]})]
    # Every tick cell as inputs (the picks between glyphs and inputs, and of a page break after
    # a table, take True; the others their first option).
    pick = lambda options: True if list(options) == [False, True] else list(options)[0]  # noqa: E731
    content = to_chromium_pdf(drawn, pick, tmp_path, CHROMIUM, ["--no-sandbox"])
    assert b"checkbox" in (tmp_path / "form.html").read_bytes()
    _reads_back_every_field(content, drawn)


# -- on a page without rules --------------------------------------------------------------------

def test_a_drawn_checkbox_stays_with_its_label_in_a_table_without_borders():
    """Chromium draws a checkbox 9.45 pt wide and its label 2.2 pt after it (0.18 em at 12 pt,
    wider than the 0.17 em that may part two cells of a browser's table): on rows whose labels line
    up after their boxes, the boxes read as a column of their own, the cells without ticks."""
    from checker.loaders.pdf_text_table import Glyph, text_grids

    em, box = 12.0, 9.45

    def options(y: float, x: float, *labelled: tuple[str, str]) -> list[Glyph]:
        glyphs = []
        for tick, label in labelled:
            glyphs.append(Glyph(y, x, x + box, box, tick))
            x += box + 2.2
            glyphs += [Glyph(y, x + i * em, x + (i + 1) * em, em, ch) for i, ch in enumerate(label)]
            x += len(label) * em + 6.0
        return glyphs

    def text(y: float, x: float, words: str) -> list[Glyph]:
        return [Glyph(y, x + i * em, x + (i + 1) * em, em, ch) for i, ch in enumerate(words)]

    a, b, c = 10.0, 10.0 + 4 * em + 3, 10.0 + 24 * em + 6
    glyphs = (text(79, a, "项目名称") + text(79, b, "应急指挥中心经费") + text(79, c, "预算单位")
              + text(110.5, a, "项目属性")  # centred between the two rows it covers
              + options(100, b, ("□", "新增项目"), ("☑", "延续项目")) + text(100, c, "市政府")
              + options(121, b, ("□", "法律法规"), ("☑", "其他")) + text(121, c, "市府办"))
    grids, table, _ = text_grids(glyphs, "f.pdf", 1)
    assert table is not None and table.centred
    assert {(c.row, c.col): c.text for c in grids[-1].cells if c.text} == {
        (0, 0): "项目名称", (0, 1): "应急指挥中心经费", (0, 2): "预算单位", (1, 0): "项目属性",
        (1, 1): "□新增项目 ☑延续项目", (1, 2): "市政府", (2, 1): "□法律法规 ☑其他", (2, 2): "市府办"}
