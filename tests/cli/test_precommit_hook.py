"""The pre-commit hook runs `jixiao check` on exactly the suffixes the loaders support."""

from __future__ import annotations

from pathlib import Path
import re

import yaml

from checker.loaders import SUPPORTED_SUFFIXES

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def test_hook_definition_matches_the_loaders():
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "jixiao" and hook["entry"] == "jixiao check"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    for suffix in SUPPORTED_SUFFIXES:
        assert pattern.search(f"forms/a{suffix}"), suffix
        assert pattern.search(f"forms/A{suffix.upper()}"), suffix
    for other in ("a.py", "a.md", "a.txt.bak", "a.xls"):
        assert not pattern.search(other), other
