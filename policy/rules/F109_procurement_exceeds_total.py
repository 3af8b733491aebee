"""F109: 政府采购 / 政府购买服务 larger than 年度资金总额."""

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

_CELLS = (("procurement", "政府采购"), ("purchase_services", "政府购买服务"))


class ProcurementExceedsTotal(Rule):
    code = "F109"
    name = "procurement-exceeds-total"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "政府采购 or 政府购买服务 exceeds 年度资金总额"
    summary_zh = "政府采购或政府购买服务金额超过年度资金总额"
    rationale = (
        "The form states 政府采购 (and 政府购买服务 within it) as part of the year's funds "
        "(年度资金中：政府采购…). A part larger than the whole is an arithmetic error."
    )
    fix = "Correct the procurement amount or the annual total."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (政府采购 is a part of 年度资金总额)",
        "Procurement is stated as a part of the annual funds.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance_yuan": Option(
            Decimal(0), "Allowed excess in 元.", non_negative_decimal
        )
    }
    bad = (
        Example(
            {"funding": {"total": "50万元", "procurement": "60万元"}},
            note="采购 60万元 out of 50万元",
            expect=("F109",),
        ),
        Example(
            {"funding": {"total": "100000元", "purchase_services": "12万元"}},
            note="购买服务 120000元 > 100000元",
            expect=("F109",),
        ),
    )
    good = (
        Example(
            {
                "funding": {
                    "total": "50万元",
                    "procurement": "50万元",
                    "purchase_services": "20万元",
                }
            }
        ),
        Example(
            {"funding": {"total": "50万元", "procurement": "万元"}},
            note="blank procurement",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        f = form.funding
        given = [
            (attr, label, getattr(f, attr))
            for attr, label in _CELLS
            if not is_blank(getattr(f, attr))
        ]
        if not given:
            raise NotApplicable("F.reason.no-procurement")
        if f.total is None or f.total.yuan is None:
            raise InsufficientData("F.reason.no-annual-total")
        unreadable = []
        for attr, label, amount in given:
            if amount.yuan is None:
                unreadable.append(amount)
                continue
            if amount.yuan - f.total.yuan > ctx.options["tolerance_yuan"]:
                yield Finding(
                    "F109",
                    {
                        "label": label,
                        "amount": money_text(amount.yuan),
                        "total": money_text(f.total.yuan),
                    },
                    location=where(amount, form),
                    evidence={label: shown(amount), "年度资金总额": shown(f.total)},
                )
        if unreadable:
            raise InsufficientData("F.reason.unreadable", cell=unreadable[0].text)
