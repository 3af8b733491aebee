"""V117: a 社会成本/生态环境成本 row that states a benefit (提升, 改善, 增加 …), not a cost."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import level2_list, word_list

BENEFIT_WORDS = (
    "提升", "提高", "改善", "增加", "增强", "促进", "带动", "优化", "美化", "推动", "助力", "受益",
    "增收", "惠及",
)


class BenefitAsCost(Rule):
    code = "V117"
    name = "benefit-as-cost"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A 社会成本/生态环境成本 row states a benefit (提升, 改善, 增加 …) instead of a cost"
    summary_zh = "社会成本或生态环境成本指标填写的是效益（提升、改善、增加等），不是成本"
    rationale = (
        "A cost is what the project uses up or harms. Under the table that makes 成本指标 its own "
        "一级, 社会成本 and 生态环境成本 record the negative effects the project may cause (traffic "
        "disruption, dust, noise) and cap them. A row there that promises an improvement — "
        "'带动就业 ≥20人', '生态环境明显改善' — is a benefit filed as a cost: the benefit belongs "
        "under 效益指标, and the cost tier is left without a cost. An 经济成本 given as a rate "
        "or in words is V112's finding."
    )
    fix = ("Move the benefit to 效益指标 (社会效益/生态效益) and state the cost as a capped negative effect: "
           "施工期扬尘超标天数 ≤3天, 征地拆迁引发信访 ≤2件, or 无明显影响.")
    source = Source(SourceKind.DERIVED,
                    "derived: the form's own structure (a row under a 成本 tier states a gain)",
                    "A cost is a loss or a harm by its meaning; an improvement under a cost label contradicts the label.")
    options = {
        "benefit_words": Option(BENEFIT_WORDS, "words that make a name or value a benefit", validate=word_list),
        "level2": Option(("社会成本指标", "生态环境成本指标"), "the non-money cost tiers checked",
                         validate=level2_list),
    }
    bad = (
        Example(form(row("成本指标", "社会成本指标", "带动当地群众就业", "≥20人")),
                note="a benefit under 社会成本", expect=("V117",)),
        Example(form(row("成本指标", "生态环境成本指标", "生态环境", "明显改善")),
                note="a benefit under 生态环境成本", expect=("V117",)),
    )
    good = (
        Example(form(row("成本指标", "社会成本指标", "对周边居民出行的影响", "无明显影响"),
                     row("成本指标", "生态环境成本指标", "施工期扬尘超标天数", "≤3天")),
                note="negative effects, capped"),
        Example(form(row("效益指标", "社会效益", "带动当地群众就业", "≥20人")), note="the benefit filed as a benefit"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        words = tuple(ctx.options["benefit_words"])
        tiers = ctx.options["level2"]
        for r in f.rows:
            if r.level2 not in tiers or not r.filled:
                continue
            word = folded_contains_any(r.name, words) or folded_contains_any(r.text, words)
            if word is None:
                continue
            ind = r.ind
            yield Finding("V117", {"name": (ind.name or "").strip() or "—", "value": (ind.value_text or "").strip(),
                                   "level2": ind.level2_text or r.level2, "word": word},
                          location=where(ind, form), indicator=ind,
                          evidence={"二级指标": ind.level2_text or r.level2, "效益表述": word})
