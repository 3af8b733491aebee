"""Shared helpers of the S (structure) and V (value) rules: option validators, indicator
predicates, the effective 一级 of a row, name keys for comparing names.

Kept here so each rule module stays a short statement of one check.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from grammar.folding import fold
from policy.api import NotApplicable
from policy.forms.facts import FormFacts, row_order
from policy.forms.hierarchy import placement
from policy.forms.model import ANNUAL, PERIODS, Indicator, Location
from policy.authoring.patterns import LazyPattern

# --- indicator predicates ----------------------------------------------------------------------



def has_name(ind: Indicator) -> bool:
    return bool(fold(ind.name))


def has_value(ind: Indicator) -> bool:
    return bool(fold(ind.value_text))


def is_filled(ind: Indicator) -> bool:
    """A row that carries something: a name or a value (empty template rows are not)."""
    return has_name(ind) or has_value(ind)


def level1_of(ind: Indicator) -> str | None:
    """The 一级 a row stands under: the printed one, else the only parent its 二级 allows
    (``hierarchy.placement``)."""
    return placement(ind.level1_text, ind.level2_text)[2]


def is_cost_row(ind: Indicator) -> bool:
    return placement(ind.level1_text, ind.level2_text)[3]


def require_rows(form: FormFacts, family: str) -> FormFacts:
    """Raise NotApplicable when the form has no filled indicator row: a rule about rows checked
    nothing and must not say "passed". Returns the form's facts, for chaining."""
    if not form.any_filled:
        raise NotApplicable(f"{family}.reason.no-indicators")
    return form


def rows_by_period(form: FormFacts, filled_only: bool = True) -> Iterator[tuple[str, list[Indicator]]]:
    """(period, rows in row_order) for each period the form has rows in, annual first."""
    if filled_only:
        for period, rows in form.by_period:
            yield period, [r.ind for r in rows]  # a fresh list: callers may change theirs
        return
    for period in PERIODS:
        rows = [i for i in form.indicators if i.period == period]
        if rows:
            yield period, sorted(rows, key=row_order)


def period_label(period: str) -> str:
    return "年度" if period == ANNUAL else "中长期"


def period_args(period: str) -> dict[str, str]:
    """Message args naming the period in both catalogues: {period} (zh), {period_en} (en)."""
    return {"period": period_label(period), "period_en": "annual" if period == ANNUAL else "long-term"}


def where(ind: Indicator | None, form: FormFacts) -> Location:
    if ind is not None and ind.location is not None:
        return ind.location
    return form.location


def contains_any(text: str | None, words: Iterable[str]) -> str | None:
    """The first word of ``words`` found in ``text`` (folded), or None."""
    if type(words) is tuple:  # option word lists: each (text, list) answered once per process
        return folded_contains_any(fold(text), words)
    return _first_word(fold(text), tuple(words))


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def folded_contains_any(folded: str, words: tuple[str, ...]) -> str | None:
    """``contains_any`` of a text already folded by ``clean``."""
    return _first_word(folded, words)


def _first_word(folded: str, words: tuple[str, ...]) -> str | None:
    for word, key in zip(words, _folded_words(words)):
        if key in folded:
            return word
    return None


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=256)
def _folded_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


# --- name keys for comparing names -------------------------------------------------------------

_TRAILING = LazyPattern(r"[。.，,；;：:、]+$")
_COMPOUND = LazyPattern(r"[、,，/／;；]")
_COMPOUND_CHARS = frozenset("、,，/／;；")  # what _COMPOUND matches: without one, a name is one part


def name_key(name: str | None) -> str:
    return _name_key(fold(name))


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def _name_key(folded: str) -> str:
    return _TRAILING.sub("", folded)


def name_parts(name: str | None, min_part_chars: int, min_shared_suffix: int = 2) -> tuple[str, ...]:
    """The keys a name stands for: itself, and the parts of a compound "A、B" name when every
    part is a name on its own — at least ``min_part_chars`` characters and all parts ending in
    the same ``min_shared_suffix`` characters (网络故障响应时间、系统故障响应时间). "办公楼、宿舍楼
    维修面积" distributes one suffix over short heads; its heads are no names and it is not split."""
    return folded_name_parts(fold(name), min_part_chars, min_shared_suffix)


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def folded_name_parts(folded: str, min_part_chars: int, min_shared_suffix: int = 2) -> tuple[str, ...]:
    """``name_parts`` of a name already folded by ``clean`` (names repeat: each once per process)."""
    key = _name_key(folded)
    if not key:
        return ()
    if _COMPOUND_CHARS.isdisjoint(key):
        return (key,)  # one part, as the split below would find (and no pattern compiled, ~0.6 ms)
    parts = [p for p in (_TRAILING.sub("", q) for q in _COMPOUND.split(key)) if p]
    if (len(parts) > 1 and all(len(p) >= max(min_part_chars, min_shared_suffix) for p in parts)
            and len({p[-min_shared_suffix:] for p in parts}) == 1):
        return tuple(dict.fromkeys([key, *parts]))
    return (key,)




