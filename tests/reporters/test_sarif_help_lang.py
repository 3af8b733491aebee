"""SARIF rule help follows the report's --lang: Chinese documentation by default, English with
--lang en (the driver's rules carry what, why, fix and the options of every rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from policy.messages import catalogue
from policy.registry import get_rule

ROOT = Path(__file__).resolve().parents[2]
SEED = "corpus/bazhong-2022-city-government-office.txt"


def _descriptor(lang: str, code: str, capsys, monkeypatch) -> dict:
    monkeypatch.chdir(ROOT)
    main(["check", SEED, "--format", "sarif", "--lang", lang])
    data = json.loads(capsys.readouterr().out)
    return next(r for r in data["runs"][0]["tool"]["driver"]["rules"] if r["id"] == code)


@pytest.mark.parametrize("code", ["F104", "V113", "S101"])
def test_sarif_help_is_chinese_with_lang_zh(code, capsys, monkeypatch):
    rule, zh = get_rule(code), catalogue("zh")
    d = _descriptor("zh", code, capsys, monkeypatch)
    assert d["fullDescription"]["text"] == zh[f"{code}.doc.why"]
    for part in ("what", "why", "fix", *(f"option.{n}" for n in rule.options)):
        assert zh[f"{code}.doc.{part}"] in d["help"]["markdown"], part
        assert zh[f"{code}.doc.{part}"] in d["help"]["text"], part
    assert rule.rationale not in d["help"]["markdown"]
    assert d["helpUri"] == f"docs/rules.md#{code.lower()}"


@pytest.mark.parametrize("code", ["F104", "V113", "S101"])
def test_sarif_help_is_english_with_lang_en(code, capsys, monkeypatch):
    rule, zh = get_rule(code), catalogue("zh")
    d = _descriptor("en", code, capsys, monkeypatch)
    assert d["fullDescription"]["text"] == rule.rationale
    for text in (rule.summary, rule.rationale, rule.fix, *(o.doc for o in rule.options.values())):
        assert text in d["help"]["markdown"]
    assert zh[f"{code}.doc.why"] not in d["help"]["markdown"]
