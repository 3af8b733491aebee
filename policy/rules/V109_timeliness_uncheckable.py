"""V109: a 时效指标 value with no checkable time (适时印发, 按时完成, 按月安排, 维持时效≥1年)."""

from __future__ import annotations


from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.rows import contains_any, require_rows, where
from policy.options import word_list
from policy.authoring.examples import form, row
from policy.authoring.values import all_measures, date_form, dimension_of, is_measure, kind, per_of
from policy.authoring.patterns import LazyPattern

TIME_WORDS = ("每月", "每季", "每年", "每周", "每天", "每日", "月底", "年底", "月末", "年末", "季末",
              "日前", "工作日", "小时内", "天内", "日内", "周内", "月内", "当日", "当天", "即时",
              "全年", "年内", "年度内", "当年", "本年度")
# What is left of a rate value whose number was lost: its comparator or percent sign.
RATE_MARKS = ("≥", "≤", "＞", "＜", ">", "<", "=", "＝", "%", "％", "百分")
_DATE = LazyPattern(r"\d+\s*[月日号]|\d{4}\s*年|[一二三四五六七八九十]+月")


class TimelinessUncheckable(Rule):
    code = "V109"
    name = "timeliness-uncheckable"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A 时效指标 value states no checkable time: no rate, deadline, date or maximum duration"
    summary_zh = "时效指标值没有可核验的时间要求"
    rationale = (
        "A timeliness target is checked against the calendar: a rate (按时完成率 100%), a deadline "
        "(2022年12月底前), a date or period, or a maximum duration (≤2小时). '适时印发', '按时完成' or "
        "'按月安排' name no time; '维持时效≥1年' is a minimum validity, not how fast something is done."
    )
    fix = "State the deadline, the maximum duration, or the on-time rate (e.g. 按时完成率 100%)."
    source = Source(SourceKind.DERIVED, "derived: the form's own row (only a rate, a deadline or a duration can be compared with what happened)",
                    "Only a rate, a deadline or a duration can be compared with what happened.")
    options = {"time_words": Option(TIME_WORDS, "words that anchor a prose timeliness value in time",
                                    validate=word_list)}
    bad = (
        Example(form(row("产出指标", "时效指标", "各类会议、文件资料", "适时印发")), note="适时",
                expect=("V109",)),
        Example(form(row("产出指标", "时效指标", "各类工作", "按时完成")), note="按时完成", expect=("V109",)),
        Example(form(row("产出指标", "时效指标", "维持时效", "≥1年")), note="a minimum duration",
                expect=("V109.min-duration",)),
        Example(form(row("产出指标", "时效指标", "补贴发放及时率", "≥百分之")),
                note="regression: a damaged rate (number lost) is reported as damaged, not as "
                     "'no time requirement'", expect=("V109.damaged-rate",)),
    )
    good = (
        Example(form(), note="a deadline"),
        Example(form(row("产出指标", "时效指标", "故障修复响应时间", "≤1小时")), note="maximum duration"),
        Example(form(row("产出指标", "时效指标", "访谈时间", "《政务访谈》每月最后一周举行")), note="monthly schedule"),
        Example(form(row("产出指标", "时效指标", "及时发放率", "100%")), note="a rate"),
        Example(form(row("产出指标", "时效指标", "项目实施", "年内完成")), note="within the budget year"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        for r in f.rows:
            if r.level2 != "时效指标" or not r.has_value or r.damage is not None:
                continue
            ind = r.ind
            message = self._problem(ind, ctx)
            if message:
                yield Finding(message, {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip()},
                              location=where(ind, form), indicator=ind,
                              evidence={"时效指标": (ind.name or "").strip(), "指标值": ind.value_text.strip()})

    @staticmethod
    def _problem(ind, ctx) -> str | None:
        value = ind.value
        k = kind(value)
        if is_measure(value):
            if dimension_of(value) == "duration" and k == "quantity" and value.op in ("≥", ">") and per_of(value) is None:
                return "V109.min-duration"
            return None  # rates, maximum durations, frequencies; wrong units are V104's
        if k == "date":
            return "V109.frequency" if date_form(value) == "frequency" else None
        if k != "text":
            return None
        for q in all_measures(value):
            if dimension_of(q) in ("percent", "duration") or per_of(q) is not None:
                return None
        text = ind.value_text
        if contains_any(text, ctx.options["time_words"]) or _DATE.search(text):
            return None
        if "率" in (ind.name or "") and contains_any(text, RATE_MARKS):
            return "V109.damaged-rate"  # a rate whose number was lost: damaged, not timeless
        return "V109"
