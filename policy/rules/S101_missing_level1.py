"""S101: a required 一级 (产出, 效益, 满意度) or any cost indicator is missing."""

from __future__ import annotations

from policy.forms.model import ANNUAL
from policy.api import Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, where
from policy.options import boolean, level1_list, level2_list
from policy.authoring.examples import form, only, row
from policy.authoring.values import name_wants_other_than_money

# The loader's issue id for a form whose indicator table is missing or unreadable.
NO_TABLE = "E103"


class MissingLevel1(Rule):
    code = "S101"
    name = "missing-level1"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "A required 一级 indicator category (产出/效益/满意度, or any cost line) has no indicator"
    summary_zh = "缺少必备的一级指标（产出、效益、满意度或成本）"
    rationale = (
        "中发〔2018〕34号 requires performance targets to cover outputs, cost, benefits "
        "(economic, social, ecological, sustainable) and service-object satisfaction. A 一级 "
        "category whose rows are all blank sets no target at all for that dimension."
    )
    fix = "Add at least one 三级 indicator with a value under the missing 一级 (cost under 产出指标 or as its own 一级)."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "中发〔2018〕34号《中共中央 国务院关于全面实施预算绩效管理的意见》, 强化绩效目标管理")
    options = {
        "required": Option(("产出指标", "效益指标", "满意度指标"),
                           "一级 categories that must each hold a filled 三级 row", validate=level1_list),
        "require_cost": Option(True, "require at least one cost row (成本指标 under 产出 or as 一级)",
                               validate=boolean),
        "misfiled_cost_level2": Option(
            ("质量指标", "时效指标"),
            "二级 where a money amount (预计经费 ≤15万元 under 质量指标) is a misfiled cost line: the form "
            "has its cost line, in the wrong place, which V108 reports — S101 does not report it twice. "
            "Money under 数量指标 is an input amount (V107), not a cost line, so it is not listed.",
            validate=level2_list),
    }
    bad = (
        Example(form(drop=("学员履职能力提升率",)), note="效益指标 left blank", expect=("S101",)),
        Example(form(drop=("人均培训成本",)), note="no cost line anywhere", expect=("S101.cost",)),
        Example(only(), note="no indicator rows at all", expect=("S101.empty",)),
    )
    good = (
        Example(form(), note="all four present"),
        Example(form(row("成本指标", "经济成本指标", "人均培训成本", "≤500元/人次"), drop=("人均培训成本",)),
                note="成本指标 as its own 一级 (财预〔2021〕101号)"),
        Example(form(row(None, "成本指标", "场地租金", "≤2万元"), drop=("人均培训成本",)),
                note="cost 二级 with the 一级 cell left blank"),
        Example(form(row("产出指标", "质量指标", "预计经费", "≤15万元"), drop=("人均培训成本",)),
                note="the cost line is misfiled under 质量指标: V108's finding, not a missing cost"),
        Example(form(row("效益指标", "服务对象满意度", "市民满意度", "≥90%"), drop=("学员满意度",)),
                note="regression (湘潭 2023): 满意度 filed under 效益 is there — S103 says it is "
                     "misplaced; 'missing 满意度' would say it twice"),
        Example(form(row("产出指标", "质量指标", "资助对象满意度", "95%以上"), drop=("学员满意度",)),
                note="regression (宁晋 2019): a satisfaction row misfiled under 质量 (S110's finding)"),
        Example(only(row("实施效果指标", "产出指标", "新建村组道路", "≥12公里"),
                     row("实施效果指标", "效益指标", "受益人口", "≥3000人"),
                     row("满意度指标", "服务对象满意度", "受益群众满意度", "≥90%")),
                note="regression: the 中央预算内投资 (NDRC) table — 产出/效益 are 二级 under "
                     "实施效果指标 and it has no cost tier"),
    )

    def check(self, form, ctx):
        required = ctx.options["required"]
        f = form
        periods = f.by_period
        if not periods and any(issue.message_id == NO_TABLE for issue in form.issues):
            # The loader found no readable indicator table and says so (E103): not checked here.
            raise InsufficientData("S.reason.no-indicator-table")
        if not periods or periods[0][0] != ANNUAL:
            # No annual target row at all: every category is missing; say it once.
            yield Finding("S101.empty", period_args(ANNUAL), location=form.location)
        scheme = form.scheme
        for period, rows in periods:
            present = {r.level1_of for r in rows}
            anchor = rows[0].ind
            for level1 in required:
                if level1 == "满意度指标" and any(_is_satisfaction(r) for r in rows):
                    continue  # satisfaction rows filed elsewhere: S103/S110 report where, once
                if level1 not in present:
                    blank = next((r.ind for r in f.ordered
                                  if r.period == period and r.level1_of == level1), None)
                    yield Finding("S101", {"level1": level1, **period_args(period)},
                                  location=where(blank or anchor, form),
                                  evidence={"已填一级指标": "、".join(sorted(p for p in present if p))})
            if not scheme.cost_tier:
                continue  # the template has no cost tier (the NDRC table)
            if ctx.options["require_cost"] and not _has_cost_line(rows, ctx.options["misfiled_cost_level2"]):
                blank = next((r.ind for r in f.ordered if r.period == period and r.is_cost), None)
                yield Finding("S101.cost", period_args(period),
                              location=where(blank or anchor, form))


def _is_satisfaction(r) -> bool:
    """A satisfaction row wherever it is filed: under a 满意度 二级, or named …满意度."""
    return r.level2 == "服务对象满意度" or (r.has_name and "满意度" in r.name)


def _has_cost_line(rows, misfiled_level2: tuple[str, ...]) -> bool:
    """A cost row, or a money amount under one of ``misfiled_level2`` on a row whose name wants
    no other unit (合格率 28.8万元 is a unit slip, V104's, not a cost line)."""
    for r in rows:
        if r.is_cost or (r.level2 in misfiled_level2 and r.dimension == "money"
                         and not name_wants_other_than_money(r.ind.name)):
            return True
    return False
