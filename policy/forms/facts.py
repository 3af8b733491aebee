"""The form as a rule sees it: every field of the ``Form`` plus what the rules ask of its rows,
each answered once.

The engine builds one ``FormFacts`` per form and hands it to every selected rule (as sqlfluff
hands a ``RuleContext``); a rule reads the form only through it. Forty-nine rules look at the same
rows and would otherwise each ask again whether a row is filled, what its canonical 一级/二级 are,
which rows share a name, which are cost lines. Each fact is computed on first use, so a
configuration that enables a few rules pays only for what those rules read. Forms are frozen, so
the answers cannot go stale.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import Any

from grammar.ast import Quantity, Range
from grammar.folding import fold, is_placeholder
from policy.forms.hierarchy import placement
from policy.forms.model import PERIODS, Form, Indicator
from policy.forms.schemes import Detection, Scheme, resolve

_MISSING = object()


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def _text_facts(name: str | None, value_text: str | None, level1_text: str | None,
                level2_text: str | None) -> tuple[Any, ...]:
    """What a row's four printed cells say, as ``Row`` stores it (name, text, has_name,
    has_value, filled, text_is_placeholder, level1, level2, level1_of, is_cost). Rows repeat
    across forms."""
    folded_name, folded_text = fold(name), fold(value_text)
    return (folded_name, folded_text, bool(folded_name), bool(folded_text),
            bool(folded_name or folded_text), is_placeholder(folded_text),
            *placement(level1_text, level2_text))


class Row:
    """One indicator row and what the rules ask of it, each answered once.

    ``name``/``text`` are the folded name and value text (``grammar.folding.fold``);
    ``level1``/``level2`` the canonical labels, ``level1_of`` the effective 一级 and ``is_cost``
    whether it is a cost line (``hierarchy.placement``); ``text_is_placeholder`` whether the value
    text is only placeholder marks; ``measure`` whether the value is an undamaged quantity or
    range, ``dimension`` its unit's dimension then.
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
        self.kind = value.kind
        self.damage = value.error
        self.measure = measure = isinstance(value, (Quantity, Range))
        self.dimension = value.dimension if measure else None


def row_order(ind: Indicator) -> tuple:
    """A sort key that does not depend on the order rows were given in (so shuffling the rows
    of a form never changes which row a finding points at): line, then content."""
    line = ind.location.line if ind.location is not None and ind.location.line is not None else 0
    return (line, fold(ind.level1_text), fold(ind.level2_text), fold(ind.name), fold(ind.value_text))


def _row_order(row: Row) -> tuple:
    return row_order(row.ind)


class FormFacts:
    """One form and its derived facts. The form's own fields read through (``facts.funding``,
    ``facts.goals`` …; ``facts.form`` is the ``Form`` itself); ``rows`` and the lazy facts below
    are read by many rules; ``memo`` keeps facts that depend on a rule's options (word lists,
    thresholds), keyed by those options. ``forced_scheme`` is the run's ``scheme`` setting (None
    or "auto": the form's own declaration, else detection)."""

    def __init__(self, form: Form, forced_scheme: str | None = None) -> None:
        self.form = form
        self.forced_scheme = forced_scheme
        self.rows: tuple[Row, ...] = tuple(map(Row, form.indicators))
        self.any_filled = any(r.filled for r in self.rows)
        self._memo: dict[Any, Any] = {}

    # The form's fields, read through: a rule reads the form only through its facts.
    location = property(lambda self: self.form.location)
    index = property(lambda self: self.form.index)
    name = property(lambda self: self.form.name)
    budget_unit = property(lambda self: self.form.budget_unit)
    implementer = property(lambda self: self.form.implementer)
    attributes = property(lambda self: self.form.attributes)
    funding = property(lambda self: self.form.funding)
    goals = property(lambda self: self.form.goals)
    indicators = property(lambda self: self.form.indicators)
    title = property(lambda self: self.form.title)
    year = property(lambda self: self.form.year)
    issues = property(lambda self: self.form.issues)
    name_location = property(lambda self: self.form.name_location)
    budget_unit_location = property(lambda self: self.form.budget_unit_location)
    implementer_location = property(lambda self: self.form.implementer_location)
    kind = property(lambda self: self.form.kind)
    is_self_evaluation = property(lambda self: self.form.is_self_evaluation)
    execution = property(lambda self: self.form.execution)
    level1_weights = property(lambda self: self.form.level1_weights)
    total_score = property(lambda self: self.form.total_score)
    execution_weight = property(lambda self: self.form.execution_weight)
    not_on_form = property(lambda self: self.form.not_on_form)

    @cached_property
    def scheme_detection(self) -> Detection:
        """The template the form is judged by, and why (``policy.forms.schemes``)."""
        return resolve(self.form, self.forced_scheme)

    @property
    def scheme(self) -> Scheme:
        return self.scheme_detection.scheme

    @cached_property
    def measures(self) -> tuple[Row, ...]:
        """The rows whose value is an undamaged quantity or range, in form order (the only rows
        that have a ``dimension``)."""
        return tuple(r for r in self.rows if r.measure)

    @cached_property
    def damaged(self) -> tuple[Row, ...]:
        """The rows whose value the grammar marked as damaged, in form order."""
        return tuple(r for r in self.rows if r.damage is not None)

    @cached_property
    def periods(self) -> frozenset[str]:
        """The periods the form has rows in (filled or not)."""
        return frozenset(r.period for r in self.rows)

    @cached_property
    def ordered(self) -> tuple[Row, ...]:
        """Every row in ``row_order`` (independent of the order rows were given in)."""
        rows, last = self.rows, -1
        for r in rows:
            location = r.ind.location
            line = location.line if location is not None and location.line is not None else 0
            if line <= last:
                return tuple(sorted(rows, key=_row_order))
            last = line
        return rows  # lines strictly increasing: row_order's first key alone gives this order

    @cached_property
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
