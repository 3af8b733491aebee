"""Any self-evaluation mapping, however odd its cells, is checked without a rule crashing: every
self-evaluation rule ends in a finding or an outcome, never an error."""

from __future__ import annotations

from hypothesis import given, strategies as st

from checker.config import Config
from checker.engine import Engine
from policy.forms.canonical import form_from_mapping, form_to_mapping

ENGINE = Engine(Config(select=("F112", "R", "T", "C106")))

CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", "/", "——", "0", "10", "9.6", "96%", "0.96", "100.00%", "１０", "-5", "1e5",
                     "NaN", "Infinity", "10分", "≥95%", "已完成", "优", "部分达成", "2022年9月",
                     "1-12月", "≤1小时", "1.5小时", "300㎡", "12个", "≥**%", "0起", "99999999999999999999999"]),
    st.text(max_size=12),
    st.integers(min_value=-10**30, max_value=10**30),
    st.decimals(allow_nan=True, allow_infinity=True),
)
ROW = st.fixed_dictionaries({
    "level1": st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标", None]),
    "level2": st.sampled_from(["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", None]),
    "name": st.one_of(st.none(), st.sampled_from(["甲", "乙", "丙"])),
    "target": CELLS, "actual": CELLS, "weight": CELLS, "score": CELLS, "deviation": CELLS,
})
EXECUTION = st.fixed_dictionaries({
    "row": st.sampled_from(["年度资金总额", "其中：财政拨款", "其他资金", "合计", ""]),
    "initial": CELLS, "budget": CELLS, "spent": CELLS, "weight": CELLS, "rate": CELLS, "score": CELLS,
})
FORM = st.fixed_dictionaries({
    "kind": st.just("self_evaluation"),
    "name": st.sampled_from(["项目", "项目 "]),
    "budget_unit": st.just("单位"),
    "year": st.one_of(st.none(), st.integers(min_value=1990, max_value=2100)),
    "execution": st.lists(EXECUTION, max_size=4),
    "goals": st.fixed_dictionaries({"annual": CELLS, "annual_actual": CELLS}),
    "level1_weights": st.dictionaries(st.sampled_from(["产出指标", "效益指标", "x"]), CELLS, max_size=3),
    "total_score": CELLS,
    "indicators": st.lists(ROW, max_size=6),
})


@given(FORM, st.booleans())
def test_no_rule_crashes_on_any_self_evaluation(mapping, with_target):
    forms = [form_from_mapping(mapping, index=0)]
    if with_target:
        target = {k: v for k, v in mapping.items() if k in ("name", "budget_unit", "year")}
        target["indicators"] = [{**r, "value": r["target"], "target": None, "actual": None,
                                 "score": None, "deviation": None} for r in mapping["indicators"]]
        target["kind"] = "target"
        forms.append(form_from_mapping(target, index=1))
    report = ENGINE.check_forms(forms)
    assert not report.errors, report.errors
    form_to_mapping(forms[0])  # and dump never fails either
