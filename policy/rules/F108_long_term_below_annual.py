"""F108: 中长期资金总额 is smaller than 年度资金总额."""

from __future__ import annotations

from policy.api import (
    Category,
    Example,
    Finding,
    InsufficientData,
    NotApplicable,
    Rule,
    Severity,
    Source,
    SourceKind,
    money_text,
)
from policy.authoring.funding import is_blank, shown, where


class LongTermBelowAnnual(Rule):
    code = "F108"
    name = "long-term-below-annual"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "中长期资金总额 is smaller than 年度资金总额"
    summary_zh = "中长期资金总额小于年度资金总额"
    rationale = (
        "The medium/long-term total covers the whole project period, of which the budget year is "
        "one part. A period total below the annual total means one of them is wrong (often a "
        "元/万元 slip)."
    )
    fix = "Correct 中长期资金总额 or 年度资金总额; leave 中长期资金总额 blank for a one-year project."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (中长期资金总额 includes the year's)",
        "The project-period total includes the budget year's funding.",
    )
    bad = (
        Example(
            {"funding": {"total": "50万元", "long_term_total": "30万元"}},
            note="30万元 for the whole period, 50万元 for one year",
            expect=("F108",),
        ),
        Example(
            {"funding": {"total": "150000元", "long_term_total": "14万元"}},
            note="after conversion 140000元 < 150000元",
            expect=("F108",),
        ),
    )
    good = (
        Example({"funding": {"total": "50万元", "long_term_total": "150万元"}}),
        Example(
            {"funding": {"total": "15万元", "long_term_total": "150000元"}},
            note="a one-year project: the same amount",
        ),
    )

    def check(self, form, ctx):
        f = form.funding
        if is_blank(f.long_term_total) or f.long_term_total.yuan is None:
            raise NotApplicable("F.reason.no-long-term-total")
        if f.total is None or f.total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        if f.long_term_total.yuan < f.total.yuan:
            yield Finding(
                "F108",
                {
                    "long_term": money_text(f.long_term_total.yuan),
                    "total": money_text(f.total.yuan),
                },
                location=where(f.long_term_total, form),
                evidence={
                    "中长期资金总额": shown(f.long_term_total),
                    "年度资金总额": shown(f.total),
                },
            )
