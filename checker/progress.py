"""Progress on stderr for long runs: only on a terminal, never in CI, pipes or with --quiet."""

from __future__ import annotations

import time
from typing import TextIO

from checker.report import safe_render


class Progress:
    """Callable ``(files_done, forms_done)``; redraws one line at most every ``interval`` s."""

    def __init__(self, stream: TextIO, lang: str = "zh", interval: float = 0.1) -> None:
        self.stream = stream
        self.lang = lang
        self.interval = interval
        self._last = 0.0
        self._shown = False

    @staticmethod
    def wanted(stream: TextIO, quiet: bool) -> bool:
        isatty = getattr(stream, "isatty", None)
        return not quiet and bool(isatty and isatty())

    def __call__(self, files: int, forms: int) -> None:
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        text = safe_render("core.progress", {"files": files, "forms": forms}, self.lang)
        self.stream.write(f"\r\x1b[2K{text}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
