"""Where a writer may break a line of Chinese text, for the PDF readers that ask whether the first
word of a line would have fitted on the line before (a row broken across pages, a borderless cell
that wraps): a number or Latin word does not break, a closing mark does not start a line and an
opening bracket does not end one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.%‰*")
NO_LINE_START = frozenset("）)】》」』，,。.、；;：:！!？?%‰/／")
NO_LINE_END = frozenset("（(【《「『“‘")


def lead_length(glyphs: Sequence[Any]) -> int:
    """How many glyphs (each with its character as ``ch``) a writer cannot break off the first
    one: the opening brackets before it, the word it starts ("19", "2024"), and the marks that may
    not start the next line ("（次）" moves whole)."""
    n = 0
    while n + 1 < len(glyphs) and glyphs[n].ch in NO_LINE_END:
        n += 1
    n += 1
    if glyphs[n - 1].ch in WORD:
        while n < len(glyphs) and glyphs[n].ch in WORD:
            n += 1
    while n < len(glyphs) and glyphs[n].ch in NO_LINE_START:
        n += 1
    return n


class _Char(NamedTuple):
    ch: str


def breaks_nowhere(text: str) -> bool:
    """Whether a writer can break ``text`` nowhere, so that it may run on past its cell's edge:
    it is one lead ("2022", "100%", "（本）/"), or a comparison sign and one ("≥35000", "≥**%":
    a line-breaking algorithm keeps the sign with what follows it, as a letter)."""
    chars = [_Char(ch) for ch in text if ch.strip()]
    if len(chars) > 1 and chars[0].ch in "≥≤<>":
        chars = chars[1:]
    return bool(chars) and lead_length(chars) == len(chars)
