"""T108: 实际完成情况 is filled in — not blank, not the template's prompt left in the cell."""

from __future__ import annotations

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.scoring import SELF_EVALUATION_ONLY, require_self_evaluation
from policy.authoring.wording import first_match, regex_list

# Prompts 自评 templates print in the 实际完成情况 cell ("对照年度目标，说明相关任务目标的完成情况（100字以内）").
DEFAULT_PROMPTS = (r"\d+\s*字以内", r"^对照年度目标[，,]?说明", r"^请(?:填写|说明)", r"填写说明")


def _actual(text):
    def change(form):
        form["goals"]["annual_actual"] = text
    return change


class AnnualActualMissing(Rule):
    code = "T108"
    name = "annual-actual-missing"
    category = Category.ATTAINMENT
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "实际完成情况 is blank or still the template's prompt"
    summary_zh = "全年实际完成情况未填写或仍为模板提示语"
    rationale = (
        "The self-evaluation reports against the 年度总体目标 what the year achieved; a blank cell, "
        "or the template's instruction left in it, reports nothing."
    )
    fix = "Describe what was achieved against the annual goal."
    source = Source(SourceKind.DERIVED, "derived: the form's own structure: 预期目标 beside 实际完成情况 "
                    "(财预〔2020〕10号 附件 template); the prompt left in the cell on 1 of the 7 public "
                    "self-evaluation forms (青神 2023)", "Prompts are matched by configurable patterns.")
    options = {"prompts": Option(DEFAULT_PROMPTS, "Regular expressions of template prompts.", regex_list)}
    bad = (
        Example(evaluation_form(_actual(None)), note="blank", expect=("T108.blank",)),
        Example(evaluation_form(_actual("对照年度目标，说明相关任务目标的完成情况（100字以内）")),
                note="the template's prompt", expect=("T108.prompt",)),
    )
    good = (Example(evaluation_form(), note="what was done"),)

    def check(self, form, ctx):
        require_self_evaluation(form, "T")
        goals = form.goals
        if not goals.annual:
            raise InsufficientData("T.reason.no-annual-goal")
        where = goals.annual_actual_location or form.location
        if not goals.annual_actual:
            yield Finding("T108.blank", {}, location=where, evidence={"预期目标": goals.annual})
            return
        prompt = first_match(goals.annual_actual, ctx.options["prompts"])
        if prompt is not None:
            yield Finding("T108.prompt", {"text": goals.annual_actual}, location=where,
                          evidence={"实际完成情况": goals.annual_actual})
