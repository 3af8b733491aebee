"""R109: a qualitative indicator scores inside the band of its grade (达成 80–100% of the weight,
部分达成 60–80%, 未达成 0–60%)."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)
from policy.forms.attainment import attainment_grade
from policy.options import percent_number

GRADE_NAMES = {2: "达成年度指标", 1: "部分达成年度指标", 0: "未达成年度指标"}


def _graded(actual: str, score: str):
    def change(form):
        indicator_of(form, "验收合格率").update(target="按设计标准完成养护", actual=actual, score=score,
                                            deviation="个别路段返工")
    return change


class QualitativeScoreBand(Rule):
    code = "R109"
    name = "qualitative-score-band"
    category = Category.SCORING
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A qualitative indicator's score is outside the band of its grade"
    summary_zh = "定性指标得分不在其完成等级对应的分值区间内"
    rationale = (
        "Qualitative indicators are scored by grade: 达成年度指标 80–100% of the weight, 部分达成 "
        "60–80%, 未达成 0–60%. A score outside its band contradicts the grade the form itself gives."
    )
    fix = "Score the indicator within the band of its grade, or correct the grade."
    source = Source(SourceKind.PRACTICE, "practice: seen in 3 of 7 published self-evaluation forms with a 得分 column; the grade bands (达成 80–100%, 部分达成 60–80%, 未达成 0–60%) are a configurable default from local 自评 templates, not a national text", "The band limits are configurable.")
    options = {
        "met_from": Option(Decimal(80), "Lowest share (%) of the weight for 达成.", percent_number),
        "partly_from": Option(Decimal(60), "Lowest share (%) for 部分达成 (and highest for 未达成).",
                              percent_number),
    }
    bad = (Example(evaluation_form(_graded("部分达成", "15")), note="部分达成 scored 15 of 15 (100%)",
                   expect=("R109",)),
           Example(evaluation_form(_graded("达成", "9")), note="达成 scored 9 of 15 (60%)", expect=("R109",)))
    good = (Example(evaluation_form(_graded("部分达成", "10")), note="部分达成 scored 10 of 15 (67%)"),
            Example(evaluation_form(_graded("达成", "15")), note="达成 scored 15 of 15"))

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        met, partly = ctx.options["met_from"], ctx.options["partly_from"]
        bands = {2: (met, Decimal(100)), 1: (partly, met), 0: (Decimal(0), partly)}
        checked = False
        for ind, e, _ in evaluated(form):
            grade = attainment_grade(e.actual)
            if grade is None or not ind.weight or e.score is None or e.score.number is None:
                continue
            checked = True
            share = e.score.number / ind.weight * 100
            low, high = bands[grade]
            if not low <= share <= high:
                yield Finding("R109", {**score_args(ind), "grade": GRADE_NAMES[grade],
                                       "low": low, "high": high},
                              indicator=ind,
                              evidence={"实际完成值": e.actual_text or "", "得分": e.score.text or "",
                                        "分值": str(ind.weight)})
        if not checked:
            raise InsufficientData("R.reason.no-graded-scores")
