"""The fix behind ``jixiao format``: rewrite 指标值 cells into the grammar's canonical form.

``plan_document`` takes one loaded input and works out every rewrite without writing anything; ``write``
puts a planned result on disk atomically. Only values the grammar reads without damage, as a
quantity, range or date, whose canonical text differs and means the same, are rewritten (see
``checker.fixer.values``); names, prose, damaged values and every other byte stay as they were.
Inputs that cannot be rewritten safely are reported, never half-written. See docs/fix.md.

This module never prints or exits; the ``format`` command does.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

import attrs

from checker.fixer.atomic import TargetChanged, digest, write_atomic
from checker.fixer.values import canonical_rewrite
from checker.fixer.verify import UnsafeEdit, verify_reload
from policy.forms.model import Document, LoadIssue, Location

# The format modules (yaml, csv, openpyxl) are imported when a file needs them: other commands
# import checker.fixer.atomic for its writer and must not pay for them.

FORMAT_BY_SUFFIX = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".txt": "text",
    ".text": "text",
}
REWRITABLE_FORMATS = ("yaml", "json", "csv", "xlsx", "text")
# Documents read through form recovery: checked, never rewritten. A PDF, an HTML page or a Word
# file has no cell that can be replaced without re-laying the document out, and a workbook in
# the form's layout is not edited until edits there are proven by a reload like the flat one.
DOCUMENT_FORMATS = {
    "pdf": "PDF", "html": "HTML", "docx": "DOCX", "doc": "DOC", "xls": "XLS",
    "xlsx-layout": "XLSX (form layout)", "xls-layout": "XLS",
}
# Formats whose rewrite is also checked by loading the new bytes with the real loader. YAML and
# JSON edits are proven by comparing the parsed documents themselves (events / data), which is
# stricter and avoids a second schema validation; the text layout is edited by position and a
# workbook is re-saved by openpyxl (which drops cached formula results), so those two, and CSV,
# are reloaded.
RELOAD_CHECKED = ("text", "csv", "xlsx")


@attrs.frozen
class ValueEdit:
    """One value rewritten: where, as written, and its canonical form."""

    location: Location
    old: str
    new: str


@attrs.frozen
class FixResult:
    """What formatting one file would do. ``data`` is the new file content (None: no change);
    ``before``/``after`` are the decoded texts for a diff (text formats only)."""

    path: str
    format: str | None
    edits: tuple[ValueEdit, ...] = ()
    data: bytes | None = None
    before: str | None = None
    after: str | None = None
    error: LoadIssue | None = None
    notices: tuple[LoadIssue, ...] = ()
    source_digest: str | None = None  # sha256 of the bytes the edits were planned on

    @property
    def changed(self) -> bool:
        return self.data is not None


def _issue(message_id: str, path: str, severity: str = "error", **args: object) -> LoadIssue:
    return LoadIssue(message_id, {"path": path, **args}, Location(path=path), severity=severity)


def input_format(path: str, detected: str | None = None) -> str | None:
    """The format the loader detected (it sniffs content: a .txt may hold JSON), else by suffix."""
    if detected in REWRITABLE_FORMATS or detected == "text":
        return detected
    return FORMAT_BY_SUFFIX.get(os.path.splitext(path)[1].lower())


def _plan_text(
    document: Document, fmt: str, raw: bytes, rewrite: Callable[..., str | None]
) -> FixResult:
    import csv

    import yaml

    from checker.fixer import csv_text, json_text, text_layout, yaml_text
    from checker.fixer.edits import LineIndex
    from checker.fixer.textio import decode

    path = document.path
    decoded = decode(raw)
    if decoded is None:
        return FixResult(path, fmt, error=_issue("format.encoding", path))
    text = decoded.text
    notices: list[LoadIssue] = []
    try:
        if fmt == "yaml":
            spans = yaml_text.plan(text, rewrite)
            after = yaml_text.apply(text, spans) if spans else text
        elif fmt == "json":
            spans, paths = json_text.plan(text, rewrite)
            after = json_text.apply(text, spans, paths) if spans else text
        elif fmt == "text":
            spans = text_layout.plan(text, document, rewrite)
            after = text_layout.apply(text, spans) if spans else text
        else:
            spans, cells, columns, delimiter = csv_text.plan(
                text,
                lambda value: rewrite(value, spreadsheet=True),
                tab_separated=path.lower().endswith((".tsv", ".txt", ".text")),  # as the loader reads them
            )
            if columns is None:
                notices.append(_issue("format.no-value-column", path, severity="info"))
            elif columns.split:
                notices.append(_issue("format.split-layout", path, severity="info"))
            after = csv_text.apply(text, spans, cells, delimiter) if spans else text
    except (yaml_text.UnsafeEdit, json_text.UnsafeEdit, csv_text.UnsafeEdit, UnsafeEdit) as exc:
        return FixResult(path, fmt, error=_issue("format.unsafe", path, reason=str(exc)))
    except (yaml.YAMLError, ValueError, csv.Error, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        return FixResult(path, fmt, error=_issue("format.unparsable", path, reason=reason))
    lines = LineIndex(text)
    base = Location(path=path)
    edits = tuple(
        ValueEdit(base.with_position(*lines.position(span.start)), span.old, span.new)
        for span in sorted(spans, key=lambda s: s.start)
    )
    if not edits:
        return FixResult(path, fmt, notices=tuple(notices))
    data = decoded.encode(after)
    if fmt in RELOAD_CHECKED:
        try:
            verify_reload(document, data, rewrite)
        except UnsafeEdit as exc:
            return FixResult(path, fmt, error=_issue("format.unsafe", path, reason=str(exc)))
    return FixResult(
        path, fmt, edits=edits, data=data, before=text, after=after, notices=tuple(notices)
    )


def _plan_xlsx(document: Document, raw: bytes, rewrite: Callable[..., str | None]) -> FixResult:
    from checker.fixer import xlsx

    path = document.path
    try:
        edits, data, split_sheets = xlsx.plan_and_apply(
            raw, lambda value: rewrite(value, spreadsheet=True)
        )
    except xlsx.LossyWorkbook as exc:
        return FixResult(path, "xlsx", error=_issue("format.xlsx-lossy", path, parts=str(exc)))
    except xlsx.UnsafeEdit as exc:
        return FixResult(path, "xlsx", error=_issue("format.unsafe", path, reason=str(exc)))
    except Exception as exc:  # noqa: BLE001 - openpyxl/zipfile raise many types on a damaged workbook
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        return FixResult(path, "xlsx", error=_issue("format.unparsable", path, reason=reason))
    notices = tuple(
        _issue("format.split-layout", path, severity="info", sheet=sheet) for sheet in split_sheets
    )
    found = tuple(
        ValueEdit(Location(path=path, line=e.row, sheet=e.sheet, cell=e.cell), e.old, e.new)
        for e in edits
    )
    if data is not None:
        try:
            verify_reload(document, data, lambda value: rewrite(value, spreadsheet=True))
        except UnsafeEdit as exc:
            return FixResult(path, "xlsx", error=_issue("format.unsafe", path, reason=str(exc)))
    return FixResult(path, "xlsx", edits=found, data=data, notices=notices)


def plan_document(
    document: Document, rewrite: Callable[..., str | None] = canonical_rewrite
) -> FixResult:
    """Work out every rewrite of one loaded file. Nothing is written."""
    path = document.path
    fmt = input_format(path, document.format)
    if document.error is not None:
        return FixResult(path, fmt, error=document.error)
    if document.format in DOCUMENT_FORMATS:
        kind = DOCUMENT_FORMATS[document.format]
        return FixResult(path, document.format, error=_issue("format.document", path, kind=kind))
    if fmt not in REWRITABLE_FORMATS:
        return FixResult(path, fmt, notices=(_issue("format.unsupported", path, "info"),))
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return FixResult(path, fmt, error=_issue("format.unreadable", path, reason=exc.strerror))
    if fmt == "xlsx":
        result = _plan_xlsx(document, raw, rewrite)
    else:
        result = _plan_text(document, fmt, raw, rewrite)
    return attrs.evolve(result, source_digest=digest(raw))


def _read_only(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def output_path(path: str, output_dir: str) -> str:
    """Where ``--output DIR`` puts the formatted copy of ``path``: its path relative to the
    working directory when inside it, else its name."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    if relative.startswith(os.pardir) or os.path.isabs(relative):
        relative = os.path.basename(absolute)
    return os.path.join(output_dir, relative)


def write(result: FixResult, target: str | None = None) -> LoadIssue | None:
    """Write a changed result over its file (or to ``target``) atomically; an issue on failure.

    On failure the destination is left exactly as it was and no temporary file remains. Over its
    own file, a read-only file is refused (its owner said "do not change"; replacing the directory
    entry would change it anyway), and so is a file whose bytes changed since they were read.
    """
    if result.data is None:
        return None
    destination = target or result.path
    try:
        if target is not None:
            os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        elif _read_only(result.path):
            return _issue("format.read-only", result.path)
        expect = result.source_digest if target is None else None
        write_atomic(destination, result.data, mode_from=result.path, expect_digest=expect)
    except TargetChanged:
        return _issue("format.changed", result.path)
    except OSError as exc:
        return _issue("format.write-failed", result.path, reason=exc.strerror or str(exc))
    return None
