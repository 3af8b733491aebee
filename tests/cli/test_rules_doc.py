"""docs/rules.md (Chinese) and docs/rules.en.md are generated from the registry and must match it
(SARIF helpUri points at their #code anchors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ruledoc import rules_page
from policy.registry import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = {"zh": DOCS / "rules.md", "en": DOCS / "rules.en.md"}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_rules_page_is_up_to_date(lang):
    expected = rules_page(lang=lang)
    assert PAGES[lang].read_text(encoding="utf-8") == expected, (
        f"{PAGES[lang].name} is stale: regenerate it with `python -m checker.ruledoc docs/rules.md`"
    )


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_rule_has_an_anchor_for_its_help_uri(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    for rule in all_rules():
        assert f'<a id="{rule.code.lower()}"></a>' in text, rule.code


def test_the_chinese_page_reads_in_chinese():
    text = PAGES["zh"].read_text(encoding="utf-8")
    rule = all_rules()[0]
    assert "### 为什么" in text and "### Why" not in text
    assert rule.rationale not in text
