"""The wording rules (W101–W104), F107 and F113 case by case: small forms at each rule's edges
and what the rule must conclude — its findings (with what they say), that it passed, or the
reason it could not check.

Each case holds one line of behaviour that mutation testing showed no test held
(docs/testing.md: the W, F107 and F113 run of 2026-12-05).
"""

from __future__ import annotations


import attrs
import pytest

from policy.authoring.examples import cost_form, form, only, row
from policy.forms.canonical import form_from_mapping
from policy.registry import get_rule
from policy.testing import rule_run
from tests.rules.facw_forms import load_text, text_form
from tests.rules.test_rule_cases import _checked, _lined, check_case

_VAGUE = "持续提升"  # one of W101's default phrases (seen in published forms)
_QTY = ("产出指标", "数量指标", "印制资料", "6000份")
_UNIT_COST = ("产出指标", "成本指标", "印制单价", "67.5元/份")  # × 6000份 = 405 000元


def _f107_form(total="10万元", quantity="6000份", level2="数量指标", period=None):
    """F107's first bad example, its total or its quantity row changed."""
    out = cost_form(total or "", ("产出指标", level2, "印制资料", quantity), _UNIT_COST)
    if total is None:
        del out["funding"]["total"]
    if period:
        out["indicators"][0]["period"] = period
    return out


# (case id, rule code, form, options, what the rule concludes: a list of message ids, or of
# (message id, what its arguments or evidence must say); "pass"; or a reason id)
CASES = [
    # W101: vague wording in a value
    ("W101-no-values-at-all", "W101", only(row("效益指标", "社会效益", "社会影响力", None)), {},
     "W.reason.no-values"),
    ("W101-only-skipped-level2-values", "W101", only(row("产出指标", "时效指标", "完成时间", _VAGUE)), {},
     "W.reason.no-values"),
    ("W101-a-skipped-level2-printed-otherwise-is-skipped", "W101",
     only(row("产出指标", "时效目标", "完成时间", _VAGUE)), {}, "W.reason.no-values"),
    ("W101-skip-level2-by-the-printed-label", "W101",
     only(row("效益指标", "社会影响", "社会影响力", _VAGUE)), {"skip_level2": ("社会影响",)},
     "W.reason.no-values"),
    ("W101-a-value-with-a-number-is-measurable", "W101",
     only(row("效益指标", "社会效益", "群众满意度", "持续提升至95%")), {}, "pass"),
    ("W101-a-number-does-not-end-the-check", "W101",
     only(row("效益指标", "社会效益", "群众满意度", "持续提升至95%"),
          row("效益指标", "社会效益", "社会影响力", _VAGUE)), {},
     [("W101", {"name": "社会影响力", "phrase": _VAGUE})]),
    ("W101-a-graded-level-is-measurable-even-when-a-pattern-matches", "W101",
     only(row("效益指标", "社会效益", "目标实现程度", "基本完成")), {"patterns": ("基本",)}, "pass"),
    ("W101-a-pattern-of-ones-own-without-a-grade", "W101",
     only(row("效益指标", "社会效益", "目标实现程度", "基本实现目标")), {"patterns": ("基本",)},
     [("W101", {"phrase": "基本", "模糊表述": "基本"})]),
    ("W101-a-damaged-value-is-V101s-or-V102s", "W101",
     only(row("效益指标", "社会效益", "社会影响力", "持续提升XX")), {}, "pass"),
    ("W101-a-number-value-is-never-vague-wording", "W101",
     only(row("效益指标", "社会效益", "群众满意度", "≥95%")), {"patterns": (r"\d+%",)}, "pass"),
    ("W101-an-unnamed-row", "W101", only(row("效益指标", "社会效益", None, _VAGUE)), {},
     [("W101", {"name": "（无名称）", "value": _VAGUE, "指标值": _VAGUE})]),
    # W102: placeholders in several text fields are one finding listing the fields
    ("W102-placeholders-in-four-fields", "W102",
     only(row("产出指标", "数量指标", "培训人次", "≥280人次"), budget_unit="XX局", implementer="XX局 **",
          goals={"long_term": "20**年完成", "annual": "全年培训XX人次"}),
     {}, [("W102.fields", {"count": 4, "placeholder": "20**",
                           # all in one place (a mapping's): listed by name
                           "names": "「中长期目标」、「实施单位及责任人」、「年度目标」、「预算单位」",
                           "栏目": "「中长期目标」、「实施单位及责任人」、「年度目标」、「预算单位」"})]),
    # W104: the annual goal states no quantity
    ("W104-the-form-has-no-annual-goal-field", "W104",
     form(goals={"annual": "做好干部培训工作。"}, not_on_form=["年度目标"]), {}, "W.reason.no-annual-goal"),
    ("W104-an-annual-goal-of-wu-is-blank", "W104", form(goals={"annual": "无"}), {}, "W.reason.no-annual-goal"),
    ("W104-a-placeholder-annual-goal-is-blank", "W104", form(goals={"annual": "——"}), {},
     "W.reason.no-annual-goal"),
    # F107: unit cost × the matching quantity against the annual total
    ("F107-a-per-unit-in-another-spelling", "F107",
     cost_form("10万元", ("产出指标", "数量指标", "印制资料", "6000册"), ("产出指标", "成本指标", "印制单价", "67.5元/份（册）")),
     {}, [("F107", {"product": "405000元", "over": "305"})]),
    ("F107-a-quantity-in-another-spelling", "F107",
     cost_form("10万元", ("产出指标", "数量指标", "编印资料", "8000册（本）"), ("产出指标", "成本指标", "编印单价", "45元/本")),
     {}, [("F107", {"product": "36万元", "over": "260"})]),
    # 120公里 = 120 000米 at 60元/米: 720万元; 12 000米 = 12公里 at 6000元/公里: 7.2万元
    ("F107-kilometres-at-a-cost-per-metre", "F107",
     cost_form("100万元", ("产出指标", "数量指标", "道路养护", "120公里"), ("产出指标", "成本指标", "养护单价", "60元/米")),
     {}, [("F107", {"product": "720万元", "over": "620"})]),
    ("F107-metres-at-a-cost-per-kilometre", "F107",
     cost_form("5万元", ("产出指标", "数量指标", "道路养护", "12000米"), ("产出指标", "成本指标", "养护单价", "6000元/公里")),
     {}, [("F107", {"product": "72000元", "over": "44"})]),
    ("F107-2-wan-people-at-a-cost-per-person", "F107",
     cost_form("50万元", ("产出指标", "数量指标", "资助学生", "2万人"), ("产出指标", "成本指标", "资助标准", "1000元/人")),
     {}, [("F107", {"product": "2000万元", "over": "3900"})]),
    ("F107-an-area-cost-is-not-multiplied-by-a-length", "F107",
     cost_form("100万元", ("产出指标", "数量指标", "道路养护", "120公里"), ("产出指标", "成本指标", "绿化单价", "60元/平方米")),
     {}, "F.reason.no-unit-quantity-pair"),
    ("F107-a-per-head-amount-named-as-one-needs-no-per-unit", "F107",
     cost_form("100万元", ("产出指标", "数量指标", "资助学生", "200人"), ("产出指标", "成本指标", "人均补助", "≤500元")),
     {}, "F.reason.no-unit-costs"),
    # 200人 × 0.5万元 = 100万元: the unit cost's own money unit counts
    ("F107-a-unit-cost-in-wan-yuan", "F107",
     cost_form("50万元", ("产出指标", "数量指标", "资助学生", "200人"), ("产出指标", "成本指标", "资助标准", "0.5万元/人")),
     {}, [("F107", {"product": "100万元", "over": "100"})]),
    # money under 数量指标 is funds handled, not outputs: a fee per 万元 is not multiplied by it
    ("F107-money-is-no-quantity-of-outputs", "F107",
     cost_form("10万元", ("产出指标", "数量指标", "资金拨付", "500万元"),
               ("产出指标", "成本指标", "管理费标准", "≤3000元/万元")), {}, "F.reason.no-unit-quantity-pair"),
    ("F107-no-annual-total", "F107", _f107_form(None), {}, "F.reason.no-annual-total"),
    ("F107-an-unreadable-annual-total", "F107", _f107_form("十万"), {}, "F.reason.no-annual-total"),
    ("F107-a-zero-total-has-no-percentage", "F107", _f107_form("0元"), {},
     [("F107", {"over": "—", "total": "0元", "product": "405000元"})]),
    ("F107-an-upper-bound-on-the-quantity-proves-nothing", "F107", _f107_form(quantity="≤6000份"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-a-strict-upper-bound-neither", "F107", _f107_form(quantity="<6000份"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-a-damaged-quantity-is-not-multiplied", "F107", _f107_form(quantity="6000份XX"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-a-quantity-per-year-is-the-years-quantity", "F107", _f107_form(quantity="6000份/年"), {},
     [("F107", {"quantity": "6000份/年", "product": "405000元"})]),
    ("F107-a-quantity-per-month-is-not", "F107", _f107_form(quantity="6000份/月"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-a-count-outside-the-quantity-level2", "F107", _f107_form(level2="质量指标"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-a-long-term-quantity-is-not-the-years", "F107", _f107_form(period="long_term"), {},
     "F.reason.no-unit-quantity-pair"),
    ("F107-an-unmatched-unit-cost-does-not-end-the-check", "F107",
     cost_form("10万元", _QTY, ("产出指标", "成本指标", "培训单价", "500元/人"), _UNIT_COST), {},
     [("F107", {"name": "印制单价"})]),
    # 6000份 × 1元 = 6000元 is within the 10万元; 200人 × 1000元 = 20万元 is not
    ("F107-a-pair-within-the-budget-does-not-end-the-check", "F107",
     cost_form("10万元", _QTY, ("产出指标", "数量指标", "培训人数", "200人"),
               ("产出指标", "成本指标", "印制单价", "1元/份"), ("产出指标", "成本指标", "培训标准", "1000元/人")), {},
     [("F107", {"name": "培训标准", "product": "20万元"})]),
    ("F107-unnamed-rows", "F107",
     cost_form("10万元", ("产出指标", "数量指标", None, "6000份"), ("产出指标", "成本指标", None, "67.5元/份")), {},
     [("F107", {"name": "（无名称）", "quantity_name": "（无名称）", "数量": "（无名称）：6000份"})]),
    # W103: quality wording under 效益, benefit wording under 质量指标
    ("W103-no-quality-or-benefit-rows", "W103",
     only(row("产出指标", "数量指标", "设备验收合格率", "100%")), {}, "W.reason.no-quality-benefit"),
    ("W103-only-unnamed-rows", "W103", only(row("效益指标", "社会效益", None, "100%")), {},
     "W.reason.no-quality-benefit"),
    ("W103-an-unnamed-row-does-not-end-the-check", "W103",
     only(row("效益指标", "社会效益", None, "100%"), row("效益指标", "社会效益", "设备验收合格率", "100%")), {},
     [("W103.quality-under-benefit", {"name": "设备验收合格率", "word": "合格率"})]),
    ("W103-the-printed-level2-is-shown", "W103",
     only(row("产出指标", "质量目标", "带动农户增收", "≥500元/户")), {},
     [("W103.benefit-under-quality", {"level2": "质量目标", "二级指标": "质量目标"})]),
    ("W103-the-canonical-level2-when-none-is-printed", "W103",
     only(row("产出指标", "质量指标", "带动农户增收", "≥500元/户")), {},
     [("W103.benefit-under-quality", {"level2": "质量指标", "二级指标": "质量指标"})]),
]


@pytest.mark.parametrize("code,form,options,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_case(code, form, options, expected):
    check_case(code, form, options, expected)


def test_w101_reads_a_value_the_loader_left_unparsed():
    """A Form built by hand may give a value's text without its parse (``value=None``): W101
    still reads the text, and finds the vague phrase rather than failing."""
    built = form_from_mapping(only(row("效益指标", "社会效益", "社会影响力", _VAGUE)))
    [ind] = built.indicators
    built = attrs.evolve(built, indicators=(attrs.evolve(ind, value=None),))
    [finding], stop = _checked("W101", built)
    assert stop is None and finding.args["phrase"] == _VAGUE and finding.indicator.name == "社会影响力"


def test_w102_a_field_read_without_its_place_points_at_the_form():
    built = form_from_mapping(only(row("产出指标", "数量指标", "培训人次", "≥280人次"), name="XX局信息化运维经费",
                                   line=3))
    built = attrs.evolve(built, name_location=None)
    [finding], stop = _checked("W102", built)
    assert stop is None and finding.message_id == "W102.field" and finding.args["field"] == "项目名称"
    assert finding.location == built.location


# (rule code, form, the lines its findings point at): indicator rows numbered from line 10, the
# form's own fields on line 3.
ROW_LOCATION_CASES = [
    ("W102", get_rule("W102").bad[1].form, [3, 10]),  # the project name's field, then the named row
    ("W102", get_rule("W102").bad[2].form, [10]),  # many names: the first of them
    ("W101", only(row("效益指标", "社会效益", "群众满意度", "≥95%"), row("效益指标", "社会效益", "社会影响力", _VAGUE)),
     [11]),
    ("W103", only(row("效益指标", "社会效益", "群众知晓率", "≥90%"), row("效益指标", "社会效益", "设备验收合格率", "100%")),
     [11]),
    ("F107", get_rule("F107").bad[0].form, [11]),  # the unit cost's row
    ("F107", get_rule("F107").bad[3].form, [11]),  # the unit cost without a per-unit
]


@pytest.mark.parametrize("code,form,lines", ROW_LOCATION_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(ROW_LOCATION_CASES)])
def test_finding_points_at_its_row(code, form, lines):
    findings, _ = rule_run(get_rule(code), {**_lined(form), "line": 3})
    assert [f.location.line for f in findings] == lines


# W101's bad examples, finding by finding: (arguments, evidence, indicator name), worked out from
# the examples' values and the default phrases.
W101_IN_FULL = {
    0: [({"name": "社会影响力", "value": "持续提升", "phrase": "持续提升"},
         {"指标值": "持续提升", "模糊表述": "持续提升"}, "社会影响力")],
    1: [({"name": "群众获得感", "value": "不断增强人民群众的获得感", "phrase": "不断增强"},
         {"指标值": "不断增强人民群众的获得感", "模糊表述": "不断增强"}, "群众获得感"),
        ({"name": "社会认可度", "value": "广大市民更加理解和支持政府工作", "phrase": "更加"},
         {"指标值": "广大市民更加理解和支持政府工作", "模糊表述": "更加"}, "社会认可度")],
}


@pytest.mark.parametrize("index", sorted(W101_IN_FULL))
def test_w101_bad_example_in_full(index):
    rule = get_rule("W101")
    findings, _ = rule_run(rule, rule.bad[index].form)
    said = [(f.message_id, dict(f.args), dict(f.evidence), f.indicator.name) for f in findings]
    assert said == [("W101", *expected) for expected in W101_IN_FULL[index]]


# -- F113: funding cells in a money unit other than the declared one --------------------------

def test_f113_bad_example_in_full():
    """Every conflicting cell named with its label, in form order (a bare 0 is in the declared
    unit and is no conflict)."""
    rule = get_rule("F113")
    [finding], stop = rule_run(rule, rule.bad[0].form)
    cells = "年度资金总额 65万元、财政拨款 65万元"
    assert stop is None and finding.message_id == "F113"
    assert finding.args == {"declared": "元", "written": "万元", "cells": cells, "count": 2}
    assert dict(finding.evidence) == {"金额单位": "元", "资金栏": cells}


def test_f113_points_at_the_first_conflicting_cell():
    [loaded] = load_text(text_form(total="650000", fiscal="65万元", other="5万元", sources_total="650000",
                                   sources_parts=("650000",)))
    [finding], _ = _checked("F113", loaded)
    assert (finding.location.line, finding.args["cells"]) == (8, "财政拨款 65万元、其他资金 5万元")


# -- F107: its bad examples in full (products and percentages worked out by hand) ---------------

def _f107(name, unit_cost, quantity_name, quantity, product, total, over):
    return ("F107",
            {"name": name, "unit_cost": unit_cost, "quantity_name": quantity_name, "quantity": quantity,
             "product": product, "total": total, "over": over, "tolerance": "10"},
            {"单位成本": unit_cost, "数量": f"{quantity_name}：{quantity}", "单位成本×数量": product,
             "年度资金总额": total},
            name)


F107_IN_FULL = {
    # 6000 × 67.5 = 405 000元, (405 000 − 100 000) / 100 000 = 305%
    0: [_f107("印制单价", "67.5元/份", "印制资料", "6000份", "405000元", "10万元", "305")],
    # 2100 × 1000 = 2 100 000元 = 210万元, (210 − 50) / 50 = 320%
    1: [_f107("资助标准", "1000元/人", "资助学生", "≥2100人", "210万元", "50万元", "320")],
    # 1000 × 111 = 111 000元, 11% over
    2: [_f107("印制单价", "111元/份", "印制资料", "1000份", "111000元", "10万元", "11")],
    3: [("F107.no-per-unit", {"name": "硬化水泥砼公路补助标准", "value": "≤120万元"}, {"单位成本": "≤120万元"},
         "硬化水泥砼公路补助标准")],
}


@pytest.mark.parametrize("index", sorted(F107_IN_FULL))
def test_f107_bad_example_in_full(index):
    rule = get_rule("F107")
    findings, _ = rule_run(rule, rule.bad[index].form)
    said = [(f.message_id, dict(f.args), dict(f.evidence), f.indicator.name) for f in findings]
    assert said == F107_IN_FULL[index]


def test_f105_points_at_an_unnamed_cap_before_any_named_one():
    # The finding points at the first cap in the order (name, value) with a missing name first —
    # before a name in Latin letters too ("A类…" sorts before "XXXX", not before "").
    mapping = cost_form("20万元", ("产出指标", "成本指标", "A类设备采购成本", "≤12万元"),
                        ("产出指标", "成本指标", None, "≤10万元"))
    findings, stop = rule_run(get_rule("F105"), mapping)
    assert stop is None and [f.message_id for f in findings] == ["F105"]
    assert findings[0].indicator.name is None and findings[0].indicator.value_text == "≤10万元"
