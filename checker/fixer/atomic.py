"""Write a file so that readers see either the old bytes or the new ones, never a mix.

The new content goes to a temporary file in the target's own directory (same filesystem), is
flushed to disk, gets the original's permission bits, and then replaces the target with
``os.replace``. If anything fails on the way the temporary file is removed and the target is left
exactly as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile


def write_atomic(target: str, data: bytes, mode_from: str | None = None) -> None:
    """Replace ``target`` with ``data`` atomically.

    ``mode_from`` names the file whose permission bits the result gets (default: ``target``
    itself when it exists, else 0o644 minus the umask). A symlinked target is resolved, so the
    link stays a link and the file it points to is rewritten.
    """
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
            fh.write(data)
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
