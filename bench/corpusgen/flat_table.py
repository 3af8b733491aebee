"""The Sichuan budget system's flat export: one indicator per row under a ``金额单位：元`` line.

Project-level cells (单位名称, 项目名称, 预算数, 年度目标) are filled on a project's first row
only; the operator, number and unit of a value sit in 指标性质 | 指标值 | 度量单位.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from bench.corpusgen.spec import GenForm

UNIT_LINE = "金额单位：元"
HEADER = ("单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
          "度量单位", "权重", "指标方向性")


# A self-evaluation export (written to files of its own: a finance system exports 自评 apart).
SELF_HEADER = ("单位名称", "项目名称", "全年预算数", "全年执行数", "执行率", "执行率分值", "执行率得分", "总分",
               "年度目标", "实际完成情况", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
               "分值", "实际完成值", "得分", "偏差原因")


def self_rows(form: GenForm) -> Iterator[list]:
    """The rows of one self-evaluation; amounts in 元 with two places."""
    e = form.evaluation
    yuan = [(x * 10000).quantize(Decimal("0.01")) for x in (e.budget, e.spent)]
    for i, (ind, weight, actual) in enumerate(zip(form.indicators, e.weights, e.actuals)):
        project = ([form.budget_unit, form.name, *yuan, e.rate, 10, str(e.execution_score), str(e.total_score),
                    form.annual_goal, e.actual_goal] if i == 0 else ["", "", None, None, "", None, "", "", "", ""])
        nature, number, unit = ind.value.split if ind.value is not None else ("", "", "")
        yield project + [ind.level1, ind.level2, ind.name or "", nature, number, unit, weight,
                         actual.text or "", str(actual.score), actual.deviation or ""]


def rows(form: GenForm) -> Iterator[list]:
    """The table rows of one form; 预算数 in 元 as a Decimal with two places."""
    budget = (form.total * 10000).quantize(Decimal("0.01"))
    for i, ind in enumerate(form.indicators):
        project = [form.budget_unit, form.name, budget, form.annual_goal] if i == 0 else ["", "", None, ""]
        nature, number, unit = ind.value.split if ind.value is not None else ("", "", "")
        yield project + [ind.level1, ind.level2, ind.name or "", nature, number, unit, ind.weight,
                         "反向" if nature == "≤" else "正向"]
