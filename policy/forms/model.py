"""The form model: what a loader produces and what every rule reads.

Everything is frozen attrs. A cell that is missing on the form stays ``None``; the model never
invents a value. Every piece that came from a cell carries the ``Location`` it came from, so a
diagnostic can point at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from grammar.ast import Value
from policy.forms.hierarchy import canonical_level1, canonical_level2

# Canonical keys of the 项目资金来源 block, in form order.
SOURCE_KEYS = (
    "合计",
    "一般公共预算收入",
    "政府性基金预算收入",
    "国有资本经营预算收入",
    "社会保险基金收入",
    "其他收入",
)

# Form kinds: the 绩效目标表 a project is approved with, and the year-end 绩效自评表 against it.
TARGET = "target"
SELF_EVALUATION = "self_evaluation"
FORM_KINDS = (TARGET, SELF_EVALUATION)

ANNUAL = "annual"
LONG_TERM = "long_term"
PERIODS = (ANNUAL, LONG_TERM)


@attrs.frozen
class Location:
    """Where something came from. line/column are 1-based; sheet/cell only for spreadsheets."""

    path: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def with_position(self, line: int | None, column: int | None = None) -> Location:
        return attrs.evolve(self, line=line, column=column)


@attrs.frozen
class Amount:
    """A money cell: the text as written and its value in 元 (None when blank or unreadable)."""

    text: str | None
    yuan: Decimal | None
    location: Location | None = None


@attrs.frozen
class Funding:
    """项目资金 and 项目资金来源. All amounts in 元. ``sources`` is keyed by SOURCE_KEYS."""

    total: Amount | None = None  # 年度资金总额
    fiscal: Amount | None = None  # 其中：财政拨款 (annual)
    other: Amount | None = None  # 其他资金 (annual)
    long_term_total: Amount | None = None  # 中长期资金总额
    long_term_fiscal: Amount | None = None
    long_term_other: Amount | None = None
    previous_years: Amount | None = None  # 延续项目以前年度预算安排
    procurement: Amount | None = None  # 政府采购
    purchase_services: Amount | None = None  # 政府购买服务
    sources: Mapping[str, Amount] = attrs.field(factory=dict)
    amount_unit: str | None = None  # the unit the form declared (元 / 万元), if any


@attrs.frozen
class Checkbox:
    """One option of a checkbox row, as printed, and whether it was ticked."""

    label: str
    checked: bool


@attrs.frozen
class Attributes:
    """项目属性, 项目期限, 立项依据.

    ``kind_checked``/``term_checked`` keep every ticked option so rules can see "none" or "two";
    ``kind``/``term`` are the single normalised choice ("新增"/"延续", "一次性"/"经常性") only when
    exactly one was ticked.
    """

    kind_checked: tuple[str, ...] = ()
    term_checked: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    kind_options: tuple[Checkbox, ...] = ()
    term_options: tuple[Checkbox, ...] = ()
    basis_options: tuple[Checkbox, ...] = ()
    kind_location: Location | None = None
    term_location: Location | None = None
    basis_location: Location | None = None

    @property
    def kind(self) -> str | None:
        return _single(self.kind_checked, ("新增", "延续"))

    @property
    def term(self) -> str | None:
        return _single(self.term_checked, ("一次性", "经常性"))


def _single(checked: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    if len(checked) != 1:
        return None
    for name in names:
        if name in checked[0]:
            return name
    return checked[0]


@attrs.frozen
class Goals:
    """总体目标. ``long_term_label`` keeps the printed header, e.g. 中长期目标（20**年-20**年）."""

    long_term: str | None = None
    annual: str | None = None
    long_term_label: str | None = None
    long_term_location: Location | None = None
    annual_location: Location | None = None
    annual_actual: str | None = None  # 实际完成情况 (self-evaluation forms)
    annual_actual_location: Location | None = None


@attrs.frozen
class Figure:
    """A printed score, weight or rate: the text as written and the number it reads as.

    A rate keeps its percent: "96.4%" reads 96.4 with ``percent`` True; "0.964" reads 0.964.
    ``number`` is None when the cell is blank or not a number ("/", "——").
    """

    text: str | None
    number: Decimal | None
    percent: bool = False
    location: Location | None = None

    @property
    def fraction(self) -> Decimal | None:
        """The figure as a fraction when it is a rate: "96.4%" → 0.964; a bare number is taken
        as a fraction when it is at most 1 and as a percentage otherwise."""
        if self.number is None:
            return None
        if self.percent or self.number > 1:
            return self.number / 100
        return self.number


@attrs.frozen
class ExecutionRow:
    """One printed row of a self-evaluation's 项目资金 block (年度资金总额, 其中：财政拨款 …).

    Money cells are ``Amount`` in 元 like the target form's funding; 分值/执行率/得分 are
    ``Figure`` as printed (most rows leave them blank or "/").
    """

    row: str  # the label as printed
    initial: Amount | None = None  # 年初预算数
    budget: Amount | None = None  # 全年预算数 (调整后预算数)
    spent: Amount | None = None  # 全年执行数
    weight: Figure | None = None  # 分值 / 权重
    rate: Figure | None = None  # 执行率
    score: Figure | None = None  # 得分
    location: Location | None = None


@attrs.frozen
class Evaluation:
    """A self-evaluation's columns beside one indicator's approved target (``Indicator.value``):
    实际完成值 as printed and as the grammar reads it, 得分, and 偏差原因分析及改进措施."""

    actual_text: str | None = None
    actual: Value | None = None
    score: Figure | None = None
    deviation: str | None = None
    location: Location | None = None


@attrs.frozen
class Indicator:
    """One 三级 row of the 绩效指标 table.

    ``level1``/``level2`` are canonical names (policy/forms/hierarchy.py) or None when the form gave none or an
    unknown one; ``level1_text``/``level2_text`` are what the form printed. ``value`` is the
    grammar's parse of ``value_text`` (None when the cell is empty).
    """

    level1_text: str | None
    level2_text: str | None
    name: str | None
    value_text: str | None
    period: str = ANNUAL
    location: Location | None = None
    value: Value | None = None  # the grammar's reading of value_text
    weight: Decimal | None = None
    extra: Mapping[str, str] = attrs.field(factory=dict)  # other columns kept as written
    value_location: Location | None = None  # the value cell, when it is not where the name is
    evaluation: Evaluation | None = None  # self-evaluation forms only

    @property
    def level1(self) -> str | None:
        return canonical_level1(self.level1_text)

    @property
    def level2(self) -> str | None:
        return canonical_level2(self.level2_text)


@attrs.frozen
class LoadIssue:
    """Something a loader could not place or read. Message id + named args, like a diagnostic."""

    message_id: str
    args: Mapping[str, Any]
    location: Location
    severity: str = "warning"  # "error" for unreadable input, "warning" for an unplaced cell


@attrs.frozen
class Form:
    """One 绩效目标表, or (``kind`` SELF_EVALUATION) one 绩效自评表 with its execution rows,
    scores and the actuals of its indicators."""

    location: Location  # where the form starts
    index: int  # 0-based position of the form within its file
    name: str | None = None  # 项目名称
    budget_unit: str | None = None  # 预算单位 / 预算部门
    implementer: str | None = None  # 实施单位及责任人
    attributes: Attributes = attrs.field(factory=Attributes)
    funding: Funding = attrs.field(factory=Funding)
    goals: Goals = attrs.field(factory=Goals)
    indicators: tuple[Indicator, ...] = ()
    title: str | None = None
    year: int | None = None  # budget year, when the form states it
    issues: tuple[LoadIssue, ...] = ()
    name_location: Location | None = None
    budget_unit_location: Location | None = None
    implementer_location: Location | None = None
    # Added for template schemes (policy/forms/schemes.py); optional, at the end.
    execution_weight: Decimal | None = None  # 预算执行率权重, when the form prints one (90 + 10 tables)
    scheme: str | None = None  # the template the input declares (canonical ``scheme``), if any
    not_on_form: frozenset[str] = frozenset()  # header rows the form's template does not have
    kind: str = TARGET  # TARGET or SELF_EVALUATION
    execution: tuple[ExecutionRow, ...] = ()  # 项目资金 rows of a self-evaluation
    level1_weights: Mapping[str, Figure] = attrs.field(factory=dict)  # "产出指标(50分)" → 50
    total_score: Figure | None = None  # the printed 总分 / 得分合计

    @property
    def is_self_evaluation(self) -> bool:
        return self.kind == SELF_EVALUATION

    def annual_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.period == ANNUAL)


@attrs.frozen
class Document:
    """What loading one input file gave: its forms and the file-level issues.

    ``error`` is set when the file could not be read at all (then ``forms`` is empty); the CLI
    turns that into exit code 2 while still checking every other input.
    """

    path: str
    forms: tuple[Form, ...] = ()
    issues: tuple[LoadIssue, ...] = ()
    error: LoadIssue | None = None
    format: str | None = None
    encoding: str | None = None
