"""Form recovery on grids: boundaries, rows that are not indicators, periods, unrelated tables.

The grids come from small HTML tables (the quickest grid source to write by hand); what is
asserted is recovery's reading, the same for every adapter."""

from __future__ import annotations

import attrs
import pytest

from checker.loaders import load_bytes
from checker.loaders.grid import Grid, GridCell, table_place
from checker.loaders.limits import DEFAULT_LIMITS
from checker.loaders.recovery import checkbox_markup, recover

HEADER = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"


def _page(*tables: str, before: str = "") -> bytes:
    body = before + "".join(f"<table>{t}</table>" for t in tables)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _load(content: bytes):
    return load_bytes(content, "form.html")


def _indicators(form) -> list[tuple]:
    return [(i.level1_text, i.level2_text, i.name, i.value_text, i.period) for i in form.indicators]


def test_a_name_row_starts_a_form_without_a_title_and_with_invisible_characters():
    content = _page(
        _row("项目\u200b名称", "甲项目", "多余") + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人"),
        _row("\ufeff项目名称\u00a0", "乙项目") + HEADER + _row("效益指标", "社会效益", "覆盖率", "≥90%"),
    )
    document = _load(content)
    # The extra cell is read as the name's spill-over, as in the extracted-text layout.
    assert [f.name for f in document.forms] == ["甲项目 多余", "乙项目"]
    assert [f.title for f in document.forms] == [None, None]
    assert _indicators(document.forms[1]) == [("效益指标", "社会效益", "覆盖率", "≥90%", "annual")]


def test_rows_that_are_not_indicators_never_become_indicators():
    content = _page(
        _row("项目名称", "甲项目")
        + HEADER
        + _row("产出指标", "数量指标", "培训人数", "≥100人")
        + _row("第 1 页，共 2 页")
        + _row("项目名称", "甲项目")  # a page head repeating the project
        + _row("预算单位", "某局")
        + _row("产出指标", "质量指标", "合格率", "100%")
        + _row("审核意见：", "同意")
        + _row("填报日期", "2022年3月1日")
    )
    form = _load(content).forms[0]
    assert _indicators(form) == [
        ("产出指标", "数量指标", "培训人数", "≥100人", "annual"),
        ("产出指标", "质量指标", "合格率", "100%", "annual"),
    ]
    assert form.issues == ()


def test_a_cell_of_an_extra_column_on_a_row_without_an_indicator_is_reported_not_dropped():
    header = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标解释</td></tr>"
    content = _page(
        _row("项目名称", "甲项目")
        + header
        + _row("产出指标", "数量指标", "培训人数", "≥100人", "全年培训人次")
        + _row("", "", "", "", "按签到表统计")  # the row's explanation ran on: no indicator to keep it
    )
    form = _load(content).forms[0]
    assert [(i.name, i.extra) for i in form.indicators] == [("培训人数", {"指标解释": "全年培训人次"})]
    assert [(i.message_id, i.args["text"]) for i in form.issues] == [("E101", "按签到表统计")]
    assert form.issues[0].location.cell == "R4C5"  # table row 4, the 指标解释 column


def test_a_lone_number_inside_a_table_is_a_value_not_a_page_number():
    # A value cut short ("100" of "100%") in a row of its own is data: a page's number is printed
    # outside the table (in a PDF the readers leave it as prose). A marked page number still goes.
    content = _page(
        _row("项目名称", "甲项目")
        + HEADER
        + _row("产出指标", "数量指标", "培训人数", "≥100人")
        + _row("", "", "", "100")
        + _row("- 2 -")
        + _row("产出指标", "质量指标", "合格率", "12")
    )
    form = _load(content).forms[0]
    assert _indicators(form) == [
        ("产出指标", "数量指标", "培训人数", "≥100人", "annual"),
        ("产出指标", "数量指标", None, "100", "annual"),
        ("产出指标", "质量指标", "合格率", "12", "annual"),
    ]


def test_a_period_heading_switches_the_period_of_the_table_below():
    content = _page(
        _row("项目名称", "甲项目")
        + _row("中长期绩效指标")
        + HEADER
        + _row("产出指标", "数量指标", "培训人数", "≥300人")
        + _row("年度绩效指标")
        + HEADER
        + _row("产出指标", "数量指标", "培训人数", "≥100人")
    )
    form = _load(content).forms[0]
    assert [i.period for i in form.indicators] == ["long_term", "annual"]


def test_a_name_cell_stays_a_name_when_it_reads_like_a_label():
    content = _page(_row("项目名称", "甲项目") + HEADER + _row("满意度指标", "服务对象满意度", "满意度", "社会效益"))
    assert _indicators(_load(content).forms[0]) == [("满意度指标", "服务对象满意度", "满意度", "社会效益", "annual")]


def test_a_header_split_over_two_rows_and_columns_in_another_order():
    content = _page(
        _row("项目名称", "甲项目")
        + _row("指标值", "三级", "二级", "一级")
        + _row("", "指标", "指标", "指标")
        + _row("≥100人", "培训人数", "数量指标", "产出指标")
    )
    assert _indicators(_load(content).forms[0]) == [("产出指标", "数量指标", "培训人数", "≥100人", "annual")]


@pytest.mark.parametrize("goal", ["按照上级工作安排，完成培训。", "完成年度培训任务；县级以上表彰1次。"])
def test_a_goal_right_above_the_header_is_not_its_upper_half(goal):
    """A sheet or a page holds the project block and the indicator table as one grid: the 年度目标
    text on the row above the header may say 上级, 县级 or 年度 and stays a goal."""
    content = _page(_row("项目名称", "甲项目") + _row("年度目标", goal) + HEADER
                    + _row("产出指标", "数量指标", "培训人数", "≥100人"))
    (form,) = _load(content).forms
    assert form.goals.annual == goal
    assert _indicators(form) == [("产出指标", "数量指标", "培训人数", "≥100人", "annual")]


def test_unrelated_tables_are_skipped_and_counted_once():
    content = _page(
        _row("科目", "金额") + _row("办公费", "10"),
        _row("项目名称", "甲项目") + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人"),
        _row("收入", "支出") + _row("1", "2"),
    )
    document = _load(content)
    assert len(document.forms) == 1 and len(document.forms[0].indicators) == 1
    assert [(i.message_id, i.args["count"]) for i in document.issues] == [("E111", 2)]


def test_a_document_with_tables_and_no_form_is_an_error_naming_what_was_looked_at():
    document = _load(_page(_row("科目", "金额"), _row("收入", "支出")))
    assert document.forms == ()
    assert (document.error.message_id, document.error.args) == ("E020", {"tables": 2})


def _cell(text, r, c, rowspan=1, page=1, table=1):
    """A cell of a PDF page's table grid, as the PDF reader makes it."""
    return GridCell(text, r, c, table_place("f", f"page {page} table {table}", r, c), rowspan)


def _first_page() -> Grid:
    """Page 1 of a form: its name, the indicator header and one 产出指标 row."""
    return Grid("page 1 table 1", (
        _cell("项目名称", 0, 0), _cell("甲项目", 0, 1),
        _cell("一级指标", 1, 0), _cell("二级指标", 1, 1), _cell("三级指标", 1, 2), _cell("指标值", 1, 3),
        _cell("产出指标", 2, 0), _cell("数量指标", 2, 1), _cell("人数", 2, 2), _cell("10人", 2, 3),
    ), page=1)


def test_a_merged_label_printed_after_a_break_is_filled_back():
    first = Grid("page 1 table 1", (
        _cell("项目名称", 0, 0), _cell("甲项目", 0, 1),
        _cell("一级指标", 1, 0), _cell("二级指标", 1, 1), _cell("三级指标", 1, 2), _cell("指标值", 1, 3),
        _cell("产出指标", 2, 0), _cell("数量指标", 2, 1), _cell("人数", 2, 2), _cell("10人", 2, 3),
        _cell("", 3, 0, rowspan=2), _cell("社会效益", 3, 1, rowspan=2), _cell("覆盖率", 3, 2), _cell("90%", 3, 3),
        _cell("知晓率", 4, 2), _cell("80%", 4, 3),
    ), page=1)
    second = Grid("page 2 table 1", (
        _cell("效益指标", 0, 0, page=2), _cell("社会效益", 0, 1, page=2), _cell("满意度", 0, 2, page=2),
        _cell("95%", 0, 3, page=2),
    ), page=2)
    forms = recover([first, second], "f", DEFAULT_LIMITS).forms
    assert [i.level1_text for i in forms[0].indicators] == ["产出指标", "效益指标", "效益指标", "效益指标"]
    assert forms[0].indicators[1].location.sheet == "page 1 table 1"
    assert forms[0].indicators[1].location.cell == "R4C3"


def test_a_form_starting_on_a_page_that_continues_the_form_before_fills_its_label_back_too():
    # A Calc page goes on with the last form's table, then starts the next form, whose first 一级
    # label is cut by the page's end and printed on the next page: the new form's first rows are
    # no continuation of the page before (where a blank label would go on from above).
    first = _first_page()
    second = Grid("page 2 table 1", (
        _cell("满意度指标", 0, 0, page=2), _cell("服务对象满意度", 0, 1, page=2), _cell("满意度", 0, 2, page=2),
        _cell("95%", 0, 3, page=2),
        _cell("项目名称", 1, 0, page=2), _cell("乙项目", 1, 1, page=2),
        _cell("一级指标", 2, 0, page=2), _cell("二级指标", 2, 1, page=2), _cell("三级指标", 2, 2, page=2),
        _cell("指标值", 2, 3, page=2),
        _cell("", 3, 0, rowspan=2, page=2), _cell("数量指标", 3, 1, rowspan=2, page=2), _cell("次数", 3, 2, page=2),
        _cell("5次", 3, 3, page=2), _cell("人次", 4, 2, page=2), _cell("50人次", 4, 3, page=2),
    ), page=2)
    third = Grid("page 3 table 1", (
        _cell("产出指标", 0, 0, page=3), _cell("质量指标", 0, 1, page=3), _cell("合格率", 0, 2, page=3),
        _cell("100%", 0, 3, page=3),
    ), page=3)
    forms = recover([first, second, third], "f", DEFAULT_LIMITS).forms
    assert [f.name for f in forms] == ["甲项目", "乙项目"]
    assert [i.level1_text for i in forms[0].indicators] == ["产出指标", "满意度指标"]
    assert [i.level1_text for i in forms[1].indicators] == ["产出指标", "产出指标", "产出指标"]


def test_a_header_printed_once_over_blank_cells_is_neither_a_label_nor_a_second_header():
    # A borderless table (a PDF without rules) prints every cell once, so the header's cells cover
    # the blank cells of the row below them. The first rows' 一级 label is printed after the
    # repeated header (filled back); under the third header, blank 一级 and 三级 cells make a data
    # row whose covered texts read 一级指标 … 三级指标, not a header.
    grid = Grid("page 1 table 1", (
        _cell("项目名称", 0, 0), _cell("甲项目", 0, 1),
        _cell("一级指标", 1, 0, rowspan=3), _cell("二级指标", 1, 1), _cell("三级指标", 1, 2), _cell("指标值", 1, 3),
        _cell("数量指标", 2, 1, rowspan=2), _cell("人数", 2, 2), _cell("10人", 2, 3),
        _cell("次数", 3, 2), _cell("5次", 3, 3),
        _cell("一级指标", 4, 0), _cell("二级指标", 4, 1), _cell("三级指标", 4, 2), _cell("指标值", 4, 3),
        _cell("产出指标", 5, 0), _cell("时效指标", 5, 1), _cell("及时率", 5, 2), _cell("100%", 5, 3),
        _cell("一级指标", 6, 0, rowspan=2), _cell("二级指标", 6, 1), _cell("三级指标", 6, 2, rowspan=2),
        _cell("指标值", 6, 3),
        _cell("质量指标", 7, 1), _cell("≥90%", 7, 3),
    ), page=1)
    form = recover([grid], "f", DEFAULT_LIMITS).forms[0]
    assert _indicators(form) == [
        ("产出指标", "数量指标", "人数", "10人", "annual"),
        ("产出指标", "数量指标", "次数", "5次", "annual"),
        ("产出指标", "时效指标", "及时率", "100%", "annual"),
        ("产出指标", "质量指标", None, "≥90%", "annual"),
    ]


def test_a_blank_label_at_a_page_top_under_a_foreign_level2_waits_for_its_text():
    # Page 2 goes on with a blank 一级 cell, but its 二级 (经济效益) never stands under the 产出指标
    # above: the 一级 was printed after the break (at the top of the next table part), not
    # continued from page 1.
    first = _first_page()
    second = Grid("page 2 table 1", (
        _cell("", 0, 0, rowspan=2, page=2), _cell("经济效益", 0, 1, rowspan=2, page=2),
        _cell("增收", 0, 2, page=2), _cell("5万元", 0, 3, page=2),
        _cell("节支", 1, 2, page=2), _cell("2万元", 1, 3, page=2),
    ), page=2)
    third = Grid("page 2 table 2", (
        _cell("一级指标", 0, 0, page=2, table=2), _cell("二级指标", 0, 1, page=2, table=2),
        _cell("三级指标", 0, 2, page=2, table=2), _cell("指标值", 0, 3, page=2, table=2),
        _cell("效益指标", 1, 0, page=2, table=2), _cell("社会效益", 1, 1, page=2, table=2),
        _cell("覆盖率", 1, 2, page=2, table=2), _cell("90%", 1, 3, page=2, table=2),
    ), page=2)
    form = recover([first, second, third], "f", DEFAULT_LIMITS).forms[0]
    assert [i.level1_text for i in form.indicators] == ["产出指标", "效益指标", "效益指标", "效益指标"]
    # A 二级 that may stand under the label above lets it go on.
    same = Grid(second.name, (attrs.evolve(second.cells[0]), attrs.evolve(second.cells[1], text="质量指标"),
                              *second.cells[2:]), page=2)
    form = recover([first, same], "f", DEFAULT_LIMITS).forms[0]
    assert [i.level1_text for i in form.indicators] == ["产出指标", "产出指标", "产出指标"]


def test_ticks_as_glyphs_read_like_checkbox_inputs():
    assert checkbox_markup("☑新增项目 □延续项目") == (
        '<input checked="" type="checkbox"/> 新增项目 <input type="checkbox"/> 延续项目'
    )
    content = _page(_row("项目名称", "甲项目") + _row("项目属性", "□新增项目 √延续项目", "项目期限",
                                                     '<input type="checkbox" checked>一次性 <input type="checkbox">经常性'))
    form = _load(content).forms[0]
    assert (form.attributes.kind, form.attributes.term) == ("延续", "一次性")


def test_gb2312_declared_page_is_decoded_before_parsing():
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
    html += "<table>" + _row("项目名称", "譙城区项目") + HEADER + _row("产出指标", "数量指标", "人数", "10人") + "</table>"
    document = load_bytes(html.encode("gb18030"), "form.htm")
    assert document.encoding == "gb18030"
    assert document.forms[0].name == "譙城区项目"
    assert len(document.forms[0].indicators) == 1
