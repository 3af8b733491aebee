"""Loaders: turn input files into ``policy.forms.model.Document`` objects.

``load_path`` sniffs the format by suffix and content and never raises for bad input: a file it
cannot read becomes ``Document(path, error=LoadIssue(...))``; cells it cannot place become
warnings on the form or document. ``iter_documents`` walks files and directories, one file at a
time. Format modules are imported only when a file needs them (openpyxl, yaml, jsonschema are
heavy).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

from checker.loaders import issues as ids
from checker.loaders.dispatch import load_data
from checker.loaders.limits import DEFAULT_LIMITS, Limits
from policy.forms.model import Document, Location

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
    if isinstance(path, WalkProblem):
        return Document(str(path), error=ids.file_error(path.message_id, where, **path.args))
    try:
        if not os.path.exists(name):
            return Document(name, error=_missing(name, where))
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
    return load_data(data, path, limits or DEFAULT_LIMITS)


def iter_documents(
    paths: Iterable[str | os.PathLike], limits: Limits | None = None, exclude: Iterable[str] = ()
) -> Iterator[Document]:
    """Documents for files and directories (recursive, sorted, supported suffixes only)."""
    for file in iter_files(paths, exclude):
        yield load_path(file, limits)


class WalkProblem(str):
    """A path the walk could not turn into files to read (an unreadable directory, a symlink
    loop, a named directory with nothing to check). It stands in the file list like any path;
    loading it gives a Document with its error, so it is reported and the run exits 2."""

    message_id: str
    args: dict

    def __new__(cls, path: str, message_id: str, **args: object) -> "WalkProblem":
        self = super().__new__(cls, path)
        self.message_id, self.args = message_id, args
        return self

    def __reduce__(self):  # crosses to --jobs workers
        return (_walk_problem, (str(self), self.message_id, self.args))


def _walk_problem(path: str, message_id: str, args: dict) -> WalkProblem:
    return WalkProblem(path, message_id, **args)


def iter_files(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = ()) -> Iterator[str]:
    """The files ``iter_documents`` loads, in its order: each path in turn; a directory gives its
    supported files recursively, sorted, skipping hidden entries and Office lock files (~$x.xlsx);
    a path that does not exist is kept (loading it reports E010).

    Symlinked directories are followed, each real directory once; what cannot be walked (an
    unreadable directory, a symlink loop) and a named directory with nothing to check are
    ``WalkProblem`` entries, never skipped in silence. Files whose real path is in ``exclude``
    (the run's own report or baseline) are not inputs when a walk finds them."""
    # a path with a NUL (--output "\x00") names no file a walk can find: nothing to exclude
    excluded = frozenset(os.path.realpath(p) for p in exclude if "\x00" not in os.fspath(p))
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            # Path(name) spells the folder as reports show it (no ./, no trailing /).
            from pathlib import Path

            found = _walk(str(Path(name)), excluded)
            yield from found or [WalkProblem(str(Path(name)), ids.NO_INPUT_FILES,
                                             suffixes=" ".join(SUPPORTED_SUFFIXES))]
        else:
            yield name


def _walk(root: str, excluded: frozenset[str]) -> list[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(directory: str, chain: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            found.append(WalkProblem(directory, ids.UNREADABLE, reason=_reason(exc)))
            return
        for entry in entries:
            if entry.name.startswith("."):  # hidden files and directories
                continue
            path = os.path.join(directory, entry.name)
            try:
                info = os.stat(path)  # follows a symlink
            except OSError as exc:
                if entry.is_symlink():
                    found.extend(_broken_link(path, entry.name, exc))
                else:
                    found.append(WalkProblem(path, ids.UNREADABLE, reason=_reason(exc)))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in chain:
                    found.append(WalkProblem(path, ids.SYMLINK_LOOP))
                elif key not in seen:  # reached again through another link: its files are listed
                    seen.add(key)
                    visit(path, chain | {key})
            elif entry.name.lower().endswith(SUPPORTED_SUFFIXES) and not entry.name.startswith("~$"):
                if not excluded or os.path.realpath(path) not in excluded:
                    found.append(path)

    try:
        top = os.stat(root)
        seen.add((top.st_dev, top.st_ino))
        visit(root, frozenset(seen))
    except OSError as exc:
        found.append(WalkProblem(root, ids.UNREADABLE, reason=_reason(exc)))
    return sorted(found)


def _broken_link(path: str, name: str, exc: OSError) -> list[str]:
    """A symlink in a walk that cannot be followed: a loop always matters; a dangling link only
    when it is named like a form (a dead link to anything else is not an input)."""
    if exc.errno == errno.ELOOP:
        return [WalkProblem(path, ids.SYMLINK_LOOP)]
    if name.lower().endswith(SUPPORTED_SUFFIXES):
        return [WalkProblem(path, ids.DANGLING_LINK, target=_link_target(path))]
    return []


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _missing(name: str, where: Location):
    """Why a path that does not exist as a file is missing: a symlink loop, a dangling link, or
    nothing there at all."""
    try:
        os.stat(name)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ids.file_error(ids.SYMLINK_LOOP, where)
        if os.path.islink(name):
            return ids.file_error(ids.DANGLING_LINK, where, target=_link_target(name))
    except ValueError:
        pass
    return ids.file_error(ids.NOT_FOUND, where)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
