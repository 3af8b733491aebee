"""R102: the execution-rate score is 执行率 × 分值 (practice), capped at the weight by default."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, close_to, require_self_evaluation,
                                      row_where)
from policy.options import boolean, non_negative_decimal
from policy.forms.figures import rounded_text


def _score(text: str):
    def change(form):
        form["execution"][0]["score"] = text
    return change


def _full_for_80(form):
    form["execution"][0].update(spent="40", rate="80%", score="10")
    form["execution"][1].update(spent="40")


def _overspent(form):
    form["execution"][0].update(spent="55", rate="110%", score="10")
    form["execution"][1].update(spent="55")


class ExecutionScoreMismatch(Rule):
    code = "R102"
    name = "execution-score-mismatch"
    category = Category.SCORING
    severity = Severity.WARNING
    form_kinds = SELF_EVALUATION_ONLY
    summary = "The execution score is not 执行率 × 分值"
    summary_zh = "预算执行得分不等于执行率乘以分值"
    rationale = (
        "In the scoring practice the 预算执行率 line scores 执行率 × 分值 (usually 10 points). A "
        "score that does not follow from the printed rate inflates or deflates the total."
    )
    fix = "Score the execution line as 执行率 × 分值 (at most the 分值)."
    source = Source(SourceKind.PRACTICE, "practice: seen in 2 of 7 published self-evaluation forms (萧县 2023 scores the 预算执行率 line 100% × 10 = 10; 青神 2023 prints its 10-point weight)",
                    "Whether the score is capped at the weight is not documented: configurable.")
    options = {
        "cap_at_weight": Option(True, "Score a rate above 100% as the full 分值.", boolean),
        "tolerance": Option(Decimal(0), "Allowed difference in points beyond the rounding of the "
                            "printed score.", non_negative_decimal),
    }
    bad = (
        Example(evaluation_form(_full_for_80), note="80% × 10 = 8, scored the full 10",
                expect=("R102",)),
        Example(evaluation_form(_score("8")), note="96% × 10 = 9.6, scored 8", expect=("R102",)),
    )
    good = (
        Example(evaluation_form(), note="96% × 10 = 9.6"),
        Example(evaluation_form(_score("9.60")), note="same score, more digits"),
        Example(evaluation_form(_score("10")), note="9.6 printed as a whole number rounds to 10"),
        Example(evaluation_form(_overspent), note="110% capped at the 10-point weight"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for row in form.execution:
            weight, score = row.weight, row.score
            if weight is None or weight.number is None or score is None or score.number is None:
                continue
            rates = []
            if row.rate is not None and row.rate.fraction is not None:
                rates.append(row.rate.fraction)
            if row.budget is not None and row.budget.yuan and row.spent is not None and row.spent.yuan is not None:
                rates.append(row.spent.yuan / row.budget.yuan)
            if not rates:
                continue
            checked = True
            if ctx.options["cap_at_weight"]:
                rates = [min(r, Decimal(1)) for r in rates]
            expected = [r * weight.number for r in rates]
            if any(close_to(score, e, ctx.options["tolerance"]) for e in expected):
                continue
            shown = rounded_text(expected[0])
            yield Finding("R102", {"row": row.row, "score": score.text, "weight": weight.text,
                                   "rate": row.rate.text if row.rate is not None else "",
                                   "expected": shown},
                          location=row_where(row, form),
                          evidence={"得分": score.text or "", "分值": weight.text or "",
                                    "执行率×分值": shown})
        if not checked:
            raise InsufficientData("R.reason.no-execution-score")
