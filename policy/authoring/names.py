"""Pairs of rows of one form and period that carry the same 三级 name, for S108/S113."""

from __future__ import annotations

from typing import Any, Iterator

from grammar import Quantity, Range, canonical
from grammar.ast import Value

from policy.forms.model import Indicator
from policy.forms.facts import FormFacts
from policy.authoring.rows import _name_key, folded_name_parts
from policy.authoring.values import dimension_of, interval_of, is_measure, per_of


def same_name_pairs(form: FormFacts, min_part_chars: int, whole_only: bool,
                    min_shared_suffix: int = 2) -> tuple[tuple[str, Indicator, Indicator], ...]:
    """(shared name, earlier row, later row) for every pair of rows of one period sharing a name
    (or, unless ``whole_only``, a part of a compound name), earlier in row_order; each pair once.
    Worked out once per form and options (S108 and S113 ask for it); () at once when no two rows
    of a period share a key."""
    f = form
    return f.memo(("same_name_pairs", min_part_chars, whole_only, min_shared_suffix),
                  lambda: tuple(_pairs(f, min_part_chars, whole_only, min_shared_suffix)))


def _pairs(f, min_part_chars: int, whole_only: bool,
           min_shared_suffix: int) -> Iterator[tuple[str, Indicator, Indicator]]:
    for _, rows in f.by_period:
        keyed = [(r.ind, (_name_key(r.name),) if whole_only
                  else folded_name_parts(r.name, min_part_chars, min_shared_suffix)) for r in rows]
        flat = [k for _, keys in keyed for k in keys if k]
        if len(flat) == len(set(flat)):
            continue  # no key twice in this period: no pair
        seen: dict[str, list[Indicator]] = {}
        for ind, keys in keyed:
            paired: set[int] = set()
            for key in keys:
                if not key:
                    continue
                for first in seen.get(key, ()):
                    if id(first) not in paired:
                        paired.add(id(first))
                        yield key, first, ind
            for key in keys:
                if key:
                    seen.setdefault(key, []).append(ind)


def _base(value: Quantity | Range) -> str | None:
    return value.lo.base_unit if isinstance(value, Range) else value.base_unit


def _per(value: Value | None) -> str | None:
    per = per_of(value)
    return per.symbol if per is not None else None


def comparable(a: Value | None, b: Value | None) -> bool:
    """Both values are measures of the same dimension, base unit and rate denominator."""
    return (is_measure(a) and is_measure(b) and dimension_of(a) is not None
            and dimension_of(a) == dimension_of(b) and _base(a) == _base(b) and _per(a) == _per(b))


def _bounds(value: Value | None) -> tuple[Any, ...]:
    iv = interval_of(value)
    if iv is None:
        return (canonical(value) if value is not None else None,)
    return (iv.lo, iv.hi, iv.lo_closed, iv.hi_closed)


def conflicting(a: Value | None, b: Value | None) -> bool:
    """Comparable values that promise different things (≤1小时 vs ≤2小时)."""
    return comparable(a, b) and _bounds(a) != _bounds(b)


# Quantities that add up: a compound row's count or amount may be the total of its parts.
ADDITIVE = frozenset({"count", "money", "area", "length", "mass", "volume"})


def part_exceeds_total(part: Any, total: Any) -> bool:
    """For additive quantities, a part contradicts a compound row only when the least it
    promises is above the most the compound allows (市长访谈 6期 inside a total of 4期)."""
    if not comparable(part, total):
        return False
    lo, hi = interval_of(part).lo, interval_of(total).hi
    return lo is not None and hi is not None and lo > hi
