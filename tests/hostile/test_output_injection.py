"""What a crafted form can put into the reports: terminal escape sequences, characters XML cannot
hold, lone surrogates. A report must reach its reader intact and must not take over their
terminal; one such file must not cost the report of every other file."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from hostile_checks import assert_cli_clean, run_cli, write

CONTROL = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x08\x00\x01\x7f\x9b"
# Everything below 0x20 but TAB/LF/CR, DEL, and the C1 range (0x9b is a one-byte CSI).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _crafted(name: str = "项目") -> dict:
    return {"forms": [{
        "name": name + CONTROL,
        "budget_unit": "单位" + CONTROL,
        "indicators": [
            {"level1": "产出指标", "level2": "数量指标", "name": "数量" + CONTROL, "value": "≥**%" + CONTROL},
            {"level1": "满意度指标", "level2": "服务对象满意度", "name": "满意度", "value": "≥70%"},
        ],
    }]}


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_raw_control_characters_reach_a_terminal(tmp_path, fmt):
    write(tmp_path, "crafted.json", json.dumps(_crafted()).encode())
    code, out, err = run_cli(["check", str(tmp_path), "--format", fmt])
    assert_cli_clean(code, err)
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.findall(out)[:5])
    assert not RAW_CONTROL.search(err), repr(RAW_CONTROL.findall(err)[:5])
    assert "pwned" in out  # shown, made harmless, not dropped


def test_junit_report_stays_well_formed_xml(tmp_path):
    write(tmp_path, "crafted.json", json.dumps(_crafted()).encode())
    code, out, err = run_cli(["check", str(tmp_path), "--format", "junit"])
    assert_cli_clean(code, err)
    root = ET.fromstring(out)
    assert "pwned" in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_a_lone_surrogate_does_not_cost_the_other_files_their_report(samples, tmp_path, fmt):
    """JSON may spell a lone surrogate ("\\ud800"); it cannot be written out as UTF-8."""
    write(tmp_path, "surrogate.json", b'{"forms": [{"name": "\\ud800x", "indicators": '
                                      b'[{"name": "\\udfff", "value": "\\ud83d95%"}]}]}')
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    code, out, err = run_cli(["check", str(tmp_path), "--format", fmt])
    assert_cli_clean(code, err)
    out.encode("utf-8")  # the report itself is writable
    assert "seed.txt" in out


def test_lone_surrogate_in_yaml_double_quotes(samples, tmp_path):
    write(tmp_path, "surrogate.yaml", b'forms:\n- name: "\\ud800"\n  indicators: []\n')
    shutil.copy(samples["seed"], tmp_path / "seed.txt")
    code, out, err = run_cli(["check", str(tmp_path), "--format", "json"])
    assert_cli_clean(code, err)
    assert json.loads(out)["summary"]["forms"] >= 8
