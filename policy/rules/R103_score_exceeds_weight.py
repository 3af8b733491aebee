"""R103: no line scores more than its weight (分值)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      row_where, score_args)


def _score(name: str, score: str):
    def change(form):
        indicator_of(form, name)["score"] = score
    return change


def _execution(form):
    form["execution"][0]["score"] = "12"


class ScoreExceedsWeight(Rule):
    code = "R103"
    name = "score-exceeds-weight"
    category = Category.SCORING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A line scores more than its weight"
    summary_zh = "得分超过分值"
    rationale = (
        "分值 is the most a line can earn; a higher 得分 inflates the total, which the 自评 notice "
        "forbids."
    )
    fix = "Score the line at most its 分值."
    source = Source(SourceKind.DERIVED, "derived: the form's own arithmetic, 得分 ≤ 分值",
                    "A weight is the maximum score of its line.")
    bad = (
        Example(evaluation_form(_score("养护里程", "22")), note="22 points of 20", expect=("R103",)),
        Example(evaluation_form(_execution), note="execution line 12 of 10", expect=("R103.execution",)),
    )
    good = (Example(evaluation_form(), note="every score within its weight"),)

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for row in form.execution:
            if row.weight is None or row.weight.number is None or row.score is None or row.score.number is None:
                continue
            checked = True
            if row.score.number > row.weight.number:
                yield Finding("R103.execution", {"row": row.row, "score": row.score.text,
                                                 "weight": row.weight.text},
                              location=row_where(row, form),
                              evidence={"得分": row.score.text or "", "分值": row.weight.text or ""})
        for ind, e, _ in evaluated(form):
            if ind.weight is None or e.score is None or e.score.number is None:
                continue
            checked = True
            if e.score.number > ind.weight:
                yield Finding("R103", score_args(ind), indicator=ind,
                              evidence={"得分": e.score.text or "", "分值": str(ind.weight)})
        if not checked:
            raise InsufficientData("R.reason.no-scores")
