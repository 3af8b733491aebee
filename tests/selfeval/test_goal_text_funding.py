"""C108: fund figures in the goal text against the 项目资金 rows — what is read as a figure, the
text's own rounding, the options, and a property: a text that states the rows' own figures
never gets a finding, and one that changes a figure beyond its rounding always does."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from policy.authoring.examples import evaluation_form
from policy.authoring.fund_mentions import BUDGET, RATE, SPENT, fund_mentions
from policy.registry import get_rule
from policy.testing import run_rule

from selfeval.test_correct_scoring_property import scored_forms

C108 = get_rule("C108")


def _with_actual(text: str, change=None) -> dict:
    form = evaluation_form(change)
    form["goals"]["annual_actual"] = text
    return form


def test_figures_are_read_by_kind_with_their_rounding():
    found = fund_mentions("全年执行资金48.2万元，资金执行率96.4%；预算资金50万元，预算执行数48万元。人均支出200元/人")
    assert [(m.kind, m.value, m.half) for m in found] == [
        (SPENT, Decimal("482000"), Decimal("500")),
        (RATE, Decimal("96.4"), Decimal("0.05")),
        (BUDGET, Decimal("500000"), Decimal("5000")),
        (SPENT, Decimal("480000"), Decimal("5000")),  # 预算执行数: spent, never budget
    ]


def test_figures_that_are_not_the_years_funds_are_not_read():
    assert fund_mentions("执行补助标准每人500元，人均支出500元，项目总预算300万元（2021—2023年）。") == ()


def test_a_contradicting_amount_names_the_row_and_its_figure():
    findings, _ = run_rule(C108, _with_actual("执行资金45万元。"))
    assert [(f.message_id, f.args) for f in findings] == [
        ("C108", {"said": "执行资金45万元", "row": "年度资金总额", "column": "全年执行数", "printed": "48万元"})]


def test_a_part_row_agrees_too():
    def fiscal_only(form):
        form["execution"][1]["spent"] = "40"
        form["execution"][2]["spent"] = "8"
    findings, _ = run_rule(C108, _with_actual("其中财政资金执行40万元。", fiscal_only))
    assert findings == []


def test_rounding_and_tolerance():
    assert run_rule(C108, _with_actual("执行资金48万元，执行率96.0%。"))[0] == []
    assert run_rule(C108, _with_actual("执行率97%。"))[0] != []
    assert run_rule(C108, _with_actual("执行率97%。"), tolerance_points=Decimal(1))[0] == []
    assert run_rule(C108, _with_actual("执行资金49万元。"))[0] != []
    assert run_rule(C108, _with_actual("执行资金49万元。"), tolerance_share=Decimal("0.05"))[0] == []


def test_words_are_options():
    assert run_rule(C108, _with_actual("拨付资金45万元。"))[1] == "C.reason.no-fund-figures"
    findings, _ = run_rule(C108, _with_actual("拨付资金45万元。"), spent_words=("拨付资金",))
    assert [f.args["said"] for f in findings] == ["拨付资金45万元"]


def test_target_forms_are_not_checked():
    _, reason = run_rule(C108, {"name": "项目", "goals": {"annual": "预算资金60万元。"}})
    assert reason == "C.reason.not-self-evaluation"


def _total(mapping: dict) -> dict:
    return mapping["execution"][0]


@given(scored_forms(), st.booleans())
def test_a_text_stating_the_rows_figures_is_clean(mapping, with_rate):
    row = _total(mapping)
    text = f"全年执行资金{row['spent']}万元" + (f"，执行率{row['rate']}" if with_rate else "") + "。"
    mapping["goals"]["annual_actual"] = text
    findings, _ = run_rule(C108, mapping)
    assert findings == []


@given(scored_forms(), st.integers(min_value=1, max_value=10**4))
def test_a_changed_amount_is_found(mapping, cents):
    row = _total(mapping)
    said = Decimal(row["spent"]) + Decimal(cents) / 100  # beyond the 0.005万元 a two-digit text rounds to
    mapping["goals"]["annual_actual"] = f"全年执行资金{said:.2f}万元。"
    findings, _ = run_rule(C108, mapping)
    assert [f.args["column"] for f in findings] == ["全年执行数"]
