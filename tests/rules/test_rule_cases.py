"""Rules case by case: small forms at each rule's edges, and what the rule must conclude —
the findings it reports, or that it passed, or the reason it could not check.

Each case is one line of behaviour (a boundary, a skipped cell, an option), chosen where
mutation testing showed that no test held it (docs/testing.md).
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from policy.authoring.examples import evaluation_form
from policy.registry import get_rule
from policy.testing import rule_run


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


@pytest.mark.parametrize("code,form,options,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_case(code, form, options, expected):
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
