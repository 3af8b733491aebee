"""V105: a percentage outside [0, 100] where the name is not a growth or ratio."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row

GROWTH_WORDS = ("增长", "增幅", "增加", "增速", "提高", "提升", "比上年", "同比", "环比", "放大", "倍")


class PercentOutOfRange(Rule):
    code = "V105"
    name = "percent-out-of-range"
    category = Category.VALUE
    severity = Severity.ERROR
    summary = "A percentage lies outside 0–100% (e.g. 290%)"
    summary_zh = "百分比指标值超出0～100%"
    rationale = (
        "A rate, share or satisfaction cannot exceed 100% or fall below 0%. Published forms show "
        "'≥90%' extracted as '290%' (≥ read as 2): the target as written is impossible. "
        "Growth rates and multiples may exceed 100% and are exempt by name."
    )
    fix = "Correct the number (often a misread operator: 290% → ≥90%)."
    source = Source(SourceKind.DERIVED, "derived: the form's own row (a proportion of a whole lies in [0, 100]%)", "A proportion of a whole lies in [0, 100]%.")
    options = {"exempt_words": Option(GROWTH_WORDS, "names containing these may exceed 100%",
                                      validate=word_list)}
    bad = (
        Example(form(row("满意度指标", "服务对象满意度", "市民满意度调查", "290%")), note="≥ read as 2",
                expect=("V105",)),
        Example(form(row("产出指标", "质量指标", "验收合格率", "≥120%")), note="above 100", expect=("V105",)),
    )
    good = (
        Example(form(row("产出指标", "质量指标", "验收合格率", "≥100%")), note="exactly 100 is fine"),
        Example(form(row("效益指标", "经济效益", "农户收入比上年增长", "≥150%")), note="growth exempt"),
        Example(form(row("产出指标", "质量指标", "安全事故发生率", "<=0%")), note="0 is in range"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        exempt = tuple(ctx.options["exempt_words"])
        for r in f.measures:
            if r.dimension != "percent" or folded_contains_any(r.name, exempt):
                continue
            value = r.value  # a measure: its dimension is known
            numbers = (value.lo.number, value.hi.number) if r.kind == "range" else (value.number,)
            bad = [n for n in numbers if n < 0 or n > 100]
            if bad:
                ind = r.ind
                yield Finding("V105", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                                       "number": bad[0]},
                              location=where(ind, form), indicator=ind,
                              evidence={"指标值": ind.value_text.strip(), "允许范围": "0%～100%"})
