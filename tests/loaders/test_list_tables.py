"""A list of projects is not a form: a budget disclosure's 项目支出表 heads a column 项目名称 and
lists the names below it, where a form prints one name beside its 项目名称 label."""

from __future__ import annotations

from checker.loaders import load_bytes
from loaders.test_loader_recovery import HEADER, _page, _row

LIST = (_row("单位名称", "项目名称", "预算数", "其中：财政拨款", "备注")
        + _row("某市财政局", "财政票据管理经费", "12.50", "12.50", "")
        + _row("某市财政局", "政府采购监管专项资金", "8.00", "8.00", ""))


def _load(content: bytes):
    return load_bytes(content, "disclosure.html")


def test_a_document_holding_only_a_project_list_has_no_form():
    document = _load(_page(_row("收入项目", "预算数") + _row("一般公共预算拨款收入", "120.50"), LIST))
    assert document.forms == ()
    # The notice says why the 项目名称 it saw is no form's: one of the two tables is a list.
    assert (document.error.message_id, document.error.args) == ("E020.lists", {"tables": 2, "lists": 1})


def test_a_document_without_a_list_or_a_form_names_no_list():
    document = _load(_page(_row("收入项目", "预算数") + _row("一般公共预算拨款收入", "120.50")))
    assert (document.error.message_id, document.error.args) == ("E020", {"tables": 1})


def test_a_list_continued_over_two_tables_counts_both():
    document = _load(_page(LIST, LIST, _row("收入项目", "预算数") + _row("一般公共预算拨款收入", "120.50")))
    assert (document.error.message_id, document.error.args) == ("E020.lists", {"tables": 3, "lists": 2})


def test_a_project_list_beside_a_form_is_skipped_and_counted():
    form = _row("项目名称", "甲项目") + _row("预算单位", "某局") + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人")
    document = _load(_page(LIST, form))
    assert [f.name for f in document.forms] == ["甲项目"]
    assert [(i.message_id, i.args["count"]) for i in document.issues] == [("E111", 1)]
    assert [i for f in document.forms for i in f.issues] == []


def test_a_form_whose_name_row_has_more_cells_is_still_a_form():
    # 项目名称 | name | 项目编码 | code, a field label under the label: a form's head, not a list.
    head = _row("项目名称", "甲项目", "项目编码", "A01") + _row("预算单位", "某局", "项目属性", "新增")
    document = _load(_page(head + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人")))
    assert len(document.forms) == 1 and document.forms[0].name.startswith("甲项目")
    # Without digits and with a name under the label it would read as a list: the field label
    # under it is what keeps it a form.
    head = _row("项目名称", "甲项目", "主管部门", "某局") + _row("预算单位", "某局")
    document = _load(_page(head + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人")))
    assert [f.name for f in document.forms] == ["甲项目"]


def test_a_list_header_over_an_indicator_table_header_is_a_form():
    # The name row's cells run on (a spill-over), and the indicator header follows directly.
    document = _load(_page(_row("项目名称", "甲项目", "续") + HEADER + _row("产出指标", "数量指标", "培训人数", "≥100人")))
    assert [f.name for f in document.forms] == ["甲项目 续"]
