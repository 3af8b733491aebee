"""S rules beyond their declared examples: the seed's defects in other wording and layouts,
boundaries, options, outcomes, and order independence."""

from __future__ import annotations

from decimal import Decimal
import random

from hypothesis import given, strategies as st

from policy.forms.facts import FormFacts
from policy.forms.canonical import form_from_mapping
from policy.api import Context
from policy.registry import get_rule
from policy.testing import default_options, run_rule


def rule(code):
    r = get_rule(code)
    assert r is not None, code
    return r


def ids(findings):
    return sorted(f.message_id for f in findings)


def form(*rows, **fields):
    out = {
        "name": "测试项目",
        "year": 2023,
        "goals": {"annual": "全年完成目标任务。"},
        "indicators": [
            dict(zip(("level1", "level2", "name", "value"), r)) for r in rows
        ],
    }
    out.update(fields)
    return out


FULL = (
    ("產出目標", "數量目標", "人才驛站服務人次", ">=500人次"),
    ("產出目標", "質量目標", "政策知曉率", ">=95%"),
    ("產出目標", "時效目標", "補助資金到位時間", "2023年12月前"),
    ("產出目標", "成本目標", "項目資金投入", "10萬元"),
    ("效益目標", "社會效益目標", "人才留用率", ">=80%"),
    ("滿意度目標", "服務對象滿意度目標", "人才滿意度", ">=90%"),
)


# --- S101: the seed's missing 效益 and misfiled cost, in traditional characters --------------


def test_full_traditional_form_is_clean_for_s101_s102():
    for code in ("S101", "S102", "S103"):
        findings, _ = run_rule(rule(code), form(*FULL))
        assert findings == [], code


def test_missing_satisfaction_level1_in_traditional_labels():
    findings, _ = run_rule(rule("S101"), form(*FULL[:5]))
    assert ids(findings) == ["S101"]
    assert findings[0].args["level1"] == "满意度指标"


def test_cost_filed_under_quantity_leaves_no_cost_row():
    rows = [r for r in FULL if r[1] != "成本目標"] + [
        ("產出目標", "數量目標", "項目資金投入", "10萬元")
    ]
    findings, _ = run_rule(rule("S101"), form(*rows))
    assert ids(findings) == ["S101.cost"]


def test_cost_misfiled_under_timeliness_is_v108s_not_a_missing_cost():
    rows = [r for r in FULL if r[1] != "成本目標"] + [
        ("產出目標", "時效目標", "差旅經費", "≤3.5萬元")
    ]
    findings, _ = run_rule(rule("S101"), form(*rows))
    assert ids(findings) == []
    findings, _ = run_rule(rule("V108"), form(*rows))
    assert ids(findings) == ["V108"]


def test_long_term_column_checked_only_when_filled():
    rows = [dict(zip(("level1", "level2", "name", "value"), r)) for r in FULL]
    rows.append(
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "三年服务人次",
            "value": "≥1500人次",
            "period": "long_term",
        }
    )
    findings, _ = run_rule(rule("S101"), {"name": "x", "indicators": rows})
    assert sorted((f.message_id, f.args.get("level1")) for f in findings) == [
        ("S101", "效益指标"),
        ("S101", "满意度指标"),
        ("S101.cost", None),
    ]
    assert {f.args["period"] for f in findings} == {"中长期"}


def test_s101_required_option_narrows_the_check():
    findings, _ = run_rule(
        rule("S101"), form(*FULL[:5]), required=("产出指标", "效益指标")
    )
    assert findings == []


# --- S102: the seed's missing 时效指标, with short labels and a missing 质量 --------------------


def test_missing_quality_with_short_labels():
    rows = [
        ("产出", "数量", "培训人次", "280人次"),
        ("产出", "时效", "完成时间", "2023年10月底前"),
        ("产出", "成本", "人均成本", "≤500元/人次"),
        ("效益", "社会效益", "能力提升率", "≥90%"),
        ("满意度", "满意度", "学员满意度", "≥95%"),
    ]
    findings, _ = run_rule(rule("S102"), form(*rows))
    assert [(f.message_id, f.args["level2"]) for f in findings] == [
        ("S102", "质量指标")
    ]


# --- S103 ---------------------------------------------------------------------------------------


def test_wrong_parent_reported_once_per_level2():
    rows = FULL + (
        ("效益目標", "質量目標", "設備完好率", ">=98%"),
        ("效益目標", "質量目標", "故障率", "<=2%"),
    )
    findings, _ = run_rule(rule("S103"), form(*rows))
    assert ids(findings) == ["S103"]
    assert findings[0].args["expected"] == "产出指标"


# --- S104/S105: the seed's orphan cells, in other shapes ---------------------------------------


def test_value_without_name_under_satisfaction():
    findings, _ = run_rule(
        rule("S104"), form(*FULL, ("满意度指标", "服务对象满意度", "", "≥90%"))
    )
    assert ids(findings) == ["S104"]
    assert findings[0].evidence == {"指标值": "≥90%"}


def test_name_with_ideographic_space_value():
    findings, _ = run_rule(
        rule("S105"), form(*FULL, ("产出指标", "质量指标", "资料归档完整率", "\u3000"))
    )
    assert ids(findings) == ["S105"] and findings[0].args["name"] == "资料归档完整率"


def test_empty_template_row_is_neither_s104_nor_s105():
    for code in ("S104", "S105"):
        findings, _ = run_rule(
            rule(code), form(*FULL, ("效益指标", "生态效益", None, None))
        )
        assert findings == []


# --- S106/S107 ------------------------------------------------------------------------------------


def test_placeholder_names():
    for name in ("-", "——", "＿＿", "*", "xx", "无", "/"):
        findings, _ = run_rule(
            rule("S106"), form(*FULL, ("产出指标", "数量指标", name, "1个"))
        )
        assert ids(findings) == ["S106"], name
    for name in ("XX县道路硬化", "无害化处理率", "X光机台数"):
        findings, _ = run_rule(
            rule("S106"), form(*FULL, ("产出指标", "数量指标", name, "1个"))
        )
        assert findings == [], name


def test_name_length_boundary_and_option():
    at_limit = ("产出指标", "数量指标", "甲" * 100, "1个")
    findings, _ = run_rule(rule("S107"), form(*FULL, at_limit))
    assert findings == []
    findings, _ = run_rule(rule("S107"), form(*FULL, at_limit), max_length=99)
    assert ids(findings) == ["S107"] and findings[0].args["length"] == 100


# --- S108/S113: the seed's compound-name conflict and repeated names, differently ---------------


def test_conflict_across_units_of_one_dimension():
    rows = FULL + (
        ("产出指标", "时效指标", "投诉响应时间", "≤1小时"),
        ("产出指标", "质量指标", "投诉响应时间", "≤90分钟"),
    )
    findings, _ = run_rule(rule("S108"), form(*rows))
    assert ids(findings) == ["S108"]
    assert {findings[0].evidence["指标值"], findings[0].evidence["另一处指标值"]} == {
        "≤1小时",
        "≤90分钟",
    }


def test_same_target_in_other_units_is_no_conflict_but_a_repeat():
    rows = FULL + (
        ("产出指标", "时效指标", "投诉响应时间", "≤1小时"),
        ("产出指标", "质量指标", "投诉响应时间", "≤60分钟"),
    )
    assert run_rule(rule("S108"), form(*rows))[0] == []
    findings, _ = run_rule(rule("S113"), form(*rows))
    assert ids(findings) == ["S113"]


def test_conflict_inside_slash_compound():
    rows = FULL + (
        ("产出指标", "数量指标", "政务访谈期数/市长访谈期数", "4期"),
        ("产出指标", "数量指标", "市长访谈期数", "6期"),
    )
    findings, _ = run_rule(rule("S108"), form(*rows))
    assert [f.args["name"] for f in findings] == ["市长访谈期数"]


def test_agreeing_parts_are_not_conflicts():
    rows = FULL + (
        ("产出指标", "数量指标", "政务访谈期数、市长访谈期数", "4期"),
        ("产出指标", "数量指标", "市长访谈期数", "4期"),
    )
    assert run_rule(rule("S108"), form(*rows))[0] == []


def test_repeat_detected_through_width_and_punctuation():
    same = FULL + (("效益指标", "社会效益", "人才 滿意度。", ">=90%"),)
    assert ids(run_rule(rule("S113"), form(*same))[0]) == ["S113.same"]
    other = FULL + (("效益指标", "社会效益", "人才 滿意度。", ">=85%"),)
    assert ids(run_rule(rule("S108"), form(*other))[0]) == ["S108"]
    assert run_rule(rule("S113"), form(*other))[0] == []  # a conflict is S108's alone


def test_identical_repeat_uses_the_same_value_message():
    rows = FULL + (FULL[1],)
    findings, _ = run_rule(rule("S113"), form(*rows))
    assert ids(findings) == ["S113.same"]


# --- S109/S110: the seed's 社会认可度/知晓度, in other words -----------------------------------------


def test_satisfaction_name_variants():
    bad = ("投诉处理及时率", "因粮食市场波动引起的粮食安全事件发生数")
    for name in bad:
        findings, _ = run_rule(
            rule("S109"),
            form(*FULL, ("滿意度目標", "服務對象滿意度目標", name, "≥90%")),
        )
        assert ids(findings) == ["S109"], name
    findings, _ = run_rule(
        rule("S109"),
        form(*FULL, ("满意度指标", "满意度指标", "受益群众满意率", "≥90%")),
    )
    assert findings == []


def test_satisfaction_under_benefit_and_survey_exemption():
    findings, _ = run_rule(
        rule("S110"),
        form(*FULL, ("效益指标", "经济效益", "商户对营商环境满意度", "≥90%")),
    )
    assert ids(findings) == ["S110"]
    findings, _ = run_rule(
        rule("S110"), form(*FULL, ("产出指标", "质量指标", "满意度测评覆盖率", "100%"))
    )
    assert findings == []


# --- S111/S112 ------------------------------------------------------------------------------------


def _weighted(weights):
    rows = [
        dict(zip(("level1", "level2", "name", "value"), r), weight=w)
        for r, w in zip(FULL, weights)
    ]
    return {"name": "x", "indicators": rows}


def test_weights_sum_and_tolerance():
    assert run_rule(rule("S111"), _weighted([20, 20, 10, 10, 30, 10]))[0] == []
    findings, _ = run_rule(rule("S111"), _weighted([20, 20, 10, 10, 30, 10.5]))
    assert ids(findings) == ["S111"] and findings[0].args["sum"] == Decimal("100.5")
    assert (
        run_rule(
            rule("S111"),
            _weighted([20, 20, 10, 10, 30, 10.5]),
            tolerance=Decimal("0.5"),
        )[0]
        == []
    )


def test_partial_weights_are_insufficient_data_not_a_pass():
    findings, reason = run_rule(rule("S111"), _weighted([20, 20, 10, 10, 30, None]))
    assert findings == [] and reason == "S.reason.partial-weights"
    assert run_rule(rule("S111"), form(*FULL))[1] == "S.reason.no-weights"


def test_annual_goal_blank_and_placeholder():
    assert ids(run_rule(rule("S112"), form(*FULL, goals={"annual": "   "}))[0]) == [
        "S112"
    ]
    assert ids(run_rule(rule("S112"), form(*FULL, goals={"annual": "＊＊＊"}))[0]) == [
        "S112"
    ]
    assert (
        run_rule(
            rule("S112"), form(*FULL, goals={"annual": "无偿提供人才服务500人次"})
        )[0]
        == []
    )


# --- order independence -----------------------------------------------------------------------------

SEEDLIKE = FULL + (
    ("产出指标", "时效指标", "网络故障修复响应时间、系统故障修复响应时间", "≤1小时"),
    (
        "产出指标",
        "时效指标",
        "系统软件故障修复响应时间、系统故障修复响应时间",
        "≤2小时",
    ),
    ("产出指标", "时效指标", "各类会议、文件资料等", "适时印发"),
    ("产出指标", "数量指标", "各类会议、文件资料等", "6000份"),
    ("满意度指标", "服务对象满意度", "社会认可度", "≥98%"),
    ("产出指标", "质量指标", "设施设备验收合格率", None),
    ("产出指标", "时效指标", None, "1小时内"),
)


def _findings(rows):
    f = form_from_mapping(form(*rows))
    out = set()
    for code in (
        "S101",
        "S102",
        "S103",
        "S104",
        "S105",
        "S108",
        "S109",
        "S110",
        "S113",
    ):
        r = rule(code)
        for x in r().check(FormFacts(f), Context(options=default_options(r))):
            ind = x.indicator
            out.add(
                (
                    x.message_id,
                    ind.name if ind else None,
                    ind.value_text if ind else None,
                )
            )
    return out


@given(st.randoms(use_true_random=False))
def test_shuffling_rows_changes_no_structure_finding(rnd: random.Random):
    rows = list(SEEDLIKE)
    expected = _findings(rows)
    rnd.shuffle(rows)
    assert _findings(rows) == expected


# --- the seed's defects in another layout: a Sichuan-style flat export, through loader and engine --

SICHUAN_CSV = """金额单位：元,,,,,,,,,,,
单位名称,项目名称,预算数,年度目标,一级指标,二级指标,三级指标,指标性质,指标值,度量单位,权重,指标方向性
某县应急管理局,应急值守经费,150000,全年24小时值守，处置突发事件信息报送,产出指标,数量指标,值守天数,＝,365,天,,正向
,,,,,质量指标,信息报送准确率,≥,98,%,,正向
,,,,,质量指标,值守经费,≤,150000,元,,反向
,,,,,质量指标,值守规范性,定性,严格执行值班制度,,,正向
,,,,满意度指标,服务对象满意度指标,社会公众认可度,≥,95,%,,正向
某县应急管理局,应急演练经费,80000,全年组织应急演练6次,产出指标,数量指标,演练次数,≥,6,次,,正向
,,,,,质量指标,演练方案完备率,＝,100,%,,正向
,,,,,质量指标,物资检查合格率,,,,,正向
,,,,,时效指标,报警响应时间/出动时间,≤,10,分钟,,反向
,,,,,时效指标,出动时间,≤,15,分钟,,反向
,,,,,时效指标,演练组织,定性,适时开展,,,正向
,,,,,时效指标,,≤,30,分钟,,反向
,,,,,成本指标,演练成本,≤,80000,元,,反向
,,,,效益指标,社会效益指标,公众应急意识,定性,有效提高,,,正向
,,,,,社会效益指标,演练次数,≥,6,次,,正向
,,,,满意度指标,服务对象满意度指标,参演人员满意度,≥,90,%,,正向
"""


def test_seed_defects_in_a_flat_export(tmp_path):
    from checker import Config, check_paths

    path = tmp_path / "sichuan.csv"
    path.write_text(SICHUAN_CSV, encoding="utf-8")
    report = check_paths([path], Config(select=("S", "V")))
    got = {(d.form.index, d.message_id, d.line) for d in report.diagnostics}
    assert got == {
        (0, "S101", 3),  # no 效益 row at all
        (0, "V108", 5),  # the only money line is under 质量指标: reported there, not as S101.cost
        (0, "S102", 3),  # no 时效指标
        (0, "V111", 6),  # 严格执行值班制度: prose quality
        (0, "S109", 7),  # 社会公众认可度 as the satisfaction indicator
        (1, "S105", 10),  # 物资检查合格率 without a value
        (1, "S108", 12),  # 出动时间 ≤10分钟 (inside 报警响应时间/出动时间) vs ≤15分钟
        (1, "V109", 13),  # 适时开展
        (1, "S104", 14),  # ≤30分钟 without a name
        (1, "V111", 16),  # 有效提高: unquantified (no published form uses it, so not W101's list)
        (1, "S113.same", 17),  # 演练次数 ≥6次 as output and again as benefit
    }


def test_a_compound_row_conflicting_through_its_second_part_is_found():
    rows = FULL + (("产出指标", "时效指标", "政务访谈筹备时间", "≤3天"),
                   ("产出指标", "时效指标", "市长访谈筹备时间", "≤5天"),
                   ("产出指标", "时效指标", "政务访谈筹备时间、市长访谈筹备时间", "≤3天"))
    findings, _ = run_rule(rule("S108"), form(*rows))
    assert [(f.args["name"], f.evidence["另一处指标值"], f.evidence["指标值"]) for f in findings] == [
        ("市长访谈筹备时间", "≤5天", "≤3天")]


def test_a_compound_total_below_a_part_conflicts():
    rows = FULL + (("产出指标", "数量指标", "全体会议次数、常务会议次数", "=40次"),
                   ("产出指标", "数量指标", "常务会议次数", "≥48次"))
    assert ids(run_rule(rule("S108"), form(*rows))[0]) == ["S108"]


def test_a_name_three_times_gives_two_repeats():
    rows = FULL + (FULL[0], FULL[0])
    assert ids(run_rule(rule("S113"), form(*rows))[0]) == ["S113.same", "S113.same"]


def test_compound_split_needs_parts_that_are_names_of_their_own():
    split = FULL + (("产出指标", "数量指标", "巡查次数、整改次数", "10次"),
                    ("产出指标", "数量指标", "整改次数", "≥12次"))
    assert [f.args["name"] for f in run_rule(rule("S108"), form(*split))[0]] == ["整改次数"]
    distributed = FULL + (("产出指标", "数量指标", "办公楼、宿舍楼维修面积", "≥500平方米"),
                          ("产出指标", "数量指标", "办公楼、宿舍楼绿化面积", "≥200平方米"))
    assert run_rule(rule("S108"), form(*distributed))[0] == []


def test_unreadable_indicator_table_is_insufficient_data_not_a_finding():
    import attrs

    from policy.forms.model import LoadIssue, Location
    from policy.api import InsufficientData

    f = form_from_mapping(form())
    issue = LoadIssue("E103", {}, Location("<mapping>"))
    r = rule("S101")
    try:
        list(r().check(FormFacts(attrs.evolve(f, issues=(issue,))), Context(options=default_options(r))))
    except InsufficientData as exc:
        assert exc.message_id == "S.reason.no-indicator-table"
    else:
        raise AssertionError("expected InsufficientData")
    assert ids(list(r().check(FormFacts(f), Context(options=default_options(r))))) == ["S101.empty"]
