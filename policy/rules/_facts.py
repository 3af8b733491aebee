"""What the rules read of a form, worked out once per form and shared by every rule.

Forty-nine rules look at the same rows: each asked again whether a row is filled, what its
canonical 一级/二级 are, which rows share a name, which are cost lines. ``facts(form)`` answers
each of those questions once per form and keeps the answers while the form is alive; every rule
for that form reads them. Each fact is computed on first use, so a configuration that enables a
few rules pays only for what those rules read.

Forms are frozen, so the answers cannot go stale. The cache is keyed by the form's identity and
holds only a weak reference to it: an entry disappears with its form, and an id is never reused
while its entry exists.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from checker.hierarchy import COST_LEVEL2, PARENTS, canonical_level1, canonical_level2
from checker.model import PERIODS, Form, Indicator
from policy.rules._structure import clean, folded_is_placeholder, row_order

_MEASURE_KINDS = ("quantity", "range")
_MISSING = object()


@lru_cache(maxsize=4096)
def _placement(level1_text: str | None, level2_text: str | None) -> tuple[Any, ...]:
    """(level1, level2, effective 一级, is a cost row) of a row's two printed labels.

    The same as ``_structure.level1_of`` and ``is_cost_row``; labels repeat on every form, so
    each pair is worked out once per process.
    """
    level1, level2 = canonical_level1(level1_text), canonical_level2(level2_text)
    if level1 is not None:
        effective = level1
    elif level2 is None:
        effective = None
    elif level2 in COST_LEVEL2:
        effective = "成本指标"
    else:
        parents = PARENTS.get(level2, frozenset())
        effective = next(iter(parents)) if len(parents) == 1 else None
    return level1, level2, effective, level2 in COST_LEVEL2 or effective == "成本指标"


@lru_cache(maxsize=4096)
def _text_facts(name: str | None, value_text: str | None, level1_text: str | None,
                level2_text: str | None) -> tuple[Any, ...]:
    """What a row's four printed cells say, as ``Row`` stores it (name, text, has_name,
    has_value, filled, text_is_placeholder, level1, level2, level1_of, is_cost). Rows repeat
    across forms."""
    folded_name, folded_text = clean(name), clean(value_text)
    return (folded_name, folded_text, bool(folded_name), bool(folded_text),
            bool(folded_name or folded_text), folded_is_placeholder(folded_text, ()),
            *_placement(level1_text, level2_text))


class Row:
    """One indicator row and what the rules ask of it, each answered once.

    ``name``/``text`` are the folded name and value text (``_structure.clean``); ``level1``/
    ``level2`` the canonical labels; ``level1_of`` the effective 一级 (``_structure.level1_of``);
    ``is_cost`` as ``_structure.is_cost_row``; ``text_is_placeholder`` whether the value text
    is only placeholder marks (``_structure.is_placeholder_text(text, ())``); ``measure`` whether the value is an undamaged
    quantity or range, ``dimension`` its unit's dimension then (``_value.dimension_of``).
    """

    __slots__ = (
        "damage",
        "dimension",
        "filled",
        "has_name",
        "has_value",
        "ind",
        "is_cost",
        "kind",
        "level1",
        "level1_of",
        "level2",
        "measure",
        "name",
        "period",
        "text", "text_is_placeholder",
        "value",
    )

    def __init__(self, ind: Indicator) -> None:
        self.ind = ind
        self.period = ind.period
        (self.name, self.text, self.has_name, self.has_value, self.filled,
         self.text_is_placeholder, self.level1, self.level2, self.level1_of,
         self.is_cost) = _text_facts(ind.name, ind.value_text,
                                                                  ind.level1_text, ind.level2_text)
        self.value = value = ind.value
        if value is None:
            self.kind = self.damage = self.dimension = None
            self.measure = False
            return
        self.kind = kind = getattr(value, "kind", None)
        self.damage = damage = getattr(value, "error", None)
        self.measure = measure = damage is None and kind in _MEASURE_KINDS
        unit = getattr(value, "unit", None) if measure else None
        self.dimension = getattr(unit, "dimension", None) if unit is not None else None


class _lazy:
    """``functools.cached_property`` without its lock (Python 3.11 takes a lock on every first
    read; a form's facts are computed by the one thread checking it, and computing one twice
    would give the same answer)."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)  # later reads find it in __dict__
        return value


def _row_order(row: Row) -> tuple:
    return row_order(row.ind)


class FormFacts:
    """The derived facts of one form. Plain attributes are read by many rules; ``memo`` keeps
    facts that depend on a rule's options (word lists, thresholds), keyed by those options."""

    def __init__(self, form: Form) -> None:
        self.rows: tuple[Row, ...] = tuple(map(Row, form.indicators))
        self.any_filled = any(r.filled for r in self.rows)
        self._memo: dict[Any, Any] = {}

    @_lazy
    def measures(self) -> tuple[Row, ...]:
        """The rows whose value is an undamaged quantity or range, in form order (the only rows
        that have a ``dimension``)."""
        return tuple(r for r in self.rows if r.measure)

    @_lazy
    def damaged(self) -> tuple[Row, ...]:
        """The rows whose value the grammar marked as damaged, in form order."""
        return tuple(r for r in self.rows if r.damage is not None)

    @_lazy
    def periods(self) -> frozenset[str]:
        """The periods the form has rows in (filled or not)."""
        return frozenset(r.period for r in self.rows)

    @_lazy
    def ordered(self) -> tuple[Row, ...]:
        """Every row in ``_structure.row_order`` (independent of the order rows were given in)."""
        rows, last = self.rows, -1
        for r in rows:
            location = r.ind.location
            line = location.line if location is not None and location.line is not None else 0
            if line <= last:
                return tuple(sorted(rows, key=_row_order))
            last = line
        return rows  # lines strictly increasing: row_order's first key alone gives this order

    @_lazy
    def by_period(self) -> tuple[tuple[str, tuple[Row, ...]], ...]:
        """(period, filled rows in row_order) per period with rows, annual first."""
        split: dict[str, list[Row]] = {}
        for r in self.ordered:
            if r.filled:
                split.setdefault(r.period, []).append(r)
        return tuple((period, tuple(split[period])) for period in PERIODS if period in split)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per ``key`` for this form (key: the fact's name and its options)."""
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            value = self._memo[key] = compute()
        return value


_FACTS: dict[int, tuple[weakref.ref, FormFacts]] = {}


def facts(form: Form) -> FormFacts:
    """The shared facts of ``form``, built on the first call for that form object."""
    key = id(form)
    hit = _FACTS.get(key)
    if hit is not None and hit[0]() is form:
        return hit[1]
    made = FormFacts(form)
    try:
        ref = weakref.ref(form, lambda _ref, key=key: _forget(key, _ref))
    except TypeError:  # an object that cannot be weakly referenced: its facts are not kept
        return made
    _FACTS[key] = (ref, made)
    return made


def _forget(key: int, ref: weakref.ref) -> None:
    hit = _FACTS.get(key)
    if hit is not None and hit[0] is ref:
        del _FACTS[key]
