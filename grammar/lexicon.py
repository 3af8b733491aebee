"""Words of the value language that are data, not grammar: comparator spellings, grades and
vague phrases. Kept in one place so reviewers can extend them without touching the parser."""

from __future__ import annotations

# Prefix comparators (as written on published forms), spelling → canonical operator.
PREFIX_OPS: dict[str, str] = {
    "≥": "≥", ">=": "≥", "≧": "≥", "⩾": "≥", "=>": "≥", ">/=": "≥",
    "大于等于": "≥", "大于或等于": "≥", "不低于": "≥", "不少于": "≥", "至少": "≥", "不小于": "≥",
    "达到": "≥",
    ">": ">", "大于": ">", "高于": ">", "超过": ">", "多于": ">",
    "≤": "≤", "<=": "≤", "≦": "≤", "⩽": "≤", "=<": "≤",
    "小于等于": "≤", "小于或等于": "≤", "不超过": "≤", "不高于": "≤", "不多于": "≤", "不大于": "≤",
    "最多": "≤", "至多": "≤", "控制在": "≤",
    "<": "<", "小于": "<", "低于": "<", "少于": "<",
    "=": "=", "等于": "=",
}

# Suffix comparators: "95%以上", "1小时内", "控制在…以内".
SUFFIX_OPS: dict[str, str] = {
    "以上": "≥", "及以上": "≥", "或以上": "≥", "以上(含)": "≥",
    "以内": "≤", "之内": "≤", "内": "≤", "以下": "≤", "及以下": "≤", "或以下": "≤", "以内(含)": "≤",
}

OPS = ("≥", ">", "≤", "<", "=")

# Range separators: "90%-95%", "3～5天" (NFKC folds ～ to ~), "3至5个工作日".
RANGE_SEPARATORS: tuple[str, ...] = ("--", "——", "—", "–", "-", "~", "〜", "至", "到")

# Deadline endings after a year/month/day: whether the named period itself is excluded.
# "9月前" → before September (strict); "12月底前"/"12月底"/"6月30日前" → by its end.
DEADLINE_SUFFIXES: dict[str, bool] = {
    "前": True, "之前": True, "以前": True,
    "底前": False, "底之前": False, "底以前": False, "底": False, "末": False, "末前": False,
    "底前完成": False, "底完成": False, "底到位": False, "前完成": True, "前到位": True,
    "底结束": False, "到位": False, "完成": False, "内": False, "以内": False, "内完成": False,
}

# Frequency words: "每季度", "按月"; the unit after them is a duration.
EVERY_WORDS: tuple[str, ...] = ("每个", "每", "按")
# The period after 每/按 ("每季度", "每月一期"); each is a duration unit of units.py.
PERIOD_UNITS: tuple[str, ...] = (
    "年", "年度", "半年", "季度", "个季度", "月", "个月", "周", "星期", "个星期", "天", "日",
    "小时", "个小时", "工作日", "个工作日",
)

# Known grades of qualitative values (as written on published forms). A value equal to one of these, or a
# qualifier followed by one ("程度较高"), is a graded qualitative value.
GRADES: tuple[str, ...] = (
    "优", "良", "优良", "优秀", "良好", "中", "中等", "一般", "差", "较差", "好", "较好", "很好",
    "高", "较高", "很高", "低", "较低", "很低", "大", "较大", "小", "较小",
    "达到预期", "基本达到预期", "未达到预期", "达标", "基本达标", "未达标",
    "达成", "部分达成", "基本达成", "未达成", "完成", "基本完成", "未完成",
    "是", "否", "有", "无", "合格", "不合格", "满意", "基本满意", "不满意", "显著", "明显",
    "提高", "提升", "增加", "降低", "减少", "改善", "增强",
)
GRADE_QUALIFIERS: tuple[str, ...] = ("程度", "效果", "水平", "质量", "影响", "评价", "成效")

# Vague phrases, a known review finding (W101, V109; see docs/sources.md). Longest first when matched.
VAGUE_PHRASES: tuple[str, ...] = (
    "持续提升", "持续提高", "持续改善", "持续增强", "持续推进", "不断提升", "不断提高", "不断增强",
    "不断完善", "不断改善", "进一步提高", "进一步提升", "进一步改善", "进一步加强", "进一步增强",
    "进一步完善", "明显改善", "明显提高", "明显提升", "明显增强", "有效促进", "有效提升",
    "有效提高", "有效改善", "显著提升", "显著提高", "显著改善", "显著促进", "显著增强",
    "稳步提升", "稳步提高", "逐步提高", "逐步提升", "逐步完善", "有所提高", "有所提升",
    "大力支持", "大力推进", "按时完成", "按期完成", "按时", "按期", "及时", "适时", "尽快",
    "长期", "更加",
)

# Leading cell words of split layouts ("定性 | 优良中低差", "定量 | 95 | %").
SPLIT_KIND_WORDS: tuple[str, ...] = ("定性", "定量", "定量（其他）", "定量(其他)")


def terminal_word_lists() -> dict[str, object]:
    """Each word-list terminal of value.lark (``@NAME@`` in the grammar file) and its words: the
    one table both the Lark grammar and the fast path build their alternations from."""
    from grammar import units  # here: units imports attrs, and lexicon is plain data

    return {
        "PREFIX_OP": PREFIX_OPS,
        "SUFFIX_OP": SUFFIX_OPS,
        "UNIT": units.SPELLINGS,
        "MAGNITUDE": units.MAGNITUDE_SPELLINGS,
        "RANGE_SEP": RANGE_SEPARATORS,
        "DEADLINE": DEADLINE_SUFFIXES,
        "EVERY": EVERY_WORDS,
        "PERIOD_UNIT": PERIOD_UNITS,
    }
