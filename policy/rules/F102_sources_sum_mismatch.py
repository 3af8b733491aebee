"""F102: the five 项目资金来源 add up to 合计."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from policy.forms.model import SOURCE_KEYS
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

PARTS = SOURCE_KEYS[1:]


class SourcesSumMismatch(Rule):
    code = "F102"
    name = "sources-sum-mismatch"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "The funding sources do not add up to 合计"
    summary_zh = "项目资金来源各项之和不等于合计"
    rationale = (
        "合计 is the sum of 一般公共预算收入, 政府性基金预算收入, 国有资本经营预算收入, "
        "社会保险基金收入 and 其他收入. A mismatch means a source was mistyped or left out."
    )
    fix = "Correct the source amounts or 合计 so that the parts add up to the total."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own arithmetic (项目资金来源 parts add up to 合计)",
        "合计 is by definition the sum of the five source lines.",
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
            {"funding": {"sources": {"合计": "20万元", "一般公共预算收入": "15万元"}}},
            note="15万元 ≠ 20万元",
            expect=("F102",),
        ),
        Example(
            {
                "funding": {
                    "sources": {
                        "合计": "100万元",
                        "一般公共预算收入": "60万元",
                        "政府性基金预算收入": "30万元",
                        "其他收入": "20万元",
                    }
                }
            },
            note="three parts give 110万元",
            expect=("F102",),
        ),
    )
    good = (
        Example(
            {"funding": {"sources": {"合计": "15万元", "一般公共预算收入": "15万元"}}}
        ),
        Example(
            {
                "funding": {
                    "sources": {
                        "合计": "100万元",
                        "一般公共预算收入": "700000元",
                        "政府性基金预算收入": "30万元",
                    }
                }
            },
            note="元 and 万元 mixed",
        ),
    )

    def check(self, form, ctx):
        sources = form.funding.sources
        if not sources:
            raise NotApplicable("F.reason.no-sources")
        total = sources.get("合计")
        if is_blank(total):
            raise InsufficientData("F.reason.no-sources-total")
        if total.yuan is None:
            raise InsufficientData("F.reason.unreadable", cell=total.text)
        given = [
            (k, sources[k]) for k in PARTS if k in sources and not is_blank(sources[k])
        ]
        if not given:
            raise InsufficientData("F.reason.no-source-parts")
        for key, amount in given:
            if amount.yuan is None:
                raise InsufficientData("F.reason.unreadable", cell=amount.text)
        parts_sum = sum((a.yuan for _, a in given), Decimal(0))
        if abs(parts_sum - total.yuan) > ctx.options["tolerance_yuan"]:
            evidence = {"合计": shown(total)}
            evidence.update({k: shown(a) for k, a in given})
            evidence["各项之和"] = money_text(parts_sum)
            yield Finding(
                "F102",
                {
                    "total": money_text(total.yuan),
                    "sum": money_text(parts_sum),
                    "parts": len(given),
                },
                location=where(total, form),
                evidence=evidence,
            )
