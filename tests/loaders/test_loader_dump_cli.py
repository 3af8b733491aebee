"""``jixiao dump``: the names other tools read, exit codes, stderr as path:line: message."""

from __future__ import annotations

import json

import yaml

from checker.cli import main
from loaders.tests_paths import SEED

FORM_KEYS = {"path", "line", "name", "budget_unit", "implementer", "attributes", "funding", "goals",
             "indicators"}


def test_dump_json_has_the_promised_names(capsys):
    assert main(["dump", str(SEED)]) == 0
    out = json.loads(capsys.readouterr().out)
    form = out["forms"][0]
    assert FORM_KEYS <= set(form)
    assert set(form["attributes"]) == {"kind", "term", "basis"}
    assert {"total", "fiscal", "other", "long_term_total", "previous_years", "procurement",
            "sources"} <= set(form["funding"])
    assert {"long_term", "annual"} <= set(form["goals"])
    assert {"level1", "level2", "name", "value", "period", "line"} <= set(form["indicators"][0])
    assert form["funding"]["total"] == "150000" and form["funding"]["other"] is None
    assert form["attributes"] == {"kind": "延续", "term": "经常性", "basis": ["其他"]}
    assert form["indicators"][1] == {"level1": "产出指标", "level2": "数量指标", "name": "突发事件及时处置率",
                                     "value": "≥99%", "period": "annual", "line": 19, "column": 8}


def test_dump_yaml_parses_and_matches_json(capsys):
    main(["dump", str(SEED)])
    as_json = json.loads(capsys.readouterr().out)
    assert main(["dump", "--format", "yaml", str(SEED)]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == as_json


def test_unreadable_input_exits_2_and_the_rest_is_still_dumped(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("forms:\n  - name: [\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["dump", str(bad), str(SEED), str(missing)]) == 2
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["forms"]) == 8
    lines = captured.err.splitlines()
    assert lines[0].startswith(f"{bad}:3: E005 ")
    assert lines[1] == f"{missing}: E010 文件不存在"
    assert "Traceback" not in captured.err


def test_warnings_go_to_stderr_in_english_with_lang(tmp_path, capsys):
    path = tmp_path / "form.txt"
    path.write_text("某某绩效目标申报表\n项目名称\t甲\n无关\t单元格\n", encoding="utf-8")
    assert main(["dump", "--lang", "en", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}:3:1: E101 cell could not be placed: \"无关\"" in err
    assert f"{path}:1:1: E103 " in err


def test_directory_is_walked_recursively_and_sorted(tmp_path, capsys):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.json").write_text('{"name": "乙"}', encoding="utf-8")
    (tmp_path / "a.yaml").write_text("name: 甲\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a form", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.json").write_text("{}", encoding="utf-8")
    assert main(["dump", str(tmp_path)]) == 0
    assert [f["name"] for f in json.loads(capsys.readouterr().out)["forms"]] == ["甲", "乙"]
