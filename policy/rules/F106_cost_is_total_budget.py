"""F106: the only cost indicator is the whole budget."""

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
from policy.authoring.funding import CAP, shown
from policy.options import non_negative_decimal
from policy.authoring.examples import cost_form
from policy.authoring.funding import COST_LINE_OPTIONS, cost_lines_of


def _share(value):
    number = non_negative_decimal(value)
    if number > 1:
        raise ValueError("expected a share between 0 and 1")
    return number


class CostIsTotalBudget(Rule):
    code = "F106"
    name = "cost-is-total-budget"
    category = Category.FUNDING
    severity = Severity.INFO
    summary = "The only cost indicator restates the annual budget"
    summary_zh = "成本指标仅为项目预算总额，未细化为单位成本或分项成本"
    rationale = (
        "财预〔2021〕101号 asks for cost indicators that say what the outputs cost — unit costs "
        "or itemised cost caps (经济成本, 社会成本, 生态环境成本). A single cost line equal to the "
        "whole budget (预算额度 ≤50万元 with 年度资金总额 50万元) states nothing the funding block "
        "does not already say and gives the reviewer no way to judge value for money."
    )
    fix = "Replace it with unit costs (元/份, 元/人·次) or caps of the main cost items."
    source = Source(
        SourceKind.PRACTICE,
        "practice: seen in 7 of the 12 published forms whose cost row is money (unit costs or itemised caps; 5 restate the budget); 财预〔2021〕101号 附件1 part 一 (a goal carries 相应的成本控制要求)",
    )
    options: ClassVar[Mapping[str, Option]] = {
        **COST_LINE_OPTIONS,
        "min_share": Option(
            Decimal(1),
            "Report when the single cap is at least this share of the annual total (1 = equal).",
            _share,
        ),
    }
    bad = (
        Example(
            cost_form("50万元", ("产出指标", "成本指标", "预算额度", "≤50万元")),
            note="预算额度 ≤50万元 = 年度资金总额",
            expect=("F106",),
        ),
        Example(
            cost_form("150000元", ("产出指标", "质量指标", "预计经费", "≤15万元")),
            note="the only cost line sits under 质量指标 and equals the total after conversion",
            expect=("F106",),
        ),
    )
    good = (
        Example(
            cost_form(
                "37万元",
                ("产出指标", "成本指标", "工作信息汇编", "67.5元/份（册）"),
                ("产出指标", "成本指标", "预计经费", "≤37万元"),
            ),
            note="a unit cost is given as well",
        ),
        Example(
            cost_form("20万元", ("产出指标", "成本指标", "差旅费", "≤12万元")),
            note="an itemised cap below the total",
        ),
    )

    def check(self, form, ctx):
        lines = cost_lines_of(form, ctx.options)
        if not lines:
            raise NotApplicable("F.reason.no-cost-lines")
        if len(lines) != 1 or lines[0].kind != CAP or lines[0].yuan is None:
            return
        total = form.funding.total
        if total is None or total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        line = lines[0]
        if (
            # No upper bound: a single cap above the budget (F104's finding too) is still
            # nothing but the budget — and a larger budget must never add this finding.
            ctx.options["min_share"] * total.yuan <= line.yuan
        ):
            yield Finding(
                "F106",
                {
                    "name": line.indicator.name or "（无名称）",
                    "cap": money_text(line.yuan),
                    "total": money_text(total.yuan),
                },
                location=line.indicator.location or form.location,
                indicator=line.indicator,
                evidence={
                    "成本指标": line.indicator.name or "（无名称）",
                    "指标值": line.indicator.value_text or "",
                    "年度资金总额": shown(total),
                },
            )
