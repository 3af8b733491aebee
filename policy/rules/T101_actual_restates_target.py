"""T101: 实际完成值 is a result, not the target written again ("≥95%")."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)
from policy.forms.attainment import restates_bound


def _actual(name: str, text: str):
    def change(form):
        indicator_of(form, name)["actual"] = text
    return change


class ActualRestatesTarget(Rule):
    code = "T101"
    name = "actual-restates-target"
    category = Category.ATTAINMENT
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "实际完成值 is written as a bound (≥95%), restating the target instead of a result"
    summary_zh = "实际完成值写成目标形式（如“≥95%”），未填写实际结果"
    rationale = (
        "An actual is a measured result; \"≥95%\" only repeats what was promised, so attainment "
        "cannot be checked and a full score is unsupported."
    )
    fix = "Write the measured result (e.g. 96.3%) and its source."
    source = Source(SourceKind.PRACTICE, "practice: seen in 2 of 7 published self-evaluation forms (四川普惠金融 “≥80%”, 休宁 2023 “<=0%”)",
                    "A comparator in the actual marks a restated target.")
    bad = (Example(evaluation_form(_actual("群众满意度", "≥90%")), note="the target again",
                   expect=("T101",)),)
    good = (Example(evaluation_form(), note="measured results"),
            Example(evaluation_form(_actual("群众满意度", "=93%")), note="an = is a result"))

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, _ in evaluated(form):
            if e.actual is None:
                continue
            checked = True
            if restates_bound(e.actual):
                yield Finding("T101", score_args(ind), indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or ""})
        if not checked:
            raise InsufficientData("T.reason.no-actuals")
