"""R104: a self-evaluation's weights add up to the full score (100), and the weights under each
一级 to the weight printed in its label ("产出指标(50分)")."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form, indicator_of
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, evaluated, execution_total,
                                      require_self_evaluation)
from policy.forms.hierarchy import canonical_level1
from policy.options import non_negative_decimal


def _weight(name: str, weight: str):
    def change(form):
        indicator_of(form, name)["weight"] = weight
    return change


def _moved(form):
    indicator_of(form, "养护里程")["weight"] = "25"
    indicator_of(form, "通行时间缩短率")["weight"] = "25"


class WeightsSum(Rule):
    code = "R104"
    name = "self-evaluation-weights-sum"
    category = Category.SCORING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "The weights of a self-evaluation do not add up to 100 (or to a 一级's printed weight)"
    summary_zh = "自评表分值合计不等于100，或不等于一级指标标明的分值"
    rationale = (
        "A self-evaluation scores out of 100: the indicator weights plus the execution line's "
        "(commonly 产出 50, 效益 30, 满意度 10, 预算执行率 10). Weights that do not add up make the "
        "total score meaningless; a 一级 label that prints its weight must agree with its rows."
    )
    fix = "Correct the weights so they add up to 100 and to each 一级's printed weight."
    source = Source(SourceKind.PRACTICE, "practice: seen in 3 of 7 published self-evaluation forms (a 100-point total: 四川普惠金融, 青神 2023, 铁路沿线 fragment; a 一级 weight in its label on 萧县 2023 “(50分)”)",
                    "The full score is configurable.")
    options = {
        "total": Option(Decimal(100), "What all weights add up to.", non_negative_decimal),
        "tolerance": Option(Decimal(0), "Allowed difference in points.", non_negative_decimal),
    }
    bad = (
        Example(evaluation_form(_weight("群众满意度", "15")), note="weights add up to 105",
                expect=("R104",)),
        Example(evaluation_form(_moved), note="100 in all, but 产出 rows add up to 55 under 产出指标(50分)",
                expect=("R104.level1",)),
    )
    good = (
        Example(evaluation_form(), note="90 + 10 = 100, 产出 50, 效益 30, 满意度 10"),
        Example(evaluation_form(_weight("群众满意度", None)), note="a row without weight: not checked", outcome="insufficient_data"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        rows = [(ind, ind.weight) for ind, _, _ in evaluated(form) if ind.name or ind.value_text]
        weighted = [(ind, w) for ind, w in rows if w is not None]
        if not weighted:
            raise InsufficientData("R.reason.no-weights")
        if len(weighted) < len(rows):
            raise InsufficientData("R.reason.partial-weights", count=len(rows) - len(weighted))
        tolerance = ctx.options["tolerance"]
        total_row = execution_total(form)
        execution = next((r.weight for r in ([total_row] if total_row else []) + list(form.execution)
                          if r.weight is not None and r.weight.number is not None), None)
        indicators = sum((w for _, w in weighted), Decimal(0))
        whole = indicators + (execution.number if execution is not None else Decimal(0))
        if abs(whole - ctx.options["total"]) > tolerance:
            yield Finding("R104", {"sum": whole, "total": ctx.options["total"], "indicators": indicators,
                                   "execution": execution.text if execution is not None else "0"},
                          location=weighted[0][0].location or form.location,
                          evidence={"指标分值合计": str(indicators), "预算执行分值": execution.text
                                    if execution is not None else "", "应为": str(ctx.options["total"])})
        for label, printed in form.level1_weights.items():
            level1 = canonical_level1(label)
            if level1 is None or printed.number is None:
                continue
            under = [(i, w) for i, w in weighted if i.level1 == level1]
            if not under:
                continue
            s = sum((w for _, w in under), Decimal(0))
            if abs(s - printed.number) > tolerance:
                yield Finding("R104.level1", {"level1": label, "printed": printed.text, "sum": s},
                              location=under[0][0].location or form.location,
                              evidence={label: printed.text or "", "下属分值合计": str(s)})
