"""Shared pieces of the C (consistency) rules: text normalisation, implementer parsing, and the
quantities promised in a 年度目标.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from grammar import parse_value
from grammar.ast import Quantity
from grammar.folding import nfkc
from policy.authoring.patterns import LazyPattern


DEFAULT_OFFICE_SUFFIXES = (
    "办公室",
    "办",
    "局",
    "处",
    "科",
    "室",
    "中心",
    "所",
    "站",
    "队",
    "院",
    "委",
    "部",
    "厅",
    "组",
    "股",
    "馆",
    "会",
    "司",
    "校",
    "公司",
    "街道",
    "镇",
    "乡",
)


def _is_person(word: str) -> bool:
    """Whether ``word`` can be a person's name: 2–4 CJK ideographs (U+4E00–U+9FFF) or ``·``.

    Exactly ``re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", word)``, written out because compiling that
    21,000-character class costs ~1.5 ms of every cold start (tests/rules/test_person_name.py)."""
    return 2 <= len(word) <= 4 and all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in word)


def split_implementer(
    text: str | None, suffixes: Iterable[str] = DEFAULT_OFFICE_SUFFIXES
) -> tuple[str, str] | None:
    """(office, person) of a 实施单位及责任人 cell, or None when no person can be told apart.

    "市府办 譙小涛" splits on the space; "市府办譙小涛" splits after the last office suffix
    (办/局/中心 …) that leaves a 2–4 character name.
    """
    if not text:
        return None
    return _split_implementer(text, tuple(suffixes))


# One of the goal and prose memos of the consistency helpers: together they buy 2.2% end to end
# (callgrind, 300 text forms: 2,909 M instructions without them, 2,844 M with them).
@lru_cache(maxsize=4096)
def _split_implementer(text: str, suffixes: tuple[str, ...]) -> tuple[str, str] | None:
    norm = nfkc(text).strip()
    tokens = [t for t in re.split(r"[\s\u3000/:：,，;；]+", norm) if t]
    if len(tokens) >= 2 and _is_person(tokens[-1]):
        return "".join(tokens[:-1]), tokens[-1]
    if len(tokens) != 1:
        return None
    word = tokens[0]
    split: tuple[str, str] | None = None
    for cand in _alternation(suffixes).finditer(word):
        office, person = word[: cand.end()], word[cand.end() :]
        if _is_person(person):
            split = (office, person)  # the last suffix that leaves a 2–4 character name
    return split


# ---------------------------------------------------------------- quantities in 年度目标

DEFAULT_COUNTERS = (
    "人次",
    "期",
    "次",
    "场",
    "个",
    "人",
    "名",
    "份",
    "本",
    "册",
    "户",
    "家",
    "村",
    "篇",
    "条",
    "台",
    "套",
    "辆",
    "项",
    "所",
    "座",
    "处",
    "批",
    "件",
    "株",
    "棵",
    "间",
    "栋",
    "班",
    "届",
    "亩",
    "公里",
    "吨",
    "平方米",
)
DEFAULT_APPROX_WORDS = (
    "余",
    "多",
    "约",
    "近",
    "左右",
    "以上",
    "以下",
    "以内",
    "上下",
    "超过",
    "不少于",
    "不低于",
    "至少",
    "不超过",
    "逾",
    "大约",
    "若干",
    "每",
    "第",
    "其中",
)
_CLAUSE_BREAK = LazyPattern(r"[，,。；;！!？?\n、：:]")
# The first character of any _NUMBER. A set, not a character class: a class of Chinese characters
# costs ~0.7 ms to compile, and "has one of these characters" is all that is asked.
_NUMERALS = frozenset("0123456789零〇一二两三四五六七八九十百千")
_NUMBER = (
    r"(?P<num>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(?P<mag>万|千)?"
)


class Promise(NamedTuple):
    """A number promised in prose: "全年共16期" → 16 期 (the fragment and where it starts)."""

    fragment: str
    number: Decimal
    unit: str  # the counter word as written (期, 人次, 万人次 → 人次 with the magnitude applied)
    start: int
    clause: str = (
        ""  # the clause around it, between punctuation ("培训基层干部800人次")
    )


# One of the goal and prose memos of the consistency helpers: together they buy 2.2% end to end
# (callgrind, 300 text forms: 2,909 M instructions without them, 2,844 M with them).
@lru_cache(maxsize=32)
def _promise_pattern(counters: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(
        sorted((re.escape(c) for c in counters), key=len, reverse=True)
    )
    return re.compile(
        rf"{_NUMBER}(?P<approx>余|多)?(?P<unit>{alternation})(?!工作日|月|小时|星期|季度|类|级|型|置|理|室|长|于)"
    )


# One of the goal and prose memos of the consistency helpers: together they buy 2.2% end to end
# (callgrind, 300 text forms: 2,909 M instructions without them, 2,844 M with them).
@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)))


def promises(
    text: str | None,
    counters: Iterable[str],
    approx_words: Iterable[str],
    parse_value: Any,
) -> Iterator[Promise]:
    """Exact counted quantities in a goal text. Approximate or per-period numbers are skipped:
    "150余次", "约20人", "20次左右", "每月一期", "第3期", "其中5个"."""
    if not text:
        return
    norm = nfkc(text)
    if _NUMERALS.isdisjoint(norm):
        return  # every promise starts with a digit or a Chinese numeral (_NUMBER): none here
    approx = tuple(approx_words)
    pattern = _promise_pattern(tuple(counters))
    # Any approximate word in a text, found in one search (no words: nothing to find); compiled
    # for the first number that needs it, since most goals promise nothing (~0.7 ms cold).
    approx_words_in = None
    for m in pattern.finditer(norm):
        if m.group("approx"):
            continue
        if m.start() > 0 and (
            norm[m.start() - 1].isdigit() or norm[m.start() - 1] in "./-"
        ):
            continue
        clause_start = max(
            (b.end() for b in _CLAUSE_BREAK.finditer(norm, 0, m.start())), default=0
        )
        before = norm[clause_start : m.start()]
        after = norm[m.end() : m.end() + 3]
        if after.startswith(approx):
            continue
        if approx:
            if approx_words_in is None:
                approx_words_in = _alternation(approx)
            if approx_words_in.search(before):
                continue
        fragment = m.group(0)
        value = parse_value(fragment)
        if not isinstance(value, Quantity) or value.per is not None or value.base_unit is None:
            continue
        clause_end = next(
            (b.start() for b in _CLAUSE_BREAK.finditer(norm, m.end())), len(norm)
        )
        yield Promise(
            fragment=fragment,
            number=value.base_value,
            unit=value.base_unit,
            start=m.start(),
            clause=norm[clause_start:clause_end],
        )


# One of the goal and prose memos of the consistency helpers: together they buy 2.2% end to end
# (callgrind, 300 text forms: 2,909 M instructions without them, 2,844 M with them).
@lru_cache(maxsize=2048)
def promise_tuple(
    text: str | None, counters: tuple[str, ...], approx_words: tuple[str, ...]
) -> tuple[Promise, ...]:
    """``promises`` of ``text`` read with the value grammar, as a tuple (Promise is frozen)."""
    return tuple(promises(text, counters, approx_words, parse_value))


def interval_sum(
    bounds: list[tuple[Decimal | None, Decimal | None]],
) -> tuple[Decimal | None, Decimal | None]:
    """Bounds of the sum of several (lo, hi) bounds (None = unbounded)."""
    lo: Decimal | None = Decimal(0)
    hi: Decimal | None = Decimal(0)
    for b_lo, b_hi in bounds:
        lo = None if lo is None or b_lo is None else lo + b_lo
        hi = None if hi is None or b_hi is None else hi + b_hi
    return lo, hi


def subset_sums(values: list[Decimal], limit: int = 12) -> set[Decimal]:
    """Every sum of a non-empty subset of ``values`` (at most ``limit`` values are used)."""
    sums: set[Decimal] = set()
    for v in values[:limit]:
        sums |= {s + v for s in sums} | {v}
    return sums


_CJK = LazyPattern(r"[\u4e00-\u9fff]+")


def bigrams(text: str | None, stop: Iterable[str] = ()) -> frozenset[str]:
    """Two-character pieces of the Chinese runs of ``text``, minus ``stop``: a cheap test of
    whether a goal clause and an indicator name talk about the same thing."""
    return _bigrams(text or "", tuple(stop))


# One of the goal and prose memos of the consistency helpers: together they buy 2.2% end to end
# (callgrind, 300 text forms: 2,909 M instructions without them, 2,844 M with them).
@lru_cache(maxsize=4096)
def _bigrams(text: str, stop: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for run in _CJK.findall(nfkc(text)):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(out.difference(stop))
