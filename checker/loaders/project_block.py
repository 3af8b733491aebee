"""The project block a ``HeadParser`` collected, as the model's parts.

Every grid source (documents and the extracted-text layout) reads the block above the indicator
table with ``text_head.HeadParser``; these functions turn what it gathered into the ``Form``'s
text fields, ``Attributes``, ``Funding`` and ``Goals``, in one place.
"""

from __future__ import annotations

from checker.loaders.text_head import HeadParser
from policy.forms.model import Amount, Attributes, Checkbox, Funding, Goals, Location


def field_text(head: HeadParser, field: str) -> str | None:
    """The text of 项目名称 / 预算单位 / 实施单位 (``name``, ``budget_unit``, ``implementer``)."""
    return head.text[field][0] if field in head.text else None


def field_location(head: HeadParser, field: str) -> Location | None:
    """Where that text stands; for a field printed and left blank, where its label stands."""
    return head.text[field][1] if field in head.text else head.blank.get(field)


def _checked(options: tuple[Checkbox, ...]) -> tuple[str, ...]:
    return tuple(o.label for o in options if o.checked)


def attributes_of(head: HeadParser) -> Attributes:
    """项目属性 / 项目期限 / 立项依据: every option printed, the ticked ones, and their places."""

    def get(field: str) -> tuple[tuple[Checkbox, ...], Location | None]:
        return head.options.get(field, ((), None))

    kind, kind_loc = get("kind")
    term, term_loc = get("term")
    basis, basis_loc = get("basis")
    return Attributes(
        kind_checked=_checked(kind),
        term_checked=_checked(term),
        basis=_checked(basis),
        kind_options=kind,
        term_options=term,
        basis_options=basis,
        kind_location=kind_loc,
        term_location=term_loc,
        basis_location=basis_loc,
    )


def funding_of(head: HeadParser) -> Funding:
    """项目资金 and 资金来源, with the amount unit the block declared."""
    a = head.amounts
    sources: dict[str, Amount] = dict(head.sources)
    return Funding(
        total=a.get("total"),
        fiscal=a.get("fiscal"),
        other=a.get("other"),
        long_term_total=a.get("long_term_total"),
        long_term_fiscal=a.get("long_term_fiscal"),
        long_term_other=a.get("long_term_other"),
        previous_years=a.get("previous_years"),
        procurement=a.get("procurement"),
        purchase_services=a.get("purchase_services"),
        sources=sources,
        amount_unit=head.amount_unit,
    )


def goals_of(head: HeadParser) -> Goals:
    """总体目标: the 中长期 and 年度 texts, each joined over the rows it ran on."""

    def joined(which: str) -> tuple[str | None, Location | None]:
        parts = head.goal_text[which]
        if not parts:
            return None, None
        return "\n".join(p for p, _ in parts), parts[0][1]

    long_term, lt_loc = joined("long_term")
    annual, an_loc = joined("annual")
    return Goals(
        long_term=long_term,
        annual=annual,
        long_term_label=head.goal_label,
        long_term_location=lt_loc or head.goal_label_location,
        annual_location=an_loc,
    )
