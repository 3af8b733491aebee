"""T106: 实际完成情况 reports what happened, not the 预期目标 copied."""

from __future__ import annotations

from decimal import Decimal
from difflib import SequenceMatcher

from grammar.folding import bare, nfkc
from policy.authoring.patterns import LazyPattern
from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.scoring import SELF_EVALUATION_ONLY, require_self_evaluation
from policy.options import positive_decimal
from policy.forms.figures import rounded_text


def _actual(text: str):
    def change(form):
        form["goals"]["annual_actual"] = text
    return change


# "目标1:", "完成情况1:", "2:", "一、" — labels that differ between the two texts.
_LABELS = LazyPattern(r"(?:完成情况|目标)?[0-9一二三四五六七八九十]+[:：、.．)）]")


def _key(text: str | None) -> str:
    """The goal text without numbering labels, whitespace and punctuation."""
    return bare(_LABELS.sub("", nfkc(text or "")))


class ActualCopiesGoal(Rule):
    code = "T106"
    name = "actual-copies-goal"
    category = Category.ATTAINMENT
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "实际完成情况 is the 预期目标 copied"
    summary_zh = "全年实际完成情况照抄年度预期目标"
    rationale = (
        "实际完成情况 is the evidence of what the year achieved; a copy of the 预期目标 reports "
        "nothing and hides any shortfall."
    )
    fix = "Describe what was actually done, with the achieved quantities."
    source = Source(SourceKind.PRACTICE, "practice: seen in 1 of 7 published self-evaluation forms (四川普惠金融)",
                    "Texts compared after numbering, labels and punctuation are removed.")
    options = {"similarity": Option(Decimal("0.9"), "Similarity (0-1) from which the texts count as "
                                    "a copy.", positive_decimal)}
    bad = (Example(evaluation_form(_actual("完成农村道路养护120公里，群众满意度达到90%以上。")),
                   note="the goal word for word", expect=("T106",)),)
    good = (Example(evaluation_form(), note="what was done"),)

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        goal, actual = _key(form.goals.annual), _key(form.goals.annual_actual)
        if not goal or not actual:
            raise InsufficientData("T.reason.no-goal-pair")
        ratio = Decimal(str(round(SequenceMatcher(None, goal, actual, autojunk=False).ratio(), 4)))
        if ratio >= ctx.options["similarity"]:
            percent = rounded_text(ratio * 100, 0)
            yield Finding("T106", {"similarity": percent},
                          location=form.goals.annual_actual_location or form.location,
                          evidence={"预期目标": form.goals.annual or "",
                                    "实际完成情况": form.goals.annual_actual or ""})
