"""T104: a missed target says why, on forms that do not score their indicators."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, has_reason,
                                      require_self_evaluation, score_args)
from policy.forms.attainment import NOT_MET


def _unscored(reason):
    def change(form):
        for row in form["indicators"]:
            row["score"] = None
        indicator_of(form, "通行时间缩短率")["deviation"] = reason
    return change


class MissedWithoutReason(Rule):
    code = "T104"
    name = "missed-without-reason"
    category = Category.ATTAINMENT
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A target was not met and the form gives no reason"
    summary_zh = "指标未完成但未说明原因"
    rationale = (
        "The self-evaluation asks for the reason and the improvement measures on every target "
        "missed (未完成原因和改进措施). Where the form scores its lines R107 says this from the "
        "score; this rule covers the forms and rows without a score."
    )
    fix = "Explain why the target was missed and what will be done."
    source = Source(SourceKind.PRACTICE, "practice: seen in 4 of 7 published self-evaluation forms, which print 未完成原因和改进措施 for every target missed",
                    "Attainment is read through the value grammar; blank, a dash or 无 are no reason.")
    bad = (Example(evaluation_form(_unscored(None)), note="8% of ≥10%, unscored, no reason",
                   expect=("T104",)),)
    good = (Example(evaluation_form(_unscored("汛期延误")), note="with a reason"),
            Example(evaluation_form(), note="scored rows are R107's", outcome="insufficient_data"))

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, att in evaluated(form):
            if e.actual is None or (e.score is not None and e.score.number is not None):
                continue
            checked = True
            if att.status == NOT_MET and not has_reason(e):
                by = att.to_mapping().get("by")
                # a grade missed ("优" asked, "良" done) has no distance to state
                yield Finding("T104" if by else "T104.grade",
                              {**score_args(ind), **({"by": by} if by else {})}, indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or ""})
        if not checked:
            raise InsufficientData("T.reason.no-unscored-actuals")
