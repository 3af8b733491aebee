"""Loaders: turn input files into ``policy.forms.model.Document`` objects.

``load_path`` sniffs the format by suffix and content and never raises for bad input: a file it
cannot read becomes ``Document(path, error=LoadIssue(...))``; cells it cannot place become
warnings on the form or document. ``iter_documents`` walks files and directories, one file at a
time. Format modules are imported only when a file needs them (openpyxl, yaml, jsonschema are
heavy).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from checker.loaders import issues as ids
from checker.loaders.limits import DEFAULT_LIMITS, Limits
from policy.forms.model import Document, Location

if TYPE_CHECKING:
    from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text")
CANONICAL_SUFFIXES = (".yaml", ".yml", ".json")
FLAT_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")
DOCUMENT_SUFFIXES = (".html", ".htm", ".docx", ".doc", ".xls", ".pdf")  # read through grids and form recovery
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + CANONICAL_SUFFIXES + FLAT_SUFFIXES + DOCUMENT_SUFFIXES

__all__ = ["SUPPORTED_SUFFIXES", "Limits", "iter_documents", "load_bytes", "load_path"]


def load_path(path: str | os.PathLike, limits: Limits | None = None) -> Document:
    """Load one file; never raises for bad input, never modifies the file."""
    limits = limits or DEFAULT_LIMITS
    name = os.fspath(path)
    where = Location(path=name)
    try:
        if not os.path.exists(name):
            return Document(name, error=ids.file_error(ids.NOT_FOUND, where))
        if os.path.isdir(name):
            return Document(name, error=ids.file_error(ids.UNKNOWN_FORMAT, where, suffix="/"))
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            return Document(name, error=ids.file_error(ids.UNKNOWN_FORMAT, where, suffix="?"))
        size = info.st_size
        if size > limits.max_file_bytes:
            return Document(
                name,
                error=ids.file_error(ids.TOO_LARGE, where, size=size, limit=limits.max_file_bytes),
            )
        with open(name, "rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return Document(name, error=ids.file_error(ids.UNREADABLE, where, reason=_reason(exc)))
    if len(data) > limits.max_file_bytes:  # grew while we looked
        return Document(
            name,
            error=ids.file_error(ids.TOO_LARGE, where, size=len(data), limit=limits.max_file_bytes),
        )
    return load_bytes(data, name, limits)


def load_bytes(data: bytes, path: str, limits: Limits | None = None) -> Document:
    """Load a file's content already read into memory (``path`` names it in locations)."""
    from checker.loaders.dispatch import load_data

    return load_data(data, path, limits or DEFAULT_LIMITS)


def iter_documents(
    paths: Iterable[str | os.PathLike], limits: Limits | None = None
) -> Iterator[Document]:
    """Documents for files and directories (recursive, sorted, supported suffixes only)."""
    for file in iter_files(paths):
        yield load_path(file, limits)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """The files ``iter_documents`` loads, in its order: each path in turn; a directory gives its
    supported files recursively, sorted, skipping hidden entries and Office lock files (~$x.xlsx);
    a path that does not exist is kept (loading it reports E010)."""
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            # Path(name) spells the folder as reports show it (no ./, no trailing /).
            from pathlib import Path

            yield from _walk(Path(name))
        else:
            yield name


def _walk(root: Path) -> list[str]:
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            if filename.startswith((".", "~$")):  # hidden files, Office lock files
                continue
            if filename.lower().endswith(SUPPORTED_SUFFIXES):
                found.append(os.path.join(dirpath, filename))
    return sorted(found)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
