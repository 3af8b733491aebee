"""S111: where weights are given, the weights of one form and period add up to 100."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, NotApplicable, Option, Rule,
                        Severity, Source, SourceKind)
from policy.authoring.rows import period_args
from policy.forms.model import TARGET
from policy.options import non_negative_decimal
from policy.authoring.examples import form

W = (("培训人次", 20), ("培训完成率", 20), ("培训完成时间", 10), ("人均培训成本", 10),
     ("学员履职能力提升率", 30), ("学员满意度", 10))


def weighted(weights, change=None):
    out = form()
    for r in out["indicators"]:
        r["weight"] = dict(weights).get(r["name"])
    if change:
        change(out["indicators"])
    return out


class WeightsSum(Rule):
    code = "S111"
    name = "weights-sum"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    form_kinds = (TARGET,)  # a self-evaluation's weights include the execution line: R104
    summary = "The indicator weights of one form and period do not add up to 100"
    summary_zh = "指标权重合计不等于100"
    rationale = (
        "Where weights are used, the budget system requires the weights of one target to add up "
        "to 100; otherwise the indicators cannot be scored against each other."
    )
    fix = "Adjust the weights so they add up to the total."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (weights of one target add up to the total); practice: seen in 2 of the 17 published target forms that print weights")
    options = {
        "total": Option(Decimal(100), "what the weights must add up to, 预算执行率's weight included "
                        "(on 90 + 10 tables the indicators get the total less 预算执行率's)",
                        validate=non_negative_decimal),
        "tolerance": Option(Decimal(0), "allowed difference", validate=non_negative_decimal),
    }
    bad = (
        Example(weighted(W[:-1] + (("学员满意度", 20),)), note="adds up to 110", expect=("S111",)),
        Example(weighted(W[1:] + (("培训人次", 10),)), note="adds up to 90", expect=("S111",)),
        Example({**weighted(W), "execution_weight": 10},
                note="100 for the indicators although 10 are printed for 预算执行率", expect=("S111",)),
    )
    good = (
        Example(weighted(W), note="adds up to 100"),
        Example({**weighted(W[1:] + (("培训人次", 10),)), "execution_weight": 10},
                note="regression (奉节 2023 审批表): 90 for the indicators + 10 printed for 预算执行率"),
        Example({**weighted(W[1:] + (("培训人次", 10),)), "scheme": "provincial-90-10"},
                note="the 90 + 10 scheme declared by the file"),
        Example(form(), note="no weights: not applicable", outcome="not_applicable"),
    )

    def check(self, form, ctx):
        total, tolerance = ctx.options["total"], ctx.options["tolerance"]
        # What the template leaves to 预算执行率 (10 on 90 + 10 tables) is not the indicators'.
        executed = form.execution_weight
        if executed is None:
            executed = Decimal(100) - form.scheme.weights_total
        total -= executed
        any_weight = False
        for period, rows in form.by_period:
            # every filled row, named or not, carries its weight
            weights = [r.ind.weight for r in rows if r.ind.weight is not None]
            if not weights:
                continue
            any_weight = True
            missing = len(rows) - len(weights)
            if missing:
                raise InsufficientData("S.reason.partial-weights", count=missing,
                                       **period_args(period))
            s = sum(weights, Decimal(0))
            if abs(s - total) > tolerance:
                yield Finding("S111", {"sum": s, "total": total, **period_args(period)},
                              location=rows[0].ind.location or form.location,
                              evidence={"权重合计": str(s), "应为": str(total)})
        if not any_weight:
            raise NotApplicable("S.reason.no-weights")
