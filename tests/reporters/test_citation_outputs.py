"""Every output that names a rule's source shows the citation of the report's language: the JSON
and SARIF reports (each diagnostic's ``source`` and SARIF's rule descriptors), ``jixiao explain``
and ``jixiao rules --format json``. The web page and the workbook: tests/serve/test_serve_citations.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.citation import citation_text, without_kind_prefix
from checker.cli import main
from policy.registry import get_rule

ROOT = Path(__file__).resolve().parents[2]
SEED = "corpus/bazhong-2022-city-government-office.txt"


def _check(fmt: str, lang: str, capsys, monkeypatch) -> dict:
    monkeypatch.chdir(ROOT)
    main(["check", SEED, "--format", fmt, "--lang", lang])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_report_cites_in_its_language(lang, capsys, monkeypatch):
    report = _check("json", lang, capsys, monkeypatch)
    shown = {(d["code"], d["source"]["citation"]) for d in report["diagnostics"]}
    assert len({code for code, _ in shown}) >= 5  # the seed has findings of several rules
    assert shown == {(code, citation_text(get_rule(code), lang)) for code, _ in shown}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_report_cites_in_its_language(lang, capsys, monkeypatch):
    sarif = _check("sarif", lang, capsys, monkeypatch)
    run = sarif["runs"][0]
    for result in run["results"]:
        rule = get_rule(result["ruleId"])
        assert result["properties"]["source"]["citation"] == citation_text(rule, lang)
    described = [r for r in run["tool"]["driver"]["rules"] if get_rule(r["id"]) is not None]
    assert described
    for descriptor in described:
        rule = get_rule(descriptor["id"])
        assert descriptor["properties"]["source"]["citation"] == citation_text(rule, lang)
        assert descriptor["properties"]["source"]["kind"] == rule.source.kind.value


@pytest.mark.parametrize("lang,other", [("zh", "en"), ("en", "zh")])
def test_explain_cites_in_its_language(lang, other, capsys):
    assert main(["explain", "F106", "--lang", lang]) == 0
    out = capsys.readouterr().out
    rule = get_rule("F106")  # a practice rule: the page drops "practice:" under its heading
    kind = rule.source.kind.value
    assert without_kind_prefix(citation_text(rule, lang), kind, lang) in out
    assert without_kind_prefix(citation_text(rule, other), kind, other) not in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rule_list_cites_in_its_language(lang, capsys):
    assert main(["rules", "--format", "json", "--lang", lang]) == 0
    for record in json.loads(capsys.readouterr().out):
        assert record["source"]["citation"] == citation_text(get_rule(record["code"]), lang)
