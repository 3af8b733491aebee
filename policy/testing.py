"""Helpers to run one rule on a canonical mapping, for the examples and tests."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from policy.forms.canonical import form_from_mapping
from policy.forms.facts import FormFacts
from policy.api import Context, Finding, FormRef, InsufficientData, NotApplicable, Outcome, Rule


def default_options(rule: type[Rule]) -> dict[str, Any]:
    return {name: opt.default for name, opt in rule.options.items()}


def run_rule(
    rule: type[Rule], *mappings: Mapping[str, Any], year: int | None = None, **options: Any
) -> tuple[list[Finding], str | None]:
    """Findings of ``rule`` on the given forms, and the outcome reason id if it did not apply.

    A form-scope rule runs on each mapping; a unit-scope rule sees them all as one unit.
    """
    findings, stopped = _run(rule, mappings, year, options)
    return findings, None if stopped is None else stopped.message_id


def rule_outcome(
    rule: type[Rule], *mappings: Mapping[str, Any], year: int | None = None, **options: Any
) -> Outcome:
    """The outcome the engine records for ``rule`` on the given forms (findings win over a
    later NotApplicable / InsufficientData, as in the engine)."""
    findings, stopped = _run(rule, mappings, year, options)
    if findings:
        return Outcome.FAIL
    if stopped is None:
        return Outcome.PASS
    return Outcome.NOT_APPLICABLE if isinstance(stopped, NotApplicable) else Outcome.INSUFFICIENT_DATA


def _run(
    rule: type[Rule], mappings: Sequence[Mapping[str, Any]], year: int | None, options: Mapping[str, Any]
) -> tuple[list[Finding], NotApplicable | InsufficientData | None]:
    opts = {**default_options(rule), **options}
    ctx = Context(options=opts, year=year)
    forms = [FormFacts(form_from_mapping(m, index=i)) for i, m in enumerate(mappings)]
    inst = rule()
    findings: list[Finding] = []
    try:
        if rule.scope == "unit":
            items = [(FormRef.of(f), inst.summarize(f, ctx)) for f in forms]
            findings.extend(inst.check_unit(items, ctx))
        else:
            for f in forms:
                findings.extend(inst.check(f, ctx))
    except (NotApplicable, InsufficientData) as exc:
        return findings, exc
    return findings, None


def rule_run(
    rule: type[Rule], *mappings: Mapping[str, Any], year: int | None = None, **options: Any
) -> tuple[list[Finding], NotApplicable | InsufficientData | None]:
    """Findings of ``rule`` on the given forms, and why it stopped (its NotApplicable /
    InsufficientData, with the reason's arguments) or None when it ran to the end."""
    return _run(rule, mappings, year, options)
