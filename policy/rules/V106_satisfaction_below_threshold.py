"""V106: a satisfaction target below a configurable threshold."""

from __future__ import annotations

from decimal import Decimal

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import percent_number, word_list
from policy.authoring.examples import form, row
from policy.authoring.values import lower_bound


class SatisfactionBelowThreshold(Rule):
    code = "V106"
    name = "satisfaction-below-threshold"
    category = Category.VALUE
    severity = Severity.INFO
    summary = "A satisfaction target is below the configured threshold (default 85%)"
    summary_zh = "满意度目标值低于设定下限"
    rationale = (
        "No official minimum satisfaction target was found; published forms use ≥80% to "
        "100% (see docs/sources.md). A target below that range promises little and is queried by "
        "reviewers. Advisory (info): set the threshold to the local guideline."
    )
    fix = "Raise the target to a level the project should reach, or explain why it is low."
    source = Source(SourceKind.PRACTICE, "practice: seen in 10 of the 11 published forms with a satisfaction row (targets from ≥80% to 100%); no document states a floor",
                    "Published forms use ≥80%–100%; no official threshold exists, so it is configurable and advisory.")
    options = {
        "threshold": Option(Decimal(85), "lowest acceptable satisfaction target, in %", validate=percent_number),
        "satisfaction_words": Option(("满意度", "满意率"), "words that make a name a satisfaction indicator",
                                     validate=word_list),
        "exempt_words": Option(("不满意", "投诉"), "names measuring dissatisfaction (lower is better)",
                               validate=word_list),
    }
    bad = (
        Example(form(row("满意度指标", "服务对象满意度", "受益群众满意度", "≥80%")), note="80% < 85%",
                expect=("V106",)),
        Example(form(row("满意度指标", "服务对象满意度", "企业满意率", "75%")), note="bare 75%",
                expect=("V106",)),
    )
    good = (
        Example(form(row("满意度指标", "服务对象满意度", "金融机构满意度", "≥85%")), note="exactly the threshold"),
        Example(form(row("满意度指标", "服务对象满意度", "群众不满意率", "≤5%")), note="dissatisfaction"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        threshold = ctx.options["threshold"]
        satisfaction, exempt = tuple(ctx.options["satisfaction_words"]), tuple(ctx.options["exempt_words"])
        for r in f.measures:
            if r.dimension != "percent":
                continue
            named = folded_contains_any(r.name, satisfaction)
            if not (named or (r.level1_of == "满意度指标" and folded_contains_any(r.name, ("满意",)))):
                continue
            if folded_contains_any(r.name, exempt):
                continue
            low = lower_bound(r.value)
            if low is not None and low < threshold:
                ind = r.ind
                yield Finding("V106", {"name": ind.name.strip(), "value": ind.value_text.strip(),
                                       "threshold": threshold},
                              location=where(ind, form), indicator=ind,
                              evidence={"指标值": ind.value_text.strip(), "下限": f"{threshold}%"})
