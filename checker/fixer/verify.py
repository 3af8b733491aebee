"""The last check before a rewrite is offered: load the new bytes with the real loader and
compare with what the original loaded as.

Every format module already checks its own edit (YAML events, JSON data, csv rows, workbook
cells). This check is independent of them: the forms must come out the same — same fields, same
indicators in the same order — with each 指标值 either unchanged or exactly its canonical
rewrite. Locations are not compared (a block scalar replaced by a quoted one moves the lines
below it), everything the rules read is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.loaders import load_bytes
from policy.forms.model import Document, Form


class UnsafeEdit(Exception):
    """The rewritten file does not load as the original with only values rewritten."""


def _amount(amount: Any) -> Any:
    return None if amount is None else (amount.text, amount.yuan)


def _form_shape(form: Form) -> tuple:
    funding = form.funding
    attributes = form.attributes
    goals = form.goals
    return (
        form.index, form.name, form.budget_unit, form.implementer, form.title, form.year,
        attributes.kind_checked, attributes.term_checked, attributes.basis,
        tuple(_amount(getattr(funding, key)) for key in (
            "total", "fiscal", "other", "long_term_total", "long_term_fiscal", "long_term_other",
            "previous_years", "procurement", "purchase_services")),
        tuple(sorted((k, _amount(v)) for k, v in funding.sources.items())), funding.amount_unit,
        goals.long_term, goals.annual, goals.long_term_label,
    )


def _issues(issues) -> list:
    return sorted((i.message_id, repr(sorted(i.args.items())), i.severity) for i in issues)


def verify_reload(
    document: Document, data: bytes, rewrite: Callable[[str], str | None], limits=None
) -> None:
    """Raise UnsafeEdit unless ``data`` loads as ``document`` with only values rewritten."""
    again = load_bytes(data, document.path, limits)
    if again.error is not None:
        raise UnsafeEdit(f"the rewritten file no longer loads ({again.error.message_id})")
    if len(again.forms) != len(document.forms):
        raise UnsafeEdit("the rewritten file has a different number of forms")
    if _issues(again.issues) != _issues(document.issues):
        raise UnsafeEdit("the rewritten file loads with different issues")
    for old, new in zip(document.forms, again.forms):
        if _form_shape(old) != _form_shape(new) or _issues(old.issues) != _issues(new.issues):
            raise UnsafeEdit(f"form {old.index + 1} would change beyond its values")
        if len(old.indicators) != len(new.indicators):
            raise UnsafeEdit(f"form {old.index + 1} would change its indicators")
        for a, b in zip(old.indicators, new.indicators):
            same_row = (a.level1_text, a.level2_text, a.name, a.period, a.weight) == (
                b.level1_text, b.level2_text, b.name, b.period, b.weight)
            if not same_row:
                raise UnsafeEdit(f"indicator {a.name!r} would change beyond its value")
            if b.value_text != a.value_text and b.value_text != rewrite(a.value_text):
                raise UnsafeEdit(f"value {a.value_text!r} would become {b.value_text!r}")
