"""The one way text is folded for comparison, used by every layer.

Forms spell the same words many ways: full-width or half-width (１００％, 100%), traditional or
simplified characters (滿意度, 满意度), split by spaces from text extraction ("经济效益 指标"),
numbered ("一、产出指标"). Loaders, the hierarchy, the rules and the grammar's normaliser all fold
text with the functions here, so two modules never disagree on whether two texts are the same.

It sits in ``grammar`` because the grammar's normaliser uses it and ``grammar`` imports nothing of
ours; ``policy`` and ``checker`` import it from here.

- ``nfkc`` — Unicode NFKC (full-width → ASCII, compatibility forms → their base characters).
- ``drop_invisible`` — without format characters (ZWSP, soft hyphen, BOM, bidi marks), which
  NFKC keeps and a reader never sees: "满意\u200b度" is 满意度.
- ``collapse`` — whitespace runs to one space.
- ``squash`` — without any whitespace.
- ``fold`` — NFKC, simplified characters, no whitespace: the key for "is this the same word".
- ``bare`` — ``fold`` without punctuation either: the key for "is this text a copy of that one".
- ``strip_numbering`` — "一、产出指标" → "产出指标".
- ``is_placeholder`` — a folded text that is only placeholder marks (``--``, ``**``, ``XX``) or a
  placeholder word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Traditional characters seen in forms published by mirrored or Hong Kong-style systems, folded so
# word lists written in simplified characters match (滿意度 → 满意度, 資金 → 资金).
TRADITIONAL = str.maketrans(
    "滿數質時經費資額標準達蓋間應響處調測評訪談萬億總計劃發實現與設備護維預驛確認識曉長產會態續務對環濟獲當類項辦",
    "满数质时经费资额标准达盖间应响处调测评访谈万亿总计划发实现与设备护维预驿确认识晓长产会态续务对环济获当类项办",
)

# Characters that stand for "nothing filled in" when a cell holds only them.
PLACEHOLDER_MARKS = frozenset("-_*＊—－–~～/／\\.。·…xX×✕?？")

# Punctuation ``bare`` drops (after NFKC, so full-width forms are already ASCII).
_PUNCTUATION = frozenset("，,。.；;：:、！!？?（）()《》“”\"'‘’-—")

_NUMBERING_DIGITS = frozenset("一二三四五六七八九十")
_NUMBERING_MARKS = ("、", ".", "．", ")", "）")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``; text already in NFKC is returned as it is."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


# The format characters (Unicode category Cf) that text extraction and copy-paste leave inside
# words: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/joiners and
# direction marks, word joiner and invisible operators, BOM/ZWNBSP, interlinear annotations.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def drop_invisible(text: str) -> str:
    """``text`` without invisible format characters; ASCII text is returned as it is."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", text)


def collapse(text: str) -> str:
    """Whitespace runs (any Unicode space, tabs, newlines) → one space; stripped."""
    return " ".join(text.split())


def squash(text: str | None) -> str:
    """The text without any whitespace (ASCII, ideographic space, NBSP, newlines)."""
    if not text:
        return ""
    return "".join(text.split())


def fold(text: str | None) -> str:
    """NFKC, simplified characters, no whitespace: "滿意度 指標" and "满意度指标" fold the same."""
    if not text:
        return ""
    return _fold(text)


# Names, values and word-list entries repeat across forms: the cache buys 11.8% end to end
# (callgrind, 300 text forms: 2,604 M instructions without it, 2,329 M with it).
@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    return drop_invisible(squash(nfkc(text))).translate(TRADITIONAL)


def bare(text: str | None) -> str:
    """``fold`` without punctuation: "做好保障工作。" and "做好保障工作" are the same text."""
    if not text:
        return ""
    return "".join(ch for ch in _fold(text) if ch not in _PUNCTUATION)


def strip_numbering(text: str) -> str:
    """Leading list numbering removed: "一、产出指标" → "产出指标", "1.数量指标" → "数量指标".

    A run of Chinese numerals or decimal digits followed by 、 . ． ) or ）; anything else is
    returned unchanged."""
    end = 0
    while end < len(text) and (text[end] in _NUMBERING_DIGITS or text[end].isdecimal()):
        end += 1
    if end and text[end : end + 1] in _NUMBERING_MARKS:
        return text[end + 1 :]
    return text


def is_placeholder(folded: str, words: tuple[str, ...] = ()) -> bool:
    """Whether a text already folded by ``fold`` is only placeholder marks, or one of ``words``
    (folded here)."""
    if not folded:
        return False
    if words and folded in _folded_words(words):
        return True
    return all(ch in PLACEHOLDER_MARKS for ch in folded)


def _folded_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)
