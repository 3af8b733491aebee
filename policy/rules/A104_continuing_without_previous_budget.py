"""A104: a 延续项目 states its previous years' budget."""

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
)
from policy.authoring.attributes import has_attribute_block
from policy.authoring.funding import has_funding_block, is_blank, where


class ContinuingWithoutPreviousBudget(Rule):
    code = "A104"
    name = "continuing-without-previous-budget"
    category = Category.ATTRIBUTES
    severity = Severity.WARNING
    summary = "延续项目 without 以前年度预算安排"
    summary_zh = "延续项目未填写以前年度预算安排"
    rationale = (
        "A continuing project is reviewed against what it received and achieved before. The form "
        "has a cell for exactly that (延续项目以前年度预算安排); left blank, the reviewer cannot "
        "compare this year's request with past funding."
    )
    fix = "Fill in 延续项目以前年度预算安排, or tick 新增项目 if the project is new."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own row 延续项目以前年度预算安排",
        "The form asks continuing projects for their previous years' budget.",
    )
    bad = (
        Example(
            {
                "attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]},
                "funding": {
                    "total": "15万元",
                    "fiscal": "15万元",
                    "previous_years": "万元",
                },
            },
            note="the cell shows only its unit",
            expect=("A104",),
        ),
        Example(
            {
                "attributes": {
                    "kind": ["延续项目"],
                    "term": "一次性",
                    "basis": ["其他"],
                },
                "funding": {"total": "150000元"},
            },
            note="the cell is absent",
            expect=("A104",),
        ),
    )
    good = (
        Example(
            {
                "attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]},
                "funding": {"total": "15万元", "previous_years": "15万元"},
            }
        ),
        Example(
            {
                "attributes": {"kind": "新增项目", "term": "一次性", "basis": ["其他"]},
                "funding": {"total": "15万元"},
            },
            note="a new project has no previous budget",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        if not has_attribute_block(form):
            raise NotApplicable("A.reason.no-attributes")
        if len(form.attributes.kind_checked) != 1:
            raise InsufficientData("A.reason.kind-unclear")  # A101 reports it
        if form.attributes.kind != "延续":
            raise NotApplicable("A.reason.not-continuing")
        if not has_funding_block(form):
            raise NotApplicable("F.reason.no-funding")
        prev = form.funding.previous_years
        if is_blank(prev):
            yield Finding(
                "A104",
                {},
                location=where(prev, form)
                if prev is not None
                else (form.attributes.kind_location or form.location),
                evidence={"项目属性": "延续项目", "延续项目以前年度预算安排": "（空）"},
            )
