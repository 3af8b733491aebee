"""The indicator hierarchy of domain.md §2: canonical 一级/二级 names and their aliases.

Forms spell these names many ways: with or without the trailing 指标, with 目标 for 指标, in
traditional characters, split by a space from text extraction. ``canonical_level1`` and
``canonical_level2`` map every spelling seen to one canonical name, or None when unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")

LEVEL2 = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益",
    "社会效益",
    "生态效益",
    "可持续影响",
    "服务对象满意度",
)

# Which 一级 each 二级 may stand under. 成本指标 is under 产出指标 (pre-2021) or its own 一级
# (财预〔2021〕101号): accept both.
PARENTS: dict[str, frozenset[str]] = {
    "数量指标": frozenset({"产出指标"}),
    "质量指标": frozenset({"产出指标"}),
    "时效指标": frozenset({"产出指标"}),
    "成本指标": frozenset({"产出指标", "成本指标"}),
    "经济成本指标": frozenset({"成本指标", "产出指标"}),
    "社会成本指标": frozenset({"成本指标", "产出指标"}),
    "生态环境成本指标": frozenset({"成本指标", "产出指标"}),
    "经济效益": frozenset({"效益指标"}),
    "社会效益": frozenset({"效益指标"}),
    "生态效益": frozenset({"效益指标"}),
    "可持续影响": frozenset({"效益指标"}),
    "服务对象满意度": frozenset({"满意度指标"}),
}

# The cost family: every 二级 whose rows are cost lines.
COST_LEVEL2 = frozenset({"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"})
BENEFIT_LEVEL2 = frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"})

_TRADITIONAL = str.maketrans(
    {
        "產": "产",
        "標": "标",
        "數": "数",
        "質": "质",
        "時": "时",
        "效": "效",
        "經": "经",
        "濟": "济",
        "會": "会",
        "態": "态",
        "續": "续",
        "響": "响",
        "滿": "满",
        "務": "务",
        "對": "对",
        "環": "环",
        "境": "境",
        "益": "益",
        "指": "指",
    }
)

_SPACE = re.compile(r"[\s\u3000]+")


# A score printed with the label on self-evaluation tables: 成本指标(0-20)分, 产出指标（50分）.
_SCORE = re.compile(r"[(（][\d.\-—～~－]*分?[)）]分?$")


_CN_NUMBERING = frozenset("一二三四五六七八九十")


def _strip_numbering(text: str) -> str:
    """``re.sub(r"^[一二三四五六七八九十\\d]+[、.．)）]", "", text)`` ("一、产出指标" → "产出指标"),
    written out: compiling that class costs ~0.8 ms of every cold start (equality:
    tests/test_character_sets.py). ``\\d`` is any Unicode decimal digit, as str.isdecimal."""
    end = 0
    while end < len(text) and (text[end] in _CN_NUMBERING or text[end].isdecimal()):
        end += 1
    if end and text[end : end + 1] in ("、", ".", "．", ")", "）"):
        return text[end + 1 :]
    return text


def _key(text: str) -> str:
    text = _SPACE.sub("", text.translate(_TRADITIONAL))
    text = text.replace("目标", "指标")
    text = _strip_numbering(text)
    text = _SCORE.sub("", text)
    return text


_L1_ALIASES = {
    "产出指标": "产出指标",
    "产出": "产出指标",
    "成本指标": "成本指标",
    "成本": "成本指标",
    "效益指标": "效益指标",
    "效益": "效益指标",
    "满意度指标": "满意度指标",
    "满意度": "满意度指标",
    "服务对象满意度指标": "满意度指标",
    # Hubei self-evaluation tables (自评表) group 数量/质量/时效/成本 under 项目完成指标 and the
    # benefits under 项目效益指标: the same 一级 split under older names.
    "项目完成指标": "产出指标",
    "项目完成": "产出指标",
    "项目产出指标": "产出指标",
    "项目产出": "产出指标",
    "项目效益指标": "效益指标",
    "项目效益": "效益指标",
}

_L2_ALIASES = {
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "成本": "成本指标",
    "经济成本": "经济成本指标",
    "社会成本": "社会成本指标",
    "生态环境成本": "生态环境成本指标",
    "生态成本": "生态环境成本指标",
    "环境成本": "生态环境成本指标",
    "经济效益": "经济效益",
    "社会效益": "社会效益",
    "生态效益": "生态效益",
    "环境效益": "生态效益",
    "生态环境效益": "生态效益",
    "可持续影响": "可持续影响",
    "可持续发展": "可持续影响",
    "可持续": "可持续影响",
    "服务对象满意度": "服务对象满意度",
    "社会公众或服务对象满意度": "服务对象满意度",
    "社会公众满意度": "服务对象满意度",
    "满意度": "服务对象满意度",
}


@lru_cache(maxsize=4096)
def canonical_level1(text: str | None) -> str | None:
    """The canonical 一级 name for a printed label, or None."""
    if not text:
        return None
    key = _key(text)
    if key in _L1_ALIASES:
        return _L1_ALIASES[key]
    stem = key.removesuffix("指标")
    return _L1_ALIASES.get(stem)


@lru_cache(maxsize=4096)
def canonical_level2(text: str | None) -> str | None:
    """The canonical 二级 name for a printed label, or None."""
    if not text:
        return None
    key = _key(text)
    stem = key.removesuffix("指标")
    return _L2_ALIASES.get(stem)


def is_level1_label(text: str | None) -> bool:
    return canonical_level1(text) is not None


def is_level2_label(text: str | None) -> bool:
    return canonical_level2(text) is not None
