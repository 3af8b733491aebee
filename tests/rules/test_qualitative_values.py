"""V115 (yes/no indicators), V116 (a grading scale with no grade chosen) and their helpers, and
that V111 leaves both to them (one finding per root cause)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy.authoring.examples import form, row
from policy.authoring.qualitative import (
    FAILING_GRADES,
    LOWER_GRADES,
    SCALE_GRADES,
    grading_scale,
    is_question,
    yes_no_answer,
)
from policy.rules.V111_not_quantified import NotQuantified
from policy.rules.V115_yes_no_indicator import YesNoIndicator
from policy.rules.V116_grading_scale_value import GradingScaleValue
from policy.testing import run_rule


@pytest.mark.parametrize("value,grades", [
    ("好、较好、一般", ("好", "较好", "一般")),
    ("优/良/中/差", ("优", "良", "中", "差")),
    ("优良中低差", ("优", "良", "中", "低", "差")),  # run together, evenly: not 优良 then 中
    ("定性 | 优良中低差", ("优", "良", "中", "低", "差")),
    ("优秀良好一般较差", ("优秀", "良好", "一般", "较差")),
    ("好较好一般", ("好", "较好", "一般")),  # not one grade a character: longest first at each place
    ("合格/不合格", ("合格", "不合格")),
    ("高、中、低。", ("高", "中", "低")),
])
def test_a_whole_scale_is_recognised(value, grades):
    assert grading_scale(value) == grades


@pytest.mark.parametrize("value", ["优良", "优、良", "优良中", "提高、改善", "是/否", "良好", "≥95%", "",
                                   None, "好、好、一般", "优、良、按时完成", "完成、达标、合格", "优秀满意达标",
                                   "良好良好差"])  # a grade twice: no scale
def test_a_chosen_grade_or_anything_else_is_no_scale(value):
    assert grading_scale(value) is None


def test_the_word_lists_given_are_the_ones_used():
    """Each helper reads the lists a rule's options give it, not only its defaults."""
    assert yes_no_answer("按时完成", "有") is None  # 有 answers only a question
    assert yes_no_answer("按时完成", "有", question_prefixes=("按时",)) == "有"
    assert not is_question("制度建立情况")
    assert is_question("制度建立情况", suffixes=("情况",))
    assert grading_scale("甲、乙、丙", grades=("甲", "乙", "丙"), failing=()) is None  # 丙 is no lower grade
    assert grading_scale("甲、乙、丙", grades=("甲", "乙", "丙"), failing=(), lower=("丙",)) == ("甲", "乙", "丙")


@given(st.lists(st.sampled_from(SCALE_GRADES), min_size=2, max_size=5, unique=True),
       st.sampled_from(LOWER_GRADES), st.sampled_from(["、", "/", "，", "；"]))
def test_distinct_grades_with_a_lower_one_are_a_scale(grades, lower, sep):
    listed = [g for g in grades if g != lower] + [lower]
    if len(listed) >= 3 or lower in FAILING_GRADES:
        assert grading_scale(sep.join(listed)) == tuple(listed)
    elif not set(listed) & set(FAILING_GRADES):
        assert grading_scale(sep.join(listed)) is None  # "优、良": maybe the target 优 or 良


@given(st.lists(st.sampled_from([g for g in SCALE_GRADES if g not in LOWER_GRADES]), min_size=3, max_size=5,
                unique=True))
def test_top_grades_alone_are_no_scale(grades):
    assert grading_scale("、".join(grades)) is None


@given(st.sampled_from(SCALE_GRADES))
def test_one_grade_is_never_a_scale(grade):
    assert grading_scale(grade) is None


@pytest.mark.parametrize("name,value,answer", [
    ("是否按时完成", "是", "是"), ("x", "否。", "否"), ("x", "是/否", "是/否"),
    ("有无安全事故", "无", "无"), ("安全事故", "无", None), ("长效机制", "有", None), ("x", "是的", None),
])
def test_yes_no_answers(name, value, answer):
    assert yes_no_answer(name, value) == answer


@pytest.mark.parametrize("name,asks", [("是否按时完成", True), ("规章制度建立与否", True), ("有无事故", True),
                                       ("是否", True), ("按时完成率", False), ("", False), (None, False)])
def test_question_shaped_names(name, asks):
    assert is_question(name) is asks


def _ids(rule, *rows_):
    findings, _ = run_rule(rule, form(*rows_))
    return [f.message_id for f in findings]


def test_yes_no_is_reported_once_not_also_as_unquantified():
    r = row("产出指标", "质量指标", "培训档案是否建立", "是")
    assert _ids(YesNoIndicator, r) == ["V115"]
    assert _ids(NotQuantified, r) == []


def test_a_question_name_with_prose_is_v115_not_v111():
    r = row("产出指标", "质量指标", "是否按规定建立档案", "按规定建立")
    assert _ids(YesNoIndicator, r) == ["V115.question"]
    assert _ids(NotQuantified, r) == []


def test_a_question_name_with_a_number_or_date_is_measured():
    assert _ids(YesNoIndicator, row("产出指标", "时效指标", "是否按时完成", "2022年12月底前")) == []
    assert _ids(YesNoIndicator, row("产出指标", "数量指标", "是否培训到位", "≥280人次")) == []


def test_a_scale_is_reported_once_not_also_as_unquantified():
    r = row("效益指标", "社会效益", "社会影响", "好、较好、一般")
    findings, _ = run_rule(GradingScaleValue, form(r))
    assert [(f.message_id, f.args["grades"]) for f in findings] == [("V116", "好、较好、一般")]
    assert _ids(NotQuantified, r) == []


def test_v111_still_reports_other_prose():
    assert _ids(NotQuantified, row("产出指标", "质量指标", "质量要求", "网站、电视全媒体直播")) == ["V111"]


def test_options_change_what_counts():
    r = row("产出指标", "质量指标", "档案建立", "已建立")
    assert run_rule(YesNoIndicator, form(r))[0] == []
    findings, _ = run_rule(YesNoIndicator, form(r), answers=("已建立",))
    assert [f.message_id for f in findings] == ["V115"]
    scale = row("产出指标", "质量指标", "工程质量", "甲、乙")
    assert run_rule(GradingScaleValue, form(scale))[0] == []
    findings, _ = run_rule(GradingScaleValue, form(scale), grades=("甲", "乙"), failing_grades=("乙",),
                           lower_grades=("乙",))
    assert [f.message_id for f in findings] == ["V116"]
