"""R108 (advisory): a missed quantitative target scores about its share of the weight."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)
from policy.forms.attainment import NOT_MET
from policy.options import non_negative_decimal
from policy.forms.figures import rounded_text


def _score(text: str):
    def change(form):
        indicator_of(form, "通行时间缩短率")["score"] = text
    return change


class ProportionalScoreOff(Rule):
    code = "R108"
    name = "proportional-score-off"
    category = Category.SCORING
    severity = Severity.INFO
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A missed quantitative target scores far from actual ÷ target × weight (advisory)"
    summary_zh = "未完成的定量指标得分明显偏离“实际值÷指标值×分值”（提示）"
    rationale = (
        "In the scoring practice a missed quantitative target scores in proportion: actual ÷ "
        "target × weight for an \"at least\" target, target ÷ actual × weight for an \"at most\" "
        "one. A score far from that is either generous or unexplained."
    )
    fix = "Score the line in proportion to what was achieved, or explain the scoring."
    source = Source(SourceKind.PRACTICE, "practice: seen in 3 of 7 published self-evaluation forms with a 得分 column: a missed quantitative target scores in proportion (the formula is a configurable default)",
                    "Advisory: local templates differ; the tolerance is configurable.")
    options = {"tolerance_share": Option(Decimal("0.1"), "Allowed difference as a share of the "
                                         "weight (0.1 = 10% of the weight).", non_negative_decimal)}
    bad = (Example(evaluation_form(_score("28")), note="8% of ≥10% is 80% of 30 = 24, scored 28",
                   expect=("R108",)),
           Example(evaluation_form(_score("10")), note="scored 10 for 24", expect=("R108",)))
    good = (Example(evaluation_form(), note="24 = 8/10 × 30"),
            Example(evaluation_form(_score("26")), note="within 10% of the weight"),
            Example(evaluation_form(_score("30")), note="full points: R106's", outcome="insufficient_data"))

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for ind, e, att in evaluated(form):
            if (ind.weight is None or e.score is None or e.score.number is None
                    or att.status != NOT_MET or att.ratio is None):
                continue
            if e.score.number >= ind.weight:
                continue  # full points for a missed target: R106
            checked = True
            expected = min(att.ratio, Decimal(1)) * ind.weight
            if abs(e.score.number - expected) > ctx.options["tolerance_share"] * ind.weight:
                shown = rounded_text(expected)
                yield Finding("R108", {**score_args(ind), "expected": shown}, indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or "",
                                        "得分": e.score.text or "", "按比例应得": shown})
        if not checked:
            raise InsufficientData("R.reason.no-missed-scored")
