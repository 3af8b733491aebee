"""How one form writes its indicator values: operator spelling, percent sign, Chinese phrasing.

A form tends to keep one style throughout (one office, one template), so the style is drawn once
per form and every quantity of that form goes through it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from bench.corpusgen.spec import GenValue

# The 指标性质 column of a Sichuan export spells the operator in full-width.
SPLIT_OP = {"≥": "≥", "≤": "≤", "=": "＝", ">": "＞", "<": "＜", "": "＝"}

_OPS = {
    "symbol": {"≥": "≥", "≤": "≤", ">": "＞", "<": "＜", "=": ""},
    "ascii": {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": ""},
    "jis": {"≥": "≧", "≤": "≦", ">": ">", "<": "<", "=": ""},
}
_CN_PREFIX = {"≥": ("不低于", "不少于", "大于等于"), "≤": ("不超过", "不高于", "小于等于")}
_CN_SUFFIX = {"≥": "以上", "≤": "以内"}


@dataclass(frozen=True)
class ValueStyle:
    ops: str  # key of _OPS
    chinese: float  # share of ≥/≤ values written in words (不低于95%, 95%以上)
    percent: str  # "%", "％" or "百分比"
    thousands: bool  # 35,000 rather than 35000

    @classmethod
    def draw(cls, rng: random.Random) -> ValueStyle:
        ops = rng.choices(("symbol", "ascii", "jis"), weights=(80, 15, 5))[0]
        chinese = rng.choice((0.0, 0.0, 0.0, 0.1, 0.3))
        percent = rng.choices(("%", "％", "百分比"), weights=(92, 6, 2))[0]
        return cls(ops=ops, chinese=chinese, percent=percent, thousands=rng.random() < 0.3)

    def number(self, n: Decimal | int | str) -> str:
        text = str(n)
        if self.thousands and "." not in text and len(text) > 4:
            text = f"{int(text):,}"
        return text

    def quantity(self, rng: random.Random, op: str, n: Decimal | int | str, unit: str) -> GenValue:
        """``op`` is one of ≥ ≤ > < = ("=" is written as a bare number)."""
        num = self.number(n)
        shown_unit = self.percent if unit == "%" else unit
        if op in _CN_PREFIX and rng.random() < self.chinese:
            if rng.random() < 0.5:
                text = f"{rng.choice(_CN_PREFIX[op])}{num}{shown_unit}"
            else:
                text = f"{num}{shown_unit}{_CN_SUFFIX[op]}"
        else:
            text = f"{_OPS[self.ops][op]}{num}{shown_unit}"
        return GenValue(text=text, split=(SPLIT_OP[op], str(n), unit))


def qualitative(text: str) -> GenValue:
    return GenValue(text=text, split=("定性", text, ""))


def amount_text(wan: Decimal) -> str:
    """An amount in 万元 as forms print it: 15, 37.5, 2.61 (no trailing zeros)."""
    text = format(wan.normalize(), "f")
    return text
