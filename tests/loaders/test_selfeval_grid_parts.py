"""The self-evaluation parts of a grid, one at a time: which header words name which column, the
总分 row, 一级 weights, the title's year line, and that a target form's grid is left alone."""

from __future__ import annotations

import pytest

from checker.loaders.grid import grid_from_rows, table_place
from checker.loaders.limits import Limits
from checker.loaders.recovery import document_from_grids
from checker.loaders.self_evaluation_grid import evaluation_role, execution_role, is_self_evaluation_title

HEAD = [["项目名称", "农村道路养护项目"], ["主管部门", "某县交通运输局", "实施单位", "某县公路养护中心"]]
TABLE = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标(50分)", "数量指标", "养护里程", "≥120公里", "126公里", "20", "20", ""],
         ["产出指标(50分)", "质量指标", "验收合格率", "100%", "95%", "30", "28.5", "两处返工"]]


def _read(rows):
    grid = grid_from_rows("table 1", rows, lambda r, c: table_place("f.html", "table 1", r, c))
    document = document_from_grids([grid], "f.html", "html", Limits())
    assert document.error is None, document.error
    return document.forms


@pytest.mark.parametrize("text, role", [
    ("全年预算数(A)", "budget"), ("调整后预算数", "budget"), ("年初预算数", "initial"), ("年初预算", "initial"),
    ("全年执行数(B)", "spent"), ("预算执行数", "spent"), ("执行率(B/A)", "rate"), ("预算执行率", "rate"),
    ("分值", "weight"), ("权重", "weight"), ("得分", "score"), ("年度资金总额", None),
])
def test_execution_header_words(text, role):
    assert execution_role(text) == role


@pytest.mark.parametrize("text, role", [
    ("实际完成值", "actual"), ("全年实际值", "actual"), ("全年完成值", "actual"), ("得分", "score"),
    ("分值", "weight"), ("偏差原因分析及改进措施", "deviation"), ("未完成原因和改进措施", "deviation"),
    ("指标方向性", None),
])
def test_indicator_column_words(text, role):
    assert evaluation_role(text) == role


def test_titles():
    assert is_self_evaluation_title(["项目支出绩效自评表"])
    assert is_self_evaluation_title(["2020年度县级专项资金绩效目标自评表", "（万元）"])
    assert not is_self_evaluation_title(["项目支出绩效目标表"])
    assert not is_self_evaluation_title(["自评说明"])  # no 表 after it


def test_total_row_reads_the_score_column_and_weights_in_labels():
    (form,) = _read(HEAD + TABLE + [["总分", "", "", "", "", "50", "48.5", ""]])
    assert form.is_self_evaluation
    assert form.total_score.text == "48.5"
    assert {k: v.text for k, v in form.level1_weights.items()} == {"产出指标": "50"}
    assert [i.name for i in form.indicators] == ["养护里程", "验收合格率"]  # the 总分 row is no indicator
    assert [(i.evaluation.actual_text, i.weight, i.evaluation.score.text, i.evaluation.deviation)
            for i in form.indicators] == [("126公里", 20, "20", None), ("95%", 30, "28.5", "两处返工")]


def test_a_totals_row_of_weights_only_is_no_total_score():
    table = [row[:6] for row in TABLE]  # no 得分 column: the 合计 row's number is the weights' total
    (form,) = _read(HEAD + table + [["合计", "", "", "", "", "50"]])
    assert form.total_score is None
    (form,) = _read(HEAD + table + [["总分", "", "", "", "", "48.5"]])
    assert form.total_score.text == "48.5"


def test_a_target_form_grid_is_left_a_target_form():
    table = [["一级指标", "二级指标", "三级指标", "指标值", "权重"], ["产出指标", "数量指标", "养护里程", "≥120公里", "100"],
             ["合计", "", "", "", "100"]]
    (form,) = _read([["项目名称", "农村道路养护项目"], ["预算单位", "某县交通运输局"]] + table)
    assert not form.is_self_evaluation
    assert form.total_score is None and form.execution == ()
    assert [i.extra for i in form.indicators] == [{"权重": "100"}]


def test_the_year_line_under_a_title_joins_it():
    (form,) = _read([["项目支出绩效自评表"], ["（2023年度）"]] + HEAD + TABLE)
    assert form.title == "项目支出绩效自评表（2023年度）" and form.year == 2023
    assert form.issues == ()


def test_a_note_under_the_table_is_said_not_read_as_an_indicator():
    (form,) = _read(HEAD + TABLE + [["说明", "无"]])
    assert [i.name for i in form.indicators] == ["养护里程", "验收合格率"]
    assert [(i.message_id, i.args["text"]) for i in form.issues] == [("E101", "说明"), ("E101", "无")]


def test_the_total_is_read_under_the_last_header_when_a_repeated_header_moves_its_columns():
    """Two tables on one page read as one grid (Chromium prints each at its own width): the
    repeated header puts 得分 one column further right, and the 总分 row follows it; under the
    first header's 得分 column it prints the weights' total."""
    moved = [[*row[:3], "", *row[3:]] for row in TABLE[:1] + [["效益指标", "社会效益", "受益人数", "≥100人", "120人",
                                                              "50", "50", ""]]]
    (form,) = _read(HEAD + TABLE + moved + [["总分", "", "", "", "", "", "100", "98.5", ""]])
    assert form.total_score.text == "98.5"
    assert [i.evaluation.score.text for i in form.indicators] == ["20", "28.5", "50"]


@pytest.mark.parametrize("broken_after", [0, 1])
def test_the_funds_label_printed_after_a_page_break_is_no_part_of_a_row_label(broken_after):
    """Writer and Calc print a merged label on the later page when a page break cuts it:
    项目资金（万元） then stands on the first 项目资金 row after the break, beside that row's own
    label, and its unit holds for the rows above it too (the form declares none elsewhere)."""
    rows = [["年度资金总额", "50", "50", "48", "10", "96%", "9.6"], ["其中：财政拨款", "50", "50", "48"],
            ["其他资金", "0", "0", "0"]]
    execution = [["", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]
    execution += [["项目资金（万元）" if n == broken_after else "", *row] for n, row in enumerate(rows)]
    (form,) = _read(HEAD + execution + TABLE)
    assert [(row.row, row.spent.text, row.spent.yuan) for row in form.execution] == [
        ("年度资金总额", "48", 480000), ("其中：财政拨款", "48", 480000), ("其他资金", "0", 0)]
