"""S104: a row carries a value but no 三级 indicator name."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import period_args, require_rows, where
from policy.authoring.examples import form, row
from policy.authoring.grouping import one_per_root_cause


class ValueWithoutName(Rule):
    code = "S104"
    name = "value-without-name"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "A row has an indicator value but no 三级 indicator name"
    summary_zh = "有指标值但没有三级指标名称"
    rationale = (
        "A value without a name measures nothing anyone can identify; the budget system rejects "
        "三级 rows without a name. In extracted forms it is also how a cut-off or misplaced name shows."
    )
    fix = "Give the row its 三级 indicator name (or merge the value into the row it belongs to)."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (a row is saved only with its 三级 name)")
    bad = (
        Example(form(row("产出指标", "时效指标", None, "1小时内")), note="value, no name", expect=("S104",)),
        Example(form(row("效益指标", "社会效益", " ", "科学预判，有效处置")), note="blank name", expect=("S104",)),
        Example(form(row("产出指标", "时效指标", None, "1小时内"), row("效益指标", "社会效益", None, "≥90%")),
                note="names left out on many rows are one finding listing the values", expect=("S104.many",)),
    )
    good = (
        Example(form(), note="every row named"),
        Example(form(row("效益指标", "经济效益", None, None)), note="an empty template row is not a row with a value"),
    )

    def check(self, form, ctx):
        # names left out on many rows of one period are one root cause: one finding lists them
        return one_per_root_cause(self._unnamed(form), lambda f: "S104.many", key=lambda f: f.args["period"],
                                  label="指标值")

    def _unnamed(self, form):
        for r in require_rows(form, "S").rows:
            if r.has_value and not r.has_name:
                ind = r.ind
                yield Finding(
                    "S104",
                    {"value": ind.value_text.strip(), "level2": ind.level2_text or ind.level1_text or "—",
                     **period_args(ind.period)},
                    location=where(ind, form), indicator=ind,
                    evidence={"指标值": ind.value_text.strip()},
                )
