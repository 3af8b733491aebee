"""W101: vague, unverifiable wording in an indicator value."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from policy.options import word_list
from policy.authoring import vague_phrases
from policy.authoring.wording import (
    DEFAULT_IGNORED_VAGUE_PHRASES,
    DEFAULT_VAGUE_PATTERNS,
    first_match,
    regex_list,
)


def _ind(level2, name, value, level1="效益指标"):
    return {"level1": level1, "level2": level2, "name": name, "value": value}


class VagueWording(Rule):
    code = "W101"
    name = "vague-wording"
    category = Category.WORDING
    severity = Severity.WARNING
    summary = "An indicator value is vague wording with nothing to measure"
    summary_zh = "指标值为“持续提升”“不断增强”等模糊表述，无法衡量"
    rationale = (
        "A target such as 持续提升 or 不断增强 cannot be met or missed: at the end of the year "
        "nobody can say whether it was achieved. Review checklists list such wording as a "
        "finding; the value should be a number, a rate, or a graded qualitative level."
    )
    fix = "State a measurable target (≥95%, 较上年提高5个百分点) or a graded level (优/良/中/差)."
    source = Source(
        SourceKind.OFFICIAL_SECONDARY,
        "财政支出绩效评价管理暂行办法 第十四条（二）; practice: seen in "
        f"{vague_phrases.FORMS_WITH_ANY} of {vague_phrases.FORMS_COUNTED} published forms "
        "(the default phrases, each seen in an indicator value: tools/vague_words.py)",
        "Review checklists list vague target wording as a finding. The default list holds only "
        "phrases seen in published forms' indicator values; add your own with `patterns`.",
        citation_args={"seen": vague_phrases.FORMS_WITH_ANY, "counted": vague_phrases.FORMS_COUNTED},
    )
    options: ClassVar[Mapping[str, Option]] = {
        "patterns": Option(
            DEFAULT_VAGUE_PATTERNS,
            "Regular expressions of vague phrases; the default is the phrases seen in published "
            "forms' indicator values (rebuilt by tools/vague_words.py).",
            regex_list,
        ),
        "ignore_phrases": Option(
            DEFAULT_IGNORED_VAGUE_PHRASES,
            "Matched phrases not reported here: timeliness words are V109's/V111's business, "
            "and 长期/永久 are real archive retention periods.",
            word_list,
        ),
        "skip_level2": Option(
            ("时效指标",),
            "二级 whose values are left to other rules (V109 reports uncheckable timeliness).",
            word_list,
        ),
    }
    bad = (
        Example(
            {"indicators": [_ind("社会效益", "社会影响力", "持续提升")]},
            expect=("W101",),
        ),
        Example(
            {
                "indicators": [
                    _ind("可持续影响", "群众获得感", "不断增强人民群众的获得感"),
                    _ind("社会效益", "社会认可度", "广大市民更加理解和支持政府工作"),
                ]
            },
            note="two different vague phrasings",
            expect=("W101",),
        ),
    )
    good = (
        Example(
            {
                "indicators": [
                    _ind("社会效益", "群众满意度提升", "较上年提高5%"),
                    _ind("社会效益", "服务质量", "优良"),
                ]
            },
            note="a number or a grade is measurable",
        ),
        Example(
            {
                "indicators": [
                    _ind("时效指标", "印发时间", "适时印发", "产出指标"),
                    _ind("时效指标", "问题整改时限", "更加及时", "产出指标"),
                    _ind("可持续影响", "资料保存期限", "长期"),
                ]
            },
            note="timeliness is V109's business (更加及时 under 时效指标 is its finding); 长期 is an archive retention period",
        ),
    )

    def check(self, form, ctx):
        skip = ctx.options["skip_level2"]
        patterns = tuple(ctx.options["patterns"])
        any_value = False
        for r in form.rows:
            ind = r.ind
            if not ind.value_text or r.level2 in skip or (ind.level2_text or "") in skip:
                continue
            any_value = True
            if r.kind not in (None, "text") or r.damage:
                continue
            v = r.value
            if getattr(v, "quantities", ()) or getattr(v, "grade", None):
                continue  # there is a number or a grade to measure against
            phrase = first_match(ind.value_text, patterns)
            if phrase is None or phrase in ctx.options["ignore_phrases"]:
                continue
            yield Finding(
                "W101",
                {
                    "name": ind.name or "（无名称）",
                    "value": ind.value_text,
                    "phrase": phrase,
                },
                location=ind.location or form.location,
                indicator=ind,
                evidence={"指标值": ind.value_text, "模糊表述": phrase},
            )
        if not any_value:
            raise NotApplicable("W.reason.no-values")
