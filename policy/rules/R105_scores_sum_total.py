"""R105: the printed total score is the sum of the lines' scores."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, close_to, evaluated, execution_total,
                                      require_self_evaluation)
from policy.options import non_negative_decimal


def _total(text: str):
    def change(form):
        form["total_score"] = text
    return change


class ScoresSumTotal(Rule):
    code = "R105"
    name = "scores-sum-total"
    category = Category.SCORING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "The total score is not the sum of the lines' scores"
    summary_zh = "总得分不等于各项得分之和"
    rationale = (
        "The 总分 (得分合计) is the sum of every indicator's 得分 and the execution line's. A total "
        "that does not add up is either a typing error or a score changed in one place only."
    )
    fix = "Recompute the total from the lines' scores."
    source = Source(SourceKind.DERIVED, "derived: the form's own arithmetic, 总分 (得分合计) = Σ 得分",
                    "The total row sums the score column.")
    options = {"tolerance": Option(Decimal(0), "Allowed difference in points beyond the rounding of "
                                   "the printed total.", non_negative_decimal)}
    bad = (Example(evaluation_form(_total("95")), note="scores add up to 93.6", expect=("R105",)),)
    good = (Example(evaluation_form(), note="84 + 9.6 = 93.6"),
            Example(evaluation_form(_total("94")), note="93.6 printed as a whole number"))

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        total = form.total_score
        if total is None or total.number is None:
            raise InsufficientData("R.reason.no-total-score")
        rows = [(ind, e) for ind, e, _ in evaluated(form) if ind.name or ind.value_text]
        scores = [e.score.number for _, e in rows if e.score is not None and e.score.number is not None]
        if not scores:
            raise InsufficientData("R.reason.no-scores")
        if len(scores) < len(rows):
            raise InsufficientData("R.reason.partial-scores", count=len(rows) - len(scores))
        row = execution_total(form)
        execution = row.score.number if row is not None and row.score is not None and row.score.number is not None else None
        s = sum(scores, Decimal(0)) + (execution or Decimal(0))
        if close_to(total, s, ctx.options["tolerance"]):
            return
        yield Finding("R105", {"total": total.text, "sum": s, "count": len(scores)},
                      location=total.location or form.location,
                      evidence={"总分": total.text or "", "各项得分之和": str(s)})
