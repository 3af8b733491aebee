"""The 绩效自评表 parts of a document's grids, read beside the target-form recovery.

A self-evaluation prints what a target form does (项目名称, the 绩效指标 table) plus its own
blocks, recognised here by their labels, never by position:

- the 项目资金 execution block: a header row naming 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
  执行率 | 得分 (any order, any subset with 执行数), then one row per printed funding row
  (年度资金总额, 其中：财政拨款, 其他资金 …), each cell read under the header cell above it;
- 年度总体目标 with a 预期目标 | 实际完成情况 header row and the two texts below it;
- the indicator table's own columns (实际完成值, 分值, 得分, 偏差原因分析及改进措施), which the
  table reader keeps as extra columns and which become each indicator's ``Evaluation``;
- 一级 weights printed in the label ("产出指标(50分)") and the 总分 row under the table.

``SelfEvaluationPart`` collects them for one form; ``complete`` turns a form read by recovery into
a self-evaluation when any of these were seen (or its title says 自评), and leaves a target form
exactly as it was otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from checker.loaders import issues as ids
from checker.loaders.grid import Grid, GridCell, clean
from checker.loaders.text_head import FIELD_LABELS
from grammar.folding import nfkc, squash
from policy.forms.amounts import declared_unit, parse_amount
from policy.forms.figures import read_figure
from policy.forms.model import (
    SELF_EVALUATION,
    Amount,
    ExecutionRow,
    Figure,
    Form,
    Indicator,
    LoadIssue,
    Location,
)
from policy.forms.self_evaluation import with_evaluation

# A printed 一级 weight: "产出指标(50分)", "效益指标（30分）".
_LEVEL1_WEIGHT = re.compile(r"^(?P<label>.*?)\s*[（(]\s*(?P<num>[0-9]+(?:\.[0-9]+)?)\s*分\s*[)）]\s*$")
# The first cell of the 总分 row under the indicator table.
TOTAL_LABELS = frozenset({"总分", "合计", "总计", "得分合计", "总得分", "自评总分", "自评得分", "分值合计", "综合得分"})
# Those that name the score: without a 得分 column their one number is the total score (a 合计 row's
# one number is as often the weights' total).
_SCORE_TOTAL_LABELS = frozenset({"总分", "得分合计", "总得分", "自评总分", "自评得分", "综合得分"})
# Notes printed under a self-evaluation's table ("说明 | 无"): no field in the model, so said (E101).
_NOTE_LABELS = frozenset({"说明", "注", "备注", "情况说明"})
# Labels of the 年度总体目标 block and its two column headers.
_GOAL_BLOCK_LABELS = ("年度总体目标", "总体目标", "年度目标", "绩效目标")
_PLANNED_WORDS = ("预期目标", "年初设定目标", "年度目标", "计划目标", "目标值")
_ACTUAL_WORDS = ("实际完成情况", "全年实际完成情况", "完成情况", "实际完成")
# Labels of the project block that a self-evaluation names its own way.
_HEAD_ALIASES = {"主管部门": "budget_unit", "地方主管部门": "budget_unit", "项目主管部门": "budget_unit",
                 "县级主管部门": "budget_unit", "省级主管部门": "budget_unit", "资金使用单位": "implementer",
                 "转移支付(项目)名称": "name", "转移支付项目名称": "name", "专项资金名称": "name", "专项名称": "name"}

# Contact rows a self-evaluation prints beside its name (项目负责人及电话 | 黄某 0557-…): the model
# has no field for them, and the head reader would join them to the name.
_CONTACT_LABELS = frozenset({"项目负责人及电话", "负责人及电话", "项目负责人", "联系人及电话"})


def _label(text: str) -> str:
    """A label cell's text as the tables above spell it: no blanks, NFKC, no trailing colon."""
    return nfkc(squash(clean(text))).rstrip(":")


def is_name_label(text: str) -> bool:
    """A self-evaluation's own 项目名称 label (专项资金名称, 转移支付(项目)名称): a form starts there."""
    return _HEAD_ALIASES.get(_label(text)) == "name"


def is_self_evaluation_title(texts: Sequence[str]) -> bool:
    """A self-evaluation title row: one or two cells, the first naming a …自评表
    ("项目支出绩效自评表", "2020年度县级专项资金绩效目标自评表")."""
    if not 1 <= len(texts) <= 2 or len(texts[0]) > 120:
        return False
    text = squash(texts[0])
    pos = text.find("自评")
    return pos >= 0 and "表" in text[pos:]


def execution_role(text: str) -> str | None:
    """The 项目资金 column a header cell names: initial/budget/spent/weight/rate/score."""
    sq = squash(text)
    if "执行率" in sq:
        return "rate"
    if "执行数" in sq or "执行金额" in sq:
        return "spent"
    if "年初预算" in sq:
        return "initial"
    if "预算数" in sq or "调整后预算" in sq or "全年预算" in sq:
        return "budget"
    if "得分" in sq:
        return "score"
    if "分值" in sq or "权重" in sq:
        return "weight"
    return None


def evaluation_role(header: str) -> str | None:
    """The self-evaluation column an indicator table header names (kept by the table reader as
    an extra column): actual/weight/score/deviation."""
    sq = squash(header)
    if "原因" in sq or "偏差" in sq or "改进措施" in sq:
        return "deviation"
    if "得分" in sq:
        return "score"
    if "分值" in sq or "权重" in sq:
        return "weight"
    if "实际" in sq or "完成值" in sq:
        return "actual"
    return None


def _goal_header_role(text: str) -> str | None:
    sq = squash(text).rstrip(":：")
    if any(w in sq for w in _ACTUAL_WORDS):
        return "annual_actual"
    if any(sq.startswith(w) for w in _PLANNED_WORDS):
        return "annual"
    return None


# What a line holding a 项目资金 or 实际完成情况 header (``opens_block``) has: one search tells the
# lines of a target form, which are then never split into roles. (Callers test "执"/"完" first: a
# search of CJK text without a literal prefix costs ten times a substring test.)
BLOCK_WORDS = re.compile(r"执\s*行|完\s*成\s*情\s*况|实\s*际\s*完\s*成")


def _execution_header(cells: Sequence[GridCell]) -> list[tuple[str | None, GridCell]] | None:
    """The 项目资金 header row (执行数 with 预算数 or 执行率) as (role, cell) pairs, else None."""
    header = [(execution_role(c.text), c) for c in cells]
    roles = {r for r, _ in header if r}
    if "spent" in roles and ("budget" in roles or "rate" in roles):
        return header
    return None


def _goal_header(cells: Sequence[GridCell]) -> list[tuple[str | None, GridCell]] | None:
    """The 预期目标 | 实际完成情况 header row as (role, cell) pairs, else None."""
    goal_roles = [(_goal_header_role(c.text), c) for c in cells]
    if "annual_actual" in {r for r, _ in goal_roles} and "annual" not in {r for r, _ in goal_roles}:
        # "总体目标 | 全年实际完成情况": the block's label heads the planned column itself.
        goal_roles = [("annual" if r is None and squash(c.text).rstrip(":：") in _GOAL_BLOCK_LABELS else r, c)
                      for r, c in goal_roles]
    if {"annual", "annual_actual"} <= {r for r, _ in goal_roles}:
        return goal_roles
    return None


def _span(cell: GridCell) -> range:
    return range(cell.col, cell.col + cell.colspan)


def _unit_in(text: str) -> str | None:
    """The money unit a 项目资金 label names: "项目资金（万元）" → 万元, "金额单位：万元" → 万元."""
    found = declared_unit(text)
    if found:
        return found
    m = re.search(r"[（(]\s*(万元|元|千元|亿元)\s*[)）]", text)
    return m.group(1) if m else None


class SelfEvaluationPart:
    """What one form printed of a self-evaluation, fed by recovery row by row."""

    def __init__(self, path: str, title: str | None, report: Callable[[LoadIssue], None]) -> None:
        self.path = path
        self.report = report
        self.titled = title is not None and is_self_evaluation_title([title])
        self.evidence = False
        self.unit: str | None = None
        self.exec_columns: list[tuple[str, range]] | None = None
        self.exec_rows: list[ExecutionRow] = []
        self.goal_columns: list[tuple[str, range]] | None = None
        self.goals: dict[str, list[tuple[str, Location]]] = {"annual": [], "annual_actual": []}
        self.goal_header: Location | None = None  # the 预期目标 header cell: the block is printed
        self.head_text: dict[str, tuple[str, Location]] = {}
        self.score_column: int | None = None
        self.total_score: Figure | None = None

    # -- the project block ------------------------------------------------------------------------
    def feed_head(self, cells: list[GridCell], unit_hint: str | None) -> list[GridCell]:
        """Read the self-evaluation rows of the project block; returns the cells left for the
        target-form head reader (all of them for a row that is not a self-evaluation one)."""
        header = _execution_header(cells)
        if header is not None:
            self.evidence = True
            self.goal_columns = None
            self.exec_columns = [(r, _span(c)) for r, c in header if r]
            for role, cell in header:
                if role is None:
                    self.unit = self.unit or _unit_in(cell.text)
            self.unit = self.unit or unit_hint
            return []
        goal_roles = _goal_header(cells)
        if goal_roles is not None:
            self.evidence = True
            self.exec_columns = None
            self.goal_columns = [(r, _span(c)) for r, c in goal_roles if r]
            self.goal_header = next(c.location for r, c in goal_roles if r == "annual")
            return []
        if self.exec_columns is not None:
            if self._execution_row(cells, unit_hint):
                return []
            self.exec_columns = None
        if self.goal_columns is not None:
            if self._goal_row(cells):
                return []
            self.goal_columns = None
        return self._aliases(cells)

    def opens_block(self, cells: Sequence[GridCell]) -> bool:
        """Whether a row is the header of the 项目资金 block or of 预期目标 | 实际完成情况: on a
        text form not yet known as a self-evaluation, the rows worth giving to ``feed_head``."""
        return _execution_header(cells) is not None or _goal_header(cells) is not None

    def _execution_row(self, cells: list[GridCell], unit_hint: str | None) -> bool:
        """One row of the 项目资金 block: a label left of the header's columns and the cells
        under them. A row whose label is a project-block label ends the block."""
        columns = self.exec_columns or []
        taken = {c for _, span in columns for c in span}
        label_cells = [c for c in cells if c.col not in taken]
        funds = [c for c in label_cells if _is_funds_label(c.text)]
        if funds and len(funds) < len(label_cells):  # the block's merged label, printed after a page break
            label_cells = [c for c in label_cells if c not in funds]
            self._unit_below(funds[0].text)
        if not label_cells or any(_is_block_label(c.text) for c in label_cells):
            return False
        unit = self.unit or unit_hint or "元"
        values: dict[str, tuple[str, Location]] = {}
        for cell in cells:
            role = next((r for r, span in columns if cell.col in span), None)
            if role is not None and role not in values:
                values[role] = (cell.text, cell.location)
        money = {
            k: Amount(t, parse_amount(t, unit), loc)
            for k, (t, loc) in values.items() if k in ("initial", "budget", "spent")
        }
        figures = {k: read_figure(t, loc) for k, (t, loc) in values.items() if k in ("weight", "rate", "score")}
        label = " ".join(c.text for c in label_cells)
        self.exec_rows.append(ExecutionRow(row=label, location=label_cells[0].location, **money, **figures))
        return True

    def _unit_below(self, label: str) -> None:
        """The unit a 项目资金（万元） label names when it is printed below its header (the header
        row had none, nor had the form): rows read before it took 元, and are read again."""
        unit = _unit_in(label)
        if unit is None or self.unit is not None:
            return
        self.unit = unit
        self.exec_rows = [
            attrs.evolve(row, **{key: Amount(amount.text, parse_amount(amount.text, unit), amount.location)
                                 for key in ("initial", "budget", "spent") if (amount := getattr(row, key)) is not None})
            for row in self.exec_rows
        ]

    def _goal_row(self, cells: list[GridCell]) -> bool:
        """The texts under 预期目标 | 实际完成情况; a row with a cell elsewhere ends the block
        (the merged 年度总体目标 label beside them is skipped)."""
        columns = self.goal_columns or []
        placed = []
        for cell in cells:
            role = next((r for r, span in columns if cell.col in span), None)
            if role is None:
                if squash(cell.text).rstrip(":：") in _GOAL_BLOCK_LABELS:
                    continue
                return False
            placed.append((role, cell))
        for role, cell in placed:
            self.goals[role].append((cell.text, cell.location))
        return bool(placed)

    def _aliases(self, cells: list[GridCell]) -> list[GridCell]:
        """主管部门 / 资金使用单位 and the cell after each: read here, the rest passed on."""
        rest = []
        i = 0
        while i < len(cells):
            if _label(cells[i].text) in _CONTACT_LABELS:  # no field in the model: said, not joined
                for cell in cells[i: i + 2]:
                    self.report(ids.cell_warning(ids.UNPLACED_CELL, cell.location, text=cell.text))
                i += 2
                continue
            field = _HEAD_ALIASES.get(_label(cells[i].text))
            if field is not None and field not in self.head_text:
                if i + 1 < len(cells) and not _is_any_label(cells[i + 1].text):
                    self.head_text[field] = (cells[i + 1].text, cells[i + 1].location)
                    i += 2
                else:  # "主管部门 | (blank) | 实施单位 | …": the field printed, left blank
                    i += 1
                continue
            rest.append(cells[i])
            i += 1
        return rest

    # -- the indicator table ------------------------------------------------------------------------
    def start_table(self, extras: Sequence[tuple[int, str]]) -> None:
        """The indicator header's extra columns: a 实际完成值 or 得分 column marks a
        self-evaluation; the 得分 column is where the 总分 row prints the total. A header
        repeated where the table goes on may place its columns apart from the first one's (two
        tables of one page read as one grid): the 总分 row is under the last header read."""
        score = None
        for col, header in extras:
            role = evaluation_role(header)
            if role in ("actual", "score"):
                self.evidence = True
            if role == "score" and score is None:
                score = col
        if score is not None:
            self.score_column = score

    def total_row(self, grid: Grid, r: int) -> bool:
        """Whether row ``r`` is the 总分 row (read, not an indicator) or a 说明 note under the
        table (reported as unplaced): only on a self-evaluation.
        The total is the cell under the 得分 column, or the one number of a row that says 总分."""
        return self.total_cells([c for c in grid.row(r) if clean(c.text)])

    def total_cells(self, cells: Sequence[GridCell]) -> bool:
        """``total_row`` for a row's non-blank cells (a text line's, or a grid row's)."""
        if not (self.evidence or self.titled):
            return False
        label = squash(clean(cells[0].text)).rstrip(":：") if cells else ""
        if label in _NOTE_LABELS and cells[0].col == 0:
            for cell in cells:
                self.report(ids.cell_warning(ids.UNPLACED_CELL, cell.location, text=clean(cell.text)))
            return True
        if label not in TOTAL_LABELS:
            return False
        figures = [(c, read_figure(clean(c.text), c.location)) for c in cells[1:]]
        numbers = [(c, f) for c, f in figures if f is not None and f.number is not None]
        if self.score_column is not None:
            under = [f for c, f in figures if self.score_column in _span(c)]
            self.total_score = under[0] if under else None
        elif len(numbers) == 1 and label in _SCORE_TOTAL_LABELS:
            self.total_score = numbers[0][1]
        return True

    # -- the form -----------------------------------------------------------------------------------
    def complete(self, form: Form) -> Form:
        """``form`` as a self-evaluation with what was read, or, when nothing marked it, with only
        the fields its 主管部门/资金使用单位 rows gave (read here, so never dropped)."""
        changes = self._head_fields(form)
        if not (self.evidence or self.titled):
            return attrs.evolve(form, **changes) if changes else form
        weights: dict[str, Figure] = {}
        indicators = tuple(self._evaluated(i, weights) for i in form.indicators)
        goals = form.goals
        for key in ("annual", "annual_actual"):
            parts = self.goals[key]
            if parts:
                goals = attrs.evolve(goals, **{key: "\n".join(t for t, _ in parts), f"{key}_location": parts[0][1]})
        if goals.annual is None and goals.annual_location is None and self.goal_header is not None:
            goals = attrs.evolve(goals, annual_location=self.goal_header)  # printed, left blank
        funding = form.funding
        if funding.amount_unit is None and self.unit is not None:
            funding = attrs.evolve(funding, amount_unit=self.unit)
        return attrs.evolve(
            form, kind=SELF_EVALUATION, execution=tuple(self.exec_rows), goals=goals, funding=funding,
            indicators=indicators, level1_weights=weights, total_score=self.total_score, **changes,
        )

    def _head_fields(self, form: Form) -> dict:
        """The form's fields the aliases gave (主管部门 → budget_unit …) that its head left empty."""
        changes = {}
        for field, (text, loc) in self.head_text.items():
            if getattr(form, field) is None:
                changes[field] = text
                changes[f"{field}_location"] = loc
        return changes

    @staticmethod
    def _evaluated(ind: Indicator, weights: dict[str, Figure]) -> Indicator:
        """The indicator with its 实际完成值/分值/得分/偏差原因 columns moved out of ``extra``
        into its evaluation; a weight printed in its 一级 label recorded once per label."""
        row: dict[str, str] = {}
        extra = {}
        for header, text in ind.extra.items():
            role = evaluation_role(header)
            if role is not None and role not in row:
                row[role] = text
            else:
                extra[header] = text
        record_level1_weight(ind, weights)
        return with_evaluation(attrs.evolve(ind, extra=extra), row)


def record_level1_weight(ind: Indicator, weights: dict[str, Figure]) -> None:
    """A weight printed in the indicator's 一级 label ("产出指标(50分)"), recorded once per label."""
    m = _LEVEL1_WEIGHT.match(ind.level1_text or "")
    if m and m.group("label") and m.group("label") not in weights:
        weights[m.group("label")] = read_figure(m.group("num"), ind.location)


def _is_any_label(text: str) -> bool:
    """A project-block label of either form: the cell after a blank value, never a value."""
    sq = _label(text)
    return sq in _HEAD_ALIASES or sq in _CONTACT_LABELS or sq in FIELD_LABELS


def is_head_label(text: str) -> bool:
    """A label only a self-evaluation's project block prints (主管部门, 项目资金（万元）, 年度总体目标):
    below a 项目名称 row it shows a new form starts there, not a page head."""
    sq = _label(text)
    return sq in _HEAD_ALIASES or sq in _GOAL_BLOCK_LABELS[:1] or (_is_funds_label(sq) and _unit_in(sq) is not None)


def _is_funds_label(text: str) -> bool:
    """The 项目资金 block's own label (项目资金, 项目资金（万元）, 资金情况), not one of its rows."""
    return _label(text).startswith(("项目资金", "资金情况"))


def _is_block_label(text: str) -> bool:
    """A label that starts another part of the form: 年度总体目标, 绩效指标, 项目名称 …"""
    sq = squash(text).rstrip(":：")
    return sq in _GOAL_BLOCK_LABELS or sq in ("绩效指标", "项目名称") or _goal_header_role(text) is not None
