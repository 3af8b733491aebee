"""The self-evaluation parts of the canonical mapping (docs/canonical-format.md): ``kind``,
``execution``, ``goals.annual_actual``, ``level1_weights``, ``total_score`` and each indicator's
``actual``/``score``/``deviation`` — read into the model and written back for ``dump``.

Kept apart from ``canonical`` so a target form's mapping is read and written exactly as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

import attrs

from grammar import parse_value
from grammar.folding import fold
from policy.forms.figures import read_figure
from policy.forms.model import (
    FORM_KINDS,
    SELF_EVALUATION,
    TARGET,
    Amount,
    Evaluation,
    ExecutionRow,
    Figure,
    Indicator,
    Location,
)

EXECUTION_MONEY = ("initial", "budget", "spent")
EXECUTION_FIGURES = ("weight", "rate", "score")
INDICATOR_KEYS = ("actual", "score", "deviation")
# Words that mark a self-evaluation in a title ("项目支出绩效自评表", "绩效目标自评表").
_TITLE_MARKS = ("自评",)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def detect_kind(data: Mapping[str, Any]) -> str:
    """The form's kind: the ``kind`` key when it names one; else a self-evaluation when the
    mapping has any self-evaluation key (execution rows, scores, actuals) or its title says 自评."""
    given = data.get("kind")
    if isinstance(given, str) and given in FORM_KINDS:
        return given
    if data.get("execution") or data.get("total_score") is not None or data.get("level1_weights"):
        return SELF_EVALUATION
    goals = data.get("goals")
    if isinstance(goals, Mapping) and _text(goals.get("annual_actual")):
        return SELF_EVALUATION
    for row in data.get("indicators") or ():
        if isinstance(row, Mapping) and any(row.get(k) is not None for k in INDICATOR_KEYS):
            return SELF_EVALUATION
    title = _text(data.get("title")) or ""
    if any(mark in title for mark in _TITLE_MARKS):
        return SELF_EVALUATION
    return TARGET


def execution_rows(
    data: Mapping[str, Any], read_amount: Callable[[Any, Location], Amount | None], path: str
) -> tuple[ExecutionRow, ...]:
    """The ``execution`` list: one ExecutionRow per printed row, money read by ``read_amount``."""
    rows = []
    for entry in data.get("execution") or ():
        if not isinstance(entry, Mapping):
            continue
        loc = Location(path=path, line=entry.get("line") if isinstance(entry.get("line"), int) else None)
        money = {k: read_amount(entry.get(k), loc) for k in EXECUTION_MONEY}
        figures = {k: read_figure(entry.get(k), loc) for k in EXECUTION_FIGURES}
        rows.append(ExecutionRow(row=_text(entry.get("row")) or "", location=loc, **money, **figures))
    return tuple(rows)


def level1_weights(data: Mapping[str, Any], location: Location) -> dict[str, Figure]:
    given = data.get("level1_weights")
    if not isinstance(given, Mapping):
        return {}
    out = {}
    for name, value in given.items():
        figure = read_figure(value, location)
        if figure is not None and _text(name):
            out[str(name).strip()] = figure
    return out


def with_evaluation(ind: Indicator, row: Mapping[str, Any]) -> Indicator:
    """The indicator with its self-evaluation columns; the weight read as a figure ("20%", "8分")."""
    actual_text = _text(row.get("actual"))
    evaluation = Evaluation(
        actual_text=actual_text,
        actual=parse_value(actual_text) if actual_text is not None else None,
        score=read_figure(row.get("score"), ind.location),
        deviation=_text(row.get("deviation")),
        location=ind.location,
    )
    weight = ind.weight
    if weight is None:
        figure = read_figure(row.get("weight"))
        weight = figure.number if figure is not None else None
    return attrs.evolve(ind, evaluation=evaluation, weight=weight)


def self_evaluation_fields(
    data: Mapping[str, Any], read_amount: Callable[[Any, Location], Amount | None],
    location: Location,
) -> dict[str, Any]:
    """The ``Form`` keyword arguments of a self-evaluation's own parts."""
    return {
        "kind": SELF_EVALUATION,
        "execution": execution_rows(data, read_amount, location.path),
        "level1_weights": level1_weights(data, location),
        "total_score": read_figure(data.get("total_score"), location),
    }


# -- Model → mapping (what dump prints) ----------------------------------------------------------


def figure_out(figure: Figure | None) -> str | None:
    return None if figure is None else figure.text


def execution_to_mapping(
    rows: tuple[ExecutionRow, ...], amount_out: Callable[[Amount | None], str | None]
) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        entry: dict[str, Any] = {"row": r.row}
        entry.update({k: amount_out(getattr(r, k)) for k in EXECUTION_MONEY})
        entry.update({k: figure_out(getattr(r, k)) for k in EXECUTION_FIGURES})
        entry["line"] = r.location.line if r.location is not None else None
        out.append(entry)
    return out


def evaluation_to_mapping(ind: Indicator, attainment: Callable[[Indicator], Any]) -> dict[str, Any]:
    """An indicator's self-evaluation keys, with the attainment worked out (ignored on load)."""
    e = ind.evaluation or Evaluation()
    return {
        "actual": e.actual_text,
        "score": figure_out(e.score),
        "deviation": e.deviation,
        "attainment": attainment(ind),
    }


def is_total_row(label: str) -> bool:
    """Whether an execution row is the totals row (年度资金总额 / 合计 / 总额 / 总计)."""
    folded = fold(label)
    return any(w in folded for w in ("总额", "合计", "总计")) and not folded.startswith("其中")
