"""The seed corpus read by the extracted-text loader, compared field by field with a hand
transcription of forms 1, 6 and 7 (read off the raw TAB-separated lines, not off loader output).

Where the extraction is ambiguous the transcription records the human reading: line 184's lone
"会议召开的及时性、针对性" is a 三级 name without a value; line 185's first 成本指标 is the 一级.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.loaders import load_path
from loaders.tests_paths import SEED

W = Decimal(10000)

# (line, 一级, 二级, 三级, 指标值) — every indicator row of the form, in order.
FORM1 = {
    "index": 0,
    "line": 3,
    "name": "市政府总值班室经费",
    "budget_unit": "巴中市人民政府办公室",
    "implementer": "市府办 譙小涛",
    "kind": "延续",
    "term": "经常性",
    "basis": ("其他",),
    "total": 15 * W,
    "fiscal": 15 * W,
    "previous_years": 15 * W,
    "sources": {"合计": 15 * W, "一般公共预算收入": 15 * W},
    "long_term_label": "中长期目标（20**年 - 20**年）",
    "annual": "1.全天24小时值守；2.处置突发事件信息的上传下达；3.非工作时间紧急文件的运转。",
    "indicators": [
        (18, "产出指标", "数量指标", "值班覆盖情况", "全天24小时，实行主岗副岗制度"),
        (19, "产出指标", "数量指标", "突发事件及时处置率", "≥99%"),
        (20, "产出指标", "质量指标", "处置突发事件时效", "及时处置突发事件，并上报处置情况。"),
        (21, "产出指标", "质量指标", "预计经费", "≤15万元"),
        (27, "满意度指标", "服务对象满意度", "使用部门满意度", "≥96%"),
    ],
}

FORM6 = {
    "index": 5,
    "line": 140,
    "name": "政务访谈经费（含市长访谈）",
    "budget_unit": "巴中市人民政府办公室",
    "implementer": "市府办 譙小涛",
    "kind": "延续",
    "term": "经常性",
    "basis": ("市委市政府决定", "上级文件要求", "其他"),
    "total": 20 * W,
    "fiscal": 20 * W,
    "previous_years": 20 * W,
    "sources": {"合计": 20 * W, "一般公共预算收入": 20 * W},
    "long_term_label": "中长期目标（20**年 - 20**年）",
    "annual": "每月举办一期《政务访谈》，每季度举办一期《市长访谈》，全年共16期。",
    "indicators": [
        (155, "产出指标", "数量指标", "政务访谈", "12期"),
        (156, "产出指标", "数量指标", "市长访谈", "4期"),
        (157, "产出指标", "质量指标", "质量要求", "网站、电视、电台、新媒体等全媒体直播"),
        (158, "产出指标", "时效指标", "时间要求", "《政务访谈》每月最后一周举行，《市长访谈》每季度最"),
        (159, "产出指标", "成本指标", "成本控制", "≤20万元"),
        (161, "效益指标", "社会效益", "社会认可度", "广大市民更加理解和支持政府工作"),
        (164, "满意度指标", "服务对象满意度", "社会认可度", "≥95%"),
    ],
}

FORM7 = {
    "index": 6,
    "line": 166,
    "name": "市政府常务会、全体会会议费",
    "budget_unit": "巴中市人民政府办公室",
    "implementer": "市府办譙小涛",
    "kind": "延续",
    "term": "经常性",
    "basis": ("市委市政府决定", "上级文件要求"),
    "total": 20 * W,
    "fiscal": 20 * W,
    "previous_years": 20 * W,
    "sources": {"合计": 20 * W, "一般公共预算收入": 20 * W},
    "long_term_label": "中长期目标（20**年-20**年）",
    "annual": (
        "按照上级和市政府重点工作安排，计划组织召开市政府全体会议、市政府常务会议、市政府专题会议、"
        "全国和全省工作现场会、政府系统办公室业务培训会议等一类、二类、三类会议分别为150余次；"
        "根据招商引资工作安排，计划在市政府驻外办事处（联络处）召开招商引资会议20余次"
    ),
    "indicators": [
        (181, "产出指标", "数量指标", "召开一类会议情况", "市政府全体会议2次、常务会48次一类会议、参"),
        (182, "产出指标", "数量指标", "召开二类会议情况", "全国和全省工作现场会10次、政府系统办公室"),
        (183, "产出指标", "质量指标", "既定议程完成率", "100%"),
        (184, "产出指标", "时效指标", "会议召开的及时性、针对性", None),
        (185, "成本指标", "成本指标", "成本控制", "≤20万元"),
        (187, "效益指标", "社会效益", "社会关注度", "≥90%"),
        (188, "效益指标", "社会效益", "对巴中营商环境认可度", "≥85%"),
        (192, "满意度指标", "服务对象满意度", "群众对民生政策的知晓度", "≥85%"),
    ],
}


@pytest.fixture(scope="module")
def document():
    return load_path(SEED)


def test_the_seed_holds_eight_forms_and_nothing_unplaced(document):
    assert document.error is None
    assert document.format == "text"
    assert [f.name for f in document.forms] == [
        "市政府总值班室经费",
        "电子政务及专用网络运维经费",
        "政府公报及专项资料编印费",
        "专项督查督办及调研经费",
        "政府综合管理业务专项经费",
        "政务访谈经费（含市长访谈）",
        "市政府常务会、全体会会议费",
        "应急指挥中心经费",
    ]
    assert document.issues == ()
    assert [i for f in document.forms for i in f.issues] == []
    assert {f.year for f in document.forms} == {2022}


@pytest.mark.parametrize("expected", [FORM1, FORM6, FORM7], ids=["form1", "form6", "form7"])
def test_form_matches_the_hand_transcription(document, expected):
    form = document.forms[expected["index"]]
    assert form.index == expected["index"]
    assert form.location.line == expected["line"]
    assert form.title == "巴中市2022年市级部门预算项目支出绩效目标批复表"
    assert form.year == 2022
    assert form.name == expected["name"]
    assert form.budget_unit == expected["budget_unit"]
    assert form.implementer == expected["implementer"]
    assert form.attributes.kind == expected["kind"]
    assert form.attributes.term == expected["term"]
    assert form.attributes.basis == expected["basis"]
    assert [o.label for o in form.attributes.kind_options] == ["新增项目", "延续项目"]
    assert [o.label for o in form.attributes.basis_options] == [
        "法律法规", "市委市政府决定", "上级文件要求", "市委市政府领导指示", "其他",
    ]
    funding = form.funding
    assert funding.total.yuan == expected["total"]
    assert funding.fiscal.yuan == expected["fiscal"]
    assert funding.previous_years.yuan == expected["previous_years"]
    # Blank on the form ("其他资金 万元", "中长期资金总额： 万元"): missing, never invented.
    for blank in ("other", "long_term_total", "long_term_fiscal", "long_term_other",
                  "procurement", "purchase_services"):
        assert getattr(funding, blank) is None, blank
    assert {k: a.yuan for k, a in funding.sources.items()} == expected["sources"]
    assert form.goals.long_term is None
    assert form.goals.long_term_label == expected["long_term_label"]
    assert form.goals.annual == expected["annual"]
    got = [
        (i.location.line, i.level1, i.level2, i.name, i.value_text) for i in form.indicators
    ]
    assert got == expected["indicators"]
    assert {i.period for i in form.indicators} == {"annual"}


def test_locations_point_at_the_cells(document):
    form = document.forms[0]
    # Line 19 is eight TABs then 突发事件及时处置率 TAB ≥99%: name at column 9, value at 9+9+1.
    row = form.indicators[1]
    assert (row.location.line, row.location.column) == (19, 8)
    assert (row.value_location.line, row.value_location.column) == (19, 18)
    assert (form.name_location.line, form.name_location.column) == (5, 6)
    assert form.funding.total.location.line == 9
    assert form.attributes.kind_location.line == 7


def test_lone_cells_are_classified_by_the_value_grammar(document):
    by_line = {i.location.line: i for f in document.forms for i in f.indicators}
    assert (by_line[211].name, by_line[211].value_text) == (None, "1小时内")  # a value
    assert (by_line[108].name, by_line[108].value_text) == ("开展调研工作差旅费", None)  # a name
    assert by_line[50].level1 == "成本指标" and by_line[50].level2 == "成本指标"
    # Line 212: 成本指标 in the 二级 column under 产出指标 (the 2021 layout), not a 一级.
    assert (by_line[212].level1, by_line[212].level2) == ("产出指标", "成本指标")
    assert by_line[211].value.kind == "quantity"
