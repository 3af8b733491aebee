"""V117 (a benefit under a 社会/生态环境成本 tier), V118 (a multi-year duration in an annual
indicator) and S116 (a category label as a 三级 name)."""

from __future__ import annotations

import pytest

from policy.authoring.examples import form, row
from policy.authoring.wording import first_match
from policy.rules.S116_category_label_as_name import CategoryLabelAsName, is_category_label
from policy.rules.V112_cost_not_money import CostNotMoney
from policy.rules.V117_benefit_as_cost import BenefitAsCost
from policy.rules.V118_multi_year_in_annual import MULTI_YEAR_PATTERNS, MultiYearInAnnual
from policy.testing import run_rule
from grammar.folding import fold


def _found(rule, *rows_, **options):
    findings, _ = run_rule(rule, form(*rows_), **options)
    return findings


def test_benefit_under_social_cost_is_reported_with_its_word():
    [f] = _found(BenefitAsCost, row("成本指标", "社会成本指标", "带动当地群众就业", "≥20人"))
    assert f.args["word"] == "带动" and f.args["level2"] == "社会成本指标"


def test_economic_cost_as_a_rate_stays_v112s_and_is_not_v117s():
    r = row("成本指标", "经济成本指标", "成本节约率提升", "≥5%")
    assert _found(BenefitAsCost, r) == []
    assert [f.message_id for f in _found(CostNotMoney, r)] == ["V112"]


def test_blank_cost_rows_and_capped_harms_pass():
    assert _found(BenefitAsCost, row("成本指标", "社会成本指标", None, None),
                  row("成本指标", "生态环境成本指标", "施工噪声超标投诉", "≤2件")) == []


@pytest.mark.parametrize("text,phrase", [
    ("分3年实施", "分3年"), ("分三个年度完成", "分三个年度"), ("三年内完成", "三年内"), ("连续两年", "连续两年"),
    ("5年建设期", "5年建设期"), ("十年之内", "十年之内"), ("2年完成", "2年完成"),
])
def test_multi_year_phrases(text, phrase):
    assert first_match(fold(text), MULTI_YEAR_PATTERNS) == phrase


@pytest.mark.parametrize("text", ["2023年内完成", "每3年一次", "近三年内未发生", "1年内", "使用年限≥5年",
                                  "2022年12月底前", "一年内完成"])
def test_not_multi_year(text):
    assert first_match(fold(text), MULTI_YEAR_PATTERNS) is None


def test_multi_year_only_in_annual_rows_and_not_under_sustainability():
    annual = row("产出指标", "数量指标", "改造户数", "分3年实施，共改造360户")
    assert len(_found(MultiYearInAnnual, annual)) == 1
    assert _found(MultiYearInAnnual, {**annual, "period": "long_term"}) == []
    assert _found(MultiYearInAnnual, row("效益指标", "可持续影响", "效益持续", "连续3年发挥效益")) == []
    assert len(_found(MultiYearInAnnual, row("效益指标", "可持续影响", "效益持续", "连续3年发挥效益"),
                      skip_level2=())) == 1


@pytest.mark.parametrize("name,label", [
    ("质量指标", True), ("经济效益指标", True), ("数量", True), ("社会效益", True), ("时效（天）", True),
    ("服务对象满意度", True), ("验收合格率", False), ("项目成本", False), ("产出数量", False), ("", False),
])
def test_category_labels(name, label):
    assert is_category_label(name) is label


def test_several_labels_are_one_finding_listing_them():
    [f] = _found(CategoryLabelAsName, row("产出指标", "质量指标", "质量指标", "100%"),
                 row("效益指标", "社会效益", "社会效益", "显著"),
                 row("满意度指标", "服务对象满意度", "服务对象满意度", "≥90%"))
    assert f.message_id == "S116.many" and f.args == {"count": 2, "names": "质量指标、社会效益"}


def test_a_label_row_without_value_is_not_an_indicator_name():
    assert _found(CategoryLabelAsName, row("产出指标", "质量指标", "质量指标", None)) == []
