"""Helpers to run one rule on a canonical mapping, for the examples and tests."""

from __future__ import annotations

from typing import Any, Mapping

from policy.forms.canonical import form_from_mapping
from policy.forms.facts import FormFacts
from policy.api import Context, Finding, FormRef, InsufficientData, NotApplicable, Rule


def default_options(rule: type[Rule]) -> dict[str, Any]:
    return {name: opt.default for name, opt in rule.options.items()}


def run_rule(
    rule: type[Rule], *mappings: Mapping[str, Any], year: int | None = None, **options: Any
) -> tuple[list[Finding], str | None]:
    """Findings of ``rule`` on the given forms, and the outcome reason id if it did not apply.

    A form-scope rule runs on each mapping; a unit-scope rule sees them all as one unit.
    """
    opts = {**default_options(rule), **options}
    ctx = Context(options=opts, year=year)
    forms = [FormFacts(form_from_mapping(m, index=i)) for i, m in enumerate(mappings)]
    inst = rule()
    findings: list[Finding] = []
    reason: str | None = None
    try:
        if rule.scope == "unit":
            items = [(FormRef.of(f), inst.summarize(f, ctx)) for f in forms]
            findings.extend(inst.check_unit(items, ctx))
        else:
            for f in forms:
                findings.extend(inst.check(f, ctx))
    except (NotApplicable, InsufficientData) as exc:
        reason = exc.message_id
    return findings, reason
