"""Parse tree → AST, applied inline by the LALR parser (no tree is built)."""

from __future__ import annotations

from decimal import Decimal

from lark import Token, Transformer

from grammar import lexicon
from grammar.ast import DateValue, Quantity, Range
from grammar.build import make_quantity, shared_range
from grammar.numbers import BadNumber, parse_arabic, parse_chinese
from grammar.units import Unit, compound, lookup


class NotAValue(Exception):
    """Raised inside the transformer when the shape parses but the meaning does not hold."""


def _year(tok: str) -> int:
    return int(tok[:4])


def _month(tok: str) -> int:
    return int(tok.rstrip("份").rstrip("月"))


def _day(tok: str) -> int:
    return int(tok[:-1])


def _unit(spelling: str, magnitude: str | None = None) -> Unit:
    unit = lookup(spelling, magnitude)
    if unit is None:
        raise NotAValue(spelling)
    return unit


def _point(children: list) -> tuple[int | None, int | None, int | None]:
    year = month = day = None
    for tok in children:
        if tok.type == "YEAR":
            year = _year(tok)
        elif tok.type == "MONTH":
            month = _month(tok)
        elif tok.type == "DAY":
            day = _day(tok)
    return year, month, day


def _dotted(text: str) -> tuple[int, int, int | None]:
    parts = [int(p) for p in text.replace("/", ".").replace("-", ".").split(".")]
    if not 1 <= parts[1] <= 12 or (len(parts) == 3 and not 1 <= parts[2] <= 31):
        raise NotAValue(text)
    return parts[0], parts[1], parts[2] if len(parts) == 3 else None


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
        end = _month(c[2])
        if spec is None and number == number.to_integral_value() and 1 <= number <= end:
            return DateValue(form="period", month=int(number), end_month=end)
        lo = make_quantity(None, number, spec)
        hi = make_quantity(None, Decimal(end), (_unit("月"), (), None, ()))
        return shared_range(lo, hi)

    # dates
    def point(self, c: list) -> tuple[int | None, int | None, int | None]:
        return _point(c)

    def plain_date(self, c: list) -> DateValue:
        y, m, d = c[0]
        return DateValue(form="date", year=y, month=m, day=d)

    def deadline(self, c: list) -> DateValue:
        (y, m, d), suffix = c
        strict = lexicon.DEADLINE_SUFFIXES[suffix]
        if d is not None:
            strict = False  # "6月30日前": by that day
        if m is None and not strict:
            m = 12  # "2022年底前"
        return DateValue(form="deadline", year=y, month=m, day=d, strict=strict)

    def year_end(self, c: list) -> DateValue:
        return DateValue(form="deadline", month=12)

    def every_deadline(self, c: list) -> DateValue:
        _, m, d = _point([t for t in c[1:] if t.type in ("MONTH", "DAY")])
        strict = False
        deadline = next((t for t in c[1:] if t.type == "DEADLINE"), None)
        if deadline is not None and d is None:
            strict = lexicon.DEADLINE_SUFFIXES[deadline]
        return DateValue(form="deadline", month=m, day=d, every="年", strict=strict)

    def frequency(self, c: list) -> DateValue:
        return DateValue(form="frequency", every=_unit(str(c[1])).symbol)

    def every_year(self, c: list) -> DateValue:
        return DateValue(form="frequency", every="年")

    def period(self, c: list) -> DateValue:
        (y, m, d), _, (ey, em, ed) = c
        if ey is None:
            ey = y
        return DateValue(form="period", year=y, month=m, day=d, end_year=ey, end_month=em, end_day=ed)

    def year_month_span(self, c: list) -> DateValue:
        year, start, end = _year(c[0]), int(c[1]), _month(c[3])  # "2023年1-12月"
        return DateValue(form="period", year=year, month=start, end_year=year, end_month=end)

    def dot_date(self, c: list) -> DateValue:
        y, m, d = _dotted(c[0])
        return DateValue(form="date", year=y, month=m, day=d)

    def dot_period(self, c: list) -> DateValue:
        text = str(c[0]).replace(" ", "")
        for sep in sorted(lexicon.RANGE_SEPARATORS, key=len, reverse=True):
            head, found, tail = text[5:].partition(sep)
            if found:
                y, m, d = _dotted(text[:5] + head)
                ey, em, ed = _dotted(tail)
                return DateValue(form="period", year=y, month=m, day=d, end_year=ey, end_month=em, end_day=ed)
        raise NotAValue(text)


class _Rate(tuple):
    """(per, alternatives) of a rate, distinguishable from a tuple of alternative units."""

    @property
    def per(self) -> Unit:
        return self[0]

    @property
    def alternatives(self) -> tuple[Unit, ...]:
        return self[1]
