"""S109: a row under 满意度指标 whose name does not say it measures satisfaction."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row


class SatisfactionName(Rule):
    code = "S109"
    name = "satisfaction-name"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A 满意度 indicator's name does not contain 满意"
    summary_zh = "满意度指标名称中没有“满意”"
    rationale = (
        "Under 满意度指标 only the satisfaction of the people served is measured; the budget "
        "system and filing guides expect the name to say so (…满意度). 社会认可度, 知晓度 or an "
        "incident count filed there measure something else and leave satisfaction unmeasured."
    )
    fix = "Rename the indicator to the satisfaction it measures (e.g. 群众满意度), or move it to the 二级 it belongs to."
    source = Source(SourceKind.PRACTICE, "practice: seen in 10 of the 11 published forms with a satisfaction tier (every row there names a …满意度)")
    options = {"required_words": Option(("满意",), "a satisfaction name must contain one of these",
                                        validate=word_list)}
    bad = (
        Example(form(row("满意度指标", "服务对象满意度", "社会认可度", "≥98%")), note="认可度", expect=("S109",)),
        Example(form(row("满意度指标", "服务对象满意度", "群众对民生政策的知晓度", "≥85%")),
                note="知晓度", expect=("S109",)),
    )
    good = (
        Example(form(), note="学员满意度"),
        Example(form(row("满意度指标", "满意度指标", "受益群众满意率", "≥90%")), note="满意率 is fine"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        words = tuple(ctx.options["required_words"])
        for r in f.rows:
            under = r.level2 == "服务对象满意度" or r.level1_of == "满意度指标"
            if under and r.has_name and not folded_contains_any(r.name, words):
                ind = r.ind
                yield Finding("S109", {"name": ind.name.strip()}, location=where(ind, form), indicator=ind,
                              evidence={"三级指标": ind.name.strip(),
                                        "二级指标": ind.level2_text or ind.level1_text or "—"})
