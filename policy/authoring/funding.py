"""Shared pieces of the F (funding) rules: amounts, option validators, and cost-line extraction.

A *cost line* is an annual indicator under a cost 二级/一级 (hierarchy.COST_LEVEL2 or 一级 成本指标),
or a row elsewhere whose name says 经费/成本/费用/预算/资金 and whose value is a money cap
("预计经费 ≤15万元" filed under 质量指标 is still a cost cap for the funding sums).

Each cost line is classified:

- ``cap``: a money amount with no rate (≤X万元, X万元) — summed and compared with the budget;
- ``unit``: a unit cost (67.5元/份（册）, ≤475元/亩, or a name saying 标准/单价/人均 …) — not summed;
- ``unknown``: a cost row whose amount cannot be read (blank, damaged, prose without money);
- ``floor``: "≥50万元", a lower bound on spending, not a cap — neither summed nor compared;
- rows whose value is a non-money quantity (成本控制率 100%) are not cost amounts at all and are
  left out (V112 reports them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from grammar.ast import Quantity, Value
from policy.forms.hierarchy import COST_LEVEL2
from policy.forms.model import ANNUAL, Amount, Indicator
from policy.api import InsufficientData, Option
from policy.options import word_list
from policy.forms.facts import FormFacts

CAP = "cap"
UNIT = "unit"
UNKNOWN = "unknown"
FLOOR = (
    "floor"  # "≥50万元": a lower bound on spending, not a cap; never summed or compared
)

DEFAULT_COST_NAME_WORDS = ("经费", "成本", "费用", "预算", "资金")
DEFAULT_UNIT_COST_WORDS = ("标准", "单价", "单位成本", "人均", "户均", "亩均", "每")
DEFAULT_CUMULATIVE_WORDS = ("累计", "项目期", "总投资", "中长期")
_CAP_OPS = frozenset({"≤", "<"})


def yuan(amount: Amount | None) -> Decimal | None:
    """The amount in 元, or None when the cell is missing or unreadable."""
    return amount.yuan if amount is not None else None


def is_blank(amount: Amount | None) -> bool:
    """True when the cell is absent or holds no amount at all: a unit alone ("万元") or a
    dash/slash/无 is blank too."""
    if amount is None or amount.text is None:
        return True
    return _blank_text(amount.text)


def _blank_text(text: str) -> bool:
    stripped = text.strip()
    for unit in ("亿元", "万元", "千元", "元", "万"):
        stripped = stripped.replace(unit, "")
    # "—", "/", "无" are how forms say "nothing here".
    return not stripped.strip(" \u3000：:-—－–/／\\无")


def has_funding_block(form: FormFacts) -> bool:
    """Whether the form carries a 项目资金 block at all (any amount cell or any source)."""
    f = form.funding
    cells = (
        f.total,
        f.fiscal,
        f.other,
        f.long_term_total,
        f.long_term_fiscal,
        f.long_term_other,
        f.previous_years,
        f.procurement,
        f.purchase_services,
    )
    return any(c is not None for c in cells) or bool(f.sources)


class CostLine(NamedTuple):
    """One cost line: the indicator, its classification, and the amount in 元 for a cap."""

    indicator: Indicator
    kind: str  # CAP, UNIT or UNKNOWN
    yuan: Decimal | None = None  # for CAP: the amount; for UNIT: the unit cost
    quantity: Any = None  # the grammar Quantity the amount came from (CAP/UNIT)


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def mentions(name: str, words: tuple[str, ...]) -> bool:
    """Whether ``name`` contains one of ``words`` (as written, not folded)."""
    return any(w in name for w in words)


def _money(q: Value | None) -> bool:
    return isinstance(q, Quantity) and q.dimension == "money"


def _classify_quantity(
    q: Quantity, name: str, unit_words: Iterable[str]
) -> tuple[str, Decimal | None]:
    if q.per is not None or mentions(name, tuple(unit_words)):
        return UNIT, q.base_value
    if q.op in (">", "≥"):
        return FLOOR, q.base_value
    return CAP, q.base_value


def cost_lines(
    form: FormFacts,
    cost_name_words: Iterable[str] = DEFAULT_COST_NAME_WORDS,
    unit_cost_words: Iterable[str] = DEFAULT_UNIT_COST_WORDS,
    cumulative_words: Iterable[str] = DEFAULT_CUMULATIVE_WORDS,
) -> list[CostLine]:
    """The annual cost lines of a form, in form order; identical (name, value) rows count once."""
    cost_name_words = tuple(cost_name_words)
    unit_cost_words = tuple(unit_cost_words)
    cumulative_words = tuple(cumulative_words)
    # Four rules (F104–F107) ask for the same form's lines: worked out once per form and
    # word lists (the form's shared facts), each caller gets a list of its own.
    lines = form.memo(
        ("cost_lines", cost_name_words, unit_cost_words, cumulative_words),
        lambda: tuple(_cost_lines(form, cost_name_words, unit_cost_words, cumulative_words)),
    )
    return list(lines)


def _cost_lines(
    form: FormFacts,
    cost_name_words: tuple[str, ...],
    unit_cost_words: tuple[str, ...],
    cumulative_words: tuple[str, ...],
) -> list[CostLine]:
    out: list[CostLine] = []
    seen: set[tuple[str | None, str | None]] = set()
    for row in form.rows:
        if row.period != ANNUAL:
            continue
        ind = row.ind
        name = ind.name or ""
        if mentions(name, cumulative_words):
            continue
        key = (ind.name, ind.value_text)
        in_family = row.level2 in COST_LEVEL2 or (row.level2 is None and row.level1 == "成本指标")
        line = _cost_line(ind, name, cost_name_words, unit_cost_words, in_family)
        if line is None or key in seen:
            continue
        seen.add(key)
        out.append(line)
    return out


def _cost_line(
    ind: Indicator,
    name: str,
    cost_name_words: tuple[str, ...],
    unit_cost_words: tuple[str, ...],
    in_family: bool,
) -> CostLine | None:
    """``ind`` as a cost line, or None; ``in_family`` is ``is_cost_family(ind)``."""
    value = ind.value
    if not in_family:
        # Elsewhere only an explicit money cap under a cost-like name is a cost line.
        if not mentions(name, cost_name_words) or "率" in name:
            return None
        if _money(value) and value.op in _CAP_OPS and value.per is None:
            kind, amount = _classify_quantity(value, name, unit_cost_words)
            return CostLine(ind, kind, amount, value)
        return None
    if ind.name is None and ind.value_text is None:
        return None
    if value is None or value.error is not None:
        return CostLine(ind, UNKNOWN)
    kind_ = value.kind
    if kind_ == "quantity":
        if _money(value):
            kind, amount = _classify_quantity(value, name, unit_cost_words)
            return CostLine(ind, kind, amount, value)
        if value.dimension in (None, "other"):
            if value.per is not None:
                return CostLine(ind, UNIT)  # "≤620万/月": a rate, never summed
            # "250万" or a bare number under 成本指标: which unit? The sum cannot be checked.
            return CostLine(ind, UNKNOWN)
        return None  # a rate or count under 成本指标 is not an amount (V112's business)
    if kind_ == "range":
        if value.dimension == "money":
            # The lower end is what the line certainly needs; using it never overstates a sum.
            lo = value.lo
            if lo.per is not None or mentions(name, unit_cost_words):
                return CostLine(ind, UNIT, lo.base_value, lo)
            return CostLine(ind, CAP, lo.base_value, lo)
        return None
    if kind_ == "text":
        money = [q for q in value.quantities if _money(q)]
        if not money:
            return CostLine(ind, UNKNOWN)
        if any(q.per is not None for q in money) or mentions(name, unit_cost_words):
            first = next((q for q in money if q.per is not None), money[0])
            return CostLine(ind, UNIT, first.base_value, first)
        # Prose with several amounts ("总预算50万元，其中差旅费10万元"): the largest is a safe
        # lower bound of what the line costs; summing could double-count a total and its part.
        largest = max(money, key=lambda q: q.base_value)
        return CostLine(ind, CAP, largest.base_value, largest)
    return None


def caps(lines: Iterable[CostLine]) -> Iterator[CostLine]:
    return (line for line in lines if line.kind == CAP and line.yuan is not None)


def where(amount: Amount | None, form: FormFacts):
    """The location of a funding cell, falling back to the form."""
    if amount is not None and amount.location is not None:
        return amount.location
    return form.location


def shown(amount: Amount | None) -> str:
    """How a funding cell reads in evidence: its text, or （空） when blank."""
    if amount is None or amount.text is None:
        return "（空）"
    return amount.text


def fiscal_other_parts(
    fiscal: Amount | None, other: Amount | None, total: Decimal
) -> tuple[Decimal, Decimal]:
    """财政拨款 and 其他资金 in 元 for the check total = fiscal + other.

    A blank 其他资金 is 0 when 财政拨款 is given. A blank 财政拨款 is 0 only if 其他资金 alone
    makes the total (a project with no appropriation); otherwise the cell was more likely left
    out. Raises InsufficientData when the parts cannot be read.
    """
    fiscal_blank, other_blank = is_blank(fiscal), is_blank(other)
    if fiscal_blank and other_blank:
        raise InsufficientData("F.reason.no-fiscal-other")
    parts = []
    for amount, blank in ((fiscal, fiscal_blank), (other, other_blank)):
        if blank:
            parts.append(Decimal(0))
        elif amount.yuan is None:
            raise InsufficientData("F.reason.unreadable", cell=amount.text)
        else:
            parts.append(amount.yuan)
    if fiscal_blank and parts[1] != total:
        raise InsufficientData("F.reason.no-fiscal")
    return parts[0], parts[1]


# The options of every rule that reads cost lines (F104–F107): each declares them as its own.
COST_LINE_OPTIONS = {
    "cost_name_words": Option(
        DEFAULT_COST_NAME_WORDS,
        "Name words that make a money cap outside 成本指标 a cost line (预计经费 ≤15万元).",
        word_list,
    ),
    "unit_cost_words": Option(
        DEFAULT_UNIT_COST_WORDS,
        "Name words that mark a unit cost (补助标准, 单价, 人均), never summed or compared with the total.",
        word_list,
    ),
    "cumulative_words": Option(
        DEFAULT_CUMULATIVE_WORDS,
        "Name words of cumulative/project-period amounts, never compared with the annual total.",
        word_list,
    ),
}


def cost_lines_of(form: FormFacts, options: Mapping[str, Any]) -> list[CostLine]:
    """``cost_lines`` with the word lists of a rule's ``COST_LINE_OPTIONS``."""
    return cost_lines(
        form,
        options["cost_name_words"],
        options["unit_cost_words"],
        options["cumulative_words"],
    )
