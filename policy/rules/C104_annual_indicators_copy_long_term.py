"""C104: the annual indicators are a copy of the long-term ones."""

from __future__ import annotations

from collections import Counter

from policy.forms.model import ANNUAL, LONG_TERM
from policy.api import (
    Category,
    Example,
    Finding,
    NotApplicable,
    Rule,
    Severity,
    Source,
    SourceKind,
)
from grammar.folding import bare


def _rows(form, period):
    return Counter(
        (bare(r.ind.name), bare(r.ind.value_text))
        for r in form.rows
        if r.period == period and (r.ind.name or r.ind.value_text)
    )


def _ind(level2, name, value, period):
    return {
        "level1": "产出指标",
        "level2": level2,
        "name": name,
        "value": value,
        "period": period,
    }


class AnnualIndicatorsCopyLongTerm(Rule):
    code = "C104"
    name = "annual-indicators-copy-long-term"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "The annual indicators repeat the long-term indicators"
    summary_zh = "年度绩效指标照抄中长期绩效指标"
    rationale = (
        "A project-period target and a one-year target cannot both be met by the same figures "
        "(a three-year programme does not deliver its whole output every year). Identical "
        "columns mean one of them was copied instead of set."
    )
    fix = "Set the annual values for the budget year (usually a part of the long-term values)."
    source = Source(
        SourceKind.DERIVED,
        "derived: the form asks for two sets of targets in two columns (中长期, 年度)",
        "Annual and long-term targets are filled separately.",
    )
    bad = (
        Example(
            {
                "indicators": [
                    _ind("数量指标", "硬化道路", "≥300公里", "long_term"),
                    _ind("质量指标", "验收合格率", "100%", "long_term"),
                    _ind("数量指标", "硬化道路", "≥300公里", "annual"),
                    _ind("质量指标", "验收合格率", "100%", "annual"),
                ]
            },
            expect=("C104",),
        ),
        Example(
            {
                "indicators": [
                    _ind("数量指标", "培训人次", "≥ 500人次", "long_term"),
                    _ind("数量指标", "培训人次", "≥500人次", "annual"),
                ]
            },
            note="spacing differs only",
            expect=("C104",),
        ),
    )
    good = (
        Example(
            {
                "indicators": [
                    _ind("数量指标", "硬化道路", "≥900公里", "long_term"),
                    _ind("质量指标", "验收合格率", "100%", "long_term"),
                    _ind("数量指标", "硬化道路", "≥300公里", "annual"),
                    _ind("质量指标", "验收合格率", "100%", "annual"),
                ]
            },
            note="a quality rate may stay the same; the quantity is split",
        ),
        Example(
            {"indicators": [_ind("数量指标", "硬化道路", "≥300公里", "annual")]},
            note="no long-term column: not applicable",
            outcome="not_applicable",
        ),
    )

    def check(self, form, ctx):
        if LONG_TERM not in form.periods:  # most forms: no long-term rows to compare
            raise NotApplicable("C.reason.no-both-periods")
        long_term = _rows(form, LONG_TERM)
        if not long_term:
            raise NotApplicable("C.reason.no-both-periods")
        annual = _rows(form, ANNUAL)
        if not annual:
            raise NotApplicable("C.reason.no-both-periods")
        if annual == long_term:
            first = min(
                (r.ind for r in form.rows if r.period == ANNUAL and (r.ind.name or r.ind.value_text)),
                key=lambda i: (i.name or "", i.value_text or ""),
            )
            yield Finding(
                "C104",
                {"count": sum(annual.values())},
                location=first.location or form.location,
                evidence={
                    "年度指标": f"{sum(annual.values())} 项",
                    "中长期指标": f"{sum(long_term.values())} 项，名称与指标值全部相同",
                },
            )
