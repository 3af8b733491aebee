"""A fast path for the commonest shapes — [op] number [unit] [/per] [suffix op], and ranges
number [unit] – number [unit] — without Lark.

It exists for speed only (Lark in pure Python costs ~100 µs a value; its import and the big unit
regexes cost start-up time) and must build exactly the AST the Lark path builds:
tests/grammar/test_properties.py checks fast_parse(s) == Lark's result for every s it accepts,
over strings generated from the grammar and corpus-like values. It mimics the contextual lexer:
the longest unit spelling is tried before a magnitude word, and values whose reading the grammar
may make a date (no comparator and a unit starting with 年/月/日/号; a 4-digit number followed by
. / -) are left to Lark. Its alphabet has no placeholder mark (*, XX, ××, __), so it may run before
the placeholder check.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from grammar import lexicon, units
from grammar.ast import DateValue
from grammar.build import make_quantity, shared_range

_CALENDAR = ("年", "月", "日", "号")
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_DATE_START = re.compile(r"[0-9]{4}[./-]")
_UNITS = frozenset(units.SPELLINGS)
_UNIT_LENGTHS = sorted({len(s) for s in units.SPELLINGS}, reverse=True)
_MAGS = frozenset(units.MAGNITUDE_SPELLINGS)
_MAG_LENGTHS = sorted({len(s) for s in units.MAGNITUDE_SPELLINGS}, reverse=True)
_OPS = lexicon.PREFIX_OPS
_OP_LENGTHS = sorted({len(s) for s in lexicon.PREFIX_OPS}, reverse=True)
_SEPARATORS = sorted(lexicon.RANGE_SEPARATORS, key=len, reverse=True)
# "2025年9月底前", "2022年度", "2023年6月30日": YEAR MONTH? DAY? DEADLINE? of value.lark, each
# part as its terminal's regex. Token boundaries are the literal 年/月/日/号, so matching the
# parts together splits the text exactly as the contextual lexer does.
_YEAR_START = re.compile(r"[0-9]{4}年")
_YEAR_DATE = re.compile(
    r"([0-9]{4})年(?:度)?(?:(1[0-2]|0?[1-9])月(?:份)?)?(?:(3[01]|[12][0-9]|0?[1-9])[日号])?"
)


def _longest(s: str, i: int, words: frozenset | dict, lengths: list[int]) -> str | None:
    for n in lengths:
        if s[i:i + n] in words:
            return s[i:i + n]
    return None


def _space(s: str, i: int) -> int:
    return i + 1 if s.startswith(" ", i) else i


def _unit_spec(s: str, i: int) -> tuple[str | None, str | None, int]:
    """(unit spelling, magnitude, end) at i, or (None, None, i): unit before magnitude, like Lark."""
    j = _space(s, i)
    unit = _longest(s, j, _UNITS, _UNIT_LENGTHS)
    if unit is not None:
        return unit, None, j + len(unit)
    mag = _longest(s, j, _MAGS, _MAG_LENGTHS)
    if mag is None:
        return None, None, i
    j += len(mag)
    k = _space(s, j)
    unit = _longest(s, k, _UNITS, _UNIT_LENGTHS)
    if unit is not None:
        return unit, mag, k + len(unit)
    return None, mag, j


def _unit(unit_text: str | None, mag: str | None):
    if unit_text is None and mag is None:
        return None
    return units.lookup(unit_text or "", mag)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "") if "," in text else text)


def fast_parse(norm: str, source: str = ""):
    """The Quantity, Range or DateValue for a simple normalised value, or None to let Lark decide."""
    if _YEAR_START.match(norm):
        return _year_date(norm, source)
    op_text = _longest(norm, 0, _OPS, _OP_LENGTHS)
    i = _space(norm, len(op_text)) if op_text else 0
    m = _NUMBER.match(norm, i)
    if m is None:
        return None
    unit_text, mag, i = _unit_spec(norm, m.end())
    if op_text is None and unit_text is not None and unit_text.startswith(_CALENDAR):
        return None
    per_text = pmag = None
    j = _space(norm, i)
    if norm.startswith("/", j):
        per_text, pmag, k = _unit_spec(norm, _space(norm, j + 1))
        if per_text is None and pmag is None:
            return None
        i = k
    rest = norm[_space(norm, i):] if i < len(norm) else ""
    suffix = None
    if rest:
        suffix = lexicon.SUFFIX_OPS.get(rest)
        if suffix is None:
            if op_text is None and per_text is None and pmag is None:
                return _range(norm, source)
            return None
    op = _OPS[op_text] if op_text is not None else suffix
    unit, per = _unit(unit_text, mag), _unit(per_text, pmag)
    spec = None if unit is None and per is None else (unit, (), per, ())
    return make_quantity(op, _decimal(m.group(0)), spec, source=source)


def _range(norm: str, source: str):
    if _DATE_START.match(norm):
        return None
    ends = []
    i = 0
    for side in ("lo", "hi"):
        m = _NUMBER.match(norm, i)
        if m is None:
            return None
        unit_text, mag, i = _unit_spec(norm, m.end())
        if unit_text is not None and unit_text.startswith(_CALENDAR):
            return None  # "1-12月", "3-5月份": the grammar decides between months and a period
        unit = _unit(unit_text, mag)
        ends.append(make_quantity(None, _decimal(m.group(0)), None if unit is None else (unit, (), None, ())))
        if side == "lo":
            i = _space(norm, i)
            sep = next((s for s in _SEPARATORS if norm.startswith(s, i)), None)
            if sep is None:
                return None
            i = _space(norm, i + len(sep))
    if i != len(norm):
        return None
    return attrs.evolve(shared_range(*ends), source=source)


def _year_date(norm: str, source: str):
    """A date or deadline that starts with a year, or None (periods, spans, spaces: Lark)."""
    m = _YEAR_DATE.match(norm)
    rest = norm[m.end():]
    year, month, day = (None if g is None else int(g) for g in m.groups())
    if not rest:
        return DateValue(form="date", year=year, month=month, day=day, source=source)
    strict = lexicon.DEADLINE_SUFFIXES.get(rest)
    if strict is None:
        return None
    if day is not None:
        strict = False  # as ToAst.deadline: "6月30日前" is by that day
    if month is None and not strict:
        month = 12  # "2022年底前"
    return DateValue(form="deadline", year=year, month=month, day=day, strict=strict, source=source)
