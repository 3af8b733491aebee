"""S108: the same 三级 name twice in one form with conflicting values (also inside "A、B")."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import name_key, period_args, require_rows, where
from policy.options import positive_int
from policy.authoring.examples import form, row
from policy.authoring.names import ADDITIVE, conflicting, part_exceeds_total, same_name_pairs
from policy.authoring.values import dimension_of


class DuplicateNameConflict(Rule):
    code = "S108"
    name = "duplicate-name-conflict"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "The same 三级 indicator appears twice in one form with conflicting targets"
    summary_zh = "同一三级指标重复出现且指标值相互矛盾"
    rationale = (
        "One indicator can have only one target per period. When the same name (or one part of "
        "a compound name such as 网络故障修复响应时间、系统故障修复响应时间) carries two different "
        "targets of the same kind, at least one of them is wrong and the evaluation cannot tell which. "
        "A compound count or amount may be the total of its parts, so a part conflicts with it only "
        "when the part alone exceeds the total."
    )
    fix = "Keep one row per indicator and decide which target is meant."
    source = Source(SourceKind.DERIVED, "derived: the form's own rows (one indicator, two different targets)",
                    "Two different targets for one indicator contradict each other on the form itself.")
    options = {
        "min_part_chars": Option(3, "compound-name parts shorter than this are not split off",
                                 validate=positive_int),
        "min_shared_suffix": Option(2, "a compound is split only when all its parts end in this many "
                                    "equal characters (…响应时间、…响应时间)", validate=positive_int),
    }
    bad = (
        Example(form(row("产出指标", "时效指标", "网络故障修复响应时间、系统故障修复响应时间", "≤1小时"),
                     row("产出指标", "时效指标", "系统软件故障修复响应时间、系统故障修复响应时间", "≤2小时")),
                note="one part of two compound names, ≤1小时 vs ≤2小时", expect=("S108",)),
        Example(form(row("产出指标", "数量指标", "培训人次", "≥300人次")),
                note="same name, 280 vs 300 人次", expect=("S108",)),
    )
    good = (
        Example(form(row("产出指标", "质量指标", "网络、系统软件验收合格率", "100%"),
                     row("产出指标", "质量指标", "网络、系统软件正常运行率", "≥99%")),
                note="'网络' is a shared head, not a name of its own"),
        Example(form(row("产出指标", "数量指标", "市政府大楼、宿舍楼维修面积", "≥500平方米"),
                     row("产出指标", "数量指标", "市政府大楼、宿舍楼绿化面积", "≥200平方米")),
                note="one suffix distributed over two heads: the heads are not names"),
        Example(form(row("产出指标", "时效指标", "培训人次", "适时安排")),
                note="a count and a prose schedule are not comparable (S113 notes the repeat)"),
        Example(form(row("产出指标", "数量指标", "培训人次", "≥280人次", period="long_term")),
                note="the same name in the long-term column"),
        Example(form(row("产出指标", "数量指标", "全体会议次数、常务会议次数", "≥50次"),
                     row("产出指标", "数量指标", "常务会议次数", "≥48次")),
                note="a compound count is a total: one part below it agrees"),
    )

    @staticmethod
    def _conflict(key, first, later) -> bool:
        whole = [name_key(i.name) == key for i in (first, later)]
        if all(whole) or dimension_of(first.value) not in ADDITIVE:
            return conflicting(first.value, later.value)  # limits and rates hold for each part
        # A compound count or amount may be the total of its parts: only a part above it conflicts.
        if not any(whole):
            return False  # two compounds sharing a part: their totals are not comparable
        part, total = (first, later) if whole[0] else (later, first)
        return part_exceeds_total(part.value, total.value)

    def check(self, form, ctx):
        require_rows(form, "S")
        reported: set[int] = set()
        for key, first, later in same_name_pairs(form, ctx.options["min_part_chars"], whole_only=False,
                                                  min_shared_suffix=ctx.options["min_shared_suffix"]):
            if id(later) not in reported and self._conflict(key, first, later):
                reported.add(id(later))  # one finding per row, at its first conflict
                yield Finding(
                    "S108",
                    {"name": key, "value": later.value_text.strip(), "other": first.value_text.strip(),
                     "other_line": first.location.line if first.location and first.location.line else "?",
                     **period_args(later.period)},
                    location=where(later, form), indicator=later,
                    evidence={"三级指标": key, "指标值": later.value_text.strip(),
                              "另一处指标值": first.value_text.strip()},
                )
