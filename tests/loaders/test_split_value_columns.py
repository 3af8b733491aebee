"""A document table that prints each 指标值 over three columns (指标性质 | 指标值 | 度量单位, as the
Sichuan system's 自评表 and some target forms do) reads one joined value per indicator, as a flat
export's: ("≥", "95", "%") → "≥95%", 定性 → the value alone, 定量 → number and unit; other extra
columns are kept, and a table without those columns reads as before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from checker.loaders import load_bytes
from checker.loaders.flat_table import join_value
from bench.corpusgen.documents import Table, to_docx, to_html, to_xlsx

OPERATORS = ("≥", "≤", "=", "＞", "定量", "定性", "")
NUMBERS = ("95", "100", "6", "1.5", "优良中低差", "")
UNITS = ("%", "万元", "个", "天", "")
HEADERS = (("指标性质", "指标值", "度量单位"), ("指标值类型", "指标值", "计量单位"))


def _layout(rows: list[tuple[str, str, str, str]], header: tuple[str, str, str]):
    def layout(form: dict, pick):
        head = Table()
        head.add_row([("项目名称", 1, 1), (form["name"], 1, 7)])
        table = Table()
        table.add_row([("一级指标", 1, 1), ("二级指标", 1, 1), ("三级指标", 1, 1)]
                      + [(h, 1, 1) for h in header] + [("权重", 1, 1), ("备注", 1, 1)])
        for n, (name, op, number, unit) in enumerate(rows):
            labels = [("产出指标", len(rows), 1), ("数量指标", len(rows), 1)] if n == 0 else []
            table.add_row(labels + [(name, 1, 1), (op, 1, 1), (number, 1, 1), (unit, 1, 1), ("10", 1, 1),
                                    ("说明", 1, 1)])
        return ["2023年度项目支出绩效目标表"], [head, table]
    return layout


WRITERS = {"html": to_html, "docx": to_docx, "xlsx": to_xlsx}


@pytest.mark.parametrize("suffix", list(WRITERS))
@settings(max_examples=20, deadline=None)
@given(cells=st.lists(st.tuples(st.sampled_from(OPERATORS), st.sampled_from(NUMBERS), st.sampled_from(UNITS))
                      .filter(lambda t: t[1]), min_size=1, max_size=6),
       header=st.sampled_from(HEADERS))
def test_split_value_columns_read_as_one_value(suffix, cells, header):
    rows = [(f"指标{n}", op, number, unit) for n, (op, number, unit) in enumerate(cells)]
    content = WRITERS[suffix]([{"name": "甲项目"}], lambda options: list(options)[0],
                              layout=_layout(rows, header))
    (form,) = load_bytes(content, "form." + suffix).forms
    assert [i.value_text for i in form.indicators] == [join_value(op, number, unit) for _, op, number, unit in rows]
    assert all(i.extra == {"权重": "10", "备注": "说明"} for i in form.indicators)
    assert [i.message_id for i in form.issues] == []


def test_the_joined_values_are_the_flat_exports():
    content = to_html([{"name": "甲项目"}], lambda options: list(options)[0], layout=_layout(
        [("达标率", "≥", "95", "%"), ("成本", "≤", "6", "万元"), ("机制健全性", "定性", "优良中低差", ""),
         ("完成数", "定量", "12", "个")], HEADERS[0]))
    (form,) = load_bytes(content, "form.html").forms
    assert [i.value_text for i in form.indicators] == ["≥95%", "≤6万元", "优良中低差", "12个"]
    assert form.indicators[0].value is not None and form.indicators[0].value.op == "≥"


def test_a_value_column_alone_is_read_as_before():
    content = to_html([{"name": "甲项目"}], lambda options: list(options)[0], layout=_layout(
        [("达标率", "≥", "95", "%")], ("备注一", "指标值", "备注二")))
    (form,) = load_bytes(content, "form.html").forms
    assert form.indicators[0].value_text == "95"
    assert form.indicators[0].extra == {"备注一": "≥", "备注二": "%", "权重": "10", "备注": "说明"}
