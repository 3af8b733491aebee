"""S106: a 三级 name that is only a placeholder (-, _, *, XX, 无)."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from grammar.folding import is_placeholder
from policy.authoring.rows import require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row


class PlaceholderName(Rule):
    code = "S106"
    name = "placeholder-name"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "A 三级 indicator name is only a placeholder (-, _, *, XX, 无)"
    summary_zh = "三级指标名称只是占位符"
    rationale = (
        "The budget system rejects names made only of placeholder marks: such a row names "
        "nothing and usually hides an unfinished template. Placeholders inside a longer name "
        "(e.g. ≥**个) are W102's."
    )
    fix = "Write the indicator's real name, or delete the row."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (names are not placeholders `-`, `_`, `*`)")
    options = {
        "placeholder_words": Option(("无", "暂无", "XX", "xx"), "whole names treated as placeholders",
                                    validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "数量指标", "-", "10个")), note="dash", expect=("S106",)),
        Example(form(row("产出指标", "质量指标", "XX", "100%")), note="XX", expect=("S106",)),
        Example(form(row("效益指标", "社会效益", "＊＊", "≥90%")), note="full-width asterisks", expect=("S106",)),
    )
    good = (
        Example(form(), note="real names"),
        Example(form(row("产出指标", "数量指标", "X线检查人次", "≥500人次")), note="a name starting with X"),
        Example(form(row("产出指标", "质量指标", "无安全事故", "是")), note="a name containing 无"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        words = tuple(ctx.options["placeholder_words"])
        for r in f.rows:
            if r.has_name and is_placeholder(r.name, words):
                ind = r.ind
                yield Finding("S106", {"name": ind.name.strip()}, location=where(ind, form),
                              indicator=ind, evidence={"三级指标": ind.name.strip()})
