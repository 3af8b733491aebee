"""F105: the cost caps together stay within 年度资金总额."""

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
from policy.authoring.funding import UNKNOWN, caps, shown
from policy.options import non_negative_decimal, word_list
from policy.authoring.examples import cost_form
from policy.authoring.funding import COST_LINE_OPTIONS, cost_lines_of


class CostCapsSumExceedsTotal(Rule):
    code = "F105"
    name = "cost-caps-sum-exceeds-total"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "The cost caps together exceed 年度资金总额"
    summary_zh = "各项成本上限之和超过年度资金总额"
    rationale = (
        "Itemised cost caps split the year's budget between the project's parts. When their sum "
        "is larger than the budget, the plan cannot be carried out as filed."
    )
    fix = "Lower the cost caps or correct the annual total so that the caps fit within it."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (cost caps together within 年度资金总额)",
        "The parts of the year's spending cannot add up to more than the year's funding.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        **COST_LINE_OPTIONS,
        "tolerance_yuan": Option(
            Decimal(0), "Allowed excess in 元.", non_negative_decimal
        ),
        "aggregate_words": Option(
            (
                "总",
                "合计",
                "全部",
                "整体",
                "预算额度",
                "预计经费",
                "项目经费",
                "经费控制",
                "成本控制",
            ),
            "Name words of a cost line that covers the others (总成本, 费用合计, 预计经费); "
            "when such a line stands beside itemised caps it is not added to its own items. "
            "(Decided by name only, so a larger budget never changes what is summed.)",
            word_list,
        ),
    }
    bad = (
        Example(
            cost_form(
                "20万元",
                ("产出指标", "成本指标", "督查差旅费", "≤12万元"),
                ("产出指标", "成本指标", "调研差旅费", "≤10万元"),
            ),
            note="12万元 + 10万元 > 20万元",
            expect=("F105",),
        ),
        Example(
            cost_form(
                "100000元",
                ("成本指标", "经济成本指标", "场地租赁费", "60000元"),
                ("产出指标", "质量指标", "预计会务经费", "≤5万元"),
            ),
            note="a cap filed under 质量指标 counts too: 6万 + 5万 > 10万",
            expect=("F105",),
        ),
    )
    good = (
        Example(
            cost_form(
                "37万元",
                ("产出指标", "成本指标", "预计经费", "≤37万元"),
                ("产出指标", "成本指标", "印刷费", "≤20万元"),
                ("产出指标", "成本指标", "会务费", "≤17万元"),
            ),
            note="预计经费 is the aggregate of the items, not one more item",
        ),
        Example(
            cost_form(
                "20万元",
                ("产出指标", "成本指标", "督查差旅费", "≤12万元"),
                ("产出指标", "成本指标", "调研差旅费", "≤8万元"),
            ),
            note="exactly the total",
        ),
        Example(
            cost_form(
                "37万元",
                ("产出指标", "成本指标", "工作信息汇编", "67.5元/份（册）"),
                ("产出指标", "成本指标", "预计经费", "≤37万元"),
            ),
            note="a unit cost is not summed with the caps",
        ),
    )

    def check(self, form, ctx):
        lines = cost_lines_of(form, ctx.options)
        capped = list(caps(lines))
        unknown = [line for line in lines if line.kind == UNKNOWN]
        if not capped and not unknown:
            raise NotApplicable("F.reason.no-cost-caps")
        total = form.funding.total
        if total is None or total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        tolerance = ctx.options["tolerance_yuan"]
        # Reported even when one cap alone exceeds (F104 says that too): both are true, and
        # suppressing this one would let a larger budget make it appear.
        words = ctx.options["aggregate_words"]
        items = [
            line
            for line in capped
            if not any(w in (line.indicator.name or "") for w in words)
        ]
        if len(items) < len(capped):
            capped = (
                items  # an aggregate line covers the items; the items are what add up
            )
        known = sum((line.yuan for line in capped), Decimal(0))
        if known - total.yuan > tolerance and len(capped) > 1:
            evidence = {
                line.indicator.name or f"第{i + 1}项": money_text(line.yuan)
                for i, line in enumerate(capped)
            }
            evidence["成本上限合计"] = money_text(known)
            evidence["年度资金总额"] = shown(total)
            first = min(
                (line.indicator for line in capped),
                key=lambda i: (i.name or "", i.value_text or ""),
            )
            yield Finding(
                "F105",
                {
                    "sum": money_text(known),
                    "count": len(capped),
                    "total": money_text(total.yuan),
                },
                location=first.location or form.location,
                indicator=first,
                evidence=evidence,
            )
        elif unknown:
            ind = unknown[0].indicator
            raise InsufficientData(
                "F.reason.cost-value-unreadable",
                name=ind.name or "（无名称）",
                value=ind.value_text or "（空）",
            )
