"""A102: 项目期限 must have exactly one option ticked."""

from __future__ import annotations

from policy.api import Category, Example, Rule, Severity, Source, SourceKind
from policy.authoring.attributes import exactly_one


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
        "derived: the form's own 项目期限 row (一次性/经常性 exclude each other)",
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
            {"attributes": {"kind": "延续项目", "basis": ["其他"]}, "not_on_form": ["项目期限"]},
            note="regression: the template has no 项目期限 row — nothing was left unticked",
            outcome="not_applicable",
        ),
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
        yield from exactly_one(
            form, "A102", "项目期限", a.term_options, a.term_checked, a.term_location, "一次性、经常性"
        )
