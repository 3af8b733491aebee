"""R101: the printed 执行率 is 全年执行数 ÷ 全年预算数, to the digits it shows."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind)
from policy.authoring.examples import evaluation_form
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, rate_points, require_self_evaluation,
                                      row_where)
from policy.options import non_negative_decimal
from policy.forms.figures import rounded_text


def _rate(text: str, row: int = 0):
    def change(form):
        form["execution"][row]["rate"] = text
    return change


class ExecutionRateMismatch(Rule):
    code = "R101"
    name = "execution-rate-mismatch"
    category = Category.SCORING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "The printed 执行率 is not 全年执行数 ÷ 全年预算数"
    summary_zh = "执行率不等于全年执行数除以全年预算数"
    rationale = (
        "执行率 is defined on the form itself as 全年执行数 ÷ 全年预算数 (B/A). A rate that does not "
        "follow from the two columns beside it misstates how much of the budget was spent, and "
        "the execution score is computed from it."
    )
    fix = "Recompute 执行率 from the 全年执行数 and 全年预算数 columns (or correct those amounts)."
    source = Source(SourceKind.DERIVED, "derived: the 项目资金 block of the 绩效自评表 (财预〔2020〕10号 附件 template): "
                    "执行率 = 全年执行数 ÷ 全年预算数, printed as “执行率(B/A)” or spelled out on 4 of the 7 "
                    "public self-evaluation forms (休宁 2023, 萧县 2023, 衡山 2020, 青神 2023)",
                    "The column header defines the rate.")
    options = {
        "tolerance_points": Option(Decimal(0), "Allowed difference in percentage points beyond the "
                                   "rounding of the printed digits.", non_negative_decimal),
    }
    bad = (
        Example(evaluation_form(_rate("98%")), note="48 ÷ 50 = 96%, printed 98%", expect=("R101",)),
        Example(evaluation_form(_rate("0.9")), note="a fraction 0.9 for 96%", expect=("R101",)),
    )
    good = (
        Example(evaluation_form(), note="96% as printed"),
        Example(evaluation_form(_rate("96.00%")), note="more digits, same rate"),
        Example(evaluation_form(_rate("0.96")), note="written as a fraction"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "R")
        checked = False
        for row in form.execution:
            rate, budget, spent = row.rate, row.budget, row.spent
            if rate is None or rate.number is None:
                continue
            if budget is None or budget.yuan is None or spent is None or spent.yuan is None or budget.yuan <= 0:
                continue
            checked = True
            exact = spent.yuan / budget.yuan * 100
            printed, half = rate_points(rate)
            if abs(printed - exact) <= half + ctx.options["tolerance_points"]:
                continue
            shown = rounded_text(exact)
            yield Finding("R101", {"row": row.row, "rate": rate.text, "expected": f"{shown}%",
                                   "spent": spent.text or "", "budget": budget.text or ""},
                          location=row_where(row, form),
                          evidence={"执行率": rate.text or "", "全年执行数": spent.text or "",
                                    "全年预算数": budget.text or "", "执行数÷预算数": f"{shown}%"})
        if not checked:
            raise InsufficientData("R.reason.no-rate")
