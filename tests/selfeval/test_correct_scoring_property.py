"""No finding on a correctly scored self-evaluation: forms whose funding rows add up, whose rate
is 执行数 ÷ 预算数, whose scores follow the practice formulas and whose lost points are explained
get no finding from any self-evaluation rule — whatever the numbers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, strategies as st

from checker.config import Config
from checker.engine import Engine
from policy.forms.canonical import form_from_mapping

ENGINE = Engine(Config(select=("F112", "R", "T")))
UNITS = ("%", "公里", "人次", "万元", "天")
TWO = Decimal("0.01")


def _round(d: Decimal) -> Decimal:
    return d.quantize(TWO, rounding=ROUND_HALF_UP)


@st.composite
def scored_forms(draw):
    budget = Decimal(draw(st.integers(min_value=1, max_value=10**6))) / 100
    spent = _round(budget * Decimal(draw(st.integers(min_value=0, max_value=100))) / 100)
    fiscal = _round(budget * Decimal(draw(st.integers(min_value=0, max_value=100))) / 100)
    rate = _round(spent / budget * 100)
    cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=89), min_size=0, max_size=5,
                                unique=True)))
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 90])]
    rows, scores = [], []
    for i, weight in enumerate(weights):
        target = draw(st.integers(min_value=1, max_value=10**4))
        actual = draw(st.integers(min_value=0, max_value=target * 129 // 100))  # below T105's 130%
        unit = draw(st.sampled_from(UNITS))
        met = actual >= target
        score = Decimal(weight) if met else _round(Decimal(actual) / Decimal(target) * weight)
        scores.append(score)
        rows.append({"level1": "产出指标", "level2": "数量指标", "name": f"指标{i}",
                     "target": f"≥{target}{unit}", "actual": f"{actual}{unit}", "weight": str(weight),
                     "score": str(score), "deviation": None if met else "受汛期影响，下年度提前安排。"})
    execution_score = _round(rate * 10 / 100)
    return {
        "kind": "self_evaluation", "name": "项目", "year": 2022, "amount_unit": "万元",
        "execution": [
            {"row": "年度资金总额", "budget": str(budget), "spent": str(spent), "weight": "10",
             "rate": f"{rate}%", "score": str(execution_score)},
            {"row": "其中：财政拨款", "budget": str(fiscal), "spent": str(min(fiscal, spent))},
            {"row": "其他资金", "budget": str(budget - fiscal), "spent": str(spent - min(fiscal, spent))},
        ],
        "goals": {"annual": "完成年度建设任务。", "annual_actual": "全年完成建设任务，资金按进度拨付。"},
        "total_score": str(sum(scores, Decimal(0)) + execution_score),
        "indicators": rows,
    }


@given(scored_forms())
def test_a_correctly_scored_form_has_no_finding(mapping):
    report = ENGINE.check_forms([form_from_mapping(mapping)])
    assert not report.errors
    assert [(d.code, d.args) for d in report.diagnostics] == []
