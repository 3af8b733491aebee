"""Reading the value AST (docs/value-ast.md) the way the V rules need it.

The helpers tolerate ``None`` (an empty cell) so each rule reads as one check, and they keep
the knowledge of the AST's shape in one place.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from grammar import parse_value
from grammar.ast import Damage, DateValue, Interval, Quantity, Range, Text, Unit, Value
from grammar.folding import fold
from policy.authoring.patterns import LazyPattern
from policy.forms.model import Indicator


def kind(value: Value | None) -> str | None:
    """"quantity", "range", "date" or "text"; None for an empty cell."""
    return value.kind if value is not None else None


def damage(value: Value | None) -> Damage | None:
    """The grammar's Damage of a value, or None (only Text is ever damaged)."""
    return value.error if isinstance(value, Text) else None


def is_measure(value: Value | None) -> bool:
    """A quantity or a range (something with a number): never damaged."""
    return isinstance(value, (Quantity, Range))


def unit_of(value: Value | None) -> Unit | None:
    return value.unit if isinstance(value, (Quantity, Range)) else None


def dimension_of(value: Value | None) -> str | None:
    unit = unit_of(value)
    return unit.dimension if unit is not None else None


def unit_symbol(value: Value | None) -> str:
    unit = unit_of(value)
    if unit is None:
        return ""
    assert isinstance(value, (Quantity, Range))
    per = value.per
    return f"{unit.symbol}/{per.symbol}" if per is not None else unit.symbol


def counter_of(value: Value | None) -> str | None:
    unit = unit_of(value)
    if unit is None:
        return None
    return unit.counter or unit.symbol


def per_of(value: Value | None) -> Unit | None:
    return value.per if isinstance(value, Quantity) else None


def numbers_of(value: Value | None) -> tuple[Decimal, ...]:
    """The number(s) written: one for a quantity, both ends for a range."""
    if isinstance(value, Range):
        return (value.lo.number, value.hi.number)
    if isinstance(value, Quantity):
        return (value.number,)
    return ()


def interval_of(value: Value | None) -> Interval | None:
    return value.interval if isinstance(value, (Quantity, Range)) else None


def op_of(value: Value | None) -> str | None:
    """The comparator a quantity states ("≥", "≤", "=", …); None for anything else."""
    return value.op if isinstance(value, Quantity) else None


def lower_bound(value: Value | None) -> Decimal | None:
    """The least number the value promises, in the unit as written (≥85% → 85; 85% → 85)."""
    if isinstance(value, Range):
        return value.lo.number
    if isinstance(value, Quantity) and value.op in ("≥", ">", "="):
        return value.number
    return None


def text_quantities(value: Value | None) -> tuple[Quantity, ...]:
    """Quantities found inside prose (Text.quantities); () otherwise."""
    if isinstance(value, Text) and value.error is None:
        return value.quantities
    return ()


def all_measures(value: Value | None) -> tuple[Quantity | Range, ...]:
    """The value itself when it is a measure, else the quantities inside its prose."""
    if isinstance(value, (Quantity, Range)):
        return (value,)
    return text_quantities(value)


def grade_of(value: Value | None) -> str | None:
    if isinstance(value, Text) and value.error is None:
        return value.grade
    return None


def vague_of(value: Value | None) -> str | None:
    """The vague phrase the grammar found in a qualitative value ("有所提高"), or None."""
    return value.vague if isinstance(value, Text) else None


def date_form(value: Value | None) -> str | None:
    """"deadline", "date", "period" or "frequency" for a date value; None otherwise."""
    return value.form if isinstance(value, DateValue) else None


def shown(ind: Indicator) -> str:
    """The value as the form printed it, for messages."""
    return (ind.value_text or "").strip()


_TRAILING_BRACKETS = LazyPattern(r"(?:[（(][^（）()]*[)）]|[\s。.，,；;：:、])+$")


def name_head(name: str | None) -> str:
    """The name without trailing bracketed notes and punctuation: 资助人数（人） → 资助人数."""
    return _TRAILING_BRACKETS.sub("", fold(name)) if name else ""


def dimension_for_name(name: str | None, table: Mapping[str, str]) -> tuple[str, str] | None:
    """The dimension a name asks for, from the longest keyword the name ends with (the head of
    a Chinese compound is at its end: 受益人数占比 → 占比 → percent, 补助资金按时发放 → none).
    Returns (keyword, dimension); dimension "any" exempts the name (增长 may be % or a count)."""
    folded = _folded_keywords(table)
    head = name_head(name)
    for start in range(len(head)):  # longest suffix first
        word = folded.get(head[start:])
        if word is not None:
            return word, table[word]
    return None


# Per keyword table (an option value, compared by identity): its folded keywords. Building them
# for every name instead costs 8.7% end to end (callgrind, 100 text forms: 1,394 vs 1,283 M
# instructions); remembering each name's answer as well bought 0.5% and went.
_FOLDED: dict[int, tuple[Mapping[str, str], dict[str, str]]] = {}


def _folded_keywords(table: Mapping[str, str]) -> dict[str, str]:
    """{folded keyword: keyword as configured}, built once per table object."""
    hit = _FOLDED.get(id(table))
    if hit is None or hit[0] is not table:  # the table is kept with its entry: its id stays its own
        folded: dict[str, str] = {}
        for word in table:
            key = fold(word)
            if key and len(key) > len(fold(folded.get(key, ""))):
                folded[key] = word
        hit = (table, folded)
        if len(_FOLDED) > 64:
            _FOLDED.clear()
        _FOLDED[id(table)] = hit
    return hit[1]


def dimension_table(value: Any) -> dict[str, str]:
    """Validate a keyword → dimension table option."""
    allowed = {"percent", "money", "count", "time", "ratio", "area", "any"}
    if not isinstance(value, Mapping):
        raise ValueError("expected a table of keyword = dimension")
    table: dict[str, str] = {}
    for key, dim in value.items():
        if not str(key).strip():
            raise ValueError("empty keyword")
        if dim not in allowed:
            raise ValueError(f"{key}: dimension {dim!r} is not one of {sorted(allowed)}")
        table[str(key)] = dim
    return table


# Name keyword → the dimension its value should have (V104; derived from the names' own meaning). The longest keyword the
# name ends with decides (受益人数占比 → 占比). "any" exempts: a growth may be a % or a count.
NAME_DIMENSIONS: dict[str, str] = {
    "率": "percent", "比例": "percent", "比率": "percent", "占比": "percent", "百分比": "percent",
    "满意度": "percent", "满意程度": "percent", "知晓度": "percent", "认可度": "percent",
    "频率": "any", "效率": "any", "功率": "any", "周转率": "any", "容积率": "any",
    "增长": "any", "增幅": "any", "增加": "any", "提高": "any", "提升": "any", "下降": "any",
    "降低": "any", "减少": "any", "比上年": "any",
    "倍数": "ratio",
    "经费": "money", "成本": "money", "费用": "money", "金额": "money", "资金": "money",
    "预算": "money", "投资": "money", "单价": "money", "补助标准": "money", "补贴标准": "money",
    "资助标准": "money",
    "次数": "count", "人数": "count", "人次": "count", "户数": "count", "个数": "count",
    "件数": "count", "场次": "count", "期数": "count",
    "时间": "time", "时限": "time", "时长": "time", "周期": "time", "期限": "time", "工期": "time",
    "天数": "time",
    "面积": "area",
}

# Value dimensions that contradict each expected name dimension.
MISMATCH: dict[str, frozenset[str]] = {
    "percent": frozenset({"money", "count", "duration", "area", "length", "mass", "volume"}),
    "money": frozenset({"count", "duration", "area", "length", "mass", "volume"}),
    "count": frozenset({"money", "percent", "duration", "area", "length", "mass", "volume"}),
    "time": frozenset({"money", "percent", "count", "area", "length", "mass", "volume"}),
    "ratio": frozenset({"money", "count", "duration", "area", "length", "mass", "volume"}),
    # not percent: 绿化面积 ≥90% may be a share of an area the form does not state (V113's)
    "area": frozenset({"money", "count", "duration", "length", "mass", "volume"}),
}


def name_wants_other_than_money(name: str | None) -> bool:
    """The name's head asks for a percent, count, time or ratio (合格率, 次数, 响应时间): a money
    value there is a unit mismatch (V104), not a misfiled cost line (V107/V108)."""
    wanted = dimension_for_name(name, NAME_DIMENSIONS)
    return wanted is not None and wanted[1] not in ("money", "any")


def two_units(value: Value | None) -> tuple[str, str] | None:
    """The two known units of different kinds run together in an unreadable unit — "28.8万元%"
    (a split-cell form whose 度量单位 column says % under a money value) — or None."""
    d = damage(value)
    if d is None or d.code != "unknown-unit":
        return None
    return _split_units(d.args.get("unit") or "")


def _split_units(unit: str) -> tuple[str, str] | None:
    for cut in range(1, len(unit)):
        left, right = parse_value("1" + unit[:cut]), parse_value("1" + unit[cut:])
        dims = [dimension_of(v) for v in (left, right)]
        if None not in dims and "other" not in dims and dims[0] != dims[1]:
            return unit[:cut], unit[cut:]
    return None
