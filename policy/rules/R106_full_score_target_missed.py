"""R106: a target that was not met does not earn its full weight."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)
from policy.forms.attainment import NOT_MET, attainment_grade


def _full(form):
    indicator_of(form, "通行时间缩短率")["score"] = "30"


def _late(form):
    indicator_of(form, "完工时间")["actual"] = "2022年12月"


def _rounded_full(form):
    row = indicator_of(form, "通行时间缩短率")
    row["actual"], row["score"] = "9.999%", "30.0"


def rounds_to_full(ratio: Decimal | None, weight: Decimal, score: Decimal) -> bool:
    """Whether the proportional score (ratio × weight), rounded to the places the score is printed
    with, is the full weight: then full points are the practice formula's own result."""
    if ratio is None:
        return False
    places = Decimal(1).scaleb(min(score.as_tuple().exponent, 0))
    return (min(ratio, Decimal(1)) * weight).quantize(places, ROUND_HALF_UP) >= weight


class FullScoreTargetMissed(Rule):
    code = "R106"
    name = "full-score-target-missed"
    category = Category.SCORING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A target that was not met is scored its full weight"
    summary_zh = "未完成指标值却得满分"
    rationale = (
        "In the scoring practice a quantitative target met earns the full weight and a missed "
        "one scores in proportion. Full points for a missed target inflate the self-evaluation, "
        "which the 自评 notice forbids (a graded actual, 部分达成/未达成, is R109's)."
    )
    fix = "Score the missed target in proportion to what was achieved, and explain the deviation."
    source = Source(SourceKind.PRACTICE, "practice: seen in 3 of 7 published self-evaluation forms with a 得分 column (四川普惠金融, 萧县 2023, 青神 2023): a target met earns the full weight, a missed one scores in proportion",
                    "Attainment is read from the target and the actual through the value grammar.")
    bad = (
        Example(evaluation_form(_full), note="8% of ≥10% scored 30 of 30", expect=("R106",)),
        Example(evaluation_form(_late), note="done 2022年12月 for 2022年10月底前, scored 10 of 10",
                expect=("R106",)),
    )
    good = (
        Example(evaluation_form(), note="the missed target scored 24 of 30"),
        Example(evaluation_form(_rounded_full),
                note="9.999% of ≥10% is 29.997 of 30, printed to one place: 30.0 is the proportional score"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for ind, e, att in evaluated(form):
            if ind.weight is None or e.score is None or e.score.number is None:
                continue
            checked = True
            if attainment_grade(e.actual) is not None:
                continue  # an actual graded 部分达成/未达成: its score band is R109's
            if (att.status == NOT_MET and e.score.number >= ind.weight
                    and not rounds_to_full(att.ratio, ind.weight, e.score.number)):
                by = att.to_mapping().get("by")
                # a grade missed ("优" asked, "良" done) has no distance to state
                yield Finding("R106" if by else "R106.grade",
                              {**score_args(ind), **({"by": by} if by else {})}, indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or "",
                                        "得分": e.score.text or "", "分值": str(ind.weight)})
        if not checked:
            raise InsufficientData("R.reason.no-scores")
