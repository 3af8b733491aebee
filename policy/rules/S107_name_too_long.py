"""S107: a 三级 name longer than the budget system accepts."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.options import positive_int
from policy.authoring.examples import form, row


class NameTooLong(Rule):
    code = "S107"
    name = "name-too-long"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A 三级 indicator name is longer than the budget system allows"
    summary_zh = "三级指标名称过长"
    rationale = (
        "The budget system caps a 三级 name at 100 characters. A longer name is usually a "
        "sentence of description or a value typed into the name column."
    )
    fix = "Shorten the name to what is measured; put the target into the value column."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (names at most 100 characters)")
    options = {"max_length": Option(100, "longest allowed name, in characters (whitespace ignored)",
                                    validate=positive_int)}
    bad = (
        Example(form(row("产出指标", "质量指标", "按" + "政策法规要求审核" * 13, "100%")),
                note="105 characters", expect=("S107",)),
        Example(form(row("产出指标", "数量指标", "资助" * 51, "10人")), note="102 characters", expect=("S107",)),
    )
    good = (
        Example(form(), note="short names"),
        Example(form(row("产出指标", "数量指标", "资助" * 50, "10人")), note="exactly 100 characters"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        limit = ctx.options["max_length"]
        for r in f.rows:
            length = len(r.name)
            if length > limit:
                yield Finding("S107", {"name": r.name[:20] + "…", "length": length, "limit": limit},
                              location=where(r.ind, form), indicator=r.ind,
                              evidence={"名称长度": str(length), "上限": str(limit)})
