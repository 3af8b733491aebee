"""Template schemes: detected from the form, forced per file or per run, reported with the form,
and the rules judge each form by its own template (policy/forms/schemes.py)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from checker import Config, check_paths
from checker.config import ConfigError, config_from_mapping
from policy.forms.canonical import form_from_mapping, form_to_mapping
from policy.forms.schemes import MOF_2015, MOF_2021, NDRC, PROVINCIAL_90_10, detect, resolve


def rows(*labels):
    return [{"level1": l1, "level2": l2, "name": f"指标{i}", "value": "1个"} for i, (l1, l2) in enumerate(labels)]


CASES = [
    (rows(("实施效果指标", "产出指标"), ("实施效果指标", "效益指标")), {}, NDRC, "core.scheme.ndrc"),
    (rows(("产出指标", "数量指标")), {"execution_weight": 10}, PROVINCIAL_90_10, "core.scheme.execution-weight"),
    (rows(("成本指标", "经济成本指标"), ("产出指标", "数量指标")), {}, MOF_2021, "core.scheme.cost-level1"),
    (rows(("产出指标", "成本指标"), ("产出指标", "数量指标")), {}, MOF_2015, "core.scheme.cost-under-output"),
    # extracted text repeats the 二级 label 成本指标 in the 一级 column: still the 88号-era table
    (rows(("成本指标", "成本指标")), {}, MOF_2015, "core.scheme.cost-under-output"),
    (rows(("产出指标", "数量指标")), {"year": 2019}, MOF_2015, "core.scheme.year"),
    (rows(("产出指标", "数量指标")), {"year": 2024}, MOF_2015, "core.scheme.default"),
]


@pytest.mark.parametrize("indicators,fields,scheme,reason", CASES)
def test_the_scheme_is_detected_from_labels_weights_and_year(indicators, fields, scheme, reason):
    d = detect(form_from_mapping({"indicators": indicators, **fields}))
    assert (d.scheme.name, d.reason, d.forced) == (scheme, reason, False)


@given(st.permutations(rows(("产出指标", "数量指标"), ("产出指标", "成本指标"),
                            ("成本指标", "经济成本指标"), ("效益指标", "社会效益"))))
def test_detection_does_not_depend_on_row_order(shuffled):
    assert detect(form_from_mapping({"indicators": shuffled})).scheme.name == MOF_2021


def test_the_run_forces_over_the_file_and_the_file_over_detection():
    form = form_from_mapping({"scheme": NDRC, "indicators": rows(("产出指标", "成本指标"))})
    assert resolve(form).scheme.name == NDRC and resolve(form).reason == "core.scheme.forced-file"
    assert resolve(form, MOF_2021).scheme.name == MOF_2021
    assert resolve(form, "auto").scheme.name == NDRC
    plain = form_from_mapping({"indicators": rows(("产出指标", "成本指标"))})
    assert resolve(plain, None).scheme.name == MOF_2015


def test_configuration_accepts_known_schemes_only():
    assert config_from_mapping({"scheme": NDRC}).scheme == NDRC
    assert Config().scheme == "auto"
    with pytest.raises(ConfigError) as err:
        config_from_mapping({"scheme": "mof-2030"})
    assert "mof-2015" in err.value.message("en")


WEIGHTED_90 = {
    "name": "培训经费", "year": 2023, "goals": {"annual": "培训280人次"},
    "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "value": "≥280人次", "weight": 30},
        {"level1": "产出指标", "level2": "质量指标", "name": "培训完成率", "value": "100%", "weight": 20},
        {"level1": "产出指标", "level2": "时效指标", "name": "完成时间", "value": "2023年11月底前", "weight": 10},
        {"level1": "产出指标", "level2": "成本指标", "name": "人均成本", "value": "≤500元/人次", "weight": 10},
        {"level1": "效益指标", "level2": "社会效益", "name": "履职能力提升率", "value": "≥90%", "weight": 10},
        {"level1": "满意度指标", "level2": "服务对象满意度", "name": "学员满意度", "value": "≥95%", "weight": 10},
    ],
}


def _codes(report):
    return sorted(d.code for d in report.diagnostics)


def test_a_run_forced_to_the_90_plus_10_table_accepts_weights_of_90(tmp_path):
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump(WEIGHTED_90, allow_unicode=True), encoding="utf-8")
    assert "S111" in _codes(check_paths([path], Config()))
    assert "S111" not in _codes(check_paths([path], Config(scheme=PROVINCIAL_90_10)))


def test_a_file_wide_scheme_applies_to_its_forms_and_is_reported(tmp_path, capsys):
    from checker.cli import main

    path = tmp_path / "forms.yaml"
    path.write_text(yaml.safe_dump({"scheme": PROVINCIAL_90_10, "forms": [WEIGHTED_90]}, allow_unicode=True),
                    encoding="utf-8")
    assert "S111" not in _codes(check_paths([path], Config()))
    main(["check", str(path), "--format", "json"])
    coverage = json.loads(capsys.readouterr().out)["coverage"][0]
    assert (coverage["scheme"], coverage["scheme_reason"]) == (PROVINCIAL_90_10, "表单文件指定")
    main(["check", str(path), "--lang", "en"])
    assert "(judged as a provincial target table (indicator weights 90 + 预算执行率 10): declared by the form file)" \
        in capsys.readouterr().out


def test_an_unknown_scheme_in_a_form_file_is_a_schema_error(tmp_path):
    path = tmp_path / "form.yaml"
    path.write_text(yaml.safe_dump({**WEIGHTED_90, "scheme": "mof-1999"}, allow_unicode=True), encoding="utf-8")
    report = check_paths([path], Config())
    assert [f.code for f in report.failures] == ["E006"]


def test_scheme_fields_survive_a_dump_and_reload():
    form = form_from_mapping({**WEIGHTED_90, "scheme": NDRC, "execution_weight": "10",
                              "not_on_form": ["立项依据", "年度目标"]})
    again = form_from_mapping(form_to_mapping(form))
    assert (again.scheme, again.execution_weight, again.not_on_form) == (
        NDRC, Decimal(10), frozenset({"立项依据", "年度目标"}))


# -- W104's reading of a goal: what counts as a quantity of the year's results ----------------

from policy.rules.W104_annual_goal_unquantified import states_quantity  # noqa: E402

_NOISE = st.sampled_from(["《大力发展学前教育两年行动方案(2019-2020年)》", "2023.07-2024.01", "2022年12月31日",
                          "1.", "（2）", "目标3:", "预算申请400万元财政资金", "第二批", "12月底"])
_PROSE = st.sampled_from(["加强管理", "确保各项工作有序运转", "促进均等化", "，", "。", "提升服务水平"])


@given(st.lists(st.one_of(_NOISE, _PROSE), max_size=8))
def test_dates_titles_numbering_and_money_asked_for_are_no_quantity(parts):
    assert not states_quantity("；".join(parts))  # list numbers start a clause


@given(st.lists(st.one_of(_NOISE, _PROSE), max_size=6), st.integers(1, 99999),
       st.sampled_from(["人次", "个", "公里", "平方米", "期", "户"]), st.integers(0, 6))
def test_a_counted_result_among_them_is_a_quantity(parts, number, unit, at):
    parts.insert(min(at, len(parts)), f"完成{number}{unit}")
    assert states_quantity("；".join(parts))
