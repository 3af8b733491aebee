"""Temporary files left behind by a killed run (SIGKILL, power loss: no handler runs).

Every temporary file jixiao makes carries its process id in its name, right after a fixed head;
a later run removes the ones whose process no longer exists. A live process's files, and names
that do not follow the pattern, are never touched.
"""

from __future__ import annotations

import os
import re


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists (ours, or one we may not signal)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OverflowError, ValueError):
        return False  # not a process id at all
    except OSError:
        return True  # someone else's process: not ours to judge
    return True


def remove_stale(directory: str, head: str, suffix: str) -> int:
    """Remove ``directory/<head><pid>…<suffix>`` files whose process is gone; how many were."""
    # tempfile.mkstemp's random part: 8 characters of [a-z0-9_].
    pattern = re.compile(re.escape(head) + r"([0-9]{1,10})[.-][a-z0-9_]{8}" + re.escape(suffix))
    removed = 0
    try:
        names = [n for n in os.listdir(directory) if n.startswith(head) and n.endswith(suffix)]
    except OSError:
        return 0
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or alive(int(match.group(1))):
            continue
        try:
            os.unlink(os.path.join(directory, name))
            removed += 1
        except OSError:
            pass
    return removed
