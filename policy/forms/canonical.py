"""The canonical mapping format (YAML/JSON) ↔ Form. See docs/canonical-format.md.

``form_from_mapping`` is also how rule examples and tests build forms; ``form_to_mapping`` is
what ``jixiao dump`` prints. Amounts are written as decimal strings in 元, so loading a dump
gives the same form back whatever unit the original declared.
"""

from __future__ import annotations

from grammar.numbers import format_decimal

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from policy.forms.amounts import parse_amount, sane_amount
from policy.forms.model import (
    ANNUAL,
    SELF_EVALUATION,
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
from policy.forms.attainment import of_indicator
from policy.forms.self_evaluation import (
    detect_kind,
    evaluation_to_mapping,
    execution_to_mapping,
    figure_out,
    self_evaluation_fields,
    with_evaluation,
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
_UNIT_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "千元": Decimal(1000), "亿元": Decimal(10**8)}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _amount(value: Any, unit: str, location: Location) -> Amount | None:
    if value is None or isinstance(value, bool):
        return None
    factor = _UNIT_FACTORS.get(unit, Decimal(1))
    if isinstance(value, (int, Decimal, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        number = sane_amount(number)
        text = repr(value) if isinstance(value, float) else _number_text(number, value)
        return Amount(text=text, yuan=None if number is None else number * factor, location=location)
    text = _text(value)
    if text is None:
        return None
    return Amount(text=text, yuan=parse_amount(text, unit), location=location)


def _number_text(number: Decimal | None, value: int | Decimal) -> str:
    """The number as written; an absurd one in short scientific form, never expanded."""
    if number is None and isinstance(value, Decimal):
        return str(value)
    if number is None:
        return f"{Decimal(value):.6E}"
    return str(value)


def _checked(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(t for t in (_text(v) for v in value) if t)
    text = _text(value)
    return (text,) if text else ()


def _weight(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return sane_amount(Decimal(repr(value) if isinstance(value, float) else str(value)))
    except (InvalidOperation, ValueError):
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def form_from_mapping(
    data: Mapping[str, Any], path: str = "<mapping>", index: int = 0, amount_unit: str = "元"
) -> Form:
    """Build a Form from one canonical form mapping. Unknown keys are ignored here (the schema
    validation of the file loader reports them)."""
    loc = Location(path=path, line=_int(data.get("line")))
    unit = _text(data.get("amount_unit")) or amount_unit
    # What the original form declared (金额单位：万元), only when the mapping says so: the unit of
    # the file's bare numbers (``amount_unit``) is the transcriber's choice, not the form's words.
    declared = _text(data.get("declared_amount_unit"))
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
    funding = Funding(**amounts, sources=sources, amount_unit=declared)
    goals_in = data.get("goals") or {}
    self_evaluation = detect_kind(data) == SELF_EVALUATION
    goals = Goals(
        long_term=_text(goals_in.get("long_term")),
        annual=_text(goals_in.get("annual")),
        long_term_label=_text(goals_in.get("long_term_label")),
        long_term_location=loc,
        annual_location=loc,
        annual_actual=_text(goals_in.get("annual_actual")),
        annual_actual_location=loc if self_evaluation else None,
    )
    indicators = []
    for row in data.get("indicators") or ():
        row_loc = Location(
            path=path,
            line=_int(row.get("line")),
            column=_int(row.get("column")),
            sheet=_text(row.get("sheet")),
            cell=_text(row.get("cell")),
        )
        value_text = _text(row.get("value") if row.get("value") is not None else row.get("target"))
        extra_in = row.get("extra") or {}
        indicator = (
            Indicator(
                level1_text=_text(row.get("level1_text")) or _text(row.get("level1")),
                level2_text=_text(row.get("level2_text")) or _text(row.get("level2")),
                name=_text(row.get("name")),
                value_text=value_text,
                period=row.get("period") or ANNUAL,
                location=row_loc,
                value=parse_value(value_text) if value_text is not None else None,
                weight=_weight(row.get("weight")),
                extra={str(k): str(v) for k, v in extra_in.items() if v is not None},
            )
        )
        indicators.append(with_evaluation(indicator, row) if self_evaluation else indicator)
    extra_fields = (
        self_evaluation_fields(data, lambda v, at: _amount(v, unit, at), loc) if self_evaluation else {}
    )
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
        year=_int(data.get("year")),
        # A header key present (even null or "") was printed; an absent one was not read.
        name_location=loc if "name" in data else None,
        budget_unit_location=loc if "budget_unit" in data else None,
        implementer_location=loc if "implementer" in data else None,
        execution_weight=_weight(data.get("execution_weight")),
        scheme=_text(data.get("scheme")),
        not_on_form=frozenset(str(r) for r in data.get("not_on_form") or () if r),
        **extra_fields,
    )


# -- Form → mapping (what dump prints) -------------------------------------------------------


def decimal_text(value: Decimal) -> str:
    """A Decimal as a plain decimal string: 150000, 67.5 (never 1.5E+5)."""
    return format_decimal(value)


def _amount_out(amount: Amount | None) -> str | None:
    if amount is None:
        return None
    if amount.yuan is not None:
        return decimal_text(amount.yuan)
    return amount.text  # unreadable as written: loading it again gives the same unreadable amount


_SHORT = {"新增项目": "新增", "延续项目": "延续", "一次性项目": "一次性", "经常性项目": "经常性"}


def _choice(checked: tuple[str, ...]) -> str | list[str] | None:
    names = [_SHORT.get(c, c) for c in checked]
    if not names:
        return None
    return names[0] if len(names) == 1 else names


def _location_out(loc: Location | None) -> dict[str, Any]:
    out: dict[str, Any] = {"line": loc.line if loc else None}
    if loc is not None:
        if loc.column is not None:
            out["column"] = loc.column
        if loc.sheet is not None:
            out["sheet"] = loc.sheet
        if loc.cell is not None:
            out["cell"] = loc.cell
    return out


def indicator_to_mapping(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level1": ind.level1,
        "level2": ind.level2,
        "name": ind.name,
        "value": ind.value_text,
        "period": ind.period,
    }
    if ind.level1_text is not None and ind.level1_text != ind.level1:
        out["level1_text"] = ind.level1_text
    if ind.level2_text is not None and ind.level2_text != ind.level2:
        out["level2_text"] = ind.level2_text
    if ind.weight is not None:
        out["weight"] = decimal_text(ind.weight)
    if ind.extra:
        out["extra"] = dict(ind.extra)
    out.update(_location_out(ind.location))
    return out


def form_to_mapping(form: Form) -> dict[str, Any]:
    """The canonical mapping of a form (documented in docs/canonical-format.md). A
    self-evaluation adds its own keys; a target form's mapping has none of them."""
    f = form.funding
    a = form.attributes
    funding: dict[str, Any] = {k: _amount_out(getattr(f, k)) for k in FUNDING_KEYS}
    funding["sources"] = {k: _amount_out(f.sources.get(k)) for k in SOURCE_KEYS}
    out: dict[str, Any] = {
        "path": form.location.path,
        "line": form.location.line,
        "title": form.title,
        "year": form.year,
        "name": form.name,
        "budget_unit": form.budget_unit,
        "implementer": form.implementer,
        "amount_unit": "元",
        "declared_amount_unit": f.amount_unit,
        "attributes": {
            "kind": _choice(a.kind_checked),
            "term": _choice(a.term_checked),
            "basis": list(a.basis),
        },
        "funding": funding,
        "goals": {
            "long_term": form.goals.long_term,
            "annual": form.goals.annual,
            "long_term_label": form.goals.long_term_label,
        },
        "indicators": [indicator_to_mapping(i) for i in form.indicators],
    }
    for key in ("name", "budget_unit", "implementer"):
        if out[key] is None and getattr(form, f"{key}_location") is None:
            del out[key]  # not read from the form: absent, not "printed and left blank"
    if form.location.sheet is not None:
        out["sheet"] = form.location.sheet
    if form.execution_weight is not None:
        out["execution_weight"] = decimal_text(form.execution_weight)
    if form.scheme is not None:
        out["scheme"] = form.scheme
    if form.not_on_form:
        out["not_on_form"] = sorted(form.not_on_form)
    if form.is_self_evaluation:
        _add_self_evaluation(out, form)
    return out


def _add_self_evaluation(out: dict[str, Any], form: Form) -> None:
    """The self-evaluation keys of ``form_to_mapping``, in the order the form prints them; each
    indicator's target is written as ``target`` beside its ``actual``."""
    out["kind"] = form.kind
    out["execution"] = execution_to_mapping(form.execution, _amount_out)
    out["goals"]["annual_actual"] = form.goals.annual_actual
    out["level1_weights"] = {k: figure_out(v) for k, v in form.level1_weights.items()}
    out["total_score"] = figure_out(form.total_score)

    def attained(ind: Indicator) -> dict[str, Any] | None:
        found = of_indicator(ind, form.year)
        return None if found is None else found.to_mapping()

    rows = []
    for ind, mapped in zip(form.indicators, out["indicators"]):
        row = {("target" if k == "value" else k): v for k, v in mapped.items()}
        row.update(evaluation_to_mapping(ind, attained))
        rows.append(row)
    out["indicators"] = rows
