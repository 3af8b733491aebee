"""A ruled table continued on the next page (``pdf_continued.py``), at the edges the round trips
do not reach: a narrower part standing within the frame before, lines exactly a snap apart, a
header split over the part's last two rows, and the text and place of every cell renumbered
(a one-cell part too). Written for the survivors of the mutation run of 2026-12-05
(docs/testing.md)."""

from __future__ import annotations

from checker.loaders.grid import Grid, table_place
from checker.loaders.pdf_continued import aligned, cluster, ends_on_a_header, goes_on, same_frame, within_frame
from loaders.test_pdf_continued import INDICATOR_LINES, _cell, _part


def test_a_narrower_part_standing_within_the_frame_before_goes_on():
    """A browser sizes each HTML table to its content: the rest of the indicator table is drawn
    narrower than the project block stacked on it (not the same frame, all its lines on it)."""
    narrower = INDICATOR_LINES[:-1]
    assert not same_frame(INDICATOR_LINES, narrower)
    assert goes_on(INDICATOR_LINES, narrower, _part([["", "效益指标", "社会效益", "覆盖率"]]))


def test_lines_five_points_apart_are_one_line():
    assert cluster([0.0, 5.0, 10.5]) == [0.0, 10.5]
    assert cluster([0.0, 5.1]) == [0.0, 5.1]
    assert same_frame([6.0, 200.0], [11.0, 205.0]) and not same_frame([6.0, 200.0], [11.1, 200.0])
    assert not same_frame([6.0, 200.0], [6.0, 205.1])
    assert within_frame([6.0, 100.0, 200.0], [11.0, 105.0]) and not within_frame([6.0, 100.0, 200.0], [11.1, 100.0])
    assert not within_frame([6.0, 100.0, 200.0], [6.0, 105.1])


def test_a_part_ending_on_a_header_split_over_its_last_two_rows_has_no_row_to_finish():
    part = _part([["项目名称", "甲项目", "", "", ""], ["绩效指标", "一级", "二级", "三级", "指标值"],
                  ["", "指标", "指标", "指标", ""]], page=1)
    assert ends_on_a_header(part)


def test_renumbered_cells_keep_their_text_and_name_their_new_column():
    """Where a finding points: the cell of a renumbered part is named by its new column, in its
    own page's table."""
    cols = [6.0, 58.5, 111.0, 187.5, 240.0]
    first = _part([["一级指标", "二级指标", "三级指标", "指标值"]], page=1)
    third = Grid("page 3 table 1", (_cell("质量指标", 0, 1, 3), _cell("合格", 0, 2, 3), _cell("率", 0, 3, 3)), page=3)
    (before,), after, _ = aligned([first], cols, third, [6.0, 58.5, 111.0, 150.0, 187.5])
    assert [(c.text, c.location) for c in before.cells] == [
        ("一级指标", table_place("f.pdf", "page 1 table 1", 0, 0)), ("二级指标", table_place("f.pdf", "page 1 table 1", 0, 1)),
        ("三级指标", table_place("f.pdf", "page 1 table 1", 0, 2)), ("指标值", table_place("f.pdf", "page 1 table 1", 0, 4))]
    assert [(c.text, c.location) for c in after.cells] == [
        ("质量指标", table_place("f.pdf", "page 3 table 1", 0, 1)), ("合格", table_place("f.pdf", "page 3 table 1", 0, 2)),
        ("率", table_place("f.pdf", "page 3 table 1", 0, 3))]


def test_a_part_of_one_cell_is_renumbered_too():
    """A row alone at a page's top, one cell across the table (a goal text)."""
    cols = [6.0, 58.5, 111.0, 187.5]
    alone = Grid("page 2 table 1", (_cell("全年完成", 0, 0, 2, colspan=2),), page=2)
    _, after, union = aligned([], cols, alone, [6.0, 90.0, 111.0])
    assert union == [6.0, 58.5, 90.0, 111.0, 187.5]
    assert [(c.text, c.col, c.colspan, c.location) for c in after.cells] == [
        ("全年完成", 0, 3, table_place("f.pdf", "page 2 table 1", 0, 0))]
