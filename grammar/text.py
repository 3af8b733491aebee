"""Qualitative values: known grades, known vague phrases, and the quantities inside prose
("协调处置突发事件20次，开展…" keeps 20次)."""

from __future__ import annotations

import re
from functools import lru_cache

from grammar import lexicon, units
from grammar.ast import Quantity
from grammar.numbers import parse_arabic

PROSE_SCAN_LIMIT = 2000  # characters of prose searched for quantities; bounds the work

_GRADES = frozenset(lexicon.GRADES)
_VAGUE = tuple(sorted(lexicon.VAGUE_PHRASES, key=len, reverse=True))


def grade_of(norm: str) -> str | None:
    """The grade a value states ("优良", "程度较高" → "较高"), if it is only a grade."""
    if norm in _GRADES:
        return norm
    for qualifier in lexicon.GRADE_QUALIFIERS:
        if norm.startswith(qualifier) and norm[len(qualifier):] in _GRADES:
            return norm[len(qualifier):]
    return None


def vague_of(norm: str) -> str | None:
    """The first known vague phrase in the value (longest spelling wins at a position)."""
    best: tuple[int, str] | None = None
    for phrase in _VAGUE:
        at = norm.find(phrase)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, phrase)
    return best[1] if best else None


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    return re.compile(
        rf"(?P<op>{_alt(lexicon.PREFIX_OPS)})? ?"
        r"(?<![0-9.,])(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?) ?"
        rf"(?P<mag>{_alt(units.MAGNITUDE_SPELLINGS)})?"
        rf"(?P<unit>{_alt(units.SPELLINGS)})(?![A-Za-z])"
        rf"(?:/(?P<per>{_alt(units.SPELLINGS)})(?![A-Za-z]))?"
        rf"(?P<suffix>{_alt(lexicon.SUFFIX_OPS)})?"
    )


_HAS_DIGIT = re.compile(r"[0-9]")
_DATE_UNITS = frozenset({"月", "日", "号"})  # in prose these name days of the calendar


def quantities_in(norm: str) -> tuple[Quantity, ...]:
    """Quantities written inside prose, in order; dates ("2022年", "6月", "30日") are not quantities."""
    scanned = norm[:PROSE_SCAN_LIMIT]
    if not _HAS_DIGIT.search(scanned):
        return ()  # every match has an Arabic number: prose without one need not compile the scanner
    found = []
    for m in _scanner().finditer(scanned):
        unit_word = m.group("unit")
        after = norm[m.end("unit"):m.end("unit") + 1]
        if unit_word in _DATE_UNITS or (unit_word == "年" and (len(m.group("number")) == 4 or after.isdigit())):
            continue
        unit = units.lookup(unit_word, m.group("mag"))
        per = units.lookup(m.group("per")) if m.group("per") else None
        if unit is None:
            continue
        op = lexicon.PREFIX_OPS.get(m.group("op") or "") or lexicon.SUFFIX_OPS.get(m.group("suffix") or "")
        found.append(
            Quantity(
                op=op or "=",
                number=parse_arabic(m.group("number")),
                unit=unit,
                per=per,
                op_explicit=op is not None,
                source=m.group(0),
            )
        )
    return tuple(found)
