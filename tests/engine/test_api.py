"""The embedding API: configuration as an object, reports back, nothing printed, cheap import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import checker
from policy.forms.canonical import form_from_mapping

BAD = {"name": "会议经费", "funding": {"total": "15万元", "fiscal": "10万元", "other": "0"}}


def test_check_a_form_with_a_config_object(capsys):
    form = form_from_mapping(BAD, path="mem.yaml")
    report = checker.check(form, checker.Config(select=("F101",)))
    assert [d.code for d in report.active] == ["F101"]
    assert report.coverage[0].outcome("F101") == "fail"
    assert report.exit_code() == 1
    assert checker.check(form, checker.Config(select=("F1",), ignore=("F101",))).exit_code() == 0
    assert capsys.readouterr() == ("", "")


def test_check_paths_and_load(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("name: 会议经费\nfunding: {total: 15万元, fiscal: 10万元, other: 0}\n",
                                     encoding="utf-8")
    doc = checker.load(tmp_path / "a.yaml")
    assert doc.error is None and doc.forms[0].name == "会议经费"
    seen = []
    report = checker.check_paths([tmp_path, tmp_path / "missing.yaml"], checker.Config(select=("F101",)),
                                 progress=lambda files, forms: seen.append((files, forms)))
    assert [d.code for d in report.active] == ["F101"]
    assert [f.path for f in report.failures] == [str(tmp_path / "missing.yaml")]
    assert seen[-1] == (2, 1) and report.exit_code() == 2
    assert capsys.readouterr() == ("", "")


def test_config_errors_are_exceptions_not_exits():
    form = form_from_mapping(BAD)
    with pytest.raises(checker.ConfigError) as info:
        checker.check(form, checker.Config(rules={"F101": {"severity": "loud"}}))
    assert info.value.args_["key"] == "rules.F101.severity"


def test_importing_checker_stays_cheap():
    code = ("import sys, checker; "
            "print(sorted(m for m in ('checker.engine', 'policy.registry', 'openpyxl', 'yaml', "
            "'jsonschema', 'checker.api') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
