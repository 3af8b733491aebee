"""A102: 项目期限 must have exactly one option ticked."""

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
from policy.rules._attributes import has_attribute_block, labels, row_was_read


class ProjectTermNotSingle(Rule):
    code = "A102"
    name = "project-term-not-single"
    category = Category.ATTRIBUTES
    severity = Severity.ERROR
    summary = "项目期限 has no option or several options ticked"
    summary_zh = "项目期限未勾选或勾选了多项"
    rationale = (
        "A project is either one-off (一次性) or recurring (经常性). The term decides whether "
        "medium/long-term targets are expected; an unticked or doubly ticked row leaves it open."
    )
    fix = "Tick exactly one of 一次性 / 经常性."
    source = Source(
        SourceKind.DERIVED,
        "domain.md §4.20 (项目期限 exactly one: unit filing guides [P]; the form [D])",
        "一次性 and 经常性 exclude each other: a project is one or the other, never both or neither.",
    )
    bad = (
        Example(
            {"attributes": {"kind": "新增项目", "term": [], "basis": ["其他"]}},
            note="nothing ticked",
            expect=("A102.none",),
        ),
        Example(
            {
                "attributes": {
                    "kind": "新增项目",
                    "term": ["一次性", "经常性"],
                    "basis": ["其他"],
                }
            },
            note="both ticked",
            expect=("A102.many",),
        ),
    )
    good = (
        Example(
            {"attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]}}
        ),
        Example(
            {
                "attributes": {
                    "kind": "新增项目",
                    "term": "一次性",
                    "basis": ["法律法规"],
                }
            }
        ),
    )

    def check(self, form, ctx):
        a = form.attributes
        if not has_attribute_block(form):
            raise NotApplicable("A.reason.no-attributes")
        if not row_was_read(form, a.term_options, a.term_checked):
            raise InsufficientData("A.reason.row-unread", row="项目期限")
        loc = a.term_location or form.location
        if not a.term_checked:
            yield Finding(
                "A102.none",
                {"options": labels(a.term_options) or "一次性、经常性"},
                location=loc,
                evidence={"项目期限": "（未勾选）"},
            )
        elif len(a.term_checked) > 1:
            yield Finding(
                "A102.many",
                {"checked": "、".join(a.term_checked)},
                location=loc,
                evidence={"项目期限": "、".join(a.term_checked)},
            )
