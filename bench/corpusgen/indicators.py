"""Indicator builders: one 三级 name and its value per call, for each 二级 group.

Each builder gets the random source, the form's ``ValueStyle`` and a ``Setting`` (year, budget)
and returns ``(name, GenValue)``. About half the values are the few strings every corpus repeats
("100%", "≥95%" …); the rest carry drawn numbers, so a large corpus has many distinct values too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from bench.corpusgen import vocab
from bench.corpusgen.spec import GenValue
from bench.corpusgen.values import ValueStyle, amount_text, qualitative

# (op, number) pairs of the percentages real forms repeat most.
COMMON_PCT = (("=", 100), ("=", 100), ("=", 100), ("=", 100), ("=", 100), ("≥", 95), ("≥", 95),
              ("≥", 99), ("≥", 90), ("≥", 98), ("≥", 85), ("≥", 96))


@dataclass(frozen=True)
class Setting:
    year: int
    total: Decimal  # 年度资金总额 in 万元
    thing: str
    people: str
    activity: str


Builder = Callable[[random.Random, ValueStyle, Setting], tuple[str, GenValue]]


def _count(rng: random.Random, lo: int, hi: int) -> int:
    # Log-uniform: small counts are common, a few are large.
    return round(lo * (hi / lo) ** rng.random())


def _pct(rng: random.Random, style: ValueStyle, floor: int = 80) -> GenValue:
    if rng.random() < 0.7:
        op, n = rng.choice(COMMON_PCT)
        return style.quantity(rng, op, n, "%")
    n: Decimal | int = rng.randint(floor, 99)
    if rng.random() < 0.15:
        n = Decimal(rng.randint(floor * 10, 999)) / 10
    return style.quantity(rng, "≥", n, "%")


# --- 数量指标 -----------------------------------------------------------------------------------

def _q_things(rng, style, s):
    unit = rng.choice(("个", "台", "套", "处", "座", "辆", "所"))
    return f"{s.thing}数量", style.quantity(rng, rng.choice(("≥", "=")), _count(rng, 1, 500), unit)


def _q_times(rng, style, s):
    return f"{s.activity}次数", style.quantity(rng, rng.choice(("≥", "=")), _count(rng, 1, 200), "次")


def _q_persons(rng, style, s):
    unit = rng.choice(("人次", "人", "万人次"))
    n = _count(rng, 10, 60000) if unit != "万人次" else Decimal(rng.randint(11, 99)) / 10
    return f"{s.people}{rng.choice(('覆盖', '服务', '受益', '参训'))}人数", style.quantity(rng, "≥", n, unit)


def _q_area(rng, style, s):
    unit = rng.choice(("平方米", "亩", "万亩", "公里"))
    n = Decimal(_count(rng, 10, 90000)) if unit != "万亩" else Decimal(rng.randint(1, 50)) / 10
    if rng.random() < 0.2:
        n = n + Decimal(rng.randint(1, 9)) / 10
    measure = "面积" if "米" in unit or "亩" in unit else "长度"
    name = f"{s.thing}{rng.choice(('建设', '维护', '治理', '改造'))}{measure}"
    return name, style.quantity(rng, rng.choice(("≥", "=")), n, unit)


def _q_issues(rng, style, s):
    unit = rng.choice(("期", "份", "本", "册"))
    n = _count(rng, 4, 8000)
    return f"{rng.choice(('工作信息', '宣传资料', '政策汇编', '简报'))}印发数量", style.quantity(rng, "=", n, unit)


def _q_rate(rng, style, s):
    return f"{s.thing}覆盖率", _pct(rng, style)


def _q_prose(rng, style, s):
    n = _count(rng, 2, 60)
    return f"协调处置{s.activity}", qualitative(f"协调处置{s.activity}{n}次，开展应急演练知识宣传")


# --- 质量指标 -----------------------------------------------------------------------------------

def _quality_rate(rng, style, s):
    kind = rng.choice(("验收合格率", "达标率", "正常运行率", "合规率", "准确率", "完成率"))
    return f"{s.thing}{kind}", _pct(rng, style)


def _quality_fault(rng, style, s):
    n = rng.choice((1, 2, 3, 5))
    return f"{s.thing}故障率", style.quantity(rng, "≤", n, "%")


def _quality_grade(rng, style, s):
    return f"{s.activity}质量", qualitative(rng.choice(vocab.GRADES))


# --- 时效指标 -----------------------------------------------------------------------------------

def _time_rate(rng, style, s):
    return f"{s.activity}{rng.choice(('完成及时率', '按时完成率'))}", _pct(rng, style, floor=90)


def _time_deadline(rng, style, s):
    month = rng.choice((6, 9, 10, 11, 12, 12, 12))
    text = rng.choice((f"{s.year}年{month}月底前", f"{month}月底前", "年底前", f"{s.year}年12月31日前"))
    return f"{s.activity}完成时间", qualitative(text)


def _time_response(rng, style, s):
    unit = rng.choice(("小时", "个工作日", "分钟", "天"))
    n = {"小时": rng.choice((1, 2, 4, 24, 48)), "个工作日": rng.choice((3, 5, 7, 15)),
         "分钟": rng.choice((15, 30, 60)), "天": rng.choice((3, 7, 10, 30))}[unit]
    if unit == "小时" and rng.random() < 0.3:
        return f"{s.thing}故障响应时间", qualitative(f"{n}小时内")
    return f"{s.thing}故障响应时间", style.quantity(rng, "≤", n, unit)


def _time_period(rng, style, s):
    text = rng.choice((f"{s.year}年1月-12月", f"{s.year}.01-{s.year}.12", f"{s.year}.1.1-{s.year}.12.31"))
    return "项目实施周期", qualitative(text)


def _time_frequency(rng, style, s):
    unit, per = rng.choice((("次", "年"), ("次", "月"), ("期", "月"), ("次", "季度")))
    return f"{s.activity}频次", style.quantity(rng, "=", rng.choice((1, 1, 2, 4)), f"{unit}/{per}")


# --- 成本指标 -----------------------------------------------------------------------------------

def _cost_cap(rng, style, s):
    name = rng.choice(("预计经费", "成本控制", "项目总成本", "经费控制", "预算额度"))
    return name, style.quantity(rng, "≤", amount_text(s.total), "万元")


def _cost_part(rng, style, s):
    share = Decimal(rng.randint(20, 70)) / 100
    part = (s.total * share).quantize(Decimal("0.1")).normalize()
    name = f"{s.activity}{rng.choice(('差旅费', '印刷费', '劳务费', '材料费'))}"
    return name, style.quantity(rng, "≤", amount_text(part), "万元")


def _cost_unit(rng, style, s):
    per = rng.choice(("人", "亩", "平方米", "份", "个"))
    n = Decimal(_count(rng, 5, 5000))
    if rng.random() < 0.3:
        n += Decimal(rng.randint(1, 99)) / 100
    name = f"{s.people if per == '人' else s.thing}补助标准"
    return name, style.quantity(rng, rng.choice(("≤", "=")), n, f"元/{per}")


# --- 效益指标 -----------------------------------------------------------------------------------

def _econ_income(rng, style, s):
    n = Decimal(rng.randint(5, 900)) / Decimal(rng.choice((1, 10, 100)))
    return f"带动{s.people}增收", style.quantity(rng, "≥", amount_text(n), "万元")


def _econ_saving(rng, style, s):
    return f"节约{s.thing}运行成本", style.quantity(rng, "≥", rng.randint(3, 30), "%")


def _social_awareness(rng, style, s):
    return f"{s.people}政策知晓率", _pct(rng, style)


def _social_beneficiaries(rng, style, s):
    return f"受益{s.people}人数", style.quantity(rng, "≥", _count(rng, 20, 90000), rng.choice(("人", "人次")))


def _social_vague(rng, style, s):
    return rng.choice(("社会影响力", "服务水平", "群众获得感和幸福感", "解决实际问题")), \
        qualitative(rng.choice(vocab.VAGUE + vocab.LONG_TEXT))


def _eco_green(rng, style, s):
    return rng.choice(("绿化覆盖率", "空气质量优良天数比例", "水质达标率")), _pct(rng, style, floor=60)


def _eco_reduce(rng, style, s):
    return "污染物排放减少量", style.quantity(rng, "≥", _count(rng, 5, 5000), "吨")


def _sustain_years(rng, style, s):
    return "工程设计使用年限", style.quantity(rng, "≥", rng.choice((5, 10, 15, 20, 30)), "年")


def _sustain_text(rng, style, s):
    return rng.choice(("长效机制建设", f"{s.thing}持续发挥作用", "持续宣传效果")), \
        qualitative(rng.choice(("长期", "长期", "持续提升", "不断提升", "健全")))


# --- 满意度指标 ---------------------------------------------------------------------------------

def _satisfaction(rng, style, s):
    if rng.random() < 0.7:
        op, n = rng.choice((("≥", 95), ("≥", 90), ("≥", 85), ("≥", 98), ("≥", 96), ("=", 100)))
    else:
        op, n = "≥", rng.randint(80, 99)
    return f"{s.people}满意度", style.quantity(rng, op, n, "%")


BUILDERS: dict[str, tuple[tuple[int, Builder], ...]] = {
    "数量指标": ((4, _q_things), (4, _q_times), (3, _q_persons), (2, _q_area), (2, _q_issues),
                 (2, _q_rate), (1, _q_prose)),
    "质量指标": ((8, _quality_rate), (1, _quality_fault), (1, _quality_grade)),
    "时效指标": ((4, _time_rate), (3, _time_deadline), (2, _time_response), (1, _time_period),
                 (1, _time_frequency)),
    "成本指标": ((5, _cost_cap), (2, _cost_part), (3, _cost_unit)),
    "经济效益": ((1, _econ_income), (1, _econ_saving)),
    "社会效益": ((2, _social_awareness), (2, _social_beneficiaries), (3, _social_vague)),
    "生态效益": ((1, _eco_green), (1, _eco_reduce)),
    "可持续影响": ((1, _sustain_years), (2, _sustain_text)),
    "服务对象满意度": ((1, _satisfaction),),
}

# How many 三级 rows a group gets: (choices, weights). Economic and ecological benefit rows are
# usually left empty on real forms; quantity and quality rows are usually filled.
ROW_COUNTS: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "数量指标": ((1, 2, 3), (4, 4, 2)),
    "质量指标": ((1, 2, 3), (5, 3, 1)),
    "时效指标": ((0, 1, 2), (1, 6, 2)),
    "成本指标": ((1, 2), (7, 2)),
    "经济效益": ((0, 1), (7, 3)),
    "社会效益": ((0, 1, 2), (2, 6, 2)),
    "生态效益": ((0, 1), (8, 2)),
    "可持续影响": ((0, 1), (4, 6)),
    "服务对象满意度": ((1, 2), (8, 2)),
}


def build(level2: str, rng: random.Random, style: ValueStyle, setting: Setting) -> tuple[str, GenValue]:
    weights, builders = zip(*BUILDERS[level2])
    return rng.choices(builders, weights=weights)[0](rng, style, setting)
