"""Write a file so that readers see either the old bytes or the new ones, never a mix.

The new content goes to a temporary file in the target's own directory (same filesystem), is
flushed to disk, gets the original's permission bits, and then replaces the target with
``os.replace``. If anything fails on the way the temporary file is removed and the target is left
exactly as it was.

Only a regular file (or a path not there yet) is replaced. A device node, FIFO, socket or a
terminal reached through ``/dev/stdout`` is written into as it is: renaming a temporary file over
``/dev/null`` would destroy it for the whole system. Temporary files carry the writer's process id,
so those left by a killed run are recognised and removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
import tempfile
from typing import BinaryIO, Iterator, TextIO

from checker.stale import remove_stale

TMP_SUFFIX = ".jixiao-tmp"


class TargetChanged(OSError):
    """The target's bytes are no longer the ones the new content was computed from."""


def write_atomic(target: str, data: bytes, mode_from: str | None = None,
                 expect_digest: str | None = None) -> None:
    """Replace ``target`` with ``data`` atomically.

    ``mode_from`` names the file whose permission bits the result gets (default: ``target``
    itself when it exists, else 0o644 minus the umask). A symlinked target is resolved, so the
    link stays a link and the file it points to is rewritten. ``expect_digest`` (sha256 hex of the
    bytes the content was computed from): when the target no longer holds them just before the
    replace, nothing is written and ``TargetChanged`` is raised.
    """
    with atomic_binary(target, mode_from, expect_digest) as fh:
        fh.write(data)


def digest(data: bytes) -> str:
    """What ``expect_digest`` compares: sha256 of the bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def is_special(target: str) -> bool:
    """Whether ``target`` exists and is not a regular file (device, FIFO, socket, terminal)."""
    try:
        mode = os.stat(target).st_mode  # follows /dev/stdout → /proc/self/fd/1 → the pipe
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_binary(target: str, mode_from: str | None = None,
                  expect_digest: str | None = None) -> Iterator[BinaryIO]:
    """A binary file that replaces ``target`` when the block ends without an exception.

    For content written piece by piece (a large report), so it is never one object in memory;
    readers of ``target`` still see the old bytes or all the new ones. Same rules as
    ``write_atomic``."""
    if is_special(target):
        # Opened by the name given: /dev/stdout resolves to a pipe realpath cannot name.
        with open(target, "wb") as fh:
            yield fh
        return
    target = os.path.realpath(target)
    directory = os.path.dirname(target) or "."
    remove_stale_temporaries(target)
    source = mode_from if mode_from is not None else target
    try:
        mode = stat.S_IMODE(os.stat(source).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(target, os.getpid()), suffix=TMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if expect_digest is not None:
            _check_unchanged(target, expect_digest)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _check_unchanged(target: str, expect_digest: str) -> None:
    try:
        with open(target, "rb") as fh:
            now = digest(fh.read())
    except FileNotFoundError:
        now = None
    if now != expect_digest:
        raise TargetChanged(0, "the file changed after it was read", target)


def _tmp_prefix(target: str, pid: int) -> str:
    return f".{os.path.basename(target)}.{pid}."


def remove_stale_temporaries(target: str) -> int:
    """Remove the temporary files of ``target`` left by writers that no longer run (a run killed
    by SIGKILL cannot clean up); a live writer's file is left alone. Returns how many."""
    return remove_stale(os.path.dirname(target) or ".", f".{os.path.basename(target)}.", TMP_SUFFIX)


@contextlib.contextmanager
def atomic_text(target: str, encoding: str = "utf-8") -> Iterator[TextIO]:
    """``atomic_binary`` as a text stream (no newline translation: the bytes are the text's)."""
    with atomic_binary(target) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="", write_through=False)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary file is closed (and fsynced) by atomic_binary
