"""Every rule's citation exists in Chinese for display (``<CODE>.doc.citation``, see
checker/citation.py), says what the English one says — the same documents of docs/sources.md,
the same numbers, the same kind of basis — and is Chinese: a reviewer reading a Chinese report
meets no English gloss in its 依据."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from checker.citation import citation_text, source_json, without_kind_prefix
from checker.ruledoc import rule_markdown
from policy.api import Source, SourceKind
from policy.messages import catalogue
from policy.registry import all_rules, get_rule
from test_sources import cite_keys

RULES = all_rules()


def _numbers(text: str) -> Counter:
    return Counter(re.findall(r"\d+", text))


def _english_words(text: str) -> list[str]:
    """Runs of two or more Latin letters, leaving out code spans (`XX`) and file paths
    (tools/vague_words.py), which are quoted as they are."""
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"[\w./-]+\.(?:py|md)\b", "", text, flags=re.A)
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_a_chinese_citation(rule):
    assert catalogue("zh").get(f"{rule.code}.doc.citation", "").strip(), (
        f"add {rule.code}.doc.citation to policy/catalogue/zh/citations.toml")
    assert citation_text(rule, "zh") != rule.source.citation


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_chinese_citation_names_the_same_documents(rule):
    keys = cite_keys()
    english = {k for k in keys if k in rule.source.citation}
    chinese = {k for k in keys if k in citation_text(rule, "zh")}
    assert chinese == english, f"{rule.code}: {citation_text(rule, 'zh')!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_chinese_citation_keeps_the_numbers(rule):
    assert _numbers(citation_text(rule, "zh")) == _numbers(rule.source.citation), rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_chinese_citation_has_no_english_words(rule):
    assert _english_words(citation_text(rule, "zh")) == [], rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_chinese_citation_says_the_same_kind_of_basis(rule):
    """"derived: …" is 推导：…, and a citation that counts published forms says 实务：."""
    zh, en = citation_text(rule, "zh"), rule.source.citation
    derived = catalogue("zh")["core.citation.prefix.derived"]
    practice = catalogue("zh")["core.citation.prefix.practice"]
    assert zh.startswith(derived) == en.startswith("derived: "), rule.code
    assert zh.startswith(practice) == en.startswith("practice: "), rule.code
    assert (practice in zh) == ("practice: " in en), rule.code
    assert (derived in zh) == ("derived: " in en), rule.code


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_a_reprint_is_said_by_the_kind_not_again_by_the_citation(rule):
    """core.source.official-secondary already says the text was read through a copy."""
    if rule.source.kind is SourceKind.OFFICIAL_SECONDARY:
        assert "as reprinted" not in rule.source.citation and "as quoted" not in rule.source.citation
        assert "转载" not in citation_text(rule, "zh")
    else:  # another kind citing a reprinted text says so itself
        assert ("as reprinted" in rule.source.citation) == ("转载" in citation_text(rule, "zh"))


def test_a_counted_citation_is_built_from_its_counts():
    """W101's counts come from tools/vague_words.py: the Chinese text takes the Source's values."""
    real = get_rule("W101")
    counted = type("Counted", (real,), {"source": Source(
        real.source.kind, "practice: seen in 3 of 40 published forms", "",
        citation_args={"seen": 3, "counted": 40})})
    assert "在 40 份公开表中见于 3 份" in citation_text(counted, "zh")
    assert citation_text(counted, "en") == "practice: seen in 3 of 40 published forms"


def test_a_missing_chinese_citation_falls_back_to_the_english():
    rule = type("Unknown", (get_rule("F101"),), {"code": "X999"})
    assert citation_text(rule, "zh") == rule.source.citation


def test_a_report_source_is_in_the_report_language():
    rule = get_rule("S105")
    source = rule.source.to_json()
    assert source_json("S105", source, "en") == source
    zh = source_json("S105", source, "zh")
    assert list(zh) == list(source) and zh["kind"] == source["kind"]
    assert zh["citation"] == citation_text(rule, "zh") != source["citation"]


def test_a_report_translates_the_note_and_the_loader_but_not_a_stranger():
    rule = get_rule("V109")
    zh = source_json("V109", rule.source.to_json(), "zh")
    assert zh["note"] == catalogue("zh")["V109.doc.source-note"]
    loader = {"kind": "loader", "citation": "jixiao loader", "note": ""}
    assert source_json("E001", loader, "zh")["citation"] == catalogue("zh")["core.citation.loader"]
    assert source_json("E001", loader, "en") == loader
    stranger = {"kind": "derived", "citation": "derived: a plugin's own reason", "note": "why"}
    assert source_json("V109", stranger, "zh") == stranger  # not V109's own source: left as it is


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rule_page_shows_the_citation_of_its_language(lang):
    rule = get_rule("W101")
    page = rule_markdown(rule, lang, examples=False)
    assert citation_text(rule, lang) in page
    other = citation_text(rule, "en" if lang == "zh" else "zh")
    assert other not in page


def test_the_kind_heading_is_not_repeated():
    assert without_kind_prefix("推导：表内算术", "derived", "zh") == "表内算术"
    assert without_kind_prefix("derived: the form", "derived", "en") == "the form"
    assert without_kind_prefix("推导：表内算术", "official", "zh") == "推导：表内算术"
