"""Reading the value AST (docs/value-ast.md) the way the V rules need it.

The helpers tolerate ``None`` (an empty cell) so each rule reads as one check, and they keep
the knowledge of the AST's shape in one place.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Mapping

from checker.model import Indicator
from policy.rules._structure import clean


def kind(value: Any) -> str | None:
    return getattr(value, "kind", None) if value is not None else None


def damage(value: Any) -> Any:
    """The grammar's Damage of a value, or None."""
    return getattr(value, "error", None) if value is not None else None


def damage_code(value: Any) -> str | None:
    d = damage(value)
    return getattr(d, "code", None) if d is not None else None


def is_measure(value: Any) -> bool:
    """A quantity or a range (something with a number) that is not damaged."""
    return damage(value) is None and kind(value) in ("quantity", "range")


def unit_of(value: Any) -> Any:
    return getattr(value, "unit", None) if is_measure(value) else None


def dimension_of(value: Any) -> str | None:
    unit = unit_of(value)
    return getattr(unit, "dimension", None) if unit is not None else None


def unit_symbol(value: Any) -> str:
    unit = unit_of(value)
    if unit is None:
        return ""
    symbol = getattr(unit, "symbol", "") or ""
    per = getattr(value, "per", None)
    if per is not None:
        symbol = f"{symbol}/{getattr(per, 'symbol', '')}"
    return symbol


def counter_of(value: Any) -> str | None:
    unit = unit_of(value)
    if unit is None:
        return None
    return getattr(unit, "counter", None) or getattr(unit, "symbol", None)


def per_of(value: Any) -> Any:
    if kind(value) == "quantity" and damage(value) is None:
        return getattr(value, "per", None)
    return None


def numbers_of(value: Any) -> tuple[Decimal, ...]:
    """The number(s) written: one for a quantity, both ends for a range."""
    if not is_measure(value):
        return ()
    if kind(value) == "range":
        return tuple(getattr(q, "number") for q in (value.lo, value.hi))
    return (value.number,)


def interval_of(value: Any) -> Any:
    return getattr(value, "interval", None) if is_measure(value) else None


def lower_bound(value: Any) -> Decimal | None:
    """The least number the value promises, in the unit as written (≥85% → 85; 85% → 85)."""
    if not is_measure(value):
        return None
    if kind(value) == "range":
        return value.lo.number
    if value.op in ("≥", ">", "="):
        return value.number
    return None


def text_quantities(value: Any) -> tuple[Any, ...]:
    """Quantities found inside prose (Text.quantities); () otherwise."""
    if kind(value) == "text" and damage(value) is None:
        return tuple(getattr(value, "quantities", ()) or ())
    return ()


def all_measures(value: Any) -> tuple[Any, ...]:
    """The value itself when it is a measure, else the quantities inside its prose."""
    if is_measure(value):
        return (value,)
    return text_quantities(value)


def grade_of(value: Any) -> str | None:
    if kind(value) == "text" and damage(value) is None:
        return getattr(value, "grade", None)
    return None


def value_dimension(q: Any) -> str | None:
    unit = getattr(q, "unit", None)
    return getattr(unit, "dimension", None) if unit is not None else None


def shown(ind: Indicator) -> str:
    """The value as the form printed it, for messages."""
    return (ind.value_text or "").strip()


def dimension_for_name(name: str | None, table: Mapping[str, str]) -> tuple[str, str] | None:
    """The dimension a name asks for, from the keyword that ends last in the name (the head of a
    Chinese compound is at its end: 受益人数占比 → 占比 → percent). Returns (keyword, dimension);
    dimension "any" means the keyword exempts the name (增长 may be % or a count)."""
    folded = clean(name)
    if not folded:
        return None
    best: tuple[int, int, str] | None = None
    for word in table:
        key = clean(word)
        pos = folded.rfind(key)
        if pos < 0:
            continue
        rank = (pos + len(key), len(key), word)
        if best is None or rank[:2] > best[:2]:
            best = rank
    if best is None:
        return None
    return best[2], table[best[2]]


def dimension_table(value: Any) -> dict[str, str]:
    """Validate a keyword → dimension table option."""
    allowed = {"percent", "money", "count", "time", "ratio", "any"}
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


def words_in(text: str | None, words: Iterable[str]) -> bool:
    folded = clean(text)
    return any(clean(w) in folded for w in words)
