"""V102: a value that is an unfilled template placeholder (≥**%, XX, ****000元)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.authoring.examples import form, row


class PlaceholderValue(Rule):
    code = "V102"
    name = "placeholder-value"
    category = Category.VALUE
    severity = Severity.ERROR
    summary = "An indicator value is an unfilled template placeholder (≥**%, XX, ****000元)"
    summary_zh = "指标值是未填写的模板占位符（如≥**%、XX）"
    rationale = (
        "Templates mark the number to fill in with ** or XX; the budget system rejects values "
        "that still hold them. A masked or unfilled number sets no target."
    )
    fix = "Replace the placeholder with the real target number."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (placeholders `**`, `XX`, `_` are rejected)")
    bad = (
        Example(form(row("产出指标", "成本指标", "项目总成本", "≤****000元")), note="masked number",
                expect=("V102",)),
        Example(form(row("满意度指标", "服务对象满意度", "游客满意度", "≥**%")), note="template **",
                expect=("V102",)),
        Example(form(row("产出指标", "数量指标", "宣传次数", "XX")), note="XX", expect=("V102",)),
    )
    good = (
        Example(form(), note="real numbers"),
        Example(form(row("产出指标", "数量指标", "X线检查人次", "≥500人次")), note="X in the name only"),
    )

    def check(self, form, ctx):
        for r in require_rows(form, "V").rows:
            if not r.has_value:
                continue
            if (r.damage is not None and r.damage.code == "placeholder") or r.text_is_placeholder:
                ind = r.ind
                yield Finding("V102", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip()},
                              location=where(ind, form), indicator=ind,
                              evidence={"指标值": ind.value_text.strip()})
