"""``jixiao rules`` and ``jixiao explain``: every rule listed, documentation from the metadata."""

from __future__ import annotations

import json

from checker.cli import main
from policy.registry import all_rules


def test_rules_json_lists_every_rule_with_the_issue_fields(capsys):
    assert main(["rules", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    for r in data:
        assert {"code", "name", "category", "severity", "summary", "source"} <= set(r)
        if r["source"]["kind"] == "practice":
            assert r["severity"] != "error"  # the mof-2021 profile keeps advice advisory


def test_rules_json_describes_options_in_the_language_asked(capsys):
    rule = next(r for r in all_rules() if r.options)
    name, option = next(iter(rule.options.items()))
    docs = {}
    for lang in ("zh", "en"):
        assert main(["rules", "--format", "json", "--lang", lang]) == 0
        record = next(r for r in json.loads(capsys.readouterr().out) if r["code"] == rule.code)
        docs[lang] = record["options"][name]["doc"]
    assert docs["en"] == option.doc
    assert docs["zh"] != option.doc and any("\u4e00" <= ch <= "\u9fff" for ch in docs["zh"])


def test_rules_text_has_one_line_per_rule(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(all_rules()) + 1
    assert lines[0].split()[:2] == ["code", "name"]


def test_explain_prints_sections_and_runs_the_examples(capsys):
    rule = all_rules()[0]
    assert main(["explain", rule.code.lower(), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"## {rule.code} {rule.name}")
    for heading in ("### What it does", "### Why", "### Options", "### Bad", "### Good", "Source:"):
        assert heading in out
    assert f"    {rule.code} " in out  # the bad example's real finding is shown
    assert main(["explain", rule.code]) == 0
    assert "### 为什么" in capsys.readouterr().out


def test_explain_unknown_code_is_exit_2(capsys):
    assert main(["explain", "Z999"]) == 2
    assert "Z999" in capsys.readouterr().err


def test_explain_is_chinese_by_default_and_english_with_lang_en(capsys):
    """What, why, fix and the options' meaning come from the zh catalogue by default, from the rule
    class with --lang en, and neither language leaks into the other."""
    from policy.messages import catalogue
    from policy.registry import get_rule

    rule = get_rule("F104")  # a rule with options
    zh = catalogue("zh")
    parts = ["what", "why", "fix", *(f"option.{n}" for n in rule.options)]
    assert main(["explain", "F104"]) == 0
    out = capsys.readouterr().out
    for part in parts:
        assert zh[f"F104.doc.{part}"] in out, part
    assert rule.rationale not in out and rule.fix not in out
    assert "| 选项 | 默认值 | 含义 |" in out

    assert main(["explain", "F104", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for text in (rule.summary, rule.rationale, rule.fix, *(o.doc for o in rule.options.values())):
        assert text in out
    assert zh["F104.doc.why"] not in out
    assert "| option | default | meaning |" in out
