"""V103: a quantitative value without a unit (bare "2100")."""

from __future__ import annotations


from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from policy.authoring.rows import require_rows, where
from policy.authoring.examples import form, row
from grammar.ast import Range, Unit, Value
from policy.authoring.grouping import name_and_value, one_per_root_cause
from policy.authoring.values import NAME_DIMENSIONS, dimension_for_name, numbers_of, unit_of
from policy.authoring.patterns import LazyPattern

# A unit stated in the name instead of the value: 资助人数（人）, 面积(平方米), 金额（万元）.
_NAME_UNIT = LazyPattern(r"[（(]\s*[^\d（）()≥≤<>=＞＜＝%％]{1,6}\s*[)）]\s*$")


# A bare magnitude is no unit: "250万" may be 元, 人 or 平方米.
_MAGNITUDES = frozenset({"万", "亿", "千", "百", "十"})


def _no_unit(unit: Unit | None) -> bool:
    return unit is None or unit.symbol in _MAGNITUDES


def _unitless(value: Value | None) -> bool:
    if isinstance(value, Range):
        return _no_unit(value.lo.unit) and _no_unit(value.hi.unit)
    return _no_unit(unit_of(value))


class UnitMissing(Rule):
    code = "V103"
    name = "unit-missing"
    category = Category.VALUE
    severity = Severity.ERROR
    summary = "A quantitative value has no unit (e.g. a bare 2100)"
    summary_zh = "定量指标值缺少计量单位"
    rationale = (
        "A quantitative value is operator + number + unit, and the budget system requires the "
        "unit. '2100' may be people, 人次 or 元; '95' may be 95% or 95 items — the target cannot be "
        "checked. A unit given in the name (资助人数（人）) counts; zero needs no unit."
    )
    fix = "Add the unit to the value (2100人, 95%), or state it in the name in brackets."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (a unit is required for a quantitative value)")
    bad = (
        Example(form(row("产出指标", "数量指标", "享受资助人数", "2100")), note="bare count", expect=("V103",)),
        Example(form(row("产出指标", "质量指标", "资金支出率", "≥95")), note="rate without %",
                expect=("V103.percent",)),
        Example(form(row("产出指标", "成本指标", "控制在预算成本内", "250万")), note="万 of what?",
                expect=("V103",)),
        Example(form(row("产出指标", "数量指标", "享受资助人数", "2100"),
                     row("产出指标", "质量指标", "资金支出率", "≥95")),
                note="units left out on many rows are one finding listing them", expect=("V103.many",)),
    )
    good = (
        Example(form(), note="every quantity has its unit"),
        Example(form(row("产出指标", "数量指标", "享受资助人数（人）", "2100")), note="unit in the name"),
        Example(form(row("产出指标", "质量指标", "库存粮食明显变质比例", "0")), note="zero"),
    )

    def check(self, form, ctx):
        # units left out on many rows (a 度量单位 column never filled in) are one root cause
        return one_per_root_cause(self._unitless_rows(form), lambda f: "V103.many", key=lambda f: "V103",
                                  name=name_and_value)

    def _unitless_rows(self, form):
        for r in require_rows(form, "V").measures:
            value = r.value
            if not _unitless(value):
                continue
            if all(n == 0 for n in numbers_of(value)):
                continue
            ind = r.ind
            if ind.name and _NAME_UNIT.search(ind.name.strip()):
                continue
            wanted = dimension_for_name(ind.name, NAME_DIMENSIONS)
            message = "V103.percent" if wanted and wanted[1] == "percent" else "V103"
            yield Finding(message, {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip()},
                          location=where(ind, form), indicator=ind,
                          evidence={"指标值": ind.value_text.strip()})
