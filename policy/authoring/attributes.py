"""Shared pieces of the A (attributes) rules: does the form carry the checkbox block at all."""

from __future__ import annotations

from collections.abc import Iterator

from policy.forms.facts import FormFacts
from policy.forms.model import Location
from policy.api import Finding, InsufficientData, NotApplicable


def has_attribute_block(form: FormFacts) -> bool:
    """Whether any of 项目属性 / 项目期限 / 立项依据 was printed (ticked or not).

    A fragment with none of the three rows is not checked by the A rules (not applicable); a
    form that prints the rows and ticks nothing is.
    """
    a = form.attributes
    return bool(
        a.kind_checked
        or a.term_checked
        or a.basis
        or a.kind_options
        or a.term_options
        or a.basis_options
    )


def labels(options) -> str:
    return "、".join(o.label for o in options) if options else ""


def require_on_form(form: FormFacts, row: str) -> None:
    """A row the form's template does not have is never "left unticked": not applicable."""
    if row in form.not_on_form:
        raise NotApplicable("A.reason.not-on-form", row=row)


def row_was_read(form: FormFacts, options, checked) -> bool:
    """Whether one checkbox row can be judged: its options were read, or the form lists only
    ticked options (canonical YAML/JSON, where an absent row means "nothing ticked").

    A text form whose other rows show unticked boxes but this row none at all had the row
    written in a way the loader could not read (☑, √, plain text): not a defect we can see.
    """
    if options or checked:
        return True
    a = form.attributes
    every = (*a.kind_options, *a.term_options, *a.basis_options)
    return all(o.checked for o in every)


def exactly_one(
    form: FormFacts,
    code: str,
    row: str,
    options,
    checked: tuple[str, ...],
    location: Location | None,
    default_options: str,
) -> Iterator[Finding]:
    """Findings of an "exactly one option ticked" row (项目属性 A101, 项目期限 A102)."""
    if not has_attribute_block(form):
        raise NotApplicable("A.reason.no-attributes")
    require_on_form(form, row)
    if not row_was_read(form, options, checked):
        raise InsufficientData("A.reason.row-unread", row=row)
    loc = location or form.location
    if not checked:
        yield Finding(
            f"{code}.none",
            {"options": labels(options) or default_options},
            location=loc,
            evidence={row: "（未勾选）"},
        )
    elif len(checked) > 1:
        yield Finding(
            f"{code}.many",
            {"checked": "、".join(checked)},
            location=loc,
            evidence={row: "、".join(checked)},
        )
