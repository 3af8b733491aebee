"""The property every hostile input must satisfy, stated once.

A loader returns a Document for any input: either forms (with issues that have a location in
that file) or a file-level error naming the file, whose message renders in both languages. The
CLI exits 0, 1 or 2, never with a traceback or an "internal error".
"""

from __future__ import annotations

import contextlib
import io
import os

from policy.forms.model import Document, Form, LoadIssue
from policy.messages import render


def assert_issue_clean(issue: LoadIssue, path: str) -> None:
    assert isinstance(issue, LoadIssue), issue
    assert issue.location is not None and issue.location.path == path, issue
    assert issue.severity in ("error", "warning", "info"), issue
    for lang in ("zh", "en"):
        text = render(issue.message_id, issue.args, lang)
        assert text and isinstance(text, str)


def assert_document_clean(document: object, path: str) -> Document:
    """``document`` is a result or a clean input error for ``path``."""
    assert isinstance(document, Document), type(document)
    assert document.path == path
    if document.error is not None:
        assert document.error.severity == "error"
        assert_issue_clean(document.error, path)
        assert document.forms == ()
    for issue in document.issues:
        assert_issue_clean(issue, path)
    for form in document.forms:
        assert isinstance(form, Form)
        assert form.location.path == path
        for issue in form.issues:
            assert_issue_clean(issue, path)
        for indicator in form.indicators:
            assert indicator.location is None or indicator.location.path == path
    return document


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``jixiao argv`` in-process: (exit code, stdout, stderr)."""
    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_cli_clean(code: int, stderr: str) -> None:
    assert code in (0, 1, 2), code
    assert "Traceback" not in stderr, stderr
    assert "internal error" not in stderr, stderr


def write(directory, name: str, data: bytes) -> str:
    path = os.path.join(os.fspath(directory), name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path
