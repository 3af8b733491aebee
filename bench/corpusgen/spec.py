"""The generator's own description of a form, before it is written in any input format.

Writers for every format read the same ``GenForm``, so a corpus in text, YAML and XLSX holds the
same forms. Money is ``Decimal`` in 万元, as the forms state it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

KIND_OPTIONS = ("新增项目", "延续项目")
TERM_OPTIONS = ("一次性", "经常性")
BASIS_OPTIONS = ("法律法规", "市委市政府决定", "上级文件要求", "市委市政府领导指示", "其他")


@dataclass
class GenValue:
    """One 指标值: ``text`` as a unified cell, ``split`` as Sichuan's 指标性质 | 指标值 | 度量单位."""

    text: str
    split: tuple[str, str, str]


@dataclass
class GenIndicator:
    """One 三级 row. ``level1``/``level2`` are spelled as this form spells them."""

    level1: str
    level2: str
    name: str | None
    value: GenValue | None
    weight: int | None = None
    direction: str = "正向"
    touched: bool = False  # a defect changed this row: later defects leave it alone


@dataclass
class GenActual:
    """One indicator's year-end columns: 实际完成值, 得分 and 偏差原因."""

    text: str | None
    score: Decimal
    deviation: str | None = None


@dataclass
class GenEvaluation:
    """What turns a generated form into its year-end 绩效自评表: the funds executed (万元), the
    execution rate's 10 points, 实际完成情况, each indicator's weight out of 90 and actual, 总分."""

    budget: Decimal
    spent: Decimal
    rate: str  # 执行率 as printed, "96.43%"
    execution_score: Decimal
    actual_goal: str
    weights: list[int]
    actuals: list[GenActual]
    total_score: Decimal


@dataclass
class GenForm:
    """One generated 绩效目标表 and the defects deliberately put into it."""

    index: int
    year: int
    city: str
    title: str
    name: str
    budget_unit: str
    implementer: str
    kind_checked: tuple[str, ...]
    term_checked: tuple[str, ...]
    basis_checked: tuple[str, ...]
    total: Decimal  # 年度资金总额, 万元
    fiscal: Decimal  # 其中：财政拨款
    other: Decimal | None  # 其他资金 (None: left blank)
    previous_years: Decimal | None  # 延续项目以前年度预算安排
    sources: dict[str, Decimal]  # 项目资金来源, keyed like policy.forms.model.SOURCE_KEYS
    long_term_label: str
    annual_goal: str
    # Every 二级 row the template prints, in order: (level1, level2) pairs, so writers can print
    # the empty template rows (经济效益, 生态效益 …) that real forms keep.
    template_rows: list[tuple[str, str]] = field(default_factory=list)
    indicators: list[GenIndicator] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    evaluation: GenEvaluation | None = None  # set on a self-evaluation (绩效自评表)
