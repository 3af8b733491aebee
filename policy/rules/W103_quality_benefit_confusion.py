"""W103: quality wording filed under 效益, or benefit wording under 质量指标."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from policy.forms.hierarchy import BENEFIT_LEVEL2
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

QUALITY_WORDS = (
    "合格率",
    "达标率",
    "故障率",
    "验收",
    "完好率",
    "正确率",
    "准确率",
    "差错率",
    "优良率",
    "返工率",
)
BENEFIT_WORDS = (
    "治愈率",
    "增收",
    "带动",
    "收入增长",
    "经济效益",
    "社会效益",
    "生态效益",
    # environmental results: what the service achieves, not the quality of the service itself
    "空气质量",
    "环境质量",
    "水质",
)


def _ind(level1, level2, name, value):
    return {"level1": level1, "level2": level2, "name": name, "value": value}


class QualityBenefitConfusion(Rule):
    code = "W103"
    name = "quality-benefit-confusion"
    category = Category.WORDING
    severity = Severity.INFO
    summary = "Quality wording under 效益, or benefit wording under 质量指标"
    summary_zh = "质量类指标误填在效益指标下，或效益类指标误填在质量指标下"
    rationale = (
        "Quality indicators (合格率, 达标率, 故障率, 验收) measure the outputs themselves; benefit "
        "indicators (治愈率, 增收, 带动) measure what the outputs achieve. Filing guides note that "
        "the two are often confused, which leaves the benefit side without a real target."
    )
    fix = "Move the row to the right 二级, or rewrite it as what it should measure."
    source = Source(
        SourceKind.OFFICIAL_SECONDARY,
        "财政支出绩效评价管理暂行办法 第十三条: quality describes the products and services, benefits the effects",
        "Filing guides name quality/benefit confusion as a common mistake.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "quality_words": Option(
            QUALITY_WORDS, "Words of quality indicators.", word_list
        ),
        "benefit_words": Option(
            BENEFIT_WORDS, "Words of benefit indicators.", word_list
        ),
    }
    bad = (
        Example(
            {"indicators": [_ind("效益指标", "社会效益", "设备验收合格率", "100%")]},
            expect=("W103.quality-under-benefit",),
        ),
        Example(
            {"indicators": [_ind("产出指标", "质量指标", "带动农户增收", "≥500元/户")]},
            expect=("W103.benefit-under-quality",),
        ),
        Example(
            {"indicators": [_ind("产出指标", "质量指标", "服务周期内空气质量", "优良")]},
            note="regression (湘潭 2023): an environmental result filed as the quality of a dust-control service",
            expect=("W103.benefit-under-quality",),
        ),
    )
    good = (
        Example(
            {
                "indicators": [
                    _ind("产出指标", "质量指标", "设备验收合格率", "100%"),
                    _ind("效益指标", "经济效益", "带动农户增收", "≥500元/户"),
                ]
            }
        ),
        Example({"indicators": [_ind("效益指标", "社会效益", "群众知晓率", "≥90%")]}),
    )

    def check(self, form, ctx):
        quality, benefit = tuple(ctx.options["quality_words"]), tuple(ctx.options["benefit_words"])
        any_row = False
        for r in form.rows:
            ind = r.ind
            if not ind.name:
                continue
            if r.level2 in BENEFIT_LEVEL2:
                words, msg = quality, "W103.quality-under-benefit"
            elif r.level2 == "质量指标":
                words, msg = benefit, "W103.benefit-under-quality"
            else:
                continue
            any_row = True
            word = _first_word_in(ind.name, words)
            if word is None:
                continue
            yield Finding(
                msg,
                {
                    "name": ind.name,
                    "level2": ind.level2_text or r.level2,
                    "word": word,
                },
                location=ind.location or form.location,
                indicator=ind,
                evidence={
                    "二级指标": ind.level2_text or r.level2,
                    "三级指标": ind.name,
                },
            )
        if not any_row:
            raise NotApplicable("W.reason.no-quality-benefit")


def _first_word_in(name: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if w in name), None)
