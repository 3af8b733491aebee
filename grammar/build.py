"""Constructors shared by the Lark transformer, the fast path and the prose scanner, so that all
three build identical ASTs."""

from __future__ import annotations

from decimal import Decimal

from grammar.ast import Quantity, Range
from grammar.units import Unit


def make_quantity(
    op: str | None, number: Decimal, spec: tuple | None, *, every: Unit | None = None, source: str = ""
) -> Quantity:
    """Build a Quantity from its parts; shared by the parser, the fast path and the prose scanner."""
    unit, alternatives, per, per_alternatives = spec if spec is not None else (None, (), None, ())
    if unit is not None and unit in alternatives:  # ">= 98 %(百分比)": the same unit twice
        alternatives = tuple(u for u in alternatives if u != unit)
    if per is not None and per in per_alternatives:
        per_alternatives = tuple(u for u in per_alternatives if u != per)
    if every is not None:
        if per is not None:
            raise ValueError("two denominators")
        per = every
    return Quantity(
        op=op or "=",
        number=number,
        unit=unit,
        per=per,
        alternatives=alternatives,
        per_alternatives=per_alternatives,
        op_explicit=op is not None,
        source=source,
    )


def shared_range(lo: Quantity, hi: Quantity) -> Range:
    """A range whose bare end borrows the other end's unit ("3～5天" → 3天 and 5天)."""
    if lo.unit is None and hi.unit is not None:
        lo = make_quantity(None, lo.number, (hi.unit, hi.alternatives, hi.per, hi.per_alternatives))
    elif hi.unit is None and lo.unit is not None:
        hi = make_quantity(None, hi.number, (lo.unit, lo.alternatives, lo.per, lo.per_alternatives))
    return Range(lo=lo, hi=hi)
