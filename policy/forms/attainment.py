"""Attainment: an indicator's 实际完成值 compared with its approved target by meaning.

The comparison goes through the value AST, never through the printed text: "≥95%" against
"93%" is missed by 2 个百分点, "≤1小时" against "1.5小时" by 0.5小时, "≥120公里" against
"126000米" exceeded by 6公里, "2022年10月底前" against "2022年9月" met, "优" against "良" missed.

Statuses, in order along the good direction (an increasing actual for an "at least" target, a
decreasing one for an "at most" target such as a cost or a response time):

- ``not_met`` — worse than the target, ``gap`` says by how much (0 for a strict bound hit exactly);
- ``met`` — exactly the target's bound, or inside its range, or the grade asked for;
- ``exceeded`` — strictly better than the target's bound, ``gap`` says by how much;
- ``not_comparable`` — ``reason`` says why (no actual, restated target, units that do not
  convert, prose for a number …).

``gap`` is in the target's unit (percentages in 个百分点); ``ratio`` is the actual over the target
for an "at least" target and the target over the actual for an "at most" one — the fraction the
proportional scoring practice awards.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from grammar.ast import DateValue, Quantity, Range, Text, Value
from grammar.folding import fold
from grammar.units import Unit
from policy.forms.hierarchy import placement
from policy.forms.model import Indicator
from policy.forms.figures import rounded_text

MET, NOT_MET, EXCEEDED, NOT_COMPARABLE = "met", "not_met", "exceeded", "not_comparable"
STATUSES = (NOT_MET, MET, EXCEEDED, NOT_COMPARABLE)

# Counter words that name the same thing on real forms ("完成10个" against "≥10项").
EQUAL_COUNTERS = frozenset({"个", "项", "件"})

# Grade scales, best first. A grade is compared only with a grade of its own scale.
GRADE_SCALES: tuple[dict[str, int], ...] = (
    {"达成": 2, "达到预期": 2, "达标": 2, "完成": 2, "部分达成": 1, "基本达成": 1,
     "基本达到预期": 1, "基本达标": 1, "基本完成": 1, "未达成": 0, "未达到预期": 0, "未达标": 0,
     "未完成": 0},
    {"优": 4, "优秀": 4, "优良": 3, "良": 3, "良好": 3, "较好": 3, "好": 4, "很好": 4, "中": 2,
     "中等": 2, "一般": 2, "较差": 1, "差": 0},
    {"很高": 5, "高": 4, "较高": 3, "较低": 1, "低": 0, "很低": 0},
    {"大": 4, "较大": 3, "较小": 1, "小": 0},
    {"是": 1, "有": 1, "合格": 1, "满意": 2, "基本满意": 1, "不满意": 0, "否": 0, "无": 0,
     "不合格": 0},
)
ATTAINMENT_SCALE = GRADE_SCALES[0]

# "已完成", "全部完成", "达成预期指标", "已完成100%", "完成年度目标": a statement that the work is
# done, not a measured value.
_DONE = re.compile(
    r"^(?:已经?|均已|全部|全面|按时|按期|如期|基本)?(?:完成|达成|达到|实现|达标)"
    r"(?:了)?(?:预期|年度|既定|计划|设定)?(?:的)?(?:目标|指标|任务)?(?:值)?(?:100%)?$"
)


@attrs.frozen
class Attainment:
    """How an actual stands against its target (statuses above)."""

    status: str
    gap: Decimal | None = None  # how far from the target's bound, in ``unit``
    unit: str | None = None
    ratio: Decimal | None = None  # actual ÷ target ("at least") or target ÷ actual ("at most")
    reason: str | None = None  # why not comparable: a short stable code

    @property
    def satisfied(self) -> bool:
        return self.status in (MET, EXCEEDED)

    def to_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status}
        if self.gap is not None:
            out["by"] = _plain(self.gap) + (self.unit or "")
        if self.ratio is not None:
            out["ratio"] = _plain(Decimal(rounded_text(self.ratio, 4)))
        if self.reason is not None:
            out["reason"] = self.reason
        return out


def _plain(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return text


def not_comparable(reason: str) -> Attainment:
    return Attainment(NOT_COMPARABLE, reason=reason)


def says_done(value: Value | None) -> bool:
    """Whether an actual only says the work is done ("已完成", "达成预期指标")."""
    if not isinstance(value, Text) or value.error is not None:
        return False
    return bool(_DONE.match(fold(value.text)))


def is_numeric(value: Value | None) -> bool:
    """Whether a target states a number: a quantity, a range, or prose with one quantity."""
    if isinstance(value, (Quantity, Range)):
        return True
    return isinstance(value, Text) and value.error is None and len(value.quantities) == 1


def restates_bound(actual: Value | None) -> bool:
    """An actual written as a bound ("≥95%", "<=0%") states a target, not a result."""
    return isinstance(actual, Quantity) and actual.op_explicit and actual.op != "="


def attainment(target: Value | None, actual: Value | None, *, lower_is_better: bool = False,
               year: int | None = None) -> Attainment:
    """Compare ``actual`` with ``target``. ``lower_is_better`` says how to read a target written
    without a comparator ("10万元" as a cost, "1个月" as a time limit); a written comparator
    decides by itself. ``year`` fills in the year of deadlines such as "9月底前"."""
    if target is None:
        return not_comparable("no-target")
    if actual is None:
        return not_comparable("no-actual")
    if target.error is not None:
        return not_comparable("target-unreadable")
    if actual.error is not None:
        return not_comparable("actual-unreadable")
    if restates_bound(actual):
        return not_comparable("actual-restates-target")
    if isinstance(target, DateValue):
        return _dates(target, actual, year)
    if isinstance(target, (Quantity, Range)):
        if isinstance(actual, Quantity):
            return _quantities(target, actual, lower_is_better)
        if says_done(actual):
            return not_comparable("actual-says-done")
        if isinstance(actual, Text):
            return not_comparable("actual-is-text")
        return not_comparable("kinds-differ")
    return _qualitative(target, actual)


def lower_is_better(ind: Indicator) -> bool:
    """Whether less is better for a target written without a comparator: a cost line, or a
    duration under 时效指标 ("1个月" to tender)."""
    _, level2, _, is_cost = placement(ind.level1_text, ind.level2_text)
    if is_cost:
        return True
    value = ind.value
    return level2 == "时效指标" and isinstance(value, (Quantity, Range)) and value.dimension == "duration"


def of_indicator(ind: Indicator, year: int | None = None) -> Attainment | None:
    """The attainment of a self-evaluated indicator (None when it has no evaluation)."""
    if ind.evaluation is None:
        return None
    return attainment(ind.value, ind.evaluation.actual, lower_is_better=lower_is_better(ind),
                      year=year)


# -- Quantities --------------------------------------------------------------------------------


def _bases_agree(target: Unit | None, actual: Unit | None) -> str | None:
    """None when the two units compare; else the reason they do not."""
    if target is None or actual is None:
        return None
    if target.base == actual.base:
        return None
    if target.symbol in EQUAL_COUNTERS and actual.symbol in EQUAL_COUNTERS:
        return None
    if target.dimension != actual.dimension:
        return "unit-mismatch"
    return "units-do-not-convert"


def _actual_base(target_unit: Unit | None, actual: Quantity) -> Decimal:
    """The actual in the target's base unit; a bare number is read in the target's unit, and a
    bare fraction (0.96) against a percentage target as a rate (96%)."""
    if actual.unit is not None:
        return actual.base_value
    if target_unit is None:
        return actual.number
    number = actual.number
    if target_unit.dimension == "percent" and 0 < number < 1:
        number *= 100
    return number * target_unit.factor


def _quantities(target: Quantity | Range, actual: Quantity, lower_is_better: bool) -> Attainment:
    t_unit = target.unit
    reason = _bases_agree(t_unit, actual.unit)
    if reason is None:
        reason = _bases_agree(target.per, actual.per) if actual.per is not None else None
    if reason is not None:
        return not_comparable(reason)
    if t_unit is None and actual.unit is not None:
        t_unit = actual.unit  # "100" against "100%": the target's unit is the actual's
        factor = actual.unit.factor
        lo, hi = _bounds(target, factor)
    else:
        factor = t_unit.factor if t_unit is not None else Decimal(1)
        lo, hi = _bounds(target, Decimal(1))
    a = _actual_base(t_unit, actual)
    gap_unit = _gap_unit(t_unit)
    if gap_unit is not None and target.per is not None:
        gap_unit += f"/{target.per.symbol}"
    if isinstance(target, Range):
        return _in_range(lo, hi, a, factor, gap_unit, lower_is_better)
    down = target.op in ("≤", "<") or (target.op == "=" and lower_is_better)
    bound = lo
    strict = target.op in (">", "<")
    diff = a - bound if not down else bound - a  # > 0: better than the bound
    gap = abs(diff) / factor
    ratio = _ratio(bound, a, down)
    if diff > 0:
        return Attainment(EXCEEDED, gap, gap_unit, ratio)
    if diff == 0 and not strict:
        return Attainment(MET, ratio=ratio)
    return Attainment(NOT_MET, gap, gap_unit, ratio)


def _bounds(target: Quantity | Range, factor: Decimal) -> tuple[Decimal, Decimal]:
    if isinstance(target, Range):
        return target.lo.base_value * factor, target.hi.base_value * factor
    return target.base_value * factor, target.base_value * factor


def _in_range(lo: Decimal, hi: Decimal, a: Decimal, factor: Decimal, unit: str | None,
              lower_is_better: bool) -> Attainment:
    if lo <= a <= hi:
        return Attainment(MET)
    above = a > hi
    gap = (a - hi if above else lo - a) / factor
    better = above != lower_is_better
    return Attainment(EXCEEDED if better else NOT_MET, gap, unit)


def _ratio(bound: Decimal, actual: Decimal, down: bool) -> Decimal | None:
    num, den = (bound, actual) if down else (actual, bound)
    if den <= 0 or num < 0:
        return None
    return num / den


def _gap_unit(unit: Unit | None) -> str | None:
    if unit is None:
        return None
    if unit.dimension == "percent" and unit.base == "%":
        return "个百分点"
    return unit.symbol


# -- Dates ------------------------------------------------------------------------------------


def _dates(target: DateValue, actual: Value, year: int | None) -> Attainment:
    if not isinstance(actual, DateValue):
        if says_done(actual):
            return not_comparable("actual-says-done")
        return not_comparable("actual-is-text" if isinstance(actual, Text) else "kinds-differ")
    due = target.latest(year)
    done = actual.latest(year if actual.year is None else actual.year)
    if due is None or done is None:
        return not_comparable("date-open")
    days = Decimal((done - due).days)
    if days <= 0:
        return Attainment(MET)
    return Attainment(NOT_MET, days, "天")


# -- Grades -----------------------------------------------------------------------------------


def _grade(value: Value) -> tuple[int, int] | None:
    """(scale index, rank) of a graded text, or None."""
    if not isinstance(value, Text):
        return None
    grade = value.grade
    if grade is None and says_done(value):
        grade = "完成"
    if grade is None:
        return None
    for i, scale in enumerate(GRADE_SCALES):
        if grade in scale:
            return i, scale[grade]
    return None


def attainment_grade(value: Value | None) -> int | None:
    """How far a qualitative actual says the target was reached: 2 (达成, 完成, 达到预期),
    1 (部分达成, 基本完成) or 0 (未达成, 未完成); None for any other value."""
    if value is None:
        return None
    found = _grade(value)
    return found[1] if found is not None and found[0] == 0 else None


def _qualitative(target: Value, actual: Value) -> Attainment:
    got = _grade(actual)
    if got is None:
        return not_comparable("actual-not-graded")
    scale, rank = got
    wanted = _grade(target)
    if wanted is None:
        # a described target ("按质按量完成"): the actual's grade says whether it was reached
        top = max(GRADE_SCALES[scale].values())
        if rank == top:
            return Attainment(MET)
        if scale == 0:
            return Attainment(NOT_MET)
        return not_comparable("qualitative-target")
    if wanted[0] != scale:
        return not_comparable("grade-scales-differ")
    if rank == wanted[1]:
        return Attainment(MET)
    return Attainment(EXCEEDED if rank > wanted[1] else NOT_MET)
