"""The pre-commit hook runs `jixiao check` on exactly the suffixes the loaders support."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from checker.loaders import DOCUMENT_SUFFIXES, SUPPORTED_SUFFIXES

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def _hooks() -> dict:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def test_hook_definition_matches_the_loaders():
    hooks = _hooks()
    assert set(hooks) == {"jixiao", "jixiao-format"}
    assert hooks["jixiao"]["entry"] == "jixiao check"
    assert hooks["jixiao-format"]["entry"] == "jixiao format --in-place --quiet"
    rewritable = tuple(s for s in SUPPORTED_SUFFIXES if s not in DOCUMENT_SUFFIXES)
    for hook, suffixes in ((hooks["jixiao"], SUPPORTED_SUFFIXES), (hooks["jixiao-format"], rewritable)):
        assert hook["language"] == "python"
        pattern = re.compile(hook["files"])
        for suffix in suffixes:
            assert pattern.search(f"forms/a{suffix}"), suffix
            assert pattern.search(f"forms/A{suffix.upper()}"), suffix
        # format refuses documents (exit 2): its hook must not be handed them
        others = ("a.py", "a.md", "a.txt.bak", "a.pdf.bak", "a.docx.txt~") + tuple(f"a{s}" for s in SUPPORTED_SUFFIXES if s not in suffixes)
        for other in others:
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
