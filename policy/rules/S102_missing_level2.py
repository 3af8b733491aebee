"""S102: a 一级 that is present lacks a 二级 the filing guides expect (数量/质量/时效 …)."""

from __future__ import annotations

from typing import Any, Mapping

from policy.forms.hierarchy import LEVEL1, LEVEL2
from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, require_rows, where
from policy.authoring.examples import form, only, row


def _requirements(value: Any) -> dict[str, tuple[tuple[str, ...], ...]]:
    """{一级: [[二级 alternatives], ...]}: each inner list needs at least one of its 二级."""
    if not isinstance(value, Mapping):
        raise ValueError("expected a table 一级 = [[二级, ...], ...]")
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for level1, groups in value.items():
        if level1 not in LEVEL1:
            raise ValueError(f"unknown 一级 {level1!r}")
        if isinstance(groups, str) or not isinstance(groups, (list, tuple)):
            raise ValueError(f"{level1}: expected a list of lists of 二级")
        parsed = []
        for group in groups:
            names = (group,) if isinstance(group, str) else tuple(group)
            bad = [n for n in names if n not in LEVEL2]
            if bad or not names:
                raise ValueError(f"{level1}: unknown 二级 {bad}")
            parsed.append(names)
        out[level1] = tuple(parsed)
    return out


DEFAULT = {
    "产出指标": (("数量指标",), ("质量指标",), ("时效指标",)),
    "效益指标": (("经济效益", "社会效益", "生态效益", "可持续影响"),),
    "满意度指标": (("服务对象满意度",),),
}


class MissingLevel2(Rule):
    code = "S102"
    name = "missing-level2"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    summary = "A 一级 category lacks a 二级 the filing guides expect (e.g. 时效指标 under 产出指标)"
    summary_zh = "一级指标下缺少应有的二级指标"
    rationale = (
        "Filing guides break each 一级 down into fixed 二级: outputs into quantity, quality and "
        "timeliness, benefits into at least one of economic/social/ecological/sustainable impact, "
        "satisfaction into service-object satisfaction. A missing 二级 leaves that side of the "
        "output unmeasured. Missing cost is S101's (an official requirement)."
    )
    fix = "Add a 三级 indicator with a value under the missing 二级, or configure the requirement away."
    source = Source(SourceKind.PRACTICE, "practice: seen in 14 of 24 published forms (产出 broken down into 数量, 质量 and 时效); 财政支出绩效评价管理暂行办法 第十三条 (as reprinted)",
                    "Guides require each 一级 to be broken down into its 二级 with concrete values.")
    options = {
        "required": Option(DEFAULT, "一级 → list of 二级 groups; each group needs one filled 二级",
                           validate=_requirements),
    }
    bad = (
        Example(form(drop=("培训完成时间",)), note="产出指标 without 时效指标", expect=("S102",)),
        Example(form(drop=("培训人次", "培训完成率")), note="neither 数量 nor 质量", expect=("S102",)),
    )
    good = (
        Example(form(), note="数量/质量/时效 and a benefit present"),
        Example(form(row("效益指标", "可持续影响", "培训成果长效应用", "长期"),
                     drop=("学员履职能力提升率",)), note="any one benefit 二级 is enough"),
        Example(form(drop=("学员满意度", "学员履职能力提升率")),
                note="absent 一级 are S101's, not repeated here"),
        Example(only(row("实施效果指标", "产出指标", "新建村组道路", "≥12公里"),
                     row("实施效果指标", "效益指标", "受益人口", "≥3000人"),
                     row("满意度指标", "服务对象满意度", "受益群众满意度", "≥90%")),
                note="regression: the NDRC table has no 数量/质量/时效 or 经济/社会效益 tier"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "S")
        required = ctx.options["required"]
        if not form.scheme.subtiers:  # the NDRC table: 产出/效益 are themselves the 二级
            required = {k: v for k, v in required.items() if k not in ("产出指标", "效益指标")}
        for period, rows in f.by_period:
            by_level1: dict[str | None, list] = {}
            for r in rows:
                by_level1.setdefault(r.level1_of, []).append(r)
            for level1, groups in required.items():
                under = by_level1.get(level1)
                if not under:
                    continue  # the whole 一级 is missing: S101 reports it
                present = {r.level2 for r in under}
                for group in groups:
                    if present.isdisjoint(group):
                        blank = next((r.ind for r in f.ordered if r.period == period
                                      and r.level2 in group), None)
                        yield Finding(
                            "S102",
                            {"level1": level1, "level2": "/".join(group), **period_args(period)},
                            location=where(blank or under[0].ind, form),
                            evidence={"已填二级指标": "、".join(sorted(p for p in present if p)) or "—"},
                        )
