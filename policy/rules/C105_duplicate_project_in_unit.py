"""C105: two forms of one unit for the same project."""

from __future__ import annotations

from collections import defaultdict

from policy.api import Category, Example, Finding, Rule, Severity, Source, SourceKind
from grammar.folding import bare
from policy.forms.model import TARGET

MAX_LISTED = 5  # other forms named in one finding (a unit may repeat a name many times)


class DuplicateProjectInUnit(Rule):
    code = "C105"
    name = "duplicate-project-in-unit"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    form_kinds = (TARGET,)  # a target form and its self-evaluation share the name: C106 pairs them
    summary = "Two forms of one unit have the same 项目名称"
    summary_zh = "同一预算单位有两张项目名称相同的绩效目标表"
    rationale = (
        "Each project of a unit has one performance-target form per budget year. Two forms with "
        "the same project name in one unit's submission are a duplicate (and possibly "
        "double-counted funding) or two projects that need distinct names."
    )
    fix = "Remove the duplicate form, or give the two projects names that tell them apart."
    source = Source(
        SourceKind.DERIVED,
        "derived: the forms of one unit compared with each other",
        "One project has one performance-target form per year.",
    )
    scope = "unit"
    bad = (
        Example(
            {
                "forms": [
                    {"name": "应急指挥中心经费", "budget_unit": "某市政府办"},
                    {"name": "应急指挥中心经费", "budget_unit": "某市政府办"},
                ]
            },
            expect=("C105",),
        ),
        Example(
            {
                "forms": [
                    {
                        "name": "政务访谈经费（含市长访谈）",
                        "budget_unit": "某市政府办",
                        "year": 2022,
                    },
                    {
                        "name": "政务访谈经费(含市长访谈)",
                        "budget_unit": "某市政府办",
                        "year": 2022,
                    },
                    {"name": "会议费", "budget_unit": "某市政府办", "year": 2022},
                ]
            },
            note="full-width and ASCII brackets are the same name",
            expect=("C105",),
        ),
    )
    good = (
        Example(
            {
                "forms": [
                    {"name": "应急指挥中心经费", "budget_unit": "某市政府办"},
                    {"name": "政务访谈经费", "budget_unit": "某市政府办"},
                ]
            }
        ),
        Example(
            {
                "forms": [
                    {
                        "name": "应急指挥中心经费",
                        "budget_unit": "某市政府办",
                        "year": 2021,
                    },
                    {
                        "name": "应急指挥中心经费",
                        "budget_unit": "某市政府办",
                        "year": 2022,
                    },
                ]
            },
            note="the same continuing project in two budget years",
        ),
    )

    def summarize(self, form, ctx):
        key = bare(form.name)
        if not key:
            return None
        return (key, form.year, form.name, form.name_location or form.location)

    def check_unit(self, items, ctx):
        groups = defaultdict(list)
        for ref, summary in items:
            if summary is not None:
                groups[(summary[0], summary[1])].append((ref, summary))
        for entries in groups.values():
            if len(entries) < 2:
                continue
            refs = sorted((r for r, _ in entries), key=lambda r: (r.path, r.index))
            for ref, (_, _, name, loc) in entries:
                others = [r for r in refs if r is not ref]
                shown = [f"{r.path}#{r.index + 1}" for r in others[:MAX_LISTED]]
                if len(others) > MAX_LISTED:
                    shown.append(f"…（共 {len(others)} 张）")
                where = "、".join(shown)
                yield Finding(
                    "C105",
                    {"name": name, "count": len(entries), "others": where},
                    location=loc,
                    evidence={"项目名称": name, "同名表": where},
                    form=ref,
                )
