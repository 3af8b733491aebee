"""V108: a money amount (a cost line) filed under 质量指标 or 时效指标."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.options import level2_list
from policy.authoring.examples import form, row
from policy.authoring.values import name_wants_other_than_money


class CostUnderQuality(Rule):
    code = "V108"
    name = "cost-under-quality"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A money amount (cost line) is filed under 质量指标 or 时效指标"
    summary_zh = "质量指标或时效指标中填写了资金金额（成本）"
    rationale = (
        "Cost caps and unit costs belong to 成本指标. Filed under quality or timeliness, the "
        "cost is missed by cost review and the quality or timeliness it displaces is left "
        "unmeasured (seed: 预计经费 ≤15万元 under 质量指标)."
    )
    fix = "Move the cost line to 成本指标 and state a real quality or timeliness target."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十三条: 成本 and 质量 are separate parts of a target",
                    "Cost indicators are the 成本指标 family (财预〔2021〕101号 as reprinted).")
    options = {"level2": Option(("质量指标", "时效指标"), "二级 where a money amount is misplaced",
                                validate=level2_list)}
    bad = (
        Example(form(row("产出指标", "质量指标", "预计经费", "≤15万元")), note="cost cap under 质量",
                expect=("V108",)),
        Example(form(row("产出指标", "时效指标", "印刷单价", "67.5元/份")), note="unit cost under 时效",
                expect=("V108",)),
    )
    good = (
        Example(form(), note="cost under 成本指标"),
        Example(form(row("效益指标", "经济效益", "带动贫困村增收", "≥6万元")), note="money as a benefit"),
        Example(form(row("产出指标", "质量指标", "验收合格率", "28.8万元")), note="a unit mismatch: V104's"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        level2 = ctx.options["level2"]
        for r in f.measures:
            if r.level2 not in level2 or r.dimension != "money":
                continue
            ind = r.ind
            if name_wants_other_than_money(ind.name):
                continue  # 合格率 28.8万元: a unit mismatch, V104's
            yield Finding("V108", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                                   "level2": ind.level2_text or r.level2},
                          location=where(ind, form), indicator=ind,
                          evidence={"二级指标": ind.level2_text or r.level2, "指标值": ind.value_text.strip()})
