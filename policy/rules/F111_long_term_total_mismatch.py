"""F111: 中长期资金总额 must equal its 财政拨款 + 其他资金."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
    money_text,
)
from policy.authoring.funding import fiscal_other_parts, is_blank, shown, where
from policy.options import non_negative_decimal


class LongTermTotalMismatch(Rule):
    code = "F111"
    name = "long-term-total-mismatch"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "中长期资金总额 is not its 财政拨款 + 其他资金"
    summary_zh = "中长期资金总额不等于中长期财政拨款与其他资金之和"
    rationale = (
        "The 中长期 column of 项目资金 has the same structure as the annual one: the total is "
        "the fiscal appropriation plus other funds over the project period. Parts that do not "
        "add up mean a mistyped or forgotten cell in the period's funding."
    )
    fix = "Correct 中长期资金总额 or its 财政拨款 / 其他资金 so that the parts add up."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (中长期资金总额 = 财政拨款 + 其他资金)",
        "The form defines both columns' totals as 财政拨款 plus 其他资金.",
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
            {
                "funding": {
                    "total": "50万元",
                    "fiscal": "50万元",
                    "long_term_total": "150万元",
                    "long_term_fiscal": "100万元",
                    "long_term_other": "20万元",
                }
            },
            note="100万元 + 20万元 ≠ 150万元",
            expect=("F111",),
        ),
        Example(
            {
                "funding": {
                    "long_term_total": "1500000元",
                    "long_term_fiscal": "140万元",
                }
            },
            note="blank 其他资金 counts as 0",
            expect=("F111",),
        ),
    )
    good = (
        Example(
            {"funding": {"long_term_total": "150万元", "long_term_fiscal": "1500000元"}}
        ),
        Example(
            {
                "funding": {
                    "total": "15万元",
                    "fiscal": "15万元",
                    "long_term_total": "万元",
                }
            },
            note="a one-year project leaves the 中长期 column blank: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        f = form.funding
        if is_blank(f.long_term_total) or f.long_term_total.yuan is None:
            raise NotApplicable("F.reason.no-long-term-total")
        total = f.long_term_total.yuan
        fiscal, other = fiscal_other_parts(f.long_term_fiscal, f.long_term_other, total)
        parts_sum = fiscal + other
        if abs(total - parts_sum) > ctx.options["tolerance_yuan"]:
            yield Finding(
                "F111",
                {
                    "total": money_text(total),
                    "fiscal": money_text(fiscal),
                    "other": money_text(other),
                    "sum": money_text(parts_sum),
                },
                location=where(f.long_term_total, form),
                evidence={
                    "中长期资金总额": shown(f.long_term_total),
                    "财政拨款": shown(f.long_term_fiscal),
                    "其他资金": shown(f.long_term_other),
                    "财政拨款+其他资金": money_text(parts_sum),
                },
            )
