"""Figures about the project's funds written in prose: "执行资金48.2万元", "资金执行率96.4%",
"预算资金50万元" — what a self-evaluation's 实际完成情况 says about the 项目资金 rows beside it.

A mention is a keyword (configurable word lists), a few characters at most, then a number with a
money unit (spent, budget) or a percent sign (rate). Read exactly (Decimal) with half a unit of
the last digit written, so a rule can allow the text's own rounding ("48万元" for 48.2万元).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from grammar.folding import nfkc

SPENT = "spent"
BUDGET = "budget"
RATE = "rate"

# Specific words only: a bare 执行 or 支出 also heads "执行补助标准每人500元", "人均支出500元",
# and a bare 预算 "项目总预算300万元" (several years): figures that are not the year's funds.
DEFAULT_SPENT_WORDS = ("执行资金", "支出资金", "使用资金", "执行金额", "执行数", "资金执行", "实际支出",
                       "累计支出", "共支出", "已支出", "完成支出")
DEFAULT_BUDGET_WORDS = ("预算资金", "年度预算", "全年预算", "预算数", "预算金额", "安排资金", "下达资金")
DEFAULT_RATE_WORDS = ("预算执行率", "资金执行率", "执行率")

_MONEY_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10**8)}
# Between the keyword and the number: a few characters of "达", "为", "共计", never a clause break.
_GAP = r"[^0-9，。；;,、\n：:]{0,6}?"
_NUMBER = r"(?P<num>[0-9]+(?:\.[0-9]+)?)"


class FundMention(NamedTuple):
    kind: str  # SPENT, BUDGET or RATE
    fragment: str  # the words as written, keyword to unit
    value: Decimal  # 元 for money, percentage points for a rate
    half: Decimal  # half a unit of the last digit written, in the same terms


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=32)
def _patterns(spent: tuple[str, ...], budget: tuple[str, ...], rate: tuple[str, ...]):
    money = r"\s*(?P<unit>亿元|万元|千元|元)(?![/每])"
    out = []
    for kind, words, tail in ((RATE, rate, r"\s*(?P<unit>%)"), (SPENT, spent, money), (BUDGET, budget, money)):
        if words:
            out.append((kind, re.compile(f"(?P<word>{_alternation(words)})(?P<gap>{_GAP}){_NUMBER}{tail}")))
    return tuple(out)


def fund_mentions(
    text: str | None, spent: tuple[str, ...] = DEFAULT_SPENT_WORDS,
    budget: tuple[str, ...] = DEFAULT_BUDGET_WORDS, rate: tuple[str, ...] = DEFAULT_RATE_WORDS,
) -> tuple[FundMention, ...]:
    """Every fund figure in ``text``, in text order. A stretch read as one kind is not read again
    as another ("预算执行数48万元" is spent, not budget: the keyword nearest the number wins)."""
    if not text:
        return ()
    folded = nfkc(text)
    found: list[tuple[int, int, FundMention]] = []
    for kind, pattern in _patterns(spent, budget, rate):
        for m in pattern.finditer(folded):
            if kind == BUDGET and any(w in m.group("gap") for w in (*spent, *rate)):
                continue  # 预算执行数: the spent keyword sits between
            number = Decimal(m.group("num"))
            places = len(m.group("num").partition(".")[2])
            half = Decimal(5).scaleb(-(places + 1))
            factor = _MONEY_FACTORS.get(m.group("unit"), Decimal(1))
            found.append((m.start("num"), m.end(), FundMention(kind, m.group(0), number * factor, half * factor)))
    found.sort(key=lambda f: (f[0], -len(f[2].fragment)))
    out, last_end = [], -1
    for start, end, mention in found:
        if start >= last_end:  # one number, one mention: the longest keyword reading it
            out.append(mention)
            last_end = end
    return tuple(out)
