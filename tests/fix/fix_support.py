"""Helpers of the fix-command tests: run ``jixiao format`` in-process and compare files."""

from __future__ import annotations

import contextlib
import difflib
import io
import os


def run(argv: list[str]) -> tuple[int, str, str]:
    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["format", *argv])
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


def write(directory, name: str, content: str | bytes, encoding: str = "utf-8") -> str:
    path = os.path.join(os.fspath(directory), name)
    data = content.encode(encoding) if isinstance(content, str) else content
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """(old line, new line) pairs that differ; asserts no line was added or removed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new), difflib.unified_diff(old, new)
    return [(a, b) for a, b in zip(old, new) if a != b]
