"""C106–C108 at their edges: what each finding says and where it points, the forms and rows a
check skips without ending, the pairing of forms, and the rules' own examples run as a user runs
them (the whole checker, every rule). Written for the survivors of the mutation run of
2026-12-05 (docs/testing.md); each case is behaviour a report shows.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import attrs
import pytest

from checker.config import Config
from checker.engine import Engine
from policy.api import Context, FormRef, Rule
from policy.authoring.examples import evaluation_form
from policy.forms.canonical import form_from_mapping
from policy.forms.facts import FormFacts
from policy.forms.model import Form, Location
from policy.registry import all_rules, get_rule
from policy.rules.C106_self_evaluation_differs_from_target import (
    _changed,
    _dropped_and_added,
    _pair,
    _respelled,
)
from policy.rules.C107_copied_project_targets import _GOAL as _C107_EXAMPLE_GOAL
from policy.rules.C107_copied_project_targets import _ROWS as _C107_EXAMPLE_ROWS
from policy.rules.C107_copied_project_targets import _form as _c107_example_form
from policy.testing import default_options, rule_run

ENGINE = Engine(Config())
C106 = get_rule("C106")


def _unit_findings(rule: type[Rule], *forms: Form, **options):
    """The findings of a unit-scope rule on these forms taken as one unit, in this order (as
    policy.testing.rule_run, but on Forms, which may carry places a mapping cannot give)."""
    ctx = Context(options={**default_options(rule), **options}, year=None)
    inst = rule()
    facts = [FormFacts(f) for f in forms]
    return list(inst.check_unit([(FormRef.of(f), inst.summarize(f, ctx)) for f in facts], ctx))


def _checked_all(mappings):
    """The whole checker's report on these forms (the C106 examples are one unit's forms)."""
    return ENGINE.check_forms([form_from_mapping(m, index=i) for i, m in enumerate(mappings)])


def _outcomes(report, skip):
    """Each form's outcome of every rule but ``skip``."""
    return [{r.code: coverage.outcome(r.code) for r in all_rules() if r.code != skip}
            for coverage in report.coverage]


# -- C106: a self-evaluation against the approved target form -------------------------------------

_C106_SHOWN = {
    "changed": [("C106.changed", 1, {"name": "养护里程", "evaluated": "≥100公里", "approved": "≥120公里",
                                     "target_form": "<mapping>#1"},
                 {"批复指标值": "≥120公里", "自评表指标值": "≥100公里"})],
    "dropped_and_added": [
        ("C106.added", 1, {"name": "沿线村民满意度", "target": "≥95%", "target_form": "<mapping>#1"},
         {"自评表指标值": "≥95%"}),
        ("C106.dropped", 1, {"name": "群众满意度", "target": "≥90%", "target_form": "<mapping>#1"},
         {"批复指标值": "≥90%"})],
    "respelled": [],
    "none": [],
}


@pytest.mark.parametrize("change", [None, _changed, _dropped_and_added, _respelled],
                         ids=["good", "changed", "dropped_and_added", "respelled"])
def test_c106_examples_show_their_difference_and_nothing_else(change):
    """Each example, checked by every rule as a user would check the two forms: C106 says what
    the note says, on the self-evaluation, and every other rule concludes as on the clean pair —
    the example shows one defect, the one it is about."""
    clean = _checked_all(_pair()["forms"])
    report = _checked_all(_pair(change)["forms"])
    key = change.__name__.lstrip("_") if change else "none"
    assert [(d.message_id, d.form.index, dict(d.args), dict(d.evidence))
            for d in report.diagnostics if d.code == "C106"] == _C106_SHOWN[key]
    assert [d.code for d in report.diagnostics if d.code != "C106"] == []
    assert _outcomes(report, "C106") == _outcomes(clean, "C106")
    assert [c.outcome("C106") for c in report.coverage] == \
        ["not_selected", "fail" if _C106_SHOWN[key] else "pass"]


def test_c106_respelled_example_writes_the_approved_value_otherwise():
    target, evaluation = _pair(_respelled)["forms"]
    approved = next(r["value"] for r in target["indicators"] if r["name"] == "群众满意度")
    evaluated = next(r["target"] for r in evaluation["indicators"] if r["name"] == "群众满意度")
    assert (approved, evaluated) == ("≥90%", "≥ 90 %")


def _complete_rows(mapping):
    """The rows of an example form that are not complete: a 一级 or 二级 not printed as a known
    label, a 指标值 or 实际完成值 the grammar cannot read. docs/rules.md and ``jixiao explain``
    show the examples as forms to copy from, so they print whole rows (a rule may still not
    need a column: the 一级 follows from the 二级)."""
    rows = [(ind.name, ind.level1, ind.level2, ind.value.error,
             ind.evaluation.actual.error if ind.evaluation and ind.evaluation.actual else None)
            for ind in form_from_mapping(mapping).indicators]
    return [row for row in rows if None in row[1:3] or row[3:] != (None, None)]


@pytest.mark.parametrize("change", [None, _changed, _dropped_and_added, _respelled],
                         ids=["good", "changed", "dropped_and_added", "respelled"])
def test_c106_example_forms_print_whole_rows(change):
    assert [_complete_rows(m) for m in _pair(change)["forms"]] == [[], []]


def _indicator(name, value, line, **more):
    return {"level1": "产出指标", "level2": "数量指标", "name": name, "value": value, "line": line, **more}


def _target(*rows, name="农村道路养护项目", year=2022, line=1):
    return form_from_mapping({"name": name, "year": year, "budget_unit": "某县交通运输局", "line": line,
                              "indicators": list(rows)}, index=0)


def _evaluation(*rows, name="农村道路养护项目", year=2022, line=20, index=1):
    mapping = {"kind": "self_evaluation", "name": name, "year": year, "budget_unit": "某县交通运输局",
               "line": line,  # a self-evaluation prints the approved value as its 年度指标值 (target)
               "indicators": [{**{k: v for k, v in r.items() if k != "value"}, "target": r["value"]}
                              for r in rows]}
    return form_from_mapping(mapping, index=index)


def _said(findings):
    return [(f.message_id, f.args.get("name"), f.location.line if f.location else None) for f in findings]


def test_c106_findings_in_full_and_where_they_point():
    """Changed and added: the self-evaluation's row; dropped: the project name's cell of the
    self-evaluation (the row is not there). Each on the self-evaluation, naming the target form."""
    target = _target(_indicator("养护里程", "不少于120公里", 2), _indicator("群众满意度", "≥90%", 3))
    evaluation = _evaluation(_indicator("养护里程", "≥100公里", 22), _indicator("新增里程", "≥5公里", 23))
    name_cell = Location(path="<mapping>", line=21)
    evaluation = attrs.evolve(evaluation, name_location=name_cell)
    findings = _unit_findings(C106, target, evaluation)
    ref = FormRef.of(evaluation)
    assert [(f.message_id, dict(f.args), dict(f.evidence), f.location, f.form) for f in findings] == [
        ("C106.changed", {"name": "养护里程", "evaluated": "≥100公里", "approved": "不少于120公里",
                          "target_form": "<mapping>#1"},  # the approved value as printed
         {"批复指标值": "不少于120公里", "自评表指标值": "≥100公里"}, Location(path="<mapping>", line=22), ref),
        ("C106.added", {"name": "新增里程", "target": "≥5公里", "target_form": "<mapping>#1"},
         {"自评表指标值": "≥5公里"}, Location(path="<mapping>", line=23), ref),
        ("C106.dropped", {"name": "群众满意度", "target": "≥90%", "target_form": "<mapping>#1"},
         {"批复指标值": "≥90%"}, name_cell, ref),
    ]


@pytest.mark.parametrize("approved,evaluated,changed", [
    ("≥120公里", "不少于120公里", False),  # the same meaning in other words
    ("≥12O公里", "≥12O 公里", False),  # a damaged value (letter O) copied with a space: the same text
    ("≥12O公里", "≥10O公里", True),  # a damaged value changed is still a change
    ("≥1.5O公里", "≥15O公里", True),  # a damaged value's decimal point is part of its figure
    ("≥12O公里", "≥12O公里。", False),  # a full stop after a damaged value is not a change
    ("≥10XX", "≥10", True),  # a placeholder after the figure is damage, not punctuation to drop
    ("≥120公里", "≥100公里", True),
])
def test_c106_compares_values_by_meaning(approved, evaluated, changed):
    findings = _unit_findings(C106, _target(_indicator("养护里程", approved, 2)),
                              _evaluation(_indicator("养护里程", evaluated, 22)))
    assert _said(findings) == ([("C106.changed", "养护里程", 22)] if changed else [])


def test_c106_rows_it_does_not_compare_do_not_end_the_comparison():
    """A named row without a 指标值 is neither added nor compared, a repeated name is compared
    once (its first row), a long-term row of the target form is not an annual indicator; the
    rows after them are still compared."""
    target = _target(_indicator("完成时间", "2022年底前", 2, period="long_term"),
                     _indicator("养护里程", "≥120公里", 3), _indicator("群众满意度", "≥90%", 4))
    evaluation = _evaluation(_indicator("备注", "", 21), _indicator("养护里程", "≥120公里", 22),
                             _indicator("养护里程", "≥100公里", 23), _indicator("群众满意度", "≥80%", 24))
    assert _said(_unit_findings(C106, target, evaluation)) == [("C106.changed", "群众满意度", 24)]


def test_c106_forms_without_a_project_name_are_not_paired():
    target = _target(_indicator("养护里程", "≥120公里", 2), name="")
    evaluation = _evaluation(_indicator("养护里程", "≥100公里", 22), name="")
    assert _unit_findings(C106, target, evaluation) == []


def test_c106_compares_each_self_evaluation_with_its_own_project_only():
    unit = [_target(_indicator("养护里程", "≥120公里", 2), name="农村道路养护项目"),
            _evaluation(_indicator("培训人次", "≥200人次", 22), name="驾驶员培训项目", index=1),
            _target(_indicator("培训人次", "≥300人次", 42), name="驾驶员培训项目", line=40),
            _evaluation(_indicator("养护里程", "≥120公里", 62), name="农村道路养护项目", line=60, index=3)]
    unit[2] = attrs.evolve(unit[2], index=2)
    findings = _unit_findings(C106, *unit)
    assert [(f.message_id, f.form.index, f.args["approved"]) for f in findings] == \
        [("C106.changed", 1, "≥300人次")]


@pytest.mark.parametrize("target_year,evaluation_year,paired", [
    (2022, 2022, True),
    (2021, 2022, False),  # last year's target form: not the one approved for this year
    (None, 2022, True),  # a year stated on one form only does not keep them apart
    (2022, None, True),
])
def test_c106_pairs_by_year_when_both_forms_state_one(target_year, evaluation_year, paired):
    findings = _unit_findings(C106, _target(_indicator("养护里程", "≥120公里", 2), year=target_year),
                              _evaluation(_indicator("养护里程", "≥100公里", 22), year=evaluation_year))
    assert _said(findings) == ([("C106.changed", "养护里程", 22)] if paired else [])


def test_c106_an_unpaired_self_evaluation_does_not_end_the_check():
    """Two years of the project's self-evaluations; only the later one has its target form."""
    earlier = _evaluation(_indicator("养护里程", "≥100公里", 2), year=2021, line=1, index=0)
    target = attrs.evolve(_target(_indicator("养护里程", "≥120公里", 12), line=10), index=1)
    later = _evaluation(_indicator("养护里程", "≥110公里", 22), index=2)
    findings = _unit_findings(C106, earlier, target, later)
    assert [(f.message_id, f.form.index, f.args["evaluated"]) for f in findings] == \
        [("C106.changed", 2, "≥110公里")]


def test_c106_example_pairs_by_year_in_a_run_of_two_years():
    """The 2022 example with the project's 2021 pair in the same run: each self-evaluation is
    compared with its own year's target form."""
    forms = _pair(_changed)["forms"]
    earlier_target = copy.deepcopy(forms[0])
    earlier_evaluation = copy.deepcopy(forms[1])
    earlier_target["year"] = earlier_evaluation["year"] = 2021
    earlier_target["indicators"][0]["value"] = "≥90公里"  # 2021 approved 90, the example evaluates 100
    report = _checked_all([*forms, earlier_target, earlier_evaluation])
    assert sorted((d.message_id, d.form.index, d.args["approved"])
                  for d in report.diagnostics if d.code == "C106") == \
        [("C106.changed", 1, "≥120公里"), ("C106.changed", 3, "≥90公里")]


# -- C108: fund figures in the goal text against the 项目资金 rows ---------------------------------

C108 = get_rule("C108")


def _c108_form(actual="", annual="", execution=None):
    """The example self-evaluation with these goal texts and, if given, these 项目资金 rows."""
    mapping = evaluation_form()
    mapping["goals"] = {"annual": annual, "annual_actual": actual}
    if execution is not None:
        mapping["execution"] = execution
    return mapping


def _c108_said(mapping, **options):
    findings, stop = rule_run(C108, mapping, **options)
    return [(dict(f.args), dict(f.evidence)) for f in findings] or (stop.message_id if stop else "pass")


def _said_of(said, row, column, printed):
    return [({"said": said, "row": row, "column": column, "printed": printed},
             {"文字": said, f"{row} {column}": printed})]


_TOTAL = "年度资金总额"


@pytest.mark.parametrize("mapping,options,expected", [
    # the figures in full: 万元 from yuan, a rate as printed or, when none is, computed to 0.01
    (_c108_form("执行资金45万元。"), {}, _said_of("执行资金45万元", _TOTAL, "全年执行数", "48万元")),
    (_c108_form(annual="预算资金60万元。"), {}, _said_of("预算资金60万元", _TOTAL, "全年预算数", "50万元")),
    (_c108_form("执行率98%。", execution=[{"row": _TOTAL, "budget": "60", "spent": "40"}]), {},
     _said_of("执行率98%", _TOTAL, "执行率", "66.67%")),
    (_c108_form("执行率98%。", execution=[{"row": _TOTAL, "budget": "50", "spent": "48", "rate": "96.0%"}]),
     {}, _said_of("执行率98%", _TOTAL, "执行率", "96.0%")),
    # a budget figure is compared with the budget columns, not with the amount spent
    (_c108_form(annual="预算资金50万元。"), {}, "pass"),
    (_c108_form(annual="预算资金50万元。", execution=[{"row": _TOTAL, "budget": "50", "spent": "48"}]), {},
     "pass"),  # no 年初预算数 cell
    (_c108_form(annual="预算资金50万元。", execution=[{"row": _TOTAL, "initial": "50", "budget": "60"}]), {},
     "pass"),  # the 年初预算数 quoted
    # the rate is spent ÷ budget when both are given (R101 judges the printed one), else the printed one
    (_c108_form("执行率96%。", execution=[{"row": _TOTAL, "budget": "50", "spent": "48", "rate": "90%"}]),
     {}, "pass"),
    (_c108_form("执行率96%。", execution=[{"row": _TOTAL, "spent": "48", "rate": "96%"}]), {}, "pass"),
    (_c108_form("执行率96%。", execution=[{"row": _TOTAL, "budget": "—", "spent": "48", "rate": "96%"}]),
     {}, "pass"),
    (_c108_form("执行率100%。", execution=[{"row": _TOTAL, "budget": "0.0001", "spent": "0.0001",
                                          "rate": "50%"}]), {}, "pass"),  # a budget of 1 元 divides
    # rounding: the text's digits, and the printed rate's own
    (_c108_form("执行率97%。"), {}, _said_of("执行率97%", _TOTAL, "执行率", "96%")),
    (_c108_form("执行率96%。", execution=[{"row": _TOTAL, "budget": "50", "spent": "48.25"}]), {}, "pass"),
    (_c108_form("执行率96.4%。", execution=[{"row": _TOTAL, "rate": "96%"}]), {}, "pass"),
    (_c108_form("执行资金48.5万元。", execution=[{"row": _TOTAL, "budget": "50", "spent": "48.45"}]), {},
     "pass"),
    # tolerances
    (_c108_form("执行率97%。"), {"tolerance_points": Decimal(1)}, "pass"),
    (_c108_form("执行资金49万元。"), {"tolerance_share": Decimal("0.05")}, "pass"),
    (_c108_form("执行资金49万元。"), {}, _said_of("执行资金49万元", _TOTAL, "全年执行数", "48万元")),
    # the words are options
    (_c108_form("拨付资金45万元。"), {"spent_words": ("拨付资金",)},
     _said_of("拨付资金45万元", _TOTAL, "全年执行数", "48万元")),
    # figures that are not compared do not end the check
    (_c108_form(annual="执行资金30万元，预算资金60万元。"), {},
     _said_of("预算资金60万元", _TOTAL, "全年预算数", "50万元")),  # 预期目标: budgets only
    (_c108_form("执行率96%，执行资金45万元。", execution=[{"row": _TOTAL, "spent": "48"}]), {},
     _said_of("执行资金45万元", _TOTAL, "全年执行数", "48万元")),  # no row states a rate
    (_c108_form("执行资金48万元，执行率98%。"), {}, _said_of("执行率98%", _TOTAL, "执行率", "96%")),
    # which goal texts there are
    (_c108_form("执行资金45万元。", annual=""), {}, _said_of("执行资金45万元", _TOTAL, "全年执行数", "48万元")),
    (_c108_form("", annual=""), {}, "C.reason.no-goal-text"),
    (_c108_form("全年养护农村道路126公里。"), {}, "C.reason.no-fund-figures"),
])
def test_c108_case(mapping, options, expected):
    assert _c108_said(mapping, **options) == expected


def test_c108_points_at_the_goal_text_it_read():
    """The finding is at the 实际完成情况 cell for a figure there, at the 年度目标 cell for one in
    the planned goal (places a loaded file gives; a mapping gives the form's)."""
    built = form_from_mapping(_c108_form("执行资金45万元。", annual="预算资金60万元。") | {"line": 1})
    actual_cell, annual_cell = Location(path="<mapping>", line=8), Location(path="<mapping>", line=6)
    built = attrs.evolve(built, goals=attrs.evolve(built.goals, annual_actual_location=actual_cell,
                                                   annual_location=annual_cell))
    findings = list(C108().check(FormFacts(built), Context(options=default_options(C108), year=None)))
    assert [(f.args["said"], f.location) for f in findings] == \
        [("执行资金45万元", actual_cell), ("预算资金60万元", annual_cell)]


# -- C107: two projects of one unit with copied targets ------------------------------------------

C107 = get_rule("C107")
_C107_GOAL = "全年开展高素质农民培训500人，培训合格率达到95%以上，参训农民满意度达到90%以上。"
_C107_OTHER_GOAL = "完成20个行政村生活垃圾收运体系建设，村庄保洁覆盖率达到100%。"


def _rows(count, tag="", period=None):
    """``count`` annual rows named 指标1… (with ``tag`` in front), each its own value."""
    out = [{"level1": "产出指标", "level2": "数量指标", "name": f"{tag}指标{i}", "value": f"≥{i + 1}个"}
           for i in range(count)]
    return [{**r, "period": period} for r in out] if period else out


def _project(name, goal="", rows=(), index=0, line=1):
    mapping = {"name": name, "budget_unit": "某县农业农村局", "year": 2023, "goals": {"annual": goal},
               "indicators": list(rows), "line": line}
    if name is None:
        del mapping["name"]
    return form_from_mapping(mapping, index=index)


def _c107(*forms, **options):
    return [(f.message_id, f.form.index, f.args.get("goal_similarity"), f.args.get("indicator_similarity"))
            for f in _unit_findings(C107, *forms, **options)]


@pytest.mark.parametrize("later,expected", [
    ({}, [("C107.both", 1, "农村实用人才培训项目", "高素质农民培训项目", "100", "100")]),
    ({"name": "高素质农民培训项目", "year": 2024}, []),  # the continuing project, next year
])
def test_c107_example_forms_checked_by_every_rule(later, expected):
    """The forms C107's examples are built from, as a user checks them: C107 says what the
    example is about, on the later form; C105 sees no duplicate project (a copied form is another
    project, the next year's form another year); the other rules only that the forms have no
    成本指标 (the examples leave it out)."""
    first = _c107_example_form("高素质农民培训项目", _C107_EXAMPLE_GOAL, _C107_EXAMPLE_ROWS)
    second = {**_c107_example_form("农村实用人才培训项目", _C107_EXAMPLE_GOAL, _C107_EXAMPLE_ROWS), **later}
    report = _checked_all([first, second])
    assert [(d.message_id, d.form.index, d.args["name"], d.args["other"], d.args.get("goal_similarity"),
             d.args.get("indicator_similarity")) for d in report.diagnostics if d.code == "C107"] == expected
    assert sorted((d.message_id, d.form.index) for d in report.diagnostics if d.code != "C107") == \
        [("S101.cost", 0), ("S101.cost", 1)]
    assert [(c.outcome("C105"), c.outcome("C107")) for c in report.coverage] == \
        [("pass", "pass"), ("pass", "fail" if expected else "pass")]


def test_c107_example_forms_are_whole_forms_of_one_budget_year():
    """The example forms state the budget year that C107 compares within (its good example is
    the same project a year later) and print whole rows."""
    mapping = _c107_example_form("高素质农民培训项目", _C107_EXAMPLE_GOAL, _C107_EXAMPLE_ROWS)
    assert form_from_mapping(mapping).year == 2023
    assert _complete_rows(mapping) == []


def test_c107_near_copy_example():
    report = _checked_all(C107.bad[1].form["forms"])
    assert [(d.message_id, d.form.index, d.args.get("goal_similarity"), d.args.get("indicator_similarity"))
            for d in report.diagnostics if d.code == "C107"] == [("C107.goal", 1, "70", None)]


def test_c107_findings_in_full_and_where_they_point():
    """A copied goal points at the later form's 年度目标 cell; a copied indicator set alone at the
    form itself (no one row is the copy)."""
    first = _project("高素质农民培训项目", _C107_GOAL, _rows(5))
    goal_cell = Location(path="<mapping>", line=25)
    copied = _project("农村实用人才培训项目", _C107_GOAL, _rows(5), index=1, line=20)
    copied = attrs.evolve(copied, goals=attrs.evolve(copied.goals, annual_location=goal_cell))
    rows_only = attrs.evolve(_project("农村电商培训项目", _C107_OTHER_GOAL, _rows(5), index=2, line=40),
                             goals=attrs.evolve(copied.goals, annual=_C107_OTHER_GOAL,
                                                annual_location=Location(path="<mapping>", line=45)))
    findings = _unit_findings(C107, first, copied, rows_only)
    assert [(f.message_id, dict(f.args), dict(f.evidence), f.location, f.form.index) for f in findings] == [
        ("C107.both", {"name": "农村实用人才培训项目", "other": "高素质农民培训项目", "other_ref": "<mapping>#1",
                       "goal_similarity": "100", "indicator_similarity": "100", "shared": 5},
         {"本表": "<mapping>#2", "雷同的表": "<mapping>#1", "年度目标相似度": "100%",
          "相同的指标（名称与指标值）": "5"}, goal_cell, 1),
        ("C107.indicators", {"name": "农村电商培训项目", "other": "高素质农民培训项目", "other_ref": "<mapping>#1",
                             "indicator_similarity": "100", "shared": 5},
         {"本表": "<mapping>#3", "雷同的表": "<mapping>#1", "相同的指标（名称与指标值）": "5"},
         Location(path="<mapping>", line=40), 2),
        ("C107.indicators", {"name": "农村电商培训项目", "other": "农村实用人才培训项目", "other_ref": "<mapping>#2",
                             "indicator_similarity": "100", "shared": 5},
         {"本表": "<mapping>#3", "雷同的表": "<mapping>#2", "相同的指标（名称与指标值）": "5"},
         Location(path="<mapping>", line=40), 2),
    ]


def test_c107_unnamed_forms_are_named_as_such():
    findings = _unit_findings(C107, _project(None, _C107_GOAL), _project("乙项目", _C107_GOAL, index=1),
                              _project(None, _C107_GOAL, index=2))
    assert [(f.args["name"], f.args["other"]) for f in findings] == \
        [("乙项目", "（无名称）"), ("（无名称）", "（无名称）"), ("（无名称）", "乙项目")]


@pytest.mark.parametrize("first,second,options,expected", [
    # a goal alone, indicators alone, and one form without what the other has
    ((_C107_GOAL, ()), (_C107_GOAL, ()), {}, [("C107.goal", 1, "100", None)]),
    (("", _rows(5)), ("", _rows(5)), {}, [("C107.indicators", 1, None, "100")]),
    ((_C107_GOAL, _rows(5)), ("保障正常运转", _rows(5)), {}, [("C107.indicators", 1, None, "100")]),
    ((_C107_OTHER_GOAL, _rows(5)), (_C107_GOAL, _rows(5)), {}, [("C107.indicators", 1, None, "100")]),
    # the sizes: min_goal_chars and min_indicators are the least compared
    (("全年开展高素质农民培训五百人次", ()), ("全年开展高素质农民培训五百人次", ()), {}, [("C107.goal", 1, "100", None)]),
    (("全年开展高素质农民培训五百人", ()), ("全年开展高素质农民培训五百人", ()), {}, []),
    (("", _rows(4)), ("", _rows(4)), {}, [("C107.indicators", 1, None, "100")]),
    (("", _rows(3)), ("", _rows(3)), {}, []),
    (("", _rows(3)), ("", _rows(3)), {"min_indicators": 3}, [("C107.indicators", 1, None, "100")]),
    # the threshold itself is a copy: 7 rows of the other's 10 are 70% of the distinct rows
    (("", _rows(10)), ("", _rows(7)), {}, [("C107.indicators", 1, None, "70")]),
    (("", _rows(10)), ("", _rows(7)), {"indicator_similarity": Decimal(71)}, []),
    # long-term rows are not the annual indicator set: one annual row each is too few to compare
    (("", [*_rows(1, "甲"), *_rows(5, "年", period="long_term")]),
     ("", [*_rows(1, "乙"), *_rows(5, "年", period="long_term")]), {}, []),
])
def test_c107_case(first, second, options, expected):
    forms = _project("甲项目", first[0], first[1]), _project("乙项目", second[0], second[1], index=1)
    assert _c107(*forms, **options) == expected


def test_c107_a_form_of_the_same_name_does_not_end_the_comparison():
    """The third form repeats the first's name (C105's duplicate) and copies the second."""
    forms = [_project("甲项目", _C107_OTHER_GOAL, _rows(5, "甲")), _project("乙项目", _C107_GOAL, index=1),
             _project("甲项目", _C107_GOAL, index=2)]
    assert _c107(*forms) == [("C107.goal", 2, "100", None)]
