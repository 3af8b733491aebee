"""Numbers of the value language, as exact Decimals.

Allowed digits: ASCII 0-9 only, after NFKC folding (which turns full-width ０-９ into ASCII).
Other Unicode digits (Arabic-Indic ٠-٩, Devanagari …) are accepted by ``\\d`` and ``Decimal()``
but are not how a Chinese form is written: they are reported as damage ("bad-number"), never read.
Thousands separators are commas between groups of three ("8,827,620.53"). Chinese numerals are
read for small counts ("三次", "十二期", "两个", "二十五", "一百", "三千").
"""

from __future__ import annotations

from decimal import Decimal

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)


class BadNumber(ValueError):
    """A numeral that cannot be read exactly."""


def parse_arabic(text: str) -> Decimal:
    """ASCII digits with optional sign, thousands commas and decimal point → Decimal."""
    if not text or any(c not in "0123456789+-,." for c in text):
        raise BadNumber(text)
    return Decimal(text.replace(",", ""))


def parse_chinese(text: str) -> Decimal:
    """Chinese numerals below 万 ("十二" → 12, "两" → 2, "一百零五" → 105) → Decimal."""
    if not text or any(c not in CN_NUMERAL_CHARS for c in text):
        raise BadNumber(text)
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for char in text:
        if char in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[char] != 0:
                raise BadNumber(text)  # "二三": two digits in a row
            digit = CN_DIGITS[char]
        else:
            unit = CN_UNITS[char]
            if unit >= last_unit:
                raise BadNumber(text)  # "十百": units must fall
            if digit is None:
                if total or char != "十":
                    raise BadNumber(text)
                digit = 1  # "十二" = 12
            total += digit * unit
            digit = None
            last_unit = unit
    if digit:
        total += digit
    return Decimal(total)


def format_decimal(value: Decimal, *, keep_zeros: bool = False) -> str:
    """The one way a Decimal becomes text: positional, never an exponent ("1.20E+4" → "12000").

    Trailing fractional zeros are dropped ("1.50" → "1.5"), unless ``keep_zeros`` and the value
    is not whole: then the digits given are kept ("1.50" stays "1.50", the precision a form or a
    user wrote), while a whole number still loses them ("100.00" → "100")."""
    if keep_zeros and value != value.to_integral():
        return format(value, "f")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text
