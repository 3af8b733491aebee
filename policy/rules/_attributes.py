"""Shared pieces of the A (attributes) rules: does the form carry the checkbox block at all."""

from __future__ import annotations

from checker.model import Form


def has_attribute_block(form: Form) -> bool:
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
