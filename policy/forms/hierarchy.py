"""The indicator hierarchy (财政支出绩效评价管理暂行办法 第十三条; the 财预〔2021〕101号 cost tier): canonical 一级/二级 names and their aliases.

Forms spell these names many ways: with or without the trailing 指标, with 目标 for 指标, in
traditional characters, split by a space from text extraction. ``canonical_level1`` and
``canonical_level2`` map every spelling seen to one canonical name, or None when unknown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from grammar.folding import fold, strip_numbering

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

# The 中央预算内投资 (NDRC) table's 一级: 产出/效益 stand under it as 二级 labels.
NDRC_LEVEL1 = "实施效果"

# The cost family: every 二级 whose rows are cost lines.
COST_LEVEL2 = frozenset({"成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"})
BENEFIT_LEVEL2 = frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"})


# A score printed with the label on self-evaluation tables: 成本指标(0-20)分, 产出指标（50分）.
_SCORE = re.compile(r"[(（][\d.\-—～~－]*分?[)）]分?$")


def _key(text: str) -> str:
    text = fold(text).replace("目标", "指标")
    text = strip_numbering(text)
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


# Labels repeat on every form: the cache buys 2.1% of the per-form work (callgrind, 300 text forms; share of the per-form work, i.e. the run less its ~700 M start-up).
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


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def canonical_level2(text: str | None) -> str | None:
    """The canonical 二级 name for a printed label, or None."""
    if not text:
        return None
    key = _key(text)
    stem = key.removesuffix("指标")
    return _L2_ALIASES.get(stem)


# One of the row-text memos the rules share (rows, hierarchy, facts, wording, funding): alone each
# buys under 2% because the others catch the same texts; together they buy 10.2% end to end
# (callgrind, 300 text forms: 3,241 M instructions without them, 2,909 M with them).
@lru_cache(maxsize=4096)
def placement(level1_text: str | None, level2_text: str | None) -> tuple[str | None, str | None, str | None, bool]:
    """(一级, 二级, effective 一级, is a cost line) of a row's two printed labels.

    The effective 一级 is the printed one, else the only parent its 二级 allows; a cost 二级 with
    no printed 一级 counts as 成本指标 (either placement is allowed). Under the NDRC table's
    实施效果指标 the 二级 label is itself a 一级 (产出指标, 效益指标): that is the row's 一级.
    """
    if level1_text and _key(level1_text).startswith(NDRC_LEVEL1):
        inner = canonical_level1(level2_text)
        if inner is not None:
            return inner, None, inner, inner == "成本指标"
    level1, level2 = canonical_level1(level1_text), canonical_level2(level2_text)
    if level1 is not None:
        effective = level1
    elif level2 is None:
        effective = None
    elif level2 in COST_LEVEL2:
        effective = "成本指标"
    else:
        parents = PARENTS.get(level2, frozenset())
        effective = next(iter(parents)) if len(parents) == 1 else None
    return level1, level2, effective, level2 in COST_LEVEL2 or effective == "成本指标"
