"""The consistency rules C101–C105 case by case: small forms at each rule's edges, and what the
rule must conclude — its findings in full, that it passed, or the reason it could not check.

Each case holds one line of behaviour that mutation testing showed no test held
(docs/testing.md): a boundary of the goal-number comparison, a row skipped that must not be
compared, the order the listed indicators are shown in, the reason id of a not-applicable
outcome, the place a finding points at (on a Form built by hand where a mapping cannot give
the cell its own place), and the forms a unit finding names.
"""

from __future__ import annotations

import copy

import attrs
import pytest

from policy.api import Context, FormRef, NotApplicable
from policy.forms.canonical import form_from_mapping
from policy.forms.facts import FormFacts
from policy.forms.model import Location
from policy.registry import get_rule
from policy.testing import default_options, rule_run


def _concluded(code, *forms, **options):
    """[(message id, arguments, evidence, indicator name)] of each finding, or the reason id
    the rule stopped for, or "pass"."""
    findings, stop = rule_run(get_rule(code), *copy.deepcopy(forms), **options)
    if findings:
        return [(f.message_id, dict(f.args), dict(f.evidence), f.indicator.name if f.indicator else None)
                for f in findings]
    return stop.message_id if stop is not None else "pass"


# -- C101: a quantity promised in 年度目标 against the indicators --------------------------------

def _ind(name, value, **extra):
    return {"level1": "产出指标", "level2": "数量指标", "name": name, "value": value, **extra}


def _goal(annual, *indicators):
    return {"goals": {"annual": annual}, "indicators": list(indicators)}


def _c101(promise, listed, total=None, indicator=None):
    """The C101 finding a case expects: the goal's fragment, the indicators listed (and their
    sum's bounds when there are several), the indicator it is about."""
    evidence = {"年度目标": promise, "绩效指标": listed}
    if total is not None:
        evidence["指标合计"] = total
    return [("C101", {"promise": promise, "indicators": listed}, evidence, indicator)]


C101_CASES = [
    # the smallest goal number compared is min_number itself (2)
    ("goal-number-at-min-number", _goal("组织培训2次。", _ind("培训次数", "3次")), {},
     _c101("2次", "培训次数 3次", indicator="培训次数")),
    # no indicator shares a word with the goal's clause: nothing compared, and the rule says so
    ("no-indicator-about-the-clause", _goal("开展督查20次。", _ind("培训次数", "5次")), {},
     "C.reason.nothing-to-compare"),
    # 开展 is a stop word: sharing it does not make 督查 and 培训 the same thing
    ("a-stop-word-is-not-a-shared-word", _goal("开展督查20次。", _ind("开展培训次数", "5次")), {},
     "C.reason.nothing-to-compare"),
    # a promise whose unit no indicator uses does not end the check of the next one
    ("a-unit-without-indicators-does-not-end-the-check",
     _goal("开展培训3场，培训学员800人次。", _ind("培训人次", "≥1000人次")), {},
     _c101("800人次", "培训人次 ≥1000人次", indicator="培训人次")),
    # a per-period value (1期 a month) is not a count for the year
    ("a-per-period-value-is-not-compared", _goal("全年共12期。", _ind("访谈", "1期/月")), {},
     "C.reason.nothing-to-compare"),
    # a damaged value (V101's) is not read for counts
    ("a-damaged-value-is-not-read", _goal("全年共20次。", _ind("督查", "督查12次（见附件")), {},
     "C.reason.nothing-to-compare"),
    # a stated total is compared with every indicator of its unit; an unnamed one is shown as such
    # and, sorted by name, first — also before a name in Latin letters
    ("an-unnamed-indicator-in-a-total", _goal("全年共20期。", _ind(None, "12期"), _ind("APP访谈", "4期")), {},
     _c101("20期", "（无名称） 12期、APP访谈 4期", "16期")),
    # indicators of one name are listed by their value as written
    ("one-name-listed-by-value", _goal("全年共20期。", _ind("访谈", "≤9期"), _ind("访谈", "5期")), {},
     _c101("20期", "访谈 5期、访谈 ≤9期", "5–14期", "访谈")),
    # a goal number agrees with one indicator's bounds, ends included (督查40次 is about 督查次数,
    # not its sum with 督查回访)
    ("one-indicator-lower-bound", _goal("完成督查40次。", _ind("督查次数", "≥40次"), _ind("督查回访", "5次")), {},
     "pass"),
    ("one-indicator-upper-bound", _goal("完成督查40次。", _ind("督查次数", "30-40次"), _ind("督查回访", "20-25次")),
     {}, "pass"),
    ("above-one-indicator", _goal("完成督查41次。", _ind("督查次数", "30-40次"), _ind("督查回访", "20-25次")),
     {}, _c101("41次", "督查回访 20-25次、督查次数 30-40次", "50–65次", "督查回访")),
    # … or with the bounds of their sum (12–13 + 4–5 = 16–18), ends included
    ("within-the-sum", _goal("全年共17期。", _ind("访谈", "12-13期"), _ind("市长访谈", "4-5期")), {}, "pass"),
    ("the-sum-lower-bound", _goal("全年共16期。", _ind("访谈", "12-13期"), _ind("市长访谈", "4-5期")), {}, "pass"),
    ("the-sum-upper-bound", _goal("全年共18期。", _ind("访谈", "12-13期"), _ind("市长访谈", "4-5期")), {}, "pass"),
    ("above-the-sum", _goal("全年共19期。", _ind("访谈", "12-13期"), _ind("市长访谈", "4-5期")), {},
     _c101("19期", "市长访谈 4-5期、访谈 12-13期", "16–18期", "市长访谈")),
    # … or with a sum of some of the exact values (12 + 8 of 12, 8 and 3)
    ("a-sum-of-some-exact-values", _goal("全年共20次。", _ind("督查", "12次"), _ind("调研", "8次"), _ind("培训", "3次")),
     {}, "pass"),
    # a range is not an exact value: 30–35 + 10 does not make 40
    ("a-range-is-not-an-exact-value",
     _goal("全年共40次。", _ind("督查", "30-35次"), _ind("调研", "10次"), _ind("培训", "25次")), {},
     _c101("40次", "培训 25次、督查 30-35次、调研 10次", "65–70次", "培训")),
    # below the sum of open ranges: the sum is shown open upwards
    ("below-open-ranges", _goal("全年共10期。", _ind("访谈", "≥12期"), _ind("市长访谈", "≥14期")), {},
     _c101("10期", "市长访谈 ≥14期、访谈 ≥12期", "≥26期", "市长访谈")),
    # percentages compared when the options count them: a percentage has no floor of 0 (it may be
    # negative), so "≤2%" + "≤0.5%" is shown as at most 2.5%
    ("a-percentage-has-no-floor", _goal("投诉率控制在3%。", _ind("投诉率", "≤2%"), _ind("信访投诉率", "≤0.5%")),
     {"counters": ("%",)}, _c101("3%", "信访投诉率 ≤0.5%、投诉率 ≤2%", "≤2.5%", "信访投诉率")),
]


@pytest.mark.parametrize("form,options,expected", [c[1:] for c in C101_CASES], ids=[c[0] for c in C101_CASES])
def test_c101_case(form, options, expected):
    assert _concluded("C101", form, **options) == expected


# -- C102: one office, different responsible people ---------------------------------------------

def _unit(*implementers, unit="某县财政局"):
    return [{"name": f"项目{i + 1}", "budget_unit": unit, "implementer": text} for i, text in enumerate(implementers)]


def _reported(code, forms, **options):
    """(message id, the index of the form it names, arguments) of each finding of a unit rule."""
    findings, _ = rule_run(get_rule(code), *forms, **options)
    return [(f.message_id, f.form.index, dict(f.args)) for f in findings]


def test_c102_an_office_with_one_person_does_not_end_the_check():
    forms = _unit("国库股 李明", "预算股 王芳", "预算股 王芳", "预算股 王方")
    assert _reported("C102", forms) == [
        ("C102", 3, {"office": "预算股", "person": "王方", "majority": "王芳", "count": 2, "forms": 3})]


def test_c102_a_three_way_tie_names_each_forms_others():
    forms = _unit("预算股 王芳", "预算股 王方", "预算股 汪芳")
    findings, _ = rule_run(get_rule("C102"), *forms)
    assert [(f.message_id, f.form.index, dict(f.args), dict(f.evidence)) for f in findings] == [
        ("C102.tie", 0, {"office": "预算股", "person": "王芳", "others": "汪芳、王方"},
         {"本表责任人": "预算股 王芳", "其他表责任人": "汪芳（1张）、王方（1张）"}),
        ("C102.tie", 1, {"office": "预算股", "person": "王方", "others": "汪芳、王芳"},
         {"本表责任人": "预算股 王方", "其他表责任人": "汪芳（1张）、王芳（1张）"}),
        ("C102.tie", 2, {"office": "预算股", "person": "汪芳", "others": "王方、王芳"},
         {"本表责任人": "预算股 汪芳", "其他表责任人": "王方（1张）、王芳（1张）"}),
    ]


def test_c102_office_suffixes_option_splits_the_cell():
    """攻坚专班 ends in none of the default suffixes: without the option the cells are not split
    into office and person, and nothing is compared."""
    forms = _unit("攻坚专班张三", "攻坚专班张三", "攻坚专班李四")
    assert _reported("C102", forms) == []
    assert _reported("C102", forms, office_suffixes=("专班",)) == [
        ("C102", 2, {"office": "攻坚专班", "person": "李四", "majority": "张三", "count": 2, "forms": 3})]


# -- C105: two forms of one unit with one project name ------------------------------------------

def _named(*names, unit="某市政府办"):
    return [{"name": name, "budget_unit": unit, "year": 2022} for name in names]


def test_c105_names_the_other_forms():
    findings, _ = rule_run(get_rule("C105"), *_named("会议费", "政务访谈经费", "政务访谈经费", "政务访谈经费"))
    assert [(f.message_id, f.form.index, dict(f.args), dict(f.evidence)) for f in findings] == [
        ("C105", i, {"name": "政务访谈经费", "count": 3, "others": others},
         {"项目名称": "政务访谈经费", "同名表": others})
        for i, others in ((1, "<mapping>#3、<mapping>#4"), (2, "<mapping>#2、<mapping>#4"),
                          (3, "<mapping>#2、<mapping>#3"))
    ]


def test_c105_lists_five_other_forms_in_full():
    findings, _ = rule_run(get_rule("C105"), *_named(*["会议费"] * 6))
    assert findings[0].args["others"] == "、".join(f"<mapping>#{n}" for n in range(2, 7))


def test_c105_shortens_the_list_past_five_other_forms():
    findings, _ = rule_run(get_rule("C105"), *_named(*["会议费"] * 7))
    assert len(findings) == 7
    shown = "、".join(f"<mapping>#{n}" for n in range(2, 7)) + "、…（共 6 张）"
    assert findings[0].args["others"] == shown and findings[0].evidence["同名表"] == shown


# -- C103: 年度目标 copying 中长期目标 ----------------------------------------------------------------

def _goals(long_term, annual):
    return {"goals": {"long_term": long_term, "annual": annual}}


_LONG_GOAL = "完成全县农村公路安全生命防护工程建设，惠及沿线群众10万人。"  # 30 characters


def test_c103_near_copy_in_full():
    """The near-copy example: one character added to 27 distinct character pairs makes 27 of 28
    alike (96.4%, shown rounded down); the annual goal has 31 characters, shown as its first 30
    and an ellipsis."""
    annual = "完成全县农村公路安全生命防护工程建设，惠及沿线群众10万人次。"
    assert _concluded("C103", _goals(_LONG_GOAL, annual)) == [
        ("C103.near", {"excerpt": "完成全县农村公路安全生命防护工程建设，惠及沿线群众10万人次…", "similarity": "96"},
         {"中长期目标": _LONG_GOAL, "年度目标": annual, "相似度": "96%"}, None)]


def test_c103_a_thirty_character_goal_is_shown_whole():
    assert _concluded("C103", _goals(_LONG_GOAL, _LONG_GOAL))[0][1] == {"excerpt": _LONG_GOAL}


def test_c103_excerpt_shows_runs_of_whitespace_as_one_space():
    goal = "建成应急指挥平台\n  确保突发事件及时处置"
    assert _concluded("C103", _goals(goal, goal))[0][1] == {"excerpt": "建成应急指挥平台 确保突发事件及时处置"}


def test_c103_similarity_at_the_threshold_is_a_near_copy():
    """修建道路 and 修建道桥 share 2 of their 4 character pairs: 50% alike."""
    assert _concluded("C103", _goals("修建道路", "修建道桥"), similarity=50)[0][:2] == (
        "C103.near", {"excerpt": "修建道桥", "similarity": "50"})
    assert _concluded("C103", _goals("修建道路", "修建道桥"), similarity=51) == "pass"


# -- C104: the annual indicators copying the long-term ones --------------------------------------

def _both_periods(*rows, start=10):
    """A form whose long-term rows (lines start, start + 1, …) are repeated as its annual rows
    (on the lines after them); rows are (name, value)."""
    indicators = []
    for period in ("long_term", "annual"):
        for name, value in rows:
            indicators.append({**_ind(name, value), "period": period, "line": start + len(indicators)})
    return {"line": 3, "indicators": indicators}


def test_c104_same_values_under_other_names_is_no_copy():
    form = {"indicators": [{**_ind("硬化道路", "≥300公里"), "period": "long_term"},
                           {**_ind("新建道路", "≥300公里"), "period": "annual"}]}
    assert _concluded("C104", form) == "pass"


def test_c104_counts_rows_with_a_name_only():
    form = _both_periods(("硬化道路", "≥300公里"), ("验收合格率", None))
    assert _concluded("C104", form) == [
        ("C104", {"count": 2}, {"年度指标": "2 项", "中长期指标": "2 项，名称与指标值全部相同"}, None)]


@pytest.mark.parametrize("indicators", [
    [{**_ind(None, None), "period": "long_term"}, {**_ind("硬化道路", "≥300公里"), "period": "annual"}],
    [{**_ind("硬化道路", "≥900公里"), "period": "long_term"}, {**_ind(None, None), "period": "annual"}],
    [{**_ind("硬化道路", "≥900公里"), "period": "long_term"}],
], ids=["long-term-rows-blank", "annual-rows-blank", "no-annual-rows"])
def test_c104_without_filled_rows_in_both_periods(indicators):
    assert _concluded("C104", {"indicators": indicators}) == "C.reason.no-both-periods"


@pytest.mark.parametrize("rows,line", [
    # the first annual row by name, then by value (not a long-term row, which comes first)
    ((("验收合格率", "100%"), ("硬化道路", "≥300公里")), 13),
    ((("硬化道路", "≥300公里"), ("硬化道路", "≥200公里")), 13),
    # a row without a value sorts first among its name's rows, and is counted
    ((("硬化道路", "300公里"), ("硬化道路", None)), 13),
    # an unnamed row sorts first, also before a name in Latin letters
    ((("APP下载量", "≥1000次"), (None, "≥300公里")), 13),
], ids=["by-name", "by-value", "no-value-first", "unnamed-first"])
def test_c104_points_at_the_first_annual_row(rows, line):
    [finding], _ = rule_run(get_rule("C104"), _both_periods(*rows))
    assert finding.location.line == line


# -- the place of a finding when the cell has its own (a Form built by hand) ---------------------

_CELL = Location(path="unit.xlsx", line=7, sheet="项目1", cell="B7")


def _built(mapping, index=0, **cells):
    """The mapping's Form in unit.xlsx (form at line 1), with the given cells' places set."""
    return attrs.evolve(form_from_mapping(mapping, path="unit.xlsx", index=index), **cells)


def _checked(code, *forms):
    """The findings of ``code`` on Forms built by hand (a unit rule sees them as one unit)."""
    rule = get_rule(code)
    inst, ctx = rule(), Context(options=default_options(rule), year=None)
    facts = [FormFacts(f) for f in forms]
    try:
        if rule.scope == "unit":
            return list(inst.check_unit([(FormRef.of(f), inst.summarize(f, ctx)) for f in facts], ctx))
        return [finding for f in facts for finding in inst.check(f, ctx)]
    except NotApplicable:
        return []


@pytest.mark.parametrize("annual,message_id", [
    ("建成应急指挥平台，确保突发事件及时处置。", "C103"),
    ("建成应急指挥平台，确保突发事件及时处置到位。", "C103.near"),
])
def test_c103_points_at_the_annual_goal_cell(annual, message_id):
    built = _built(_goals("建成应急指挥平台，确保突发事件及时处置。", annual) | {"line": 1})
    built = attrs.evolve(built, goals=attrs.evolve(built.goals, annual_location=_CELL))
    assert [(f.message_id, f.location) for f in _checked("C103", built)] == [(message_id, _CELL)]


def test_c102_points_at_the_implementer_cell():
    forms = [_built(m | {"line": 1}, i, implementer_location=attrs.evolve(_CELL, line=7 + i))
             for i, m in enumerate(_unit("预算股 王芳", "预算股 王芳", "预算股 王方", "国库股 李明", "国库股 李敏"))]
    assert [(f.message_id, f.location.line) for f in _checked("C102", *forms)] == [
        ("C102", 9), ("C102.tie", 10), ("C102.tie", 11)]


def test_c105_points_at_the_name_cell():
    forms = [_built(m | {"line": 1}, i, name_location=attrs.evolve(_CELL, line=5 + i))
             for i, m in enumerate(_named("会议费", "会议费"))]
    assert [f.location.line for f in _checked("C105", *forms)] == [5, 6]
