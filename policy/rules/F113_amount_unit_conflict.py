"""F113: funding cells written in a money unit other than the one the form declares."""

from __future__ import annotations

from policy.api import Category, Example, Finding, NotApplicable, Rule, Severity, Source, SourceKind
from policy.authoring.amount_units import funding_cells, written_unit


def _funded(declared: str, **amounts: str) -> dict:
    return {"name": "农村道路养护项目", "year": 2022, "amount_unit": "元", "declared_amount_unit": declared,
            "funding": dict(amounts)}


class AmountUnitConflict(Rule):
    code = "F113"
    name = "amount-unit-conflict"
    category = Category.FUNDING
    severity = Severity.WARNING
    summary = "Funding cells are written in a money unit other than the form's declared one (单位：元 vs 万元)"
    summary_zh = "资金栏填写的金额单位与表头声明的金额单位不一致（单位：元 与 万元）"
    rationale = (
        "A form declares once in which unit its amounts are given (金额单位：元 / 单位：万元), and "
        "every bare number is read in that unit. When cells of the 项目资金 block carry another "
        "unit — '年度资金总额 65万元' under 单位：元 — the form contradicts itself: a reader who "
        "trusts the declaration misreads the amounts by a factor of 10,000, and the other bare "
        "numbers of the form become doubtful. All such cells of one form are one finding."
    )
    fix = "Write every amount in the declared unit, or correct the declaration (单位：万元)."
    source = Source(SourceKind.DERIVED, "derived: the form's own arithmetic (a declared unit against the units written)")
    bad = (
        Example(_funded("元", total="65万元", fiscal="65万元", other="0"),
                note="declared 元, the cells say 万元", expect=("F113",)),
        Example(_funded("万元", total="650000元"), note="declared 万元, the cell says 元", expect=("F113",)),
    )
    good = (
        Example(_funded("万元", total="65万元", fiscal="65", other="0"), note="the cells agree with the declaration"),
        Example(_funded("元", total="650000", fiscal="650000"), note="bare numbers are in the declared unit"),
        Example({"name": "农村道路养护项目", "year": 2022, "funding": {"total": "65万元"}, "declared_amount_unit": None},
                note="no declaration: nothing to conflict with", outcome="not_applicable"),
    )

    def check(self, form, ctx):
        declared = written_unit("1" + (form.funding.amount_unit or ""))
        if declared is None:
            raise NotApplicable("F.reason.no-declared-unit")
        cells = funding_cells(form.funding)
        conflicts = [(label, a) for label, a in cells if (u := written_unit(a.text)) is not None and u != declared]
        if not conflicts:
            return
        first = conflicts[0][1]
        shown = "、".join(f"{label} {a.text.strip()}" for label, a in conflicts)
        yield Finding("F113", {"declared": declared, "written": written_unit(first.text), "cells": shown,
                               "count": len(conflicts)},
                      location=first.location or form.location,
                      evidence={"金额单位": declared, "资金栏": shown})
