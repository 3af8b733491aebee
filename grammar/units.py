"""Unit table: every unit a 指标值 may carry, with its dimension, base unit and aliases.

One table, so the grammar's UNIT terminal, the prose scanner and the converter can never
disagree. Factors are exact Decimals; units whose conversion is not exact (亩 → 平方米, 月 → 天,
工作日 → 天) are bases of their own.
"""

from __future__ import annotations

from decimal import Decimal

import attrs


@attrs.frozen
class Unit:
    """A unit as the form wrote it, canonicalised: 万元 is (money, ×10000, base 元)."""

    symbol: str
    dimension: str
    factor: Decimal = attrs.field(default=Decimal(1))
    base: str = ""
    counter: str | None = None

    def __str__(self) -> str:
        return self.symbol


# (symbol, dimension, factor, base) — counter words are added below for the "count" dimension.
_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # money
    ("元", "money", "1", "元"),
    # percent; ‰ converts to % exactly. 百分点 is a difference of percentages, kept apart.
    ("%", "percent", "1", "%"),
    ("‰", "percent", "0.1", "%"),
    ("个百分点", "percent", "1", "个百分点"),
    ("百分点", "percent", "1", "个百分点"),
    # ratio
    ("倍", "ratio", "1", "倍"),
    # duration: clock time converts exactly to seconds; calendar time to months; working days apart.
    ("秒", "duration", "1", "秒"),
    ("秒钟", "duration", "1", "秒"),
    ("分钟", "duration", "60", "秒"),
    ("小时", "duration", "3600", "秒"),
    ("个小时", "duration", "3600", "秒"),
    ("天", "duration", "86400", "秒"),
    ("日", "duration", "86400", "秒"),
    ("周", "duration", "604800", "秒"),
    ("个星期", "duration", "604800", "秒"),
    ("星期", "duration", "604800", "秒"),
    ("工作日", "duration", "1", "工作日"),
    ("个工作日", "duration", "1", "工作日"),
    ("月", "duration", "1", "月"),
    ("个月", "duration", "1", "月"),
    ("季度", "duration", "3", "月"),
    ("个季度", "duration", "3", "月"),
    ("年", "duration", "12", "月"),
    ("年度", "duration", "12", "月"),
    ("半年", "duration", "6", "月"),
    ("学时", "duration", "1", "学时"),
    ("课时", "duration", "1", "课时"),
    # area
    ("平方米", "area", "1", "平方米"),
    ("平方公里", "area", "1000000", "平方米"),
    ("公顷", "area", "10000", "平方米"),
    ("亩", "area", "1", "亩"),
    # length
    ("米", "length", "1", "米"),
    ("延米", "length", "1", "米"),
    ("公里", "length", "1000", "米"),
    ("千米", "length", "1000", "米"),
    ("厘米", "length", "0.01", "米"),
    ("毫米", "length", "0.001", "米"),
    # mass
    ("千克", "mass", "1", "千克"),
    ("克", "mass", "0.001", "千克"),
    ("斤", "mass", "0.5", "千克"),
    ("吨", "mass", "1000", "千克"),
    # volume
    ("立方米", "volume", "1", "立方米"),
    ("升", "volume", "0.001", "立方米"),
    ("毫升", "volume", "0.000001", "立方米"),
    # other measures that do not convert
    ("分", "other", "1", "分"),
    ("级", "other", "1", "级"),
    ("星级", "other", "1", "星级"),
    ("千瓦时", "other", "1", "千瓦时"),
    ("千瓦", "other", "1", "千瓦"),
    ("度", "other", "1", "度"),
)

# Counter words (量词): each is its own base, dimension "count".
COUNTERS: tuple[str, ...] = (
    "人", "人次", "次", "个", "项", "期", "份", "本", "册", "户", "家", "村", "株", "辆", "台",
    "套", "场", "篇", "条", "座", "只", "头", "起", "件", "所", "张", "名", "位", "处", "批", "间",
    "栋", "幢", "棵", "枚", "块", "份次", "户次", "场次", "批次", "架次", "车次", "节", "门", "类",
    "种", "组", "支", "队", "片", "口", "艘", "架", "部", "根", "盏", "把", "箱", "标箱", "床",
    "宗", "笔", "单", "轮", "届", "册次", "期次", "个次", "篇次", "人天", "人日", "课", "所次",
    "号", "集", "档", "栏", "版", "页", "字", "户数", "家次", "村次", "处次", "样", "批号",
)

# Alternative spellings → canonical symbol. Full-width forms are folded earlier by NFKC.
ALIASES: dict[str, str] = {
    "百分比": "%",
    "百分率": "%",
    "M": "米",
    "m": "米",
    "km": "公里",
    "KM": "公里",
    "Km": "公里",
    "cm": "厘米",
    "mm": "毫米",
    "m2": "平方米",
    "M2": "平方米",
    "m²": "平方米",
    "平米": "平方米",
    "平方": "平方米",
    "km2": "平方公里",
    "m3": "立方米",
    "M3": "立方米",
    "方": "立方米",
    "kg": "千克",
    "KG": "千克",
    "公斤": "千克",
    "t": "吨",
    "h": "小时",
    "个钟头": "小时",
    "钟头": "小时",
    "分钟数": "分钟",
    "min": "分钟",
    "个工作天": "个工作日",
    "工作天": "工作日",
    "kWh": "千瓦时",
    "個": "个",
    "項": "项",
    "戶": "户",
    "張": "张",
    "場": "场",
    "條": "条",
    "輛": "辆",
    "臺": "台",
    "間": "间",
    "處": "处",
    "門": "门",
    "種": "种",
    "類": "类",
    "組": "组",
    "隊": "队",
    "噸": "吨",
    "畝": "亩",
    "週": "周",
    "個月": "个月",
    "倍数": "倍",
}

# Magnitude words bound to a unit ("15万元", "1.2万人次", "250万"): symbol → factor.
MAGNITUDES: dict[str, Decimal] = {
    "万": Decimal(10000),
    "亿": Decimal(100000000),
    "千": Decimal(1000),
    "百": Decimal(100),
    "百万": Decimal(1000000),
    "千万": Decimal(10000000),
}
MAGNITUDE_ALIASES: dict[str, str] = {"萬": "万", "億": "亿", "百萬": "百万", "千萬": "千万"}


def _build() -> dict[str, Unit]:
    table: dict[str, Unit] = {}
    for symbol, dimension, factor, base in _TABLE:
        table[symbol] = Unit(symbol, dimension, Decimal(factor), base, None)
    for word in COUNTERS:
        table[word] = Unit(word, "count", Decimal(1), word, word)
    return table


UNITS: dict[str, Unit] = _build()

# Every spelling the lexer must recognise, longest first (the lexer takes the first alternative).
SPELLINGS: tuple[str, ...] = tuple(sorted({*UNITS, *ALIASES}, key=lambda s: (-len(s), s)))
MAGNITUDE_SPELLINGS: tuple[str, ...] = tuple(
    sorted({*MAGNITUDES, *MAGNITUDE_ALIASES}, key=lambda s: (-len(s), s))
)


def canonical_symbol(spelling: str) -> str:
    """The canonical symbol of a unit spelling (alias or canonical)."""
    return ALIASES.get(spelling, spelling)


def lookup(spelling: str, magnitude: str | None = None) -> Unit | None:
    """The Unit for a spelling with an optional magnitude word ("万" + "元" → 万元), or None."""
    unit = UNITS.get(canonical_symbol(spelling)) if spelling else None
    if magnitude is None:
        return unit
    mag = MAGNITUDE_ALIASES.get(magnitude, magnitude)
    factor = MAGNITUDES.get(mag)
    if factor is None:
        return None
    if unit is None:
        if spelling:
            return None
        return Unit(mag, "other", factor, "", None)
    return Unit(mag + unit.symbol, unit.dimension, unit.factor * factor, unit.base, unit.counter)


def compound(parts: tuple[Unit, ...], separator: str) -> Unit:
    """A product (人·月) or chained (标箱/年) rate denominator; it does not convert."""
    if len(parts) == 1:
        return parts[0]
    symbol = separator.join(u.symbol for u in parts)
    return Unit(symbol, "other", Decimal(1), symbol, None)
