"""Pre-normalisation before lexing: what every reader of a form does without thinking.

NFKC folds full-width digits, signs and brackets (１００％ → 100%, （ → (), runs of whitespace
collapse to one space, split cells ("≥ | 95 | %", "定性 | 优良中低差") are joined, and trailing
sentence punctuation is dropped. The original text is kept by the caller as ``source``.

Spellings that say the same value are made one: invisible format characters (ZWSP, soft hyphen,
BOM, which NFKC keeps) are dropped, so "≤1\u200b50万元" is ≤150万元 and never 50万元; digits split by
spaces ("≥1 5 0%") are one number; a doubled percent sign ("150%%") is one; an inclusive mark after
a bound ("≥150%（含）", ">150%（含）") is the inclusive operator.
"""

from __future__ import annotations

import re

from grammar.folding import collapse, drop_invisible, nfkc
from grammar.lexicon import SPLIT_KIND_WORDS

_TRAILING = ".;,。、；，"


def join_split_cells(text: str) -> str:
    """Cells joined with '|' by a loader are one value; a leading 定性/定量 cell is a kind word."""
    if "|" not in text:
        return text
    parts = [p.strip() for p in text.split("|")]
    if parts and parts[0] in SPLIT_KIND_WORDS and len(parts) > 1:
        parts = parts[1:]
    return "".join(parts)


_SPACED_DIGITS = re.compile(r"(?<=[0-9]) (?=[0-9])")
_PERCENTS = re.compile(r"%{2,}")
_INCLUSIVE = re.compile(r" ?\((?:含|含本数|包含本数|包含)\)$")
_STRICT_TO_INCLUSIVE = {">": "≥", "<": "≤"}


def _one_spelling(text: str) -> str:
    if " " in text:
        text = _SPACED_DIGITS.sub("", text)
    if "%%" in text:
        text = _PERCENTS.sub("%", text)
    if text.endswith(")"):
        bare = _INCLUSIVE.sub("", text)
        if bare != text and bare:
            # "（含）" makes a lone strict operator inclusive; ">=", ">/=" are inclusive already.
            strict = bare[0] in _STRICT_TO_INCLUSIVE and bare[1:2] not in ("=", "/")
            text = _STRICT_TO_INCLUSIVE[bare[0]] + bare[1:] if strict else bare
    return text


def normalize(text: str) -> str:
    """The text the grammar sees."""
    folded = collapse(drop_invisible(nfkc(text)))
    folded = join_split_cells(folded)
    return _one_spelling(folded.rstrip(_TRAILING).strip())
