"""F104: no single cost cap exceeds 年度资金总额."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from policy.api import (
    Category,
    Example,
    Finding,
    InsufficientData,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
    money_text,
)
from policy.authoring.funding import COST_LINE_OPTIONS, caps, cost_lines_of, shown
from policy.options import non_negative_decimal
from policy.authoring.examples import cost_form

def _row(line, extra=None):
    out = {
        "成本指标": line.indicator.name or "（无名称）",
        "指标值": line.indicator.value_text or "",
    }
    out.update(extra or {})
    return out


class CostCapExceedsTotal(Rule):
    code = "F104"
    name = "cost-cap-exceeds-total"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "A cost cap is larger than 年度资金总额"
    summary_zh = "成本上限超过年度资金总额"
    rationale = (
        "A cost indicator caps what one part of the project may cost in the year. A cap above the "
        "whole annual budget can never bind and usually means a 元/万元 slip or a copied figure."
    )
    fix = "Correct the cost cap (check 元 vs 万元) or the annual total."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (a cost cap within 年度资金总额)",
        "A part of the year's spending cannot exceed the year's whole funding.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        **COST_LINE_OPTIONS,
        "tolerance_yuan": Option(
            Decimal(0), "Allowed excess in 元.", non_negative_decimal
        ),
    }
    bad = (
        Example(
            cost_form("50万元", ("产出指标", "成本指标", "设备采购成本", "≤80万元")),
            note="80万元 cap, 50万元 budget",
            expect=("F104",),
        ),
        Example(
            cost_form("150000元", ("成本指标", "经济成本指标", "印刷费", "≤160000元")),
            note="元 on both sides, 成本指标 as its own 一级",
            expect=("F104",),
        ),
        Example(
            cost_form("10万元", ("产出指标", "质量指标", "预计经费", "≤15万元")),
            note="a cost cap filed under 质量指标 is still a cost cap",
            expect=("F104",),
        ),
    )
    good = (
        Example(
            cost_form("15万元", ("产出指标", "成本指标", "预计经费", "≤150000元")),
            note="equal after 万元/元 conversion",
        ),
        Example(
            cost_form(
                "10万元", ("产出指标", "成本指标", "硬化公路补助标准", "≤120万元")
            ),
            note="a unit cost (补助标准, per km) is not a cap on the whole budget",
            outcome="not_applicable",
        ),
        Example(
            cost_form(
                "10万元",
                ("产出指标", "成本指标", "人工成本", "≤620元/月"),
                ("产出指标", "成本指标", "项目累计投入", "≤300万元"),
            ),
            note="a rate and a cumulative amount are not compared with the annual total",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        lines = cost_lines_of(form, ctx.options)
        capped = list(caps(lines))
        if not capped:
            raise NotApplicable("F.reason.no-cost-caps")
        total = form.funding.total
        if total is None or total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        for line in capped:
            if line.yuan - total.yuan > ctx.options["tolerance_yuan"]:
                yield Finding(
                    "F104",
                    {
                        "name": line.indicator.name or "（无名称）",
                        "cap": money_text(line.yuan),
                        "total": money_text(total.yuan),
                    },
                    location=line.indicator.location or form.location,
                    indicator=line.indicator,
                    evidence=_row(
                        line,
                        {
                            "成本上限": money_text(line.yuan),
                            "年度资金总额": shown(total),
                        },
                    ),
                )
