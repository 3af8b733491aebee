"""T107: every indicator with an approved target reports its 实际完成值 (not blank, not a dash or
an unfilled template mark standing in for it)."""

from __future__ import annotations

from grammar.folding import fold, is_placeholder
from policy.api import Category, Example, Finding, InsufficientData, Rule, Severity, Source, SourceKind
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, require_self_evaluation,
                                      score_args)


def _blank(form):
    indicator_of(form, "验收合格率")["actual"] = None


def _dash(form):
    indicator_of(form, "验收合格率")["actual"] = "—"


class ActualMissing(Rule):
    code = "T107"
    name = "actual-missing"
    category = Category.ATTAINMENT
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "An indicator with a target has no 实际完成值 (blank, or only a dash or XX)"
    summary_zh = "有指标值的指标未填写实际完成值（空白，或只有“—”“XX”等占位符）"
    rationale = (
        "A self-evaluation sets each approved target against what was achieved; a blank actual "
        "leaves the target unevaluated and any score unsupported. A dash, a slash or an unfilled "
        "XX in the cell says no more than a blank does."
    )
    fix = "Fill in the achieved value for every indicator."
    source = Source(SourceKind.DERIVED, "derived: the form's own structure: 实际完成值 beside every 年度指标值 "
                    "(财预〔2020〕10号 附件 template); blank on 1 of the 7 public self-evaluation forms "
                    "(青神 2023)", "A self-evaluation without actuals evaluates nothing.")
    bad = (Example(evaluation_form(_blank), note="验收合格率 has no actual", expect=("T107",)),
           Example(evaluation_form(_dash), note="验收合格率's actual is a dash", expect=("T107.placeholder",)))
    good = (Example(evaluation_form(), note="every target has its actual"),)

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        checked = False
        for ind, e, _ in evaluated(form):
            if not ind.value_text:
                continue  # a heading row (★ items scored over the rows under them)
            checked = True
            if e.actual_text is None:
                yield Finding("T107", score_args(ind), indicator=ind,
                              evidence={"年度指标值": ind.value_text, "实际完成值": ""})
            elif is_placeholder(fold(e.actual_text)):
                yield Finding("T107.placeholder", score_args(ind), indicator=ind,
                              evidence={"年度指标值": ind.value_text, "实际完成值": e.actual_text})
        if not checked:
            raise InsufficientData("T.reason.no-targets")
