"""S115 (required header fields left blank) and F113 (a declared amount unit against the units
written), with what the model records for a header field: absent (not read, or listed in
not_on_form) versus printed and left blank."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.loaders import load_path
from policy.api import Context
from policy.forms.facts import FormFacts
from policy.authoring.amount_units import written_unit
from policy.forms.canonical import form_from_mapping, form_to_mapping
from policy.rules.F113_amount_unit_conflict import AmountUnitConflict
from policy.rules.S115_header_field_blank import HeaderFieldBlank
from policy.testing import default_options, run_rule, rule_outcome
from policy.api import Outcome

BASE = {"name": "干部培训经费", "budget_unit": "市委党校", "implementer": "市委党校 张三",
        "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "value": "≥280人次"}]}


def _s115(**change):
    mapping = {**BASE, **change}
    for key in [k for k, v in change.items() if v is _ABSENT]:
        del mapping[key]
    return run_rule(HeaderFieldBlank, mapping)


_ABSENT = object()


def test_null_or_empty_key_is_blank():
    [f] = _s115(implementer=None)[0]
    assert f.args["fields"] == "实施单位"
    [f] = _s115(name="", budget_unit="  ")[0]
    assert f.args == {"fields": "项目名称、预算单位", "count": 2}


def test_dashes_are_blank_but_masks_are_w102s():
    assert _s115(implementer="——")[0]
    assert _s115(implementer="****")[0] == []


def test_absent_key_is_not_read_and_never_blank():
    assert _s115(implementer=_ABSENT)[0] == []


def test_not_on_form_is_never_blank():
    assert _s115(implementer=None, not_on_form=["实施单位"])[0] == []


def test_nothing_read_is_insufficient_data():
    mapping = {k: v for k, v in BASE.items() if k == "indicators"}
    assert rule_outcome(HeaderFieldBlank, mapping) is Outcome.INSUFFICIENT_DATA


def test_fields_option_limits_the_check():
    findings, _ = run_rule(HeaderFieldBlank, {**BASE, "implementer": None}, fields=("项目名称",))
    assert findings == []
    with pytest.raises(ValueError):
        HeaderFieldBlank.options["fields"].validate(["负责人电话"])


def test_dump_keeps_absent_and_blank_apart():
    for change, blank in (({"implementer": None}, True), ({}, False)):
        mapping = {**{k: v for k, v in BASE.items() if k != "implementer"}, **change}
        again = form_from_mapping(form_to_mapping(form_from_mapping(mapping)))
        assert (again.implementer_location is not None) is blank


def test_text_form_without_an_implementer_row_is_not_blank(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text(
        "2022年市级部门预算项目支出绩效目标批复表\n项目名称\t培训经费\n预算单位\t市委党校\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥280人次\n",
        encoding="utf-8")
    [form] = load_path(path).forms
    assert (form.name, form.budget_unit, form.implementer) == ("培训经费", "市委党校", None)
    assert form.implementer_location is None  # the reader saw no 实施单位 field
    assert list(HeaderFieldBlank().check(FormFacts(form), Context(options=default_options(HeaderFieldBlank)))) == []


@pytest.mark.parametrize("text,unit", [("65万元", "万元"), ("65万", "万元"), ("650,000元", "元"), ("１.５亿", "亿元"),
                                       ("800千元", "千元"), ("65", None), ("", None), (None, None), ("万元", None)])
def test_written_unit(text, unit):
    assert written_unit(text) == unit


def _funded(declared, **amounts):
    return {"name": "x", "amount_unit": "元", "declared_amount_unit": declared, "funding": amounts}


def test_all_conflicting_cells_are_one_finding():
    [f] = run_rule(AmountUnitConflict, _funded("元", total="65万元", fiscal="60万元", other="5万"))[0]
    assert f.args["count"] == 3 and f.args["written"] == "万元" and f.args["declared"] == "元"
    assert "年度资金总额 65万元" in f.args["cells"] and "其他资金 5万" in f.args["cells"]


def test_source_cells_are_checked_too():
    mapping = _funded("万元", total="65")
    mapping["funding"]["sources"] = {"合计": "650000元"}
    [f] = run_rule(AmountUnitConflict, mapping)[0]
    assert "650000元" in f.args["cells"]


def test_no_declaration_is_not_applicable():
    mapping = {"name": "x", "funding": {"total": "65万元"}}
    assert rule_outcome(AmountUnitConflict, mapping) is Outcome.NOT_APPLICABLE


@given(st.sampled_from(["元", "万元", "亿元"]), st.decimals(min_value=0, max_value=10**9, places=2))
def test_cells_in_the_declared_unit_never_conflict(unit, number):
    mapping = _funded(unit, total=f"{number}{unit}", fiscal=str(number))
    assert run_rule(AmountUnitConflict, mapping)[0] == []
