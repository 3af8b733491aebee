"""Rules case by case: small forms at each rule's edges, and what the rule must conclude —
the findings it reports, or that it passed, or the reason it could not check.

Each case is one line of behaviour (a boundary, a skipped cell, an option), chosen where
mutation testing showed that no test held it (docs/testing.md).
"""

from __future__ import annotations

import copy
from decimal import Decimal

import attrs
import pytest

from policy.api import Context, InsufficientData, NotApplicable
from policy.authoring.examples import evaluation_form, form, only, row
from policy.forms.canonical import form_from_mapping
from policy.forms.facts import FormFacts
from policy.forms.model import Location
from policy.registry import get_rule
from policy.rules.S111_weights_sum import W, weighted
from policy.testing import default_options, rule_run


def _execution(*rows_kept, **cells):
    """The example self-evaluation with execution cells changed: spent_0="46" sets row 0's
    全年执行数 (rows: 0 年度资金总额, 1 财政拨款, 2 其他资金; amounts in 万元)."""
    def change(form):
        for key, value in cells.items():
            column, _, row = key.rpartition("_")
            form["execution"][int(row)][column] = value
        if rows_kept:
            form["execution"] = [form["execution"][i] for i in rows_kept]
    return evaluation_form(change)


def _scored(total_score="93.6", **cells):
    """The example self-evaluation with indicator cells changed: score_4="30" sets the 得分 of
    indicator 4 (0 养护里程 20/20, 1 验收合格率 15/15, 2 完工时间 10/10, 3 每公里养护成本 5/5,
    4 通行时间缩短率 24/30 — 8% of ≥10%, 5 群众满意度 10/10; the execution row 9.6/10)."""
    def change(form):
        form["total_score"] = total_score
        for key, value in cells.items():
            column, _, row = key.rpartition("_")
            if column == "execution":
                form["execution"][0]["score"] = value
            else:
                form["indicators"][int(row)][column] = value
    return evaluation_form(change)


def _level1_weights(weights):
    """The example self-evaluation with its 一级指标 weights (产出 50, 效益 30, 满意度 10) changed."""
    return evaluation_form(lambda form: form["level1_weights"].update(weights))


# (case id, rule code, form, options, what the rule concludes: a list of message ids, "pass",
# or a reason id)
CASES = [
    ("F101-other-funds-alone-make-the-total", "F101", {"funding": {"total": "10万元", "other": "10万元"}},
     {}, "pass"),
    ("F101-fiscal-blank-and-other-short-of-total", "F101",
     {"funding": {"total": "10万元", "other": "4万元"}}, {}, "F.reason.no-fiscal"),
    ("F109-no-annual-total", "F109", {"funding": {"procurement": "5万元"}}, {}, "F.reason.no-annual-total"),
    ("F109-unreadable-amount", "F109", {"funding": {"total": "10万元", "procurement": "五万"}}, {},
     ("F.reason.unreadable", {"cell": "五万"})),
    ("F109-an-unreadable-cell-does-not-end-the-check", "F109",
     {"funding": {"total": "10万元", "procurement": "五万", "purchase_services": "12万元"}}, {}, ["F109"]),
    ("F111-other-funds-alone-make-the-total", "F111",
     {"funding": {"long_term_total": "100万元", "long_term_other": "100万元"}}, {}, "pass"),
    ("F102-unreadable-sources-total", "F102",
     {"funding": {"sources": {"合计": "二十万", "一般公共预算收入": "20万元"}}}, {},
     ("F.reason.unreadable", {"cell": "二十万"})),
    ("F102-unreadable-source", "F102",
     {"funding": {"sources": {"合计": "20万元", "一般公共预算收入": "十五万"}}}, {},
     ("F.reason.unreadable", {"cell": "十五万"})),
    ("F103-unreadable-sources-total", "F103",
     {"funding": {"total": "20万元", "fiscal": "20万元", "sources": {"合计": "二十万"}}}, {},
     ("F.reason.unreadable", {"cell": "二十万"})),
    ("F106-unnamed-cap-line", "F106", {"funding": {"total": "10万元"}, "indicators": [
        {"level1": "成本指标", "level2": "经济成本指标", "name": None, "value": "≤10万元"}]}, {},
     [("F106", {"成本指标": "（无名称）", "name": "（无名称）"})]),
    ("F104-unnamed-cap-line", "F104", {"funding": {"total": "10万元"}, "indicators": [
        {"level1": "成本指标", "level2": "经济成本指标", "name": None, "value": "≤12万元"}]}, {},
     [("F104", {"成本指标": "（无名称）", "指标值": "≤12万元", "name": "（无名称）"})]),
    # R101: 执行率 = 全年执行数 ÷ 全年预算数; the example prints 96% for 48 of 50 (万元)
    ("R101-no-rate-anywhere", "R101", _execution(rate_0=None), {}, "R.reason.no-rate"),
    ("R101-a-row-without-rate-does-not-end-the-check", "R101", _execution(rate_0=None, rate_1="90%"),
     {}, ["R101"]),
    ("R101-a-zero-budget-row-is-skipped", "R101", _execution(budget_0="0", rate_1="90%"), {}, ["R101"]),
    ("R101-a-blank-budget-row-is-skipped", "R101", _execution(budget_0=None), {}, "R.reason.no-rate"),
    ("R101-a-blank-spent-row-is-skipped", "R101", _execution(spent_0=None), {}, "R.reason.no-rate"),
    ("R101-a-matching-row-does-not-end-the-check", "R101", _execution(rate_1="90%"), {}, ["R101"]),
    ("R101-half-a-printed-digit-is-rounding", "R101", _execution(spent_0="48.25"), {}, "pass"),
    ("R101-beyond-rounding", "R101", _execution(spent_0="48.7"), {}, ["R101"]),
    ("R101-within-tolerance-points", "R101", _execution(spent_0="48.7"), {"tolerance_points": 1}, "pass"),
    # R105: 总分 = the indicators' scores + the execution row's (84 + 9.6 = 93.6)
    ("R105-no-total-score", "R105", _scored(total_score=None), {}, "R.reason.no-total-score"),
    ("R105-unreadable-total-score", "R105", _scored(total_score="九十三"), {}, "R.reason.no-total-score"),
    ("R105-an-unscored-indicator", "R105", _scored(score_2=None), {},
     ("R.reason.partial-scores", {"count": 1})),
    ("R105-no-execution-score", "R105", _scored(execution_0=None), {},
     [("R105", {"sum": Decimal("84"), "总分": "93.6"})]),
    ("R105-within-tolerance", "R105", _scored(total_score="95"), {"tolerance": 2}, "pass"),
    ("R105-beyond-tolerance", "R105", _scored(total_score="95"), {}, ["R105"]),
    # R106: a target missed must not get the full score
    ("R106-no-scores", "R106", _scored(score_0=None, score_1=None, score_2=None, score_3=None,
                                       score_4=None, score_5=None), {}, "R.reason.no-scores"),
    ("R106-an-unweighted-row-does-not-end-the-check", "R106", _scored(weight_0=None, score_4="30"), {},
     ["R106"]),
    ("R106-a-graded-actual-is-R109s", "R106", _scored(actual_4="部分达成", score_4="30"), {}, "pass"),
    ("R106-a-not-met-grade-scored-in-full-is-R109s", "R106",
     _scored(target_1="按设计标准完成养护", actual_1="未达成", score_1="15", deviation_1="个别路段返工"), {},
     "pass"),
    ("R106-a-graded-row-does-not-end-the-check", "R106", _scored(actual_0="部分达成", score_4="30"), {},
     ["R106"]),
    # R103: no score above its weight
    ("R103-no-scores", "R103", _scored(score_0=None, score_1=None, score_2=None, score_3=None, score_4=None,
                                       score_5=None, execution_0=None), {}, "R.reason.no-scores"),
    ("R103-the-execution-row-alone-is-checked", "R103", _scored(score_0=None, score_1=None, score_2=None,
                                                                score_3=None, score_4=None, score_5=None),
     {}, "pass"),
    ("R103-execution-score-equal-to-weight", "R103", _scored(execution_0="10"), {}, "pass"),
    ("R103-an-unscored-execution-row-does-not-end-the-check", "R103",
     _execution(score_0=None, weight_1="10", score_1="12"), {}, ["R103.execution"]),
    ("R103-an-unweighted-execution-row-is-skipped", "R103", _execution(weight_0=None), {}, "pass"),
    ("R103-an-unweighted-indicator-does-not-end-the-check", "R103", _scored(weight_0=None, score_4="31"),
     {}, ["R103"]),
    # R107: points lost need a reason
    ("R107-no-scores", "R107", _scored(score_0=None, score_1=None, score_2=None, score_3=None, score_4=None,
                                       score_5=None), {}, "R.reason.no-scores"),
    ("R107-an-unweighted-indicator-does-not-end-the-check", "R107", _scored(weight_0=None, deviation_4=None),
     {}, ["R107"]),
    # R108: a missed target scored in proportion (8% of ≥10% → 80% of 30 = 24)
    ("R108-a-full-score-row-does-not-end-the-check", "R108",
     _scored(actual_0="100公里", score_4="28"), {}, ["R108"]),
    # R102: the execution row's score = 执行率 × 分值 (96% of 10 = 9.6; 48 of 50 spent)
    ("R102-no-execution-score", "R102", _execution(score_0=None), {}, "R.reason.no-execution-score"),
    ("R102-no-rate-printed-uses-spent-over-budget", "R102", _execution(rate_0=None, score_0="8"), {},
     [("R102", {"rate": "", "expected": "9.60"})]),
    ("R102-no-budget-uses-the-printed-rate", "R102", _execution(budget_0=None, score_0="8"), {},
     [("R102", {"expected": "9.60"})]),
    ("R102-a-zero-budget-uses-the-printed-rate", "R102", _execution(budget_0="0"), {}, "pass"),
    ("R102-no-rate-at-all", "R102", _execution(rate_0=None, budget_0=None), {},
     "R.reason.no-execution-score"),
    ("R102-the-printed-rate-is-shown-first", "R102", _execution(spent_0="40", score_0="5"), {},
     [("R102", {"expected": "9.60"})]),
    ("R102-within-tolerance", "R102", _execution(score_0="9"), {"tolerance": 1}, "pass"),
    ("R102-an-unscored-row-does-not-end-the-check", "R102",
     _execution(score_0=None, weight_1="10", score_1="5"), {}, ["R102"]),
    ("R102-a-row-without-rates-does-not-end-the-check", "R102",
     _execution(rate_0=None, budget_0=None, weight_1="10", score_1="5"), {}, ["R102"]),
    ("R102-a-matching-row-does-not-end-the-check", "R102", _execution(weight_1="10", score_1="5"), {},
     ["R102"]),
    # R109: a graded actual (达成/部分达成/未达成) scored inside its band
    ("R109-no-graded-scores", "R109", _scored(), {}, "R.reason.no-graded-scores"),
    # R104: the weights add up to 100 (indicators 90 + the execution row's 10), and each 一级指标's
    # printed weight to the rows under it
    ("R104-no-weights", "R104", _scored(weight_0=None, weight_1=None, weight_2=None, weight_3=None,
                                        weight_4=None, weight_5=None), {}, "R.reason.no-weights"),
    ("R104-a-row-without-weight", "R104", _scored(weight_2=None), {},
     ("R.reason.partial-weights", {"count": 1})),
    ("R104-no-execution-weight", "R104", _execution(weight_0=None), {},
     [("R104", {"execution": "0", "预算执行分值": "", "指标分值合计": "90", "sum": Decimal("90")})]),
    ("R104-an-unreadable-level1-weight-is-skipped", "R104", _level1_weights({"产出指标": "五十"}), {}, "pass"),
    ("R104-an-unreadable-level1-weight-does-not-end-the-check", "R104",
     _level1_weights({"产出指标": "五十", "效益指标": "25"}), {}, ["R104.level1"]),
    ("R109-the-low-edge-of-a-band-is-inside", "R109",
     _scored(target_1="按设计标准完成养护", actual_1="部分达成", score_1="9", deviation_1="个别路段返工"), {},
     "pass"),
    ("R109-not-met-scored-zero-is-inside-its-band", "R109",
     _scored(target_1="按设计标准完成养护", actual_1="未达成", score_1="0", deviation_1="个别路段返工"), {},
     "pass"),
    ("R109-a-graded-row-without-score-is-skipped", "R109",
     _scored(target_1="按设计标准完成养护", actual_1="部分达成", score_1=None, deviation_1="个别路段返工"), {},
     "R.reason.no-graded-scores"),
    # T101–T108: what the self-evaluation says it achieved
    ("T101-no-actuals", "T101", _scored(actual_0=None, actual_1=None, actual_2=None, actual_3=None, actual_4=None, actual_5=None), {}, "T.reason.no-actuals"),
    ("T101-a-row-without-actual-does-not-end-the-check", "T101", _scored(actual_0=None, actual_5="≥90%"),
     {}, ["T101"]),
    ("T102-no-actuals", "T102", _scored(actual_0=None, actual_1=None, actual_2=None, actual_3=None, actual_4=None, actual_5=None), {}, "T.reason.no-actuals"),
    ("T102-a-row-without-actual-does-not-end-the-check", "T102",
     _scored(actual_0=None, actual_5="已完成100%"), {}, ["T102"]),
    ("T103-no-actuals", "T103", _scored(actual_0=None, actual_1=None, actual_2=None, actual_3=None, actual_4=None, actual_5=None), {}, "T.reason.no-actuals"),
    ("T103-a-row-without-actual-does-not-end-the-check", "T103", _scored(actual_0=None, actual_1="126公里"),
     {}, ["T103"]),
    ("T105-no-comparable-actuals", "T105", _scored(actual_0=None, actual_1=None, actual_2=None, actual_3=None, actual_4=None, actual_5=None), {}, "T.reason.no-comparable-actuals"),
    ("T107-no-targets", "T107", _scored(target_0=None, target_1=None, target_2=None, target_3=None, target_4=None, target_5=None), {}, "T.reason.no-targets"),
    ("T108-no-annual-goal", "T108", evaluation_form(lambda form: form["goals"].update(annual=None)), {},
     "T.reason.no-annual-goal"),
    ("F112-parts-without-totals-row", "F112", _execution(1, 2), {}, "F.reason.no-execution-rows"),
    ("F112-totals-row-alone", "F112", _execution(0), {}, "F.reason.no-execution-rows"),
    ("F112-totals-row-blank", "F112", _execution(initial_0=None, budget_0=None, spent_0=None), {},
     "F.reason.no-execution-rows"),
    ("F112-unreadable-part-skips-its-column", "F112", _execution(spent_1="四十八", spent_0="40"), {},
     "pass"),
    ("F112-unreadable-total-skips-its-column", "F112", _execution(spent_0="四十六"), {}, "pass"),
    ("F112-a-skipped-column-does-not-end-the-check", "F112", _execution(initial_0=None, budget_0="60"),
     {}, ["F112"]),
    ("F112-all-parts-given-sum-below-total", "F112", _execution(spent_0="50"), {}, ["F112"]),
    ("F112-blank-part-sum-below-total-may-be-unprinted", "F112", _execution(spent_2=None, spent_0="50"),
     {}, "pass"),
    ("F112-blank-part-sum-above-total", "F112", _execution(spent_2=None, spent_0="40"), {}, ["F112"]),
    ("F112-difference-within-tolerance", "F112", _execution(spent_0="50"), {"tolerance_yuan": 20000},
     "pass"),
    ("F112-difference-just-above-tolerance", "F112", _execution(spent_0="50"), {"tolerance_yuan": 19999},
     ["F112"]),
]


# -- S101–S116: the structure of the indicator table ---------------------------------------------

def _lined(mapping, start=10):
    """The form with its indicator rows on lines start, start + 1, …, so a finding's place says
    which row it points at."""
    out = copy.deepcopy(mapping)
    for i, indicator in enumerate(out["indicators"]):
        indicator["line"] = start + i
    return out


def _without(mapping, key):
    out = copy.deepcopy(mapping)
    del out[key]
    return out


_S111_80_20 = {**weighted(W[:4] + (("学员履职能力提升率", 10), ("学员满意度", 10))), "execution_weight": 20}

CASES += [
    # S101: the 一级 the options require, in the order they are listed
    ("S101-a-satisfaction-row-first-in-the-options-does-not-end-the-check", "S101",
     form(drop=("学员履职能力提升率",)), {"required": ("满意度指标", "产出指标", "效益指标")},
     [("S101", {"level1": "效益指标"})]),
    ("S101-a-satisfaction-level2-under-another-level1-is-satisfaction", "S101",
     form(row("效益指标", "服务对象满意度", "群众认可度", "≥90%"), drop=("学员满意度",)), {}, "pass"),
    ("S101-money-under-quality-named-as-a-rate-is-no-cost-line", "S101",
     form(row("产出指标", "质量指标", "验收合格率", "28.8万元"), drop=("人均培训成本",)), {}, ["S101.cost"]),
    ("S101-a-table-without-cost-tier-checks-each-period", "S101",
     only(row("实施效果指标", "产出指标", "新建村组道路", "≥12公里"),
          row("实施效果指标", "效益指标", "受益人口", "≥3000人"),
          row("满意度指标", "服务对象满意度", "受益群众满意度", "≥90%"),
          row("实施效果指标", "产出指标", "新建村组道路", "≥30公里", period="long_term"),
          row("实施效果指标", "效益指标", "受益人口", "≥9000人", period="long_term")), {},
     [("S101", {"level1": "满意度指标", "period_en": "long-term"})]),
    # S102: each 一级 present has the 二级 the options require
    ("S102-a-missing-level1-first-in-the-options-does-not-end-the-check", "S102",
     only(row("产出指标", "数量指标", "培训人次", "≥280人次"), row("效益指标", "社会效益", "学员履职能力提升率", "≥90%")),
     {"required": {"满意度指标": (("服务对象满意度",),), "产出指标": (("时效指标",),)}},
     [("S102", {"level1": "产出指标", "level2": "时效指标"})]),
    ("S102-a-benefit-level1-without-a-benefit-level2", "S102",
     form(row("效益指标", "质量指标", "设备完好率", "≥98%"), drop=("学员履职能力提升率",)), {},
     [("S102", {"level1": "效益指标", "level2": "经济效益/社会效益/生态效益/可持续影响"})]),
    ("S102-rows-without-level2", "S102",
     only(row("产出指标", None, "培训人次", "≥280人次"), row("效益指标", "社会效益", "学员履职能力提升率", "≥90%"),
          row("满意度指标", "服务对象满意度", "学员满意度", "≥95%")), {},
     [("S102", {"level2": "数量指标", "已填二级指标": "—"}), ("S102", {"level2": "质量指标", "已填二级指标": "—"}),
      ("S102", {"level2": "时效指标", "已填二级指标": "—"})]),
    # S103: a 二级 under the wrong 一级, once per pair, named as printed
    ("S103-each-misplaced-level2-once", "S103",
     form(row("效益指标", "质量指标", "设备完好率", "≥98%"), row("效益指标", "质量指标", "设备合格率", "≥95%"),
          row("满意度指标", "数量指标", "调查人数", "≥100人")), {},
     [("S103", {"level2": "质量指标", "level1": "效益指标"}), ("S103", {"level2": "数量指标", "level1": "满意度指标"})]),
    ("S103-the-level1-as-printed", "S103", form(row("效益目标", "质量指标", "设备完好率", "≥98%")), {},
     [("S103", {"level1": "效益目标", "一级指标": "效益目标", "expected": "产出指标"})]),
    ("S103-a-cost-level2-has-two-parents", "S103", form(row("效益指标", "成本指标", "场地租金", "≤2万元")), {},
     [("S103", {"expected": "产出指标/成本指标"})]),
    # S104, S105: one finding per period; the row's 二级, else its 一级, else a dash
    ("S104-one-finding-per-period", "S104",
     form(row("产出指标", "时效指标", None, "1小时内"), row("产出指标", "时效指标", None, "2小时内", period="long_term")),
     {}, [("S104", {"period_en": "annual"}), ("S104", {"period_en": "long-term"})]),
    ("S104-the-level1-when-no-level2", "S104", form(row("产出指标", None, None, "10个")), {},
     [("S104", {"level2": "产出指标"})]),
    ("S104-a-dash-when-no-level", "S104", form(row(None, None, None, "10个")), {}, [("S104", {"level2": "—"})]),
    ("S105-one-finding-per-period", "S105",
     form(row("产出指标", "时效指标", "完成时间", None), row("产出指标", "时效指标", "验收时间", None, period="long_term")),
     {}, [("S105", {"period_en": "annual"}), ("S105", {"period_en": "long-term"})]),
    ("S105-the-level1-when-no-level2", "S105", form(row("产出指标", None, "完成时间", None)), {},
     [("S105", {"level2": "产出指标"})]),
    ("S105-a-dash-when-no-level", "S105", form(row(None, None, "完成时间", None)), {}, [("S105", {"level2": "—"})]),
    # S108: conflicting targets under one name
    ("S108-two-compounds-sharing-a-part-are-not-compared", "S108",
     form(row("产出指标", "数量指标", "全体会议次数、常务会议次数", "≥50次"),
          row("产出指标", "数量指标", "常务会议次数、专题会议次数", "≥20次")), {}, "pass"),
    ("S108-compounds-split-only-on-the-shared-suffix-option", "S108", get_rule("S108").bad[0].form,
     {"min_shared_suffix": 10}, "pass"),
    ("S108-a-row-conflicting-with-two-earlier-is-one-finding", "S108",
     form(row("产出指标", "数量指标", "培训人次", "≥300人次"), row("产出指标", "数量指标", "培训人次", "≥320人次")), {},
     [("S108", {"value": "≥300人次", "other": "≥280人次"}), ("S108", {"value": "≥320人次", "other": "≥280人次"})]),
    # S109: a row under the satisfaction 二级 or 一级, either of them
    ("S109-the-satisfaction-level2-under-another-level1", "S109",
     form(row("效益指标", "服务对象满意度", "社会认可度", "≥98%")), {}, [("S109", {"二级指标": "服务对象满意度"})]),
    ("S109-the-satisfaction-level1-without-level2", "S109", form(row("满意度指标", None, "社会认可度", "≥98%")), {},
     [("S109", {"二级指标": "满意度指标"})]),
    # S110: a satisfaction name filed elsewhere
    ("S110-the-satisfaction-level2-under-benefit-is-S103s", "S110",
     form(row("效益指标", "服务对象满意度", "市民满意度", "≥90%")), {}, "pass"),
    ("S110-the-satisfaction-level1-without-level2", "S110", form(row("满意度指标", None, "群众满意度", "≥90%")), {},
     "pass"),
    ("S110-the-benefit-level1-without-level2", "S110", form(row("效益指标", None, "群众满意度", "≥90%")), {},
     [("S110", {"level2": "效益指标", "所在指标": "效益指标"})]),
    ("S110-a-row-filed-nowhere", "S110", form(row(None, None, "群众满意度", "≥90%")), {}, "pass"),
    ("S110-a-row-filed-nowhere-does-not-end-the-check", "S110",
     form(row(None, None, "群众满意度", "≥90%"), row("产出指标", "质量指标", "资助对象满意度", "95%以上")), {},
     ["S110.other"]),
    ("S110-a-survey-row-does-not-end-the-check", "S110",
     form(row("产出指标", "数量指标", "满意度调查问卷发放份数", "≥500份"), row("产出指标", "质量指标", "资助对象满意度", "95%以上")),
     {}, ["S110.other"]),
    # S111: weights add up to 100 less what is printed for 预算执行率
    ("S111-a-printed-execution-weight-is-taken-as-printed", "S111", _S111_80_20, {}, "pass"),
    ("S111-a-period-without-weights-does-not-end-the-check", "S111",
     form(row("产出指标", "数量指标", "培训人次", "≥900人次", period="long_term", weight=60),
          row("效益指标", "社会效益", "学员履职能力提升率", "≥95%", period="long_term", weight=50)), {},
     [("S111", {"sum": Decimal(110), "period_en": "long-term"})]),
    ("S111-partial-weights-name-the-period", "S111", weighted(W[1:]), {},
     ("S.reason.partial-weights", {"count": 1, "period": "年度", "period_en": "annual"})),
    # S112
    ("S112-not-on-form-names-the-row", "S112", form(goals={"annual": None}, not_on_form=["年度目标"]), {},
     ("S.reason.not-on-form", {"row": "年度目标"})),
    ("S112-无-is-no-goal", "S112", form(goals={"annual": "无"}), {}, [("S112", {"text": "无"})]),
    # S113: the same whole name twice, targets not in conflict
    ("S113-a-part-of-a-compound-name-is-no-repeat", "S113",
     form(row("产出指标", "数量指标", "全体会议次数、常务会议次数", "按计划召开"),
          row("产出指标", "数量指标", "常务会议次数", "按计划召开")), {}, "pass"),
    ("S113-a-conflicting-pair-does-not-end-the-check", "S113",
     form(row("产出指标", "数量指标", "培训人次", "≥300人次"), row("产出指标", "时效指标", "各类会议、文件资料等", "适时印发"),
          row("产出指标", "数量指标", "各类会议、文件资料等", "6000份")), {}, ["S113"]),
    ("S113-the-same-name-twice-without-values", "S113",
     form(row("产出指标", "数量指标", "培训天数", None), row("产出指标", "质量指标", "培训天数", None)), {},
     [("S113.same", {"value": "", "other": "", "指标值": "", "另一处指标值": ""})]),
    # S114: all 数量 rows are rates, period by period
    ("S114-a-period-with-a-count-does-not-end-the-check", "S114",
     form(row("产出指标", "数量指标", "疫苗接种率", "≥90%", period="long_term")), {},
     [("S114", {"names": "疫苗接种率", "period_en": "long-term"})]),
    ("S114-an-unnamed-rate", "S114", form(row("产出指标", "数量指标", None, "≥90%"), drop=("培训人次",)), {},
     [("S114", {"names": "—"})]),
    # S115: the header fields wanted and read
    ("S115-a-field-left-out-of-the-option-does-not-end-the-check", "S115",
     form(name="", budget_unit="某市委党校", implementer=None), {"fields": ("预算单位", "实施单位")},
     [("S115", {"fields": "实施单位", "count": 1})]),
    ("S115-an-unread-field-does-not-end-the-check", "S115",
     _without(form(budget_unit="", implementer="市委党校 张三"), "name"), {},
     [("S115", {"fields": "预算单位", "count": 1, "预算单位": "（空）"})]),
]

# -- V101–V118: the values of the indicators -----------------------------------------------------
CASES += [
    # V104: units that do not fit the indicator
    ("V104-an-unnamed-row-with-two-units", "V104", form(row("产出指标", "质量指标", None, "28.8万元%")), {},
     [("V104.two-units", {"name": "—"})]),
    ("V104-an-unnamed-timeliness-row", "V104", form(row("产出指标", "时效指标", None, "≥1人/年")), {},
     [("V104.timeliness", {"name": "—", "三级指标": ""})]),
    ("V104-two-units-do-not-end-the-check", "V104",
     form(row("产出指标", "质量指标", "资金到位率", "28.8万元%"), row("产出指标", "数量指标", "受益人数", "≥90%")), {},
     ["V104.two-units", "V104.count"]),
    ("V104-a-damaged-value-does-not-end-the-check", "V104",
     form(row("产出指标", "质量指标", "验收合格率", "1OO%"), row("产出指标", "数量指标", "受益人数", "≥90%")), {},
     ["V104.count"]),
    ("V104-a-name-unit-finding-does-not-end-the-check", "V104",
     form(row("产出指标", "数量指标", "培训村组干部230人", "≥230个"), row("产出指标", "数量指标", "受益人数", "≥90%")), {},
     ["V104.name-unit", "V104.count"]),
    ("V104-under-timeliness-a-count-name-wants-a-time", "V104", form(row("产出指标", "时效指标", "培训人数", "≥500人")), {},
     [("V104.timeliness", {"keyword": "时效指标", "unit": "人"})]),
    ("V104-a-count-range-is-not-compared-with-the-name", "V104",
     form(row("产出指标", "数量指标", "培训村组干部230人", "200-230个")), {}, "pass"),
    ("V104-a-count-per-year-is-not-compared-with-the-name", "V104",
     form(row("产出指标", "数量指标", "培训村组干部230人", "≥230个/年")), {}, "pass"),
    ("V104-a-frequency-is-a-time", "V104", form(row("产出指标", "时效指标", "完成时间", "每年2次")), {}, "pass"),
    ("V104-a-count-is-no-time", "V104", form(row("产出指标", "时效指标", "完成时间", "≥2次")), {},
     [("V104.time", {"keyword": "时间"})]),
    # A105: a new project with a previous budget, however small
    ("A105-one-yuan-is-a-previous-budget", "A105",
     {"attributes": {"kind": "新增项目", "term": "一次性", "basis": ["其他"]},
      "funding": {"total": "15万元", "previous_years": "1元"}}, {}, [("A105", {"amount": "1元"})]),
    # V106: a satisfaction target below the threshold
    ("V106-a-satisfaction-name-filed-elsewhere", "V106", form(row("效益指标", "社会效益", "群众满意度", "≥80%")), {},
     [("V106", {"name": "群众满意度"})]),
    ("V106-under-satisfaction-a-name-without-satisfaction-word", "V106",
     form(row("满意度指标", "服务对象满意度", "社会认可度", "≥80%")), {}, "pass"),
    ("V106-under-satisfaction-a-name-saying-satisfied", "V106",
     form(row("满意度指标", "服务对象满意度", "群众满意情况", "≥80%")), {}, [("V106", {"name": "群众满意情况"})]),
    ("V106-a-dissatisfaction-row-does-not-end-the-check", "V106",
     form(row("满意度指标", "服务对象满意度", "群众不满意度", "≤5%"), row("满意度指标", "服务对象满意度", "群众满意率", "≥80%")),
     {}, [("V106", {"name": "群众满意率"})]),
    # V108: money under 质量/时效
    ("V108-a-unit-slip-does-not-end-the-check", "V108",
     form(row("产出指标", "质量指标", "验收合格率", "28.8万元"), row("产出指标", "质量指标", "预计经费", "≤15万元")), {},
     [("V108", {"name": "预计经费"})]),
    ("V108-an-unnamed-row", "V108", form(row("产出指标", "质量指标", None, "≤15万元")), {}, [("V108", {"name": "—"})]),
    ("V108-the-level2-as-printed", "V108", form(row("产出目标", "质量目标", "预计经费", "≤15万元")), {},
     [("V108", {"level2": "质量目标", "二级指标": "质量目标"})]),
    # V112: a cost that is not money
    ("V112-a-negative-effect-does-not-end-the-check", "V112",
     form(row("成本指标", "社会成本指标", "对周边居民出行的影响", "无明显影响"), row("产出指标", "成本指标", "资助标准达标率", "100%")),
     {}, [("V112", {"name": "资助标准达标率"})]),
    ("V112-prose-with-an-amount-does-not-end-the-check", "V112",
     form(row("产出指标", "成本指标", "成本控制", "严格按照预算标准1000元/人给补助对象兑付补助"),
          row("产出指标", "成本指标", "资助标准达标率", "100%")), {}, [("V112", {"name": "资助标准达标率"})]),
    ("V112-a-date-does-not-end-the-check", "V112",
     form(row("产出指标", "成本指标", "资金拨付时间", "2022年12月底前"), row("产出指标", "成本指标", "资助标准达标率", "100%")),
     {}, [("V112", {"name": "资助标准达标率"})]),
    ("V112-prose-with-a-rate", "V112", form(row("产出指标", "成本指标", "成本控制", "严格控制在预算内，节约20%")), {},
     ["V112"]),
    ("V112-prose-with-a-unit-not-judged", "V112",
     form(row("产出指标", "成本指标", "单位能耗", "按标准执行，每户用电不超过100千瓦时")), {}, "pass"),
    ("V112-an-unnamed-row", "V112", form(row("产出指标", "成本指标", None, "100%")), {}, [("V112", {"name": "—"})]),
    # the name shown for a row without one
    ("V101-an-unnamed-row", "V101", form(row("产出指标", "质量指标", None, "1OO%")), {},
     [("V101.letter-in-number", {"name": "—"})]),
    ("V102-an-unnamed-row", "V102", form(row("产出指标", "数量指标", None, "XX")), {}, [("V102", {"name": "—"})]),
    ("V103-an-unnamed-row", "V103", form(row("产出指标", "数量指标", None, "2100")), {}, [("V103", {"name": "—"})]),
    ("V107-an-unnamed-row", "V107", form(row("产出指标", "数量指标", None, "≥500万元")), {}, [("V107", {"name": "—"})]),
    ("V110-an-unnamed-row", "V110", form(row("产出指标", "时效指标", None, "2023年6月底前")), {}, [("V110", {"name": "—"})]),
    ("V111-an-unnamed-row", "V111", form(row("产出指标", "质量指标", None, "网站、电视、电台、新媒体等全媒体直播")), {},
     [("V111", {"name": "—"})]),
    # rows skipped must not end a check
    ("V101-a-damage-not-reported-does-not-end-the-check", "V101",
     form(row("产出指标", "质量指标", "验收合格率", "1OO%"), row("产出指标", "时效指标", "完成时间", "2022年2月30日前")),
     {"damage_codes": ("impossible-date",)}, ["V101.impossible-date"]),
    ("V102-a-row-without-value-does-not-end-the-check", "V102",
     form(row("产出指标", "质量指标", "培训档案", None), row("产出指标", "数量指标", "宣传次数", "XX")), {}, ["V102"]),
    ("V103-a-zero-does-not-end-the-check", "V103",
     form(row("产出指标", "数量指标", "安全事故数", "0"), row("产出指标", "数量指标", "享受资助人数", "2100")), {},
     [("V103", {"name": "享受资助人数"})]),
    ("V103-a-unit-in-the-name-does-not-end-the-check", "V103",
     form(row("产出指标", "数量指标", "培训人数（人）", "300"), row("产出指标", "数量指标", "享受资助人数", "2100")), {},
     [("V103", {"name": "享受资助人数"})]),
    ("V103-many-rows-listed-with-their-values", "V103",
     form(row("产出指标", "数量指标", "享受资助人数", "2100"), row("产出指标", "数量指标", "培训人数", "300")), {},
     [("V103.many", {"count": 2, "names": "「享受资助人数」（2100）、「培训人数」（300）"})]),
    ("V107-a-unit-slip-does-not-end-the-check", "V107",
     form(row("产出指标", "数量指标", "资金覆盖率", "28.8万元"), row("产出指标", "数量指标", "完成投资", "≥500万元")), {},
     [("V107", {"name": "完成投资"})]),
    ("V107-a-payout-does-not-end-the-check", "V107",
     form(row("产出指标", "数量指标", "补贴发放金额", "≥50万元"), row("产出指标", "数量指标", "完成投资", "≥500万元")), {},
     [("V107", {"name": "完成投资"})]),
    ("V107-the-level2-as-printed", "V107", form(row("产出目标", "数量目标", "完成投资", "≥500万元")), {},
     [("V107", {"二级指标": "数量目标"})]),
    ("V111-a-scale-does-not-end-the-check", "V111",
     form(row("产出指标", "质量指标", "工程质量", "合格/不合格"), row("产出指标", "质量指标", "质量要求", "网站、电视、电台、新媒体等全媒体直播")),
     {}, [("V111", {"name": "质量要求"})]),
    ("V111-the-level2-as-printed", "V111", form(row("产出目标", "质量目标", "质量要求", "网站、电视、电台、新媒体等全媒体直播")), {},
     [("V111", {"level2": "质量目标"})]),
    ("V114-a-payout-does-not-end-the-check", "V114",
     form(row("产出指标", "质量指标", "补贴资金发放到位率", "100%"), row("产出指标", "质量指标", "人才驿站补助资金到位率", "100%")),
     {}, [("V114", {"name": "人才驿站补助资金到位率"})]),
    # V109: timeliness values that name no time
    ("V109-a-damaged-value-is-V101s", "V109", form(row("产出指标", "时效指标", "文件印发", "适时印发（")), {}, "pass"),
    ("V109-an-unnamed-row", "V109", form(row("产出指标", "时效指标", None, "适时印发")), {},
     [("V109", {"name": "—", "时效指标": ""})]),
    ("V109-more-than-a-duration", "V109", form(row("产出指标", "时效指标", "维持时效", "＞1年")), {},
     ["V109.min-duration"]),
    ("V109-a-duration-per-day-is-a-frequency", "V109", form(row("产出指标", "时效指标", "每日开放时长", "≥8小时/天")), {},
     "pass"),
    ("V109-a-frequency-without-time", "V109", form(row("产出指标", "时效指标", "会议安排", "按月")), {},
     ["V109.frequency"]),
    ("V109-prose-with-a-rate", "V109", form(row("产出指标", "时效指标", "文件印发", "适时印发，印发率95%")), {}, "pass"),
    ("V109-prose-with-a-duration", "V109", form(row("产出指标", "时效指标", "故障处理", "适时处理，不超过2小时")), {},
     "pass"),
    ("V109-a-rate-word-without-a-rate-name", "V109", form(row("产出指标", "时效指标", "补贴发放", "≥百分之")), {}, ["V109"]),
    # V114: a fund process filed as an output
    ("V114-the-level2-as-printed", "V114", form(row("产出目标", "质量目标", "经费支出合规性", "较高")), {},
     [("V114", {"level2": "质量目标", "二级指标": "质量目标"})]),
    # V115: yes/no indicators
    ("V115-a-blank-row-does-not-end-the-check", "V115",
     form(row("产出指标", "质量指标", None, None), row("产出指标", "时效指标", "是否按时完成培训", "是")), {}, ["V115"]),
    ("V115-the-question-prefixes-option-for-answers", "V115", form(row("效益指标", "社会效益", "有无安全责任事故", "无")),
     {"question_prefixes": ("是否",)}, "pass"),
    ("V115-the-question-suffixes-option", "V115", form(row("产出指标", "质量指标", "规章制度建立与否", None)),
     {"question_suffixes": ("可否",)}, "pass"),
    ("V115-a-question-with-a-measure-in-prose", "V115", form(row("产出指标", "质量指标", "是否达标", "达到95%以上")), {},
     "pass"),
    ("V115-an-unnamed-answer", "V115", form(row("产出指标", "质量指标", None, "是/否")), {},
     [("V115", {"name": "—", "三级指标": "—"})]),
    ("V115-a-damaged-answer-is-V101s", "V115", form(row("产出指标", "质量指标", "是否按时完成培训", "是（")), {}, "pass"),
    ("V115-a-question-answered-in-prose-with-a-measure", "V115",
     form(row("产出指标", "质量指标", "是否达标", "按要求完成，合格率95%")), {}, "pass"),
    ("V116-a-placeholder-is-V102s", "V116", form(row("效益指标", "社会效益", "社会影响", "好、较好、一般XX")), {}, "pass"),
    # V116: a grading scale as the value
    ("V116-a-damaged-value-is-V101s", "V116", form(row("效益指标", "社会效益", "社会影响", "好、较好、一般（")), {}, "pass"),
    ("V116-the-lower-grades-option", "V116", form(row("效益指标", "社会效益", "社会影响", "好、较好、一般")),
     {"lower_grades": ("差",)}, "pass"),
    ("V116-prose-without-a-scale-does-not-end-the-check", "V116",
     form(row("效益指标", "社会效益", "社会影响", "显著提升"), row("效益指标", "社会效益", "群众评价", "好、较好、一般")), {},
     [("V116", {"name": "群众评价"})]),
    ("V116-an-unnamed-row", "V116", form(row("效益指标", "社会效益", None, "好、较好、一般")), {}, [("V116", {"name": "—"})]),
    # V117: a benefit under a non-money cost tier
    ("V117-a-row-without-benefit-does-not-end-the-check", "V117",
     form(row("成本指标", "社会成本指标", "对周边居民出行的影响", "无明显影响"), row("成本指标", "生态环境成本指标", "生态环境", "明显改善")),
     {}, [("V117", {"name": "生态环境"})]),
    ("V117-an-unnamed-row", "V117", form(row("成本指标", "社会成本指标", None, "带动就业≥20人")), {},
     [("V117", {"name": "—"})]),
    ("V117-a-row-without-value", "V117", form(row("成本指标", "社会成本指标", "带动当地群众就业", None)), {},
     [("V117", {"value": ""})]),
    ("V117-the-level2-as-printed", "V117", form(row("成本指标", "社会成本", "带动当地群众就业", "≥20人")), {},
     [("V117", {"level2": "社会成本", "二级指标": "社会成本"})]),
    # V118: a multi-year duration in an annual row
    ("V118-patterns-without-a-year", "V118", form(row("产出指标", "数量指标", "农村危房改造户数", "分3期实施，共改造360户")),
     {"patterns": (r"分\d+期",)}, [("V118", {"phrase": "分3期"})]),
    ("V118-a-skipped-level2-does-not-end-the-check", "V118",
     form(row("效益指标", "可持续影响", "长期效益", "三年内持续发挥作用"), row("产出指标", "数量指标", "农村危房改造户数", "分3年实施，共改造360户")),
     {}, [("V118", {"name": "农村危房改造户数"})]),
    ("V118-an-unnamed-row", "V118", form(row("产出指标", "数量指标", None, "分3年实施，共改造360户")), {},
     [("V118", {"name": "—", "三级指标": ""})]),
    ("V118-a-row-without-value", "V118", form(row("产出指标", "时效指标", "三年内完成全部道路硬化", None)), {},
     [("V118", {"value": ""})]),
]


@pytest.mark.parametrize("code,form,options,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_case(code, form, options, expected):
    check_case(code, form, options, expected)


def check_case(code, form, options, expected):
    """Run one case: ``expected`` is a list of message ids (or (id, what its evidence or
    arguments say)), "pass", or the reason id (or (id, its arguments)) of a rule that stopped."""
    rule = get_rule(code)
    forms = form["forms"] if "forms" in form else [copy.deepcopy(form)]
    findings, stop = rule_run(rule, *forms, **options)
    if isinstance(expected, list):
        # a message id, or (message id, what its evidence or arguments must say)
        said = [(f.message_id, {k: f.evidence.get(k, f.args.get(k)) for k in e[1]}) if isinstance(e, tuple)
                else f.message_id for f, e in zip(findings, expected)]
        assert len(findings) == len(expected) and said == expected
    elif expected == "pass":
        assert (findings, stop) == ([], None)
    else:  # a reason id, or (reason id, its arguments)
        reason, args = expected if isinstance(expected, tuple) else (expected, None)
        assert findings == [] and stop is not None and stop.message_id == reason
        assert args is None or stop.args_ == args


# (rule code, option, value given, value it becomes — or the ValueError's message)
OPTION_CASES = [
    ("F106", "min_share", "0.5", Decimal("0.5")),
    ("F106", "min_share", "1", Decimal(1)),
    ("F106", "min_share", "1.01", "^expected a share between 0 and 1$"),
    ("F106", "min_share", "1.5", "^expected a share between 0 and 1$"),
]


OPTION_CASES += [
    ("S102", "required", {"产出指标": ["数量指标", ["质量指标", "时效指标"]]},
     {"产出指标": (("数量指标",), ("质量指标", "时效指标"))}),
    ("S102", "required", [["数量指标"]], r"^expected a table 一级 = \[\[二级, \.\.\.\], \.\.\.\]$"),
    ("S102", "required", {"产出": [["数量指标"]]}, "^unknown 一级 '产出'$"),
    ("S102", "required", {"产出指标": "数量指标"}, "^产出指标: expected a list of lists of 二级$"),
    ("S102", "required", {"产出指标": 5}, "^产出指标: expected a list of lists of 二级$"),
    ("S102", "required", {"产出指标": [["数量"]]}, r"^产出指标: unknown 二级 \['数量'\]$"),
    ("S102", "required", {"产出指标": [[]]}, r"^产出指标: unknown 二级 \[\]$"),
    ("F107", "quantity_level2", ["数量指标", "质量指标"], ("数量指标", "质量指标")),
    # a printed label (产出数量) is no 二级 a row is ever read under: never a silent no-op
    ("F107", "quantity_level2", ["产出数量"], r"^unknown 二级 \['产出数量'\]"),
    ("S115", "fields", ["实施单位", "预算单位"], ("实施单位", "预算单位")),
    ("S115", "fields", ["负责人"],
     r"^unknown header field \['负责人'\]; expected some of \['项目名称', '预算单位', '实施单位'\]$"),
]


@pytest.mark.parametrize("code,option,value,expected", OPTION_CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in OPTION_CASES])
def test_rule_option_case(code, option, value, expected):
    validate = get_rule(code).options[option].validate
    if isinstance(expected, str):
        with pytest.raises(ValueError, match=expected):
            validate(value)
    else:
        assert validate(value) == expected


def test_f112_points_at_the_totals_row():
    form = _execution(spent_0="46", line_0=12, line_1=13, line_2=14)
    [finding], _ = rule_run(get_rule("F112"), form)
    assert finding.location.line == 12


def test_r101_points_at_the_row():
    form = _execution(rate_0="98%", line_0=12, line_1=13, line_2=14)
    [finding], _ = rule_run(get_rule("R101"), form)
    assert finding.location.line == 12


def test_r103_points_at_the_execution_row():
    form = _execution(score_0="12", line_0=12, line_1=13, line_2=14)
    [finding], _ = rule_run(get_rule("R103"), form)
    assert finding.message_id == "R103.execution" and finding.location.line == 12


def test_r102_points_at_the_row():
    form = _execution(score_0="8", line_0=12, line_1=13, line_2=14)
    [finding], _ = rule_run(get_rule("R102"), form)
    assert finding.location.line == 12


def test_r104_points_at_the_first_weighted_row():
    lines = {f"line_{i}": 30 + i for i in range(6)}
    findings, _ = rule_run(get_rule("R104"), _scored(weight_0="25", **lines))
    assert [(f.message_id, f.location.line) for f in findings] == [("R104", 30), ("R104.level1", 30)]


# (rule code, form, options, the lines its findings point at): the rows numbered from line 10.
ROW_LOCATION_CASES = [
    # a missing 一级 or cost line points at its blank row when the table prints one
    ("S101", only(row("产出指标", "数量指标", "培训人次", "≥280人次"), row("产出指标", "成本指标", "人均培训成本", "≤500元/人次"),
                  row("效益指标", "社会效益", None, None), row("满意度指标", "服务对象满意度", "学员满意度", "≥95%")), {}, [12]),
    ("S101", only(row("产出指标", "数量指标", "培训人次", "≥280人次"), row("产出指标", "成本指标", None, None),
                  row("效益指标", "社会效益", "学员履职能力提升率", "≥90%"),
                  row("满意度指标", "服务对象满意度", "学员满意度", "≥95%")), {}, [11]),
    ("S102", form(row("产出指标", "时效指标", None, None), drop=("培训完成时间",)), {}, [15]),
    # the row at fault (the examples' own row comes after the six clean ones: line 16)
    ("S103", get_rule("S103").bad[0].form, {}, [16]),
    ("S106", get_rule("S106").bad[0].form, {}, [16]),
    ("S107", get_rule("S107").bad[0].form, {}, [16]),
    ("S108", get_rule("S108").bad[1].form, {}, [16]),
    ("S110", get_rule("S110").bad[0].form, {}, [16]),
    ("S110", get_rule("S110").bad[1].form, {}, [16]),
    ("S111", get_rule("S111").bad[0].form, {}, [10]),
    ("S113", get_rule("S113").bad[0].form, {}, [17]),
    ("S114", get_rule("S114").bad[0].form, {}, [15]),
    ("S116", get_rule("S116").bad[0].form, {}, [16]),
    ("S116", get_rule("S116").bad[1].form, {}, [16]),
    ("V106", get_rule("V106").bad[0].form, {}, [16]),
    ("V112", get_rule("V112").bad[0].form, {}, [16]),
    ("V108", get_rule("V108").bad[0].form, {}, [16]),
    ("V104", get_rule("V104").bad[0].form, {}, [16]),
    ("V104", get_rule("V104").bad[5].form, {}, [16]),
    ("V104", get_rule("V104").bad[9].form, {}, [16]),
    ("V102", get_rule("V102").bad[0].form, {}, [16]),
    ("V103", get_rule("V103").bad[0].form, {}, [16]),
    ("V107", get_rule("V107").bad[0].form, {}, [16]),
    ("V110", get_rule("V110").bad[0].form, {}, [16]),
    ("V115", get_rule("V115").bad[0].form, {}, [16]),
    ("V116", get_rule("V116").bad[0].form, {}, [16]),
    ("V117", get_rule("V117").bad[0].form, {}, [16]),
    ("V118", get_rule("V118").bad[0].form, {}, [16]),
    ("V115", get_rule("V115").bad[0].form, {}, [16]),
]


@pytest.mark.parametrize("code,form,options,lines", ROW_LOCATION_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(ROW_LOCATION_CASES)])
def test_finding_points_at_its_row(code, form, options, lines):
    findings, _ = rule_run(get_rule(code), _lined(form), **options)
    assert [f.location.line for f in findings] == lines


def _checked(code, form):
    """The findings of ``code`` on a Form built by hand (places a mapping cannot give), and why
    it stopped."""
    rule = get_rule(code)
    ctx = Context(options=default_options(rule), year=None)
    try:
        return list(rule().check(FormFacts(form), ctx)), None
    except (NotApplicable, InsufficientData) as stop:
        return [], stop


@pytest.mark.parametrize("goals,expected", [
    ({}, "S.reason.no-goals-block"),  # nothing read: no block, so no field left empty
    ({"annual": "全年培训280人次"}, "pass"),  # a goal read without a place is still a goal
    ({"long_term": "三年内培训干部900人次"}, "S112"),  # the block was read: its annual goal is empty
])
def test_s112_without_the_goal_cells_place(goals, expected):
    built = form_from_mapping(only(row("产出指标", "数量指标", "培训人次", "≥280人次"), goals=goals))
    built = attrs.evolve(built, goals=attrs.evolve(built.goals, annual_location=None))
    findings, stop = _checked("S112", built)
    concluded = [f.message_id for f in findings] or (stop.message_id if stop else "pass")
    assert concluded == ([expected] if expected == "S112" else expected)


def test_s112_points_at_the_goal_cell():
    built = form_from_mapping(form(goals={"annual": "—"}, line=3))
    cell = Location(path="<mapping>", line=7)
    built = attrs.evolve(built, goals=attrs.evolve(built.goals, annual_location=cell))
    [finding], _ = _checked("S112", built)
    assert finding.location == cell


def test_s115_points_at_the_first_blank_field():
    built = form_from_mapping(form(name="", budget_unit="", implementer="市委党校 张三", line=3))
    built = attrs.evolve(built, name_location=Location(path="<mapping>", line=5),
                        budget_unit_location=Location(path="<mapping>", line=6))
    [finding], _ = _checked("S115", built)
    assert finding.location == Location(path="<mapping>", line=5)
    assert dict(finding.evidence) == {"项目名称": "（空）", "预算单位": "（空）"}
