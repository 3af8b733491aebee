"""S113: the same 三级 name twice in one form (targets not in conflict)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, require_rows, where
from policy.authoring.examples import form, row
from policy.authoring.names import conflicting, same_name_pairs


class DuplicateName(Rule):
    code = "S113"
    name = "duplicate-name"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "The same 三级 indicator name appears twice in one form"
    summary_zh = "同一三级指标名称在一张表中重复出现"
    rationale = (
        "Each 三级 indicator measures one thing once. A repeated name is either a copy-paste "
        "left in the table or one name used for two different things (a count under 数量 and a "
        "schedule under 时效), which the evaluation cannot tell apart. Conflicting targets are S108's."
    )
    fix = "Give each row a name that says what it measures, or delete the repeat."
    source = Source(SourceKind.DERIVED, "derived: the form's own rows (the same 三级 name twice)", "The same 三级 name does not appear twice in one form.")
    bad = (
        Example(form(row("产出指标", "时效指标", "各类会议、文件资料等", "适时印发"),
                     row("产出指标", "数量指标", "各类会议、文件资料等", "6000份")),
                note="one name for a count and a schedule", expect=("S113",)),
        Example(form(row("效益指标", "社会效益", "学员满意度", "≥95%")),
                note="same name and value twice", expect=("S113.same",)),
    )
    good = (
        Example(form(), note="names distinct"),
        Example(form(row("产出指标", "数量指标", "培训人次", "≥300人次")),
                note="conflicting targets are S108's, not repeated here"),
    )

    def check(self, form, ctx):
        require_rows(form, "S")
        reported: set[int] = set()
        for key, first, later in same_name_pairs(form, 1, whole_only=True):
            if id(later) in reported or conflicting(first.value, later.value):
                continue
            reported.add(id(later))  # a name three times: each repeat once, against the first
            same = (first.value_text or "").strip() == (later.value_text or "").strip()
            yield Finding(
                "S113.same" if same else "S113",
                {"name": key, "value": (later.value_text or "").strip(),
                 "other": (first.value_text or "").strip(),
                 "other_line": first.location.line if first.location and first.location.line else "?",
                 **period_args(later.period)},
                location=where(later, form), indicator=later,
                evidence={"三级指标": key, "指标值": (later.value_text or "").strip(),
                          "另一处指标值": (first.value_text or "").strip()},
            )
