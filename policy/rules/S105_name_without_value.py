"""S105: a 三级 indicator name with an empty value ("指标值不能为空")."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, require_rows, where
from policy.authoring.examples import form, row
from policy.authoring.grouping import one_per_root_cause


class NameWithoutValue(Rule):
    code = "S105"
    name = "name-without-value"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "A 三级 indicator has a name but no value"
    summary_zh = "三级指标没有填写指标值"
    rationale = (
        "Every 三级 indicator needs a concrete target value; the budget system refuses to save "
        "a row with an empty 指标值 (\"指标值不能为空\"). A named row without a value can never be "
        "evaluated."
    )
    fix = "Fill in the target value (operator, number and unit, or a graded qualitative value)."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (message 指标值不能为空)")
    bad = (
        Example(form(row("产出指标", "质量指标", "设施设备验收合格率", None)), note="empty value", expect=("S105",)),
        Example(form(row("产出指标", "成本指标", "开展调研工作差旅费", "  ")), note="blank value", expect=("S105",)),
        Example(form(row("产出指标", "质量指标", "设施设备验收合格率", None),
                     row("产出指标", "时效指标", "项目完成时间", None)),
                note="values left out on many rows are one finding listing them", expect=("S105.many",)),
    )
    good = (
        Example(form(), note="every row has a value"),
        Example(form(row("产出指标", "质量指标", "设施设备验收合格率", "0%")), note="0% is a value"),
    )

    def check(self, form, ctx):
        # values left out on many rows of one period are one root cause: one finding lists them
        return one_per_root_cause(self._empty(form), lambda f: "S105.many", key=lambda f: f.args["period"])

    def _empty(self, form):
        for r in require_rows(form, "S").rows:
            if r.has_name and not r.has_value:
                ind = r.ind
                yield Finding(
                    "S105",
                    {"name": ind.name.strip(), "level2": ind.level2_text or ind.level1_text or "—",
                     **period_args(ind.period)},
                    location=where(ind, form), indicator=ind,
                    evidence={"三级指标": ind.name.strip()},
                )
