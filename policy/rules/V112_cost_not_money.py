"""V112: a 成本指标 row whose value is not an amount of money."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.authoring.examples import form, row
from policy.authoring.values import all_measures, dimension_of

# The 财预〔2021〕101号 table's cost 二级 that describe negative effects, not money.
NOT_MONEY_COSTS = frozenset({"社会成本指标", "生态环境成本指标"})


class CostNotMoney(Rule):
    code = "V112"
    name = "cost-not-money"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A 成本指标 value is not an amount of money (e.g. 资助标准达标率 100%)"
    summary_zh = "成本指标值不是金额"
    rationale = (
        "Cost indicators state unit costs or itemised cost caps in 元/万元 (12 of the 15 published "
        "forms with a cost row do). A rate such as 成本控制率 100% or a sentence without an amount "
        "says nothing about what the output costs and cannot be checked against the budget. "
        "社会成本 and 生态环境成本 (the 财预〔2021〕101号 table) are negative effects, not money: "
        "they are not checked here."
    )
    fix = "State the cost as money: a cap (≤20万元) or a unit cost (≤500元/人次)."
    source = Source(SourceKind.PRACTICE, "practice: seen in 12 of the 15 published forms with a cost row (the cost stated in money)")
    bad = (
        Example(form(row("产出指标", "成本指标", "资助标准达标率", "100%")), note="a rate", expect=("V112",)),
        Example(form(row("成本指标", "经济成本指标", "成本控制", "严格控制在预算内")), note="prose",
                expect=("V112",)),
    )
    good = (
        Example(form(), note="unit cost in 元/人次"),
        Example(form(row("产出指标", "成本指标", "成本控制", "严格按照预算标准1000元/人给补助对象兑付补助")),
                note="an amount inside prose"),
        Example(form(row("成本指标", "社会成本指标", "对周边居民出行的影响", "无明显影响"),
                     row("成本指标", "生态环境成本指标", "施工期扬尘超标天数", "≤3天")),
                note="regression: 社会/生态环境成本 are negative effects, by definition not money"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        for r in f.rows:
            if not r.is_cost or not r.has_value or r.damage is not None:
                continue
            if r.level2 in NOT_MONEY_COSTS:
                continue  # negative social/ecological effects: not money by definition
            value = r.value
            if r.measure:
                if r.dimension in (None, "money", "other"):
                    continue  # a bare number or magnitude is V103's; unknown units are not judged
            elif r.kind == "text":
                if any(dimension_of(q) in ("money", "other", None) for q in all_measures(value)):
                    continue
            else:
                continue
            ind = r.ind
            yield Finding("V112", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip()},
                          location=where(ind, form), indicator=ind,
                          evidence={"指标值": ind.value_text.strip()})
