"""A precompiled-regex fast path for the commonest shapes: [op] number [unit] [/per] [suffix op],
and ranges number [unit] – number [unit].

It exists for speed only (Lark in pure Python costs ~100 µs a value) and must build exactly the
AST the Lark path builds: tests/grammar/test_fastpath.py checks fast_parse(s) == Lark's result for
every s it accepts, over strings generated from the grammar and every corpus value. It mimics the
contextual lexer: a unit spelling is tried before a magnitude word (atomic group, no
backtracking), and values without an explicit comparator whose unit starts with a calendar word
(年/月/日/号, which the grammar may read as a date) are left to Lark.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from grammar import lexicon, units
import attrs

from grammar.build import make_quantity, shared_range

_CALENDAR = ("年", "月", "日", "号")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda s: (-len(s), s)))


def _amount(name: str) -> str:
    unit = _alt(units.SPELLINGS)
    mag = _alt(units.MAGNITUDE_SPELLINGS)
    return (
        rf"(?P<{name}number>[+-]?(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?)"
        rf"(?: ?(?>(?P<{name}unit>{unit})|(?P<{name}mag>{mag})(?: ?(?P<{name}unit2>{unit}))?))?"
    )


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern:
    return re.compile(rf"{_amount('lo')} ?(?P<sep>{_alt(lexicon.RANGE_SEPARATORS)}) ?{_amount('hi')}")


_DATE_START = re.compile(r"[0-9]{4}[./-]")


def _range(norm: str, source: str):
    m = _range_pattern().fullmatch(norm)
    if m is None or _DATE_START.match(norm):
        return None
    ends = []
    for side in ("lo", "hi"):
        unit_text, mag = m.group(side + "unit") or m.group(side + "unit2"), m.group(side + "mag")
        if unit_text is not None and unit_text.startswith(_CALENDAR):
            return None  # "1-12月", "3-5月份": the grammar decides between months and a period
        unit = units.lookup(unit_text or "", mag) if (unit_text or mag) else None
        number = m.group(side + "number")
        number = Decimal(number.replace(",", "") if "," in number else number)
        ends.append(make_quantity(None, number, None if unit is None else (unit, (), None, ())))
    value = shared_range(*ends)
    return attrs.evolve(value, source=source)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    unit = _alt(units.SPELLINGS)
    mag = _alt(units.MAGNITUDE_SPELLINGS)
    return re.compile(
        rf"(?P<op>{_alt(lexicon.PREFIX_OPS)})? ?"
        r"(?P<number>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
        rf"(?: ?(?>(?P<unit>{unit})|(?P<mag>{mag})(?: ?(?P<unit2>{unit}))?))?"
        rf"(?: ?/ ?(?>(?P<per>{unit})|(?P<pmag>{mag})(?: ?(?P<per2>{unit}))?))?"
        rf"(?: ?(?P<suffix>{_alt(lexicon.SUFFIX_OPS)}))?"
    )


def fast_parse(norm: str, source: str = ""):
    """The Quantity for a simple normalised value, or None to let the Lark path decide."""
    m = _pattern().fullmatch(norm)
    if m is None:
        return _range(norm, source)
    op_text, unit_text, mag = m.group("op"), m.group("unit") or m.group("unit2"), m.group("mag")
    if op_text is None and unit_text is not None and unit_text.startswith(_CALENDAR):
        return None
    if unit_text is not None:
        unit = units.lookup(unit_text, mag)
    elif mag is not None:
        unit = units.lookup("", mag)
    else:
        unit = None
    per_text, pmag = m.group("per") or m.group("per2"), m.group("pmag")
    if per_text is not None:
        per = units.lookup(per_text, pmag)
    elif pmag is not None:
        per = units.lookup("", pmag)
    else:
        per = None
    op = None
    if op_text is not None:
        op = lexicon.PREFIX_OPS[op_text]
    elif m.group("suffix") is not None:
        op = lexicon.SUFFIX_OPS[m.group("suffix")]
    spec = None if unit is None and per is None else (unit, (), per, ())
    number = m.group("number")  # the pattern admits ASCII digits, sign, commas and a point only
    return make_quantity(op, Decimal(number.replace(",", "") if "," in number else number), spec, source=source)
