"""S114: every 数量指标 of a period is a percentage: the form counts nothing it delivers."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.rows import period_args, require_rows, where


class RatesOnlyQuantity(Rule):
    code = "S114"
    name = "rates-only-quantity"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "Every 数量指标 is a rate: no count of what the project delivers"
    summary_zh = "数量指标全部为比率，没有产出数量"
    rationale = (
        "数量指标 state how much the project delivers: people served, services provided, kilometres "
        "built. When every 数量 row is a rate (接种率 ≥90%, 管理率 ≥85%), the form never says how "
        "much is delivered for the money, and the rates usually belong under 质量指标."
    )
    fix = "Add the count of the main outputs (接种人次, 管理人数); move the rates to 质量指标."
    source = Source(SourceKind.OFFICIAL_SECONDARY,
                    "财政支出绩效评价管理暂行办法 第十三条（一）: the 数量目标 of the products and services")
    bad = (
        Example(form(row("产出指标", "数量指标", "适龄儿童国家免疫规划疫苗接种率", "≧90%"),
                     row("产出指标", "数量指标", "7岁以下儿童健康管理率", "≧85%"), drop=("培训人次",)),
                note="regression (蒙城 2024): only rates under 数量", expect=("S114",)),
    )
    good = (
        Example(form(), note="a count under 数量"),
        Example(form(row("产出指标", "数量指标", "理论教育和党性教育课时比例", "70%")),
                note="a rate beside a count"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        for period, rows in f.by_period:
            quantity = [r for r in rows if r.level2 == "数量指标" and r.has_value]
            if not quantity or not all(r.measure and r.dimension == "percent" for r in quantity):
                continue
            names = "、".join((r.ind.name or "").strip() or "—" for r in quantity)
            yield Finding("S114", {"names": names, **period_args(period)},
                          location=where(quantity[0].ind, form),
                          evidence={"数量指标": names})
