"""How alike two texts or two sets are, for rules that report copies (C103, C107)."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal


def bigrams(text: str) -> frozenset[str]:
    """The text's pairs of adjacent characters (a one-character text has none)."""
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset, b: frozenset) -> Decimal:
    """|A ∩ B| / |A ∪ B| as an exact Decimal (0 when both are empty)."""
    union = len(a | b)
    return Decimal(len(a & b)) / Decimal(union) if union else Decimal(0)


def text_similarity(a: str, b: str) -> Decimal:
    """Percent similarity of two texts: the Jaccard similarity of their character pairs."""
    return jaccard(bigrams(a), bigrams(b)) * 100


def whole_percent(value: Decimal) -> str:
    """Whole percent, rounded down: a near-copy never shows as 100%."""
    return format(value.quantize(Decimal(1), rounding=ROUND_DOWN), "f")
