"""T103: the actual is in a unit that can be compared with the target's."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)

REASONS = ("unit-mismatch", "units-do-not-convert")


def _actual(name: str, text: str):
    def change(form):
        indicator_of(form, name)["actual"] = text
    return change


class ActualUnitMismatch(Rule):
    code = "T103"
    name = "actual-unit-mismatch"
    category = Category.ATTAINMENT
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "The actual's unit cannot be compared with the target's"
    summary_zh = "实际完成值的计量单位与指标值不一致，无法比较"
    rationale = (
        "An actual in another unit (公里 for a % target, 亩 for 平方米) cannot be set against the "
        "target, so whether it was met is left to the reader."
    )
    fix = "Report the actual in the target's unit (or one that converts to it: 万元/元, 小时/天)."
    source = Source(SourceKind.DERIVED, "derived: the value grammar's units and dimensions (docs/value-ast.md)",
                    "Units convert only within a dimension and base.")
    bad = (
        Example(evaluation_form(_actual("验收合格率", "126公里")), note="% target, 公里 actual",
                expect=("T103",)),
        Example(evaluation_form(_actual("养护里程", "200亩")), note="公里 target, 亩 actual",
                expect=("T103",)),
    )
    good = (Example(evaluation_form(), note="same units"),
            Example(evaluation_form(_actual("养护里程", "126000米")), note="米 converts to 公里"))

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, att in evaluated(form):
            if e.actual is None:
                continue
            checked = True
            if att.reason in REASONS:
                yield Finding("T103", score_args(ind), indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or ""})
        if not checked:
            raise InsufficientData("T.reason.no-actuals")
