"""Each output format on one small report: names, locations, levels, escaping, validity."""

from __future__ import annotations

import json
from pathlib import Path
import re
import xml.etree.ElementTree as ET

import attrs
import jsonschema

from checker.reporters import render

SCHEMA = json.loads((Path(__file__).parent.parent / "fixtures" / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))


def test_json_keeps_the_issue_4_names(report, options):
    data = json.loads(render(report, "json", options))
    assert data["tool"] == {"name": "jixiao", "version": data["tool"]["version"]}
    assert {"files", "forms", "errors", "warnings", "infos"} <= set(data["summary"])
    for d in data["diagnostics"]:
        assert {"code", "category", "severity", "message", "message_id", "args", "path", "line",
                "column", "form", "indicator", "evidence", "source", "suppressed"} <= set(d)
    [s901] = [d for d in data["diagnostics"] if d["code"] == "S901"]
    assert s901["indicator"] == {"level1": "产出指标", "level2": "数量指标", "name": "会议次数", "value": None}
    assert s901["form"] == {"index": 0, "name": "会议经费"} and s901["line"] == 9
    assert s901["message"] == "三级指标「会议次数」没有指标值"
    [f901] = [d for d in data["diagnostics"] if d["code"] == "F901"]
    assert f901["args"] == {"total": "2000000", "cap": "1000000"}  # Decimal → exact string
    [w901] = [d for d in data["diagnostics"] if d["code"] == "W901"]
    assert w901["suppressed"] == {"justification": "名称沿用上年"}
    cov = {c["form"]["index"]: c for c in data["coverage"]}
    assert "S901" in [f["code"] for f in cov[0]["failed"]]
    assert [e["code"] for e in cov[1]["errors"]] == ["V902"]
    assert [i["code"] for i in cov[1]["insufficient_data"]] == ["F901"]
    assert data["unreadable"][0]["path"] == "forms/broken.xlsx"


def test_json_in_english(report, options):
    data = json.loads(render(report, "json", attrs.evolve(options, lang="en")))
    [s901] = [d for d in data["diagnostics"] if d["code"] == "S901"]
    assert s901["message"] == 'indicator "会议次数" has no value'


def test_text_groups_by_form_with_located_lines_and_a_summary(report, options):
    text = render(report, "text", options)
    lines = text.splitlines()
    # the header names the form and the template scheme it was judged by, and why
    heading = "forms/a,b.yaml 第 1 张表「会议经费」（按财预〔2015〕88号时期的绩效目标表核查：未列成本指标，按最常用的表式）"
    assert heading in lines
    assert "forms/a,b.yaml:9:1: S901 三级指标「会议次数」没有指标值" in lines
    header = lines.index(heading)
    assert lines.index("forms/a,b.yaml:9:1: S901 三级指标「会议次数」没有指标值") > header
    assert not any("W901" in l for l in lines)  # accepted findings are not shown in text
    assert "\x1b[" not in text
    assert lines[-1].startswith("发现 ") and "1 个文件无法读取" in lines[-1]
    assert any(l.startswith("forms/broken.xlsx:1:1: E003") for l in lines)
    assert re.search(r"V902 规则 V902 内部错误：ZeroDivisionError", text)
    colored = render(report, "text", attrs.evolve(options, color=True))
    assert "\x1b[1;31mS901\x1b[0m" in colored


def test_text_quiet_and_statistics(report, options):
    quiet = render(report, "text", attrs.evolve(options, quiet=True))
    assert "发现" not in quiet and "S901" in quiet
    stats = render(report, "text", attrs.evolve(options, statistics=True)).splitlines()
    assert stats[-1] == "合计 3"  # S901, F901, E101; W901 is accepted
    assert all(re.match(r"^\s*\d+\t[A-Z]\d{3,}\t", l) for l in stats[:-1])


def test_sarif_is_valid_and_complete(report, options):
    data = json.loads(render(report, "sarif", options))
    jsonschema.validate(data, SCHEMA)
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids[:5] == [r.code for r in options.rules]
    for r in rules[:5]:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
                "defaultConfiguration"} <= set(r)
        assert r["helpUri"] == f"docs/rules.md#{r['id'].lower()}"
        assert r["help"]["text"] and r["help"]["markdown"]
    assert rules[ids.index("W901")]["defaultConfiguration"]["level"] == "warning"  # practice capped
    by_rule = {res["ruleId"]: res for res in run["results"]}
    s901 = by_rule["S901"]
    assert s901["level"] == "error" and rules[s901["ruleIndex"]]["id"] == "S901"
    phys = s901["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "forms/a%2Cb.yaml"
    assert phys["region"] == {"startLine": 9, "startColumn": 1}
    names = [l["name"] for l in s901["locations"][0]["logicalLocations"]]
    assert names == ["会议经费", "会议次数"]
    assert by_rule["W901"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "名称沿用上年"}]
    assert "suppressions" not in s901
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    texts = [n["descriptor"]["id"] for n in inv["toolExecutionNotifications"] if "descriptor" in n]
    assert "E003" in texts and "V902" in texts


def test_sarif_lists_every_registry_rule():
    from checker.report import Report
    from checker.reporters import RenderOptions
    from policy.registry import all_rules

    data = json.loads(render(Report(), "sarif", RenderOptions(lang="en")))
    jsonschema.validate(data, SCHEMA)
    ids = {r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]}
    assert {r.code for r in all_rules()} <= ids


def test_github_annotations_escape_properties_and_data(report, options):
    lines = render(report, "github", options).splitlines()
    s901 = next(l for l in lines if "title=S901" in l)
    assert s901 == "::error file=forms/a%2Cb.yaml,line=9,col=1,title=S901::三级指标「会议次数」没有指标值"
    assert not any("W901" in l for l in lines)  # accepted
    assert any(l.startswith("::error file=forms/broken.xlsx,") for l in lines)
    from checker.reporters.github import escape_data, escape_property

    assert escape_data("50%\n下一行") == "50%25%0A下一行"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_junit_has_a_suite_per_file_and_a_case_per_form_and_rule(report, options):
    root = ET.fromstring(render(report, "junit", options).split("\n", 1)[1])
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"forms/a,b.yaml", "forms/broken.xlsx"}
    cases = suites["forms/a,b.yaml"].findall("testcase")
    rule_cases = [c for c in cases if c.get("name") != "load"]
    assert len(rule_cases) == 2 * len(report.rules)
    def case(form, code):
        return next(c for c in rule_cases if c.get("classname").startswith(f"forms/a,b.yaml#form{form}")
                    and c.get("name").startswith(code))
    assert case(1, "S901").find("failure").get("type") == "S901"
    assert case(1, "W901").find("failure") is None  # suppressed
    assert "名称沿用上年" in case(1, "W901").find("system-out").text
    assert case(2, "V902").find("error") is not None
    assert case(2, "F901").find("skipped").get("message").startswith("insufficient_data")
    assert suites["forms/broken.xlsx"].find("testcase/error").get("type") == "E003"
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
