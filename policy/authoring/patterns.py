"""Text primitives of the rule helpers: regular expressions compiled on first use instead of at
import, and NFKC normalisation with a fast path for the common case.

Compiling one of these costs 0.2–1.6 ms in a fresh process; a one-form check imports every rule
module but many of their patterns are never reached (no compound name, no goal to read). A
``LazyPattern`` is written like ``re.compile(...)`` and used the same way (``.sub``, ``.search``,
``.finditer`` …); the first use compiles it and keeps the compiled method, so later calls cost
what a compiled pattern costs.
"""

from __future__ import annotations

import re
from typing import Any
import unicodedata


class LazyPattern:
    """``re.compile(source)``, done when a method is first asked for."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet stored: compile, keep the method, hand it out.
        method = getattr(re.compile(self.source), name)
        setattr(self, name, method)
        return method


# Full-width ASCII (！ … ～) and the ideographic space: NFKC maps each to one ASCII character.
_FULL_WIDTH = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FULL_WIDTH["\u3000"] = " "
_FULL_WIDTH_CHAR = LazyPattern("[\uff01-\uff5e\u3000]")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster for Chinese form text.

    Chinese cells are full of full-width punctuation and digits (，；：１２), which sends CPython's
    normaliser down its slow path (~14 µs for a 40-character goal). Those characters decompose to
    single ASCII characters, so replacing them first decomposes them exactly as NFKC would; when
    the rest of the text is then already in NFKC (the usual case: CJK, ASCII, 。、), that is the
    answer, otherwise the full normaliser finishes the job on the replaced text (same result).
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for ch in set(_FULL_WIDTH_CHAR.findall(text)):  # usually one to three distinct characters
        text = text.replace(ch, _FULL_WIDTH[ch])
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)
