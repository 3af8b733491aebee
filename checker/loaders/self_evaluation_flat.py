"""Self-evaluation columns of a flat export (CSV, TSV, XLSX sheet, one indicator per row).

A finance system's 自评 export adds to the target-form columns each indicator's 实际完成值 | 得分 |
偏差原因 (分值 is already read as the weight) and, on the project's first row, the funds executed
(年初预算数 | 全年预算数 | 全年执行数 | 执行率 with its 分值 and 得分), the 总分 and the
年度目标完成情况. Any of them makes the project a self-evaluation; a target export's reading
does not change.

Without more, the execution columns are the project's 年度资金总额 row. An export that names the
row in a 资金项目 column carries the printed form's every 项目资金 row: each of the project's rows
whose 资金项目 cell is filled holds one (年度资金总额, 其中：财政拨款, 其他资金 …, on an indicator's
row or on a row of its own), the first row's unnamed one being 年度资金总额.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from checker.loaders.self_evaluation_grid import record_level1_weight
from policy.forms.amounts import parse_amount
from policy.forms.figures import read_figure
from policy.forms.model import SELF_EVALUATION, Amount, ExecutionRow, Figure, Form, Indicator, Location
from policy.forms.self_evaluation import with_evaluation

# Header label (whitespace removed) → column role, added to the flat reader's own.
SELF_EVALUATION_COLUMNS = {
    "实际完成值": "actual",
    "全年实际完成值": "actual",
    "全年实际值": "actual",
    "全年完成值": "actual",
    "实际值": "actual",
    "完成值": "actual",
    "得分": "score",
    "自评得分": "score",
    "偏差原因": "deviation",
    "偏差原因分析及改进措施": "deviation",
    "未完成原因": "deviation",
    "未完成原因分析": "deviation",
    "未完成原因和改进措施": "deviation",
    "年初预算数": "exec_initial",
    "全年预算数": "exec_budget",
    "调整后预算数": "exec_budget",
    "全年执行数": "exec_spent",
    "预算执行数": "exec_spent",
    "执行率": "exec_rate",
    "预算执行率": "exec_rate",
    "执行率分值": "exec_weight",
    "预算执行率分值": "exec_weight",
    "执行率得分": "exec_score",
    "预算执行率得分": "exec_score",
    "总分": "total_score",
    "自评总分": "total_score",
    "实际完成情况": "annual_actual",
    "年度目标完成情况": "annual_actual",
    "年度总体目标完成情况": "annual_actual",
    "资金项目": "exec_row",
    "资金类别": "exec_row",
}
EVALUATION_ROLES = ("actual", "score", "deviation")
EXECUTION_ROLES = ("exec_initial", "exec_budget", "exec_spent", "exec_rate", "exec_weight", "exec_score")
PROJECT_ROLES = (*EXECUTION_ROLES, "total_score", "annual_actual")
# The execution columns describe the project's whole funds: the row a printed form calls so.
EXECUTION_ROW = "年度资金总额"


def is_self_evaluation_header(roles: Mapping[str, int]) -> bool:
    return any(r in roles for r in (*EVALUATION_ROLES, *PROJECT_ROLES))


def evaluated(ind: Indicator, cells: Mapping[str, str | None], weight_text: str | None) -> Indicator:
    """The indicator with its 实际完成值/得分/偏差原因 cells, and a weight the amount reader
    could not read ("8分") read as a figure (then no longer kept as an extra column)."""
    out = with_evaluation(ind, {**cells, "weight": weight_text})
    if weight_text is not None and out.weight is not None and out.extra.get("权重") == weight_text:
        out = attrs.evolve(out, extra={k: v for k, v in out.extra.items() if k != "权重"})
    return out


Cells = Mapping[str, tuple[str, Location]]


def execution_row(label: str, cells: Cells, unit: str, fallback: Location | None) -> ExecutionRow:
    """One 项目资金 row from its execution cells (role → text and place)."""
    def amount(role: str) -> Amount | None:
        if role not in cells:
            return None
        text, loc = cells[role]
        return Amount(text, parse_amount(text, unit), loc)

    def figure(role: str) -> Figure | None:
        return read_figure(cells[role][0], cells[role][1]) if role in cells else None

    present = [r for r in EXECUTION_ROLES if r in cells]
    return ExecutionRow(
        row=label, initial=amount("exec_initial"), budget=amount("exec_budget"),
        spent=amount("exec_spent"), weight=figure("exec_weight"), rate=figure("exec_rate"),
        score=figure("exec_score"), location=cells[present[0]][1] if present else fallback,
    )


def self_evaluation_form(form: Form, project: Cells, unit: str, columns: Mapping[str, int],
                         rows: Sequence[tuple[str, Cells, Location]] | None = None) -> Form:
    """``form`` as a self-evaluation with the project's execution, 总分 and 完成情况 cells. An
    export with execution columns has the 年度资金总额 row, blank or not, as the printed form;
    one with a 资金项目 column has the ``rows`` it named (label, cells, the label's place)."""
    execution: tuple[ExecutionRow, ...] = ()
    if rows:
        execution = tuple(execution_row(label, cells, unit, where) for label, cells, where in rows)
    elif any(r in columns for r in EXECUTION_ROLES):
        execution = (execution_row(EXECUTION_ROW, project, unit, form.location),)
    goals = form.goals
    if "annual_actual" in project:
        text, loc = project["annual_actual"]
        goals = attrs.evolve(goals, annual_actual=text, annual_actual_location=loc)
    total = project.get("total_score")
    weights: dict[str, Figure] = {}
    for ind in form.indicators:
        record_level1_weight(ind, weights)
    return attrs.evolve(
        form, kind=SELF_EVALUATION, execution=execution, goals=goals, level1_weights=weights,
        total_score=read_figure(total[0], total[1]) if total else None,
    )
