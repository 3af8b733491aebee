"""Cases for the F and R rules at the edges the F/R mutation run of 2026-12-04 left unheld
(docs/testing.md, "Survivors of that run that are not equivalent"): where a finding points, the
argument of a not-applicable reason, rows that count with a name or a target alone, the
execution weight read from the totals row, amounts under one 元 and the tolerance boundary."""

from __future__ import annotations

import attrs
import pytest

from policy.authoring.examples import evaluation_form
from policy.forms.canonical import form_from_mapping
from policy.forms.model import Location
from policy.registry import get_rule
from policy.testing import rule_run
from tests.rules.test_rule_cases import _checked, _execution, _level1_weights, _scored


def _concluded(code, form, **options):
    """What ``code`` concludes on one form mapping: [(message id, args)], "pass", or (the
    reason id it stopped with, the reason's arguments)."""
    findings, stop = rule_run(get_rule(code), form, **options)
    if findings:
        return [(f.message_id, dict(f.args)) for f in findings]
    return "pass" if stop is None else (stop.message_id, dict(stop.args_))


def _ids(code, form, **options):
    findings, stop = rule_run(get_rule(code), form, **options)
    return [f.message_id for f in findings] if findings else ("pass" if stop is None else stop.message_id)


# -- F104, R105: the place a finding points at -------------------------------------------------

def test_f104_points_at_the_cap_row():
    form = {"funding": {"total": "10万元"}, "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "value": "≥280人次", "line": 11},
        {"level1": "成本指标", "level2": "经济成本指标", "name": "设备购置成本", "value": "≤12万元", "line": 12}]}
    [finding], _ = rule_run(get_rule("F104"), form)
    assert (finding.message_id, finding.location.line) == ("F104", 12)


_TOTAL_CELL = Location(path="<mapping>", line=40, column=6)


def test_r105_points_at_the_total_score_cell():
    """A loader reads 总分 at its own cell: the finding points there, not at the form."""
    built = form_from_mapping(_scored(total_score="95"))
    assert built.location != _TOTAL_CELL
    built = attrs.evolve(built, total_score=attrs.evolve(built.total_score, location=_TOTAL_CELL))
    [finding], _ = _checked("R105", built)
    assert (finding.message_id, finding.location) == ("R105", _TOTAL_CELL)


# -- F110: the row a not-on-form reason names ---------------------------------------------------

def test_f110_not_on_form_names_the_row():
    form = {"funding": {"fiscal": "10万元"}, "not_on_form": ["年度资金总额"]}
    assert _concluded("F110", form) == ("F.reason.not-on-form", {"row": "年度资金总额"})


# -- R104, R105: a row counts with a name or a target alone -------------------------------------

@pytest.mark.parametrize("cell", ["target_0", "name_0"])
def test_r105_counts_a_row_with_a_name_or_a_target_alone(cell):
    """养护里程 (20 points) without its target, or without its name, is still scored: 93.6 holds."""
    assert _concluded("R105", _scored(**{cell: None})) == "pass"


@pytest.mark.parametrize("cell", ["target_0", "name_0"])
def test_r104_counts_a_row_with_a_name_or_a_target_alone(cell):
    """Its weight 20 still counts: 90 + 10 = 100; left unweighted, it is a partial weighting."""
    assert _concluded("R104", _scored(**{cell: None})) == "pass"
    assert _concluded("R104", _scored(**{cell: None, "weight_0": None})) == ("R.reason.partial-weights",
                                                                            {"count": 1})


# -- R104: the execution weight is the totals row's ---------------------------------------------

def test_r104_reads_the_execution_weight_from_the_totals_row_wherever_it_stands():
    """A part row printed above the totals row with a weight of its own: the totals row's 10
    is the execution weight (90 + 10 = 100), not the part's 5."""
    def change(form):
        total, fiscal, other = form["execution"]
        fiscal["weight"] = "5"
        form["execution"] = [fiscal, total, other]
    assert _concluded("R104", evaluation_form(change)) == "pass"


def test_r104_without_a_totals_row_reads_a_parts_weight():
    def change(form):
        total, fiscal, other = form["execution"]
        fiscal["weight"] = total["weight"]
        form["execution"] = [fiscal, other]
    assert _concluded("R104", evaluation_form(change)) == "pass"


# -- R104: a 一级 printed without rows under it does not end the 一级 check ----------------------

def test_r104_a_level1_without_rows_does_not_end_the_level1_check():
    weights = {"成本指标": "10", "产出指标": "40", "效益指标": "30", "满意度指标": "10"}
    form = evaluation_form(lambda form: form.update(level1_weights=weights))
    assert _ids("R104", form) == ["R104.level1"]
    [finding], _ = rule_run(get_rule("R104"), form)
    assert dict(finding.args)["level1"] == "产出指标"


# -- F112, R101: amounts under one 元 ----------------------------------------------------------

def test_f112_a_blank_part_and_a_sum_half_a_yuan_too_large():
    """With 其他资金 blank, parts already 0.5 元 above the total are certain to be wrong."""
    form = _execution(spent_2=None, spent_1="48.00005")
    assert _concluded("F112", form) == [("F112", {
        "column": "全年执行数", "column_en": "amount spent", "total": "48万元", "sum": "480000.5元", "parts": 1})]


def test_r101_checks_a_budget_of_one_yuan():
    form = _execution(budget_0="0.0001", spent_0="0.0001", budget_1="0.0001", spent_1="0.0001")
    assert _ids("R101", form) == ["R101"]


# -- R108: only a missed target is scored in proportion; the tolerance is inclusive ------------

def test_r108_leaves_a_met_target_scored_low_alone():
    """养护里程 met (126 of ≥120 公里) but scored 15 of 20: not a proportional score to check."""
    assert _concluded("R108", _scored(total_score="88.6", score_0="15")) == "pass"


@pytest.mark.parametrize("score,expected", [
    ("21", "pass"), ("27", "pass"),  # 24 ± 10% of 30: the bounds themselves are within
    ("20.9", ["R108"]), ("27.1", ["R108"]),
])
def test_r108_tolerance_bounds(score, expected):
    assert _ids("R108", _scored(score_4=score)) == expected
