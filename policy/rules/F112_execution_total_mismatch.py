"""F112: in a self-evaluation's 项目资金 block, the totals row is the sum of the rows under it,
column by column (年初预算数, 全年预算数, 全年执行数)."""

from __future__ import annotations

from decimal import Decimal

from policy.api import (Category, Example, Finding, InsufficientData, Option, Rule, Severity, Source,
                        SourceKind, money_text)
from policy.authoring.examples import evaluation_form
from policy.authoring.funding import is_blank
from policy.authoring.scoring import (SELF_EVALUATION_ONLY, execution_parts, execution_total,
                                      require_self_evaluation, row_where)
from policy.options import non_negative_decimal

COLUMNS = (("initial", "年初预算数", "initial budget"), ("budget", "全年预算数", "full-year budget"),
           ("spent", "全年执行数", "amount spent"))


def _set(row: int, column: str, value: str):
    def change(form):
        form["execution"][row][column] = value
    return change


class ExecutionTotalMismatch(Rule):
    code = "F112"
    name = "execution-total-mismatch"
    category = Category.FUNDING
    severity = Severity.ERROR
    form_kinds = SELF_EVALUATION_ONLY
    summary = "A self-evaluation's 年度资金总额 row is not the sum of the rows under it"
    summary_zh = "自评表项目资金的年度资金总额行不等于其下各行之和"
    rationale = (
        "年度资金总额 is by definition 财政拨款 + 上年结转 + 其他资金, in each column. A totals row "
        "that does not add up means a figure was mistyped, and the execution rate and its score "
        "are then computed from a wrong number."
    )
    fix = "Correct the totals row or the rows under it so that each column adds up."
    source = Source(SourceKind.DERIVED, "derived: the form's own arithmetic, the 项目资金 block of the 绩效自评表 "
                    "(财预〔2020〕10号 附件 template), 年度资金总额 = the rows under it",
                    "The totals row is the sum of its parts in every column.")
    options = {
        "tolerance_yuan": Option(Decimal(0), "Allowed difference in 元 (rounding of 万元 figures).",
                                 non_negative_decimal),
    }
    bad = (
        Example(evaluation_form(_set(0, "spent", "46")), note="executed 46万元 ≠ 48 + 0",
                expect=("F112",)),
        Example(evaluation_form(_set(2, "budget", "5")), note="budget 50 ≠ 50 + 5", expect=("F112",)),
    )
    good = (
        Example(evaluation_form(), note="every column adds up"),
        Example(evaluation_form(_set(2, "spent", None)), note="a blank part is not read as 0 when the rest add up"),
    )

    def check(self, form, ctx):
        require_self_evaluation(form, "F")
        total, parts = execution_total(form), execution_parts(form)
        if total is None or not parts:
            raise InsufficientData("F.reason.no-execution-rows")
        checked = False
        for column, label, label_en in COLUMNS:
            whole = getattr(total, column)
            cells = [getattr(p, column) for p in parts]
            given = [c for c in cells if not is_blank(c)]
            if is_blank(whole) or whole.yuan is None or not given or any(c.yuan is None for c in given):
                continue
            checked = True
            parts_sum = sum((c.yuan for c in given), Decimal(0))
            diff = parts_sum - whole.yuan
            # a blank part may be an unprinted amount: only a sum already too large is certain
            if abs(diff) <= ctx.options["tolerance_yuan"] or (len(given) < len(cells) and diff < 0):
                continue
            yield Finding("F112", {"column": label, "column_en": label_en, "total": money_text(whole.yuan),
                                   "sum": money_text(parts_sum), "parts": len(given)},
                          location=row_where(total, form),
                          evidence={total.row: whole.text or "", "各行之和": money_text(parts_sum)})
        if not checked:
            raise InsufficientData("F.reason.no-execution-rows")
