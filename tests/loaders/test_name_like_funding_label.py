"""A project whose name starts with a funding word (政府采购…) keeps its name: found by reading
back generated corpora (bench/corpusgen), where 政府采购监管经费 came back as no name at all."""

from __future__ import annotations

from checker.loaders import load_bytes

FORM = """巴中市2022年市级部门预算项目支出绩效目标批复表

项目名称\t{name}\t\t\t\t\t\t
预算单位\t巴中市财政局\t\t实施单位及责任人\t\t市财政局 王芳\t\t
项目资金\t中长期资金总额： 万元\t\t年度资金总额： 20万元\t\t年度资金中：政府采购 5万元（政府购买服务 万元）\t\t
\t其中：财政拨款 万元\t\t其中：财政拨款 20万元\t\t\t\t
绩效指标\t一级指标\t二级指标\t三级指标\t指标值（含数字及文字描述）\t二级指标\t三级指标\t指标值（含数字及文字描述）
\t产出指标\t数量指标\t\t\t数量指标\t抽检批次\t≥40次
"""


def _form(name):
    doc = load_bytes(FORM.format(name=name).encode("utf-8"), "f.txt")
    assert doc.error is None and len(doc.forms) == 1
    return doc.forms[0]


def test_name_starting_with_a_funding_word_is_the_project_name():
    form = _form("政府采购监管经费")
    assert form.name == "政府采购监管经费"
    assert form.funding.procurement is not None and form.funding.procurement.yuan == 50000
    assert form.funding.total.yuan == 200000


def test_ordinary_name_unchanged():
    form = _form("食品安全抽检经费")
    assert form.name == "食品安全抽检经费"
    assert form.funding.procurement.yuan == 50000
