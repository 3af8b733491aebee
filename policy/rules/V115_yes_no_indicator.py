"""V115: a yes/no indicator: a value of 是/否, or a question-shaped name (是否…, …与否) with no
measure."""

from __future__ import annotations

from policy.api import Category, Example, Finding, Option, Rule, Severity, Source, SourceKind
from policy.authoring.examples import form, row
from policy.authoring.qualitative import (
    QUESTION_PREFIXES,
    QUESTION_SUFFIXES,
    YES_NO_ANSWERS,
    folded_is_question,
    folded_yes_no,
)
from policy.authoring.rows import require_rows, where
from policy.authoring.values import all_measures
from policy.options import word_list


class YesNoIndicator(Rule):
    code = "V115"
    name = "yes-no-indicator"
    category = Category.VALUE
    severity = Severity.INFO
    summary = "A yes/no indicator (是否…, …与否, answered 是/否) instead of a measured or graded target"
    summary_zh = "是非型指标（“是否……”“……与否”，以“是/否”作答），未量化也未分级"
    rationale = (
        "Targets are to be stated quantitatively as far as possible; only what cannot be "
        "quantified is stated as graded levels. '是否按时完成 是', '安全事故 否' or '规章制度建立与否' "
        "records a yes/no answer: it cannot show how far a target was met, and it almost always "
        "hides a countable measure (按时完成率, 安全事故发生数). The document says 'as far as "
        "possible', so this is advice, not an error. A question-shaped name whose value is a "
        "number (是否按时完成 100%) is measured and not reported."
    )
    fix = ("Turn the question into a measure: 是否按时完成 是 → 按时完成率 100%; 是否发生安全事故 否 → "
           "安全事故发生数 = 0起.")
    source = Source(SourceKind.OFFICIAL_SECONDARY, "财政支出绩效评价管理暂行办法 第十四条（二）")
    options = {
        "answers": Option(YES_NO_ANSWERS, "values read as a yes/no answer", validate=word_list),
        "question_prefixes": Option(QUESTION_PREFIXES,
                                    "name beginnings that ask a yes/no question (有/无 count only after one)",
                                    validate=word_list),
        "question_suffixes": Option(QUESTION_SUFFIXES, "name endings that ask a yes/no question (…与否)",
                                    validate=word_list),
    }
    bad = (
        Example(form(row("产出指标", "时效指标", "是否按时完成培训", "是")), note="a 是否 question answered 是",
                expect=("V115",)),
        Example(form(row("效益指标", "社会效益", "有无安全责任事故", "无")), note="有无 answered 无",
                expect=("V115",)),
        Example(form(row("产出指标", "质量指标", "培训档案建立", "是/否")), note="the answer left open",
                expect=("V115",)),
        Example(form(row("产出指标", "质量指标", "规章制度建立与否", None)),
                note="regression (宁晋 2019): a …与否 question as an indicator", expect=("V115.question",)),
    )
    good = (
        Example(form(), note="rates and counts"),
        Example(form(row("产出指标", "时效指标", "是否按时完成培训", "100%")),
                note="a 是否 name with a rate is measured (the name is clumsy, the value is not)"),
        Example(form(row("效益指标", "可持续影响", "长效管护机制", "有")),
                note="有 without a question-shaped name is a grade of presence"),
    )

    def check(self, form, ctx):
        f = require_rows(form, "V")
        answers = tuple(ctx.options["answers"])
        prefixes = tuple(ctx.options["question_prefixes"])
        suffixes = tuple(ctx.options["question_suffixes"])
        for r in f.rows:
            if not r.filled or r.damage is not None:
                continue
            if r.kind == "text" and folded_yes_no(r.name, r.text, answers, prefixes):
                message_id = "V115"
            elif (r.has_name and folded_is_question(r.name, prefixes, suffixes)
                  and (not r.has_value or r.kind == "text" and not all_measures(r.value))):
                message_id = "V115.question"
            else:
                continue
            ind = r.ind
            name = (ind.name or "").strip() or "—"
            value = (ind.value_text or "").strip() or "—"
            yield Finding(message_id, {"name": name, "value": value}, location=where(ind, form), indicator=ind,
                          evidence={"三级指标": name, "指标值": value})
