"""Attainment compares an actual with its target by meaning (policy/forms/attainment.py): named
cases from the issue and domain notes, then properties over generated values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from grammar import canonical, parse_value
from policy.forms.attainment import (EXCEEDED, MET, NOT_COMPARABLE, NOT_MET, attainment,
                                     of_indicator)
from policy.forms.canonical import form_from_mapping

CASES = [
    # target, actual, lower_is_better, status, by, reason
    ("≥95%", "93%", False, NOT_MET, "2个百分点", None),
    ("≥95%", "95%", False, MET, None, None),
    (">95%", "95%", False, NOT_MET, "0个百分点", None),
    ("≥95%", "0.97", False, EXCEEDED, "2个百分点", None),  # a bare fraction against a percentage
    ("≤1小时", "1.5小时", False, NOT_MET, "0.5小时", None),
    ("≤1小时", "45分钟", False, EXCEEDED, "0.25小时", None),
    ("≤1天", "30小时", False, NOT_MET, "0.25天", None),
    ("≥120公里", "126000米", False, EXCEEDED, "6公里", None),
    ("300平方米", "0", False, NOT_MET, "300平方米", None),  # a bare actual is in the target's unit
    ("≥1.2万人次", "1.3", False, EXCEEDED, "0.1万人次", None),
    ("10万元", "9.5万元", True, EXCEEDED, "0.5万元", None),  # a cost: less is better
    ("10万元", "95000元", True, EXCEEDED, "0.5万元", None),
    ("10万元", "12万元", True, NOT_MET, "2万元", None),
    ("90%-95%", "93%", False, MET, None, None),
    ("90%-95%", "89%", False, NOT_MET, "1个百分点", None),
    ("≥10项", "12个", False, EXCEEDED, "2项", None),  # 个 and 项 count the same things
    ("2022年10月底前", "2022年9月", False, MET, None, None),
    ("2022年10月底前", "2022年11月30日", False, NOT_MET, "30天", None),
    ("优", "良", False, NOT_MET, None, None),
    ("良", "优", False, EXCEEDED, None, None),
    ("按质按量完成", "达成", False, MET, None, None),
    ("按质按量完成", "部分达成", False, NOT_MET, None, None),
    ("≥95%", "≥95%", False, NOT_COMPARABLE, None, "actual-restates-target"),
    ("≥95%", "已完成", False, NOT_COMPARABLE, None, "actual-says-done"),
    ("≥80%", "达成预期指标", False, NOT_COMPARABLE, None, "actual-says-done"),
    ("≥95%", "96天", False, NOT_COMPARABLE, None, "unit-mismatch"),
    ("≥5亩", "3000平方米", False, NOT_COMPARABLE, None, "units-do-not-convert"),
    ("100%", "无", False, NOT_COMPARABLE, None, "actual-is-text"),
    ("≥95%", "≥**%", False, NOT_COMPARABLE, None, "actual-unreadable"),
]


@pytest.mark.parametrize("target,actual,lower,status,by,reason", CASES)
def test_named_cases(target, actual, lower, status, by, reason):
    got = attainment(parse_value(target), parse_value(actual), lower_is_better=lower, year=2022)
    assert got.status == status, got
    assert got.to_mapping().get("by") == by
    assert got.reason == reason


def test_indicator_reading_knows_costs_and_time_limits():
    form = form_from_mapping({"kind": "self_evaluation", "indicators": [
        {"level1": "产出指标", "level2": "成本指标", "name": "成本", "target": "10万元", "actual": "11万元"},
        {"level1": "产出指标", "level2": "时效指标", "name": "招标时间", "target": "1个月", "actual": "2个月"},
        {"level1": "产出指标", "level2": "数量指标", "name": "里程", "target": "10公里", "actual": "11公里"},
    ]})
    cost, time, quantity = (of_indicator(i).status for i in form.indicators)
    assert (cost, time, quantity) == (NOT_MET, NOT_MET, EXCEEDED)


RANK_UP = {NOT_MET: 0, MET: 1, EXCEEDED: 2}
numbers = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
UNITS = ("%", "万元", "元", "小时", "公里", "人次", "")


def _q(op: str, n: Decimal, unit: str) -> str:
    return f"{op}{n}{unit}"


@given(op=st.sampled_from(["≥", ">", "≤", "<", ""]), t=numbers, a1=numbers, a2=numbers,
       unit=st.sampled_from(UNITS), lower=st.booleans())
def test_monotone_in_the_actual(op, t, a1, a2, unit, lower):
    a1, a2 = sorted((a1, a2))
    target = parse_value(_q(op, t, unit))
    r1 = attainment(target, parse_value(_q("", a1, unit)), lower_is_better=lower)
    r2 = attainment(target, parse_value(_q("", a2, unit)), lower_is_better=lower)
    assert NOT_COMPARABLE not in (r1.status, r2.status)
    down = op in ("≤", "<") or (op == "" and lower)
    if down:
        assert RANK_UP[r1.status] >= RANK_UP[r2.status]
    else:
        assert RANK_UP[r1.status] <= RANK_UP[r2.status]
    if r1.status == r2.status == NOT_MET:  # a better actual misses by less
        assert (r1.gap >= r2.gap) if not down else (r1.gap <= r2.gap)


CONVERSIONS = (("万元", "元", Decimal(10000)), ("小时", "分钟", Decimal(60)), ("天", "小时", Decimal(24)),
               ("公里", "米", Decimal(1000)), ("吨", "千克", Decimal(1000)))


@given(op=st.sampled_from(["≥", "≤", ""]), t=numbers, a=numbers, conv=st.sampled_from(CONVERSIONS),
       lower=st.booleans())
def test_unit_invariant(op, t, a, conv, lower):
    big, small, factor = conv
    target = parse_value(_q(op, t, big))
    in_big = attainment(target, parse_value(_q("", a, big)), lower_is_better=lower)
    in_small = attainment(target, parse_value(_q("", a * factor, small)), lower_is_better=lower)
    assert in_big == in_small
    # the target written in the small unit: same status and ratio, the gap scaled
    small_target = attainment(parse_value(_q(op, t * factor, small)), parse_value(_q("", a, big)),
                              lower_is_better=lower)
    assert small_target.status == in_big.status and small_target.ratio == in_big.ratio
    if in_big.gap is not None:
        assert small_target.gap == in_big.gap * factor


VALUES = st.one_of(
    st.builds(_q, st.sampled_from(["≥", "≤", "", "<"]), numbers, st.sampled_from(UNITS)),
    st.sampled_from(["优", "良", "达成", "部分达成", "已完成", "按质按量完成", "2022年10月底前",
                     "2022年9月", "1-12月", "90%-95%", "3~5天", "≥**%", "无"]),
)


@given(target=VALUES, actual=VALUES, lower=st.booleans())
def test_agrees_with_the_printers_round_trip(target, actual, lower):
    t, a = parse_value(target), parse_value(actual)
    again = attainment(parse_value(canonical(t)), parse_value(canonical(a)), lower_is_better=lower,
                       year=2022)
    assert again == attainment(t, a, lower_is_better=lower, year=2022)
