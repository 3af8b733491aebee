"""Qualitative values: known grades, known vague phrases, and the quantities inside prose
("协调处置突发事件20次，开展…" keeps 20次)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

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
    """The definition of a quantity in prose, as one regex. Compiling it costs 21 M instructions
    (~6.7 ms) of a one-form check's start-up (callgrind: 731 vs 709 M; three alternations of every
    unit and operator spelling), so quantities_in runs _scan, which finds the same matches by
    hand; the tests hold _scan to this pattern."""
    return re.compile(
        rf"(?P<op>{_alt(lexicon.PREFIX_OPS)})? ?"
        r"(?<![0-9.,])(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?) ?"
        rf"(?P<mag>{_alt(units.MAGNITUDE_SPELLINGS)})?"
        rf"(?P<unit>{_alt(units.SPELLINGS)})(?![A-Za-z])"
        rf"(?:/(?P<per>{_alt(units.SPELLINGS)})(?![A-Za-z]))?"
        rf"(?P<suffix>{_alt(lexicon.SUFFIX_OPS)})?"
    )


class _Words:
    """A word list matched at a position the way a longest-first regex alternation tries it."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        by_first: dict[str, set[int]] = {}
        for word in self.words:
            by_first.setdefault(word[0], set()).add(len(word))
        self.lengths = {c: sorted(ns, reverse=True) for c, ns in by_first.items()}

    def all_at(self, s: str, i: int) -> list[str]:
        """Every listed word at i, longest first (the order the alternation backtracks in)."""
        found = []
        for n in self.lengths.get(s[i:i + 1], ()):
            word = s[i:i + n]
            if len(word) == n and word in self.words:
                found.append(word)
        return found

    def longest_at(self, s: str, i: int) -> str | None:
        found = self.all_at(s, i)
        return found[0] if found else None


_OPS = _Words(lexicon.PREFIX_OPS)
_MAGNITUDES = _Words(units.MAGNITUDE_SPELLINGS)
_UNITS = _Words(units.SPELLINGS)
_SUFFIXES = _Words(lexicon.SUFFIX_OPS)
_NUMBER = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Where a match can start: a number, or the space or operator before it, which leave at most
# (longest operator + 1 space) characters before the number's first digit.
_MATCH_START = re.compile(
    "[0-9]|[ " + "".join(sorted({re.escape(w[0]) for w in lexicon.PREFIX_OPS})) + "]"
    + f"(?=[^0-9]{{0,{max(map(len, lexicon.PREFIX_OPS))}}}[0-9])"
)


class _Match(NamedTuple):
    """The groups of a _scanner() match that quantities_in reads."""

    start: int
    end: int
    op: str | None
    number: str
    mag: str | None
    unit: str
    unit_end: int
    per: str | None
    suffix: str | None


def _unit_at(s: str, i: int) -> tuple[str | None, str, int] | None:
    """(magnitude, unit, unit end) at i: magnitude spellings longest first, then none; for
    each, unit spellings longest first, the first not followed by a Latin letter."""
    for mag in (*_MAGNITUDES.all_at(s, i), None):
        j = i + len(mag) if mag else i
        for unit in _UNITS.all_at(s, j):
            end = j + len(unit)
            if s[end:end + 1] not in _LATIN:
                return mag, unit, end
    return None


def _match_at(s: str, start: int) -> _Match | None:
    """_scanner().match(s, start), by hand. The choices a regex would backtrack over cannot
    change the outcome here (tests/grammar/test_properties.py checks the premises): a shorter
    operator is followed by the rest of the longer one, never by a space or digit; a shorter
    number or a skipped space is followed by a digit, ',', '.' or space, which starts no
    magnitude or unit. Only the magnitude and unit alternatives are really backtracked."""
    i = start
    op = _OPS.longest_at(s, i)
    if op is not None:
        i += len(op)
    if s[i:i + 1] == " ":
        i += 1
    if i > 0 and s[i - 1] in "0123456789.,":
        return None
    number = _NUMBER.match(s, i)
    if number is None:
        return None
    i = number.end()
    if s[i:i + 1] == " ":
        i += 1
    found = _unit_at(s, i)
    if found is None:
        return None
    mag, unit, unit_end = found
    end, per = unit_end, None
    if s[end:end + 1] == "/":
        for word in _UNITS.all_at(s, end + 1):
            after = end + 1 + len(word)
            if s[after:after + 1] not in _LATIN:
                per, end = word, after
                break
    suffix = _SUFFIXES.longest_at(s, end)
    if suffix is not None:
        end += len(suffix)
    return _Match(start, end, op, number.group(0), mag, unit, unit_end, per, suffix)


def _scan(s: str) -> list[_Match]:
    """_scanner().finditer(s), by hand: the leftmost match, then on from its end."""
    found = []
    position = 0
    while True:
        candidate = _MATCH_START.search(s, position)
        if candidate is None:
            return found
        match = _match_at(s, candidate.start())
        if match is None:
            position = candidate.start() + 1
        else:
            found.append(match)
            position = match.end


_HAS_DIGIT = re.compile(r"[0-9]")
_DATE_UNITS = frozenset({"月", "日", "号"})  # in prose these name days of the calendar


def quantities_in(norm: str) -> tuple[Quantity, ...]:
    """Quantities written inside prose, in order; dates ("2022年", "6月", "30日") are not quantities."""
    scanned = norm[:PROSE_SCAN_LIMIT]
    if not _HAS_DIGIT.search(scanned):
        return ()  # every match has an Arabic number
    found = []
    for m in _scan(scanned):
        unit_word = m.unit
        after = norm[m.unit_end:m.unit_end + 1]
        if unit_word in _DATE_UNITS or (unit_word == "年" and (len(m.number) == 4 or after.isdigit())):
            continue
        unit = units.lookup(unit_word, m.mag)
        per = units.lookup(m.per) if m.per else None
        if unit is None:
            continue
        op = lexicon.PREFIX_OPS.get(m.op or "") or lexicon.SUFFIX_OPS.get(m.suffix or "")
        found.append(
            Quantity(
                op=op or "=",
                number=parse_arabic(m.number),
                unit=unit,
                per=per,
                op_explicit=op is not None,
                source=scanned[m.start:m.end],
            )
        )
    return tuple(found)
