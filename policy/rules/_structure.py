"""Shared helpers of the S (structure) and V (value) rules: option validators, indicator
predicates, the effective 一级 of a row, name keys for comparing names.

Kept here so each rule module stays a short statement of one check.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
import re
from typing import Any, Iterable, Iterator
import unicodedata

from checker.hierarchy import COST_LEVEL2, LEVEL1, LEVEL2, PARENTS
from checker.model import ANNUAL, PERIODS, Form, Indicator, Location

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

_SPACE = re.compile(r"[\s\u3000]+")

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
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_TRADITIONAL)


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


def require_rows(form: Form, family: str) -> None:
    """Raise NotApplicable when the form has no filled indicator row: a rule about rows checked
    nothing and must not say "passed"."""
    if not any(is_filled(i) for i in form.indicators):
        from policy.api import NotApplicable

        raise NotApplicable(f"{family}.reason.no-indicators")


def row_order(ind: Indicator) -> tuple:
    """A sort key that does not depend on the order rows were given in (so shuffling the rows
    of a form never changes which row a finding points at): line, then content."""
    line = ind.location.line if ind.location is not None and ind.location.line is not None else 0
    return (line, clean(ind.level1_text), clean(ind.level2_text), clean(ind.name), clean(ind.value_text))


def rows_by_period(form: Form, filled_only: bool = True) -> Iterator[tuple[str, list[Indicator]]]:
    """(period, rows in row_order) for each period the form has rows in, annual first."""
    for period, rows in _sorted_rows(form, filled_only):
        yield period, list(rows)  # a fresh list: callers may change theirs


# Many rules ask for the same form's sorted rows one after another; forms are frozen, so the
# last form's answer is kept (by identity) and sorting happens once per form, not once per rule.
_LAST_ROWS: dict[bool, tuple[Form, tuple[tuple[str, tuple[Indicator, ...]], ...]]] = {}


def _sorted_rows(form: Form, filled_only: bool) -> tuple[tuple[str, tuple[Indicator, ...]], ...]:
    cached = _LAST_ROWS.get(filled_only)
    if cached is not None and cached[0] is form:
        return cached[1]
    out = []
    for period in PERIODS:
        rows = [i for i in form.indicators if i.period == period and (is_filled(i) or not filled_only)]
        if rows:
            out.append((period, tuple(sorted(rows, key=row_order))))
    result = tuple(out)
    _LAST_ROWS[filled_only] = (form, result)
    return result


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
    folded = clean(text)
    for word in words:
        if clean(word) in folded:
            return word
    return None


PLACEHOLDER_CHARS = "-_*＊—－–~～/／\\.。·…xX×✕?？"


def is_placeholder_text(text: str | None, words: Iterable[str] = ("无",)) -> bool:
    """True when ``text`` holds only placeholder marks (``-``, ``_``, ``*``, ``XX``) or a
    placeholder word (无)."""
    folded = clean(text)
    if not folded:
        return False
    if folded in {clean(w) for w in words}:
        return True
    return all(ch in PLACEHOLDER_CHARS for ch in folded)


# --- name keys for comparing names -------------------------------------------------------------

_TRAILING = re.compile(r"[。.，,；;：:、]+$")
_COMPOUND = re.compile(r"[、,，/／;；]")


def name_key(name: str | None) -> str:
    return _TRAILING.sub("", clean(name))


def name_parts(name: str | None, min_part_chars: int, min_shared_suffix: int = 2) -> tuple[str, ...]:
    """The keys a name stands for: itself, and the parts of a compound "A、B" name when every
    part is a name on its own — at least ``min_part_chars`` characters and all parts ending in
    the same ``min_shared_suffix`` characters (网络故障响应时间、系统故障响应时间). "办公楼、宿舍楼
    维修面积" distributes one suffix over short heads; its heads are no names and it is not split."""
    key = name_key(name)
    if not key:
        return ()
    parts = [p for p in (_TRAILING.sub("", q) for q in _COMPOUND.split(key)) if p]
    if (len(parts) > 1 and all(len(p) >= max(min_part_chars, min_shared_suffix) for p in parts)
            and len({p[-min_shared_suffix:] for p in parts}) == 1):
        return tuple(dict.fromkeys([key, *parts]))
    return (key,)
