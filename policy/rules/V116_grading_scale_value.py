"""V116: a qualitative value that is the grading scale itself, with no grade chosen."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.qualitative import FAILING_GRADES, LOWER_GRADES, SCALE_GRADES, folded_grading_scale
from policy.authoring.rows import require_rows, where
from policy.options import word_list


class GradingScaleValue(Rule):
    code = "V116"
    name = "grading-scale-value"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A qualitative value lists the whole grading scale (好、较好、一般) and chooses no grade"
    summary_zh = "定性指标值只列出了评价等级（好、较好、一般），没有选定目标等级"
    rationale = (
        "What cannot be quantified is stated as graded levels: the target names the level to reach "
        "(优良, 达到预期). A value that prints the whole scale — '好、较好、一般', '优/良/中/差', "
        "'优良中低差' — chooses none of them, so any result meets it and the year-end evaluation "
        "has no target to score against."
    )
    fix = "Keep the one grade the project aims at (优, or 良及以上), or state a measure instead."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十四条（二）")
    options = {
        "grades": Option(SCALE_GRADES, "grades that make up a rating scale", validate=word_list),
        "failing_grades": Option(FAILING_GRADES,
                                 "bottom grades: two grades count as a scale only with one of these (合格/不合格)",
                                 validate=word_list),
        "lower_grades": Option(LOWER_GRADES,
                               "grades below the top: three or more grades count as a scale only with one of these",
                               validate=word_list),
    }
    bad = (
        Example(form(row("效益指标", "社会效益", "社会影响", "好、较好、一般")), note="a scale of three",
                expect=("V116",)),
        Example(form(row("效益指标", "可持续影响", "铁路沿线环境及安全整治管理机制健全性", "定性 | 优良中低差")),
                note="regression (铁路沿线 self-evaluation): the split layout's scale, no grade",
                expect=("V116",)),
        Example(form(row("产出指标", "质量指标", "工程质量", "合格/不合格")), note="pass or fail left open",
                expect=("V116",)),
    )
    good = (
        Example(form(row("产出指标", "质量指标", "服务周期内空气质量", "优良")), note="one grade"),
        Example(form(row("产出指标", "质量指标", "工程质量等级", "优、良")),
                note="two upper grades may be the target 优 or 良: not reported"),
        Example(form(row("产出指标", "质量指标", "工程验收", "完成、达标、合格")),
                note="achievements listed, no grade below the top: no scale"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        grades = tuple(ctx.options["grades"])
        failing = tuple(ctx.options["failing_grades"])
        lower = tuple(ctx.options["lower_grades"])
        for r in f.rows:
            if not r.has_value or r.kind != "text" or r.damage is not None:
                continue
            scale = folded_grading_scale(r.text, grades, failing, lower)
            if scale is None:
                continue
            ind = r.ind
            yield Finding("V116", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                                   "grades": "、".join(scale)},
                          location=where(ind, form), indicator=ind,
                          evidence={"指标值": ind.value_text.strip()})
