"""A105: a 新增项目 that states a previous years' budget."""

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
from policy.authoring.attributes import has_attribute_block
from policy.authoring.funding import shown, where


class NewWithPreviousBudget(Rule):
    code = "A105"
    name = "new-with-previous-budget"
    category = Category.ATTRIBUTES
    severity = Severity.WARNING
    summary = "新增项目 that states a previous years' budget"
    summary_zh = "新增项目却填写了以前年度预算安排"
    rationale = (
        "A new project has had no budget before. A previous years' amount on a 新增 form means "
        "either the project is in fact continuing (and must be reviewed as such) or the amount "
        "was copied from another form."
    )
    fix = "Tick 延续项目 if the project was funded before; otherwise clear 以前年度预算安排."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own rows 项目属性 and 延续项目以前年度预算安排",
        "Only a continuing project can have had a previous years' budget.",
    )
    bad = (
        Example(
            {
                "attributes": {"kind": "新增项目", "term": "一次性", "basis": ["其他"]},
                "funding": {"total": "15万元", "previous_years": "15万元"},
            },
            note="new, yet funded before",
            expect=("A105",),
        ),
        Example(
            {
                "attributes": {
                    "kind": ["新增项目"],
                    "term": "经常性",
                    "basis": ["其他"],
                },
                "funding": {"total": "200000元", "previous_years": "180000元"},
            },
            expect=("A105",),
        ),
    )
    good = (
        Example(
            {
                "attributes": {"kind": "新增项目", "term": "一次性", "basis": ["其他"]},
                "funding": {"total": "15万元", "previous_years": "0万元"},
            },
            note="zero is no previous budget",
        ),
        Example(
            {
                "attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]},
                "funding": {"total": "15万元", "previous_years": "15万元"},
            },
            note="a continuing project: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        if not has_attribute_block(form):
            raise NotApplicable("A.reason.no-attributes")
        if len(form.attributes.kind_checked) != 1:
            raise InsufficientData("A.reason.kind-unclear")  # A101 reports it
        if form.attributes.kind != "新增":
            raise NotApplicable("A.reason.not-new")
        prev = form.funding.previous_years
        if prev is not None and prev.yuan is not None and prev.yuan > 0:
            yield Finding(
                "A105",
                {"amount": money_text(prev.yuan)},
                location=where(prev, form),
                evidence={
                    "项目属性": "新增项目",
                    "延续项目以前年度预算安排": shown(prev),
                },
            )
