"""F101: 年度资金总额 must equal 财政拨款 + 其他资金."""

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
from policy.authoring.funding import fiscal_other_parts, has_funding_block, shown, where
from policy.options import non_negative_decimal


class TotalMismatchFiscalOther(Rule):
    code = "F101"
    name = "total-mismatch-fiscal-other"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "年度资金总额 is not 财政拨款 + 其他资金"
    summary_zh = "年度资金总额不等于财政拨款与其他资金之和"
    rationale = (
        "The annual total is, by the form's own definition, the fiscal appropriation plus other "
        "funds. When the parts do not add up, at least one of the three cells is wrong, and every "
        "check against the budget (cost caps, procurement) stands on a wrong number."
    )
    fix = "Correct 年度资金总额, 财政拨款 or 其他资金 so that the total is the sum of the two parts."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (年度资金总额 = 财政拨款 + 其他资金)",
        "The form defines 年度资金总额 as 其中：财政拨款 plus 其他资金.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance_yuan": Option(
            Decimal(0),
            "Allowed difference in 元 (rounding of 万元 figures).",
            non_negative_decimal,
        )
    }
    bad = (
        Example(
            {"funding": {"total": "50万元", "fiscal": "40万元", "other": "5万元"}},
            note="40万元 + 5万元 ≠ 50万元",
            expect=("F101",),
        ),
        Example(
            {"funding": {"total": "150000元", "fiscal": "15.5万元"}},
            note="blank 其他资金 counts as 0: 155000元 ≠ 150000元",
            expect=("F101",),
        ),
    )
    good = (
        Example(
            {"funding": {"total": "15万元", "fiscal": "15万元"}},
            note="blank 其他资金 = 0",
        ),
        Example(
            {"funding": {"total": "50万元", "fiscal": "450000元", "other": "5万元"}},
            note="万元 and 元 mixed, exact",
        ),
    )

    def check(self, form, ctx):
        f = form.funding
        if not has_funding_block(form):
            raise NotApplicable("F.reason.no-funding")
        if f.total is None or f.total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        total = f.total.yuan
        parts = fiscal_other_parts(f.fiscal, f.other, total)
        parts_sum = parts[0] + parts[1]
        if abs(total - parts_sum) > ctx.options["tolerance_yuan"]:
            yield Finding(
                "F101",
                {
                    "total": money_text(total),
                    "fiscal": money_text(parts[0]),
                    "other": money_text(parts[1]),
                    "sum": money_text(parts_sum),
                },
                location=where(f.total, form),
                evidence={
                    "年度资金总额": shown(f.total),
                    "财政拨款": shown(f.fiscal),
                    "其他资金": shown(f.other),
                    "财政拨款+其他资金": money_text(parts_sum),
                },
            )
