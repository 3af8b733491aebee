"""A ruled table continued on the next page: which parts go on, and that recovery keeps reading
a part narrower than the grid it goes on from (a browser sizes each HTML table to its content, so
a page can read a wider table stacked on the indicator table into one grid)."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.pdf_continued import same_frame, within_frame
from checker.loaders.recovery import recover

WIDE = [6.0, 57.0, 111.0, 187.5, 240.0, 357.0, 481.5, 560.2, 581.2, 587.2]


def test_a_part_whose_lines_all_stand_on_the_page_befores_goes_on():
    narrower = [6.0, 58.5, 111.0, 187.5, 240.0, 357.0, 481.5, 560.2]  # 58.5: within the snap
    assert within_frame(WIDE, narrower) and not same_frame(WIDE, narrower)


def test_a_part_with_a_line_of_its_own_or_another_left_edge_does_not():
    assert not within_frame(WIDE, [6.0, 57.0, 150.0, 560.2])
    assert not within_frame(WIDE, [30.0, 57.0, 111.0])


def _cell(text, r, c, page, colspan=1):
    return GridCell(text, r, c, table_place("f.pdf", f"page {page} table 1", r, c), 1, colspan)


def _forms(continues: bool):
    first = Grid("page 1 table 1", (
        _cell("项目名称", 0, 0, 1), _cell("甲项目", 0, 1, 1, colspan=5),
        _cell("一级指标", 1, 0, 1), _cell("二级指标", 1, 1, 1), _cell("三级指标", 1, 2, 1), _cell("指标值", 1, 3, 1),
        _cell("备注", 1, 4, 1, colspan=2),
        _cell("产出指标", 2, 0, 1), _cell("数量指标", 2, 1, 1), _cell("人数", 2, 2, 1), _cell("10人", 2, 3, 1),
    ), page=1)
    second = Grid("page 2 table 1", (  # four of the six columns: the rest of the indicator table
        _cell("效益指标", 0, 0, 2), _cell("社会效益", 0, 1, 2), _cell("覆盖率", 0, 2, 2), _cell("90%", 0, 3, 2),
    ), page=2, continues=continues)
    return recover([first, second], "f.pdf", DEFAULT_LIMITS)


def test_recovery_reads_on_into_a_narrower_part_the_reader_says_goes_on():
    recovered = _forms(continues=True)
    assert [i.name for i in recovered.forms[0].indicators] == ["人数", "覆盖率"]
    assert recovered.skipped == 0


def test_without_the_readers_word_a_narrower_table_is_skipped_and_counted():
    recovered = _forms(continues=False)
    assert [i.name for i in recovered.forms[0].indicators] == ["人数"]
    assert recovered.skipped == 1
