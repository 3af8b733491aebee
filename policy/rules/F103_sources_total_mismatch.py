"""F103: 项目资金来源 合计 equals 年度资金总额."""

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
from policy.authoring.funding import is_blank, shown, where
from policy.options import non_negative_decimal


class SourcesTotalMismatch(Rule):
    code = "F103"
    name = "sources-total-mismatch"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "The sources' 合计 differs from 年度资金总额"
    summary_zh = "项目资金来源合计与年度资金总额不一致"
    rationale = (
        "The 项目资金来源 block explains where the year's money comes from; its 合计 must be the "
        "same 年度资金总额 stated above it. A difference means one of the two blocks is wrong."
    )
    fix = "Make 合计 equal to 年度资金总额 (correct whichever is wrong)."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (来源合计 = 年度资金总额)",
        "Both cells state the same year's funding of the same project.",
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
                    "total": "20万元",
                    "fiscal": "20万元",
                    "sources": {"合计": "15万元"},
                }
            },
            note="合计 15万元 vs total 20万元",
            expect=("F103",),
        ),
        Example(
            {"funding": {"total": "8,827,620.53", "sources": {"合计": "882.76万元"}}},
            note="元 figure vs rounded 万元 figure, tolerance 0",
            expect=("F103",),
        ),
    )
    good = (
        Example({"funding": {"total": "15万元", "sources": {"合计": "150000元"}}}),
        Example(
            {"funding": {"total": "8,827,620.53", "sources": {"合计": "8827620.53元"}}}
        ),
    )

    def check(self, form, ctx):
        f = form.funding
        total = f.sources.get("合计")
        if not f.sources:
            raise NotApplicable("F.reason.no-sources")
        if is_blank(total):
            raise InsufficientData("F.reason.no-sources-total")
        if f.total is None or f.total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        if total.yuan is None:
            raise InsufficientData("F.reason.unreadable", cell=total.text)
        if abs(total.yuan - f.total.yuan) > ctx.options["tolerance_yuan"]:
            yield Finding(
                "F103",
                {
                    "sources_total": money_text(total.yuan),
                    "total": money_text(f.total.yuan),
                },
                location=where(total, form),
                evidence={"资金来源合计": shown(total), "年度资金总额": shown(f.total)},
            )
