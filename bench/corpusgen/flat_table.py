"""The Sichuan budget system's flat export: one indicator per row under a ``金额单位：元`` line.

Project-level cells (单位名称, 项目名称, 预算数, 年度目标) are filled on a project's first row
only; the operator, number and unit of a value sit in 指标性质 | 指标值 | 度量单位.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from bench.corpusgen.self_evaluation import fund_rows
from bench.corpusgen.spec import GenForm

UNIT_LINE = "金额单位：元"
HEADER = ("单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
          "度量单位", "权重", "指标方向性")


# A self-evaluation export (written to files of its own: a finance system exports 自评 apart). Its
# 资金项目 column names the 项目资金 row each row's 全年预算数 | 全年执行数 belong to.
SELF_HEADER = ("单位名称", "项目名称", "资金项目", "全年预算数", "全年执行数", "执行率", "执行率分值", "执行率得分",
               "总分", "年度目标", "实际完成情况", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
               "度量单位", "分值", "实际完成值", "得分", "偏差原因")


def self_rows(form: GenForm) -> Iterator[list]:
    """The rows of one self-evaluation, the i-th 项目资金 row beside the i-th indicator (on rows of
    their own when there are fewer indicators); amounts in 元 with two places."""
    e = form.evaluation
    funds = [[row, *((x * 10000).quantize(Decimal("0.01")) for x in (budget, spent))]
             for row, budget, spent in fund_rows(form)]
    scored = list(zip(form.indicators, e.weights, e.actuals))
    for i in range(max(len(scored), len(funds))):
        fund = funds[i] if i < len(funds) else ["", None, None]
        project = ([form.budget_unit, form.name, *fund, e.rate, 10, str(e.execution_score), str(e.total_score),
                    form.annual_goal, e.actual_goal] if i == 0 else ["", "", *fund, "", None, "", "", "", ""])
        if i >= len(scored):
            yield project + ["", "", "", "", "", "", None, "", "", ""]
            continue
        ind, weight, actual = scored[i]
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
