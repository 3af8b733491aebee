"""C101: a quantity promised in 年度目标 that the indicators contradict."""

from __future__ import annotations

from grammar.numbers import format_decimal

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from policy.forms.model import ANNUAL
from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from policy.authoring.consistency import (
    DEFAULT_APPROX_WORDS,
    DEFAULT_COUNTERS,
    bigrams,
    interval_sum,
    promise_tuple,
    subset_sums,
)
from policy.options import non_negative_decimal, word_list


def _stated(row, counters, approx_words, units):
    """(lo, hi, base unit) of each count an annual row (``_facts.Row``) states in one of
    ``units`` (the goal's): its value's interval, or the exact counts inside compound prose
    ("协调处置突发事件20次，开展…"), read with the same care as the goal (approximate and
    per-period numbers skipped)."""
    v = row.value
    if row.measure:
        unit = v.base_unit
        if unit not in units or v.per is not None:
            return ()  # (units never holds None: a promise always has a base unit)
        interval = v.interval
        lo = interval.lo
        if lo is None and v.dimension != "percent":
            lo = Decimal(
                0
            )  # counts, lengths, areas are never negative: "≤4期" is 0–4期
        return ((lo, interval.hi, unit),)
    if row.kind == "text" and row.damage is None:
        return [
            (p.number, p.number, p.unit)
            for p in promise_tuple(row.ind.value_text, counters, approx_words)
            if p.unit in units
        ]
    return ()


def _ind(name, value):
    return {"level1": "产出指标", "level2": "数量指标", "name": name, "value": value}


class GoalQuantityContradiction(Rule):
    code = "C101"
    name = "goal-quantity-contradiction"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "A quantity promised in 年度目标 disagrees with the indicators"
    summary_zh = "年度目标中承诺的数量与绩效指标不一致"
    rationale = (
        "The annual goal and the indicators describe the same year's output. When the goal "
        "promises 20期 and the indicators add up to 16期, one of them is wrong and the target the "
        "project will be evaluated against is unclear. A goal number agrees when it equals one "
        "indicator's value, the sum of several, or fits their ranges (≥12期 + ≥4期 allows 20期)."
    )
    fix = "Make the goal's figure and the indicator values agree."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form's own numbers (年度目标 against the indicators)",
        "Goal and indicators state the same year's output in the same counter units.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "counters": Option(
            DEFAULT_COUNTERS, "Counter units compared (期, 次, 人次, 个 …).", word_list
        ),
        "approx_words": Option(
            DEFAULT_APPROX_WORDS,
            "Words that make a goal number approximate or per-period (余, 多, 约, 左右, 以上, 每, 第, 其中 …); "
            "such numbers are not compared.",
            word_list,
        ),
        "total_words": Option(
            ("共", "合计", "总计", "全年", "累计", "总数"),
            "Words that make a goal number a total of every indicator with its counter "
            "(全年共16期); other numbers are compared only with indicators whose names share "
            "a word with the goal's clause.",
            word_list,
        ),
        "stop_bigrams": Option(
            (
                "开展",
                "完成",
                "组织",
                "举办",
                "实施",
                "工作",
                "项目",
                "年度",
                "全年",
                "确保",
                "保障",
                "进行",
                "达到",
                "计划",
            ),
            "Two-character words too common to show that a goal clause and an indicator name "
            "are about the same thing.",
            word_list,
        ),
        "min_number": Option(
            Decimal(2),
            "Goal numbers below this (一个平台) are not compared.",
            non_negative_decimal,
        ),
    }
    bad = (
        Example(
            {
                "goals": {
                    "annual": "每月举办一期《政务访谈》，每季度举办一期《市长访谈》，全年共20期。"
                },
                "indicators": [_ind("政务访谈", "12期"), _ind("市长访谈", "4期")],
            },
            note="20期 promised, 12期 + 4期 = 16期 planned",
            expect=("C101",),
        ),
        Example(
            {
                "goals": {"annual": "组织业务培训3次，培训基层干部800人次。"},
                "indicators": [_ind("培训次数", "3次"), _ind("培训人次", "≥1000人次")],
            },
            note="800人次 is below the indicator's ≥1000人次",
            expect=("C101",),
        ),
    )
    good = (
        Example(
            {
                "goals": {
                    "annual": "每月举办一期《政务访谈》，每季度举办一期《市长访谈》，全年共16期。"
                },
                "indicators": [_ind("政务访谈", "12期"), _ind("市长访谈", "4期")],
            },
            note="16期 = 12期 + 4期",
        ),
        Example(
            {
                "goals": {
                    "annual": "召开各类会议150余次，招商引资会议20余次，培训1.2万人次。"
                },
                "indicators": [_ind("会议次数", "≥40次"), _ind("培训", "≥12000人次")],
            },
            note="approximate numbers are skipped; 1.2万人次 = 12000人次",
        ),
        Example(
            {
                "goals": {"annual": "覆盖全县18个乡镇，改造农村户厕1200户。"},
                "indicators": [
                    _ind("受益村", "120个"),
                    _ind("户厕改造数量", "≥1200户"),
                ],
            },
            note="乡镇 and 村 are different things counted with 个: not compared",
        ),
        Example(
            {
                "goals": {"annual": "开展专项督查督办45次，开展调研项目12个。"},
                "indicators": [
                    _ind("专项督查督办次数", "≥40次"),
                    _ind("开展调研项目数", "≥10个"),
                ],
            },
            note="45次 fits ≥40次, 12个 fits ≥10个",
        ),
    )

    def check(self, form, ctx):
        goal = form.goals.annual
        if not goal:
            raise NotApplicable("C.reason.no-annual-goal")
        counters, approx = tuple(ctx.options["counters"]), tuple(ctx.options["approx_words"])
        found = [p for p in promise_tuple(goal, counters, approx) if p.number >= ctx.options["min_number"]]
        if not found:
            raise NotApplicable("C.reason.no-goal-quantities")
        units = {p.unit for p in found}
        stated = []
        for r in form.rows:
            if r.period == ANNUAL:
                for lo, hi, unit in _stated(r, counters, approx, units):
                    stated.append((r.ind, lo, hi, unit))
        if not stated:  # no indicator states a count in the goal's units
            raise NotApplicable("C.reason.nothing-to-compare")
        total_words = tuple(ctx.options["total_words"])
        compared = 0
        for p in found:
            # Sorted by name and value so the finding does not depend on row order.
            same = sorted(
                ((ind, lo, hi) for ind, lo, hi, unit in stated if unit == p.unit),
                key=lambda t: (t[0].name or "", t[0].value_text or "", str(t[1])),
            )
            if not same:
                continue
            if not _says_total(p.clause, total_words):
                # Not a stated total: compare only with indicators about the same thing
                # ("覆盖18个乡镇" says nothing about "受益村 120个").
                words = bigrams(p.clause, ctx.options["stop_bigrams"])
                same = [t for t in same if words & bigrams(t[0].name, ())]
            bounds = [(lo, hi) for _, lo, hi in same]
            if not same:
                continue
            compared += 1
            if _agrees(p.number, bounds):
                continue
            names = dict.fromkeys(
                f"{ind.name or '（无名称）'} {ind.value_text}" for ind, _, _ in same
            )
            listed = "、".join(names)
            evidence = {"年度目标": p.fragment, "绩效指标": listed}
            if len(same) > 1:
                lo, hi = interval_sum(bounds)
                evidence["指标合计"] = _bounds(lo, hi, p.unit)
            yield Finding(
                "C101",
                {"promise": p.fragment, "indicators": listed},
                location=form.goals.annual_location or form.location,
                indicator=same[0][0],
                evidence=evidence,
            )
        if not compared:
            raise NotApplicable("C.reason.nothing-to-compare")


def _says_total(clause, total_words):
    """The clause states a total (全年共, 合计 …), to be compared with every indicator."""
    return any(w in clause for w in total_words)


def _agrees(n, bounds):
    """A goal number agrees with one indicator's bounds, their sum's bounds, or a sum of some
    of the exact values (goal "20次" with 督查 12次, 调研 8次 and 培训 3次)."""
    for lo, hi in bounds:
        if (lo is None or lo <= n) and (hi is None or n <= hi):
            return True
    lo, hi = interval_sum(bounds)
    if (lo is None or lo <= n) and (hi is None or n <= hi):
        return True
    exact = [lo for lo, hi in bounds if lo is not None and lo == hi]
    return n in subset_sums(exact)


def _bounds(lo, hi, unit):
    fmt = format_decimal

    if lo is not None and lo == hi:
        return f"{fmt(lo)}{unit}"
    if hi is None:
        return f"≥{fmt(lo)}{unit}" if lo is not None else "不定"
    if lo is None:
        return f"≤{fmt(hi)}{unit}"
    return f"{fmt(lo)}–{fmt(hi)}{unit}"
