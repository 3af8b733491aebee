"""``jixiao parse`` through checker.cli.main: JSON Lines, text, stdin, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from checker.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_json_gives_base_units(capsys) -> None:
    assert main(["parse", "--format", "json", "≤15万元", "≥100百分比", "80M", "≥35000次/天"]) == 0
    records = _json_lines(capsys.readouterr().out)
    assert [(r["input"], r["kind"], r["op"], r["value"], r["unit"], r["per"]) for r in records] == [
        ("≤15万元", "quantity", "≤", "150000", "元", None),
        ("≥100百分比", "quantity", "≥", "100", "%", None),
        ("80M", "quantity", "=", "80", "米", None),
        ("≥35000次/天", "quantity", "≥", "35000", "次", "天"),
    ]
    assert records[1]["normalized"] == "≥100%"
    assert all(r["error"] is None for r in records)


def test_json_range_date_text(capsys) -> None:
    assert main(["parse", "--format", "json", "3～5天", "2022年12月底前", "持续提升", "优良"]) == 0
    rng, date, vague, grade = _json_lines(capsys.readouterr().out)
    assert (rng["kind"], rng["lo"], rng["hi"], rng["unit"], rng["op"]) == ("range", "259200", "432000", "秒", None)
    assert (date["kind"], date["form"], date["latest"]) == ("date", "deadline", "2022-12-31")
    assert (vague["kind"], vague["vague"], vague["grade"]) == ("text", "持续提升", None)
    assert grade["grade"] == "优良"


def test_damaged_input_exits_1_with_reason(capsys) -> None:
    assert main(["parse", "--format", "json", "≥99%", "≧ %", "≥**%"]) == 1
    ok, missing, placeholder = _json_lines(capsys.readouterr().out)
    assert ok["error"] is None
    assert missing["error"]["code"] == "missing-number" and "%" in missing["error"]["message"]
    assert placeholder["error"]["code"] == "placeholder" and "**" in placeholder["error"]["message"]


def test_english_messages(capsys) -> None:
    assert main(["parse", "--format", "json", "--lang", "en", "≧ %"]) == 1
    (record,) = _json_lines(capsys.readouterr().out)
    assert record["error"]["message"] == "the number is missing (comparator ≥, unit %)"


def test_reads_stdin_lines(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("≥99%\n每月一期\n\n"))
    assert main(["parse", "--format", "json"]) == 1  # the blank line is an empty value
    records = _json_lines(capsys.readouterr().out)
    assert [r["input"] for r in records] == ["≥99%", "每月一期", ""]
    assert (records[1]["value"], records[1]["unit"], records[1]["per"]) == ("1", "期", "月")
    assert records[2]["error"]["code"] == "empty"


def test_text_format_one_line_each(capsys) -> None:
    assert main(["parse", "不低于95%", "1OO%"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:3] == ["不低于95%", "quantity", "≥95%"]
    assert "letter-in-number" in lines[1]


def test_help_documents_exit_status(capsys) -> None:
    assert main(["parse", "--help"]) == 0
    assert "Exit status" in capsys.readouterr().out


def test_bad_option_is_usage_error(capsys) -> None:
    assert main(["parse", "--format", "xml", "95%"]) == 2


def test_benchmark_script_runs_quick() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_parse.py"), "--quick"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "distinct values/s" in done.stdout and "cold start" in done.stdout
