"""Helpers of the hostile-input suite: time bounds, example budgets, input counting.

A hang is a failure, so work on one generated input runs inside ``bounded(seconds)`` (SIGALRM).
``examples(ci=N)`` gives heavy properties a smaller budget in the fast CI profile while the long
profile (HYPOTHESIS_PROFILE=fuzz) keeps its own. When JIXIAO_FUZZ_LOG names a file, the number
of inputs tried per test is written there as the run goes, so a long run stopped from outside
still says how many inputs it tried.
"""

from __future__ import annotations

import json
import os
import signal
import time
from contextlib import contextmanager

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ = PROFILE == "fuzz"
# Per-input bound: generous for a 2-core shared machine, far below anything that looks like a hang.
INPUT_SECONDS = float(os.environ.get("HOSTILE_INPUT_SECONDS", "20"))


class Hang(BaseException):
    """Work on one input took longer than its bound (a BaseException, so no catch-all in the
    code under test can swallow it)."""


def _on_alarm(signum, frame):  # pragma: no cover - only runs on a hang
    raise Hang("input took longer than its time bound")


@contextmanager
def bounded(seconds: float = INPUT_SECONDS):
    """Raise Hang if the block runs longer than ``seconds``; an outer bound keeps counting."""
    previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def examples(ci: int) -> settings:
    """At most ``ci`` examples in the CI profile; the profile's own budget otherwise."""
    if FUZZ:
        budget = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "0"))
        return settings(max_examples=budget) if budget else settings()
    return settings(max_examples=min(ci, settings.default.max_examples))


_COUNTS: dict[str, int] = {}
_LOG = os.environ.get("JIXIAO_FUZZ_LOG")


def count_input(name: str) -> None:
    """Record one generated input for ``name`` (written out every 100 inputs when logging)."""
    _COUNTS[name] = _COUNTS.get(name, 0) + 1
    if _LOG and sum(_COUNTS.values()) % 100 == 0:
        flush_counts()


def flush_counts() -> None:
    if _LOG:
        tmp = _LOG + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"total": sum(_COUNTS.values()), "per_test": _COUNTS}, fh, indent=1)
        os.replace(tmp, _LOG)
