"""Shared pieces of the self-evaluation rules (R scoring, T attainment, F112): the guard that keeps
them off target forms, the execution rows, each indicator's evaluation and attainment, and the
rounding test for printed figures.

Every self-evaluation rule starts with ``require_self_evaluation``: on a target form it is not
applicable, so a target form's report never changes because these rules exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from grammar.folding import bare, is_placeholder
from policy.api import NotApplicable
from policy.forms.attainment import Attainment, of_indicator
from policy.forms.facts import FormFacts
from policy.forms.figures import half_unit
from policy.forms.model import SELF_EVALUATION, Evaluation, ExecutionRow, Figure, Indicator, Location
from policy.forms.self_evaluation import is_total_row

__all__ = [
    "SELF_EVALUATION_ONLY", "close_to", "evaluated", "rate_points", "execution_parts", "execution_total", "figure_shown", "has_reason",
    "is_total_row", "require_self_evaluation", "row_where", "score_args",
]

# ``Rule.form_kinds`` of every self-evaluation rule.
SELF_EVALUATION_ONLY = (SELF_EVALUATION,)

# What a blank 偏差原因 cell holds on real forms.
_NO_REASON = frozenset({"无", "没有", "暂无", "/", "——", "—", "-", "--", "无偏差", "不适用"})


def require_self_evaluation(form: FormFacts, family: str) -> FormFacts:
    """Raise NotApplicable unless the form is a self-evaluation (the rule's family names the
    reason id, e.g. ``R.reason.not-self-evaluation``)."""
    if not form.is_self_evaluation:
        raise NotApplicable(f"{family}.reason.not-self-evaluation")
    return form


def evaluated(form: FormFacts) -> Iterator[tuple[Indicator, Evaluation, Attainment]]:
    """(indicator, its evaluation, its attainment) for every row the form evaluates, in form
    order; the attainments are worked out once per form."""
    found = form.memo("attainments", lambda: tuple(
        (i, i.evaluation, of_indicator(i, form.year))
        for i in form.indicators if i.evaluation is not None))
    return iter(found)


def execution_total(form: FormFacts) -> ExecutionRow | None:
    """The first totals row (年度资金总额 / 合计) of the 项目资金 block, if any."""
    return next((r for r in form.execution if is_total_row(r.row)), None)


def execution_parts(form: FormFacts) -> tuple[ExecutionRow, ...]:
    """The rows that make up the total (其中：财政拨款, 上年结转, 其他资金 …)."""
    return tuple(r for r in form.execution if not is_total_row(r.row))


def close_to(printed: Figure, exact: Decimal, tolerance: Decimal = Decimal(0)) -> bool:
    """Whether a printed figure is ``exact`` rounded to the digits it shows (plus ``tolerance``).
    ``exact`` is in the figure's own terms: a percentage for a figure printed with %."""
    return abs(printed.number - exact) <= half_unit(printed) + tolerance


def rate_points(rate: Figure) -> tuple[Decimal, Decimal]:
    """A printed rate in percentage points, and half a unit of its last printed digit in points:
    "96.4%" → (96.4, 0.05); "0.964" → (96.4, 0.05)."""
    fraction = rate.fraction
    if rate.percent or rate.number > 1:
        return rate.number, half_unit(rate)
    return fraction * 100, half_unit(rate) * 100


def has_reason(evaluation: Evaluation) -> bool:
    """Whether the 偏差原因 cell says something (not blank, a dash or 无)."""
    text = bare(evaluation.deviation)
    return bool(text) and text not in _NO_REASON and not is_placeholder(text)


def figure_shown(figure: Figure | None) -> str:
    return "" if figure is None or figure.text is None else figure.text


def row_where(row: ExecutionRow, form: FormFacts) -> Location:
    return row.location if row.location is not None else form.location


def score_args(ind: Indicator) -> dict[str, Any]:
    """The message args naming an evaluated indicator: name, target, actual, weight, score."""
    e = ind.evaluation or Evaluation()
    return {
        "name": ind.name or "",
        "target": ind.value_text or "",
        "actual": e.actual_text or "",
        "weight": ind.weight if ind.weight is not None else "",
        "score": figure_shown(e.score),
    }
