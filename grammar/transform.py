"""Parse tree → AST, applied inline by the LALR parser (no tree is built)."""

from __future__ import annotations

from decimal import Decimal

from lark import Token, Transformer

from grammar import build, lexicon
from grammar.ast import DateValue, Quantity, Range
from grammar.build import NotAValue, make_quantity, shared_range
from grammar.numbers import BadNumber, parse_arabic, parse_chinese
from grammar.units import Unit, compound

__all__ = ["NotAValue", "ToAst"]

_unit = build.unit


def _point(children: list) -> tuple[int | None, int | None, int | None]:
    year = month = day = None
    for tok in children:
        if tok.type == "YEAR":
            year = build.year_of(tok)
        elif tok.type == "MONTH":
            month = build.month_of(tok)
        elif tok.type == "DAY":
            day = build.day_of(tok)
    return year, month, day


class ToAst(Transformer):
    """Callbacks named after the rules and aliases of value.lark."""

    def start(self, c: list):
        return c[0]

    def bracketed(self, c: list):
        return c[1]

    def arabic(self, c: list) -> Decimal:
        try:
            return parse_arabic(c[0])
        except (BadNumber, ArithmeticError) as exc:
            raise NotAValue(str(c[0])) from exc

    def chinese(self, c: list) -> Decimal:
        try:
            return parse_chinese(c[0])
        except BadNumber as exc:
            raise NotAValue(str(c[0])) from exc

    def unit(self, c: list) -> Unit:
        if len(c) == 2:
            return _unit(str(c[1]), str(c[0]))
        return _unit(str(c[0]))

    def magnitude_only(self, c: list) -> Unit:
        return _unit("", str(c[0]))

    def alternatives(self, c: list) -> tuple[Unit, ...]:
        return tuple(_unit(str(t)) for t in c if t.type == "UNIT")

    def product(self, c: list) -> Unit:
        return compound(tuple(u for u in c if isinstance(u, Unit)), "·")

    def rate(self, c: list) -> _Rate:
        alternatives = c[-1] if isinstance(c[-1], tuple) else ()
        products = tuple(u for u in c if isinstance(u, Unit))
        return _Rate((compound(products, "/"), alternatives))

    def unit_spec(self, c: list) -> tuple:
        unit = None
        alternatives: tuple[Unit, ...] = ()
        per = None
        per_alternatives: tuple[Unit, ...] = ()
        for item in c:
            if isinstance(item, Unit):
                unit = item
            elif isinstance(item, _Rate):
                per, per_alternatives = item.per, item.alternatives
            else:
                alternatives = item
        return unit, alternatives, per, per_alternatives

    def amount(self, c: list) -> tuple[Decimal, tuple | None]:
        return c[0], (c[1] if len(c) > 1 else None)

    def quantity(self, c: list) -> Quantity:
        op = None
        amount = None
        for item in c:
            if isinstance(item, Token):
                spelled = lexicon.PREFIX_OPS.get(item) if item.type == "PREFIX_OP" else lexicon.SUFFIX_OPS.get(item)
                op = op or spelled
            else:
                amount = item
        number, spec = amount
        return make_quantity(op, number, spec)

    def every_quantity(self, c: list) -> Quantity:
        spec = c[3] if len(c) > 3 else None
        return make_quantity(None, c[2], spec, every=_unit(str(c[1])))

    def every_year_quantity(self, c: list) -> Quantity:
        spec = c[2] if len(c) > 2 else None
        return make_quantity(None, c[1], spec, every=_unit("年"))

    def range(self, c: list) -> Range:
        lo = make_quantity(None, *c[0])
        hi = make_quantity(None, *c[2])
        return shared_range(lo, hi)

    def month_span(self, c: list):
        number, spec = c[0]
        return build.month_span(number, spec, c[2])

    # dates
    def point(self, c: list) -> tuple[int | None, int | None, int | None]:
        return _point(c)

    def plain_date(self, c: list) -> DateValue:
        y, m, d = c[0]
        return DateValue(form="date", year=y, month=m, day=d)

    def deadline(self, c: list) -> DateValue:
        (y, m, d), suffix = c
        return build.deadline(y, m, d, suffix)

    def year_end(self, c: list) -> DateValue:
        return DateValue(form="deadline", month=12)

    def every_deadline(self, c: list) -> DateValue:
        _, m, d = _point([t for t in c[1:] if t.type in ("MONTH", "DAY")])
        deadline = next((t for t in c[1:] if t.type == "DEADLINE"), None)
        return build.every_deadline(m, d, None if deadline is None else str(deadline))

    def frequency(self, c: list) -> DateValue:
        return DateValue(form="frequency", every=_unit(str(c[1])).symbol)

    def every_year(self, c: list) -> DateValue:
        return DateValue(form="frequency", every="年")

    def period(self, c: list) -> DateValue:
        return build.period(c[0], c[2])

    def year_month_span(self, c: list) -> DateValue:
        return build.year_month_span(c[0], c[1], c[3])  # "2023年1-12月"

    def dot_date(self, c: list) -> DateValue:
        return build.dot_date(c[0])

    def dot_period(self, c: list) -> DateValue:
        return build.dot_period(str(c[0]))


class _Rate(tuple):
    """(per, alternatives) of a rate, distinguishable from a tuple of alternative units."""

    @property
    def per(self) -> Unit:
        return self[0]

    @property
    def alternatives(self) -> tuple[Unit, ...]:
        return self[1]
