"""Self-evaluation forms in the canonical format: the issue's shape is read into the model,
dumped with every self-evaluation key, and loads back to the same form; target forms keep their
mapping exactly as before."""

from __future__ import annotations

from decimal import Decimal

import yaml

from checker.commands.dump import render
from checker.loaders import load_bytes
from policy.forms.canonical import form_from_mapping, form_to_mapping
from policy.forms.model import SELF_EVALUATION, TARGET

ISSUE_SHAPE = """
kind: self_evaluation
year: 2022
name: 农村道路养护项目
budget_unit: 某县交通运输局
implementer: 某县公路事务中心
amount_unit: 万元
execution:
  - {row: 年度资金总额, initial: "50", budget: "50", spent: "48.2", weight: "10", rate: "96.4%", score: "9.64"}
  - {row: 财政拨款, initial: "50", budget: "50", spent: "48.2"}
goals: {annual: "完成农村道路养护120公里。", annual_actual: "完成养护126公里。"}
level1_weights: {产出指标: "50", 效益指标: "30", 满意度指标: "10"}
total_score: "100"
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 养护里程, target: "≥120公里", actual: "126公里", weight: "8", score: "8", deviation: null}
  - {level1: 产出指标, level2: 时效指标, name: 响应时间, target: "≤1小时", actual: "1.5小时", weight: "8分", score: "6", deviation: 人手不足}
"""


def _load(text: str):
    doc = load_bytes(text.encode("utf-8"), "form.yaml")
    assert doc.error is None and not doc.issues, (doc.error, doc.issues)
    (form,) = doc.forms
    return form


def test_issue_shape_is_read_into_the_model():
    form = _load(ISSUE_SHAPE)
    assert form.kind == SELF_EVALUATION
    total, fiscal = form.execution
    assert total.row == "年度资金总额" and total.spent.yuan == Decimal(482000)
    assert total.rate.number == Decimal("96.4") and total.rate.percent
    assert total.score.number == Decimal("9.64") and fiscal.score is None
    assert total.location.line == 9  # the row's own line in the file
    assert form.goals.annual_actual == "完成养护126公里。"
    assert form.level1_weights["产出指标"].number == Decimal(50)
    assert form.total_score.number == Decimal(100)
    first, second = form.indicators
    assert first.value_text == "≥120公里" and first.evaluation.actual_text == "126公里"
    assert first.evaluation.actual.number == Decimal(126)
    assert second.weight == Decimal(8)  # "8分" read as a figure
    assert second.evaluation.score.number == Decimal(6)
    assert second.evaluation.deviation == "人手不足"


def test_dump_prints_every_self_evaluation_key_and_loads_back():
    form = _load(ISSUE_SHAPE)
    mapping = form_to_mapping(form)
    for key in ("kind", "execution", "level1_weights", "total_score"):
        assert key in mapping
    assert mapping["goals"]["annual_actual"] == "完成养护126公里。"
    row = mapping["indicators"][1]
    assert {"target", "actual", "score", "deviation", "attainment"} <= set(row)
    assert "value" not in row
    assert row["attainment"] == {"status": "not_met", "by": "0.5小时", "ratio": "0.6667"}
    for fmt in ("yaml", "json"):
        again = load_bytes(render({"forms": [mapping]}, fmt).encode("utf-8"), f"d.{fmt}")
        assert again.error is None and not again.issues
        back = form_to_mapping(again.forms[0])
        assert {k: v for k, v in back.items() if k not in ("path", "line")} == \
            {k: v for k, v in mapping.items() if k not in ("path", "line")} | {
                "indicators": [dict(r, line=b["line"]) for r, b in zip(mapping["indicators"], back["indicators"])],
                "execution": [dict(r, line=b["line"]) for r, b in zip(mapping["execution"], back["execution"])],
            }


def test_kind_is_detected_from_self_evaluation_keys_and_title():
    assert form_from_mapping({"indicators": [{"name": "a", "value": "1", "actual": "1"}]}).kind == SELF_EVALUATION
    assert form_from_mapping({"total_score": "90"}).kind == SELF_EVALUATION
    assert form_from_mapping({"title": "项目支出绩效自评表"}).kind == SELF_EVALUATION
    assert form_from_mapping({"title": "项目支出绩效目标表"}).kind == TARGET
    assert form_from_mapping({"kind": "target", "total_score": "90"}).kind == TARGET


def test_target_form_mapping_has_no_self_evaluation_key():
    mapping = form_to_mapping(form_from_mapping(yaml.safe_load(
        "{name: 培训, indicators: [{level1: 产出指标, level2: 数量指标, name: 人次, value: '≥10人次'}]}")))
    assert not {"kind", "execution", "level1_weights", "total_score"} & set(mapping)
    assert "annual_actual" not in mapping["goals"]
    assert set(mapping["indicators"][0]) == {"level1", "level2", "name", "value", "period", "line"}


def test_bad_self_evaluation_cells_never_crash():
    form = form_from_mapping({"kind": "self_evaluation", "execution": [None, {"row": None, "rate": "/",
                              "score": True, "spent": "abc"}], "level1_weights": ["x"],
                              "indicators": [{"name": "a", "actual": "", "score": "——"}]})
    (row,) = form.execution
    assert row.rate.number is None and row.score is None and row.spent.yuan is None
    assert form.level1_weights == {}
    assert form.indicators[0].evaluation.actual is None
