"""Hypothesis strategies for values: grammar-generated strings and ASTs built with st.builds."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from grammar import DateValue, Quantity, Range
from grammar.parser import lark_grammar
from grammar.units import MAGNITUDES, UNITS, lookup

_CN = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """An independent writer of Chinese numerals below 10000 (not the parser's reader)."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, word in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += ("" if (value == 10 and digit == 1 and not out) else _CN[digit]) + word
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN[n]
    return out


ascii_number = st.one_of(
    st.integers(0, 10**9).map(str),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99999), st.integers(0, 999)),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}"),
)


def _date(y: int, m: int, d: int | None, sep: str) -> str:
    return f"{y}{sep}{m:02d}" + (f"{sep}{d}" if d is not None else "")


days = st.integers(1, 28)
months = st.integers(1, 12)
years = st.integers(1990, 2099)

EXPLICIT = {
    "NUMBER": ascii_number,
    "CN_NUMBER": st.integers(0, 9999).map(chinese_numeral),
    "YEAR": years.map(lambda y: f"{y}年"),
    "MONTH": months.map(lambda m: f"{m}月"),
    "MONTH_NUMBER": months.map(str),
    "DAY": days.map(lambda d: f"{d}日"),
    "DOT_DATE": st.builds(lambda y, m, d: _date(y, m, d, "."), years, months, days),
    "DOT_PERIOD": st.builds(
        lambda y, m, d, y2, m2: f"{_date(y, m, d, '.')}-{_date(y2, m2, None, '.')}", years, months,
        st.none() | days, years, months,
    ),
}


def grammar_strings() -> st.SearchStrategy[str]:
    return from_lark(lark_grammar(), explicit=EXPLICIT)


# ASTs -----------------------------------------------------------------------------------------

plain_units = st.sampled_from(sorted(UNITS))
units = st.one_of(
    plain_units.map(lookup),
    st.tuples(plain_units, st.sampled_from(sorted(MAGNITUDES))).map(lambda t: lookup(*t)),
    st.sampled_from(sorted(MAGNITUDES)).map(lambda m: lookup("", m)),
)
numbers = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
counters = st.sampled_from(["本", "册", "次", "人", "个", "件"]).map(lookup)


def _reachable(q: Quantity) -> bool:
    """Quantities the grammar reads as dates instead ("2022年", "12月") cannot round-trip."""
    if q.op_explicit or q.unit is None:
        return True
    symbol = q.unit.symbol
    whole = q.number == q.number.to_integral_value() and q.number >= 0
    year_like = symbol.startswith("年") and whole and 1000 <= q.number <= 9999
    month_like = symbol.startswith("月") and whole and 1 <= q.number <= 12
    return not (year_like or month_like)


@st.composite
def quantities(draw) -> Quantity:
    op = draw(st.sampled_from(["≥", ">", "≤", "<", "="]))
    unit = draw(st.none() | units)
    alternatives = tuple(a for a in draw(st.lists(counters, max_size=2)) if unit is not None and a != unit)
    per = draw(st.none() | plain_units.map(lookup))
    q = Quantity(
        op=op,
        number=draw(numbers),
        unit=unit,
        per=per,
        alternatives=alternatives if unit is not None and unit.base else (),  # not after "万" alone
        op_explicit=True if op != "=" else draw(st.booleans()),
    )
    if not _reachable(q):
        q = Quantity(op=q.op, number=q.number, unit=q.unit, per=q.per, alternatives=q.alternatives, op_explicit=True)
    return q


@st.composite
def ranges(draw) -> Range:
    unit = draw(st.none() | units)
    lo, hi = draw(numbers), draw(numbers)
    if unit is not None and unit.symbol == "月":
        whole = all(x == x.to_integral_value() for x in (lo, hi))
        if whole and 1 <= lo <= hi <= 12:  # "1~12月" is a period of months
            hi = hi + Decimal(20)
    mk = lambda n: Quantity(op="=", number=n, unit=unit, op_explicit=False)
    return Range(lo=mk(lo), hi=mk(hi))


@st.composite
def dates(draw) -> DateValue:
    form = draw(st.sampled_from(["deadline", "date", "period", "frequency"]))
    if form == "frequency":
        return DateValue(form="frequency", every=draw(st.sampled_from(["年", "季度", "月", "周", "天", "半年"])))
    y = draw(st.none() | years)
    m = draw(st.none() | months) if y is not None else draw(months)
    d = draw(st.none() | days) if m is not None else None
    if form == "date":
        return DateValue(form="date", year=y, month=m, day=d)
    if form == "period":
        ey = y if y is not None else None
        if y is not None:
            ey = draw(st.integers(y, 2099))
        em = draw(months) if m is not None else None
        ed = draw(st.none() | days) if em is not None else None
        return DateValue(form="period", year=y, month=m, day=d, end_year=ey, end_month=em, end_day=ed)
    if d is not None:
        return DateValue(form="deadline", year=y, month=m, day=d, strict=d == 1)  # "M月1日前" is "M月前"
    strict = draw(st.booleans())
    if m is None:
        return DateValue(form="deadline", year=y, month=12 if not strict else None, strict=strict)
    every = "年" if y is None and draw(st.booleans()) else None
    return DateValue(form="deadline", year=y, month=m, every=every, strict=strict)


values = st.one_of(quantities(), ranges(), dates())
