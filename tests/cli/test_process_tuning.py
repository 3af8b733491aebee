"""The console entry point tunes the collector for its own process; ``main`` (what embedders and
these tests call) leaves the process as it found it."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from checker import cli, process


@pytest.fixture
def restore_collector():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_tune_collector_freezes_start_up_and_collects_the_young_less_often(restore_collector):
    gc.unfreeze()
    _, middle, old = gc.get_threshold()
    process.tune_collector()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (process.YOUNG_THRESHOLD, middle, old)
    assert gc.isenabled()  # cycles are still collected


def test_main_changes_no_process_setting(tmp_path, capsys):
    before = (gc.get_threshold(), gc.isenabled())
    assert cli.main(["parse", "≥99%"]) == 0
    assert (gc.get_threshold(), gc.isenabled()) == before


def test_console_tunes_then_runs_main(monkeypatch):
    calls = []
    monkeypatch.setattr(process, "tune_collector", lambda: calls.append("tune"))
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 3)
    assert cli.console() == 3
    assert calls == ["tune", "main"]


def test_python_m_checker_uses_the_console_entry_point():
    code = ("import gc, runpy, sys; sys.argv = ['jixiao', 'parse', '≥99%']\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit as exit:\n    print(exit.code, gc.get_threshold()[0])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.split()[-2:] == ["0", str(process.YOUNG_THRESHOLD)], proc.stderr[-2000:]
