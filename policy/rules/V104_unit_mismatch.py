"""V104: the value's unit does not fit what the indicator measures (money for 次数, % for 人数 …)."""

from __future__ import annotations

from grammar import parse_value
from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row
from policy.authoring.values import (
    MISMATCH,
    NAME_DIMENSIONS,
    counter_of,
    dimension_of,
    dimension_for_name,
    dimension_table,
    name_wants_other_than_money,
    kind,
    per_of,
    text_quantities,
    two_units,
    unit_symbol,
)

# 二级 where a money amount under a name that asks for no particular unit is a misfiled cost
# line, reported by V107 (数量) and V108 (质量, 时效) rather than here.
_MONEY_REPORTED_ELSEWHERE = frozenset({"数量指标", "质量指标", "时效指标"})
_TIMELY_BAD = frozenset({"mass", "area", "length", "volume"})
_HEADS = frozenset({"人", "名", "位", "户"})  # counters of people (人次 counts attendances, also events)


class UnitMismatch(Rule):
    code = "V104"
    name = "unit-mismatch"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "The value's unit does not fit the indicator (money for 次数, % for 人数, a count where a time is due)"
    summary_zh = "指标值的计量单位与指标内容不符"
    rationale = (
        "The unit must fit what the name measures: money in 元/万元, rates, ratios and "
        "satisfaction in %, head counts in 人/人次, event counts in 次, times in 天/小时/月. Real "
        "forms show '按时发放 ≥1人/年' and 人数 targets in 个: the number then means nothing "
        "checkable. Under 时效指标 a mass, area or head count cannot be a time."
    )
    fix = "Give the value the unit of what the name measures, or rename the indicator."
    source = Source(SourceKind.DERIVED, "derived: the form's own row (the unit its name implies against the unit written)",
                    "The unit a name implies and the unit written must be the same kind of quantity.")
    options = {
        "name_dimensions": Option(NAME_DIMENSIONS, "name keyword → expected dimension (percent, money, "
                                  "count, time, ratio, area; any = exempt); the longest keyword the name ends with decides",
                                  validate=dimension_table),
        "person_counters": Option(("人", "人次", "名", "位", "户", "人天", "人日"),
                                  "counters a 人数 name may use", validate=word_list),
        "event_counters": Option(("次", "期", "场", "回", "轮", "批", "批次"),
                                 "counters of a frequency (N次/月) accepted under 时效指标", validate=word_list),
        "person_keywords": Option(("人数", "人次"), "name keywords of a head count, which is counted "
                                  "in one of person_counters", validate=word_list),
        "event_keywords": Option(("次数", "场次", "期数"), "name keywords of an event count, which is not "
                                 "counted in people (人, 名, 位, 户)", validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "时效指标", "补助资金按时发放", "≥1人/年")),
                note="a head count where a time is due", expect=("V104.timeliness",)),
        Example(form(row("效益指标", "社会效益", "受益人数", "≥90%")), note="% for 人数",
                expect=("V104.count",)),
        Example(form(row("效益指标", "社会效益", "群众知晓率", "≥500人")), note="a head count for a rate",
                expect=("V104.percent",)),
        Example(form(row("效益指标", "社会效益", "村组干部培训人数", "≥230个")), note="人数 in 个",
                expect=("V104.counter",)),
        Example(form(row("产出指标", "质量指标", "验收合格率", "28.8万元")), note="money for a 合格率",
                expect=("V104.percent",)),
        Example(form(row("产出指标", "数量指标", "培训村组干部230人", "≥230个")),
                note="people in the name, 个 in the value", expect=("V104.name-unit",)),
        Example(form(row("产出指标", "数量指标", "农民培训人次", "≥20场")),
                note="a head count of attendances counted in sessions (场)", expect=("V104.counter",)),
        Example(form(row("产出指标", "数量指标", "培训次数", "≥500人")),
                note="an event count counted in people", expect=("V104.event-counter",)),
        Example(form(row("产出指标", "数量指标", "新增绿化面积", "≥500人")),
                note="an area counted in people", expect=("V104.area",)),
        Example(form(row("产出指标", "质量指标", "资金到位率", "28.8万元%")),
                note="split cells joined: money value, % in the unit column", expect=("V104.two-units",)),
    )
    good = (
        Example(form(), note="units fit"),
        Example(form(row("效益指标", "社会效益", "受益人数占比", "≥90%")), note="占比 is the head: %"),
        Example(form(row("效益指标", "经济效益", "创业担保贷款发放额增长", "≥10%")), note="growth exempt"),
        Example(form(row("产出指标", "时效指标", "城市道路考核", "1次/月")), note="a frequency is a time"),
        Example(form(row("效益指标", "经济效益", "创业担保基金放大倍数", "≥2倍")), note="倍 for 倍数"),
        Example(form(row("产出指标", "数量指标", "培训村组干部230人", "≥230人次")), note="人 and 人次 both count people"),
        Example(form(row("产出指标", "数量指标", "培训次数", "≥500人次")), note="人次 counts attendances: not a unit error for 次数"),
        Example(form(row("产出指标", "数量指标", "新增绿化面积", "≥3.5万平方米")), note="an area in 平方米"),
        Example(form(row("产出指标", "数量指标", "寨山石坪村新建水泥路1条", "2km")), note="another number: not the same count"),
    )

    def check(self, form, ctx):
        for r in require_rows(form, "V").rows:
            if r.damage is None and not r.measure:
                continue  # prose, dates, empty cells: no unit to judge
            ind, value = r.ind, r.value
            pair = two_units(value) if r.damage is not None else None
            if pair is not None:
                yield Finding("V104.two-units",
                              {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                               "unit": pair[0], "other": pair[1]},
                              location=where(ind, form), indicator=ind,
                              evidence={"指标值": ind.value_text.strip(), "单位": f"{pair[0]} + {pair[1]}"})
                continue
            if not r.measure:
                continue
            named = self._name_counter_differs(ind, value, ctx) if r.dimension == "count" else None
            if named is not None:
                yield Finding("V104.name-unit",
                              {"name": (ind.name or "").strip(), "value": ind.value_text.strip(),
                               "unit": counter_of(value), "other": named},
                              location=where(ind, form), indicator=ind,
                              evidence={"三级指标": (ind.name or "").strip(), "指标值": ind.value_text.strip(),
                                        "单位": f"{named} / {counter_of(value)}"})
                continue
            message, wanted = self._mismatch(ind, value, ctx, r.dimension, r.level2)
            if message is None:
                continue
            yield Finding(
                message,
                {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                 "unit": unit_symbol(value), "keyword": wanted[0] if wanted else "时效指标"},
                location=where(ind, form), indicator=ind,
                evidence={"三级指标": (ind.name or "").strip(), "指标值": ind.value_text.strip(),
                          "单位": unit_symbol(value)},
            )

    def _mismatch(self, ind, value, ctx, dim, level2) -> tuple[str | None, tuple[str, str] | None]:
        """(message id, the name's keyword) when the value's unit (of dimension ``dim``)
        contradicts what is due; ``level2`` is the row's canonical 二级."""
        if dim is None:
            return None, None
        wanted = dimension_for_name(ind.name, ctx.options["name_dimensions"])
        if level2 == "时效指标" and wanted is not None and wanted[1] not in ("percent", "time", "ratio"):
            wanted = None  # under 时效 a time is due whatever noun the name ends with
        if dim == "money" and level2 in _MONEY_REPORTED_ELSEWHERE and not name_wants_other_than_money(ind.name):
            return None, wanted  # a misfiled cost line: V107/V108
        if wanted is not None and wanted[1] != "any":
            if dim in MISMATCH.get(wanted[1], ()):
                if wanted[1] == "time" and dim == "count" and self._frequency(value, ctx):
                    return None, wanted
                return f"V104.{wanted[1]}", wanted
            counter = counter_of(value) if dim == "count" else None
            if wanted[0] in ctx.options["person_keywords"] and counter is not None \
                    and counter not in ctx.options["person_counters"]:
                return "V104.counter", wanted
            if wanted[0] in ctx.options["event_keywords"] and counter in _HEADS:
                return "V104.event-counter", wanted
        elif wanted is None and level2 == "时效指标":
            if dim in _TIMELY_BAD or (dim == "count" and not self._frequency(value, ctx)):
                return "V104.timeliness", wanted
        return None, wanted

    @staticmethod
    def _name_counter_differs(ind, value, ctx) -> str | None:
        """村组干部230人 → ≥230个: the name states the number with one counter, the value repeats
        the number with another (people counted as 个). Person counters are one family."""
        if dimension_of(value) != "count" or kind(value) != "quantity" or per_of(value) is not None:
            return None
        if not ind.name or not _has_digit(ind.name):
            return None  # no number in the name to compare with
        counter = counter_of(value)
        people = set(ctx.options["person_counters"])
        for q in text_quantities(parse_value(ind.name)):
            other = q.unit.counter if q.unit is not None else None
            if (other and other != counter and q.number == value.number
                    and q.per is None and not {other, counter} <= people):
                return other
        return None

    @staticmethod
    def _frequency(value, ctx) -> bool:
        """N次/月: an event count per period of time is a schedule, which is a time."""
        per = per_of(value)
        return (per is not None and per.dimension == "duration"
                and counter_of(value) in ctx.options["event_counters"])


def _has_digit(name: str) -> bool:
    return any(ch.isdigit() for ch in name)
