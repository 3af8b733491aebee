"""A broken row's join at its edges: where a glyph's line ends, what an ideograph's width is, which
fragment cell a cell of the next page lies under, and the exact thresholds of "at the foot", "the
body's end" and "no room for the next word" (the survivors of the mutation run of 2026-12-05)."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.pdf_broken_row import Foot, Head, Ink, Join, foot_cell, head_cell, is_ideograph, joined
from tests.loaders.test_pdf_broken_row import BODY_END, SIZE, _foot, _grids, _head, _ink


def _boxes(y: float, x: float, text: str, width: float, em: float = 0.0) -> list[Ink]:
    """Glyphs of ``width`` each, one after another from ``x``."""
    return [Ink(y, x + i * width, x + (i + 1) * width, SIZE, ch, em) for i, ch in enumerate(text)]


def _name_cell_join(foot_ink: list[Ink], head_ink: list[Ink], bottom: float = 766.0) -> Join:
    """The name cell (rules 100 and 154) of a fragment whose value cell is blank, and the next
    page's first row holding only the name's rest."""
    before, after = _grids(["及时处置", ""], ["率", ""])
    foot = Foot(bottom, [foot_cell(0, 100, 154, bottom, foot_ink), foot_cell(1, 154, 208, bottom, [])])
    cell = head_cell(0, 100, 154, head_ink)
    assert cell is not None
    return joined(before, foot, after, Head(BODY_END, True, [cell]))


def _is_joined(result: Join) -> bool:
    return [c.text for c in result.before.cells] == ["及时处置率", ""]


def test_a_glyph_half_a_line_lower_stays_on_its_line_placed_by_its_first_glyph():
    # "件" drawn exactly half a glyph height below "突发事": still their line, which stands 23 pt
    # above the bottom rule (more than 1.8 glyph heights): not at the foot, so no join.
    ink = _ink(757, 105, "突发事") + [Ink(762, 135, 145, SIZE, "件")]
    assert not _is_joined(_name_cell_join(ink, _ink(80, 105, "率"), bottom=780))
    # The line's leftmost glyph drawn lower (18 above the rule) and the rest higher: the line
    # is where it starts, at the foot, and the row is joined.
    ink = [Ink(762, 105, 115, SIZE, "突")] + _ink(758, 115, "发事件")
    assert _is_joined(_name_cell_join(ink, _ink(80, 105, "率"), bottom=780))


def test_unmapped_glyphs_are_no_ideographs_and_compatibility_ideographs_are():
    # pdfium gives a glyph it cannot map a private-use or non-character code, which has no name.
    assert not is_ideograph("\ue000") and not is_ideograph("\ufffe") and not is_ideograph("5")
    assert is_ideograph("豈") and is_ideograph("\uf900") and is_ideograph("其")
    # Compatibility ideographs drawn 6 wide where the writer laid them out 10: no room left.
    ink = _boxes(757, 105, "\uf900" * 4, 6.0, em=SIZE) + _boxes(757, 129, "\uf900", 6.0)  # the last unmeasured
    assert _is_joined(_name_cell_join(ink, _ink(80, 105, "率")))
    assert not _is_joined(_name_cell_join(_boxes(757, 105, "\uf900" * 5, 6.0), _ink(80, 105, "率")))


def test_an_ideograph_drawn_a_full_em_wide_lacks_nothing():
    # "及时处置" in full-width boxes leaves 4 pt: room for a "1" 4 pt wide (less the 0.25 slack).
    one = [Ink(80, 105, 109, SIZE, "1")]
    assert not _is_joined(_name_cell_join(_ink(757, 105, "及时处置"), one))
    measured = [g._replace(em=SIZE) for g in _ink(757, 105, "及时处置")]
    assert not _is_joined(_name_cell_join(measured, one))


def test_text_set_on_the_left_rule_keeps_no_padding():
    # Text from x = 100 to 140: 14 pt left to the right rule, just room for a glyph 14 wide.
    wide = [Ink(80, 100, 114, SIZE, "W")]
    assert not _is_joined(_name_cell_join(_ink(757, 100, "及时处置"), wide))
    assert _is_joined(_name_cell_join(_ink(757, 100, "及时处置"), [Ink(80, 100, 114.5, SIZE, "W")]))


def test_a_last_line_exactly_1_8_glyph_heights_above_the_rule_is_at_the_foot():
    assert _is_joined(_name_cell_join(_ink(748, 105, "及时处置"), _ink(80, 105, "率")))
    assert not _is_joined(_name_cell_join(_ink(747.9, 105, "及时处置"), _ink(80, 105, "率")))


def test_the_next_words_width_runs_to_the_next_glyphs_left_edge():
    # "处置率" in boxes 8 wide at a 10 pt pitch: the first word takes 10 (its advance), more
    # than the 9 the fragment's line left, so it went on.
    head = [Ink(80, 105 + 10 * i, 113 + 10 * i, SIZE, ch) for i, ch in enumerate("处置率")]
    assert _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.75), head))


def test_a_word_that_fills_the_line_takes_its_last_glyphs_right_edge():
    # "2023" is one word 40 wide: it did not fit the 35 the line left.
    assert _is_joined(_name_cell_join([Ink(757, 105, 114, SIZE, "及")], _ink(80, 105, "2023")))
    assert not _is_joined(_name_cell_join([Ink(757, 105, 114, SIZE, "及")], _ink(80, 105, "20")))


def test_the_next_pages_ideograph_drawn_narrow_counts_a_full_em():
    # "其" drawn 6 wide, laid out 10: it did not fit the 9 left.
    head = [Ink(80, 105, 111, SIZE, "其", SIZE)]
    assert _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.75), head))
    assert not _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.75), [Ink(80, 105, 111, SIZE, "其")]))


def _under(left: float, right: float) -> Join:
    """A next page's cell with "率" between ``left`` and ``right``, both fragment cells ending on
    full lines at the foot."""
    before, after = _grids(["及时处置", "及时处置"], ["率", ""])
    foot = Foot(766, [foot_cell(0, 100, 154, 766, _ink(757, 105, "及时处置")),
                      foot_cell(1, 154, 208, 766, _ink(757, 159, "及时处置"))])
    cell = head_cell(0, left, right, _ink(80, left + 5, "率"))
    return joined(before, foot, after, Head(BODY_END, True, [cell]))


def test_a_cell_of_the_next_page_lies_under_the_one_cell_covering_most_of_it():
    before, after = _grids(["及时处置", "及时处置"], ["率", ""])
    assert [c.text for c in _under(100, 160).before.cells] == ["及时处置率", "及时处置"]  # 54 of 60 over the first
    assert _under(154, 262) == Join(before, after)  # exactly half over the second, the rest over none
    assert _under(208, 262) == Join(before, after)  # past the fragment's last rule: over none
    assert _under(127, 181) == Join(before, after)  # half over each


def test_a_fragment_without_text_finishes_nothing():
    before, after = _grids(["", ""], ["率", ""])
    foot = Foot(766, [foot_cell(0, 100, 154, 766, []), foot_cell(1, 154, 208, 766, [])])
    assert joined(before, foot, after, _head("率")) == Join(before, after)


def test_a_fragment_ending_exactly_two_and_a_half_glyph_heights_above_the_body_end_is_at_the_foot():
    before, after = _grids(["突发事件及时处置", "≥90%"], ["率", ""])
    assert BODY_END - 2.5 * SIZE == 745
    at_edge = joined(before, _foot(745, ["突发事件", "及时处置"], ["≥90%"]), after, _head("率"))
    assert [c.text for c in at_edge.before.cells] == ["突发事件及时处置率", "≥90%"]
    assert joined(before, _foot(744.9, ["突发事件", "及时处置"], ["≥90%"]), after, _head("率")) == Join(before, after)


def test_a_line_that_left_room_for_the_next_word_less_the_slack_ends_its_cell():
    # "率" is 10 wide; a line is short of room only when it left less than 10 − 0.25.
    rate = _ink(80, 105, "率")
    assert _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.625), rate))  # 9.5 left
    assert not _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.5625), rate))  # 9.75 left
    assert not _is_joined(_name_cell_join(_boxes(757, 105, "及时处置", 8.5), rate))  # 10 left


def test_a_label_going_on_over_two_rows_of_the_next_page_is_finished_while_the_row_beside_is_new():
    before = Grid("page 1 table 1", (GridCell("项目资金", 3, 0, table_place("f", "page 1 table 1", 3, 0)),
                                     GridCell("合计", 3, 1, table_place("f", "page 1 table 1", 3, 1))), page=1)
    after = Grid("page 2 table 1", (GridCell("来源", 0, 0, table_place("f", "page 2 table 1", 0, 0), rowspan=2),
                                    GridCell("25万元", 0, 1, table_place("f", "page 2 table 1", 0, 1))), page=2)
    foot = Foot(766, [foot_cell(0, 100, 154, 766, _ink(757, 105, "项目资金")),
                      foot_cell(1, 154, 208, 766, _ink(757, 159, "合计"))])
    head = Head(BODY_END, True, [head_cell(0, 100, 154, _ink(80, 105, "来源")),
                                 head_cell(1, 154, 208, _ink(80, 159, "25万元"))])
    result = joined(before, foot, after, head)
    assert [c.text for c in result.before.cells] == ["项目资金来源", "合计"]
    assert [c.text for c in result.grid.cells] == ["", "25万元"]


def test_a_join_keeps_both_texts_as_read():
    # The page break adds no character and takes none away: spaces inside either part stay.
    for name, rest in (("Annual  survey", " rate"), ("型号XX XX批次", "合格率"), ("开展 调研", "费用")):
        before, after = _grids([name, "≥90%"], [rest, ""])
        foot = _foot(766, ["突发事件", "及时处置"], ["≥90%"])
        result = joined(before, foot, after, _head("率"))
        assert result.before.cells[0].text == (name + rest).strip()
