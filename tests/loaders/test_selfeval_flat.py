"""Self-evaluations in a flat export (CSV and an XLSX sheet, one indicator per row): the columns
实际完成值 | 分值 | 得分 | 偏差原因 beside each indicator and, on the project's first row, the funds
executed (年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 执行率分值 | 执行率得分), 总分 and
实际完成情况 read back as the canonical form they were written from. With a 资金项目 column the
export carries every 项目资金 row (年度资金总额, 其中：财政拨款, 其他资金 …), one a row; without it,
the execution columns are the 年度资金总额 row."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders import load_bytes
from loaders.test_selfeval_documents import comparable, selfeval_forms
from policy.forms.canonical import form_from_mapping, form_to_mapping

HEADER = ("单位名称", "项目名称", "实施单位", "年度目标", "实际完成情况", "资金项目", "年初预算数", "全年预算数",
          "全年执行数", "执行率", "执行率分值", "执行率得分", "总分", "一级指标", "二级指标", "三级指标",
          "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
UNNAMED_HEADER = tuple(h for h in HEADER if h != "资金项目")  # the export before 资金项目: one row
PROJECT = {"单位名称": "budget_unit", "项目名称": "name", "实施单位": "implementer"}
EXECUTION = {"资金项目": "row", "年初预算数": "initial", "全年预算数": "budget", "全年执行数": "spent",
             "执行率": "rate", "执行率分值": "weight", "执行率得分": "score"}
INDICATOR = {"二级指标": "level2", "三级指标": "name", "指标值": "target", "实际完成值": "actual",
             "分值": "weight", "得分": "score", "偏差原因分析及改进措施": "deviation"}


def flat(mapping: dict) -> dict:
    """What a flat export holds of a drawn form: no title or year."""
    return {**mapping, "title": None, "year": None}


def first_row_only(mapping: dict) -> dict:
    """What an export without a 资金项目 column holds: the 年度资金总额 row only."""
    return {**flat(mapping), "execution": mapping["execution"][:1]}


def rows(form: dict, header: tuple[str, ...] = HEADER) -> list[list[str]]:
    """The export's rows of one form: the i-th row holds the i-th indicator and the i-th 项目资金
    row (rows of their own when there are more 项目资金 rows than indicators)."""
    out = []
    weights = form["level1_weights"]
    execution = form["execution"]
    for n in range(max(len(form["indicators"]), len(execution))):
        ind = form["indicators"][n] if n < len(form["indicators"]) else None
        row = []
        for column in header:
            if column in EXECUTION:
                value = execution[n].get(EXECUTION[column]) if n < len(execution) else None
            elif ind is None:
                value = None
            elif column == "一级指标":
                level1 = ind["level1"]
                value = f"{level1}（{weights[level1]}分）" if level1 in weights else level1
            elif column in INDICATOR:
                value = ind.get(INDICATOR[column])
            elif n > 0:
                value = None  # project cells only on the project's first row
            elif column in PROJECT:
                value = form[PROJECT[column]]
            elif column == "年度目标":
                value = form["goals"]["annual"]
            elif column == "实际完成情况":
                value = form["goals"]["annual_actual"]
            else:
                value = form["total_score"]
            row.append("" if value is None else value)
        out.append(row)
    return out


def to_csv(forms: list[dict], header: tuple[str, ...] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["金额单位：万元"])
    writer.writerow(header)
    for form in forms:
        writer.writerows(rows(form, header))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(forms: list[dict], header: tuple[str, ...] = HEADER) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["金额单位：万元"])
    sheet.append(list(header))
    for form in forms:
        for row in rows(form, header):
            sheet.append([c or None for c in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("header, keep", [(HEADER, flat), (UNNAMED_HEADER, first_row_only)],
                         ids=["every-row", "first-row"])
@pytest.mark.parametrize("suffix, write", [("csv", to_csv), ("xlsx", to_xlsx)])
@settings(max_examples=25, deadline=None)
@given(drawn=st.lists(selfeval_forms(), min_size=1, max_size=3, unique_by=lambda f: f["name"]))
def test_flat_self_evaluation_reads_back_the_same_forms(suffix, write, header, keep, drawn):
    drawn = [keep(m) for m in drawn]
    document = load_bytes(write(drawn, header), "export." + suffix)
    assert document.error is None, document.error
    got = [comparable(form_to_mapping(f)) for f in document.forms]
    expected = [comparable(form_to_mapping(form_from_mapping(m, index=i))) for i, m in enumerate(drawn)]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g.pop("indicators") == e.pop("indicators")
        assert g == e
    assert [i for f in document.forms for i in f.issues] == []
    assert all(f.is_self_evaluation for f in document.forms)


def test_every_execution_row_of_a_named_export_is_read():
    text = ("项目名称,资金项目,全年预算数,全年执行数,执行率,三级指标,指标值,实际完成值\n"
            "甲,年度资金总额,50,48,96%,里程,≥120公里,126公里\n"
            ",其中：财政拨款,40,40,,验收合格率,100%,100%\n"
            ",其他资金,10,8\n")
    (form,) = load_bytes(text.encode("utf-8"), "export.csv").forms
    assert [(e.row, e.budget.text, e.spent.text) for e in form.execution] == [
        ("年度资金总额", "50", "48"), ("其中：财政拨款", "40", "40"), ("其他资金", "10", "8")]
    assert [i.name for i in form.indicators] == ["里程", "验收合格率"]
    assert form.issues == ()


def test_execution_cells_on_a_later_row_without_a_name_are_said():
    text = ("项目名称,资金项目,全年预算数,全年执行数,三级指标,指标值,实际完成值\n"
            "甲,,50,48,里程,≥120公里,126公里\n"
            ",,40,40,验收合格率,100%,100%\n")
    (form,) = load_bytes(text.encode("utf-8"), "export.csv").forms
    assert [e.row for e in form.execution] == ["年度资金总额"]
    assert [(i.message_id, i.args["text"], i.location.line) for i in form.issues] == [
        ("E101", "40", 3), ("E101", "40", 3)]


def test_a_target_export_stays_a_target_form():
    text = "单位名称,项目名称,一级指标,二级指标,三级指标,指标值,分值\n某局,某项目,产出指标,数量指标,里程,≥120公里,20\n"
    (form,) = load_bytes(text.encode("utf-8"), "targets.csv").forms
    assert not form.is_self_evaluation
    assert form.indicators[0].evaluation is None


def test_a_weight_written_with_its_unit_is_the_weight():
    text = ("单位名称,项目名称,一级指标,二级指标,三级指标,指标值,实际完成值,分值,得分\n"
            "某局,某项目,产出指标,数量指标,里程,≥120公里,126公里,8分,8\n")
    (form,) = load_bytes(text.encode("utf-8"), "export.csv").forms
    (ind,) = form.indicators
    assert form.is_self_evaluation and ind.weight == 8 and ind.extra == {}
    assert ind.evaluation.actual_text == "126公里" and ind.evaluation.score.number == 8
