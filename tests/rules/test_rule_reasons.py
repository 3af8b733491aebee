"""Every rule, run on every example form of every rule: each reason it gives for not checking,
and each finding, has a message in both languages with all of that message's fields.

A reason id is shown to the user as its message (zh or en); an id with no message, or a message
whose field the rule did not fill, would show a raw id or fail to render. The examples of the
other rules are a battery of small forms that reach most of a rule's early exits.
"""

from __future__ import annotations

import pytest

from policy.messages import catalogue, template_fields
from policy.registry import all_rules
from policy.testing import rule_run

RULES = all_rules()


def _forms(mapping):
    return mapping["forms"] if "forms" in mapping else [mapping]


BATTERY = [_forms(e.form) for r in RULES for e in (*r.bad, *r.good)]


def _renders(message_id: str, args) -> None:
    for lang in ("zh", "en"):
        template = catalogue(lang).get(message_id)
        assert template is not None, (lang, message_id)
        missing = {f for f in template_fields(template) if args.get(f) is None}
        assert not missing, (lang, message_id, missing)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_reason_and_finding_renders(rule):
    for forms in BATTERY:
        findings, stop = rule_run(rule, *forms)
        if stop is not None:
            _renders(stop.message_id, stop.args_)
        for finding in findings:
            _renders(finding.message_id, finding.args)
