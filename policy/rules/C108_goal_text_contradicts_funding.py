"""C108: a figure about the funds in the goal text (执行资金48.2万元, 执行率96.4%, 预算资金50万元)
that the 项目资金 rows of the same self-evaluation contradict."""

from __future__ import annotations

from decimal import Decimal

from grammar.numbers import format_decimal
from policy.api import (Category, Example, Finding, InsufficientData, NotApplicable, Option, Rule,
                        Severity, Source, SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.fund_mentions import (BUDGET, DEFAULT_BUDGET_WORDS, DEFAULT_RATE_WORDS,
                                            DEFAULT_SPENT_WORDS, RATE, SPENT, fund_mentions)
from policy.authoring.scoring import SELF_EVALUATION_ONLY, rate_points, require_self_evaluation
from policy.options import non_negative_decimal, word_list

_COLUMNS = {SPENT: "全年执行数", BUDGET: "全年预算数", RATE: "执行率"}


def _actual(text):
    def change(form):
        form["goals"]["annual_actual"] = text
    return change


def _planned(text):
    def change(form):
        form["goals"]["annual"] = text
    return change


def _money_values(row, kind):
    """(yuan, as the form shows it) of a row's cells of this kind: 全年执行数, or 全年预算数 and
    年初预算数 (a text may quote either budget)."""
    amounts = (row.spent,) if kind == SPENT else (row.budget, row.initial)
    return [(a.yuan, a) for a in amounts if a is not None and a.yuan is not None]


def _rates(row):
    """(percentage points, half a unit) of a row's rate: 全年执行数 ÷ 全年预算数 exactly when both
    are given, else its printed 执行率 (whether the two agree is R101's question)."""
    if row.spent is not None and row.spent.yuan is not None and row.budget is not None \
            and row.budget.yuan is not None and row.budget.yuan > 0:
        return [(row.spent.yuan / row.budget.yuan * 100, Decimal(0))]
    if row.rate is not None and row.rate.number is not None:
        return [rate_points(row.rate)]
    return []


class GoalTextContradictsFunding(Rule):
    code = "C108"
    name = "goal-text-contradicts-funding"
    category = Category.CONSISTENCY
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A figure about the funds in the goal text disagrees with the 项目资金 rows"
    summary_zh = "总体目标文字中的资金数字与项目资金栏不一致"
    rationale = (
        "实际完成情况 often restates the money spent or the execution rate (执行资金48.2万元，"
        "执行率96.4%), and 预期目标 the budget. The same form prints these figures in its 项目资金 "
        "rows; when the text says otherwise, one of them is wrong and the reader cannot tell which "
        "figure the score rests on. A figure agrees when it matches any row's value to the digits "
        "the text writes."
    )
    fix = "Make the figures in the goal text and the 项目资金 rows agree (correct whichever is wrong)."
    source = Source(SourceKind.DERIVED, "derived: the form's own arithmetic (实际完成情况 and 预期目标 "
                    "against the 项目资金 rows of the same 绩效自评表)",
                    "Text and rows state the same year's funds; the text's own rounding is allowed.")
    options = {
        "spent_words": Option(DEFAULT_SPENT_WORDS, "Words before an amount spent (执行资金, 支出 …).", word_list),
        "budget_words": Option(DEFAULT_BUDGET_WORDS, "Words before a budget amount (预算资金, 下达资金 …).",
                               word_list),
        "rate_words": Option(DEFAULT_RATE_WORDS, "Words before an execution rate (执行率 …).", word_list),
        "tolerance_share": Option(Decimal(0), "Allowed difference of an amount, as a share of the row's "
                                  "amount, beyond the rounding of the digits the text writes.",
                                  non_negative_decimal),
        "tolerance_points": Option(Decimal(0), "Allowed difference of a rate in percentage points beyond "
                                   "the rounding of the digits the text writes.", non_negative_decimal),
    }
    bad = (
        Example(evaluation_form(_actual("全年养护农村道路126公里，执行资金45万元。")),
                note="the text says 45万元 spent, the rows 48万元", expect=("C108",)),
        Example(evaluation_form(_actual("全年养护农村道路126公里，资金执行率98%。")),
                note="the text says 98%, the rows 96%", expect=("C108",)),
        Example(evaluation_form(_planned("预算资金60万元，完成农村道路养护120公里。")),
                note="预期目标 budgets 60万元, the rows 50万元", expect=("C108",)),
    )
    good = (
        Example(evaluation_form(_actual("全年养护农村道路126公里，执行资金48万元，执行率96%。")),
                note="48万元 and 96% as in the rows"),
        Example(evaluation_form(_actual("全年养护农村道路126公里，执行资金48.0万元。")),
                note="more digits, same amount"),
        Example(evaluation_form(), note="the text states no fund figure",
                outcome="insufficient_data"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "C")
        goals = form.goals
        if not goals.annual_actual and not goals.annual:
            raise NotApplicable("C.reason.no-goal-text")
        opts = ctx.options
        words = (tuple(opts["spent_words"]), tuple(opts["budget_words"]), tuple(opts["rate_words"]))
        texts = ((goals.annual_actual, goals.annual_actual_location, (SPENT, BUDGET, RATE)),
                 (goals.annual, goals.annual_location, (BUDGET,)))
        compared = 0
        for text, location, kinds in texts:
            for mention in fund_mentions(text, *words):
                if mention.kind not in kinds:
                    continue
                shown = self._disagrees(mention, form.execution, opts)
                if shown is None:
                    continue
                compared += 1
                if shown is True:
                    continue
                row, printed = shown
                column = _COLUMNS[mention.kind]
                yield Finding("C108", {"said": mention.fragment, "row": row.row, "column": column,
                                       "printed": printed},
                              location=location or form.location,
                              evidence={"文字": mention.fragment, f"{row.row} {column}": printed})
        if not compared:
            raise InsufficientData("C.reason.no-fund-figures")

    @staticmethod
    def _disagrees(mention, rows, opts):
        """None when no row states this kind of figure; True when one agrees; else (the row to
        cite — the totals row when it states one —, its figure as shown)."""
        cited = None
        for row in rows:
            if mention.kind == RATE:
                for points, half in _rates(row):
                    if abs(points - mention.value) <= mention.half + half + opts["tolerance_points"]:
                        return True
                    cited = cited or (row, row.rate.text if row.rate is not None and row.rate.text
                                      else f"{format_decimal(points.quantize(Decimal('0.01')))}%")
            else:
                for yuan, amount in _money_values(row, mention.kind):
                    allowed = mention.half + abs(yuan) * opts["tolerance_share"]
                    if abs(yuan - mention.value) <= allowed:
                        return True
                    cited = cited or (row, f"{format_decimal(yuan / 10000)}万元")
        return cited
