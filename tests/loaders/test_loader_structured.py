"""Canonical YAML/JSON: schema validation with field paths and lines, line marks of forms and
indicators, single-form files, amounts with units, safe YAML only."""

from __future__ import annotations

import json
from decimal import Decimal

from checker.loaders import load_bytes
from policy.messages import render

YAML_FORMS = """\
forms:
  - name: 市政府总值班室经费
    budget_unit: 巴中市人民政府办公室
    amount_unit: 万元
    attributes: {kind: 延续, term: 经常性, basis: [其他]}
    funding:
      total: 15
      fiscal: "15万元"
      other: 0.5
      sources: {合计: 15.5}
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: 突发事件及时处置率, value: ≥99%}
      - level1: 满意度指标
        level2: 服务对象满意度
        name: 使用部门满意度
        value: ≥96%
        period: long_term
  - name: 第二个
    indicators: []
"""


def test_yaml_forms_lines_units_and_values():
    document = load_bytes(YAML_FORMS.encode(), "forms.yaml")
    assert document.error is None and document.format == "yaml"
    first, second = document.forms
    assert (first.location.line, second.location.line) == (2, 18)
    assert [i.location.line for i in first.indicators] == [12, 13]
    assert first.funding.total.yuan == Decimal(150000)
    assert first.funding.fiscal.yuan == Decimal(150000)
    assert first.funding.other.yuan == Decimal(5000)  # 0.5 read as Decimal, never a float
    assert first.funding.sources["合计"].yuan == Decimal(155000)
    assert first.attributes.kind == "延续" and first.attributes.basis == ("其他",)
    assert first.indicators[1].period == "long_term"
    assert first.indicators[0].value.kind == "quantity"


def test_single_form_json_with_lines():
    data = {"name": "甲", "indicators": [{"name": "期数", "value": "12期"}, {"name": "率", "value": "≥9%"}]}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    document = load_bytes(text.encode(), "one.json")
    form = document.forms[0]
    assert form.location.line == 1
    assert [i.location.line for i in form.indicators] == [4, 8]  # the lines of their "{"


def test_schema_errors_name_the_field_the_expectation_and_the_line():
    text = "forms:\n  - name: 甲\n    indicators:\n      - name: 率\n        period: yearly\n        valeu: 9\n"
    document = load_bytes(text.encode(), "bad.yaml")
    assert document.forms == ()
    problems = [document.error, *document.issues]
    found = {(p.message_id, p.args["field"], p.location.line) for p in problems}
    assert ("E006", "$.forms[0].indicators[0].period", 5) in found
    assert ("E006.unknown-key", "$.forms[0].indicators[0]", 4) in found
    period = next(p for p in problems if p.args["field"].endswith("period"))
    assert render(period.message_id, period.args, "en") == (
        "not a valid form file at $.forms[0].indicators[0].period: expected annual | long_term, "
        "got string 'yearly'"
    )
    assert all(p.severity == "error" for p in problems)


def test_wrong_top_level_type_is_reported():
    document = load_bytes(b"[1, 2]", "list.json")
    assert document.error.message_id == "E006" and document.error.args["field"] == "$"


def test_yaml_syntax_error_has_its_line():
    document = load_bytes("forms:\n  - name: [甲\n".encode(), "broken.yaml")
    assert document.error.message_id == "E005" and document.error.location.line == 3


def test_yaml_tags_and_aliases_are_refused():
    unsafe = load_bytes(b"forms: !!python/object/apply:os.system ['echo hi']\n", "x.yaml")
    assert unsafe.error is not None and unsafe.error.message_id == "E005"
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nforms: [*b]\n"
    assert load_bytes(bomb.encode(), "b.yaml").error.message_id == "E005"


def test_json_nan_and_deep_nesting_are_clean_errors():
    assert load_bytes(b'{"forms": [], "version": NaN}', "n.json").error.message_id == "E005"
    deep = b"[" * 100000 + b"]" * 100000
    assert load_bytes(deep, "d.json").error.message_id == "E005"


def test_yaml_timestamps_stay_text():
    # Unquoted, YAML would make a date object; the loader keeps the text as written.
    for value in ("2022-12-31", "'2022-12-31'"):
        text = f"name: 甲\nindicators:\n  - {{name: 截止, value: {value}}}\n"
        document = load_bytes(text.encode(), "t.yaml")
        assert document.error is None
        assert document.forms[0].indicators[0].value_text == "2022-12-31"


def test_file_wide_amount_unit_is_the_default_of_each_form():
    text = "amount_unit: 万元\nforms:\n  - {name: 甲, funding: {total: 15}}\n  - {name: 乙, amount_unit: 元, funding: {total: 15}}\n"
    first, second = load_bytes(text.encode(), "u.yaml").forms
    assert first.funding.total.yuan == Decimal(150000)
    assert second.funding.total.yuan == Decimal(15)


def test_yaml_repeated_key_is_reported_with_both_lines_and_the_last_value_read():
    text = "name: 甲\nindicators:\n  - name: 率\n    value: ≥90%\n    value: ≥95%\nname: 乙\n"
    document = load_bytes(text.encode(), "dup.yaml")
    assert document.error is None
    repeats = [(i.message_id, i.args["key"], i.args["first_line"], i.location.line) for i in document.issues]
    assert repeats == [("E107", "value", 4, 5), ("E107", "name", 1, 6)]
    form = document.forms[0]
    assert form.name == "乙" and form.indicators[0].value_text == "≥95%"  # what YAML itself keeps
    assert "第 4 行" in render("E107", document.issues[0].args, "zh")
    assert 'key "value" is repeated (first on line 4)' in render("E107", document.issues[0].args, "en")


def test_json_repeated_key_is_reported_with_both_lines():
    text = '{\n  "name": "甲",\n  "indicators": [\n    {"name": "率", "value": "≥90%",\n     "value": "≥95%"}\n  ],\n  "name": "乙"\n}\n'
    document = load_bytes(text.encode(), "dup.json")
    assert document.error is None
    repeats = [(i.args["key"], i.args["first_line"], i.location.line) for i in document.issues]
    assert repeats == [("value", 4, 5), ("name", 2, 7)]  # in line order, nested ones included
    assert document.forms[0].name == "乙" and document.forms[0].indicators[0].value_text == "≥95%"
    assert document.forms[0].indicators[0].location.line == 4  # the line of its "{", as before


def test_distinct_keys_and_equal_values_are_not_repeats():
    text = "name: 甲\nindicators:\n  - {name: 率, value: 率}\n  - {name: 率, value: 率}\n"
    assert load_bytes(text.encode(), "ok.yaml").issues == ()
    as_json = json.dumps({"name": "甲", "indicators": [{"name": "率", "value": "率"}] * 2}, ensure_ascii=False)
    assert load_bytes(as_json.encode(), "ok.json").issues == ()


def test_repeated_key_beside_a_schema_error_is_still_reported():
    text = "name: 甲\nname: 乙\nindicators: 7\n"
    document = load_bytes(text.encode(), "bad.yaml")
    assert document.error is not None and document.error.message_id.startswith("E006")
    assert [i.message_id for i in document.issues] == ["E107"]
