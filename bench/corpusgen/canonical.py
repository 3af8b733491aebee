"""Forms as canonical mappings, the input of ``policy.forms.canonical.form_from_mapping``
(docs/canonical-format.md), for the YAML and JSON corpora."""

from __future__ import annotations

from typing import Any

from bench.corpusgen import self_evaluation
from bench.corpusgen.spec import GenForm
from bench.corpusgen.values import amount_text


def _wan(value) -> str | None:
    return None if value is None else f"{amount_text(value)}万元"


def to_mapping(form: GenForm) -> dict[str, Any]:
    if form.evaluation is not None:
        return self_evaluation.to_mapping(form)
    funding: dict[str, Any] = {
        "total": _wan(form.total),
        "fiscal": _wan(form.fiscal),
        "other": _wan(form.other),
        "previous_years": _wan(form.previous_years),
        "sources": {k: _wan(v) for k, v in form.sources.items()},
    }
    return {
        "title": form.title,
        "year": form.year,
        "name": form.name,
        "budget_unit": form.budget_unit,
        "implementer": form.implementer,
        "amount_unit": "万元",
        "attributes": {
            "kind": list(form.kind_checked),
            "term": list(form.term_checked),
            "basis": list(form.basis_checked),
        },
        "funding": {k: v for k, v in funding.items() if v is not None},
        "goals": {"long_term_label": form.long_term_label, "annual": form.annual_goal},
        "indicators": [
            {
                "level1": ind.level1,
                "level2": ind.level2,
                "name": ind.name,
                "value": ind.value.text if ind.value is not None else None,
                "period": "annual",
                "weight": ind.weight,
            }
            for ind in form.indicators
        ],
    }
