"""Small rules defined for the engine tests (the real catalogue is tested elsewhere).

Their message templates are added to the catalogue by the ``toy_messages`` fixture.
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from policy.api import (
    Category,
    Example,
    Finding,
    InsufficientData,
    NotApplicable,
    Option,
    Rule,
    Severity,
    Source,
    SourceKind,
)

MESSAGES = {
    "zh": {
        "S901": "三级指标「{name}」没有指标值",
        "F901": "年度资金总额 {total} 超过上限 {cap}",
        "F901.reason": "年度资金总额为空",
        "V901.reason": "没有指标",
        "C901": "同一单位的表「{other}」用了不同的责任人",
        "W901": "项目名称含有「经费」",
    },
    "en": {
        "S901": "indicator \"{name}\" has no value",
        "F901": "annual total {total} exceeds the cap {cap}",
        "F901.reason": "the annual total is blank",
        "V901.reason": "no indicators",
        "C901": "form \"{other}\" of the same unit names another person",
        "W901": "the project name contains 经费",
    },
}

@contextmanager
def toy_catalogue():
    """Add the toy rules' templates to the message catalogue for the duration of a test."""
    from policy.messages import catalogue

    added = {}
    for lang, templates in MESSAGES.items():
        cat = catalogue(lang)
        added[lang] = [k for k in templates if k not in cat]
        cat.update({k: v for k, v in templates.items() if k in added[lang]})
    try:
        yield
    finally:
        for lang, keys in added.items():
            for k in keys:
                catalogue(lang).pop(k, None)


_EX = (Example({"name": "x"}),)


def _positive(value):
    value = Decimal(value)
    if value <= 0:
        raise ValueError("a positive amount in 元")
    return value


class MissingValue(Rule):
    code = "S901"
    name = "toy-missing-value"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "An indicator has a name but no value"
    rationale = "Every indicator needs a value."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (toy)")
    bad = good = _EX

    def check(self, form, ctx):
        if not form.indicators:
            raise NotApplicable("V901.reason")
        for ind in form.indicators:
            if ind.name and not ind.value_text:
                yield Finding("S901", {"name": ind.name}, indicator=ind)


class TotalCap(Rule):
    code = "F901"
    name = "toy-total-cap"
    category = Category.FUNDING
    severity = Severity.ERROR
    summary = "The annual total exceeds a configured cap"
    rationale = "Caps are configuration."
    source = Source(SourceKind.DERIVED, "derived: toy arithmetic", "arithmetic")
    options = {"cap_yuan": Option(Decimal(1000000), "the cap in 元", validate=_positive)}
    bad = good = _EX

    def check(self, form, ctx):
        total = form.funding.total
        if total is None or total.yuan is None:
            raise InsufficientData("F901.reason")
        if total.yuan > ctx.options["cap_yuan"]:
            yield Finding("F901", {"total": total.yuan, "cap": ctx.options["cap_yuan"]},
                          location=total.location, evidence={"年度资金总额": total.text})


class Advisory(Rule):
    code = "W901"
    name = "toy-advisory"
    category = Category.WORDING
    severity = Severity.ERROR  # deliberately too strong: the profile must cap it
    summary = "Practice-only advice"
    rationale = "Advice."
    source = Source(SourceKind.PRACTICE, "filing guide", "advice")
    bad = good = _EX

    def check(self, form, ctx):
        if form.name and "经费" in form.name:
            yield Finding("W901", {}, location=form.name_location)


class Crashes(Rule):
    code = "V902"
    name = "toy-crashes"
    category = Category.VALUE
    severity = Severity.WARNING
    summary = "A buggy rule"
    rationale = "Bugs must be visible."
    source = Source(SourceKind.DERIVED, "none", "test")
    bad = good = _EX

    def check(self, form, ctx):
        if form.name == "boom":
            raise ZeroDivisionError("division by zero")
        return iter(())


class SamePerson(Rule):
    code = "C901"
    name = "toy-same-person"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    summary = "Forms of one unit name one person"
    rationale = "Consistency."
    source = Source(SourceKind.DERIVED, "derived: toy consistency", "consistency")
    scope = "unit"
    bad = good = _EX

    def summarize(self, form, ctx):
        if not form.implementer:
            raise InsufficientData("F901.reason")
        return form.implementer

    def check_unit(self, items, ctx):
        if len(items) < 2:
            raise NotApplicable("V901.reason")
        people = sorted({s for _, s in items})
        if len(people) < 2:
            return
        majority = max(people, key=lambda p: (sum(1 for _, s in items if s == p), p))
        for ref, person in items:
            if person != majority:
                other = next(r for r, s in items if s == majority)
                yield Finding("C901", {"other": other.name}, location=ref.location, form=ref)


ALL = (MissingValue, TotalCap, Advisory, Crashes, SamePerson)
