"""Hostile-input suite: every test runs under a time bound, so a hang fails instead of stalling.

The bound is HOSTILE_TEST_SECONDS (default 180; none under HYPOTHESIS_PROFILE=fuzz, whose long
run is stopped from outside). Per-input bounds are in hostile_support.bounded.
"""

from __future__ import annotations

import os
import signal

import pytest
from hostile_support import FUZZ, Hang, flush_counts

TEST_SECONDS = int(os.environ.get("HOSTILE_TEST_SECONDS", "0" if FUZZ else "180"))


def _on_alarm(signum, frame):  # pragma: no cover - only runs on a hang
    raise Hang(f"test ran longer than {TEST_SECONDS} s")


@pytest.fixture(autouse=True)
def _test_time_bound():
    if not TEST_SECONDS:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TEST_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pytest_sessionfinish(session, exitstatus):
    flush_counts()


@pytest.fixture(scope="session")
def samples(tmp_path_factory):
    """One small valid input per format (generated like the real ones), plus the seed: the
    material that truncations and mutations start from. {format: Path}."""
    from pathlib import Path

    from bench.corpusgen import write_corpus

    out = tmp_path_factory.mktemp("hostile-samples")
    summary = write_corpus(out, 3, formats=("text", "yaml", "json", "csv", "xlsx"), per_file=3, seed=7)
    found = {fmt: Path(files[0]) for fmt, files in summary["files"].items()}
    found["seed"] = Path(__file__).resolve().parents[2] / "corpus" / "bazhong-2022-city-government-office.txt"
    return found
