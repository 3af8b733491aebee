"""C (consistency) rules: goals against indicators, and forms of one unit against each other."""

from __future__ import annotations

import random

from checker import Config, check
from policy.forms.canonical import form_from_mapping
from grammar import parse_value
from policy.authoring.consistency import (
    DEFAULT_APPROX_WORDS,
    DEFAULT_COUNTERS,
    promises,
    split_implementer,
)
from tests.rules.facw_forms import load_text, text_form


def _diags(forms, select):
    return check(forms, Config(select=select)).diagnostics


def _ind(name, value, level2="数量指标"):
    return {"level1": "产出指标", "level2": level2, "name": name, "value": value}


# ---------------------------------------------------------------- C101


def _promised(text):
    return [
        (p.fragment, p.number, p.unit)
        for p in promises(text, DEFAULT_COUNTERS, DEFAULT_APPROX_WORDS, parse_value)
    ]


def test_goal_numbers_read_and_skipped():
    assert _promised("每月举办一期，每季度举办一期，全年共16期。") == [
        ("16期", 16, "期")
    ]
    assert _promised("召开会议150余次；培训约200人次；20次左右；第3期；其中5个") == []
    assert _promised("1.全天24小时值守；2.处置突发事件") == []
    assert _promised("培训1.2万人次，建设十二个站点") == [
        ("1.2万人次", 12000, "人次"),
        ("十二个", 12, "个"),
    ]
    assert _promised("3个工作日内办结，开展2个月") == []


def test_c101_seed_pattern_agrees_in_text_layout():
    # 全年共16期 = 12期 + 4期 (the seed's agreement) with other names and wording.
    forms = load_text(
        text_form(
            goal="每月编发一期简报，每季度编发一期专刊，全年共编发16期。",
            indicators=(
                ("产出指标", "数量指标", "工作简报", "12期"),
                ("产出指标", "数量指标", "季度专刊", "4期"),
                ("产出指标", "成本指标", "每期编印成本", "≤5000元/期"),
            ),
        )
    )
    assert not _diags(forms, ("C101",))


def test_c101_goal_contradicts_prose_indicator():
    forms = load_text(
        text_form(
            goal="全年共开展道路巡查48次。",
            indicators=(("产出指标", "数量指标", "巡查次数", "每月3次，全年36次"),),
        )
    )
    d = _diags(forms, ("C101",))
    assert len(d) == 1
    assert d[0].args["promise"] == "48次"
    assert d[0].evidence["绩效指标"] == "巡查次数 每月3次，全年36次"
    assert d[0].line == 14  # the 年度目标 cell


def test_c101_sum_is_reported_with_its_bounds():
    form = form_from_mapping(
        {
            "goals": {"annual": "全年举办培训班20期。"},
            "indicators": [_ind("初级培训班", "12期"), _ind("高级培训班", "≤4期")],
        }
    )
    d = _diags([form], ("C101",))
    assert len(d) == 1 and d[0].evidence["指标合计"] == "12–16期"


def test_c101_other_counters_are_not_compared():
    form = form_from_mapping(
        {
            "goals": {"annual": "举办培训班20期，培训300人。"},
            "indicators": [_ind("培训班", "20期"), _ind("培训人次", "≥300人次")],
        }
    )
    assert not _diags([form], ("C101",))  # 人 and 人次 are different counters


# ---------------------------------------------------------------- C102


def test_split_implementer_variants():
    assert split_implementer("市府办 譙小涛") == ("市府办", "譙小涛")
    assert split_implementer("市府办譙小涛") == ("市府办", "譙小涛")
    assert split_implementer("县交通运输局：王海") == ("县交通运输局", "王海")
    assert split_implementer("县公路中心") is None
    assert split_implementer("") is None


def test_c102_other_office_other_layout_minority_reported():
    # The seed's 熊小涛 vs 譙小涛, here a county bureau, names with a colon and without a space.
    texts = [
        text_form(name=f"项目{i}", implementer=impl)
        for i, impl in enumerate(
            ["县公路中心：王海", "县公路中心王海", "县公路中心 汪海"]
        )
    ]
    forms = load_text(*texts)
    d = _diags(forms, ("C102",))
    assert [
        (x.form.index, x.message_id, x.args["person"], x.args["majority"]) for x in d
    ] == [(2, "C102", "汪海", "王海")]
    assert d[0].evidence["多数表责任人"] == "县公路中心 王海（2张）"


def test_c102_and_c105_do_not_depend_on_form_order():
    impls = ["科室A 张三", "科室A 张三", "科室A 李四", "科室B 王五"]
    names = ["甲", "乙", "甲", "丁"]
    mappings = [
        {"name": n, "budget_unit": "某局", "implementer": i}
        for n, i in zip(names, impls)
    ]

    def findings(order):
        forms = [form_from_mapping(mappings[k], index=k) for k in order]
        return sorted(
            (d.form.index, d.message_id) for d in _diags(forms, ("C102", "C105"))
        )

    base = findings([0, 1, 2, 3])
    assert base == [(0, "C105"), (2, "C102"), (2, "C105")]
    rng = random.Random(4)
    for _ in range(5):
        order = [0, 1, 2, 3]
        rng.shuffle(order)
        assert findings(order) == base


def test_c102_different_units_are_not_compared():
    forms = [
        form_from_mapping(
            {"name": "甲", "budget_unit": "A局", "implementer": "办公室 张三"}
        ),
        form_from_mapping(
            {"name": "乙", "budget_unit": "B局", "implementer": "办公室 李四"}, index=1
        ),
    ]
    assert not _diags(forms, ("C102",))


# ---------------------------------------------------------------- C103 / C104 / C105


def test_c103_copied_goal_in_text_layout():
    forms = load_text(
        text_form(long_term_goal="养护农村公路120公里。", goal="养护农村公路120公里")
    )
    assert [d.message_id for d in _diags(forms, ("C103",))] == ["C103"]


def test_c104_copied_indicator_columns():
    rows = [_ind("养护里程", "≥120公里"), _ind("养护合格率", "≥95%", "质量指标")]
    form = form_from_mapping(
        {"indicators": [dict(r, period="long_term") for r in rows] + rows}
    )
    d = _diags([form], ("C104",))
    assert [(x.message_id, x.args["count"]) for x in d] == [("C104", 2)]


def test_c105_duplicate_names_across_files_of_one_unit():
    a = load_text(text_form(name="乡村道路养护经费"), path="a.txt")
    b = load_text(text_form(name="乡村道路养护经费 "), path="b.txt")
    d = _diags(a + b, ("C105",))
    assert sorted(x.form.path for x in d) == ["a.txt", "b.txt"]


def test_shuffling_indicators_changes_no_facw_finding():
    rows = [
        _ind("初级培训班", "12期"),
        _ind("高级培训班", "4期"),
        {
            "level1": "产出指标",
            "level2": "成本指标",
            "name": "场地费",
            "value": "≤12万元",
        },
        {
            "level1": "产出指标",
            "level2": "成本指标",
            "name": "讲师费",
            "value": "≤10万元",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益",
            "name": "培训效果",
            "value": "持续提升",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益",
            "name": "结业考核合格率",
            "value": "≥90%",
        },
    ]
    rows += [dict(r, period="long_term") for r in rows]

    def findings(order):
        form = form_from_mapping(
            {
                "goals": {"annual": "全年举办培训班20期。"},
                "funding": {"total": "20万元", "fiscal": "20万元"},
                "indicators": [rows[k] for k in order],
            }
        )
        return sorted(
            (
                d.message_id,
                tuple(sorted(d.args.items())),
                d.indicator.name if d.indicator else None,
                tuple(sorted(d.evidence.items())),
            )
            for d in _diags([form], ("F", "A", "C", "W"))
        )

    base = findings(range(len(rows)))
    assert {f[0] for f in base} >= {
        "C101",
        "C104",
        "F105",
        "W101",
        "W103.quality-under-benefit",
    }
    rng = random.Random(7)
    for _ in range(5):
        order = list(range(len(rows)))
        rng.shuffle(order)
        assert findings(order) == base


def test_c101_compares_a_non_total_number_only_with_indicators_on_the_same_subject():
    form = form_from_mapping(
        {
            "goals": {"annual": "新建村级服务站8个，培训村医60人。"},
            "indicators": [
                _ind("新建村级服务站", "≥10个"),
                _ind("受益行政村", "25个"),
                _ind("村医培训人数", "60人"),
            ],
        }
    )
    d = _diags([form], ("C101",))
    assert [(x.args["promise"], x.args["indicators"]) for x in d] == [
        ("8个", "新建村级服务站 ≥10个")
    ]


def test_c101_in_a_sichuan_export():
    from tests.rules.facw_forms import load_tsv, sichuan_export

    forms = load_tsv(
        sichuan_export(
            "某县民政局",
            "特困人员救助供养",
            "1200000",
            "为全县特困人员提供基本生活保障，全年发放救助金12次。",
            [
                ("产出指标", "数量指标", "救助人数", "≥", "300", "人"),
                ("产出指标", "时效指标", "救助金发放次数", "＝", "10", "次"),
            ],
        )
    )
    d = _diags(forms, ("C101",))
    assert [(x.args["promise"], x.indicator.name) for x in d] == [
        ("12次", "救助金发放次数")
    ]


def test_a_realistic_clean_form_in_wan_yuan_has_no_facw_finding():
    forms = load_text(
        text_form(
            unit_line="单位：万元",
            name="农村饮水安全巩固提升工程",
            budget_unit="某市水利局",
            implementer="农村水利科 李明",
            kind=("延续项目",),
            term=("经常性",),
            basis=("法律法规", "上级文件要求"),
            long_term_total="900",
            total="300",
            fiscal="280",
            other="20",
            previous="250",
            procurement="120",
            sources_total="300",
            sources_parts=("280", "", "", "", "20"),
            long_term_goal="三年内新建和改造供水工程60处，巩固提升12万农村人口饮水安全水平。",
            goal="新建和改造集中供水工程20处，惠及农村人口4万人，水质达标率达到95%以上。",
            indicators=(
                ("产出指标", "数量指标", "新建和改造供水工程", "20处"),
                ("产出指标", "数量指标", "受益农村人口", "≥4万人"),
                ("产出指标", "质量指标", "工程验收合格率", "100%"),
                ("产出指标", "时效指标", "工程完工时间", "2024年11月底前"),
                ("成本指标", "经济成本指标", "单处工程平均投资", "≤15万元/处"),
                ("成本指标", "经济成本指标", "管材采购费用", "≤120万元"),
                ("效益指标", "社会效益", "农村自来水普及率", "≥92%"),
                ("满意度指标", "服务对象满意度", "受益群众满意度", "≥90%"),
            ),
        )
    )
    report = check(forms, Config(select=("F", "A", "C", "W")))
    assert not report.diagnostics
    coverage = report.coverage[0]
    for code in (
        "F101",
        "F102",
        "F103",
        "F104",
        "F105",
        "F107",
        "F108",
        "F109",
        "C101",
    ):
        assert coverage.outcome(code) == "pass", code  # really checked, and agreeing


def test_every_planted_defect_of_a_wan_yuan_form_is_found_once():
    text = text_form(
        unit_line="金额单位：万元",
        name="XX乡村振兴人才培训项目",
        kind=("新增项目", "延续项目"),
        term=("经常性",),
        basis=(),
        total="50",
        fiscal="45",
        sources_total="50",
        sources_parts=("40", "", "", "", "5"),
        long_term_label="中长期目标（20**年-20**年）",
        goal="全年举办乡村振兴人才培训6期，培训学员600人次。",
        indicators=(
            ("产出指标", "数量指标", "培训期数", "4期"),
            ("产出指标", "数量指标", "培训人次", "≥600人次"),
            ("产出指标", "成本指标", "场地租赁费", "≤30万元"),
            ("产出指标", "成本指标", "师资费", "≤25万元"),
            ("效益指标", "社会效益", "学员技能水平", "明显提升"),
            ("效益指标", "社会效益", "培训考核合格率", "≥90%"),
            ("满意度指标", "服务对象满意度", "学员满意度", "≥90%"),
        ),
    )
    report = check(load_text(text), Config(select=("F", "A", "C", "W", "V111")))
    assert sorted((d.message_id, d.line) for d in report.diagnostics) == [
        ("A101.many", 5),  # both 新增 and 延续 ticked
        ("A103", 6),  # no 立项依据
        ("C101", 14),  # 6期 promised, 4期 planned (600人次 agrees)
        ("F101", 7),  # 45 + 0 ≠ 50
        ("F102", 12),  # 40 + 5 ≠ 50
        ("F105", 18),  # 30 + 25 > 50
        ("V111", 20),  # 明显提升: not a phrase seen in published forms, so unquantified (V111)
        ("W102.field", 3),  # XX in the project name
        ("W102.label", 13),  # 20**年
        ("W103.quality-under-benefit", 21),  # 合格率 under 社会效益
    ]
