"""The canonical mapping format (YAML/JSON) → Form. See docs/canonical-format.md.

``form_from_mapping`` is also how rule examples and tests build forms.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from checker.amounts import parse_amount
from checker.model import (
    ANNUAL,
    SOURCE_KEYS,
    Amount,
    Attributes,
    Checkbox,
    Form,
    Funding,
    Goals,
    Indicator,
    Location,
)
from grammar import parse_value

FUNDING_KEYS = (
    "total",
    "fiscal",
    "other",
    "long_term_total",
    "long_term_fiscal",
    "long_term_other",
    "previous_years",
    "procurement",
    "purchase_services",
)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _amount(value: Any, unit: str, location: Location) -> Amount | None:
    if value is None:
        return None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = Decimal(value)
        factor = Decimal(10000) if unit == "万元" else Decimal(1)
        return Amount(text=str(value), yuan=number * factor, location=location)
    if isinstance(value, float):
        number = Decimal(repr(value))
        factor = Decimal(10000) if unit == "万元" else Decimal(1)
        return Amount(text=repr(value), yuan=number * factor, location=location)
    text = _text(value)
    if text is None:
        return None
    return Amount(text=text, yuan=parse_amount(text, unit), location=location)


def _checked(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(t for t in (_text(v) for v in value) if t)
    text = _text(value)
    return (text,) if text else ()


def _weight(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def form_from_mapping(
    data: Mapping[str, Any], path: str = "<mapping>", index: int = 0, amount_unit: str = "元"
) -> Form:
    """Build a Form from one canonical form mapping. Unknown keys are ignored here (the schema
    validation of the file loader reports them)."""
    line = data.get("line") if isinstance(data.get("line"), int) else None
    loc = Location(path=path, line=line)
    unit = data.get("amount_unit") or amount_unit
    attrs_in = data.get("attributes") or {}
    kind = _checked(attrs_in.get("kind"))
    term = _checked(attrs_in.get("term"))
    basis = _checked(attrs_in.get("basis"))
    attributes = Attributes(
        kind_checked=kind,
        term_checked=term,
        basis=basis,
        kind_options=tuple(Checkbox(k, True) for k in kind),
        term_options=tuple(Checkbox(t, True) for t in term),
        basis_options=tuple(Checkbox(b, True) for b in basis),
        kind_location=loc,
        term_location=loc,
        basis_location=loc,
    )
    fund_in = data.get("funding") or {}
    amounts = {k: _amount(fund_in.get(k), unit, loc) for k in FUNDING_KEYS}
    sources_in = fund_in.get("sources") or {}
    sources = {
        k: a for k in SOURCE_KEYS if (a := _amount(sources_in.get(k), unit, loc)) is not None
    }
    funding = Funding(**amounts, sources=sources, amount_unit=unit)
    goals_in = data.get("goals") or {}
    goals = Goals(
        long_term=_text(goals_in.get("long_term")),
        annual=_text(goals_in.get("annual")),
        long_term_label=_text(goals_in.get("long_term_label")),
        long_term_location=loc,
        annual_location=loc,
    )
    indicators = []
    for row in data.get("indicators") or ():
        row_line = row.get("line") if isinstance(row.get("line"), int) else None
        value_text = _text(row.get("value"))
        indicators.append(
            Indicator(
                level1_text=_text(row.get("level1")),
                level2_text=_text(row.get("level2")),
                name=_text(row.get("name")),
                value_text=value_text,
                period=row.get("period") or ANNUAL,
                location=Location(path=path, line=row_line),
                value=parse_value(value_text) if value_text is not None else None,
                weight=_weight(row.get("weight")),
            )
        )
    year = data.get("year") if isinstance(data.get("year"), int) else None
    return Form(
        location=loc,
        index=index,
        name=_text(data.get("name")),
        budget_unit=_text(data.get("budget_unit")),
        implementer=_text(data.get("implementer")),
        attributes=attributes,
        funding=funding,
        goals=goals,
        indicators=tuple(indicators),
        title=_text(data.get("title")),
        year=year,
        name_location=loc,
        budget_unit_location=loc,
        implementer_location=loc,
    )
