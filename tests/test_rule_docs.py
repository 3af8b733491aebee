"""Every rule's documentation exists in both languages: what it checks, why, how to fix, each
option, its Source's citation and note and its examples' notes. English is the rule class's own text; Chinese
is ``<CODE>.doc.*`` in the zh catalogue (policy/catalogue/zh/ruledoc*.toml)."""

from __future__ import annotations

import re

import pytest

from checker.ruledoc import DOC_PARTS, doc_text
from policy.messages import catalogue
from policy.registry import all_rules

RULES = all_rules()

# Rules whose Chinese documentation is not written yet. It may only shrink: a rule listed here
# that has its texts fails test_allow_list_is_current.
MISSING_ZH: frozenset[str] = frozenset()


def _parts(rule: type) -> list[str]:
    note = ["source-note"] if rule.source.note else []
    return [*DOC_PARTS, "citation", *(f"option.{name}" for name in rule.options), *note]


def _example_parts(rule: type) -> list[str]:
    return [f"example.{ex.note}" for ex in (*rule.bad, *rule.good) if ex.note]


def _missing_zh(rule: type) -> list[str]:
    zh = catalogue("zh")
    parts = (*_parts(rule), *_example_parts(rule))
    return [p for p in parts if not zh.get(f"{rule.code}.doc.{p}", "").strip()]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_doc_part_has_english_text(rule):
    for part in _parts(rule):
        assert doc_text(rule, part, "en").strip(), f"{rule.code}: no English {part}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in MISSING_ZH], ids=lambda r: r.code)
def test_every_doc_part_has_chinese_text(rule):
    missing = _missing_zh(rule)
    assert missing == [], f"{rule.code}: add {rule.code}.doc.<part> to policy/catalogue/zh/ruledoc*.toml"


@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in MISSING_ZH], ids=lambda r: r.code)
def test_chinese_doc_is_chinese_and_not_the_english(rule):
    for part in _parts(rule):
        zh, en = doc_text(rule, part, "zh"), doc_text(rule, part, "en")
        assert zh != en, f"{rule.code}.doc.{part} is the English text"
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{rule.code}.doc.{part} has no Chinese"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_chinese_doc_keeps_the_citations(rule):
    """A 文号 (财预〔2021〕101号) the English text cites is cited as written in the Chinese one."""
    for part in _parts(rule):
        for citation in re.findall(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", doc_text(rule, part, "en")):
            assert citation in doc_text(rule, part, "zh"), f"{rule.code}.doc.{part} lost {citation}"


def test_allow_list_is_current():
    done = sorted(code for code in MISSING_ZH if not _missing_zh(next(r for r in RULES if r.code == code)))
    assert done == [], f"remove {done} from MISSING_ZH: their Chinese documentation is complete"


def test_no_chinese_doc_names_a_rule_or_option_that_does_not_exist():
    known = {f"{r.code}.doc.{p}" for r in RULES for p in (*_parts(r), *_example_parts(r))}
    stray = sorted(k for k in catalogue("zh") if ".doc." in k and k not in known)
    assert stray == []
