"""The extracted-text layout beyond the seed: both column groups filled, one-group tables,
labels with inline values, declared units, procurement amounts, and cells that fit nowhere."""

from __future__ import annotations

from decimal import Decimal

from checker.loaders import load_bytes

HEAD = [
    "某市2023年部门预算项目支出绩效目标申报表",
    "金额单位：元",
    "项目名称：乡村道路养护",
    "预算单位\t某市交通运输局\t实施单位及责任人\t\t\t养护中心\t张三",
    (
        "项目属性\t<input checked=\"\" type=\"checkbox\"/> 新增项目 <input checked=\"\" type=\"checkbox\"/> 延续项目"
        "\t项目期限\t<input type=\"checkbox\"/> 一次性 <input type=\"checkbox\"/> 经常性"
    ),
    "项目资金\t中长期资金总额：300000\t\t年度资金总额：100000\t\t年度资金中：政府采购 30000（政府购买服务 20000）",
    "\t其中：财政拨款 250000\t\t其中：财政拨款 80000",
    "\t其他资金 50000\t\t其他资金 20000",
    "项目资金\t合计\t1.一般公共预算 收入\t2.政府性基金 预算收入\t3.国有资本经营预 算收入\t4.社会保险基金收入\t5.其他 收入",
    "来源\t100000\t80000\t\t\t\t20000",
    "总体目标\t中长期目标（2023年-2025年）\t三年完成全部道路养护\t年度目标\t完成50公里养护",
]


def _load(lines: list[str]):
    document = load_bytes("\n".join(lines).encode("utf-8"), "form.txt")
    assert document.error is None
    return document.forms[0]


def test_head_fields_with_inline_labels_declared_unit_and_both_columns():
    form = _load(HEAD + ["绩效指标\t一级指标\t二级指标\t三级指标\t指标值"])
    assert form.year == 2023
    assert form.name == "乡村道路养护" and form.name_location.line == 3
    assert form.implementer == "养护中心 张三"
    assert form.attributes.kind_checked == ("新增项目", "延续项目") and form.attributes.kind is None
    assert form.attributes.term_checked == () and form.attributes.term is None
    f = form.funding
    assert f.amount_unit == "元"
    assert (f.long_term_total.yuan, f.total.yuan) == (Decimal(300000), Decimal(100000))
    assert (f.long_term_fiscal.yuan, f.fiscal.yuan) == (Decimal(250000), Decimal(80000))
    assert (f.long_term_other.yuan, f.other.yuan) == (Decimal(50000), Decimal(20000))
    assert (f.procurement.yuan, f.purchase_services.yuan) == (Decimal(30000), Decimal(20000))
    assert {k: a.yuan for k, a in f.sources.items()} == {
        "合计": Decimal(100000), "一般公共预算收入": Decimal(80000), "其他收入": Decimal(20000)}
    assert form.goals.long_term_label == "中长期目标（2023年-2025年）"
    assert form.goals.long_term == "三年完成全部道路养护"
    assert form.goals.annual == "完成50公里养护"
    assert [i.message_id for i in form.issues] == ["E103.empty"]  # only the header row follows


def test_both_column_groups_give_long_term_and_annual_indicators():
    table = [
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值",
        "\t产出指标\t数量指标\t养护里程\t150公里\t数量指标\t养护里程\t50公里",
        "\t\t\t\t\t\t桥梁检测\t≥3座",
        "\t效益指标\t社会效益\t通行条件\t明显改善\t社会效益\t群众出行时间\t≤30分钟",
    ]
    form = _load(HEAD + table)
    got = [(i.period, i.level1, i.level2, i.name, i.value_text) for i in form.indicators]
    assert got == [
        ("long_term", "产出指标", "数量指标", "养护里程", "150公里"),
        ("annual", "产出指标", "数量指标", "养护里程", "50公里"),
        ("annual", "产出指标", "数量指标", "桥梁检测", "≥3座"),
        ("long_term", "效益指标", "社会效益", "通行条件", "明显改善"),
        ("annual", "效益指标", "社会效益", "群众出行时间", "≤30分钟"),
    ]


def test_one_group_table_is_annual_and_weights_stay_unplaced():
    table = [
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
        "\t产出指标\t数量指标\t养护里程\t50公里\t多余",
        "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%",
    ]
    form = _load(HEAD + table)
    assert [(i.period, i.level2, i.name, i.value_text) for i in form.indicators] == [
        ("annual", "数量指标", "养护里程", "50公里"),
        ("annual", "服务对象满意度", "群众满意度", "≥90%"),
    ]
    assert [(i.message_id, i.args["text"], i.location.line, i.location.column) for i in form.issues] == [
        ("E101", "多余", 13, 22)]  # 1 + 0+4+4+4+4 characters + 5 TABs


def test_unknown_head_cells_and_unreadable_amounts_are_reported():
    lines = list(HEAD)
    lines[5] = "项目资金\t中长期资金总额：\t\t年度资金总额：十五万元"
    lines.insert(3, "备注\t这一行不属于任何栏目")
    form = _load(lines + ["绩效指标\t一级指标\t二级指标\t三级指标\t指标值"])
    found = {(i.message_id, i.location.line) for i in form.issues}
    assert ("E101", 4) in found  # 备注 and its text
    assert ("E102", 7) in found
    assert form.funding.total.text == "十五万元" and form.funding.total.yuan is None
    assert form.funding.long_term_total is None


def test_form_without_table_and_cells_before_the_first_title():
    document = load_bytes("前言\n某县项目支出绩效目标表\n项目名称\t甲\n".encode(), "x.txt")
    assert [(i.message_id, i.location.line) for i in document.issues] == [("E101", 1)]
    assert [(i.message_id, i.location.line) for i in document.forms[0].issues] == [("E103", 2)]


def test_text_without_any_form_is_a_file_error():
    document = load_bytes("只是一些文字\n没有表格\n".encode(), "notes.txt")
    assert document.error.message_id == "E012"


def test_extra_header_columns_are_titles_not_indicators():
    table = [
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t权重",
        "\t产出指标\t数量指标\t养护里程\t50公里\t20",
    ]
    form = _load(HEAD + table)
    assert [(i.name, i.value_text) for i in form.indicators] == [("养护里程", "50公里")]
    assert [(i.message_id, i.args["text"]) for i in form.issues] == [("E101", "20")]


def test_title_with_a_second_cell():
    lines = ["某县2024年项目支出绩效目标申报表\t（2024年度）", "项目名称\t甲", "绩效指标\t一级指标\t二级指标\t三级指标\t指标值"]
    form = _load(lines)
    assert form.title == "某县2024年项目支出绩效目标申报表 （2024年度）" and form.year == 2024
    assert [i.message_id for i in form.issues] == ["E103.empty"]


def test_a_table_cut_after_its_header_is_reported():
    form = _load(HEAD + ["绩效指标\t一级指标\t二级指标\t三级指标\t指标值"])
    assert [(i.message_id, i.location.line) for i in form.issues] == [("E103.empty", 12)]


def test_a_column_group_title_row_above_the_header_is_not_data():
    table = [
        "绩效指标\t\t中长期指标\t\t\t年度指标",
        "\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值",
        "\t产出指标\t数量指标\t养护里程\t150公里\t数量指标\t养护里程\t50公里",
    ]
    form = _load(HEAD + table)
    assert [(i.period, i.value_text) for i in form.indicators] == [("long_term", "150公里"), ("annual", "50公里")]
    assert form.issues == ()


GROUPS = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值"


def _read(rows: list[str]) -> list[tuple]:
    form = _load(HEAD + [GROUPS] + rows)
    return [(i.level2_text, i.name, i.value_text, i.period) for i in form.indicators]


def test_a_label_word_in_the_name_column_stays_a_name():
    # Real forms name a 三级 "满意度" under 服务对象满意度, or with another 二级's word.
    assert _read([
        "\t产出指标\t数量指标\t养护里程\t150公里\t数量指标\t社会效益\t50公里",
        "\t满意度指标\t服务对象满意度\t\t\t服务对象满意度\t满意度\t≥90%",
        "\t\t\t\t\t\t服务对象满意度\t≥95%",
    ]) == [
        ("数量指标", "养护里程", "150公里", "long_term"),
        ("数量指标", "社会效益", "50公里", "annual"),
        ("服务对象满意度", "满意度", "≥90%", "annual"),
        ("服务对象满意度", "服务对象满意度", "≥95%", "annual"),
    ]


def test_a_label_word_that_opens_its_group_stays_a_label():
    rows = _read([
        "\t产出指标\t数量指标\t养护里程\t150公里\t数量指标\t养护里程\t50公里",
        # the same 二级 repeated some columns on, drifted left: a label, its name after it
        "\t质量指标\t\t\t质量指标\t验收合格率\t\t",
        # another 二级 with a value and no name: it opens that 二级
        "\t\t\t\t\t时效指标\t≥90%",
        # the 二级 in force before a name with no value: a label, not a name
        "\t\t\t\t\t时效指标\t完工时间",
    ])
    assert rows[2:] == [
        ("质量指标", "验收合格率", None, "annual"),
        ("时效指标", None, "≥90%", "annual"),
        ("时效指标", "完工时间", None, "annual"),
    ]


def test_a_target_form_printing_zhuguan_bumen_gives_its_budget_unit():
    # Public target forms print 主管部门 (or 主管部门及代码) and 实施单位, with no 预算单位 row.
    lines = [HEAD[0], "项目名称\t乡村道路养护", "主管部门及代码\t[055]某市交通运输局\t实施单位\t养护中心",
             "绩效指标\t一级指标\t二级指标\t三级指标\t指标值", "\t产出指标\t数量指标\t养护里程\t50公里"]
    form = _load(lines)
    assert (form.budget_unit, form.implementer) == ("[055]某市交通运输局", "养护中心")
    assert (form.budget_unit_location.line, form.budget_unit_location.column) == (3, 9)
    assert form.issues == ()
