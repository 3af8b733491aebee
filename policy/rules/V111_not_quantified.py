"""V111: an output indicator (数量/质量) stated as prose with neither a number nor a grade."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.options import level2_list, word_list
from policy.authoring.examples import form, row
from policy.authoring.qualitative import grading_scale, is_question, yes_no_answer
from policy.authoring.values import all_measures, grade_of
from policy.authoring.wording import (
    DEFAULT_IGNORED_VAGUE_PHRASES,
    DEFAULT_VAGUE_PATTERNS,
    first_match,
    regex_list,
)


def _vague(text: str, patterns: tuple[str, ...], ignored: tuple[str, ...]) -> bool:
    """Whether W101 (vague wording) reports this value, with the word lists given: one note per
    cell."""
    phrase = first_match(text, patterns)
    return bool(phrase and phrase not in ignored)


class NotQuantified(Rule):
    code = "V111"
    name = "not-quantified"
    category = Category.VALUE
    severity = Severity.INFO
    summary = "An output or benefit indicator is prose with neither a number nor a grade"
    summary_zh = "产出或效益指标既未量化也未分级"
    rationale = (
        "Performance targets are to be quantified wherever possible; what cannot be quantified "
        "is stated as a graded qualitative value (优/良/中/差, 达到预期 …). Output quantities and "
        "qualities can nearly always be counted or graded; prose like '全媒体直播', or a benefit "
        "written as a sentence ('切实解决人民群众关注的实际问题'), sets no target an evaluator can score. "
        "长期/永久 under 可持续影响 is a graded duration and passes."
    )
    fix = "State a number with its unit (≥12期, 100%), or a grade (优良/达到预期)."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十四条（二）")
    options = {
        "level2": Option(("数量指标", "质量指标", "经济效益", "社会效益", "生态效益", "可持续影响"),
                         "二级 whose values must be quantified or graded", validate=level2_list),
        "duration_grades": Option(("长期", "中长期", "永久"), "values that grade a duration (可持续影响 长期)",
                                  validate=word_list),
        "vague_patterns": Option(
            DEFAULT_VAGUE_PATTERNS,
            "Vague phrases left to W101 (set to W101's `patterns` when you change those).",
            regex_list,
        ),
        "vague_ignore_phrases": Option(
            DEFAULT_IGNORED_VAGUE_PHRASES,
            "Vague phrases W101 does not report, so this rule does (W101's `ignore_phrases`).",
            word_list,
        ),
    }
    bad = (
        Example(form(row("产出指标", "质量指标", "质量要求", "网站、电视、电台、新媒体等全媒体直播")),
                note="prose", expect=("V111",)),
        Example(form(row("产出指标", "数量指标", "宣传活动", "按要求开展宣传")), note="prose", expect=("V111",)),
        Example(form(row("效益指标", "可持续影响", "非营利性民办园租房受益期限",
                         "保障疫情期间非营利性民办园房租需求,大力支出民办幼儿园发展")),
                note="regression (宁河 2020): a benefit written as a sentence", expect=("V111",)),
    )
    good = (
        Example(form(), note="numbers"),
        Example(form(row("产出指标", "质量指标", "服务周期内空气质量", "优良")), note="a grade"),
        Example(form(row("产出指标", "数量指标", "协调处置突发事件", "协调处置突发事件20次，开展应急演练")),
                note="a number inside prose"),
        Example(form(row("产出指标", "质量指标", "服务质量", "不断提升")),
                note="vague wording of W101's list is W101's, not repeated here"),
        Example(form(row("效益指标", "可持续影响", "历史文化资料保存期限", "长期")), note="a graded duration"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        level2 = ctx.options["level2"]
        durations = tuple(ctx.options["duration_grades"])
        for r in f.rows:
            if r.level2 not in level2 or not r.has_value or r.kind != "text" or r.damage is not None:
                continue
            value = r.value
            if grade_of(value) or all_measures(value) or r.text in durations:
                continue
            ind = r.ind
            if yes_no_answer(ind.name, ind.value_text) or is_question(ind.name) or grading_scale(ind.value_text):
                continue  # a yes/no indicator (V115) or a scale with no grade chosen (V116)
            if _vague(ind.value_text, ctx.options["vague_patterns"],
                      ctx.options["vague_ignore_phrases"]):
                continue  # 进一步提高, 明显改善: W101 reports the vague wording
            yield Finding("V111", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                                   "level2": ind.level2_text or r.level2},
                          location=where(ind, form), indicator=ind,
                          evidence={"指标值": ind.value_text.strip()})
