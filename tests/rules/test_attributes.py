"""A (attributes) rules on whole forms: checkbox rows as extracted text and as YAML."""

from __future__ import annotations

from checker import Config, check
from policy.forms.canonical import form_from_mapping
from tests.rules.facw_forms import load_text, load_yaml, text_form


def _ids(forms, select=("A",)):
    return sorted(d.message_id for d in check(forms, Config(select=select)).diagnostics)


def test_clean_forms_have_no_attribute_finding():
    assert _ids(load_text(text_form())) == []
    assert (
        _ids(
            load_text(
                text_form(kind=("延续项目",), term=("经常性",), previous="600000")
            )
        )
        == []
    )


def test_a101_none_and_both_ticked_in_text_checkboxes():
    none = load_text(text_form(kind=()))
    both = load_text(text_form(kind=("新增项目", "延续项目")))
    assert _ids(none) == ["A101.none"]
    d = check(both, Config(select=("A101",))).diagnostics
    assert [x.message_id for x in d] == ["A101.many"]
    assert d[0].args["checked"] == "新增项目、延续项目"
    assert d[0].line == 5  # the 项目属性 row


def test_a102_and_a103_in_text_checkboxes():
    forms = load_text(text_form(term=("一次性", "经常性"), basis=()))
    assert _ids(forms) == ["A102.many", "A103"]


def test_a103_in_yaml_with_null_basis():
    forms = load_yaml(
        "name: 某项目\nattributes: {kind: 新增项目, term: 一次性, basis: null}\n"
    )
    assert _ids(forms) == ["A103"]


def test_attribute_rules_do_not_apply_to_a_fragment_without_the_rows():
    report = check([form_from_mapping({"name": "片段"})], Config(select=("A",)))
    assert not report.diagnostics
    assert report.coverage[0].outcome("A101") == "not_applicable"


def test_a104_continuing_without_previous_budget_in_text():
    forms = load_text(text_form(kind=("延续项目",), term=("经常性",), previous=""))
    d = check(forms, Config(select=("A104",))).diagnostics
    assert [x.message_id for x in d] == ["A104"]
    assert d[0].evidence["延续项目以前年度预算安排"] == "（空）"


def test_a105_new_project_with_previous_budget_in_text():
    forms = load_text(text_form(kind=("新增项目",), previous="500000"))
    d = check(forms, Config(select=("A105",))).diagnostics
    assert [(x.message_id, x.args["amount"]) for x in d] == [("A105", "50万元")]


def test_a104_a105_insufficient_data_when_kind_is_unclear():
    forms = load_text(text_form(kind=(), previous="500000"))
    report = check(forms, Config(select=("A104", "A105")))
    assert not report.diagnostics
    assert report.coverage[0].outcome("A104") == "insufficient_data"
    assert report.coverage[0].outcome("A105") == "insufficient_data"


def test_a_row_the_loader_could_not_read_is_insufficient_data_not_a_finding():
    # 项目属性 written as plain text while the other rows have checkboxes.
    text = text_form().replace(
        '<input checked="" type="checkbox"/> 新增项目 <input type="checkbox"/> 延续项目',
        "新增项目",
    )
    report = check(load_text(text), Config(select=("A",)))
    assert not [d for d in report.diagnostics if d.code.startswith("A")]
    assert report.coverage[0].outcome("A101") == "insufficient_data"
    assert report.coverage[0].outcome("A102") == "pass"


def test_a104_says_why_it_did_not_run_and_where_it_found_the_gap():
    from policy.registry import get_rule
    from policy.testing import run_rule

    rule = get_rule("A104")
    continuing = {"kind": "延续项目", "term": "经常性", "basis": ["其他"]}
    assert run_rule(rule, {"funding": {"total": "5万元"}}) == ([], "A.reason.no-attributes")
    both = {**continuing, "kind": ["新增项目", "延续项目"]}
    assert run_rule(rule, {"attributes": both, "funding": {"total": "5万元"}}) == ([], "A.reason.kind-unclear")
    new = {**continuing, "kind": "新增项目"}
    assert run_rule(rule, {"attributes": new, "funding": {"total": "5万元"}}) == ([], "A.reason.not-continuing")
    assert run_rule(rule, {"attributes": continuing}) == ([], "F.reason.no-funding")
    evidence = {"项目属性": "延续项目", "延续项目以前年度预算安排": "（空）"}
    # No amount in the cell: it points at the ticked 延续项目.
    [form] = load_text(text_form(kind=("延续项目",), term=("经常性",), previous=""))
    assert form.funding.previous_years is None and form.attributes.kind_location is not None
    [d] = check([form], Config(select=("A104",))).diagnostics
    assert d.evidence == evidence and d.args == {}
    assert (d.line, d.column) == (form.attributes.kind_location.line, form.attributes.kind_location.column)
    # The cell is there but blank ("万元"): the finding points at it.
    [form] = load_yaml("name: x\nattributes: {kind: 延续项目, term: 经常性, basis: [其他]}\n"
                       "funding: {total: 5万元, previous_years: 万元}\n")
    prev = form.funding.previous_years
    assert prev is not None and prev.yuan is None
    [d] = check([form], Config(select=("A104",))).diagnostics
    assert d.evidence == evidence
    assert (d.path, d.line, d.column) == (prev.location.path, prev.location.line, prev.location.column)
