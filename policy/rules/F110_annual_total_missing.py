"""F110: 年度资金总额 is blank or unreadable."""

from __future__ import annotations

from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from policy.rules._funding import has_funding_block, is_blank, where


class AnnualTotalMissing(Rule):
    code = "F110"
    name = "annual-total-missing"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "年度资金总额 is blank or unreadable"
    summary_zh = "年度资金总额未填写或无法识别"
    rationale = (
        "The annual total is what the performance targets are set against; every funding check "
        "(parts, sources, cost caps) needs it. The budget system does not accept a project "
        "without its annual amount."
    )
    fix = "Fill in 年度资金总额 with an amount and its unit (元 or 万元)."
    source = Source(
        SourceKind.SYSTEM,
        "domain.md §1 (项目资金) and §4.12; budget-system save-time validation [S]/[P]",
    )
    bad = (
        Example(
            {"funding": {"total": "万元", "fiscal": "15万元"}},
            note="only the unit is printed",
            expect=("F110.blank",),
        ),
        Example(
            {"funding": {"total": "壹拾伍万", "fiscal": "15万元"}},
            note="not a readable amount",
            expect=("F110.unreadable",),
        ),
    )
    good = (
        Example({"funding": {"total": "15万元"}}),
        Example(
            {"name": "无资金块的片段"},
            note="no funding block at all: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        if not has_funding_block(form):
            raise NotApplicable("F.reason.no-funding")
        total = form.funding.total
        if is_blank(total):
            yield Finding(
                "F110.blank",
                {},
                location=where(total, form),
                evidence={
                    "年度资金总额": total.text if total and total.text else "（空）"
                },
            )
        elif total.yuan is None:
            yield Finding(
                "F110.unreadable",
                {"text": total.text},
                location=where(total, form),
                evidence={"年度资金总额": total.text},
            )
