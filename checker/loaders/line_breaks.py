"""Where a writer may break a line of Chinese text, for the PDF readers that ask whether the first
word of a line would have fitted on the line before (a row broken across pages, a borderless cell
that wraps): a number or Latin word does not break, a closing mark does not start a line and an
opening bracket does not end one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.%‰*")
NO_LINE_START = frozenset("）)】》」』，,。.、；;：:！!？?%‰/／")
NO_LINE_END = frozenset("（(【《「『“‘")


def lead_length(glyphs: Sequence[Any]) -> int:
    """How many glyphs (each with its character as ``ch``) a writer cannot break off the first
    one: the opening brackets before it, the word it starts ("19", "2024"), and the marks that may
    not start the next line ("（次）" moves whole)."""
    return _lead([g.ch for g in glyphs])


def _lead(chars: Sequence[str]) -> int:
    n = 0
    while n + 1 < len(chars) and chars[n] in NO_LINE_END:
        n += 1
    n += 1
    if chars[n - 1] in WORD:
        while n < len(chars) and chars[n] in WORD:
            n += 1
    while n < len(chars) and chars[n] in NO_LINE_START:
        n += 1
    return n


def breaks_nowhere(text: str) -> bool:
    """Whether a writer can break ``text`` nowhere, so that it may run on past its cell's edge:
    it is one lead ("2022", "100%", "（本）/"), or a comparison sign and one ("≥35000", "≥**%":
    a line-breaking algorithm keeps the sign with what follows it, as a letter)."""
    chars = text.replace(" ", "")
    if len(chars) > 1 and chars[0] in "≥≤<>":
        chars = chars[1:]
    return bool(chars) and _lead(chars) == len(chars)
