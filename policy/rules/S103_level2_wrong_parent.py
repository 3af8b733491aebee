"""S103: a 二级 filed under a 一级 it does not belong to (hierarchy.PARENTS)."""

from __future__ import annotations

from policy.forms.hierarchy import PARENTS
from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, require_rows, where
from policy.authoring.examples import form, row


class Level2WrongParent(Rule):
    code = "S103"
    name = "level2-wrong-parent"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A 二级 indicator stands under a 一级 it does not belong to"
    summary_zh = "二级指标归属的一级指标不正确"
    rationale = (
        "Each 二级 belongs to one 一级 (数量/质量/时效 to 产出, 经济效益… to 效益, 服务对象满意度 to "
        "满意度; cost to 产出 or its own 一级). A misplaced 二级 puts the target in the wrong "
        "dimension of the evaluation and is sent back by reviewers."
    )
    fix = "Move the rows to the 一级 the 二级 belongs to."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十三条: 数量/质量/时效/成本 describe the products and services, 经济/社会/环境效益 and 可持续影响 the effects",
                    "The 二级 of a product or service belong under 产出, those of an effect under 效益.")
    bad = (
        Example(form(row("效益指标", "社会公众或服务对象满意度指标", "市民满意度", "≥90%")),
                note="satisfaction 二级 filed under 效益指标", expect=("S103",)),
        Example(form(row("效益指标", "质量指标", "设备完好率", "≥98%")),
                note="质量指标 under 效益指标", expect=("S103",)),
    )
    good = (
        Example(form(), note="every 二级 under its 一级"),
        Example(form(row("成本指标", "成本指标", "场地租金", "≤2万元")), note="成本指标 as 一级 is allowed"),
        Example(form(row("项目完成指标", "数量指标", "扶助人数", "63人")), note="unknown 一级 label: not judged"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        seen: set[tuple[str, str, str]] = set()
        for period, rows in f.by_period:
            for r in rows:
                level1, level2 = r.level1, r.level2
                if level1 is None or level2 is None or level1 in PARENTS.get(level2, frozenset({level1})):
                    continue
                key = (period, level1, level2)
                if key in seen:
                    continue  # one finding per misplaced 二级, at its first row
                seen.add(key)
                ind = r.ind
                yield Finding(
                    "S103",
                    {"level2": ind.level2_text or level2, "level1": ind.level1_text or level1,
                     "expected": "/".join(sorted(PARENTS[level2])), **period_args(period)},
                    location=where(ind, form),
                    indicator=ind,
                    evidence={"一级指标": ind.level1_text or level1, "二级指标": ind.level2_text or level2},
                )
