"""Money cells of the 项目资金 block: "15万元", "8,827,620.53", "１５万元", " 万元" (blank).

Amounts are Decimal in 元. A number without a unit is in the form's declared unit (元 unless the
form says 金额单位：万元).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "万": Decimal(10000), "亿元": Decimal(100000000),
            "亿": Decimal(100000000), "千元": Decimal(1000)}

_AMOUNT = re.compile(
    r"(?P<num>[0-9][0-9,，]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<unit>亿元|万元|千元|元|万|亿)?"
)


def _ascii_digits(text: str) -> str:
    # NFKC folds full-width digits and signs; only ASCII digits survive the regex below.
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)  # amounts like "20万元" recur across a batch; Decimal is immutable
def parse_amount(text: str | None, default_unit: str = "元") -> Decimal | None:
    """The amount in 元 in ``text``, or None when the cell holds no number.

    Only the first number is read; a cell like "其中：财政拨款 15万元" gives 150000.
    """
    if not text:
        return None
    folded = _ascii_digits(text)
    m = _AMOUNT.search(folded)
    if m is None:
        return None
    raw = m.group("num").replace(",", "").replace("，", "")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return None
    unit = m.group("unit") or _unit_after(folded, m.end()) or default_unit
    factor = _FACTORS.get(unit, Decimal(1))
    return sane_amount(number * factor)


# No budget line comes near 10^20 元; a number beyond that is damage, and printing it in full
# (format "f" of 1E+999999999) would cost gigabytes.
MAX_MAGNITUDE = 20


def sane_amount(value: Decimal) -> Decimal | None:
    """``value`` when it is a finite amount of plausible magnitude, else None (unreadable)."""
    if not value.is_finite() or value and not -MAX_MAGNITUDE <= value.adjusted() <= MAX_MAGNITUDE:
        return None
    return value


def _unit_after(text: str, pos: int) -> str | None:
    rest = text[pos:].lstrip()
    for unit in ("亿元", "万元", "千元", "元"):
        if rest.startswith(unit):
            return unit
    return None


_DECLARED_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元|亿元|千元)")


def declared_unit(text: str) -> str | None:
    """The amount unit a line declares: 金额单位：元 / 单位：万元 → "元" / "万元"."""
    if "单位" not in text:  # the pattern needs 单位; most cells have none
        return None
    m = _DECLARED_UNIT.search(text)
    return m.group(1) if m else None
