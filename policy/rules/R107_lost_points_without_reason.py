"""R107: a line that lost points says why (偏差原因分析及改进措施)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, has_reason,
                                      require_self_evaluation, score_args)


def _reason(text):
    def change(form):
        indicator_of(form, "通行时间缩短率")["deviation"] = text
    return change


class LostPointsWithoutReason(Rule):
    code = "R107"
    name = "lost-points-without-reason"
    category = Category.SCORING
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A line scored below its weight gives no 偏差原因"
    summary_zh = "得分低于分值但未说明偏差原因"
    rationale = (
        "A score below the weight means a target was not fully reached; the form asks for the "
        "reason and the improvement measures (偏差原因分析及改进措施) on that line."
    )
    fix = "Explain in 偏差原因 why the target was missed and what will be done."
    source = Source(SourceKind.PRACTICE, "practice: seen in 4 of 7 published self-evaluation forms with a 未完成原因/偏差原因 column (休宁 2023, 萧县 2023, 青神 2023, 衡山 2020)",
                    "Blank, a dash, or 无 count as no reason.")
    bad = (
        Example(evaluation_form(_reason(None)), note="24 of 30, no reason", expect=("R107",)),
        Example(evaluation_form(_reason("无")), note="24 of 30, reason 无", expect=("R107",)),
    )
    good = (Example(evaluation_form(), note="24 of 30 with a reason"),)

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for ind, e, _ in evaluated(form):
            if ind.weight is None or e.score is None or e.score.number is None:
                continue
            checked = True
            if e.score.number < ind.weight and not has_reason(e):
                yield Finding("R107", score_args(ind), indicator=ind,
                              evidence={"得分": e.score.text or "", "分值": str(ind.weight),
                                        "偏差原因": e.deviation or ""})
        if not checked:
            raise InsufficientData("R.reason.no-scores")
