"""Validators for rule options: each takes the value a user configured and returns it converted,
or raises ``ValueError`` with a reason the configuration error shows.

A rule names one in its ``Option(default, doc, validate=...)``; they compose like attrs'
validators (``level1_list`` is ``word_list`` plus a check of each name).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from policy.forms.hierarchy import LEVEL1, LEVEL2


def word_list(value: Any) -> tuple[str, ...]:
    """A list of non-empty strings, each stripped (an empty list turns the word test off)."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError("expected a list of strings")
    if not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    words = tuple(v.strip() for v in value)
    if any(not w for w in words):
        raise ValueError("empty string in the list")
    return words


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("expected a positive integer")
    return value


def non_negative_decimal(value: Any) -> Decimal:
    """A number ≥ 0 as Decimal (a float goes through its shortest text, never binary)."""
    if isinstance(value, bool):
        raise ValueError("expected a number")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError("expected a number") from None
    if not number.is_finite() or number < 0:
        raise ValueError("expected a non-negative number")
    return number


def positive_decimal(value: Any) -> Decimal:
    number = non_negative_decimal(value)
    if number == 0:
        raise ValueError("expected a number > 0")
    return number


def percent_number(value: Any) -> Decimal:
    number = non_negative_decimal(value)
    if number > 100:
        raise ValueError("expected a percentage between 0 and 100")
    return number


def level1_list(value: Any) -> tuple[str, ...]:
    names = word_list(value)
    unknown = [n for n in names if n not in LEVEL1]
    if unknown:
        raise ValueError(f"unknown 一级 {unknown}; expected some of {list(LEVEL1)}")
    return names


def level2_list(value: Any) -> tuple[str, ...]:
    names = word_list(value)
    unknown = [n for n in names if n not in LEVEL2]
    if unknown:
        raise ValueError(f"unknown 二级 {unknown}; expected some of {list(LEVEL2)}")
    return names


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value
