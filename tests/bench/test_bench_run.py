"""The benchmark scripts run end to end on a tiny corpus (benchmarks are not tests: no figure is
checked against a target here, only that every measurement is produced and sane)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_quick_produces_every_measurement(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(out),
         "--workdir", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert "errors" not in results
    assert results["machine"]["nproc"] >= 1 and results["machine"]["python"]
    assert results["parse"]["values"] == 300 and results["parse"]["per_second"] > 0
    for fmt in ("text", "yaml", "xlsx"):
        run = results["throughput"][fmt]
        assert run["forms"] == 30, (fmt, run)  # every generated form was read back and checked
        assert run["forms_per_second"] > 0 and run["output_bytes"] > 1000
    for fmt in ("yaml", "csv", "text"):
        run = results["selfeval"][fmt]
        assert run["forms"] == 30 and run["forms_per_second"] > 0, (fmt, run)
    assert "self-evaluations checked/s, csv" in proc.stdout
    assert [m["forms"] for m in results["memory"]] == [20, 60]
    assert all(m["exit_code"] == 1 and m["peak_rss_mb"] > 5 for m in results["memory"])  # findings, no crash
    cold = results["cold_start"]
    # ratios are measured, not asserted against a speed: on a loaded machine a bare interpreter
    # can start slower than a check did (seen with the import-attrs ratio under load 10)
    assert cold["check_exit_code"] in (0, 1) and cold["ratio"] > 0
    assert cold["seed_exit_code"] == 1 and cold["seed_ratio"] > 0  # the seed form has findings
    assert cold["python"].startswith("bare venv")  # start-up measured without the editable hook
    assert cold["import_attrs_ratio"] > 0
    assert [r["jobs"] for r in results["jobs"]["runs"]] == [1, 2]
    assert all(r["exit_code"] == 1 for r in results["jobs"]["runs"])
    table = proc.stdout
    assert "forms checked/s, text" in table and "cold start ratio" in table and "--jobs 2" in table
    assert "seed form" in table


def test_profile_script_runs(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "profile.py"), "--forms", "12", "--html", str(tmp_path / "p.html")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "check_paths" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_phases_script_splits_the_time_of_a_tiny_corpus(tmp_path):
    sys.path.insert(0, str(ROOT))
    from bench.corpusgen import write_corpus

    write_corpus(tmp_path / "c", 12, formats=("text",), per_file=6, seed=3)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "phases.py"), str(tmp_path / "c" / "text"), "--rules"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert out.startswith("12 forms, ")
    for phase in ("load", "check", "finish", "render", "total", "rules alone"):
        assert f"  {phase}" in out, (phase, out)
    assert "S101" in out and "C105" in out  # one line per rule, unit-scope rules included
