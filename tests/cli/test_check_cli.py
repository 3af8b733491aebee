"""``jixiao check`` end to end (in-process): exit codes, selection, config errors, baselines,
output files, parallel runs, progress and colour only on a terminal."""

from __future__ import annotations

import io
import json
import sys

import pytest

from checker.cli import main

BAD = """forms:
- name: 会议经费
  budget_unit: 巴中市人民政府办公室
  funding:
    total: 15万元
    fiscal: 10万元
    other: 0
"""
GOOD = """forms:
- name: 调研经费
  funding:
    total: 15万元
    fiscal: 15万元
    other: 0
"""


@pytest.fixture
def forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_exit_codes_follow_fail_on(forms, capsys):
    assert cli(capsys, "check", "good.yaml", "--select", "F101")[0] == 0
    code, out, _ = cli(capsys, "check", "bad.yaml", "good.yaml", "--select", "F101")
    assert code == 1
    assert "bad.yaml:2:1: F101 " in out
    assert cli(capsys, "check", "bad.yaml", "--select", "F101", "--exit-zero")[0] == 0
    code, _, _ = cli(capsys, "check", "bad.yaml", "--select", "F101",
                     "--config", str(_write(forms / "c.toml", '[rules.F101]\nseverity = "warning"\n')))
    assert code == 0
    code, _, _ = cli(capsys, "check", "bad.yaml", "--select", "F101", "--fail-on", "warning",
                     "--config", str(forms / "c.toml"))
    assert code == 1


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_unreadable_input_is_exit_2_and_the_others_are_still_checked(forms, capsys):
    (forms / "broken.yaml").write_text("forms: [\n", encoding="utf-8")
    code, out, _ = cli(capsys, "check", "bad.yaml", "broken.yaml", "missing.yaml", "--select", "F101")
    assert code == 2
    assert "bad.yaml:2:1: F101" in out
    assert "broken.yaml:" in out and "missing.yaml:" in out
    summary = out.strip().splitlines()[-1]
    assert "2 个文件无法读取" in summary and "3 个文件" in summary
    code, out, _ = cli(capsys, "check", "missing.yaml", "good.yaml", "--select", "F101", "--exit-zero")
    assert code == 2  # --exit-zero never hides unreadable input


def test_select_ignore_and_usage_errors(forms, capsys):
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F", "--ignore", "F101")
    assert "F101" not in out
    code, _, err = cli(capsys, "check", "bad.yaml", "--select", "Q9")
    assert code == 2 and "Q9" in err
    code, _, err = cli(capsys, "check", "bad.yaml", "--format", "xml")
    assert code == 2 and "xml" in err


def test_config_errors_name_file_key_and_expected_value(forms, capsys):
    _write(forms / "jixiao.toml", '[rules.F101]\nseverity = "fatal"\n')
    code, out, err = cli(capsys, "check", "bad.yaml")
    assert code == 2 and out == ""
    assert "jixiao.toml" in err and "rules.F101.severity" in err and "error | warning | info" in err
    code, _, err = cli(capsys, "check", "bad.yaml", "--lang", "en")
    assert "is invalid: expected error | warning | info" in err
    code, _, err = cli(capsys, "check", "bad.yaml", "--config", "nowhere.toml")
    assert code == 2 and "nowhere.toml" in err


def test_config_found_upward_applies(forms, capsys):
    _write(forms / "pyproject.toml", '[tool.jixiao]\nselect = ["F101"]\nlang = "en"\n')
    sub = forms / "sub"
    sub.mkdir()
    (sub / "bad.yaml").write_text(BAD, encoding="utf-8")
    code, out, _ = cli(capsys, "check", "sub")
    assert code == 1
    assert "F101" in out and out.strip().splitlines()[-1].startswith("Found 1 problem (1 error, ")


def test_json_sarif_github_junit_formats_run(forms, capsys):
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101", "--format", "json")
    data = json.loads(out)
    assert code == 1 and [d["code"] for d in data["diagnostics"]] == ["F101"]
    assert data["diagnostics"][0]["path"] == "bad.yaml"
    for fmt, marker in (("sarif", '"version": "2.1.0"'), ("github", "::error file=bad.yaml,line=2"),
                        ("junit", "<testsuites")):
        code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101", "--format", fmt)
        assert code == 1 and marker in out


def test_baseline_accepts_current_findings_and_flags_stale_entries(forms, capsys):
    code, _, err = cli(capsys, "check", "bad.yaml", "--select", "F101", "--write-baseline", "base.toml")
    assert code == 0 and "base.toml" in err
    text = (forms / "base.toml").read_text("utf-8")
    assert 'form = "会议经费"' in text and 'code = "F101"' in text and 'reason = "baseline"' in text
    _write(forms / "jixiao.toml", 'baseline = "base.toml"\n')
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["diagnostics"][0]["suppressed"] == {"justification": "baseline"}
    assert data["summary"]["suppressed"] == 1 and data["summary"]["errors"] == 0
    (forms / "bad.yaml").write_text(GOOD, encoding="utf-8")  # fixed: the entry is stale
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101")
    assert code == 0 and "不再匹配" in out


def test_suppression_in_config_with_reason_and_expiry(forms, capsys):
    _write(forms / "jixiao.toml", '[[suppress]]\nform = "会议经费"\ncode = "F1"\n'
                                  'reason = "其他资金另行安排"\nexpires = 2999-01-01\n')
    assert cli(capsys, "check", "bad.yaml", "--select", "F101")[0] == 0
    _write(forms / "jixiao.toml", '[[suppress]]\nform = "会议经费"\ncode = "F1"\nreason = "x"\n'
                                  "expires = 2000-01-01\n")
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101")
    assert code == 1 and "过期" in out
    _write(forms / "jixiao.toml", '[[suppress]]\nform = "会议经费"\ncode = "F1"\n')
    code, _, err = cli(capsys, "check", "bad.yaml")
    assert code == 2 and "suppress[0].reason" in err


def test_output_file_statistics_and_quiet(forms, capsys):
    code, out, err = cli(capsys, "check", "bad.yaml", "--select", "F101", "--format", "json",
                         "--output", "r.json")
    assert code == 1 and out == "" and "发现 1 个问题" in err  # the summary still reaches a human
    assert json.loads((forms / "r.json").read_text("utf-8"))["summary"]["errors"] == 1
    code, out, _ = cli(capsys, "check", "bad.yaml", "good.yaml", "--select", "F101", "--statistics")
    assert out.splitlines()[0].split("\t") == ["1", "F101", "total-mismatch-fiscal-other"]
    code, out, _ = cli(capsys, "check", "bad.yaml", "--select", "F101", "--quiet")
    lines = out.strip().splitlines()  # header and finding, no summary
    assert len(lines) == 2 and lines[1].startswith("bad.yaml:2:1: F101 ")


def test_output_path_with_a_nul_is_a_write_error_not_a_crash(forms, capsys):
    # found by tests/hostile/test_cli_hostile.py: the walk's exclusion of the report path raised
    for option in ("--output", "--write-baseline"):
        code, _, err = cli(capsys, "check", ".", option, "\x00")
        assert code == 2 and "internal error" not in err, err


def test_jobs_give_the_same_output(forms, capsys):
    for i in range(4):
        (forms / f"b{i}.yaml").write_text(BAD.replace("会议经费", f"会议经费{i}"), encoding="utf-8")
    _, serial, _ = cli(capsys, "check", ".", "--format", "json")
    _, parallel, _ = cli(capsys, "check", ".", "--format", "json", "--jobs", "2")
    assert serial == parallel and json.loads(serial)["summary"]["files"] == 6


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_colour_and_progress_only_on_a_terminal(forms, monkeypatch):
    out, err = _Tty(), _Tty()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    main(["check", "bad.yaml", "--select", "F101"])
    assert "\x1b[" in out.getvalue()
    assert "已处理" in err.getvalue()
    out, err = _Tty(), _Tty()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "bad.yaml", "--select", "F101", "--quiet"])
    assert "\x1b[" not in out.getvalue() and err.getvalue() == ""


def test_no_colour_or_progress_in_pipes(forms, capsys):
    code, out, err = cli(capsys, "check", "bad.yaml", "--select", "F101")
    assert code == 1 and "\x1b[" not in out and err == ""


def test_an_empty_folder_is_said_out_loud(forms, capsys):
    (forms / "empty").mkdir()
    code, out, err = cli(capsys, "check", "empty")
    # issue 13: a named folder with nothing to check is an input error (exit 2), not a pass
    assert code == 2 and "empty" in out and "没有可检查的文件" in out and ".yaml" in out


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_output_file_holds_exactly_what_stdout_gets(forms, capsys, fmt):
    _, stdout, _ = cli(capsys, "check", "bad.yaml", "good.yaml", "--format", fmt, "-q")
    cli(capsys, "check", "bad.yaml", "good.yaml", "--format", fmt, "-q", "--output", "r.out")
    assert (forms / "r.out").read_bytes() == stdout.encode("utf-8")


def test_output_file_failing_mid_stream_keeps_the_old_report(forms, capsys, monkeypatch):
    from checker.reporters import json_format

    (forms / "r.json").write_text("old report\n", encoding="utf-8")
    real = json_format.write

    def write_then_fail(report, options, out):
        out.write('{\n  "tool": ')  # part of the report is already in the temporary file
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_format, "write", write_then_fail)
    code, _, err = cli(capsys, "check", "bad.yaml", "--format", "json", "--output", "r.json")
    monkeypatch.setattr(json_format, "write", real)
    assert code == 2 and "No space left on device" in err and "r.json" in err
    assert (forms / "r.json").read_text("utf-8") == "old report\n"
    assert sorted(p.name for p in forms.iterdir() if "jixiao-tmp" in p.name) == []
