"""A101: 项目属性 must have exactly one option ticked."""

from __future__ import annotations

from policy.api import Category, Example, Rule, Severity, Source, SourceKind
from policy.authoring.attributes import exactly_one


class ProjectKindNotSingle(Rule):
    code = "A101"
    name = "project-kind-not-single"
    category = Category.ATTRIBUTES
    severity = Severity.ERROR
    summary = "项目属性 has no option or several options ticked"
    summary_zh = "项目属性未勾选或勾选了多项"
    rationale = (
        "A project is either new (新增) or continuing (延续) — never both, never neither. The "
        "choice decides whether the previous years' budget must be stated and how the targets "
        "are reviewed against past performance."
    )
    fix = "Tick exactly one of 新增项目 / 延续项目."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own 项目属性 row (新增/延续 exclude each other)",
        "新增 and 延续 exclude each other: a project is one or the other, never both or neither.",
    )
    bad = (
        Example(
            {"attributes": {"kind": [], "term": "经常性", "basis": ["其他"]}},
            note="nothing ticked",
            expect=("A101.none",),
        ),
        Example(
            {
                "attributes": {
                    "kind": ["新增项目", "延续项目"],
                    "term": "经常性",
                    "basis": ["其他"],
                }
            },
            note="both ticked",
            expect=("A101.many",),
        ),
    )
    good = (
        Example(
            {"attributes": {"term": "一次性", "basis": ["其他"]}, "not_on_form": ["项目属性"]},
            note="regression: the template has no 项目属性 row — nothing was left unticked",
            outcome="not_applicable",
        ),
        Example(
            {"attributes": {"kind": "延续项目", "term": "经常性", "basis": ["其他"]}}
        ),
        Example(
            {
                "attributes": {
                    "kind": "阶段性项目",
                    "term": "一次性",
                    "basis": ["法律法规"],
                }
            },
            note="Shanghai's vocabulary, one ticked",
        ),
    )

    def check(self, form, ctx):
        a = form.attributes
        yield from exactly_one(
            form, "A101", "项目属性", a.kind_options, a.kind_checked, a.kind_location, "新增项目、延续项目"
        )
