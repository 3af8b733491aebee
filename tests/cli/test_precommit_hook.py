"""The pre-commit hook runs `jixiao check` on exactly the suffixes the loaders support."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from checker.loaders import SUPPORTED_SUFFIXES

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def _hooks() -> dict:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def test_hook_definition_matches_the_loaders():
    hooks = _hooks()
    assert set(hooks) == {"jixiao", "jixiao-format"}
    assert hooks["jixiao"]["entry"] == "jixiao check"
    assert hooks["jixiao-format"]["entry"] == "jixiao format --in-place --quiet"
    for hook in hooks.values():
        assert hook["language"] == "python"
        pattern = re.compile(hook["files"])
        for suffix in SUPPORTED_SUFFIXES:
            assert pattern.search(f"forms/a{suffix}"), suffix
            assert pattern.search(f"forms/A{suffix.upper()}"), suffix
        for other in ("a.py", "a.md", "a.txt.bak", "a.xls"):
            assert not pattern.search(other), other


def test_format_hook_entry_is_a_valid_command_line(tmp_path):
    """pre-commit appends the staged file names to the entry: it must parse and run as is."""
    import contextlib
    import io
    import shlex

    from checker.cli import main

    form = tmp_path / "form.yaml"
    form.write_text("forms:\n- name: x\n  indicators:\n  - {name: a, value: 不低于95%}\n", encoding="utf-8")
    argv = shlex.split(_hooks()["jixiao-format"]["entry"])[1:] + [str(form)]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(argv) == 0
    assert "value: ≥95%" in form.read_text(encoding="utf-8")
