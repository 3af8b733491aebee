"""The value AST (docs/value-ast.md): frozen attrs classes a rule can compare and reason about.

``source`` is kept for messages but excluded from equality, so ``parse(canonical(v)) == v``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs

from grammar.units import Unit

__all__ = [
    "Damage", "DateValue", "GrammarError", "Interval", "Quantity", "Range", "Text", "Unit", "Value",
]


class GrammarError(Exception):
    """Misuse of the grammar API (e.g. a non-str argument). Never raised for any str input."""


def _src() -> str:
    return attrs.field(default="", eq=False, repr=False, kw_only=True)


@attrs.frozen
class Damage:
    """What is wrong with a damaged value: a stable code plus what was found."""

    code: str
    args: dict[str, str] = attrs.field(factory=dict, hash=False)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.args.items()))))


@attrs.frozen
class Interval:
    """The set of base-unit numbers a comparison allows; None bounds are unbounded."""

    lo: Decimal | None
    hi: Decimal | None
    lo_closed: bool = True
    hi_closed: bool = True

    @property
    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        if self.lo > self.hi:
            return True
        return self.lo == self.hi and not (self.lo_closed and self.hi_closed)

    def contains(self, x: Decimal) -> bool:
        above_lo = self.lo is None or x > self.lo or (x == self.lo and self.lo_closed)
        below_hi = self.hi is None or x < self.hi or (x == self.hi and self.hi_closed)
        return above_lo and below_hi

    def within(self, other: Interval) -> bool:
        """Whether every number allowed here is allowed by ``other`` (subset)."""
        if self.is_empty:
            return True
        if other.lo is not None:
            if self.lo is None or self.lo < other.lo:
                return False
            if self.lo == other.lo and self.lo_closed and not other.lo_closed:
                return False
        if other.hi is not None:
            if self.hi is None or self.hi > other.hi:
                return False
            if self.hi == other.hi and self.hi_closed and not other.hi_closed:
                return False
        return True

    @classmethod
    def from_op(cls, op: str, x: Decimal) -> Interval:
        if op == "≥":
            return cls(x, None, True, False)
        if op == ">":
            return cls(x, None, False, False)
        if op == "≤":
            return cls(None, x, False, True)
        if op == "<":
            return cls(None, x, False, False)
        return cls(x, x, True, True)


@attrs.frozen
class Quantity:
    """A number with an optional comparator, unit, rate denominator and alternative units."""

    op: str
    number: Decimal
    unit: Unit | None = None
    per: Unit | None = None
    alternatives: tuple[Unit, ...] = ()
    per_alternatives: tuple[Unit, ...] = ()
    op_explicit: bool = True
    source: str = _src()
    kind = "quantity"
    error = None

    @property
    def base_value(self) -> Decimal:
        return self.number * self.unit.factor if self.unit is not None else self.number

    @property
    def base_unit(self) -> str | None:
        return (self.unit.base or None) if self.unit is not None else None

    @property
    def dimension(self) -> str | None:
        return self.unit.dimension if self.unit is not None else None

    @property
    def interval(self) -> Interval:
        return Interval.from_op(self.op, self.base_value)


@attrs.frozen
class Range:
    """A closed range "90%-95%", "3～5天": both ends carry the shared unit."""

    lo: Quantity
    hi: Quantity
    source: str = _src()
    kind = "range"
    error = None

    @property
    def unit(self) -> Unit | None:
        return self.hi.unit if self.hi.unit is not None else self.lo.unit

    @property
    def dimension(self) -> str | None:
        return self.unit.dimension if self.unit is not None else None

    @property
    def base_unit(self) -> str | None:
        return self.hi.base_unit

    @property
    def per(self) -> Unit | None:
        return self.hi.per

    @property
    def interval(self) -> Interval:
        return Interval(self.lo.base_value, self.hi.base_value, True, True)


def _month_end(year: int, month: int) -> datetime.date:
    """The month's last day (the day before the next month's first; calendar is not imported)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")  # as calendar.monthrange
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


@attrs.frozen
class DateValue:
    """Deadlines, dates, periods and bare frequencies of the 时效 column."""

    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    every: str | None = None
    strict: bool = False  # deadline excludes the named month/year ("9月前"), or ends with it
    source: str = _src()
    kind = "date"
    error = None

    def latest(self, year: int | None = None) -> datetime.date | None:
        """The last day this value allows; ``year`` fills in a missing year (the budget year)."""
        if self.form == "frequency":
            return None
        if self.form == "period":
            y, m, d = self.end_year, self.end_month, self.end_day
            y = y if y is not None else (self.year if self.year is not None else year)
        else:
            y, m, d = self.year if self.year is not None else year, self.month, self.day
        if y is None:
            return None
        try:
            if self.form == "deadline" and self.strict:
                if d is not None:
                    return datetime.date(y, m or 12, d) - datetime.timedelta(days=1)
                if m is not None:
                    return datetime.date(y, m, 1) - datetime.timedelta(days=1)
                return datetime.date(y - 1, 12, 31)
            if d is not None:
                return datetime.date(y, m or 12, d)
            if m is not None:
                return _month_end(y, m)
            return datetime.date(y, 12, 31)
        except ValueError:  # e.g. 2月30日: not a real day
            return None


@attrs.frozen
class Text:
    """A qualitative or unreadable value; damaged values are Text with ``error`` set."""

    text: str
    grade: str | None = None
    vague: str | None = None
    quantities: tuple[Quantity, ...] = ()
    error: Damage | None = None
    source: str = _src()
    kind = "text"


Value = Quantity | Range | DateValue | Text
