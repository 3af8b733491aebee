"""V118: a multi-year duration ("分3年实施", "三年内完成") inside an annual indicator."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.rows import require_rows, where
from policy.authoring.wording import first_match, regex_list
from policy.forms.model import ANNUAL
from policy.options import level2_list

_YEARS = r"(?<![0-9〇零一二三四五六七八九十每近前去])(?:[2-9]|[1-9][0-9]|[两二三四五六七八九]|十[一二三四五六七八九]?)\s*个?"
MULTI_YEAR_PATTERNS = (
    rf"分{_YEARS}(?:年度|年)",
    rf"{_YEARS}(?:年度|年)之?内",
    rf"连续{_YEARS}(?:年度|年)",
    rf"{_YEARS}年(?:建成|完成|实施完毕|建设完成)",
    rf"{_YEARS}年(?:建设|实施)?周?期",
)


class MultiYearInAnnual(Rule):
    code = "V118"
    name = "multi-year-in-annual"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "An annual indicator states a multi-year duration (分3年实施, 三年内完成)"
    summary_zh = "年度指标中出现跨年度期限（如“分3年实施”“三年内完成”）"
    rationale = (
        "Evaluation follows the budget year, and a target is what the money is to achieve within "
        "its period: an annual indicator says what this year's funds deliver by year end. "
        "'分3年实施' or '三年内完成' describes the whole project, so the year-end evaluation cannot "
        "tell what was due this year. Lasting effects under 可持续影响 are not checked."
    )
    fix = ("State this year's share (本年度完成改造120户) and its deadline; keep the multi-year plan for the "
           "中长期 target.")
    source = Source(SourceKind.OFFICIAL_SECONDARY,
                    "财政支出绩效评价管理暂行办法 第十一条、第十二条")
    options = {
        "patterns": Option(MULTI_YEAR_PATTERNS, "regular expressions of a multi-year duration", validate=regex_list),
        "skip_level2": Option(("可持续影响",), "二级 whose durations may outlast the year", validate=level2_list),
    }
    bad = (
        Example(form(row("产出指标", "数量指标", "农村危房改造户数", "分3年实施，共改造360户")),
                note="the whole programme in the annual value", expect=("V118",)),
        Example(form(row("产出指标", "时效指标", "三年内完成全部道路硬化", "按计划推进")),
                note="in the name", expect=("V118",)),
    )
    good = (
        Example(form(), note="this year's numbers"),
        Example(form(row("效益指标", "可持续影响", "设施持续发挥效益年限", "三年内持续发挥效益")),
                note="a lasting effect under 可持续影响"),
        Example(form(row("产出指标", "时效指标", "项目完成时间", "2023年内完成")),
                note="2023年内 is a year, not a duration"),
        Example(form(row("产出指标", "数量指标", "农村危房改造户数", "分3年实施，共改造360户", period="long_term")),
                note="a multi-year plan belongs in the 中长期 table"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        patterns = tuple(ctx.options["patterns"])
        skip = ctx.options["skip_level2"]
        needs_year = patterns == MULTI_YEAR_PATTERNS
        for r in f.rows:
            if r.period != ANNUAL or not r.filled or r.level2 in skip:
                continue
            if needs_year and "年" not in r.name and "年" not in r.text:
                continue  # every default pattern needs a 年: most rows are answered without a regex
            ind = r.ind
            phrase = first_match(r.name, patterns) or first_match(r.text, patterns)
            if phrase is None:
                continue
            yield Finding("V118", {"name": (ind.name or "").strip() or "—", "value": (ind.value_text or "").strip(),
                                   "phrase": phrase},
                          location=where(ind, form), indicator=ind,
                          evidence={"三级指标": (ind.name or "").strip(), "跨年度表述": phrase})
