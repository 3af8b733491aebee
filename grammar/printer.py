"""The canonical printed form of a value: "不低于95%" → "≥95%", ">= 98 %(百分比)" → "≥98%".

The printed form parses back to an equal value (tests/grammar/test_roundtrip.py).
"""

from __future__ import annotations

from grammar.ast import DateValue, GrammarError, Quantity, Range, Text
from grammar.numbers import format_decimal


def _units(q: Quantity) -> str:
    out = []
    if q.unit is not None:
        out.append(q.unit.symbol)
        out.extend(f"（{u.symbol}）" for u in q.alternatives)
    if q.per is not None:
        out.append("/" + q.per.symbol)
        out.extend(f"（{u.symbol}）" for u in q.per_alternatives)
    return "".join(out)


def _quantity(q: Quantity) -> str:
    op = q.op if (q.op_explicit or q.op != "=") else ""
    return f"{op}{format_decimal(q.number)}{_units(q)}"


def _range(r: Range) -> str:
    lo, hi = r.lo, r.hi
    if _units(lo) == _units(hi):
        return f"{format_decimal(lo.number)}~{format_decimal(hi.number)}{_units(hi)}"
    return f"{format_decimal(lo.number)}{_units(lo)}~{format_decimal(hi.number)}{_units(hi)}"


def _point(year: int | None, month: int | None, day: int | None) -> str:
    out = ""
    if year is not None:
        out += f"{year:04d}年"
    if month is not None:
        out += f"{month}月"
    if day is not None:
        out += f"{day}日"
    return out


def _date(d: DateValue) -> str:
    if d.form == "frequency":
        return f"每{d.every}"
    if d.form == "period":
        return f"{_point(d.year, d.month, d.day)}~{_point(d.end_year, d.end_month, d.end_day)}"
    point = _point(d.year, d.month, d.day)
    if d.form == "date":
        return point
    every = f"每{d.every}" if d.every else ""
    if d.day is not None:
        return f"{every}{point}前"
    if d.strict:
        return f"{every}{point}前"
    if d.month is None:
        return f"{every}{point}底前"
    return f"{every}{point}底前"


def canonical(value) -> str:
    """The canonical text of any Value."""
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, Range):
        return _range(value)
    if isinstance(value, DateValue):
        return _date(value)
    if isinstance(value, Text):
        return value.text
    raise GrammarError(f"not a Value: {type(value).__name__}")
