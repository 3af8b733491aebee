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
from policy.authoring.funding import has_funding_block, is_blank, where


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
        "预算管理一体化系统 (年度资金总额 required when a form is saved)",
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
            {"funding": {"fiscal": "6.30", "sources": {"一般公共预算收入": "6.30"}},
             "not_on_form": ["年度资金总额"]},
            note="regression (昭化 2021): 年度资金总额 heads the breakdown, it is no cell left blank",
            outcome="not_applicable",
        ),
        Example(
            {"name": "无资金块的片段"},
            note="no funding block at all: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        if not has_funding_block(form):
            raise NotApplicable("F.reason.no-funding")
        if "年度资金总额" in form.not_on_form:
            raise NotApplicable("F.reason.not-on-form", row="年度资金总额")
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
