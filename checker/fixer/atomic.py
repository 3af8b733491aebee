"""Write a file so that readers see either the old bytes or the new ones, never a mix.

The new content goes to a temporary file in the target's own directory (same filesystem), is
flushed to disk, gets the original's permission bits, and then replaces the target with
``os.replace``. If anything fails on the way the temporary file is removed and the target is left
exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from typing import BinaryIO, Iterator, TextIO


def write_atomic(target: str, data: bytes, mode_from: str | None = None) -> None:
    """Replace ``target`` with ``data`` atomically.

    ``mode_from`` names the file whose permission bits the result gets (default: ``target``
    itself when it exists, else 0o644 minus the umask). A symlinked target is resolved, so the
    link stays a link and the file it points to is rewritten.
    """
    with atomic_binary(target, mode_from) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_binary(target: str, mode_from: str | None = None) -> Iterator[BinaryIO]:
    """A binary file that replaces ``target`` when the block ends without an exception.

    For content written piece by piece (a large report), so it is never one object in memory;
    readers of ``target`` still see the old bytes or all the new ones. Same rules as
    ``write_atomic``."""
    target = os.path.realpath(target)
    directory = os.path.dirname(target) or "."
    source = mode_from if mode_from is not None else target
    try:
        mode = stat.S_IMODE(os.stat(source).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(
        prefix="." + os.path.basename(target) + ".", suffix=".jixiao-tmp", dir=directory
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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
