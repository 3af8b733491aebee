"""Baseline files: accepted findings as ``[[suppress]]`` entries (form, code, reason, count).

Writing one accepts everything a run found; later runs suppress those and report what is new.
The file is TOML (the same shape as [[suppress]] in jixiao.toml), written atomically.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from checker.fixer.atomic import write_atomic
from checker.report import Report

HEADER = (
    "# jixiao baseline: findings accepted when this file was written.\n"
    "# Each entry suppresses up to `count` findings of `code` on the form named `form`.\n"
    "# Regenerate with: jixiao check PATH --write-baseline FILE\n"
)


def _toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(text, ensure_ascii=False)


def _writable(name: str) -> bool:
    """TOML holds Unicode scalar values only: a name with a lone surrogate cannot be listed."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def baseline_entries(report: Report) -> list[tuple[str, str, int]]:
    """(form name, code, count) for every finding on a named form, sorted."""
    counts = Counter(
        (d.form.name, d.code) for d in report.diagnostics
        if d.form is not None and d.form.name and _writable(d.form.name)
    )
    return sorted((form, code, n) for (form, code), n in counts.items())


def baseline_text(report: Report) -> str:
    parts = [HEADER]
    for form, code, n in baseline_entries(report):
        parts.append(
            f"\n[[suppress]]\nform = {_toml_string(form)}\ncode = {_toml_string(code)}\n"
            f'reason = "baseline"\ncount = {n}\n'
        )
    return "".join(parts)


def write_baseline(report: Report, path: str | Path) -> int:
    """Write the baseline atomically; returns the number of entries."""
    write_atomic(str(path), baseline_text(report).encode("utf-8"))
    return len(baseline_entries(report))
