"""A103: 立项依据 must have at least one option ticked."""

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
from policy.authoring.attributes import has_attribute_block, labels, require_on_form, row_was_read


class BasisMissing(Rule):
    code = "A103"
    name = "basis-missing"
    category = Category.ATTRIBUTES
    severity = Severity.ERROR
    summary = "立项依据 has nothing ticked"
    summary_zh = "立项依据未勾选任何一项"
    rationale = (
        "Every project states why it exists — a law, a decision of the city government, a "
        "higher-level document, a leader's instruction, or 其他. A project with no basis cannot "
        "be justified in review."
    )
    fix = "Tick at least one basis (法律法规, 市委市政府决定, 上级文件要求, 领导指示, 其他)."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own 立项依据 row (one or more reasons ticked)",
        "The form's 立项依据 row asks for one or more reasons; none ticked leaves it unanswered.",
    )
    bad = (
        Example(
            {"attributes": {"kind": "新增项目", "term": "一次性", "basis": []}},
            note="no basis ticked",
            expect=("A103",),
        ),
        Example(
            {"attributes": {"kind": "延续项目", "term": "经常性"}},
            note="basis row absent while the other rows are filled",
            expect=("A103",),
        ),
    )
    good = (
        Example(
            {"attributes": {"kind": "持续性项目", "term": "2022年"}, "not_on_form": ["立项依据"]},
            note="regression (黄石 2022 批复表): the template has no 立项依据 row — nothing was left unticked",
            outcome="not_applicable",
        ),
        Example(
            {"attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]}}
        ),
        Example(
            {
                "attributes": {
                    "kind": "延续项目",
                    "term": "经常性",
                    "basis": ["市委市政府决定", "上级文件要求"],
                }
            },
            note="several are fine",
        ),
    )

    def check(self, form, ctx):
        a = form.attributes
        if not has_attribute_block(form):
            raise NotApplicable("A.reason.no-attributes")
        require_on_form(form, "立项依据")
        if not row_was_read(form, a.basis_options, a.basis):
            raise InsufficientData("A.reason.row-unread", row="立项依据")
        if not a.basis:
            yield Finding(
                "A103",
                {
                    "options": labels(a.basis_options)
                    or "法律法规、市委市政府决定、上级文件要求、市委市政府领导指示、其他"
                },
                location=a.basis_location or form.location,
                evidence={"立项依据": "（未勾选）"},
            )
