"""T105 (advisory): an actual far above an "at least" target is explained."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.values import op_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, has_reason,
                                      require_self_evaluation, score_args)
from policy.forms.attainment import EXCEEDED, lower_is_better
from policy.options import positive_decimal
from policy.forms.figures import rounded_text


def _actual(text: str, reason=None):
    def change(form):
        row = indicator_of(form, "养护里程")
        row.update(actual=text, deviation=reason)
    return change


class FarAboveTarget(Rule):
    code = "T105"
    name = "far-above-target"
    category = Category.ATTAINMENT
    severity = Severity.INFO
    form_kinds = SELF_EVALUATION_ONLY
    summary = "An actual far above its target has no explanation (advisory)"
    summary_zh = "实际完成值远超指标值但未说明原因（提示）"
    rationale = (
        "An actual far above the target usually means the target was set too low when the "
        "budget was approved; practice: one province's 自评 rules ask for the reason when the actual reaches "
        "130% of the target."
    )
    fix = "Explain the over-achievement (and set next year's target accordingly)."
    source = Source(SourceKind.PRACTICE, "practice: seen in 4 of 7 published self-evaluation forms with a 未完成原因 column; the 130% threshold is a configurable default from one province's 自评 rules, not a national text", "Advisory; the threshold is configurable.")
    options = {"ratio": Option(Decimal("1.3"), "Actual ÷ target from which an explanation is asked.",
                               positive_decimal)}
    bad = (Example(evaluation_form(_actual("180公里")), note="180 of ≥120公里 (150%)", expect=("T105",)),)
    good = (Example(evaluation_form(), note="126 of ≥120公里"),
            Example(evaluation_form(_actual("180公里", "省里追加了两条线路")), note="explained"))

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, att in evaluated(form):
            if att.ratio is None:
                continue
            checked = True
            op = op_of(ind.value)
            at_least = op in ("≥", ">") or (op == "=" and not lower_is_better(ind))
            if at_least and att.status == EXCEEDED and att.ratio >= ctx.options["ratio"] and not has_reason(e):
                percent = rounded_text(att.ratio * 100, 0)
                yield Finding("T105", {**score_args(ind), "percent": percent}, indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or "",
                                        "完成比例": f"{percent}%"})
        if not checked:
            raise InsufficientData("T.reason.no-comparable-actuals")
