"""Pre-normalisation before lexing: what every reader of a form does without thinking.

NFKC folds full-width digits, signs and brackets (１００％ → 100%, （ → (), runs of whitespace
collapse to one space, split cells ("≥ | 95 | %", "定性 | 优良中低差") are joined, and trailing
sentence punctuation is dropped. The original text is kept by the caller as ``source``.
"""

from __future__ import annotations

from grammar.folding import collapse, nfkc
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


def normalize(text: str) -> str:
    """The text the grammar sees."""
    folded = collapse(nfkc(text))
    folded = join_split_cells(folded)
    return folded.rstrip(_TRAILING).strip()
