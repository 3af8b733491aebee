"""Recognising damaged values: template placeholders, blanks where the number should be, OCR
letters in numbers, foreign digits, unbalanced brackets, unknown units. Never guesses a repair."""

from __future__ import annotations

import re
from functools import lru_cache

from grammar import lexicon, units
from grammar.ast import DateValue, Damage

_PLACEHOLDER = re.compile(
    r"[*]+|(?<![A-Za-z])(?:[Xx]{2,}|×{2,})(?![A-Za-z])|[□○]{2,}|_{2,}"
)
_HAS_DIGIT = re.compile(r"[0-9]")
_FILLER_ONLY = re.compile(r"^[-_/\\—–.·。、~]+$")
_LETTER_IN_NUMBER = re.compile(r"(?<![A-Za-z0-9.])(?=[0-9OoIl.]*[0-9])(?=[0-9OoIl.]*[OoIl])[0-9OoIl][0-9OoIl.]*(?![A-Za-z])")
_CN_DIGITS = frozenset("零〇一二两三四五六七八九")


@lru_cache(maxsize=1)
def _cn_next_to_digit() -> re.Pattern[str]:
    """Compiled on first use (~0.7 ms, a class of Chinese characters): only a value that holds
    one of _CN_DIGITS can match, and most never do."""
    return re.compile(r"[零〇一二两三四五六七八九][0-9]+|[0-9]+[零〇一二两三四五六七八九]")
_OPENERS = {"(": ")", "[": "]", "【": "】", "《": "》", "{": "}", "「": "」", "『": "』", "〔": "〕"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def _missing_pattern() -> re.Pattern:
    """An operator, magnitude or unit with no number: "≥%", "万元", "≤ /天以内"."""
    op = _alt(lexicon.PREFIX_OPS)
    suffix = _alt(lexicon.SUFFIX_OPS)
    unit = _alt(units.SPELLINGS)
    mag = _alt(units.MAGNITUDE_SPELLINGS)
    return re.compile(
        rf"^(?P<op>{op})? ?(?P<mag>{mag})?(?P<unit>{unit})?(?:/(?P<per>{unit}))? ?(?P<suffix>{suffix})?$"
    )


@lru_cache(maxsize=1)
def _unknown_pattern() -> re.Pattern:
    """A number followed by a short word the unit table does not know: "95 pct", "≥3 tons"."""
    op = _alt(lexicon.PREFIX_OPS)
    return re.compile(
        rf"^(?P<op>{op})? ?(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?) ?(?P<unit>[^\s0-9,.;:!?()。，；：、]{{1,4}})$"
    )


def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """Both damage patterns (tests)."""
    return _missing_pattern(), _unknown_pattern()


_OP_FIRST = frozenset(w[0] for w in lexicon.PREFIX_OPS)
_AFTER_LAST_DIGIT = re.compile(r"[0-9]([^0-9]*)$")


def _may_have_unknown_unit(norm: str) -> bool:
    """False when _unknown_pattern cannot match, checked without compiling it: a match starts
    with an operator, a space or a digit, and after its number's last digit come only the
    number's trailing commas, one space and at most 4 characters of unit (no digits)."""
    if not norm or not (norm[0] in _OP_FIRST or norm[0] == " " or "0" <= norm[0] <= "9"):
        return False
    last = _AFTER_LAST_DIGIT.search(norm)
    return last is not None and len(last.group(1).lstrip(",")) <= 5


@lru_cache(maxsize=1)
def _missing_starts() -> tuple[frozenset[str], frozenset[str]]:
    """(first characters, all characters) a missing-number match can have: it starts with a
    space, an operator, a magnitude or a unit, and is made only of those, '/' and suffixes.
    Prose outside them ("达到预期") skips compiling the patterns."""
    first = (*lexicon.PREFIX_OPS, *units.MAGNITUDE_SPELLINGS, *units.SPELLINGS)
    every = (*first, *lexicon.SUFFIX_OPS)
    return frozenset({" "} | {w[0] for w in first if w}), frozenset(" /").union(*every)


def _may_miss_number(norm: str) -> bool:
    starts, chars = _missing_starts()
    return norm[:1] in starts and chars.issuperset(norm)


def placeholder(norm: str) -> Damage | None:
    """Unfilled template text: `≥**%`, `XX`, `20**年`, `****000元`, or only filler marks."""
    found = _PLACEHOLDER.search(norm)
    if found:
        return Damage("placeholder", {"placeholder": found.group(0)})
    if _FILLER_ONLY.match(norm):
        return Damage("placeholder", {"placeholder": norm})
    return None


def unbalanced(text: str) -> Damage | None:
    """The first bracket without its partner (truncated or mistyped cells)."""
    stack: list[str] = []
    for char in text:
        if char in _OPENERS:
            stack.append(char)
        elif char in _CLOSERS:
            if not stack or stack[-1] != _CLOSERS[char]:
                return Damage("unbalanced-bracket", {"bracket": char})
            stack.pop()
    if stack:
        return Damage("unbalanced-bracket", {"bracket": stack[-1]})
    return None


def diagnose(norm: str) -> Damage | None:
    """Why a value that did not parse is damaged, or None when it is simply prose."""
    for char in norm:
        if char.isdecimal() and not "0" <= char <= "9":
            return Damage("bad-number", {"number": char})
    found = _missing_pattern().match(norm) if _may_miss_number(norm) else None
    if found and (found.group("op") or found.group("unit") or found.group("mag")):
        op = lexicon.PREFIX_OPS.get(found.group("op") or "") or lexicon.SUFFIX_OPS.get(
            found.group("suffix") or "", ""
        )
        unit = found.group("unit") or ""
        unit = (found.group("mag") or "") + units.canonical_symbol(unit)
        return Damage("missing-number", {"op": op, "unit": unit})
    letter = _LETTER_IN_NUMBER.search(norm)
    if letter:
        return Damage("letter-in-number", {"number": letter.group(0)})
    short = len(norm) <= 16
    if short:
        mixed = None if _CN_DIGITS.isdisjoint(norm) else _cn_next_to_digit().search(norm)
        if mixed:
            return Damage("bad-number", {"number": mixed.group(0)})
    bracket = unbalanced(norm)
    if bracket:
        return bracket
    found = _unknown_pattern().match(norm) if _may_have_unknown_unit(norm) else None
    if found:
        word = found.group("unit")
        known_prefix = any(word.startswith(s) for s in units.SPELLINGS)
        if found.group("op") or not known_prefix:
            return Damage("unknown-unit", {"number": found.group("number"), "unit": word})
    return None


def impossible_date(value) -> Damage | None:
    """A date that no calendar has ("2022年2月30日", "2023.4.31"): damage, never a deadline.

    Without a year ("每年2月29日") February has 29 days."""
    if not isinstance(value, DateValue):
        return None
    for year, month, day in ((value.year, value.month, value.day), (value.end_year, value.end_month, value.end_day)):
        if month is None or day is None:
            continue
        if day > _days_in(year, month):
            shown = f"{year}年" if year is not None else ""
            return Damage("impossible-date", {"date": f"{shown}{month}月{day}日"})
    return None


def _days_in(year: int | None, month: int) -> int:
    if month != 2:
        return 30 if month in (4, 6, 9, 11) else 31
    leap = year is None or year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if leap else 28
