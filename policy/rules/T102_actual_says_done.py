"""T102: a numeric or dated target gets a number or a date, not "已完成"."""

from __future__ import annotations

from grammar.ast import DateValue

from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)
from policy.forms.attainment import is_numeric, says_done


def _actual(name: str, text: str):
    def change(form):
        indicator_of(form, name)["actual"] = text
    return change


def _qualitative(form):
    row = indicator_of(form, "验收合格率")
    row.update(target="按设计标准完成养护", actual="已完成")


class ActualSaysDone(Rule):
    code = "T102"
    name = "actual-says-done"
    category = Category.ATTAINMENT
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A numeric or dated target's actual only says 已完成 / 达成预期指标"
    summary_zh = "数量或时间目标的实际完成值只写“已完成”“达成预期指标”"
    rationale = (
        "A target stated as a number or a date is checked against a number or a date; "
        "\"已完成\" or \"达成预期指标\" says nothing that can be compared, so the score is unsupported."
    )
    fix = "Write the achieved number (with its unit) or the completion date."
    source = Source(SourceKind.PRACTICE, "practice: seen in 1 of 7 published self-evaluation forms (大英 2020: “已完成100%” on every row)",
                    "Qualitative targets may be answered with a grade; numeric ones may not.")
    bad = (
        Example(evaluation_form(_actual("养护里程", "已完成")), note="≥120公里 answered 已完成",
                expect=("T102",)),
        Example(evaluation_form(_actual("完工时间", "按时完成")), note="a deadline answered 按时完成",
                expect=("T102",)),
        Example(evaluation_form(_actual("群众满意度", "已完成100%")), note="≥90% answered 已完成100%",
                expect=("T102",)),
    )
    good = (Example(evaluation_form(), note="numbers and dates"),
            Example(evaluation_form(_qualitative), note="a described target answered 已完成"))

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, _ in evaluated(form):
            if e.actual is None:
                continue
            checked = True
            target = ind.value
            dated = isinstance(target, DateValue)
            if (is_numeric(target) or dated) and says_done(e.actual):
                yield Finding("T102", score_args(ind), indicator=ind,
                              evidence={"年度指标值": ind.value_text or "", "实际完成值": e.actual_text or ""})
        if not checked:
            raise InsufficientData("T.reason.no-actuals")
