"""docs/rules.md is generated from the registry and must match it (SARIF helpUri points there)."""

from __future__ import annotations

from pathlib import Path

from checker.ruledoc import rules_page
from policy.registry import all_rules

PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_page_is_up_to_date():
    expected = rules_page()
    assert PAGE.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: regenerate it with `python -m checker.ruledoc docs/rules.md`"
    )


def test_every_rule_has_an_anchor_for_its_help_uri():
    text = PAGE.read_text(encoding="utf-8")
    for rule in all_rules():
        assert f'<a id="{rule.code.lower()}"></a>' in text, rule.code
