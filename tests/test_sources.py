"""Every rule cites something a user can follow: a document listed in docs/sources.md (by its
"cite as" key), or "practice: …" / "derived: …". No user-facing text names the project's internal
notes (domain.md), which a user cannot open."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from policy.api import SourceKind
from policy.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "docs" / "sources.md"


def cite_keys() -> list[str]:
    """The "cite as" keys: the first cell of every table row of docs/sources.md, in backticks."""
    keys = re.findall(r"^\| `([^`]+)` \|", SOURCES.read_text(encoding="utf-8"), flags=re.M)
    assert keys, "docs/sources.md lists no documents"
    return keys


def test_sources_lists_the_documents_rules_cite():
    keys = cite_keys()
    assert "财预〔2021〕101号" in keys and "中发〔2018〕34号" in keys


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_citation_names_a_listed_document_or_practice_or_derived(rule):
    citation = rule.source.citation
    named = [k for k in cite_keys() if k in citation]
    assert citation.startswith(("practice:", "derived:")) or named, (
        f"{rule.code}: citation {citation!r} names no document of docs/sources.md"
    )
    if rule.source.kind is SourceKind.DERIVED:
        assert citation.startswith("derived:"), rule.code
    if citation.startswith("practice:"):
        assert re.match(r"practice: seen in \d+ of (the )?\d+ ", citation), rule.code


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_no_user_facing_rule_text_names_internal_notes(rule):
    texts = [rule.summary, getattr(rule, "summary_zh", ""), rule.rationale, rule.fix,
             rule.source.citation, rule.source.note, sys.modules[rule.__module__].__doc__ or "",
             rule.__doc__ or ""]
    texts += [o.doc for o in getattr(rule, "options", {}).values()]
    texts += [e.note for e in (*rule.bad, *rule.good)]
    for text in texts:
        assert "domain.md" not in (text or ""), f"{rule.code}: {text!r}"


def test_no_document_or_message_names_internal_notes():
    shown = [*ROOT.glob("docs/*.md"), ROOT / "README.md", *ROOT.glob("policy/catalogue/*/*.toml")]
    offenders = [str(p.relative_to(ROOT)) for p in shown if "domain.md" in p.read_text(encoding="utf-8")]
    assert offenders == []
