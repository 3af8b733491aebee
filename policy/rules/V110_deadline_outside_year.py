"""V110: an annual target's deadline or date falls after 31 December of the budget year."""

from __future__ import annotations

import datetime

from policy.forms.model import ANNUAL
from policy.api import (Category, Example, Finding, InsufficientData, NotApplicable, Option, Rule,
                        Severity, Source, SourceKind)
from policy.authoring.rows import where
from policy.authoring.values import date_form
from policy.options import boolean
from policy.authoring.examples import form, row


class DeadlineOutsideYear(Rule):
    code = "V110"
    name = "deadline-outside-year"
    category = Category.VALUE
    severity = Severity.ERROR
    summary = "An annual target's deadline falls after 31 December of the budget year"
    summary_zh = "年度指标的完成时限超出预算年度"
    rationale = (
        "Annual targets are what the year's money achieves within the budget year. A deadline "
        "after 12-31 cannot be checked when the year is evaluated and usually means the target "
        "belongs to the long-term column or the year is mistyped."
    )
    fix = "Bring the deadline within the budget year, or move the target to the 中长期 column."
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十一条、第十二条: targets and their evaluation follow the budget year")
    options = {"include_periods": Option(False, "also report periods (2023.07-2024.01) that end after the year",
                                         validate=boolean)}
    bad = (
        Example(form(row("产出指标", "时效指标", "项目完成时间", "2023年6月底前")), note="next year's June",
                expect=("V110",)),
        Example(form(row("产出指标", "时效指标", "验收日期", "2023年3月15日")), note="a date in the next year",
                expect=("V110",)),
    )
    good = (
        Example(form(), note="2022年11月底前 in a 2022 form"),
        Example(form(row("产出指标", "时效指标", "资金拨付", "年底前")), note="年底前 is 12-31"),
        Example(form(row("产出指标", "时效指标", "服务周期", "2022.07-2023.01")),
                note="a service period is reported only with include_periods"),
    )

    def check(self, form, ctx):
        dated = [r.ind for r in form.rows if r.period == ANNUAL and r.kind == "date"
                 and r.damage is None and self._judged(r.value, ctx)]
        if not dated:
            raise NotApplicable("V.reason.no-deadlines")
        year = ctx.year or form.year
        if year is None:
            raise InsufficientData("V.reason.no-year")
        end = datetime.date(year, 12, 31)
        for ind in dated:
            latest = ind.value.latest(year)
            if latest is not None and latest > end:
                yield Finding("V110", {"name": (ind.name or "").strip() or "—", "value": ind.value_text.strip(),
                                       "year": year, "latest": latest.isoformat()},
                              location=where(ind, form), indicator=ind,
                              evidence={"指标值": ind.value_text.strip(), "最迟日期": latest.isoformat(),
                                        "预算年度": str(year)})

    @staticmethod
    def _judged(value, ctx) -> bool:
        form = date_form(value)
        return form in ("deadline", "date") or (form == "period" and ctx.options["include_periods"])
