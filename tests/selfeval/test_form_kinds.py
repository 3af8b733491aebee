"""Rules run only on the kinds of form they read (Rule.form_kinds): a target form's coverage has
no trace of the self-evaluation rules, and a self-evaluation's none of the target-only ones."""

from __future__ import annotations

from checker.config import Config
from checker.engine import Engine
from policy.authoring.examples import evaluation_form, form
from policy.forms.canonical import form_from_mapping
from policy.registry import all_rules

ENGINE = Engine(Config())
SELF_ONLY = [r.code for r in all_rules() if r.form_kinds == ("self_evaluation",)]


def test_self_evaluation_rules_are_the_new_families():
    assert SELF_ONLY and all(c[0] in "RT" or c in ("F112", "C106", "C108") for c in SELF_ONLY)


def test_target_form_coverage_never_names_a_self_evaluation_rule():
    report = ENGINE.check_forms([form_from_mapping(form())])
    (coverage,) = report.coverage
    data = coverage.to_json()
    named = set(data["passed"]) | {o["code"] for k in ("failed", "not_applicable", "insufficient_data")
                                   for o in data[k]}
    assert not named & set(SELF_ONLY)
    assert coverage.outcome("R101") == "not_selected"
    assert "S111" in named


def test_self_evaluation_runs_its_rules_and_not_the_target_only_ones():
    mapping = evaluation_form()
    mapping["indicators"][0]["score"] = "25"  # above its weight of 20
    report = ENGINE.check_forms([form_from_mapping(mapping)])
    (coverage,) = report.coverage
    assert "R103" in {d.code for d in report.diagnostics}
    assert coverage.outcome("S111") == "not_selected"
    assert coverage.outcome("R101") == "pass"


def test_pairing_reads_the_target_form_and_reports_on_the_self_evaluation():
    evaluation = evaluation_form()
    evaluation["budget_unit"] = "某县交通运输局"
    target = {"name": evaluation["name"], "year": 2022, "budget_unit": "某县交通运输局",
              "indicators": [{"level1": r["level1"], "level2": r["level2"], "name": r["name"],
                              "value": r["target"]} for r in evaluation["indicators"]]}
    target["indicators"][0]["value"] = "≥150公里"  # approved 150, evaluated against 120
    report = ENGINE.check_forms([form_from_mapping(target, index=0),
                                 form_from_mapping(evaluation, index=1)])
    pairing = [d for d in report.diagnostics if d.code in ("C105", "C106")]
    assert [(d.message_id, d.form.index, d.args["approved"]) for d in pairing] == \
        [("C106.changed", 1, "≥150公里")]
    target_coverage, evaluation_coverage = report.coverage
    assert target_coverage.outcome("C106") == "not_selected"
    assert evaluation_coverage.outcome("C106") == "fail"
