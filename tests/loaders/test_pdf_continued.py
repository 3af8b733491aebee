"""A ruled table continued on the next page: which parts go on (not a table that opens with its
own header or 项目名称 row, however alike the frames), that every part read so far is renumbered
when a page adds a column line, and that recovery keeps reading a part narrower than the grid it
goes on from (a browser sizes each HTML table to its content)."""

from __future__ import annotations

from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.pdf_continued import aligned, ends_on_a_header, goes_on, same_frame, within_frame
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


def _part(rows: list[list[str]], page: int = 2) -> Grid:
    return Grid(f"page {page} table 1", tuple(_cell(t, r, c, page) for r, texts in enumerate(rows)
                                              for c, t in enumerate(texts)), page=page)


INDICATOR_LINES = [6.0, 58.5, 111.0, 187.5, 240.0, 587.2]
BLOCK_LINES = [6.0, 64.5, 192.0, 412.5, 588.0]  # the same frame, other columns


def test_rows_under_the_same_frame_go_on():
    assert goes_on(INDICATOR_LINES, INDICATOR_LINES, _part([["", "效益指标", "社会效益", "覆盖率", "90%"]]))
    assert goes_on(INDICATOR_LINES, BLOCK_LINES, _part([["", "", "合计", "25万元"]]))


def test_a_next_forms_project_block_under_the_same_frame_is_a_table_of_its_own():
    # The 项目名称 row of the next form, drawn as wide as the indicator table that ended the page
    # before: renumbered with it, its cells (and the table before's) fell a column off.
    block = _part([["", ""], ["项目名称", "乙项目"], ["预算单位", "某局"]])
    assert same_frame(INDICATOR_LINES, BLOCK_LINES)
    assert not goes_on(INDICATOR_LINES, BLOCK_LINES, block)


def test_a_table_opening_with_an_indicator_header_or_a_title_is_a_table_of_its_own():
    header = _part([["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]])
    title = _part([["2023年项目支出绩效自评表"]])
    assert not goes_on(INDICATOR_LINES, INDICATOR_LINES, header)
    assert not goes_on(INDICATOR_LINES, INDICATOR_LINES, title)


def test_a_line_the_third_page_adds_renumbers_the_parts_of_every_page_before():
    # Pages 1 and 2 are numbered on the same lines; page 3 adds one at 150 (between columns 2 and
    # 3): the first page's header must move with the second page's rows, or its values fall a
    # column off the header they were read under.
    cols = [6.0, 58.5, 111.0, 187.5, 240.0]
    first = _part([["一级指标", "二级指标", "三级指标", "指标值"]], page=1)
    second = _part([["产出指标", "数量指标", "人数", "10人"]], page=2)
    third = Grid("page 3 table 1", (_cell("质量指标", 0, 1, 3), _cell("合格", 0, 2, 3), _cell("率", 0, 3, 3)), page=3)
    before, after, union = aligned([first, second], cols, third, [6.0, 58.5, 111.0, 150.0, 187.5])
    assert union == [6.0, 58.5, 111.0, 150.0, 187.5, 240.0]
    assert [(c.col, c.colspan) for c in before[0].cells] == [(c.col, c.colspan) for c in before[1].cells] \
        == [(0, 1), (1, 1), (2, 2), (4, 1)]
    assert [c.col for c in after.cells] == [1, 2, 3]


def test_a_part_ending_on_its_header_has_no_row_for_the_next_page_to_finish():
    # A browser moved the first row whole to the next page: its merged 一级 label "产出指标" is
    # that row's, not the rest of the header's 一级指标 cell (joined, its rows lost their 一级).
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]
    assert ends_on_a_header(_part([["项目名称", "甲项目"], header], page=1))
    assert ends_on_a_header(_part([header], page=1))
    assert not ends_on_a_header(_part([header, ["", "产出指标", "数量指标", "人数", "10人"]], page=1))
