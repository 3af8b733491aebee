"""V113: a percentage whose name is not a rate, a share or a degree: a percent of nothing."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.rows import folded_contains_any, require_rows, where
from policy.options import word_list

# Words that make a name a proportion of something: a rate, a share, a degree, a change. Forms
# write 及时性 100% and 任务完成 100% for 及时率 and 完成率 — loose, but the base is clear: not
# reported (precision first; the seed's 出版物合法性 100% and 社会关注度 ≥90% pass).
BASE_WORDS = (
    "率", "比例", "占比", "比重", "比值", "百分比", "份额", "度", "性", "指数", "满意", "完成", "覆盖面",
    "增长", "增幅", "降幅", "下降", "降低", "提高", "提升", "减少", "节约",
)


class PercentWithoutBase(Rule):
    code = "V113"
    name = "percent-without-base"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A percentage target whose name is not a rate, share or degree (促进社会和谐 ≥90%)"
    summary_zh = "百分比指标值的名称不是比率、占比或程度，百分比没有基数"
    rationale = (
        "A percentage is a part of a whole. '建档立卡学生全面覆盖 100%' or '促进人口与经济、社会、资源、"
        "环境协调和可持续发展 100%' do not say of what: the year-end evaluation has nothing to divide "
        "by and cannot tell whether the target was met."
    )
    fix = "Name the rate and its base (建档立卡学生资助覆盖率 = 受助人数 ÷ 建档立卡学生数), or state a count."
    source = Source(SourceKind.DERIVED, "derived: the form's own row (a percentage needs a base its name states)",
                    "A percentage is a proportion of a whole; a name that is no rate, share or degree names no whole.")
    options = {
        "base_words": Option(BASE_WORDS, "words that make a name a rate, share, degree or change",
                             validate=word_list),
    }
    bad = (
        Example(form(row("效益指标", "社会效益", "促进人口与经济、社会、资源、环境协调和可持续发展", "100%")),
                note="regression (昭化 2021): a development aim with a percentage", expect=("V113",)),
        Example(form(row("产出指标", "质量指标", "建档立卡学生全面覆盖", "100%")),
                note="regression (宁晋 2019): coverage without a rate", expect=("V113",)),
    )
    good = (
        Example(form(), note="培训完成率, 学员履职能力提升率, 学员满意度"),
        Example(form(row("产出指标", "数量指标", "理论教育和党性教育课时比例", "70%")), note="a share"),
        Example(form(row("效益指标", "经济效益", "农民人均收入增长", "≥5%")), note="a relative change"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        words = tuple(ctx.options["base_words"])
        for r in f.measures:
            if r.dimension != "percent" or not r.has_name or folded_contains_any(r.name, words):
                continue
            ind = r.ind
            yield Finding("V113", {"name": ind.name.strip(), "value": ind.value_text.strip()},
                          location=where(ind, form), indicator=ind,
                          evidence={"三级指标": ind.name.strip(), "指标值": ind.value_text.strip()})
