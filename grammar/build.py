"""Constructors shared by the Lark transformer, the fast path and the prose scanner, so that all
three build identical ASTs: each takes the text of the tokens a grammar rule matched."""

from __future__ import annotations

from decimal import Decimal

from grammar import lexicon
from grammar.ast import DateValue, Quantity, Range
from grammar.units import Unit, lookup


class NotAValue(Exception):
    """The shape parses but the meaning does not hold (a 13th month, an unknown unit)."""


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


def unit(spelling: str, magnitude: str | None = None) -> Unit:
    """The Unit of a UNIT token (with the MAGNITUDE before it), or of a MAGNITUDE alone."""
    found = lookup(spelling, magnitude)
    if found is None:
        raise NotAValue(spelling)
    return found


# Date tokens: YEAR "2022年(度)", MONTH "6月(份)", DAY "30日"/"30号".
def year_of(tok: str) -> int:
    return int(tok[:4])


def month_of(tok: str) -> int:
    return int(tok.rstrip("份").rstrip("月"))


def day_of(tok: str) -> int:
    return int(tok[:-1])


def deadline(year: int | None, month: int | None, day: int | None, suffix: str) -> DateValue:
    """point DEADLINE: "9月前" excludes September; "12月底前", "6月30日前" are by that day."""
    strict = lexicon.DEADLINE_SUFFIXES[suffix]
    if day is not None and day != 1:
        strict = False  # "6月30日前": by that day; "1月1日前" is "1月前", before the month begins
    if month is None and not strict:
        month = 12  # "2022年底前"
    return DateValue(form="deadline", year=year, month=month, day=day, strict=strict)


def every_deadline(month: int | None, day: int | None, suffix: str | None) -> DateValue:
    """EVERY_YEAR MONTH DAY? DEADLINE?: "每年12月底前"."""
    strict = False
    if suffix is not None and day is None:
        strict = lexicon.DEADLINE_SUFFIXES[suffix]
    return DateValue(form="deadline", month=month, day=day, every="年", strict=strict)


def period(start: tuple, end: tuple) -> DateValue:
    """point RANGE_SEP point; the end point borrows the start's year ("2021年1月-12月")."""
    (y, m, d), (ey, em, ed) = start, end
    if ey is None:
        ey = y
    return DateValue(form="period", year=y, month=m, day=d, end_year=ey, end_month=em, end_day=ed)


def year_month_span(year_tok: str, start: str, end_tok: str) -> DateValue:
    """YEAR MONTH_NUMBER RANGE_SEP MONTH: "2023年1-12月"."""
    year = year_of(year_tok)
    return DateValue(form="period", year=year, month=int(start), end_year=year, end_month=month_of(end_tok))


def month_span(number: Decimal, spec: tuple | None, end_tok: str):
    """amount RANGE_SEP MONTH: "1-12月" is a period of months, "0.5-1月" a range of durations."""
    end = month_of(end_tok)
    if spec is None and number == number.to_integral_value() and 1 <= number <= end:
        return DateValue(form="period", month=int(number), end_month=end)
    lo = make_quantity(None, number, spec)
    hi = make_quantity(None, Decimal(end), (unit("月"), (), None, ()))
    return shared_range(lo, hi)


def _dotted(text: str) -> tuple[int, int, int | None]:
    parts = [int(p) for p in text.replace("/", ".").replace("-", ".").split(".")]
    if not 1 <= parts[1] <= 12 or (len(parts) == 3 and not 1 <= parts[2] <= 31):
        raise NotAValue(text)
    return parts[0], parts[1], parts[2] if len(parts) == 3 else None


def dot_date(tok: str) -> DateValue:
    """DOT_DATE: "2023.6.30", "2023/6/30", "2023-6-30"."""
    y, m, d = _dotted(tok)
    return DateValue(form="date", year=y, month=m, day=d)


def dot_period(tok: str) -> DateValue:
    """DOT_PERIOD: "2023.07-2024.01", "2020.1.1-2020.12.31"."""
    text = tok.replace(" ", "")
    for sep in sorted(lexicon.RANGE_SEPARATORS, key=len, reverse=True):
        head, found, tail = text[5:].partition(sep)
        if found:
            y, m, d = _dotted(text[:5] + head)
            ey, em, ed = _dotted(tail)
            return DateValue(form="period", year=y, month=m, day=d, end_year=ey, end_month=em, end_day=ed)
    raise NotAValue(text)
