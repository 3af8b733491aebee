"""Turn a generated 绩效目标表 into its year-end 绩效自评表: funds executed, 执行率 and its score,
实际完成情况, and for each indicator an actual, a score by the practice formulas (full weight when
met, in proportion when missed, with a 偏差原因) — arithmetic that holds, unless a self-evaluation
defect is injected on purpose (recorded in ``GenForm.defects`` like the target-form defects).
"""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bench.corpusgen import vocab
from bench.corpusgen.spec import GenActual, GenEvaluation, GenForm
from bench.corpusgen.values import amount_text

CENT = Decimal("0.01")
INDICATOR_POINTS = 90  # 预算执行率 takes the other 10
EXECUTION_WEIGHT = 10
REASONS = ("受汛期影响，部分工作延期，下年度提前安排。", "项目招标流标一次，实施推迟，已调整计划。",
           "市场价格上涨，实际数量减少，下年度优化测算。")
QUALITATIVE_ACTUAL = "达成年度指标"


def _round(d: Decimal) -> Decimal:
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def _weights(rng: random.Random, count: int) -> list[int]:
    base, extra = divmod(INDICATOR_POINTS, count)
    weights = [base + (1 if i < extra else 0) for i in range(count)]
    for _ in range(count // 2):
        i, j = rng.randrange(count), rng.randrange(count)
        step = min(rng.randint(0, 3), weights[i] - 1)
        weights[i] -= step
        weights[j] += step
    return weights


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number > 0 else None


def _qualitative_actual(target: str, year: int) -> str:
    """The actual a careful filer writes for a target in words: the grade reached for a grade,
    the figure for a bound ("≥40" → "40"), a completion month for a deadline, the time taken for
    "24小时内", else the text achieved."""
    if target in vocab.GRADES:
        return QUALITATIVE_ACTUAL
    if target[:1] in "≥≤＞＜><":  # a bound a defect left without its unit ("≥40"): the figure reached
        return target[1:].lstrip("=")
    if target.endswith("前"):
        month = re.search(r"(\d+)月", target)
        return f"{year}年{month.group(1) if month else 12}月完成"
    if target.endswith("内"):
        return target[:-1]
    return target


def _actual(rng: random.Random, ind, weight: int, year: int) -> GenActual:
    value = ind.value
    if value is None:
        return GenActual(None, Decimal(weight))
    op, number_text, unit = value.split
    target = _number(number_text) if op in ("≥", "≤", "＝", "＞", "＜") else None
    if target is None:  # qualitative: what was done, full marks
        return GenActual(_qualitative_actual(value.text, year), Decimal(weight))
    lower_is_better = op in ("≤", "＜")
    if rng.random() < 0.85 or op == "＝" or unit == "%" and target >= 100 and not lower_is_better:
        return GenActual(f"{amount_text(target)}{unit}", Decimal(weight))
    if lower_is_better:
        actual = _round(target * Decimal(rng.randint(105, 120)) / 100)
        score = _round(target / actual * weight)
    else:
        actual = _round(target * Decimal(rng.randint(80, 99)) / 100)
        score = _round(actual / target * weight)
    return GenActual(f"{amount_text(actual.normalize())}{unit}", score, rng.choice(REASONS))


def evaluate(rng: random.Random, form: GenForm) -> None:
    """Make ``form`` a self-evaluation whose figures all hold."""
    budget = form.total
    spent = _round(budget * Decimal(rng.randint(85, 100)) / 100)
    rate = _round(spent / budget * 100)
    execution_score = _round(rate * EXECUTION_WEIGHT / 100)
    weights = _weights(rng, len(form.indicators)) if form.indicators else []
    actuals = [_actual(rng, ind, w, form.year) for ind, w in zip(form.indicators, weights)]
    for ind, weight in zip(form.indicators, weights):
        ind.weight = weight
    goal = form.annual_goal.rstrip("。")
    form.title = form.title.replace("部门预算项目支出绩效目标批复表", "项目支出绩效自评表")
    form.evaluation = GenEvaluation(
        budget=budget, spent=spent, rate=f"{rate}%", execution_score=execution_score,
        actual_goal=f"{goal}，已按计划完成；全年执行资金{amount_text(spent.normalize())}万元，执行率{rate}%。",
        weights=weights, actuals=actuals,
        total_score=sum((a.score for a in actuals), Decimal(0)) + execution_score,
    )


def _score_over_weight(rng, form):
    e = form.evaluation
    if not e.actuals:
        return False
    i = rng.randrange(len(e.actuals))
    e.actuals[i].score = Decimal(e.weights[i] + rng.randint(1, 5))
    e.total_score = sum((a.score for a in e.actuals), Decimal(0)) + e.execution_score
    return True


def _rate_mismatch(rng, form):
    e = form.evaluation
    rate = Decimal(e.rate.rstrip("%")) - rng.randint(3, 9)
    e.rate = f"{rate}%"
    return True


def _total_mismatch(rng, form):
    form.evaluation.total_score += rng.randint(2, 8)
    return True


def _missing_reason(rng, form):
    missed = [a for a in form.evaluation.actuals if a.deviation]
    if not missed:
        return False
    rng.choice(missed).deviation = None
    return True


def _goal_text_funding(rng, form):
    e = form.evaluation
    said = amount_text((e.spent + rng.randint(2, 9)).normalize())
    e.actual_goal = e.actual_goal.replace(f"执行资金{amount_text(e.spent.normalize())}万元", f"执行资金{said}万元")
    return True


# Self-evaluation defects and the rule each should trigger (R103, R101/R102, R105, R107/T104, C108).
SELF_DEFECTS = {
    "selfeval-score-over-weight": _score_over_weight,
    "selfeval-rate-mismatch": _rate_mismatch,
    "selfeval-total-mismatch": _total_mismatch,
    "selfeval-missing-reason": _missing_reason,
    "selfeval-goal-text-funding": _goal_text_funding,
}


def inject_self_defect(rng: random.Random, form: GenForm) -> None:
    """One self-evaluation defect that fits the form, recorded in ``form.defects``."""
    names = list(SELF_DEFECTS)
    rng.shuffle(names)
    for name in names:
        if SELF_DEFECTS[name](rng, form):
            form.defects.append(name)
            return


def fund_rows(form: GenForm) -> list[tuple[str, Decimal, Decimal]]:
    """(label, 全年预算数, 全年执行数) in 万元 of the 项目资金 rows an evaluated form prints: the
    total, then 财政拨款 and 其他资金 sharing the spending as they share the budget."""
    e = form.evaluation
    fiscal_share = form.fiscal / form.total if form.total else Decimal(1)
    fiscal_spent = _round(e.spent * fiscal_share)
    return [("年度资金总额", e.budget, e.spent), ("其中：财政拨款", form.fiscal, fiscal_spent),
            ("其他资金", form.other or Decimal(0), e.spent - fiscal_spent)]


def to_mapping(form: GenForm) -> dict:
    """The canonical self-evaluation mapping (docs/canonical-format.md) of an evaluated form."""
    e = form.evaluation
    execution = [{"row": row, "initial": amount_text(budget), "budget": amount_text(budget),
                  "spent": amount_text(spent.normalize())} for row, budget, spent in fund_rows(form)]
    execution[0].update(weight=str(EXECUTION_WEIGHT), rate=e.rate, score=str(e.execution_score))
    return {
        "kind": "self_evaluation",
        "title": form.title,
        "year": form.year,
        "name": form.name,
        "budget_unit": form.budget_unit,
        "implementer": form.implementer,
        "amount_unit": "万元",
        "execution": execution,
        "goals": {"annual": form.annual_goal, "annual_actual": e.actual_goal},
        "total_score": str(e.total_score),
        "indicators": [
            {"level1": ind.level1, "level2": ind.level2, "name": ind.name,
             "target": ind.value.text if ind.value is not None else None,
             "actual": a.text, "weight": str(w), "score": str(a.score), "deviation": a.deviation}
            for ind, w, a in zip(form.indicators, e.weights, e.actuals)
        ],
    }
