"""Lay a canonical self-evaluation mapping out as a 绩效自评表 prints it, for the writers in
bench/corpusgen/documents.py (``to_html(forms, pick, layout=selfeval_tables)`` …), used by the
generator's document formats and the round-trip tests: the project head, the 项目资金 block under
its 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 header, 年度总体目标 with
预期目标 | 实际完成情况, the indicator table with merged 一级/二级 labels (a 一级 weight printed
in its label, "产出指标（50分）"), possibly broken in two with the header repeated, and the 总分 row.
"""

from __future__ import annotations

from decimal import Decimal

from bench.corpusgen.documents import Pick, Table

EXECUTION_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施")


def _cell(value) -> str:
    return "" if value is None else str(value)


def selfeval_tables(form: dict, pick: Pick) -> tuple[list[str], list[Table]]:
    """(prose lines above the tables, the tables) of one canonical self-evaluation mapping whose
    amounts are written in 万元."""
    head = Table()
    head.add_row([("项目名称", 1, 1), (_cell(form.get("name")), 1, 7)])
    head.add_row([(pick(["主管部门", "预算部门"]), 1, 1), (_cell(form.get("budget_unit")), 1, 3),
                  ("实施单位", 1, 1), (_cell(form.get("implementer")), 1, 3)])
    execution = form.get("execution") or []
    if execution:
        head.add_row([("项目资金（万元）", len(execution) + 1, 1), ("", 1, 1)]
                     + [(h, 1, 1) for h in EXECUTION_HEADER])
        for e in execution:
            head.add_row([(e["row"], 1, 1)] + [(_cell(e.get(k)), 1, 1) for k in
                                               ("initial", "budget", "spent", "weight", "rate", "score")])
    goals = form.get("goals") or {}
    head.add_row([("年度总体目标", 2, 1), ("预期目标", 1, 3), ("实际完成情况", 1, 4)])
    head.add_row([(_cell(goals.get("annual")), 1, 3), (_cell(goals.get("annual_actual")), 1, 4)])
    tables = [head]
    rows = form["indicators"]
    split = pick([None, None] + list(range(1, len(rows)))) if len(rows) > 1 else None
    parts = [rows] if split is None else [rows[:split], rows[split:]]
    weights = form.get("level1_weights") or {}
    for n, part in enumerate(parts):
        table = Table()
        table.add_row([(h, 1, 1) for h in INDICATOR_HEADER])
        _indicator_rows(table, part, weights)
        if n == len(parts) - 1:
            table.add_row([("总分", 1, 5), (_total_weight(rows), 1, 1), (_cell(form.get("total_score")), 1, 1),
                           ("", 1, 1)])
        tables.append(table)
    prose = [form["title"]] + (["单位：万元"] if pick([False, True]) else [])
    return prose, tables


def _total_weight(rows: list[dict]) -> str:
    """The 分值 column's total, blank when a weight is not a plain number ("20%", "8分")."""
    try:
        return str(sum((Decimal(str(r["weight"])) for r in rows if r.get("weight")), Decimal(0)))
    except ArithmeticError:
        return ""


def _indicator_rows(table: Table, rows: list[dict], weights: dict) -> None:
    """One table row per indicator, 一级 and 二级 merged over their runs."""
    def run(i: int, depth: int) -> int:
        key = ("level1", "level2")[:depth]
        n = 1
        while i + n < len(rows) and all(rows[i + n][k] == rows[i][k] for k in key):
            n += 1
        return n

    for i, r in enumerate(rows):
        cells = []
        if i == 0 or rows[i - 1]["level1"] != r["level1"]:
            label = _cell(r["level1"])
            if label in weights:
                label = f"{label}（{weights[label]}分）"
            cells.append((label, run(i, 1), 1))
        if i == 0 or (rows[i - 1]["level1"], rows[i - 1]["level2"]) != (r["level1"], r["level2"]):
            cells.append((_cell(r["level2"]), run(i, 2), 1))
        cells += [(_cell(r.get(k)), 1, 1) for k in ("name", "target", "actual", "weight", "score", "deviation")]
        table.add_row(cells)
