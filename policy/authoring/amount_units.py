"""The money unit a funding cell writes beside its number ("15万元" → 万元), for comparing with
the unit the form declares (金额单位：元). The F113 rule reads it; amounts themselves are read by
``policy.forms.amounts``."""

from __future__ import annotations

from functools import lru_cache

from policy.authoring.patterns import LazyPattern, nfkc

# A number and the money unit right after it; 万/亿 alone are the 万元/亿元 of a money cell.
_WRITTEN = LazyPattern(r"[0-9](?:[0-9.,，]*)\s*(亿元|万元|千元|元|万|亿)")
_CANONICAL = {"万": "万元", "亿": "亿元"}

# 项目资金 fields in form order, with the label a reader knows them by.
FUNDING_LABELS = (
    ("long_term_total", "中长期资金总额"),
    ("long_term_fiscal", "中长期财政拨款"),
    ("long_term_other", "中长期其他资金"),
    ("total", "年度资金总额"),
    ("fiscal", "财政拨款"),
    ("other", "其他资金"),
    ("previous_years", "以前年度预算安排"),
    ("procurement", "政府采购"),
    ("purchase_services", "政府购买服务"),
)


def written_unit(text: str | None) -> str | None:
    """The money unit written after the cell's first number (万元, 元, 亿元, 千元), or None."""
    return _written(text) if text else None


@lru_cache(maxsize=4096)
def _written(text: str) -> str | None:
    m = _WRITTEN.search(nfkc(text))
    if m is None:
        return None
    return _CANONICAL.get(m.group(1), m.group(1))


def funding_cells(funding) -> list[tuple[str, object]]:
    """(label, Amount) of every filled 项目资金 and 项目资金来源 cell, in form order."""
    cells = [(label, getattr(funding, key)) for key, label in FUNDING_LABELS]
    cells += [(f"资金来源·{key}", amount) for key, amount in funding.sources.items()]
    return [(label, a) for label, a in cells if a is not None and a.text]
