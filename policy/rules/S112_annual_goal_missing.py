"""S112: the 年度目标 (annual overall goal) is empty or a placeholder."""

from __future__ import annotations

from policy.api import Category, Example, Finding, InsufficientData, NotApplicable, Rule, Severity, Source, SourceKind
from grammar.folding import fold, is_placeholder
from policy.authoring.examples import form


class AnnualGoalMissing(Rule):
    code = "S112"
    name = "annual-goal-missing"
    category = Category.STRUCTURE
    severity = Severity.ERROR
    summary = "The 年度目标 (annual overall goal) is empty"
    summary_zh = "年度目标未填写"
    rationale = (
        "The annual goal states what the year's money buys; the indicators are its breakdown. "
        "Every form template has the field and annual and long-term goals are to be filled "
        "separately; without it the indicators have nothing to be checked against."
    )
    fix = "Describe what the project will deliver within the budget year, with its main quantities."
    source = Source(SourceKind.SYSTEM, "预算管理一体化系统 (年度目标 required when a form is saved); 财政支出绩效评价管理暂行办法 第十二条 (as reprinted)")
    bad = (
        Example(form(goals={"annual": None, "long_term": "三年内培训干部900人次"}), note="empty", expect=("S112",)),
        Example(form(goals={"annual": "—"}), note="a dash only", expect=("S112",)),
    )
    good = (
        Example(form(), note="filled"),
        Example(form(goals={"annual": "全年培训280人次"}), note="short but real"),
        Example(form(goals={"annual": None}, not_on_form=["年度目标"]),
                note="regression (宁晋 2019 评价指标表): the template has no goal field",
                outcome="not_applicable",
            ),
    )

    def check(self, form, ctx):
        if "年度目标" in form.not_on_form:
            raise NotApplicable("S.reason.not-on-form", row="年度目标")
        goals = form.goals
        text = goals.annual
        if not fold(text) and goals.annual_location is None and not fold(goals.long_term):
            # The loader found no 总体目标 block at all: nothing says the field was left empty.
            raise InsufficientData("S.reason.no-goals-block")
        if not fold(text) or is_placeholder(fold(text), ("无",)):
            yield Finding("S112", {"text": (text or "").strip() or "—"},
                          location=goals.annual_location or form.location,
                          evidence={"年度目标": (text or "").strip() or "（空）"})
