"""Money cells of the 项目资金 block: "15万元", "8,827,620.53", "１５万元", "-3万元", " 万元" (blank).

Amounts are Decimal in 元. A number without a unit is in the form's declared unit (元 unless the
form says 金额单位：万元). An amount is read exactly or not at all: "15,5万元" (a decimal comma?),
"1 000 0" or "12.5.3万元" are unreadable (None, and the loader reports the cell) rather than read
as their first digits.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from grammar.folding import drop_invisible

_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "万": Decimal(10000), "亿元": Decimal(100000000),
            "亿": Decimal(100000000), "千元": Decimal(1000)}

# The first number of a cell and everything that could still belong to it: digits, grouping
# separators (comma, ideographic comma, space), decimal points, an exponent. Whether that run is
# one well-formed number is decided by _WELL_FORMED, so "1 000 000" is never read as 1.
_NUMBER_RUN = re.compile(
    r"(?P<sign>[-−]\s*)?(?P<body>(?:[0-9]|\.[0-9])[0-9.,，' ]*?(?:[eE][+-]?[0-9]+)?)"
    r"(?=[^0-9.,，' eE]|[eE](?![+-]?[0-9])|\s*$)"
)
_WELL_FORMED = re.compile(
    r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:，[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+"
    r"|[0-9]{1,3}(?:'[0-9]{3})+)?"
    r"(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?"
)
_UNIT = re.compile(r"\s*(?P<unit>亿元|万元|千元|元|万|亿)?")
# A Latin letter or a placeholder mark right beside a number: damage, not a word near it.
_GLUED = re.compile(r"[A-Za-z*×✕?]")


def _ascii_digits(text: str) -> str:
    # NFKC folds full-width digits and signs, NBSP and thin spaces into ASCII; format characters
    # (ZWSP, soft hyphen, BOM) carry no meaning inside a number and are dropped.
    return drop_invisible(unicodedata.normalize("NFKC", text))


def parse_amount(text: str | None, default_unit: str = "元") -> Decimal | None:
    """The amount in 元 in ``text``, or None when the cell holds no number or no exact one.

    Only the first amount is read; a cell like "其中：财政拨款 15万元" gives 150000. Its number
    must be whole: a digit right after it ("15万5") makes the cell unreadable, never truncated;
    so does a Latin letter or a placeholder mark glued to it ("XX40XX", "4O" with the letter O
    for a zero, "40**"), which the value grammar calls damage too.
    """
    if not text:
        return None
    folded = _ascii_digits(text)
    m = _NUMBER_RUN.search(folded)
    if m is None:
        return None
    body = m.group("body").rstrip(" ,，'")
    if not _WELL_FORMED.fullmatch(body):
        return None
    try:
        number = Decimal(re.sub(r"[,，' ]", "", body))
    except InvalidOperation:
        return None
    if sane_amount(number) is None:
        return None  # "1e999999999": damage, and too large to multiply
    if m.group("sign"):
        number = -number
    end = m.start("body") + len(body)
    if _GLUED.match(folded[m.start() - 1 : m.start()]) or _GLUED.match(folded, end):  # [-1:0] is ""
        return None  # "XX40", "4O", "40**": a damaged number
    unit_match = _UNIT.match(folded, end)
    rest = folded[unit_match.end():].lstrip()
    if rest[:1].isdigit() or rest[:1] in "-−~～:/" and rest[1:2].isdigit():
        return None  # "15万5千元", "15 5万元", "10-15万元", "1:30": more than one number
    unit = unit_match.group("unit") or default_unit
    yuan = number * _FACTORS.get(unit, Decimal(1))
    if sane_amount(yuan) is None:
        return None
    if yuan.as_tuple().exponent > 0:
        yuan = yuan.quantize(Decimal(1)) if yuan else Decimal(0)  # "1.5e6" is 1500000, printed so
    return yuan


# Amounts like "20万元" recur across a batch (Decimal is immutable): the cache buys 2.1% of the
# per-form work (callgrind, 300 text forms; share of the per-form work, i.e. the run less its ~700 M start-up).
# Wrapped here rather than decorated, so that mutation testing reaches the function (mutmut
# leaves decorated functions alone; docs/testing.md).
parse_amount = lru_cache(maxsize=4096)(parse_amount)


# No budget line comes near 10^20 元; a number beyond that is damage, and printing it in full
# (format "f" of 1E+999999999) would cost gigabytes.
MAX_MAGNITUDE = 20


def sane_amount(value: Decimal) -> Decimal | None:
    """``value`` when it is a finite amount of plausible magnitude, else None (unreadable)."""
    if not value.is_finite() or value and not -MAX_MAGNITUDE <= value.adjusted() <= MAX_MAGNITUDE:
        return None
    return value


# 金额单位：元 / 单位：万元 / 金额单位：人民币万元 / （单位：万元） / 单位(万元) / 单位 万元; not 计量单位
# (an indicator's unit) nor 预算单位/实施单位 (organisations).
_DECLARED_UNIT = re.compile(
    r"(?<![计量预算实施主管填报部])(?:金额)?单位\s*(?:[:：]\s*|[（(]\s*|\s+)(?:人民币\s*)?(万元|亿元|千元|元)"
)


def declared_unit(text: str) -> str | None:
    """The amount unit a line declares: 金额单位：元 / 单位：万元 → "元" / "万元"."""
    if "单位" not in text:  # the pattern needs 单位; most cells have none
        return None
    m = _DECLARED_UNIT.search(unicodedata.normalize("NFKC", text))
    return m.group(1) if m else None


# A cell whose purpose is the declaration: it starts with it ("金额单位：元", "（单位：万元）"), or it
# is a title line that ends with it in brackets ("2022年项目支出绩效目标表（单位：万元）").
_DECLARATION_CELL = re.compile(
    r"^[（(]?(?:金额)?单位|表[（(](?:金额)?单位[:：]?(?:人民币)?(?:万元|亿元|千元|元)[)）]$"
)


def unit_declaration(text: str) -> str | None:
    """The unit a cell declares when declaring it is what the cell is for (a cell of prose that
    happens to mention 单位：元 declares nothing)."""
    unit = declared_unit(text)
    if unit is None:
        return None
    squashed = "".join(unicodedata.normalize("NFKC", text).split())
    return unit if _DECLARATION_CELL.search(squashed) else None
