"""Shared helpers of the S (structure) and V (value) rules: option validators, indicator
predicates, the effective 一级 of a row, name keys for comparing names.

Kept here so each rule module stays a short statement of one check.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Iterable, Iterator

from checker.hierarchy import COST_LEVEL2, LEVEL1, LEVEL2, PARENTS
from checker.model import ANNUAL, PERIODS, Form, Indicator, Location
from policy.rules._patterns import LazyPattern, nfkc

# --- option validators -------------------------------------------------------------------------


def word_list(value: Any) -> tuple[str, ...]:
    """A list of non-empty strings (a word list option)."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError("expected a list of strings")
    words = tuple(str(v).strip() for v in value)
    if any(not w for w in words):
        raise ValueError("empty string in the list")
    return words


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("expected a positive integer")
    return value


def non_negative_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("expected a number")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError("expected a number") from None
    if not number.is_finite() or number < 0:
        raise ValueError("expected a non-negative number")
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


# --- indicator predicates ----------------------------------------------------------------------

_SPACE = LazyPattern(r"[\s\u3000]+")

# Traditional characters seen in mirrored forms, folded so word lists written in simplified
# characters match (滿意度 → 满意度, 資金 → 资金).
_TRADITIONAL = str.maketrans(
    "滿數質時經費資額標準達蓋間應響處調測評訪談萬億總計劃發實現與設備護維預驛確認識曉長產會態續務對環濟獲當類項辦",
    "满数质时经费资额标准达盖间应响处调测评访谈万亿总计划发实现与设备护维预驿确认识晓长产会态续务对环济获当类项办",
)


def clean(text: str | None) -> str:
    """Text folded for comparison: NFKC (full-width → ASCII), simplified characters, no whitespace."""
    if not text:
        return ""
    return _clean(text)


@lru_cache(maxsize=16384)
def _clean(text: str) -> str:
    # Names, values and word-list entries repeat across forms: fold each distinct string once.
    return _SPACE.sub("", nfkc(text)).translate(_TRADITIONAL)


def has_name(ind: Indicator) -> bool:
    return bool(clean(ind.name))


def has_value(ind: Indicator) -> bool:
    return bool(clean(ind.value_text))


def is_filled(ind: Indicator) -> bool:
    """A row that carries something: a name or a value (empty template rows are not)."""
    return has_name(ind) or has_value(ind)


def level1_of(ind: Indicator) -> str | None:
    """The 一级 a row stands under: the printed one, else the only parent its 二级 allows.

    A cost 二级 with no printed 一级 counts as 成本指标 (either placement is allowed).
    """
    if ind.level1 is not None:
        return ind.level1
    level2 = ind.level2
    if level2 is None:
        return None
    if level2 in COST_LEVEL2:
        return "成本指标"
    parents = PARENTS.get(level2, frozenset())
    return next(iter(parents)) if len(parents) == 1 else None


def is_cost_row(ind: Indicator) -> bool:
    return ind.level2 in COST_LEVEL2 or level1_of(ind) == "成本指标"


def require_rows(form: Form, family: str) -> "_facts.FormFacts":
    """Raise NotApplicable when the form has no filled indicator row: a rule about rows checked
    nothing and must not say "passed". Returns the form's shared facts (``_facts.facts``)."""
    f = _facts.facts(form)
    if not f.any_filled:
        from policy.api import NotApplicable

        raise NotApplicable(f"{family}.reason.no-indicators")
    return f


def row_order(ind: Indicator) -> tuple:
    """A sort key that does not depend on the order rows were given in (so shuffling the rows
    of a form never changes which row a finding points at): line, then content."""
    line = ind.location.line if ind.location is not None and ind.location.line is not None else 0
    return (line, clean(ind.level1_text), clean(ind.level2_text), clean(ind.name), clean(ind.value_text))


def rows_by_period(form: Form, filled_only: bool = True) -> Iterator[tuple[str, list[Indicator]]]:
    """(period, rows in row_order) for each period the form has rows in, annual first."""
    if filled_only:
        for period, rows in _facts.facts(form).by_period:
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


def where(ind: Indicator | None, form: Form) -> Location:
    if ind is not None and ind.location is not None:
        return ind.location
    return form.location


def contains_any(text: str | None, words: Iterable[str]) -> str | None:
    """The first word of ``words`` found in ``text`` (folded), or None."""
    if type(words) is tuple:  # option word lists: each (text, list) answered once per process
        return folded_contains_any(clean(text), words)
    return _first_word(clean(text), tuple(words))


@lru_cache(maxsize=4096)
def folded_contains_any(folded: str, words: tuple[str, ...]) -> str | None:
    """``contains_any`` of a text already folded by ``clean``."""
    return _first_word(folded, words)


def _first_word(folded: str, words: tuple[str, ...]) -> str | None:
    for word, key in zip(words, _folded_words(words)):
        if key in folded:
            return word
    return None


@lru_cache(maxsize=256)
def _folded_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(clean(w) for w in words)


PLACEHOLDER_CHARS = "-_*＊—－–~～/／\\.。·…xX×✕?？"


def is_placeholder_text(text: str | None, words: Iterable[str] = ("无",)) -> bool:
    """True when ``text`` holds only placeholder marks (``-``, ``_``, ``*``, ``XX``) or a
    placeholder word (无)."""
    return folded_is_placeholder(clean(text), tuple(words))


@lru_cache(maxsize=4096)
def folded_is_placeholder(folded: str, words: tuple[str, ...]) -> bool:
    """``is_placeholder_text`` of a text already folded by ``clean``."""
    if not folded:
        return False
    if folded in _folded_words(words):
        return True
    return all(ch in PLACEHOLDER_CHARS for ch in folded)


# --- name keys for comparing names -------------------------------------------------------------

_TRAILING = LazyPattern(r"[。.，,；;：:、]+$")
_COMPOUND = LazyPattern(r"[、,，/／;；]")
_COMPOUND_CHARS = frozenset("、,，/／;；")  # what _COMPOUND matches: without one, a name is one part


def name_key(name: str | None) -> str:
    return _name_key(clean(name))


@lru_cache(maxsize=4096)
def _name_key(folded: str) -> str:
    return _TRAILING.sub("", folded)


def name_parts(name: str | None, min_part_chars: int, min_shared_suffix: int = 2) -> tuple[str, ...]:
    """The keys a name stands for: itself, and the parts of a compound "A、B" name when every
    part is a name on its own — at least ``min_part_chars`` characters and all parts ending in
    the same ``min_shared_suffix`` characters (网络故障响应时间、系统故障响应时间). "办公楼、宿舍楼
    维修面积" distributes one suffix over short heads; its heads are no names and it is not split."""
    return folded_name_parts(clean(name), min_part_chars, min_shared_suffix)


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


# At the end: _facts reads clean() and row_order() from this module (either may load first).
from policy.rules import _facts  # noqa: E402
