"""W (wording) rules on whole forms in layouts they were not written against."""

from __future__ import annotations

from checker import Config, check
from policy.forms.canonical import form_from_mapping
from tests.rules.facw_forms import load_text, load_yaml, text_form


def _diags(forms, select):
    return check(forms, Config(select=select)).diagnostics


def test_clean_text_form_has_no_wording_finding():
    assert not _diags(load_text(text_form()), ("W",))


def test_w101_vague_values_other_wording():
    # The seed's 持续提升/不断提升, here 显著提升 and 不断增强 (phrases of published forms) in
    # other families, beside phrases no published form uses, which a user adds by `patterns`.
    forms = load_text(
        text_form(
            indicators=(
                ("产出指标", "数量指标", "养护里程", "≥120公里"),
                ("效益指标", "社会效益", "群众出行条件", "显著提升了群众出行条件"),
                ("效益指标", "可持续影响", "道路通行能力", "不断增强"),
                ("效益指标", "经济效益", "沿线产业发展", "进一步改善"),
                ("产出指标", "时效指标", "完成时间", "按时完成"),
                ("满意度指标", "服务对象满意度", "群众满意度", "较上年提升5%"),
            )
        )
    )
    d = _diags(forms, ("W101",))
    assert [(x.indicator.name, x.args["phrase"]) for x in d] == [
        ("群众出行条件", "显著提升"),
        ("道路通行能力", "不断增强"),
    ]
    assert all(x.evidence["指标值"] == x.indicator.value for x in d)
    own = Config(select=("W101",), rules={"W101": {"patterns": ["进一步(改善|提高)"]}})
    assert [x.args["phrase"] for x in check(forms, own).diagnostics] == ["进一步改善"]


def test_w102_placeholder_label_other_spelling():
    # The seed's 中长期目标（20**年 - 20**年）, here with XX and a placeholder in the goal.
    forms = load_text(
        text_form(
            long_term_label="中长期目标（20XX年-20XX年）", goal="完成XX公里道路养护。"
        )
    )
    d = _diags(forms, ("W102",))
    assert [(x.message_id, x.args["placeholder"]) for x in d] == [
        ("W102.label", "XX"),
        ("W102.field", "XX"),
    ]
    assert d[0].line == 13


def test_w102_placeholder_in_yaml_indicator_name_and_implementer():
    forms = load_yaml(
        "name: 旅游扶贫项目\n"
        "implementer: ××局 ×××\n"
        "indicators:\n"
        "  - {level1: 产出指标, level2: 数量指标, name: 景点开发数量(≥**个), value: ≥4个}\n"
        "  - {level1: 产出指标, level2: 数量指标, name: 'OA系统XXL部署', value: 1套}\n"
    )
    d = _diags(forms, ("W102",))
    assert sorted(x.message_id for x in d) == ["W102.field", "W102.indicator"]


def test_w103_confusions_in_both_directions():
    form = form_from_mapping(
        {
            "indicators": [
                {
                    "level1": "效益指标",
                    "level2": "社会效益指标",
                    "name": "工程竣工验收合格率",
                    "value": "100%",
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "带动贫困户增收",
                    "value": "≥300元/户",
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "验收合格率",
                    "value": "100%",
                },
            ]
        }
    )
    d = _diags([form], ("W103",))
    assert sorted((x.message_id, x.args["word"]) for x in d) == [
        ("W103.benefit-under-quality", "增收"),
        ("W103.quality-under-benefit", "合格率"),
    ]


def test_w102_placeholder_year_in_the_title():
    forms = load_text(text_form(title="某县20**年县级部门预算项目支出绩效目标申报表"))
    d = _diags(forms, ("W102",))
    assert [(x.message_id, x.args["field"]) for x in d] == [("W102.field", "表名")]
