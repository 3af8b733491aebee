"""V rules beyond their declared examples: the seed's defects in other wording and layouts, the
real published values of tests/data/public-forms, boundaries, options and outcomes."""

from __future__ import annotations

import csv
from collections import defaultdict
from decimal import Decimal

from policy.forms.facts import FormFacts
from policy.forms.canonical import form_from_mapping
from policy.api import Context, InsufficientData, NotApplicable
from policy.registry import all_rules, get_rule
from policy.testing import default_options, run_rule
from tests.conftest import PUBLIC_FORMS


def rule(code):
    r = get_rule(code)
    assert r is not None, code
    return r


def ids(findings):
    return sorted(f.message_id for f in findings)


BASE = (
    ("产出指标", "数量指标", "培训人次", "≥280人次"),
    ("产出指标", "质量指标", "培训完成率", "100%"),
    ("产出指标", "时效指标", "培训完成时间", "2023年11月底前"),
    ("产出指标", "成本指标", "人均培训成本", "≤500元/人次"),
    ("效益指标", "社会效益", "履职能力提升率", "≥90%"),
    ("满意度指标", "服务对象满意度", "学员满意度", "≥95%"),
)


def form(*rows, year=2023):
    return {
        "name": "测试项目",
        "year": year,
        "goals": {"annual": "全年培训280人次。"},
        "indicators": [
            dict(zip(("level1", "level2", "name", "value"), r)) for r in (*BASE, *rows)
        ],
    }


def one(code, *rows, **options):
    findings, reason = run_rule(rule(code), form(*rows), **options)
    return ids(findings), findings, reason


def test_base_form_is_clean_for_every_value_rule():
    for r in all_rules():
        if r.code.startswith("V"):
            findings, _ = run_rule(r, form())
            assert findings == [], r.code


# --- the seed's V108 (预计经费 ≤15万元 under 质量指标), differently ---------------------------------


def test_cost_in_yuan_under_timeliness_in_traditional_labels():
    got, findings, _ = one("V108", ("產出目標", "時效目標", "會議費", "≤200000元"))
    assert got == ["V108"] and findings[0].evidence["指标值"] == "≤200000元"


def test_unit_cost_under_quality():
    assert one("V108", ("产出指标", "质量指标", "餐费标准", "≤100元/人·天"))[0] == [
        "V108"
    ]


# --- the seed's V111 (prose under 质量指标), differently --------------------------------------------


def test_prose_quantity_in_traditional_labels():
    assert one("V111", ("產出目標", "數量目標", "宣傳活動", "按要求開展宣傳"))[0] == [
        "V111"
    ]


def test_graded_or_counted_prose_is_quantified():
    assert one("V111", ("产出指标", "质量指标", "工程质量", "达到预期"))[0] == []
    assert (
        one("V111", ("产出指标", "数量指标", "宣传次数", "至少全年完成2次宣传"))[0]
        == []
    )
    assert (
        one(
            "V111",
            ("效益指标", "社会效益", "社会影响", "广大市民更加理解和支持政府工作"),
        )[0]
        == []
    )


# --- the seed's V109 (适时印发, 按时完成, 适时督办), differently --------------------------------------


def test_uncheckable_timeliness_variants():
    assert one("V109", ("产出指标", "时效指标", "信访件办理", "及时办理"))[0] == [
        "V109"
    ]
    assert one("V109", ("产出指标", "时效指标", "工作安排", "按月安排"))[0] == ["V109"]
    assert one("V109", ("产出指标", "时效指标", "项目完成及时性", "程度较高"))[0] == [
        "V109"
    ]
    assert one("V109", ("产出指标", "时效指标", "维持时效", "≥1年"))[0] == [
        "V109.min-duration"
    ]


def test_checkable_timeliness_values():
    for value in (
        "≤3个工作日",
        "2023年6月30日前",
        "1次/月",
        "每季度末前完成",
        "100%",
        "2023.01-2023.12",
        "12月底到位",
        "1小时内",
    ):
        assert one("V109", ("产出指标", "时效指标", "办理时限", value))[0] == [], value


# --- V101/V102 ---------------------------------------------------------------------------------------


def test_damage_codes_are_named_and_unknown_units_are_not_damage():
    got, findings, _ = one("V101", ("产出指标", "数量指标", "堤防长度", "公里"))
    assert (
        got == ["V101.missing-number"]
        and findings[0].evidence["问题"] == "missing-number"
    )
    assert one("V101", ("产出指标", "数量指标", "供水设施", "≥20座"))[0] == []


def test_placeholders_in_values():
    for value in ("≥**%", "**元/人·月", "XX", "—", "＿＿"):
        assert one("V102", ("产出指标", "数量指标", "服务人次", value))[0] == [
            "V102"
        ], value
    assert one("V102", ("产出指标", "质量指标", "安全事故", "无"))[0] == []


# --- V103/V104 ---------------------------------------------------------------------------------------


def test_unit_missing_variants():
    assert one("V103", ("产出指标", "数量指标", "开设课程数量", "220"))[0] == ["V103"]
    assert (
        one("V103", ("产出指标", "数量指标", "补贴面积（平方米）", "26970.7"))[0] == []
    )
    assert one("V103", ("产出指标", "质量指标", "变质比例", "0"))[0] == []
    assert one("V103", ("效益指标", "社会效益", "覆盖比例", "≥90"))[0] == [
        "V103.percent"
    ]


def test_unit_mismatch_variants():
    # 人 is a count, but of people: 40 inspections are not 40人 (issue 14: unit meaning)
    assert one("V104", ("产出指标", "数量指标", "督查次数", "≥40人"))[0] == ["V104.event-counter"]
    assert one("V104", ("产出指标", "数量指标", "督查次数", "≥40次"))[0] == []
    assert one("V104", ("产出指标", "数量指标", "培训人次", "≥20场"))[0] == ["V104.counter"]
    assert one("V104", ("产出指标", "数量指标", "道路硬化面积", "≥3公里"))[0] == ["V104.area"]
    assert one("V104", ("产出指标", "数量指标", "道路硬化面积", "≥3000平方米"))[0] == []
    assert one("V104", ("产出指标", "数量指标", "高标准农田建设面积", "1.2万亩"))[0] == []
    assert one("V104", ("效益指标", "社会效益", "受益人数", "≥500户"))[0] == []
    assert one("V104", ("效益指标", "社会效益", "受益人数", "≥230个"))[0] == [
        "V104.counter"
    ]
    assert one("V104", ("效益指标", "社会效益", "资金到位率", "≥28.8万元"))[0] == [
        "V104.percent"
    ]
    assert one("V104", ("产出指标", "时效指标", "粮食入库", "≥500吨"))[0] == [
        "V104.timeliness"
    ]
    assert one("V104", ("产出指标", "时效指标", "响应时间", "≥90%"))[0] == ["V104.time"]
    assert one("V104", ("效益指标", "社会效益", "培训人数增长", "≥10%"))[0] == []


def test_money_for_a_count_or_rate_is_a_mismatch_wherever_filed():
    for level2 in ("数量指标", "质量指标", "时效指标"):
        row = ("产出指标", level2, "验收合格率", "28.8万元")
        assert one("V104", row)[0] == ["V104.percent"], level2
        assert one("V107", row)[0] == [] and one("V108", row)[0] == [], level2
    assert one("V104", ("产出指标", "数量指标", "培训次数", "≥5万元"))[0] == ["V104.count"]
    assert one("V107", ("产出指标", "数量指标", "培训次数", "≥5万元"))[0] == []


def test_money_under_a_neutral_name_is_a_misfiled_cost_not_a_mismatch():
    row = ("产出指标", "数量指标", "项目资金投入", "26万元")
    assert one("V107", row)[0] == ["V107"] and one("V104", row)[0] == []
    row = ("产出指标", "质量指标", "预计经费", "≤15万元")
    assert one("V108", row)[0] == ["V108"] and one("V104", row)[0] == []


# --- V105/V106 ---------------------------------------------------------------------------------------


def test_percent_range_ends_and_exemptions():
    assert one("V105", ("产出指标", "质量指标", "合格率", "80%～120%"))[0] == ["V105"]
    assert one("V105", ("产出指标", "质量指标", "合格率", "≥100百分比"))[0] == []
    assert one("V105", ("效益指标", "经济效益", "产值同比增长", "≥130%"))[0] == []
    assert one(
        "V105",
        ("效益指标", "经济效益", "产值同比增长", "≥130%"),
        exempt_words=("增幅",),
    )[0] == ["V105"]


def test_percent_below_zero_is_out_of_range_and_zero_is_not():
    got, findings, _ = one("V105", ("产出指标", "质量指标", "差错率", "-5%"))
    assert got == ["V105"] and findings[0].args["number"] == Decimal("-5")
    got, findings, _ = one("V105", ("产出指标", "质量指标", "合格率", "-0.5%～100%"))
    assert got == ["V105"] and findings[0].args["number"] == Decimal("-0.5")
    assert one("V105", ("产出指标", "质量指标", "差错率", "≤0%"))[0] == []
    assert one("V105", ("产出指标", "质量指标", "差错率", "0%～5%"))[0] == []


def test_v105_finding_in_full_and_its_edges():
    """Everything V105 says about a finding, through a real text form, and where it stops."""
    from tests.rules.facw_forms import load_text, text_form

    [loaded] = load_text(text_form(indicators=(
        ("产出指标", "质量指标", "  验收合格率 ", " 101% "),
        ("产出指标", "质量指标", "达标率", "100%"),
    )))
    rule = get_rule("V105")
    ctx = Context(options=default_options(rule))
    [f] = list(rule().check(FormFacts(loaded), ctx))
    ind = loaded.indicators[0]
    assert f.message_id == "V105" and f.indicator is ind
    assert f.args == {"name": "验收合格率", "value": "101%", "number": Decimal(101)}
    assert f.location == ind.location and f.location.line is not None
    assert f.evidence == {"指标值": "101%", "允许范围": "0%～100%"}
    # A row with no name is reported as "—".
    findings, _ = run_rule(rule, form(("产出指标", "质量指标", "", "150%")))
    assert [x.args["name"] for x in findings if x.args["value"] == "150%"] == ["—"]
    # A form without filled rows: not applicable, said with the V family's reason.
    findings, reason = run_rule(rule, {"name": "空表"})
    assert findings == [] and reason == "V.reason.no-indicators"


def test_satisfaction_threshold_option_and_direction():
    assert one("V106", ("满意度指标", "服务对象满意度", "群众满意度", "≥85%"))[0] == []
    got, findings, _ = one(
        "V106",
        ("满意度指标", "服务对象满意度", "群众满意度", "≥85%"),
        threshold=Decimal(90),
    )
    assert got == ["V106"] and findings[0].args["threshold"] == Decimal(90)
    assert (
        one("V106", ("满意度指标", "服务对象满意度", "群众满意度", "≤70%"))[0] == []
    )  # no lower bound
    assert one("V106", ("满意度指标", "服务对象满意度", "群众满意度", "70%-90%"))[
        0
    ] == ["V106"]


# --- V107/V110/V112 ----------------------------------------------------------------------------------


def test_spending_rate_needs_money_and_rate_words():
    assert one("V107", ("产出指标", "数量指标", "预算执行率", "≥95%"))[0] == [
        "V107.rate"
    ]
    assert one("V107", ("产出指标", "数量指标", "人员到位率", "100%"))[0] == []


def test_deadline_year_comes_from_the_form_or_the_context():
    row = ("产出指标", "时效指标", "完成时间", "2023年12月底前")
    assert run_rule(rule("V110"), form(row, year=2023))[0] == []
    findings, _ = run_rule(rule("V110"), form(row, year=2022))
    # both 2023 deadlines (the base row's 2023年11月底前 too) lie after 2022
    assert sorted(f.evidence["最迟日期"] for f in findings) == [
        "2023-11-30",
        "2023-12-31",
    ]
    f = form(row, year=None)
    assert run_rule(rule("V110"), f)[1] == "V.reason.no-year"
    findings, _ = run_rule(rule("V110"), f, year=2022)
    assert ids(findings) == ["V110", "V110"]


def test_deadline_rule_is_not_applicable_without_dates_and_periods_are_optional():
    f = {
        "name": "x",
        "year": 2023,
        "indicators": [dict(zip(("level1", "level2", "name", "value"), BASE[0]))],
    }
    assert run_rule(rule("V110"), f)[1] == "V.reason.no-deadlines"
    period = ("产出指标", "时效指标", "服务周期", "2023.07-2024.01")
    assert run_rule(rule("V110"), form(period))[0] == []
    assert ids(run_rule(rule("V110"), form(period), include_periods=True)[0]) == [
        "V110"
    ]


def test_cost_not_money_variants():
    assert one("V112", ("成本指标", "经济成本指标", "成本控制率", "100%"))[0] == [
        "V112"
    ]
    assert one("V112", (None, "成本指标", "价格执行率", "100%"))[0] == ["V112"]
    assert (
        one("V112", ("产出指标", "成本指标", "人工成本", "≤620万/月"))[0] == []
    )  # V103's


# --- real published values (tests/data/public-forms/indicators.tsv), reviewed by hand ----------------

EXPECTED_PUBLIC = {
    ("01_xiangtan_wupaoche_2023.txt", "V103", "控制在预算成本内"),  # 250万: 万 of what?
    ("05_ningjin_gaozhong_zhuxuejin_2019.txt", "V103", "享受资助人数"),  # bare 2100
    (
        "05_ningjin_gaozhong_zhuxuejin_2019.txt",
        "V107.rate",
        "资金支出率",
    ),  # input rate as a quantity
    (
        "05_ningjin_gaozhong_zhuxuejin_2019.txt",
        "V112",
        "资助标准达标率",
    ),  # a rate as a cost
    (
        "15_xiuning_wenwu_zhanchen_selfeval_2023.txt",
        "V111",
        "指标1:工程实施总体质量",
    ),  # prose quality
    (
        "17_kangyi_guozhai_huanwei_2020.txt",
        "V103",
        "人工成本",
    ),  # ≤620万/月: 万 of what?
    ("19_taihe_chengguan_cheliang_2023.txt", "V102", "项目总成本"),  # ≤****000元 masked
    ("19_taihe_chengguan_cheliang_2023.txt", "V109", "项目完成及时性"),  # 程度较高
    ("19_taihe_chengguan_cheliang_2023.txt", "V109", "经费支出时效性"),  # 及时支出
    # five values never filled in (公里, 万亩, 万人, 公里, ≧ %): one root cause, one finding listing them
    (
        "21_chencang_shuili_yinshui_2020.txt",
        "V101.missing-number.many",
        "指标1:新建堤防、护岸长度",
    ),
    ("29_huangshi_dangxiao_zhutiban_2022.txt", "V103", "开设课程数量"),  # bare 220
    ("29_huangshi_dangxiao_zhutiban_2022.txt", "V112", "成本控制率"),
    (
        "37_daying_shuangxin_wenming_selfeval_2020.txt",
        "V111",
        "创建质量",
    ),  # 按质按量完成
    (
        "47_hengshan_chubeiliang_selfeval_2020.txt",
        "V105",
        "市民满意度调查",
    ),  # 290%: ≥ read as 2
    (
        "47_hengshan_chubeiliang_selfeval_2020.txt",
        "V112",
        "国家政策性粮收购 价格执行率",
    ),
    ("47_hengshan_chubeiliang_selfeval_2020.txt", "V112", "县级储备粮库存成 本核算率"),
    # ≥80%: below the 85–95% range of published forms (info)
    ("23_sichuan_puhui_jinrong_selfeval.txt", "V106", "申请定向费用补贴金融机构满意度"),
    ("23_sichuan_puhui_jinrong_selfeval.txt", "V106", "申报创业担保贷款贴息个人满意度"),
    ("23_sichuan_puhui_jinrong_selfeval.txt", "V106", "申报创业担保贷款贴息小微企业的满意度"),
    # a percentage whose name is no rate, share or degree (reviewed in tests/judged/)
    ("05_ningjin_gaozhong_zhuxuejin_2019.txt", "V113", "建档立卡学生全面覆盖"),
    ("31_zhaohua_teshu_jiating_zaifuzhu_2021.txt", "V113", "按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审"),
    ("31_zhaohua_teshu_jiating_zaifuzhu_2021.txt", "V113", "促进人口与经济、社会、资源、环境协调和可持续发展"),
    # a benefit written as a sentence
    ("45_tianjin_ninghe_minbanyuan_fangzu_2020.txt", "V111", "非营利性民办园租房受益期限"),
    # the grading scale with no grade chosen (优良中低差): V116, not also V111
    ("27_dyrmt_tielu_yanxian_selfeval.txt", "V116", "铁路沿线环境及安全整治管理机制健全性"),
    # fund process (arrival, transfer, spending of the money) used as output quality/timeliness
    # two fund-process rows each (到位率 and 到位時間; 拨付率 and 配套到位率; 合规性 and 时效性): one
    # root cause per form, one finding listing both
    ("07_ningde_rencai_yizhan_2023.txt", "V114.many", "人才驛站補助資金到位率"),
    ("23_sichuan_puhui_jinrong_selfeval.txt", "V114.many", "资金足额拨付率"),
    ("19_taihe_chengguan_cheliang_2023.txt", "V114.many", "经费支出合规性"),
    ("31_zhaohua_teshu_jiating_zaifuzhu_2021.txt", "V114", "资金拨付"),
}


def public_forms():
    rows = defaultdict(list)
    with (PUBLIC_FORMS / "indicators.tsv").open(encoding="utf-8") as fh:
        for line, r in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            value = r["指标值"]
            if (
                " | " in value
            ):  # split cells (operator | number | unit), as a loader joins them
                value = "".join(
                    p.strip()
                    for p in value.split("|")
                    if p.strip() not in ("定性", "定量")
                )
            rows[r["source_file"]].append(
                {
                    "level1": r["一级指标"] or None,
                    "level2": r["二级指标"] or None,
                    "name": r["三级指标"],
                    "value": value,
                    "line": line,
                }
            )
    for source, indicators in rows.items():
        stem = source.rsplit("_", 1)[-1][:4]
        year = int(stem) if stem.isdigit() else None
        yield (
            source,
            form_from_mapping(
                {"name": source, "year": year, "indicators": indicators}, path=source
            ),
        )


def test_grouped_findings_list_every_row_of_the_root_cause():
    forms = dict(public_forms())
    f = forms["21_chencang_shuili_yinshui_2020.txt"]
    from policy.rules.V101_damaged_value import DamagedValue

    [x] = DamagedValue().check(FormFacts(f), Context(options=default_options(DamagedValue), year=f.year))
    assert x.args["count"] == 5
    assert x.args["names"] == ("「指标1:新建堤防、护岸长度」（公里）、「指标2:灌区节水改造面积」（万亩）、"
                               "「指标3:农村饮水工程覆盖服务人口数」（万人）、「指标4:中小河流治理问道长度」（公里）、"
                               "「指标1:工程验收合格率」（≧ %）")
    assert x.evidence["位置"].count("行") == 5  # where each row is


def test_value_rules_on_real_published_values():
    got = set()
    for source, f in public_forms():
        for r in all_rules():
            if not r.code.startswith("V"):
                continue
            try:
                for x in r().check(FormFacts(f), Context(options=default_options(r), year=f.year)):
                    got.add((source, x.message_id, x.indicator.name))
            except (NotApplicable, InsufficientData):
                pass
    assert got == EXPECTED_PUBLIC, {
        "unexpected": got - EXPECTED_PUBLIC,
        "missing": EXPECTED_PUBLIC - got,
    }


# --- robustness: any cell text gives findings or an outcome, never an exception ---------------------

from hypothesis import given, strategies as st  # noqa: E402

from policy.api import Finding  # noqa: E402

_CELL = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(["≥**%", "≧ %", "1OO%", "(≥95%", "2022年13月底前", "每月", "0", "-", "XX", "≥-5%",
                     "≤1小时", "12月底前", "2023.07-2024.01", "3～5天", "≥35000次/天", "1.2万人次"]),
)
_LABEL = st.one_of(st.none(), st.sampled_from(["产出指标", "效益指标", "满意度指标", "成本指标", "x", ""]),
                   st.text(max_size=6))
_L2 = st.one_of(st.none(), st.sampled_from(["数量指标", "质量指标", "时效指标", "成本指标", "社会效益",
                                            "服务对象满意度", "经济成本指标"]), st.text(max_size=6))
_ROW = st.fixed_dictionaries({"level1": _LABEL, "level2": _L2, "name": _CELL, "value": _CELL,
                              "weight": st.one_of(st.none(), st.integers(-5, 120))})


@given(st.lists(_ROW, max_size=8), st.one_of(st.none(), st.integers(1990, 2100)), st.one_of(st.none(), st.text(max_size=10)))
def test_structure_and_value_rules_never_crash(rows, year, goal):
    f = form_from_mapping({"name": "x", "year": year, "goals": {"annual": goal}, "indicators": rows})
    for r in all_rules():
        if r.code[0] not in "SV":
            continue
        try:
            for finding in r().check(FormFacts(f), Context(options=default_options(r), year=year)):
                assert isinstance(finding, Finding) and finding.location is not None
        except (NotApplicable, InsufficientData):
            pass


def test_money_value_with_percent_unit_column_in_a_flat_export(tmp_path):
    """A real bad example from a published form: 28.8万元 in 指标值 with % in 度量单位."""
    from checker import Config, check_paths

    path = tmp_path / "export.csv"
    path.write_text(
        "金额单位：元,,,,,,,,,,,\n"
        "单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,权重,指标方向性\n"
        "某县财政局,补助资金,288000,全年拨付补助资金28.8万元,产出指标,质量指标,资金到位率,＝,28.8万元,%,,正向\n"
        ",,,,,质量指标,补助对象覆盖率,≥,95,%,,正向\n",
        encoding="utf-8",
    )
    report = check_paths([path], Config(select=("V104",)))
    assert [(d.message_id, d.line, d.args["unit"], d.args["other"]) for d in report.diagnostics] == [
        ("V104.two-units", 3, "万元", "%")]
